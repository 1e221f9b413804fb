# SPDX-License-Identifier: LGPL-2.1-or-later
# Cases for examples/elect-journal, the counting desk (elect-journal.h):
# ballots and tally sheets entered one a line into a crash-safe journal,
# double entry (nothing counted until both entries agree), export to an
# election file that elect-count counts. The law: public counting recorded
# and signed (VCL 15, ZJ 26); a falsified count voids the election (VCL 17);
# the ballot is secret (VCL 15, RULES.md §4.6).
# `case` and `Result` are provided by run-example-tests.py.
import json
import os
import signal
import subprocess
import time

TEMPLATE = json.dumps({
    "format": "libelect.election/1",
    "profile": "village-committee",
    "electorate": 10,
    "ballots_issued": 9,
    "contests": [
        {"id": "chair", "title": "主任", "seats": 1, "candidates": ["王一", "李二"]},
        {"id": "member", "title": "委员", "seats": 2, "candidates": ["张三", "赵四", "陈五"]},
    ],
    "ballots": [],
}, ensure_ascii=False)

PARTY = json.dumps({
    "format": "libelect.election/1",
    "profile": "party-committee",
    "electorate": 10, "present": 9, "ballots_issued": 9,
    "contests": [{"id": "committee", "seats": 2, "candidates": ["马文华", "王丽萍", "石磊"]}],
    "ballots": [],
}, ensure_ascii=False)

DESK = ['elect-journal', '--lang', 'en', '--election', '{tmp}/t.json', '{tmp}/d.journal']

SESSION = """ballot chair=王一 member=张三,赵四
ballot chair=李二 member=张三、+孙九
spoiled
ballot
first 3
ballot chair=王一
ballot member=陈五
second 3
ballot chair=王一
ballot member=赵四
accept 3
discard 3 second
second 3
ballot chair=王一
ballot member=陈五
accept 3
status
export {tmp}/e.json
"""


def check_session(r):
    lines = r.stdout.splitlines()
    assert lines[0] == 'ok: new journal %s/d.journal' % r.tmp, lines[0]
    assert 'ok: ballot recorded; 4 counted' in r.stdout
    # the first acceptance lists the one difference, with its place
    assert 'ballots[1].member: first entry ["陈五"], second entry ["赵四"]' in r.stdout
    assert 'batch 3 is not accepted: its two entries differ' in r.stderr
    assert 'ok: batch 3 accepted; 6 counted' in r.stdout
    with open(os.path.join(r.tmp, 'e.json'), encoding='utf-8') as f:
        e = json.load(f)
    assert len(e['ballots']) == 6, e['ballots']
    assert {"spoiled": True} in e['ballots'] and {} in e['ballots']
    # sorted: the order of entry is not in the file (secret ballot)
    texts = [json.dumps(b, ensure_ascii=False, separators=(',', ':'), sort_keys=True) for b in e['ballots']]
    assert texts == sorted(texts), texts
    c = r.run(['elect-count', '{tmp}/e.json'])
    assert c.exit == 0, c.stderr
    res = json.loads(c.stdout)
    chair = {x['name']: x['votes'] for x in res['contests'][0]['candidates']}
    assert chair == {'王一': 2, '李二': 1}, chair
    assert res['ballots_returned'] == 6 and res['ballots_invalid'] == 1, res


def check_reopen(r):
    # the session above, then a second session on the same journal
    again = r.run(DESK, stdin='ballot chair=李二\nstatus\n')
    assert again.exit == 0, again.stderr
    assert again.stdout.startswith('ok: 2 records, 1 ballots counted'), again.stdout
    assert 'ok: 3 records, 2 ballots counted' in again.stdout, again.stdout


def check_crash(r):
    """SIGKILL while entering: the next session recovers every
    acknowledged ballot (each "ok" line is printed after the fsync)."""
    for k in range(8):
        p = subprocess.Popen(
            [os.path.join(os.environ['ELECT_BUILD_ROOT'], 'examples', 'elect-journal'),
             '--lang', 'en', '--election', os.path.join(r.tmp, 't.json'),
             os.path.join(r.tmp, 'crash.journal')],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=r.tmp)
        acked = 0
        first = p.stdout.readline()
        assert first.startswith(b'ok: '), first
        for i in range(5 + 3 * k):
            p.stdin.write('ballot chair=王一 member=+第{}号\n'.format(i).encode('utf-8'))
            p.stdin.flush()
            line = p.stdout.readline()
            assert line.startswith(b'ok: ballot recorded'), line
            acked += 1
        p.stdin.write('ballot chair=李二\n'.encode('utf-8') * 50)
        p.stdin.flush()
        time.sleep(0.002 * k)
        p.send_signal(signal.SIGKILL)
        p.wait()
        p.stdout.close()
        p.stderr.close()
        p.stdin.close()
        s = r.run(['elect-journal', '--lang', 'en', '--election', '{tmp}/t.json',
                   '{tmp}/crash.journal'], stdin='status\n')
        assert s.exit == 0, s.stderr
        counted = int(s.stdout.split(' records, ')[1].split(' ')[0])
        total = counted
        assert total >= acked, (total, acked)
        os.unlink(os.path.join(r.tmp, 'crash.journal'))


