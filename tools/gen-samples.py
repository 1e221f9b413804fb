#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Generates the sample election files of examples/data/ (deterministic,
standard library only). Run from the source root:

    tools/gen-samples.py            # writes examples/data/*/…json and tests/data/*/input
    tools/gen-samples.py --check    # exits 1 if a committed file differs
    tools/gen-samples.py --golden BUILDDIR   # also (re)writes tests/data/*/expected
                                             # with BUILDDIR/examples/elect-count

The files are committed. The golden results tests/data/<case>/expected are
what elect-count printed when they were made (checked by the "data" suite:
tests/data/check-golden.py); regenerate them only after checking a change
of result is right.

Samples:
- village-2026/election.json: a village committee elected by post under
  zhejiang-village-committee (主任 1, 副主任 1, 妇女委员 1, 委员 3), 1,200
  ballots with every kind of ballot defect: over-votes, duplicate marks, a
  write-in of another post's candidate, a write-in naming a listed
  candidate, write-ins of people not on the roll and of an ambiguous name,
  a man written in on the women's post, one person marked for two posts
  (void ballot in Zhejiang), unreadable papers (废票), blank write-ins.
- party-branch/election.json: a Party branch committee (5 seats, 6
  candidates) with for / against / abstain marks, a contradictory line and
  an abstain-plus-write-in line.
- tally-sheet/election.json: a residents' committee counted from a tally
  sheet (计票单) with a written-in name.
- supplementary/round1.json: a village election by post where one member
  seat is not filled (only two candidates pass half); round2.json: the
  supplementary round (另行选举) for that seat among the two best-placed.
