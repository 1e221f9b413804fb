# SPDX-License-Identifier: LGPL-2.1-or-later
# Cases for examples/elect-batch (doc/formats-batch.md): a directory of small
# generated election files in two townships, the summary checked against
# totals computed here from the result files and the inputs, --jobs 1 and
# --jobs 2 byte for byte, malformed files reported and nothing written for
# them. `case` and `Result` are provided by run-example-tests.py.
import datetime
import json
import os

CONTESTS = [
    {"id": "chair", "title": "主任", "seats": 1, "candidates": ["王一", "李二"]},
    {"id": "member", "title": "委员", "seats": 2, "candidates": ["张三", "赵四", "陈五"]},
]


def election(electorate, ballots, **extra):
    d = {"format": "libelect.election/1", "profile": "village-committee",
         "electorate": electorate, "contests": CONTESTS, "ballots": ballots}
    d.update(extra)
    return json.dumps(d, ensure_ascii=False)


FULL = {"chair": ["王一"], "member": ["张三", "赵四"]}
# all seats filled
VALID = election(10, [FULL] * 5 + [{"chair": ["李二"], "member": ["陈五"]}])
# 赵四 and 陈五 have 2 of 6: one member seat goes to a supplementary round
SUPPLEMENTARY = election(10, [{"chair": ["王一"], "member": ["张三"]}] * 2
                         + [{"chair": ["王一"], "member": ["张三", "赵四"]}] * 2
                         + [{"chair": ["王一"], "member": ["张三", "陈五"]}] * 2)
# 6 ballots of 30 voters: the quorum is not met, the round is void
VOID = election(30, [FULL] * 6)
# 张三, 赵四 and 陈五 have 4 of 6 each, the threshold: they tie for the two
# member seats, and a revote decides
REVOTE = election(10, [{"chair": ["王一"], "member": ["张三", "赵四"]}] * 2
                  + [{"chair": ["王一"], "member": ["张三", "陈五"]}] * 2
                  + [{"chair": ["王一"], "member": ["赵四", "陈五"]}] * 2)
TALLY_SHEET = json.dumps({
    "format": "libelect.election/1", "profile": "village-committee", "electorate": 10,
    "contests": CONTESTS,
    "totals": {"ballots_returned": 8, "ballots_invalid": 1,
               "votes": {"chair": {"王一": 6, "李二": 1}, "member": {"张三": 6, "赵四": 5, "陈五": 2}}},
}, ensure_ascii=False)
MALFORMED = '{"format": "libelect.election/1", "profile": "village-committee", "electorate": 10,\n "contests": ['
OTHER = json.dumps({"format": "libelect.candidates/1", "people": []})


def committee(ref, people):
    return json.dumps({"format": "libelect.committee/1", "reference_date": ref, "people": people},
                      ensure_ascii=False)


COMMITTEE_A = committee("2026-11-30", [
    {"name": "王一", "sex": "male", "birth_date": "1972-05-01", "education": "junior-college",
     "posts": {"village": "chair", "party": "secretary"}},
    {"name": "刘芳", "sex": "female", "birth_date": "1992-12-01", "education": "bachelor",
     "posts": {"village": "women-member", "party": "member"}},
    {"name": "张三", "sex": "male", "birth_date": "1991-12-01", "posts": {"village": "member"}},
    {"name": "周七", "sex": "male", "birth_date": "1980-01-01", "education": "senior-secondary",
     "posts": {"party": "member"}},
    {"name": "吴八", "sex": "male", "posts": {"supervision": "chair"}},
])
COMMITTEE_B = committee("2026-12-20", [
    {"name": "李二", "sex": "male", "birth_date": "1966-02-28", "posts": {"village": "chair"}},
    {"name": "钱九", "sex": "female", "birth_date": "1990-06-30", "education": "primary",
     "posts": {"village": "member", "party": "secretary"}},
    {"name": "孙十", "sex": "female", "posts": {"village": "women-member"}},
])

