# SPDX-License-Identifier: LGPL-2.1-or-later
# Cases for examples/elect-slate (FORMATS.md §3; doc/formats-candidates.md;
# RULES.md §7). `case` and `Result` are provided by run-example-tests.py.
import json

SAMPLE = ['elect-slate', '--profile', 'zhejiang-village-committee',
          '--nominations', '{src}/examples/data/village-2026/nominations.json',
          '--candidates', '{src}/examples/data/village-2026/candidates.json',
          '--negative-list', '{src}/data/negative-lists/village-5-years.ini',
          '--reference-date', '2026-11-30']


def verdicts(doc):
    return {v['name']: (v['verdict'], [m['item'] for m in v['matches']]) for v in doc['vetting']}


def post(doc, pid):
    return next(p for p in doc['nomination']['posts'] if p['id'] == pid)


def check_sample(doc):
    assert doc['format'] == 'libelect.slate/1'
    v = verdicts(doc)
    # Every item of the 5-year example list is hit by someone (RULES §7.2).
    items = {i for _, (_, its) in v.items() for i in its}
    for item in ['criminal-record', 'gang-related', 'cult', 'under-investigation',
                 'discipline-period', 'party-discipline', 'detention', 'disruptive-petition',
                 'owes-collective', 'unqualified-member', 'election-bribery', 'long-absent',
                 'new-chair-age', 'continuing-chair-age', 'not-voter', 'sentenced']:
        assert item in items, item
    assert v['钱卫东'][0] == 'barred'
    assert v['吕海'][0] == 'not-recommended'
    # Released exactly 5 years before the reference date: eligible.
    assert v['褚建设'] == ('eligible', []), v['褚建设']
    # The vetting list is in stroke order: 王 (4) first.
    assert doc['vetting'][0]['name'] == '王建国'
    chair = post(doc, 'chair')
    assert chair['official'] == ['王建国', '李明华'], chair['official']   # 钱卫东 barred: 李明华 moves up
    member = post(doc, 'member')
    assert member['official'] == ['冯建平', '孙海涛', '吴晓燕', '周文斌', '郑国庆'], member['official']
    # Each post's title, copied from the nomination file (for elect-print).
    assert [p.get('title') for p in doc['nomination']['posts']] == ['主任', '副主任', '妇女委员', '委员']
    codes = [r['code'] for r in doc['nomination']['reasons']]
    for c in ['nomination-quorum-met', 'nomination-too-many-names', 'nomination-two-posts-void',
              'nomination-duplicate-name']:
        assert c in codes, c
    conflicts = [r['code'] for r in doc['committee_conflicts']]
    assert conflicts == ['committee-member-nominated', 'committee-member-relative-nominated'], conflicts


def check_3y(doc):
    v = verdicts(doc)
    # Detention on 2023-11-02: barred under the 5-year list, but 3 years
    # have elapsed by 2026-11-30 under the 3-year list.
    assert v['朱红'] == ('eligible', []), v['朱红']
    # Party discipline on 2025-01-15 is within 2 years: still barred.
    assert v['杨光辉'][0] == 'barred', v['杨光辉']
    # The gang-related event of 2022-08-01 is older than 3 years: eligible.
    assert v['潘小军'] == ('eligible', []), v['潘小军']


def check_output_file(r):
    # -o: the same document as on stdout, written to the file; stdout empty.
    assert r.stdout == '', r.stdout[:200]
    with open(r.tmp + '/slate.json', encoding='utf-8') as f:
        check_sample(json.load(f))


