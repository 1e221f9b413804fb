# SPDX-License-Identifier: LGPL-2.1-or-later
# Cases for examples/elect-count (FORMATS.md §1–§3; RULES.md §5, §6).
# `case` and `Result` are provided by run-example-tests.py.
import json
import os

DATA = '{src}/examples/data'

BASE = {
    "format": "libelect.election/1",
    "profile": "village-committee",
    "electorate": 10,
    "ballots_issued": 9,
    "contests": [
        {"id": "chair", "title": "主任", "seats": 1, "candidates": ["王一", "李二"]},
        {"id": "member", "title": "委员", "seats": 2, "candidates": ["张三", "赵四", "陈五"]},
    ],
    "ballots": [
        {"chair": ["王一"], "member": ["张三", "赵四"]},
        {"chair": ["王一"], "member": ["张三"]},
        {"chair": ["李二"], "member": ["赵四", "陈五"]},
        {"chair": ["王一"], "member": ["张三", "赵四"]},
        {"chair": ["王一"], "member": ["张三", "赵四"]},
        {"spoiled": True},
    ],
}


def doc(**changes):
    """BASE with members replaced (None removes one), as JSON text."""
    d = json.loads(json.dumps(BASE))
    for k, v in changes.items():
        if v is None:
            d.pop(k, None)
        else:
            d[k] = v
    return json.dumps(d, ensure_ascii=False)


def result_of(path_or_text):
    return json.loads(path_or_text)


def check_base(r):
    d = json.loads(r.stdout)
    assert d['format'] == 'libelect.result/1', d['format']
    assert d['valid'] is True
    assert d['ballots_returned'] == 6 and d['ballots_invalid'] == 1, d
    chair = d['contests'][0]
    assert chair['elected'] == ['王一'], chair
    assert {c['name']: c['votes'] for c in chair['candidates']} == {'王一': 4, '李二': 1}
    member = d['contests'][1]
    assert member['elected'] == ['张三', '赵四'], member


def bad(name, text, path, fragment, code_word=None):
    """A malformed election file: exit 1, ONE line on stderr naming the file,
    a line:column, the JSON path and what was expected; no stdout."""
    def check(r):
        line = r.stderr.strip()
        assert line.startswith('elect-count: '), line
        assert 'e.json:' in line, 'no file name: ' + line
        rest = line.split('e.json:', 1)[1]
        lc = rest.split(':')[:2]
        assert all(x.isdigit() for x in lc), 'no line:column: ' + line
        assert r.stdout == '', r.stdout
    return case(name, ['elect-count', '--lang', 'en', '{tmp}/e.json'],
                files={'e.json': text}, exit=1, stderr_lines=1,
                stderr_has=[path, fragment], check=check)


def check_same_as_path(r):
    ref = r.run(['elect-count', DATA + '/village-2026/election.json'])
    assert ref.exit == 0, ref.stderr
    assert json.loads(ref.stdout) == json.loads(r.stdout), 'stdin and path differ'


def check_village(r):
    d = json.loads(r.stdout)
    assert d['valid'] is True and d['profile'] == 'zhejiang-village-committee'
    assert d['ballots_returned'] == 1210, d['ballots_returned']
    ids = [c['id'] for c in d['contests']]
    assert ids == ['chair', 'vice', 'women', 'member'], ids
    defects = d['ballot_defects']
    # every kind of defect the sample was made with (tools/gen-samples.py)
    for code in ['overvote', 'duplicate-mark', 'unreadable', 'write-in-listed',
                 'write-in-other-post', 'write-in-not-eligible', 'write-in-ambiguous',
                 'write-in-blank', 'women-post-not-woman']:
        assert defects.get(code, 0) > 0, 'no %s in %s' % (code, defects)
    assert defects['unreadable'] == 10 and defects['overvote'] == 18, defects
    assert d['contests'][0]['elected'] == ['王建国']
    assert len(d['contests'][3]['elected']) == 3


def check_atomic(r):
    out = os.path.join(r.tmp, 'out.json')
    assert r.stdout == '', 'stdout not empty with -o'
    with open(out, encoding='utf-8') as f:
        d = json.load(f)
    assert d['format'] == 'libelect.result/1'
    assert [n for n in os.listdir(r.tmp) if n.startswith('out.json.')] == [], os.listdir(r.tmp)


