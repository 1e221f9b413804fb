# SPDX-License-Identifier: LGPL-2.1-or-later
# Cases for examples/elect-roll (FORMATS.md §3–§5; RULES.md §4).
# `case` and `Result` are provided by run-example-tests.py.
import csv
import io
import json
import os
import re

ROLL = '{src}/examples/data/village-2026/roll.csv'
ROLL_B = '{src}/examples/data/village-2026-b/roll.csv'
PROXIES = '{src}/examples/data/village-2026/proxies.csv'
PARTY = '{src}/examples/data/village-2026/party-roll.csv'
ZJ = ['elect-roll', '--lang', 'en', '--profile', 'zhejiang-village-committee', '--election-day', '2026-12-20']
HDR = 'name,id_number,hukou_here,resides_here\n'


def full_ids(r):
    path = r.argv[-1] if not r.argv[-1].startswith('-') else None
    with open(ROLL.replace('{src}', os.environ.get('ELECT_SOURCE_ROOT', '.')), encoding='utf-8') as f:
        return [row['id_number'] for row in csv.DictReader(f)]


def check_verdicts(r):
    doc = json.loads(r.stdout)
    assert doc['format'] == 'libelect.roll-verdicts/1'
    assert doc['profile'] == 'zhejiang-village-committee'
    assert doc['election_day'] == '2026-12-20'
    s = doc['summary']
    # The electorate of examples/data/village-2026/election.json.
    assert s['registered'] == 1586, s
    assert s['rows'] == s['registered'] + s['not_registered'] + s['not_eligible'] == len(doc['people'])
    codes = {x['code'] for p in doc['people'] for x in p['reasons']}
    for code in ['category-1', 'category-2', 'category-3', 'under-18', 'deprived-political-rights',
                 'political-rights-restored', 'no-intent', 'residence-under-1-year',
                 'no-application', 'no-assembly-consent', 'registered-elsewhere',
                 'extra-category-not-in-profile', 'work-counts']:
        assert code in codes, code
    for p in doc['people']:
        assert p['verdict'] in ('registered', 'not_registered', 'not_eligible')
        assert (p['category'] is None) == (p['verdict'] != 'registered'), p
        assert re.fullmatch(r'\d{6}\*{8}[\dX]{4}', p['id_masked']), p
        assert p['reasons'] and all(x['citation'] for x in p['reasons']), p
    # No full ID number anywhere in the verdicts either.
    for i in full_ids(r)[:200]:
        assert i not in r.stdout


def check_publish(r):
    ids = full_ids(r)
    assert len(ids) > 1000
    for i in ids:
        assert i not in r.stdout, 'full ID %s published' % i
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == 1586
    assert list(rows[0].keys()) == ['group', 'name', 'sex', 'id_masked']
    # RULES.md §4.4: by villager group in number order (第二组 before 第十组,
    # not code-point order), each group by surname strokes (the profile's
    # roll.order, group-then-strokes)
    numerals = '一二三四五六七八九'
    def number(g):
        m = re.fullmatch(r'第(.)组', g)
        assert m and m.group(1) in numerals, g
        return numerals.index(m.group(1)) + 1
    keys = [number(x['group']) for x in rows]
    assert keys == sorted(keys), 'not ordered by group number'
    assert len(set(keys)) > 2
    for x in rows:
        assert re.fullmatch(r'\d{6}\*{8}[\dX]{4}', x['id_masked']), x
        assert x['sex'] in ('male', 'female')


def check_excel(r):
    assert r.stdout.startswith('\ufeffgroup,name,sex,id_masked')


def check_proxies(r):
    doc = json.loads(r.stdout)
    p = doc['proxies']
    assert doc['proxies_valid'] == sum(1 for x in p if x['valid'])
    codes = [x['reasons'][0]['code'] for x in p]
    assert codes[3] == 'proxy-too-many', codes        # the 4th of one holder (ZJ 25)
    for code in ['proxy-is-candidate', 'proxy-not-near-relative', 'proxy-not-written',
                 'proxy-filed-late', 'proxy-principal-not-away', 'proxy-sub-delegation']:
        assert code in codes, code


def check_party(r):
    doc = json.loads(r.stdout)
    s = doc['summary']
    assert s['entitled'] < s['registered'], s
    codes = {x['code'] for p in doc['people'] for x in p['reasons']}
    for code in ['party-probationary', 'party-suspended', 'party-detained', 'exclusion-ill',
                 'exclusion-abroad', 'exclusion-serving-sentence', 'exclusion-bedridden',
                 'exclusion-not-approved']:
        assert code in codes, code


def check_dedup(r):
    doc = json.loads(r.stdout)
    assert doc['format'] == 'libelect.double-registrations/1'
    assert doc['count'] == 25 == len(doc['duplicates'])
    for d in doc['duplicates']:
        assert len(d['places']) == 2
        assert d['places'][0]['file'].endswith('village-2026/roll.csv')
        assert d['places'][1]['file'].endswith('village-2026-b/roll.csv')
        assert d['places'][0]['row'] > 1 and d['places'][1]['row'] > 1


def check_gb18030(r):
    doc = json.loads(r.stdout)
    assert doc['people'][0]['name'] == '王芳'
    assert doc['summary']['registered'] == 1


