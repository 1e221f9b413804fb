# SPDX-License-Identifier: LGPL-2.1-or-later
# Cases for examples/elect-township (doc/formats-township.md; RULES.md §9;
# issue 8 items 3 and 4). `case` and `Result` are provided by
# run-example-tests.py.
import json

SAMPLE = '{src}/examples/data/township-2026/township.json'
BEHIND = ['北坡村', '松岗村', '石门村', '红旗村', '高桥村']

ONE = json.dumps({
    "format": "libelect.township/1", "township": "测试镇", "profile": "village-committee",
    "villages": [{"name": "甲村", "election_day": "2026-12-20",
                  "problems": [{"id": "P1", "text": "问题", "opened": "2026-11-01",
                                "owner": "王", "due": "2026-12-01"}]}]}, ensure_ascii=False)


def check_sample(d):
    assert d['format'] == 'libelect.township-report/1', d['format']
    assert d['date'] == '2026-12-01' and d['days'] == 7, d
    assert d['behind'] == BEHIND, d['behind']
    assert len(d['villages']) == 30, len(d['villages'])
    assert set(d['complex']) == {'北坡村', '凤凰村', '新塘村'}, d['complex']
    past = sorted(p['subject'] for p in d['problems_past_due'])
    assert past == ['QS-01', 'QS-02', 'QS-05', 'QS-06'], past
    codes = {f['code'] for v in d['villages'] for f in v['findings']}
    for c in ['township-step-overdue', 'township-step-due', 'township-step-done-late',
              'problem-past-due', 'problem-open', 'problem-closed', 'village-complex',
              'discipline-in-window', 'decision-out-of-order', 'decision-step-missing',
              'decision-in-order']:
        assert c in codes, c
    for v in d['villages']:
        assert v['behind'] == (v['name'] in BEHIND), v['name']


def check_later(d):
    # On the day after, 杏花村 (roll due 2 December) is not yet behind; on
    # 3 December it is.
    assert '杏花村' not in d['behind'], d['behind']


def check_one_json(d):
    v = d['villages'][0]
    assert v['behind'] is True and v['flagged'] is True, v
    assert [f['subject'] for f in d['problems_past_due']] == ['P1'], d['problems_past_due']


CASES = [
    case('sample json on a fixed day: exactly the villages behind',
         ['elect-township', '--date', '2026-12-01', '--days', '7', SAMPLE],
         stdout_json=check_sample, stderr_empty=True),
    case('sample text zh (default)',
         ['elect-township', '--format', 'text', '--date', '2026-12-01', SAMPLE],
         stdout_has=['青山镇：截至 2026-12-01 的换届选举进度', '逾期未完成的步骤：', '临期步骤：',
                     '超期未销号的问题（挂账督办）：', '换届纪律：', '四议两公开',
                     '进度滞后：' + '、'.join(BEHIND), '需派驻工作组'],
         stderr_empty=True),
    case('sample text en',
         ['elect-township', '--lang', 'en', '--format', 'text', '--date', '2026-12-01', SAMPLE],
         stdout_has=['election progress on 2026-12-01', 'Steps overdue:', 'Problems past due',
                     'Behind: ' + ', '.join(BEHIND), 'on track', 'behind'],
         stdout_lacks=['未完成，最后期限'], stderr_empty=True),
    case('a later day', ['elect-township', '--date', '2026-12-02', SAMPLE],
         stdout_json=check_later),
    case('3 December: 杏花村 is behind', ['elect-township', '--date', '2026-12-03', SAMPLE],
         stdout_json=lambda d: '杏花村' in d['behind'] or
         (_ for _ in ()).throw(AssertionError(d['behind']))),
    case('one village, problem due on D is past due',
         ['elect-township', '--date', '2026-12-01', '{tmp}/t.json'], files={'t.json': ONE},
         stdout_json=check_one_json),
    case('output file written atomically',
         ['elect-township', '--date', '2026-12-01', '-o', '{tmp}/out.json', '{tmp}/t.json'],
         files={'t.json': ONE}, stdout_lines=0,
         check=lambda r: json.load(open(r.tmp + '/out.json'))['format'] == 'libelect.township-report/1'
         or (_ for _ in ()).throw(AssertionError('bad output'))),
    # ---- errors: exit 1, one line naming the file and the path ----------
    case('bad date in the file',
         ['elect-township', '--lang', 'en', '--date', '2026-12-01', '-o', '{tmp}/out.json', '{tmp}/t.json'],
         files={'t.json': ONE.replace('2026-12-20', '2026-12-32')}, exit=1, stderr_lines=1,
         stderr_has=['elect-township: ', 't.json', '$.villages[0].election_day'],
         files_absent=['{tmp}/out.json']),
    case('unknown member',
         ['elect-township', '--lang', 'en', '--date', '2026-12-01', '{tmp}/t.json'],
         files={'t.json': ONE.replace('"township":', '"townshp":')}, exit=1, stderr_lines=1,
         stderr_has=['t.json', 'townshp']),
    case('unknown profile names the village',
         ['elect-township', '--lang', 'en', '--date', '2026-12-01', '{tmp}/t.json'],
         files={'t.json': ONE.replace('"village-committee"', '"no-such-profile"')}, exit=1,
         stderr_lines=1, stderr_has=['t.json', '甲村', 'no-such-profile']),
    case('missing file', ['elect-township', '--date', '2026-12-01', '{tmp}/none.json'],
         exit=1, stderr_lines=1, stderr_has=['none.json']),
    # ---- usage: exit 2 --------------------------------------------------
    case('no --date', ['elect-township', SAMPLE], exit=2, stderr_has=['--date']),
    case('bad --date', ['elect-township', '--date', '2026-02-30', SAMPLE], exit=2,
         stderr_has=['--date']),
    case('bad --days', ['elect-township', '--date', '2026-12-01', '--days', '400', SAMPLE],
         exit=2, stderr_has=['--days']),
    case('bad --format', ['elect-township', '--format', 'xml', '--date', '2026-12-01', SAMPLE],
         exit=2),
    case('bad --lang', ['elect-township', '--lang', 'fr', '--date', '2026-12-01', SAMPLE], exit=2),
    case('no file', ['elect-township', '--date', '2026-12-01'], exit=2),
]