def check_round1(r):
    d = json.loads(r.stdout)
    member = d['contests'][1]
    assert member['unfilled'] == 1, member
    nxt = member['next']
    assert nxt['action'] == 'supplementary' and nxt['seats'] == 1, nxt
    # round2.json holds exactly the candidates round 1 names
    with open(os.path.join(os.environ.get('ELECT_SOURCE_ROOT', '.'),
                           'examples/data/supplementary/round2.json'), encoding='utf-8') as f:
        r2 = json.load(f)
    names = [c['name'] for c in r2['contests'][0]['candidates']]
    assert sorted(names) == sorted(nxt['candidates']), (names, nxt)


def check_void(r):
    d = json.loads(r.stdout)
    assert d['valid'] is False, d
    assert all(c['next']['action'] == 'rerun' and c['elected'] == [] for c in d['contests'])


def check_eligible_order(r):
    first = r.run(['elect-count', '{tmp}/first.json'])
    last = r.run(['elect-count', '{tmp}/last.json'])
    assert first.exit == 0 and last.exit == 0, first.stderr + last.stderr
    a, b = json.loads(first.stdout), json.loads(last.stdout)
    assert a == b, 'eligible before or after the ballots gives other results'
    assert a['ballot_defects'].get('write-in-not-eligible') == 1, a['ballot_defects']


# The Chinese announcement (选举结果公告) is Chinese throughout: every status,
# next action, defect and reason message, whatever the outcome (RULES §5.2,
# §6.1, §6.3, §6.7, §6.9). Only reason codes [code], the profile's name and
# the candidates' names may be Latin.
ZH_DOCS = {
    'void.json': doc(electorate=100, ballots_issued=None),
    'tie.json': doc(ballots=[{"chair": ["王一"], "member": ["张三", "赵四"]}] * 3
                    + [{"chair": ["李二"], "member": ["张三", "陈五"]}] * 3),
    'relatives.json': doc(profile='zhejiang-village-committee',
                          relations=[{"a": "王一", "b": "张三", "relation": "parent"}],
                          ballots=[{"chair": ["王一"], "member": ["张三", "赵四"]}] * 5
                          + [{"chair": ["王一", "李二"]}, {"spoiled": True}, {"member": ["钱六"]}]),
    'recount.json': doc(ballots=None, totals={"ballots_returned": 5, "ballots_invalid": 9,
                                              "votes": {"chair": {"王一": 6}}}),
}


def check_zh_text(r):
    import re
    for name in list(ZH_DOCS) + [DATA + '/village-2026/election.json',
                                 DATA + '/party-branch/election.json']:
        path = name if '/' in name else '{tmp}/' + name
        t = r.run(['elect-count', '--format', 'text', '--lang', 'zh', path])
        assert t.exit == 0, t.stderr
        rest = re.sub(r'\[[a-z0-9-]+\]|（[a-z0-9-]+）', '', t.stdout)
        latin = re.findall(r'[^\n]*[A-Za-z]{2,}[^\n]*', rest)
        assert not latin, '%s: English in the zh announcement: %s' % (name, latin[:3])
    void = r.run(['elect-count', '--format', 'text', '--lang', 'zh', '{tmp}/void.json'])
    assert '王一：4 票，未作决定' in void.stdout and '当选至少须得' not in void.stdout, void.stdout
    rel = r.run(['elect-count', '--format', 'text', '--lang', 'zh', '{tmp}/relatives.json'])
    assert '系父母子女关系' in rel.stdout and '[relatives-avoided]' in rel.stdout, rel.stdout


ELIG = dict(BASE)
ELIG_BALLOTS = BASE['ballots'] + [{"member": ["钱六"]}, {"member": ["孙七"]}]


def elig_doc(first):
    d = {k: v for k, v in BASE.items() if k != 'ballots'}
    if first:
        d['eligible'] = ['钱六']
    d['ballots'] = ELIG_BALLOTS
    if not first:
        d['eligible'] = ['钱六']
    return json.dumps(d, ensure_ascii=False)


BALLOTS_FIRST = json.dumps({"ballots": BASE['ballots'], **{k: v for k, v in BASE.items() if k != 'ballots'}},
                           ensure_ascii=False)