CASES = [
    case('sample-village', SAMPLE + ['--lang', 'en'], stdout_json=check_sample),
    case('-o writes the file', SAMPLE + ['--lang', 'en', '-o', '{tmp}/slate.json'],
         check=check_output_file),
    case('-o leaves nothing on failure',
         [a.replace('candidates.json', 'missing.json') for a in SAMPLE] + ['-o', '{tmp}/slate.json'],
         exit=1, stderr_lines=1, files_absent=['{tmp}/slate.json']),
    case('sample-village-zh', SAMPLE, stdout_json=lambda d: None, stdout_has=['不满5年']),
    case('three-year-list',
         [a.replace('village-5-years', 'village-3-years') for a in SAMPLE],
         stdout_json=check_3y),
    case('name-strokes', SAMPLE + ['--name-order', 'name-strokes'],
         stdout_json=lambda d: None, stdout_has=['"name_order" : "name-strokes"']),
    case('missing-required', ['elect-slate', '--profile', 'village-committee'], exit=2),
    case('bad-date', SAMPLE[:-1] + ['2026-13-01'], exit=2),
    case('bad-candidates-field', ['elect-slate', '--profile', 'village-committee',
                                  '--nominations', '{tmp}/n.json', '--candidates', '{tmp}/c.json',
                                  '--reference-date', '2026-11-30', '--lang', 'en'],
         files={'n.json': json.dumps({"format": "libelect.nominations/1",
                                      "posts": [{"id": "chair", "kind": "chair", "seats": 1}],
                                      "ballots": []}),
                'c.json': json.dumps({"format": "libelect.candidates/1",
                                      "people": [{"name": "王一"},
                                                 {"name": "李二", "birth_date": "1990-02-30"}]},
                                     ensure_ascii=False)},
         exit=1, stderr_lines=1, stdout_lines=0, stderr_has=['c.json', '$.people[1].birth_date']),
    case('bad-ballot-post', ['elect-slate', '--profile', 'village-committee',
                             '--nominations', '{tmp}/n.json', '--candidates', '{tmp}/c.json',
                             '--reference-date', '2026-11-30', '--lang', 'en'],
         files={'n.json': json.dumps({"format": "libelect.nominations/1",
                                      "posts": [{"id": "chair", "kind": "chair", "seats": 1}],
                                      "ballots": [{"chair": ["王一"]}, {"vice": ["李二"]}]},
                                     ensure_ascii=False),
                'c.json': '{"format": "libelect.candidates/1", "people": []}'},
         exit=1, stderr_lines=1, stdout_lines=0, stderr_has=['n.json', '$.ballots[1]', 'vice']),
    case('unknown-fact-item', SAMPLE[:5] + ['--candidates', '{tmp}/c.json'] + SAMPLE[7:] + ['--lang', 'en'],
         files={'c.json': '{"format": "libelect.candidates/1", "people": '
                          '[{"name": "王一", "facts": [{"item": "jaywalking"}]}]}'},
         exit=1, stderr_lines=1, stderr_has=['$.people[0].facts[0].item', 'jaywalking']),
    case('not-json', SAMPLE[:5] + ['--candidates', '{tmp}/c.json'] + SAMPLE[7:],
         files={'c.json': '{"format": '}, exit=1, stderr_lines=1, stdout_lines=0),
]


# A barred person is excluded with the match that bars, not with a soft
# (不宜) item that the list happens to give first (RULES §7.2).
SOFT_FIRST_LIST = """[item absent]
title=long absent
kind=flag
severity=not-recommended
source=SRC-SOFT
[item investigation]
title=under investigation
kind=flag
severity=barred
source=SRC-HARD
"""
BARRED_FILES = {
    'n.json': json.dumps({"format": "libelect.nominations/1",
                          "posts": [{"id": "chair", "kind": "chair", "seats": 1}],
                          "ballots": [{"chair": ["王一"]}, {"chair": ["王一"]}, {"chair": ["李二"]},
                                      {"chair": ["张三"]}]}, ensure_ascii=False),
    'c.json': json.dumps({"format": "libelect.candidates/1",
                          "people": [{"name": "王一", "facts": [{"item": "absent"},
                                                               {"item": "investigation"}]},
                                     {"name": "李二"}, {"name": "张三"}]}, ensure_ascii=False),
    'list.ini': SOFT_FIRST_LIST,
}