"""
import json
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "examples", "data")


def dump(doc):
    """Members in a fixed order (header first, ballots last: the reader
    streams ballots when the header came first), one ballot a line."""
    head = {k: v for k, v in doc.items() if k not in ("ballots", "totals")}
    lines = ["{"]
    items = list(head.items())
    tail = [(k, doc[k]) for k in ("ballots", "totals") if k in doc]
    for i, (k, v) in enumerate(items):
        sep = "," if i < len(items) - 1 or tail else ""
        if k == "contests":
            lines.append('  "contests": [')
            for j, c in enumerate(v):
                lines.append("    " + json.dumps(c, ensure_ascii=False)
                             + ("," if j < len(v) - 1 else ""))
            lines.append("  ]" + sep)
        else:
            lines.append("  %s: %s%s" % (json.dumps(k), json.dumps(v, ensure_ascii=False), sep))
    for k, v in tail:
        if k == "ballots":
            lines.append('  "ballots": [')
            for j, b in enumerate(v):
                lines.append("    " + json.dumps(b, ensure_ascii=False)
                             + ("," if j < len(v) - 1 else ""))
            lines.append("  ]")
        else:
            lines.append("  %s: %s" % (json.dumps(k), json.dumps(v, ensure_ascii=False, indent=None)))
    lines.append("}")
    return "\n".join(lines) + "\n"


def pick(rng, weights):
    """One key of a {key: weight} dict (deterministic for a seeded rng)."""
    total = sum(weights.values())
    x = rng.random() * total
    for k, w in weights.items():
        x -= w
        if x < 0:
            return k
    return k


def pick_n(rng, weights, n):
    """n distinct keys, weighted, in draw order."""
    out = []
    w = dict(weights)
    for _ in range(n):
        if not w:
            break
        k = pick(rng, w)
        out.append(k)
        del w[k]
    return out


def village():
    rng = random.Random(2026)
    contests = [
        {"id": "chair", "title": "主任", "seats": 1, "candidates": ["王建国", "李明华"]},
        {"id": "vice", "title": "副主任", "seats": 1, "candidates": ["张伟", "陈志强"]},
        {"id": "women", "title": "妇女委员", "seats": 1, "women_only": True,
         "candidates": [{"name": "刘秀英", "gender": "female", "birth_date": "1978-03-12", "ethnicity": "汉族"},
                        {"name": "赵丽", "gender": "female", "birth_date": "1985-09-30", "ethnicity": "畲族"}]},
        {"id": "member", "title": "委员", "seats": 3,
         "candidates": [{"name": "孙海涛", "gender": "male"}, {"name": "周文斌", "gender": "male"},
                        {"name": "吴晓燕", "gender": "female"}, {"name": "郑国庆", "gender": "male"},
                        {"name": "冯建平", "gender": "male"}]},
    ]
    # The roll's names for write-ins: two different people are called 王芳.
    eligible = ["王建国", "李明华", "张伟", "陈志强", "刘秀英", "赵丽", "孙海涛", "周文斌",
                "吴晓燕", "郑国庆", "冯建平",
                {"name": "黄志明", "gender": "male"}, {"name": "何丽娟", "gender": "female"},
                {"name": "王芳", "gender": "female"}, {"name": "王芳", "gender": "female"},
                {"name": "林德胜", "gender": "male"}]
    ballots = []
    for _ in range(1150):
        b = {}
        if rng.random() < 0.96:
            b["chair"] = [pick(rng, {"王建国": 62, "李明华": 36, None: 2})]
        if rng.random() < 0.95:
            b["vice"] = [pick(rng, {"张伟": 58, "陈志强": 40, None: 2})]
        if rng.random() < 0.94:
            b["women"] = [pick(rng, {"刘秀英": 64, "赵丽": 34, None: 2})]
        n = pick(rng, {3: 80, 2: 12, 1: 5, 0: 3})
        b["member"] = pick_n(rng, {"孙海涛": 30, "周文斌": 26, "吴晓燕": 24, "郑国庆": 12, "冯建平": 8}, n)
        for k in list(b):
            b[k] = [x for x in b[k] if x is not None]
            if not b[k] and rng.random() < 0.5:
                del b[k]
        ballots.append(b)
    full = {"chair": ["王建国"], "vice": ["张伟"], "women": ["刘秀英"], "member": ["孙海涛", "周文斌", "吴晓燕"]}
    defects = []
    for _ in range(12):   # over-vote in one post: the whole ballot is void (ZJ 27)
        defects.append(dict(full, chair=["王建国", "李明华"]))
    for _ in range(6):    # over-vote in the member post
        defects.append(dict(full, member=["孙海涛", "周文斌", "吴晓燕", "郑国庆"]))
    for _ in range(5):    # duplicate mark: counts once
        defects.append(dict(full, member=["孙海涛", "孙海涛", "周文斌"]))
    for _ in range(4):    # a write-in of another post's candidate (vice's 陈志强 as member)
        defects.append(dict(full, member=["孙海涛", "周文斌", "陈志强"]))
    for _ in range(3):    # a write-in that names a listed candidate of the post
        defects.append(dict(full, member=["孙海涛", "周文斌", {"write_in": "吴晓燕"}]))
    for _ in range(4):    # a write-in of someone not on the roll: a void mark
        defects.append(dict(full, member=["孙海涛", "周文斌", "钱多多"]))
    for _ in range(3):    # an ambiguous write-in: two people called 王芳
        defects.append(dict(full, women=["王芳"]))
    for _ in range(3):    # a man written in on the women's post: a void mark
        defects.append(dict(full, women=["黄志明"]))
    for _ in range(3):    # a write-in of a woman on the roll, on the women's post
        defects.append(dict(full, women=["何丽娟"]))
    for _ in range(2):    # a blank write-in
        defects.append(dict(full, member=["孙海涛", "周文斌", "　"]))
    for _ in range(5):    # one person for two posts: void ballot in Zhejiang (ZJ 27)
        defects.append(dict(full, member=["王建国", "周文斌", "吴晓燕"]))
    for _ in range(10):   # unreadable papers (废票)
        defects.append({"spoiled": True})
    ballots.extend(defects)
    rng.shuffle(ballots)
    assert len(ballots) == 1210
    doc = {
        "format": "libelect.election/1",
        "title": "浙江省某县青山村第十二届村民委员会选举",
        "date": "2026-12-20",
        "profile": "zhejiang-village-committee",
        "electorate": 1586,
        "ballots_issued": 1230,
        "round": "regular",
        "eligible": eligible,
        "contests": contests,
        "ballots": ballots,
    }
    return doc


def party():
    rng = random.Random(71)
    names = ["马文华", "王丽萍", "石磊", "刘建军", "孙玉兰", "李国强"]
    contests = [{"id": "committee", "title": "支部委员会委员", "seats": 5, "candidates": names}]
    # support per candidate: the last two compete for the fifth seat
    support = {"马文华": 0.95, "王丽萍": 0.9, "石磊": 0.85, "刘建军": 0.8, "孙玉兰": 0.6, "李国强": 0.45}
    ballots = []
    for i in range(40):
        fors, against, abstain = [], [], []
        for n in names:
            x = rng.random()
            if x < support[n]:
                fors.append(n)
            elif x < support[n] + (1 - support[n]) * 0.6:
                against.append(n)
            else:
                abstain.append(n)
        if len(fors) > 5:   # keep within the seats (the others are left unmarked)
            fors = fors[:5]
        line = {"for": fors}
        if against:
            line["against"] = against
        if abstain:
            line["abstain"] = abstain
        ballots.append({"committee": line})
    # a voter against 李国强 writes in another member on that line
    ballots[3]["committee"] = {"for": names[:4], "against": ["李国强"], "write_in": {"李国强": "张红梅"}}
    # abstain and a write-in on the same line: a void mark
    ballots[7]["committee"] = {"for": names[:4], "abstain": ["李国强"], "write_in": {"李国强": "张红梅"}}
    # the same line marked for and against: a contradictory (void) mark
    ballots[11]["committee"] = {"for": names[:5], "against": ["孙玉兰"]}
    # more marked for than seats: the ballot is void
    ballots[15]["committee"] = {"for": names}
    ballots[20] = {"spoiled": True}
    return {
        "format": "libelect.election/1",
        "title": "中共青山村支部委员会换届选举",
        "date": "2026-11-28",
        "profile": "party-committee",
        "electorate": 45,
        "present": 40,
        "ballots_issued": 40,
        "contests": contests,
        "ballots": ballots,
    }


def tally_sheet():
    return {
        "format": "libelect.election/1",
        "title": "某市某区东风社区第十二届居民委员会选举（计票单）",
        "date": "2026-12-06",
        "profile": "residents-committee",
        "electorate": 3200,
        "ballots_issued": 2050,
        "contests": [
            {"id": "chair", "title": "主任", "seats": 1, "candidates": ["陈静", "高远"]},
            {"id": "member", "title": "委员", "seats": 4,
             "candidates": ["许文", "邓海燕", "曹立新", "彭丽", "蒋志刚", "韩梅"]},
        ],
        "totals": {
            "ballots_returned": 2012,
            "ballots_invalid": 37,
            "votes": {
                "chair": {"陈静": 1290, "高远": 640, "罗晓东": 12},
                "member": {"许文": 1502, "邓海燕": 1388, "曹立新": 1210, "彭丽": 1104,
                           "蒋志刚": 760, "韩梅": 690},
            },
        },
    }


def supplementary():
    rng = random.Random(15)
    contests = [
        {"id": "chair", "title": "主任", "seats": 1, "candidates": ["田国富", "袁明"]},
        {"id": "member", "title": "委员", "seats": 3,
         "candidates": [{"name": "潘志华", "gender": "male"}, {"name": "杜秀兰", "gender": "female"},
                        {"name": "夏长青", "gender": "male"}, {"name": "钟立", "gender": "male"},
                        {"name": "汪小红", "gender": "female"}]},
    ]
    ballots = []
    for _ in range(600):
        b = {"chair": [pick(rng, {"田国富": 70, "袁明": 30})]}
        # two clear winners, three spread thin: the third seat is not filled
        b["member"] = pick_n(rng, {"潘志华": 40, "杜秀兰": 34, "夏长青": 9, "钟立": 9, "汪小红": 8},
                             pick(rng, {3: 70, 2: 30}))
        ballots.append(b)
    r1 = {
        "format": "libelect.election/1",
        "title": "河西村第十二届村民委员会选举",
        "date": "2026-12-20",
        "profile": "village-committee",
        "electorate": 900,
        "ballots_issued": 610,
        "contests": contests,
        "ballots": ballots,
    }
    # The supplementary round (另行选举) for the third member seat among the
    # best-placed non-elected (see round1's result: next.candidates).
    tally = {}
    for b in ballots:
        for n in b["member"]:
            tally[n] = tally.get(n, 0) + 1
    ranked = sorted(tally, key=lambda n: -tally[n])
    losers = ranked[2:4]
    ballots2 = []
    for _ in range(420):
        ballots2.append({"member": [pick(rng, {losers[0]: 55, losers[1]: 40, None: 5})]})
    for b in ballots2:
        b["member"] = [x for x in b["member"] if x]
    r2 = {
        "format": "libelect.election/1",
        "title": "河西村第十二届村民委员会选举（另行选举）",
        "date": "2026-12-20",
        "profile": "village-committee",
        "electorate": 900,
        "ballots_issued": 430,
        "round": "supplementary",
        "earlier": {"elected": 3, "chair_elected": True, "woman_elected": True},
        "contests": [{"id": "member", "title": "委员", "seats": 1,
                      "candidates": [c for c in contests[1]["candidates"] if c["name"] in losers]}],
        "ballots": ballots2,
    }
    return r1, r2


def ballots_first(doc):
    """The same election with `ballots` first: the reader's second pass."""
    text = dump(doc)
    d = json.loads(text)
    out = {"ballots": d.pop("ballots")}
    out.update(d)
    return json.dumps(out, ensure_ascii=False) + "\n"


