# SPDX-License-Identifier: LGPL-2.1-or-later
# Cases for examples/elect-profile (FORMATS.md §3; RULES.md §3).
# `case` and `Result` are provided by run-example-tests.py.
import json

BUILTIN = [
    'beijing-village-committee', 'henan-village-committee', 'party-committee',
    'residents-committee', 'shanghai-supervision-committee', 'shanghai-village-committee',
    'supervision-committee',
    'village-committee', 'zhejiang-village-committee',
]


def parse_dump(text):
    """Parses the dump of elect_rules_dump() into {group.key: {value, set_in,
    citation}}. Every parameter is a line "  key = value" followed by three
    indented lines: description, "set in: ORIGIN[ (inherited)]", citation."""
    params, group, lines = {}, None, text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith('[') and line.endswith(']'):
            group = line[1:-1]
        elif line.startswith('  ') and not line.startswith('      ') and '=' in line:
            key, value = (s.strip() for s in line.split('=', 1))
            assert i + 3 < len(lines) + 1, 'truncated entry %s' % key
            set_in = lines[i + 2].strip()
            citation = lines[i + 3].strip()
            params[group + '.' + key] = {'value': value, 'set_in': set_in,
                                         'citation': citation}
            i += 3
        i += 1
    return params


def check_zhejiang_dump(r):
    # The JSON of the same profile is the reference list of parameters.
    js = r.run(['elect-profile', '--json', 'zhejiang-village-committee'])
    assert js.exit == 0, js.stderr
    doc = json.loads(js.stdout)
    params = parse_dump(r.stdout)
    assert len(doc['params']) >= 60, 'only %d parameters' % len(doc['params'])
    assert set(params) == set(doc['params']), \
        'dump and JSON differ: %s' % sorted(set(params) ^ set(doc['params']))
    inherited = own = 0
    for key, p in doc['params'].items():
        d = params[key]
        assert d['value'] == p['value'], '%s: %s vs %s' % (key, d['value'], p['value'])
        assert d['set_in'].startswith('set in: ' + p['origin']), '%s: %s' % (key, d['set_in'])
        is_inherited = p['origin'] == 'village-committee'
        assert d['set_in'].endswith('(inherited)') == is_inherited, \
            '%s: set in %s, marked %r' % (key, p['origin'], d['set_in'])
        inherited += is_inherited
        own += not is_inherited
        assert d['citation'].startswith('citation: '), key
        if p['citation']:
            assert d['citation'] == 'citation: ' + p['citation'], key
    assert inherited > 0 and own > 0, (inherited, own)
    # Facts of RULES.md §3 that the dump must show.
    zj = params['count.same_person_two_posts']
    assert zj['value'] == 'void-ballot' and 'inherited' not in zj['set_in'], zj
    assert zj['citation'] == 'citation: 浙江省村民委员会选举办法 第二十七条', zj
    term = params['general.term_years']
    assert term['value'] == '5' and term['set_in'] == 'set in: village-committee (inherited)', term
    assert term['citation'] == 'citation: 村民委员会组织法 第十一条', term


def check_lang_headings(r):
    en = r.run(['elect-profile', '--lang', 'en', 'village-committee'])
    zh = r.run(['elect-profile', '--lang', 'zh', 'village-committee'])
    assert en.exit == 0 and zh.exit == 0, (en.stderr, zh.stderr)
    head_en = [l.split(':')[0] for l in en.stdout.splitlines()[:3]]
    head_zh = [l.split(':')[0].split('：')[0] for l in zh.stdout.splitlines()[:3]]
    assert head_en == ['profile', 'extends', 'kind'][:len(head_en)] or head_en[0] == 'profile', head_en
    assert head_en[0] != head_zh[0], 'the first heading is %r in both languages' % head_en[0]
    # The per-parameter headings ("citation", "set in") differ as well.
    assert '      citation: ' in en.stdout
    assert '      citation: ' not in zh.stdout, 'the zh dump has English "citation:" headings'