def check_other_paper(r):
    o = r.run(['elect-journal', '--lang', 'en', '--election', '{tmp}/o.json', '{tmp}/d.journal'],
              stdin='quit\n')
    assert o.exit == 1 and 'the journal was made for another ballot paper' in o.stderr, o.stderr
    assert len(o.stderr.splitlines()) == 1, o.stderr


def check_party(r):
    with open(os.path.join(r.tmp, 'e.json'), encoding='utf-8') as f:
        e = json.load(f)
    assert e['ballots'] == [{"committee": {"abstain": ["石磊"], "against": ["王丽萍"],
                                           "for": ["马文华"], "write_in": {"王丽萍": "张红梅"}}}], e


SHEET = """first 1
sheet returned=9 invalid=1 chair/王一=5 chair/李二=3 member/张三=6 member/+孙九=1
second 1
sheet returned=9 invalid=1 chair/王一=5 chair/李二=2 member/张三=6 member/+孙九=1
compare 1
discard 1 second
second 1
sheet returned=9 invalid=1 chair/王一=5 chair/李二=3 member/张三=6 member/+孙九=1
accept 1
export {tmp}/e.json
"""


def check_sheet(r):
    assert 'totals.votes.chair.李二: first entry 3, second entry 2' in r.stdout, r.stdout
    with open(os.path.join(r.tmp, 'e.json'), encoding='utf-8') as f:
        e = json.load(f)
    assert e['totals']['ballots_returned'] == 9
    assert e['totals']['votes']['member']['孙九'] == 1, e['totals']
    c = r.run(['elect-count', '{tmp}/e.json'])
    assert c.exit == 0 and json.loads(c.stdout)['source'] == 'tally_sheet', c.stdout


CASES = [
    case('session: entry, double entry, export, count', DESK,
         files={'t.json': TEMPLATE}, stdin=SESSION, exit=1, check=check_session,
         stderr_lines=1),
    case('reopen: a second session goes on from the first',
         DESK, files={'t.json': TEMPLATE}, stdin='ballot chair=王一\n', check=check_reopen),
    case('typo: a name not on the paper is refused, not taken as a write-in',
         DESK, files={'t.json': TEMPLATE}, stdin='ballot chair=王1\nstatus\n', exit=1,
         stderr_has=['line 1: “王1” is not a candidate of “chair”: write a write-in as +NAME'],
         stdout_has=['ok: 1 records, 0 ballots counted']),
    case('crash: SIGKILL during entry, every acknowledged ballot recovered',
         DESK, files={'t.json': TEMPLATE}, stdin='quit\n', check=check_crash, timeout=120),
    case('party paper: for, against, abstain, written on a line',
         DESK, files={'t.json': PARTY},
         stdin='ballot committee=马文华,-王丽萍,~石磊,王丽萍>张红梅\nexport {tmp}/e.json\n',
         check=check_party),
    case('tally sheet entered twice, compared, accepted, exported', DESK,
         files={'t.json': TEMPLATE}, stdin=SHEET, check=check_sheet),
    case('batch mode: entries acknowledged at sync',
         ['elect-journal', '--lang', 'en', '--sync', 'batch', '--election', '{tmp}/t.json',
          '{tmp}/d.journal'], files={'t.json': TEMPLATE},
         stdin='ballot chair=王一\nsync\n',
         stdout_has=['ok: ballot recorded (on disk at the next sync); 1 counted',
                     'ok: on disk; 2 records']),
    case('chinese messages', ['elect-journal', '--lang', 'zh', '--election', '{tmp}/t.json',
                              '{tmp}/d.journal'],
         files={'t.json': TEMPLATE}, stdin='ballot chair=王一\nnonsense\n', exit=1,
         stdout_has=['已记录'], stderr_has=['未知命令']),
    case('an empty file is not a journal',
         DESK, files={'t.json': TEMPLATE, 'd.journal': b''}, exit=1, stderr_lines=1,
         stderr_has=['an empty file, not a libelect.journal/1 journal']),
    case('another paper: the journal is refused',
         DESK, files={'t.json': TEMPLATE, 'o.json': TEMPLATE.replace('陈五', '陈六')},
         stdin='quit\n', check=check_other_paper),
    case('usage: no template', ['elect-journal', '{tmp}/d.journal'], exit=2),
    case('usage: bad --sync', DESK[:1] + ['--sync', 'never'] + DESK[1:], files={'t.json': TEMPLATE},
         exit=2, stderr_has=['--sync takes entry or batch']),
]