FILES = {
    'in/东城镇/a1.json': VALID,
    'in/东城镇/a2.json': SUPPLEMENTARY,
    'in/东城镇/a3.json': VOID,
    'in/东城镇/青山村.committee.json': COMMITTEE_A,
    'in/县/西河乡/b1.json': VALID,
    'in/县/西河乡/b2.json': MALFORMED,
    'in/县/西河乡/b3.json': TALLY_SHEET,
    'in/县/西河乡/b4.json': REVOTE,
    'in/县/西河乡/notes.json': OTHER,
    'in/县/西河乡/绿水村.committee.json': COMMITTEE_B,
    'in/县/西河乡/c1.json': VALID,
}
ELECTIONS = [n for n in FILES if n.endswith('.json') and not n.endswith('.committee.json')
             and 'notes' not in n and 'b2' not in n]
ACTIONS = ['revote', 'supplementary', 'women_seat', 'vacant', 'rerun', 'recount', 'avoidance_vote']


def load(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def township(rel):
    return os.path.basename(os.path.dirname(rel))


def new_totals():
    return {"files": 0, "elections": 0, "valid": 0, "void": 0, "recount": 0, "malformed": 0,
            "write_failed": 0, "skipped": 0, "ballots": 0, "seats": 0, "seats_filled": 0,
            "seats_pending": 0, "supplementary_rounds": 0, "revotes": 0,
            "rounds": {"regular": 0, "revote": 0, "supplementary": 0},
            "next": {a: {"elections": 0, "seats": 0} for a in ACTIONS}}


def add_election(t, inp, res):
    """Adds one counted election, from its input and its result file only."""
    t["elections"] += 1
    actions = [c["next"]["action"] for c in res["contests"]]
    if res["valid"]:
        t["valid"] += 1
    elif "recount" in actions:
        t["recount"] += 1
    else:
        t["void"] += 1
    t["ballots"] += len(inp.get("ballots", []))
    seats = sum(c["seats"] for c in inp["contests"])
    filled = sum(len(c["elected"]) for c in res["contests"])
    t["seats"] += seats
    t["seats_filled"] += filled
    t["seats_pending"] += seats - filled
    t["rounds"][res["round"]] += 1
    for a in ACTIONS:
        cs = [c for c in res["contests"] if c["next"]["action"] == a]
        if cs:
            t["next"][a]["elections"] += 1
            t["next"][a]["seats"] += sum(c["seats"] if a in ("rerun", "recount")
                                         else c["next"].get("seats", 0) for c in cs)
    t["supplementary_rounds"] = t["next"]["supplementary"]["elections"]
    t["revotes"] = t["next"]["revote"]["elections"]


def age(birth, ref):
    b, r = datetime.date.fromisoformat(birth), datetime.date.fromisoformat(ref)
    return r.year - b.year - ((r.month, r.day) < (b.month, b.day))


def committee_facts(doc):
    members = [p for p in doc["people"] if set(p.get("posts", {})) & {"village", "party"}]
    has_v = any("village" in p.get("posts", {}) for p in doc["people"])
    has_p = any("party" in p.get("posts", {}) for p in doc["people"])
    ages = [age(p["birth_date"], doc["reference_date"]) for p in members if "birth_date" in p]
    edu = {}
    for p in members:
        e = p.get("education", "unknown")
        edu[e] = edu.get(e, 0) + 1
    return {
        "members": len(members),
        "women": sum(p.get("sex") == "female" for p in members),
        "both": sum(set(p["posts"]) >= {"village", "party"} for p in members),
        "young": sum(1 for a in ages if a < 35),
        "one": (1 if any(p["posts"].get("village") == "chair" and p["posts"].get("party") == "secretary"
                         for p in members) else 0, 1) if has_v and has_p else (0, 0),
        "age_sum": sum(ages), "age_known": len(ages), "education": edu,
    }


def fraction(num, den):
    return {"num": num, "den": den,
            "decimal": None if den == 0 else round((num * 20000 + den) // (2 * den) / 10000, 4)}


def check_committees(got, facts):
    if not facts:
        assert got is None, got
        return
    members = sum(f["members"] for f in facts)
    assert got["checked"] == len(facts), got
    assert got["members"] == members, got
    assert got["women"] == fraction(sum(f["women"] for f in facts), members), got
    assert got["cross_membership"] == fraction(sum(f["both"] for f in facts), members), got
    assert got["under_35"] == fraction(sum(f["young"] for f in facts), members), got
    assert got["one_shoulder"] == fraction(sum(f["one"][0] for f in facts),
                                           sum(f["one"][1] for f in facts)), got
    known = sum(f["age_known"] for f in facts)
    assert got["average_age"] == fraction(sum(f["age_sum"] for f in facts), known), got
    assert got["birth_date_unknown"] == members - known, got
    for level, n in got["education"].items():
        assert n == sum(f["education"].get(level, 0) for f in facts), (level, got)


def check_directory(r):
    tmp = r.tmp
    # the malformed file: named with its path on stderr, one line, nothing written
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and 'in/县/西河乡/b2.json' in lines[0], r.stderr
    assert not os.path.exists(os.path.join(tmp, 'out/县/西河乡/b2.result.json'))
    s1 = open(os.path.join(tmp, 's1.json'), 'rb').read()
    assert not [n for n in os.listdir(tmp) if n.startswith('s1.json.')], os.listdir(tmp)
    summary = json.loads(s1)
    assert summary["format"] == "libelect.batch-summary/1"
    results1 = {}
    for rel in ELECTIONS:
        out = os.path.join(tmp, 'out', rel[len('in/'):-len('.json')] + '.result.json')
        with open(out, 'rb') as f:
            results1[rel] = f.read()
    assert not [n for n in os.listdir(os.path.join(tmp, 'out/东城镇')) if not n.endswith('.result.json')]

    # totals computed here from the inputs and the result files
    total, towns, cfacts = new_totals(), {}, {}
    for rel, text in FILES.items():
        t = towns.setdefault(township(rel), new_totals())
        for x in (t, total):
            x["files"] += 1
        if rel.endswith('.committee.json'):
            cfacts.setdefault(township(rel), []).append(committee_facts(json.loads(text)))
            continue
        if 'notes' in rel:
            for x in (t, total):
                x["skipped"] += 1
            continue
        if 'b2' in rel:
            for x in (t, total):
                x["malformed"] += 1
            continue
        res = json.loads(results1[rel])
        for x in (t, total):
            add_election(x, json.loads(text), res)
    all_facts = [f for fs in cfacts.values() for f in fs]
    got = dict(summary["totals"])
    check_committees(got.pop("committees"), all_facts)
    assert got == total, 'totals\n%s\nexpected\n%s' % (got, total)
    assert total["valid"] == 6 and total["void"] == 1 and total["supplementary_rounds"] == 1 \
        and total["revotes"] == 1 and total["malformed"] == 1, total
    names = [t["name"] for t in summary["townships"]]
    assert names == sorted(towns, key=lambda n: n.encode()), names
    for t in summary["townships"]:
        t = dict(t)
        name = t.pop("name")
        check_committees(t.pop("committees"), cfacts.get(name, []))
        assert t == towns[name], '%s\n%s\nexpected\n%s' % (name, t, towns[name])
    paths = [f["path"] for f in summary["files"]]
    assert paths == sorted(paths, key=lambda p: p.encode()) and len(paths) == len(FILES), paths
    bad = [f for f in summary["files"] if f["status"] == "malformed"]
    assert len(bad) == 1 and bad[0]["path"] == 'in/县/西河乡/b2.json' and 'b2.json' in bad[0]["error"], bad

    # --jobs 2 (and 3): the same summary and results, byte for byte
    for jobs in ('2', '3'):
        r2 = r.run(['elect-batch', '--lang', 'en', '--jobs', jobs, '--output-dir', 'out',
                    '--summary', 's2.json', 'in'])
        assert r2.exit == 1, r2.stderr
        assert r2.stderr == r.stderr, r2.stderr
        s2 = open(os.path.join(tmp, 's2.json'), 'rb').read()
        assert s1 == s2, '--jobs 1 and --jobs %s give different summaries' % jobs
        for rel, data in results1.items():
            out = os.path.join(tmp, 'out', rel[len('in/'):-len('.json')] + '.result.json')
            assert open(out, 'rb').read() == data, rel
    # the summary on standard output is the same document
    r3 = r.run(['elect-batch', '--lang', 'en', '-j', '2', '-o', 'out', 'in'])
    assert r3.exit == 1 and r3.stdout.encode() == s1, 'stdout summary differs'


def check_named(r):
    d = json.loads(r.stdout)
    assert d["totals"]["elections"] == 2 and d["totals"]["valid"] == 1 and d["totals"]["void"] == 1, d
    # results next to the inputs
    for name in ('a/v1', 'b/v2'):
        res = load(os.path.join(r.tmp, name + '.result.json'))
        assert res["format"] == "libelect.result/1", res
    assert [t["name"] for t in d["townships"]] == ['a', 'b'], d["townships"]
    assert "committees" not in d["totals"], d["totals"]


def check_only_malformed(r):
    d = json.loads(r.stdout)
    assert d["totals"]["malformed"] == 1 and d["totals"]["elections"] == 0, d
    assert d["files"][0]["status"] == "malformed" and d["files"][0]["path"] == 'bad.json', d
    assert os.listdir(r.tmp) == ['bad.json'], os.listdir(r.tmp)


CASES = [
    case('batch-directory-two-townships',
         ['elect-batch', '--lang', 'en', '--jobs', '1', '--output-dir', 'out',
          '--summary', 's1.json', 'in'],
         files=FILES, exit=1, stdout_lines=0, stderr_lines=1,
         stderr_has=['in/县/西河乡/b2.json'], files_absent=['{tmp}/out/县/西河乡/b2.result.json',
                                                       '{tmp}/out/县/西河乡/notes.result.json',
                                                       '{tmp}/in/东城镇/a1.result.json'],
         check=check_directory),
    case('batch-list-results-next-to-inputs',
         ['elect-batch', '--jobs', '2', '--list', 'files.txt'],
         files={'a/v1.json': VALID, 'b/v2.json': VOID, 'files.txt': 'a/v1.json\n\nb/v2.json\n'},
         stderr_empty=True, stdout_json=True, check=check_named),
    case('batch-arguments-and-stdin-list',
         ['elect-batch', '--list', '-', 'a/v1.json'],
         files={'a/v1.json': VALID, 'b/v2.json': VOID}, stdin='b/v2.json\na/v1.json\n',
         stdout_json=True, check=check_named),
    case('batch-malformed-only',
         ['elect-batch', '--lang', 'en', 'bad.json'],
         files={'bad.json': MALFORMED}, exit=1, stderr_lines=1, stderr_has=['bad.json:'],
         stdout_json=True, check=check_only_malformed),
    case('batch-missing-file',
         ['elect-batch', '--lang', 'en', 'nope.json'],
         exit=1, stderr_lines=1, stderr_has=['nope.json'], stdout_json=True),
    case('batch-same-output-twice',
         ['elect-batch', '-o', 'out', 'v.json', '{tmp}/a/v.json'],
         files={'a/v.json': VALID, 'v.json': VALID}, exit=2, stderr_lines=1,
         files_absent=['{tmp}/out']),
    case('batch-bad-jobs', ['elect-batch', '--jobs', '-1', 'x.json'], exit=2, stderr_lines=1),
    case('batch-no-input', ['elect-batch'], exit=2),
    case('batch-help-zh', ['elect-batch', '--lang', 'zh', '--help'],
         stdout_has=['--output-dir', '--jobs']),
]