# tests/data/<case>/input: the samples (and variants), counted with --lang en
GOLDEN = {
    "village-2026": "village-2026/election.json",
    "party-branch": "party-branch/election.json",
    "tally-sheet": "tally-sheet/election.json",
    "supplementary-round1": "supplementary/round1.json",
    "supplementary-round2": "supplementary/round2.json",
}


def main():
    check = "--check" in sys.argv[1:]
    golden_build = None
    if "--golden" in sys.argv[1:]:
        golden_build = sys.argv[sys.argv.index("--golden") + 1]
    r1, r2 = supplementary()
    v = village()
    files = {
        "village-2026/election.json": v,
        "party-branch/election.json": party(),
        "tally-sheet/election.json": tally_sheet(),
        "supplementary/round1.json": r1,
        "supplementary/round2.json": r2,
    }
    texts = {os.path.join(OUT, rel): dump(doc) for rel, doc in files.items()}
    data = os.path.join(ROOT, "tests", "data")
    for case, rel in GOLDEN.items():
        texts[os.path.join(data, case, "input")] = texts[os.path.join(OUT, rel)]
    # the same village election with the ballots first: the same result
    texts[os.path.join(data, "village-2026-ballots-first", "input")] = ballots_first(v)
    bad = 0
    for path, text in texts.items():
        rel = os.path.relpath(path, ROOT)
        json.loads(text)  # always valid JSON
        if check:
            try:
                with open(path, encoding="utf-8") as f:
                    if f.read() != text:
                        print("differs: " + rel)
                        bad += 1
            except FileNotFoundError:
                print("missing: " + rel)
                bad += 1
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        print("wrote " + rel)
    if golden_build and not check:
        import subprocess
        prog = os.path.join(golden_build, "examples", "elect-count")
        for case in list(GOLDEN) + ["village-2026-ballots-first"]:
            d = os.path.join(data, case)
            out = subprocess.run([prog, "--lang", "en", os.path.join(d, "input")],
                                 check=True, capture_output=True).stdout
            with open(os.path.join(d, "expected"), "wb") as f:
                f.write(out)
            print("wrote " + os.path.relpath(os.path.join(d, "expected"), ROOT))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