CASES = [
    case('verdicts of the sample village', ZJ + ['--lang', 'en', ROLL],
         stdout_json=True, check=check_verdicts, stderr_empty=True),
    case('publish: no full ID number, ordered by group', ZJ + ['--publish', ROLL],
         check=check_publish),
    case('publish --stroke-order: 陈 (7 strokes) before 林 (8) in a group (RULES.md §7.3)',
         ZJ + ['--publish', '--stroke-order', '{tmp}/roll.csv'],
         files={'roll.csv': 'group,name,id_number,hukou_here,resides_here\n'
                            '一组,林芳,11010519491231002X,yes,yes\n'
                            '一组,陈芳,440524188001010014,yes,yes\n'},
         stdout_re=[r'陈芳.*\n.*林芳']),
    case('publish: by strokes within a group by default (roll.order=group-then-strokes, RULES.md §4.4, §7.3)',
         ZJ + ['--publish', '{tmp}/roll.csv'],
         files={'roll.csv': 'group,name,id_number,hukou_here,resides_here\n'
                            '第十组,林芳,11010519491231002X,yes,yes\n'
                            '第二组,陈芳,440524188001010014,yes,yes\n'
                            '第二组,林丽,110105194912310038,yes,yes\n'},
         stdout_re=[r'第二组,陈芳.*\n第二组,林丽.*\n第十组,林芳']),
    case('publish --excel starts with a BOM', ZJ + ['--publish', '--excel', ROLL], check=check_excel),
    case('-o writes the file', ZJ + ['--publish', '-o', '{tmp}/public.csv', ROLL],
         check=lambda r: open(os.path.join(r.tmp, 'public.csv'), encoding='utf-8').read().startswith('group,')),
    case('proxies validated (ZJ 25)', ZJ + ['--proxies', PROXIES, ROLL], check=check_proxies),
    case('public list of proxies', ZJ + ['--proxies', PROXIES, '--publish-proxies', ROLL],
         stdout_has=['principal,principal_id_masked,proxy,proxy_id_masked,relation'],
         stdout_lines=17),
    case('party roll (PER Art. 5)', ['elect-roll', '--profile', 'party-committee',
                                     '--election-day', '2026-12-20', PARTY], check=check_party),
    case('double registrations across two villages', ZJ + ['--dedup', ROLL, ROLL_B],
         check=check_dedup),
    case('bad check character: exit 1, one line naming line and column',
         ZJ + ['-o', '{tmp}/out.json', '{tmp}/roll.csv'],
         files={'roll.csv': HDR + '王芳,11010519491231002X,yes,yes\n李明,440524188001010015,yes,yes\n'},
         exit=1, stderr_lines=1,
         stderr_has=['roll.csv:3: column id_number', 'expected 4 found 5'],
         files_absent=['{tmp}/out.json']),
    case('--lenient: a bad ID is a verdict', ZJ + ['--lenient', '--lang', 'en', '{tmp}/roll.csv'],
         files={'roll.csv': HDR + '李明,440524188001010015,yes,yes\n'},
         stdout_has=['"bad-id"', '"not_eligible"']),
    case('unknown column', ZJ + ['{tmp}/roll.csv'],
         files={'roll.csv': 'name,id_number,colour\n'}, exit=1, stderr_lines=1,
         stderr_has=['roll.csv:1: column 3: unknown column']),
    case('unclosed quote', ZJ + ['{tmp}/roll.csv'],
         files={'roll.csv': HDR + '"王芳,11010519491231002X,yes,yes\n'}, exit=1, stderr_lines=1,
         stderr_has=['not closed']),
    case('birth_date contradicting the ID', ZJ + ['{tmp}/roll.csv'],
         files={'roll.csv': 'name,id_number,birth_date\n王芳,11010519491231002X,1950-01-01\n'},
         exit=1, stderr_has=['roll.csv:2: column birth_date']),
    case('GB18030 input detected', ZJ + ['{tmp}/roll.csv'],
         files={'roll.csv': (HDR + '王芳,11010519491231002X,是,是\n').encode('gb18030')},
         check=check_gb18030),
    case('--encoding UTF-8 refuses GB18030 bytes', ZJ + ['--encoding', 'UTF-8', '{tmp}/roll.csv'],
         files={'roll.csv': (HDR + '王芳,11010519491231002X,是,是\n').encode('gb18030')},
         exit=1, stderr_has=['roll.csv:2: not valid UTF-8']),
    case('missing election day: usage error', ['elect-roll', '--profile', 'village-committee', ROLL],
         exit=2),
    case('bad election day: usage error', ZJ[:-1] + ['2026-02-30', ROLL], exit=2),
    case('errors in Chinese with --lang zh', ['elect-roll', '--lang', 'zh'] + ZJ[3:] + ['{tmp}/roll.csv'],
         files={'roll.csv': HDR + '李明,440524188001010015,yes,yes\n'}, exit=1, stderr_lines=1,
         stderr_has=['roll.csv:2', '校验码应为 4，实为 5']),
    case('missing file', ZJ + ['{tmp}/none.csv'], exit=1, stderr_lines=1),
]