def check_barred_reason(doc):
    v = verdicts(doc)
    assert v['王一'] == ('barred', ['absent', 'investigation']), v['王一']
    chair = post(doc, 'chair')
    assert {n['name']: n['status'] for n in chair['nominees']}['王一'] == 'excluded'
    assert chair['official'] == ['李二', '张三'] or chair['official'] == ['张三', '李二'], chair
    cites = [r['citation'] for r in doc['nomination']['reasons'] if r['code'] == 'negative-list-item']
    assert cites == ['SRC-HARD'], cites


# ZJ 9 ¶2 (a committee member whose close relative is nominated leaves the
# election committee) follows the profile parameter
# candidates.relatives_leave_committee, not the profile's name.
ZJ9_FILES = {
    'n.json': json.dumps({"format": "libelect.nominations/1",
                          "posts": [{"id": "chair", "kind": "chair", "seats": 1}],
                          "committee": ["刘建华", "郑国庆", "马晓东"],
                          "ballots": [{"chair": ["刘秀英"]}, {"chair": ["郑国庆"]}]},
                         ensure_ascii=False),
    'c.json': json.dumps({"format": "libelect.candidates/1",
                          "people": [{"name": "刘秀英",
                                      "relatives": [{"name": "刘建华", "relation": "sibling"}]},
                                     {"name": "郑国庆"}]}, ensure_ascii=False),
    'jx-county.ini': '[profile]\nname=jx-county\nextends=zhejiang-village-committee\n',
    'jx-village.ini': '[profile]\nname=jx-village\nextends=jx-county\n',
    'gd.ini': ('[profile]\nname=guangdong-village-committee\nextends=village-committee\n'
               '[candidates]\nrelatives_leave_committee=true\n'
               'relatives_leave_committee.citation=某省村民委员会选举办法 第八条\n'),
}


def zj9_argv(profile):
    return ['elect-slate', '--profile', profile, '--nominations', '{tmp}/n.json',
            '--candidates', '{tmp}/c.json', '--reference-date', '2026-11-30', '--lang', 'en']


def conflicts_are(expected):
    def check(doc):
        got = [(r['code'], r['citation']) for r in doc['committee_conflicts']]
        assert got == expected, got
    return check


VCL12 = '村民委员会组织法 第十二条'
ZJ9 = '浙江省村民委员会选举办法 第九条'
GD = '某省村民委员会选举办法 第八条'

CASES += [
    case('barred-by-the-hard-item',
         ['elect-slate', '--profile', 'village-committee', '--nominations', '{tmp}/n.json',
          '--candidates', '{tmp}/c.json', '--negative-list', '{tmp}/list.ini',
          '--reference-date', '2026-11-30', '--lang', 'en'],
         files=BARRED_FILES, stdout_json=check_barred_reason),
    case('zj9-grandchild-profile-keeps-it', zj9_argv('{tmp}/jx-village.ini'), files=ZJ9_FILES,
         stdout_json=conflicts_are([('committee-member-relative-nominated', ZJ9),
                                    ('committee-member-nominated', VCL12 + '；' + ZJ9)])),
    case('zj9-zhejiang', zj9_argv('zhejiang-village-committee'), files=ZJ9_FILES,
         stdout_json=conflicts_are([('committee-member-relative-nominated', ZJ9),
                                    ('committee-member-nominated', VCL12 + '；' + ZJ9)])),
    case('zj9-not-in-village-committee', zj9_argv('village-committee'), files=ZJ9_FILES,
         stdout_json=conflicts_are([('committee-member-nominated', VCL12)])),
    case('zj9-custom-profile-sets-it', zj9_argv('{tmp}/gd.ini'), files=ZJ9_FILES,
         stdout_json=conflicts_are([('committee-member-relative-nominated', GD),
                                    ('committee-member-nominated', VCL12 + '；' + GD)])),
]