CASES = [
    # ---- results ----------------------------------------------------------
    case('base json', ['elect-count', '{tmp}/e.json'], files={'e.json': doc()},
         stdout_json=True, stderr_empty=True, check=check_base),
    case('village sample json', ['elect-count', DATA + '/village-2026/election.json'],
         stdout_json=True, stderr_empty=True, check=check_village),
    case('village sample text zh (选举结果公告)',
         ['elect-count', '--format', 'text', DATA + '/village-2026/election.json'],
         stdout_has=['选举结果公告', '2026年12月20日', '主任', '王建国', '当选', '妇女委员', '无效票', '依据'],
         stderr_empty=True),
    case('text zh is Chinese throughout (void, tie, relatives, recount, samples)',
         ['elect-count', '--format', 'text', '{tmp}/void.json'], files=ZH_DOCS,
         check=check_zh_text),
    case('village sample text en',
         ['elect-count', '--lang', 'en', '--format', 'text', DATA + '/village-2026/election.json'],
         stdout_has=['announcement of the result', 'Election day: 2026-12-20', 'Electorate: 1586',
                     'ballots returned: 1210', 'Elected: 王建国', 'Next: none', 'overvote'],
         stderr_empty=True),
    case('party branch sample', ['elect-count', DATA + '/party-branch/election.json'],
         stdout_json=lambda d: (d['valid'] is True and len(d['contests'][0]['elected']) == 5
                                and d['ballot_defects'].get('contradictory-mark') == 1
                                and d['ballot_defects'].get('abstain-write-in') == 1) or
         (_ for _ in ()).throw(AssertionError(json.dumps(d, ensure_ascii=False)[:400]))),
    case('tally sheet sample', ['elect-count', DATA + '/tally-sheet/election.json'],
         stdout_json=lambda d: (d['ballots_returned'] == 2012 and d['contests'][0]['elected'] == ['陈静'])
         or (_ for _ in ()).throw(AssertionError(str(d)[:300]))),
    case('tally sheet with ballots_valid that does not add up: recount (RULES.md §6.9)',
         ['elect-count', '{tmp}/sheet.json'],
         files={'sheet.json': doc(ballots=None, totals={"ballots_returned": 9, "ballots_invalid": 1,
                                                        "ballots_valid": 7,
                                                        "votes": {"chair": {"王一": 6}}})},
         stdout_json=lambda d: ('sheet-valid-invalid-mismatch' in [x['code'] for x in d['reasons']]
                                and d['contests'][0]['next']['action'] == 'recount')
         or (_ for _ in ()).throw(AssertionError(json.dumps(d, ensure_ascii=False)[:400]))),
    case('tally sheet with ballots_valid that adds up is counted',
         ['elect-count', '{tmp}/sheet.json'],
         files={'sheet.json': doc(ballots=None, totals={"ballots_returned": 9, "ballots_invalid": 1,
                                                        "ballots_valid": 8,
                                                        "votes": {"chair": {"王一": 6}}})},
         stdout_json=lambda d: ('sheet-valid-invalid-mismatch' not in [x['code'] for x in d['reasons']]
                                and d['ballots_valid'] == 8 and d['contests'][0]['elected'] == ['王一'])
         or (_ for _ in ()).throw(AssertionError(json.dumps(d, ensure_ascii=False)[:400]))),
    case('supplementary round 1 names round 2', ['elect-count', DATA + '/supplementary/round1.json'],
         check=check_round1, env={'ELECT_SOURCE_ROOT': '{src}'}),
    case('supplementary round 2', ['elect-count', DATA + '/supplementary/round2.json'],
         stdout_json=lambda d: (d['round'] == 'supplementary' and len(d['contests'][0]['elected']) == 1)
         or (_ for _ in ()).throw(AssertionError(str(d)[:300]))),
    case('stdin', ['elect-count', '-'], stdin=open(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                               '..', '..', '..', 'examples', 'data',
                                                               'village-2026', 'election.json'),
                                                  encoding='utf-8').read(),
         check=check_same_as_path),
    case('void round exits 0 (quorum not met)', ['elect-count', '{tmp}/e.json'],
         files={'e.json': doc(electorate=100, ballots_issued=None)}, check=check_void),
    case('-o writes atomically', ['elect-count', '-o', '{tmp}/out.json', '{tmp}/e.json'],
         files={'e.json': doc()}, check=check_atomic),
    case('-o leaves nothing on failure', ['elect-count', '-o', '{tmp}/out.json', '{tmp}/e.json'],
         files={'e.json': doc(electorate=-1)}, exit=1, stderr_lines=1,
         files_absent=['{tmp}/out.json']),
    case('ballots before profile: second pass over a file', ['elect-count', '{tmp}/e.json'],
         files={'e.json': BALLOTS_FIRST}, check=check_base),
    case('ballots before profile in a pipe: clear error', ['elect-count', '--lang', 'en', '-'],
         stdin=BALLOTS_FIRST, exit=1, stderr_lines=1,
         stderr_has=['<stdin>:1:', '$.ballots', 'pipe']),
    case('eligible after ballots gives the same result', ['elect-count', '{tmp}/first.json'],
         files={'first.json': elig_doc(True), 'last.json': elig_doc(False)}, check=check_eligible_order),
    case('x- members are ignored', ['elect-count', '{tmp}/e.json'],
         files={'e.json': doc(**{'x-note': {'any': [1, 2.5, None, True, "s"]}})}, check=check_base),
    case('names are normalised (NFC, spaces, escapes)', ['elect-count', '{tmp}/e.json'],
         files={'e.json': doc().replace('{"chair": ["王一"], "member": ["张三"]}',
                                        '{"chair": [" \\u738b\\u4e00　"], "member": ["张三"]}')},
         check=check_base),
    case('profile key file relative to the election file',
         ['elect-count', '{tmp}/sub/e.json'],
         files={'sub/e.json': doc(profile='my.ini'),
                'sub/my.ini': '[profile]\nname=my-village\ntitle=测试\nextends=village-committee\n'},
         stdout_json=lambda d: d['profile'] == 'my-village' or
         (_ for _ in ()).throw(AssertionError(d['profile']))),

    # ---- usage (exit 2) ---------------------------------------------------------
    case('no file', ['elect-count'], exit=2),
    case('two files', ['elect-count', 'a', 'b'], exit=2),
    case('unknown option', ['elect-count', '--bogus', 'x'], exit=2, stderr_lines=1),
    case('bad --format', ['elect-count', '--format', 'xml', 'x'], exit=2, stderr_lines=1),
    case('bad --lang', ['elect-count', '--lang', 'fr', 'x'], exit=2, stderr_lines=1),
    case('missing file', ['elect-count', '{tmp}/nope.json'], exit=1, stderr_lines=1,
         stderr_has=['nope.json']),

    # ---- malformed input (exit 1, one precise line) ------------------------------
    bad('truncated JSON', doc()[:-40], '$.ballots[', 'truncated'),
    bad('truncated in the header', doc()[:60], '$', 'truncated'),
    bad('empty file', '', '$', 'empty input'),
    bad('not an object', '[1, 2]', '$', 'expected an election'),
    bad('wrong type: electorate', doc(electorate="10"), '$.electorate', 'expected a whole number, found a string'),
    bad('wrong type: seats', doc(contests=[{"id": "c", "seats": "1", "candidates": ["甲"]}]),
        '$.contests[0].seats', 'expected a whole number'),
    bad('wrong type: ballots', doc(ballots={"a": 1}), '$.ballots', 'expected an array of ballots'),
    bad('wrong type: a ballot', doc(ballots=[{"chair": ["王一"]}, 7]), '$.ballots[1]', 'expected a ballot'),
    bad('wrong type: a mark', doc(ballots=[{"chair": [1]}]), '$.ballots[0].chair[0]', 'expected a name'),
    bad('wrong type: a contest value', doc(ballots=[{"chair": "王一"}]), '$.ballots[0].chair',
        'expected an array of names'),
    bad('wrong type: candidates', doc(contests=[{"id": "c", "seats": 1, "candidates": "甲"}]),
        '$.contests[0].candidates', 'expected an array of candidates'),
    bad('negative count', doc(ballots_issued=-5), '$.ballots_issued', 'negative'),
    bad('negative votes on a tally sheet',
        doc(ballots=None, totals={"ballots_returned": 5, "ballots_invalid": 0,
                                  "votes": {"chair": {"王一": -1}}}),
        '$.totals.votes.chair.王一', 'negative'),
    bad('fraction', doc(electorate=10.5), '$.electorate', 'fraction'),
    bad('unknown contest id in a ballot',
        doc(ballots=[{"chair": ["王一"]}] * 3 + [{"mayor": ["王一"]}]),
        '$.ballots[3]', 'unknown contest id "mayor"'),
    bad('unknown contest id on a tally sheet',
        doc(ballots=None, totals={"ballots_returned": 5, "ballots_invalid": 0, "votes": {"mayor": {}}}),
        '$.totals.votes', 'unknown contest id "mayor"'),
    bad('contest with 0 seats', doc(contests=[{"id": "c", "seats": 0, "candidates": ["甲"]}]),
        '$.contests[0].seats', '0 seats'),
    bad('duplicate candidate names', doc(contests=[{"id": "c", "seats": 1, "candidates": ["甲", "乙", "甲"]}]),
        '$.contests[0].candidates[2]', 'duplicate candidate name'),
    bad('duplicate candidate names after normalisation',
        doc(contests=[{"id": "c", "seats": 1, "candidates": ["ＡＢ", "AB "]}]),
        '$.contests[0].candidates[1]', 'duplicate candidate name'),
    bad('duplicate contest id', doc(contests=[{"id": "c", "seats": 1, "candidates": ["甲"]},
                                             {"id": "c", "seats": 1, "candidates": ["乙"]}]),
        '$.contests[1]', 'duplicate contest id'),
    bad('a number beyond elect_count_max()', doc().replace('"electorate": 10', '"electorate": 2000000000000'),
        '$.electorate', 'above the largest count'),
    bad('a 2 GB-class number (digits beyond 64 bits)',
        doc().replace('"electorate": 10', '"electorate": ' + '9' * 100000),
        '$.electorate', 'above the largest count'),
    bad('unknown top-level member', doc(voters=3), '$', 'unknown member "voters"'),
    bad('unknown member of a contest', doc(contests=[{"id": "c", "seats": 1, "candidates": ["甲"], "seat": 2}]),
        '$.contests[0]', 'unknown member "seat"'),
    bad('wrong format', doc(format="libelect.election/2"), '$.format', 'unknown format'),
    bad('missing format', doc(format=None), '$', 'missing member "format"'),
    bad('missing ballots and totals', doc(ballots=None), '$', 'missing member "ballots" or "totals"'),
    bad('both ballots and totals',
        doc(totals={"ballots_returned": 1, "ballots_invalid": 0, "votes": {}}), '$.totals', 'both'),
    bad('a member given twice', doc()[:-1] + ', "electorate": 5}', '$.electorate', 'given twice'),
    bad('a contest twice in one ballot', doc().replace('{"spoiled": true}', '{"chair": [], "chair": []}'),
        '$.ballots[5].chair', 'given twice'),
    bad('unknown profile', doc(profile="atlantis-committee"), '$.profile', 'atlantis'),
    bad('bad round', doc(round="final"), '$.round', 'regular'),
    bad('bad date', doc(date="2026-02-30"), '$.date', 'YYYY-MM-DD'),
    bad('data after the document', doc() + ' {}', '$', 'after the end'),
    bad('invalid UTF-8', doc().encode('utf-8').replace('王一'.encode('utf-8'), b'\xe7\x8e', 1),
        '$.contests[0].candidates[0]', 'UTF-8'),
    bad('invalid UTF-8 in a write-in', doc().encode('utf-8').replace(b'{"spoiled": true}', b'{"member": ["\xff"]}'),
        '$.ballots[5].member[0]', 'UTF-8'),
    bad('a lone surrogate', doc().replace('"chair": ["王一"]', '"chair": ["\\ud800"]', 1), '$.ballots[0].chair[0]', 'surrogate'),
    bad('a bad escape', doc().replace('"chair": ["王一"]', '"chair": ["\\q"]', 1), '$.ballots[0].chair[0]', 'escape'),
    bad('a control character in a string', doc().replace('"chair": ["王一"]', '"chair": ["王\t一"]', 1),
        '$.ballots[0].chair[0]', 'control character'),
    bad('nesting too deep', doc(**{'x-deep': 1}).replace('"x-deep": 1', '"x-deep": ' + '[' * 100 + ']' * 100),
        '$.x-deep', 'nested deeper'),
    bad('a missing comma', doc().replace('], "member"', '] "member"', 1), '$.ballots[0]', "expected ',' or '}'"),
    bad('a tally sheet without ballots_returned',
        doc(ballots=None, totals={"ballots_invalid": 0, "votes": {}}), '$.totals', 'ballots_returned'),
]