def check_guangdong(r):
    params = parse_dump(r.stdout)
    path = r.tmp + '/guangdong-village-committee.ini'
    assert params['proxy.max_principals']['value'] == '2'
    assert params['proxy.max_principals']['set_in'] == 'set in: ' + path
    assert params['proxy.max_principals']['citation'] == 'citation: 广东省村民委员会选举办法 第二十条'
    assert params['count.same_person_two_posts']['value'] == 'void-ballot'
    assert params['count.quorum']['value'] == '>1/2'
    assert params['count.quorum']['set_in'] == 'set in: village-committee (inherited)'


def check_party_json(d):
    # PER Art. 24 (no proxies) and the >4/5 attendance quorum (PER [approx] 26).
    assert d['name'] == 'party-committee' and d['extends'] == 'village-committee', d['name']
    assert d['params']['count.quorum']['value'] == '>4/5'
    assert d['params']['count.quorum']['origin'] == 'party-committee'
    assert d['params']['proxy.allowed']['value'] == 'false'


GUANGDONG = '''[profile]
name=guangdong-village-committee
title=广东省村民委员会选举
extends=village-committee

[proxy]
max_principals=2
max_principals.citation=广东省村民委员会选举办法 第二十条

[count]
same_person_two_posts=void-ballot
same_person_two_posts.citation=广东省村民委员会选举办法 第三十条
'''

CASES = [
    case('list-all-eight', ['elect-profile', '--list'],
         stdout_lines=len(BUILTIN), stderr_empty=True,
         stdout_re=[r'^%s\s' % n for n in BUILTIN]),
    case('list-shows-parent', ['elect-profile', '--list'],
         stdout_re=[r'^zhejiang-village-committee\s.*village-committee$',
                    r'^village-committee\s+\S+$']),
    case('zhejiang-every-parameter-cited-inherited-marked',
         ['elect-profile', '--lang', 'en', 'zhejiang-village-committee'],
         stderr_empty=True, check=check_zhejiang_dump,
         stdout_has=['profile: zhejiang-village-committee', 'extends: village-committee']),
    case('lang-zh-and-en-headings-differ', ['elect-profile', '--list'],
         check=check_lang_headings),
    case('json-output', ['elect-profile', '--json', 'party-committee'],
         stdout_json=check_party_json),
    case('new-province-key-file', ['elect-profile', '--lang', 'en',
                                   '{tmp}/guangdong-village-committee.ini'],
         files={'guangdong-village-committee.ini': GUANGDONG},
         check=check_guangdong, stderr_empty=True),
    case('unknown-policy-one-line-file-group-key',
         ['elect-profile', '{tmp}/bad.ini'],
         files={'bad.ini': '[profile]\nname=bad\nextends=village-committee\n'
                           '[count]\novervote=void-everything\n'},
         exit=1, stdout_lines=0, stderr_lines=1,
         stderr_has=['{tmp}/bad.ini', '[count]', 'overvote', 'void-everything']),
    case('contradiction-one-line', ['elect-profile', '{tmp}/bad.ini'],
         files={'bad.ini': '[profile]\nname=bad\nextends=village-committee\n'
                           '[seats]\nnormal_max=8\n'},
         exit=1, stdout_lines=0, stderr_lines=1,
         stderr_has=['{tmp}/bad.ini', '[seats]', 'normal_max', 'range']),
    case('unknown-key-one-line', ['elect-profile', '{tmp}/bad.ini'],
         files={'bad.ini': '[profile]\nname=bad\nextends=village-committee\n'
                           '[proxy]\nmax_principal=3\n'},
         exit=1, stderr_lines=1, stderr_has=['{tmp}/bad.ini', '[proxy]', 'max_principal']),
    case('missing-file', ['elect-profile', '{tmp}/nosuch.ini'],
         exit=1, stderr_lines=1, stderr_has=['{tmp}/nosuch.ini']),
    case('unknown-name', ['elect-profile', 'atlantis-village-committee'],
         exit=1, stderr_lines=1, stderr_has=['atlantis-village-committee']),
    case('usage-no-argument', ['elect-profile'], exit=2, stdout_lines=0),
    case('usage-two-arguments', ['elect-profile', 'village-committee', 'party-committee'],
         exit=2, stdout_lines=0),
    case('usage-unknown-option', ['elect-profile', '--frobnicate'], exit=2, stdout_lines=0),
    case('usage-list-with-name', ['elect-profile', '--list', 'village-committee'],
         exit=2, stdout_lines=0),
]
