#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Generates the election results and the new committees of the sample
township (examples/data/township-2026/township.json, 青山镇, 30 villages):
deterministic, standard library only. Run from the source root:

    tools/gen-township.py            # writes examples/data/township-2026/villages/
    tools/gen-township.py --check    # exits 1 if a committed file differs

For each village of township.json, in villages/:

- <village>.json: the regular round of its villagers' committee election
  (libelect.election/1, FORMATS.md §1) as a tally sheet (计票单, `totals`),
  300–1,100 voters and 200–800 ballots returned, under the village's
  profile (../qingshan-village-committee.ini), held on its election day:
  主任 1, 副主任 0 or 1, 妇女委员 1 (women only), 委员 1–3.
- <village>.committee.json: the members of its committees after that
  round (libelect.committee/1, doc/formats-committee.md), with the facts
  the composition checks and the structure statistics need (sex, date of
  birth, ethnicity, education), posts on the villagers' committee (the
  people the round elected), the Party committee and the supervision
  committee, other roles and relatives; the reference date is the
  election day.

Most rounds are valid and fill every seat. On purpose:

- 北坡村 (a village with a voided election before): the quorum is not met
  (half of the voters or fewer returned a ballot): void, rerun. 凤凰村:
  more ballots returned than issued: void. Their committee files hold the
  Party committee only (no villagers' or supervision committee yet).
- 西河村 (the women's seat), 石门村 (the vice-chair), 新塘村 and 桃源村 (a
  member's seat): no candidate has more than half of the ballots returned,
  so the seat goes to a supplementary round (另行选举); the committee holds
  the members elected so far: 西河村 has no woman (women-member-missing),
  桃源村 only two members (committee-too-small).
- 金山村: a Party committee of 8 (committee-too-large, range 3–7).
- 杏花村: the VC chair's wife sits on the supervision committee; 银湖村: a
  VC member's brother does (supervision-vc-relative, VCL 32); 龙潭村: a
  VC member is also on it (supervision-vc-member).
- 梅溪村: the bookkeeper (村报账员) sits on the supervision committee, and
  柳塘村 has a married couple on the VC: violations under the Zhejiang
  rules (ZJi 30, ZJ 31: elect-batch --committee-profile
  examples/data/township-2026/qingshan-village-committee.ini), not under
  the national ones (the default).
- 竹林村 and 枫桥村 must have a 畲族 member on the VC (minority_groups):
  竹林村 has, 枫桥村 has not (minority-member-missing).
- 黄泥村: a member whose date of birth is not recorded.
- Six villages where the Party secretary is not the VC chair (not 一肩挑).
"""
import argparse
import datetime
import json
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOWNSHIP_DIR = os.path.join(ROOT, "examples", "data", "township-2026")
PROFILE = "../qingshan-village-committee.ini"

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾蔡潘袁蒋"
            "叶钟应俞夏施楼金")
MALE = ("建国", "志强", "伟", "明华", "国庆", "海涛", "文斌", "建平", "德胜", "立新",
        "永刚", "春生", "家豪", "俊杰", "宇航", "浩然", "志远", "晓东", "卫东", "振华",
        "亮", "军", "勇", "斌", "涛", "鑫", "正阳", "光明", "长根", "水生")
FEMALE = ("秀英", "丽", "晓燕", "丽娟", "芳", "海燕", "梅", "静", "雪", "婷婷",
          "佳怡", "玉兰", "桂芳", "红霞", "美玲", "慧敏", "素琴", "月娥", "小红", "燕")
EDUCATION = (("primary", 2), ("junior-secondary", 10), ("senior-secondary", 12),
             ("junior-college", 9), ("bachelor", 6), ("postgraduate", 1))

VOID_QUORUM = "北坡村"
VOID_OVER_ISSUED = "凤凰村"
# village -> the contest one of whose seats goes to a supplementary round
SUPPLEMENTARY = {"西河村": "women", "石门村": "vice", "新塘村": "member", "桃源村": "member"}
PARTY_TOO_LARGE = "金山村"
VSC_SPOUSE = "杏花村"
VSC_SIBLING = "银湖村"
VSC_VC_MEMBER = "龙潭村"
VSC_BOOKKEEPER = "梅溪村"
VC_COUPLE = "柳塘村"
MINORITY_PRESENT = "竹林村"
MINORITY_MISSING = "枫桥村"
BIRTH_UNKNOWN = "黄泥村"
NOT_ONE_SHOULDER = ("东山村", "南岭村", "白沙村", "松岗村", "红旗村", "前进村")
TARGETS = "东山村"


class Village:
    def __init__(self, name, day):
        self.name = name
        self.day = datetime.date.fromisoformat(day)
        self.rng = random.Random("township-2026/" + name)
        self.used = set()

    def person(self, sex, age_range=(26, 62)):
        """A new person of this village: a unique name and facts."""
        rng = self.rng
        while True:
            given = rng.choice(MALE if sex == "male" else FEMALE)
            name = rng.choice(SURNAMES) + given
            if name not in self.used:
                break
        self.used.add(name)
        age = rng.randint(*age_range)
        birth = self.day - datetime.timedelta(days=365 * age + rng.randint(1, 360))
        levels, weights = zip(*EDUCATION)
        p = {"name": name, "sex": sex, "birth_date": birth.isoformat(), "ethnicity": "汉族",
             "education": rng.choices(levels, weights)[0]}
        if age < 35 and p["education"] in ("primary", "junior-secondary"):
            p["education"] = "senior-secondary"
        return p


def contest_votes(rng, names, seats, valid, returned, unfilled):
    """Distinct votes for @names (in the order of their places): the first
    seats − unfilled more than half of @returned, the others not; every
    ballot marks at most @seats names."""
    half = returned // 2
    winners = seats - unfilled
    votes = []
    for i in range(winners):
        v = rng.randint(half + 15, int(valid * 0.9))
        while v in votes:
            v -= 1
        votes.append(v)
    budget = valid * seats - sum(votes) - 5
    for i in range(winners, len(names)):
        hi = min(half - 10, budget // (len(names) - i))
        v = rng.randint(max(1, min(int(valid * 0.08), hi - 20)), hi)
        while v in votes:
            v -= 1
        votes.append(v)
        budget -= v
    # The places: winners first (by votes), then the others.
    top = sorted(votes[:winners], reverse=True)
    rest = sorted(votes[winners:], reverse=True)
    votes = top + rest
    # Each ballot marks at most one name per seat.
    assert sum(votes) <= valid * seats, (names, votes, valid, seats)
    return dict(zip(names, votes))


def split_one_seat(rng, names, valid, returned):
    """A one-seat contest among three where nobody has more than half."""
    half = returned // 2
    a = rng.randint(int(half * 0.78), half - 12)
    b = rng.randint(int(half * 0.62), a - 15)
    c = min(valid - a - b - 5, rng.randint(40, 90))
    return dict(zip(names, (a, b, c)))


def make_village(v, village_index):
    rng = v.rng
    name = v.name
    electorate = rng.randint(300, 1100)
    issued = int(electorate * rng.uniform(0.62, 0.86))
    issued = max(220, min(issued, 805))
    returned = issued - rng.randint(0, 4)
    if name == VOID_QUORUM:
        returned = electorate // 2 - rng.randint(3, 40)
        issued = returned + 2
    if name == VOID_OVER_ISSUED:
        returned = issued + 3
    invalid = rng.randint(2, max(3, returned // 50))
    valid = returned - invalid
    unfilled_in = SUPPLEMENTARY.get(name)

    has_vice = village_index % 5 in (0, 2, 4) or unfilled_in == "vice"
    n_members = 1 if name == "桃源村" else rng.choice((1, 2, 2, 3))
    if unfilled_in == "member" and n_members < 2 and name != "桃源村":
        n_members = 2

    contests, people, votes = [], {}, {}

    def candidates(cid, seats, n, sex_of):
        names = []
        for k in range(n):
            p = v.person(sex_of(k))
            people[p["name"]] = p
            names.append(p["name"])
        return names

    def add(cid, title, seats, names, women_only=False):
        c = {"id": cid, "title": title, "seats": seats}
        if women_only:
            c["women_only"] = True
        c["candidates"] = [{"name": n, "gender": people[n]["sex"]} for n in names]
        contests.append(c)
        if cid == unfilled_in and seats == 1:
            votes[cid] = split_one_seat(rng, names, valid, returned)
        else:
            votes[cid] = contest_votes(rng, names, seats, valid, returned,
                                       1 if cid == unfilled_in else 0)

    def sex(share):
        # 西河村's women's seat stays empty: its other VC members are men.
        return "female" if rng.random() < share and unfilled_in != "women" else "male"

    chair = candidates("chair", 1, 2, lambda k: sex(0.12))
    add("chair", "主任", 1, chair)
    if has_vice:
        n = 3 if unfilled_in == "vice" else 2
        vice = candidates("vice", 1, n, lambda k: sex(0.2))
        add("vice", "副主任", 1, vice)
    n = 3 if unfilled_in == "women" else 2
    women = candidates("women", 1, n, lambda k: "female")
    add("women", "妇女委员", 1, women, women_only=True)
    member = candidates("member", n_members, n_members + rng.randint(1, 2),
                        lambda k: "male" if name == VC_COUPLE and k == 0
                        else sex(0.25))
    add("member", "委员", n_members, member)

    election = {
        "format": "libelect.election/1",
        "title": "示例县青山镇%s第十二届村民委员会选举（计票单）" % name,
        "date": v.day.isoformat(),
        "profile": PROFILE,
        "electorate": electorate,
        "ballots_issued": issued,
        "round": "regular",
        "contests": contests,
        "totals": {"ballots_returned": returned, "ballots_invalid": invalid, "votes": votes},
    }

    void = name in (VOID_QUORUM, VOID_OVER_ISSUED)
    # The people the round elects (by construction: more than half of the
    # ballots returned, the best placed first).
    vc = []
    if not void:
        posts = {"chair": "chair", "vice": "vice-chair", "women": "women-member",
                 "member": "member"}
        for c in contests:
            filled = c["seats"] - (1 if c["id"] == unfilled_in else 0)
            ranked = sorted(votes[c["id"]].items(), key=lambda kv: -kv[1])
            for n, _ in ranked[:filled]:
                if 2 * votes[c["id"]][n] > returned:
                    vc.append((n, posts[c["id"]]))
    committee = make_committee(v, people, vc, void)
    return election, committee


def make_committee(v, people, vc, void):
    rng = v.rng
    name = v.name
    out = []
    by_name = {}

    def entry(p, posts=None):
        e = dict(p)
        if posts:
            e["posts"] = posts
        out.append(e)
        by_name[e["name"]] = e
        return e

    for n, post in vc:
        entry(people[n], {"village": post})
    vc_names = [n for n, _ in vc]
    chair = next((n for n, post in vc if post == "chair"), None)

    # The Party committee: 3–5 (8 in 金山村); the secretary is the VC chair
    # (一肩挑) except in NOT_ONE_SHOULDER and where there is no VC; some VC
    # members also sit on it (交叉任职).
    size = 8 if name == PARTY_TOO_LARGE else rng.choice((3, 5, 5))
    party = []
    if chair and name not in NOT_ONE_SHOULDER:
        party.append((chair, "secretary"))
    else:
        p = v.person("male" if rng.random() < 0.85 else "female", (35, 58))
        entry(p)
        party.append((p["name"], "secretary"))
    others = [n for n in vc_names if n != chair]
    rng.shuffle(others)
    for n in others[:rng.randint(1, max(1, len(others)))]:
        if len(party) < size - 1:
            party.append((n, "member"))
    while len(party) < size:
        p = v.person("female" if rng.random() < 0.3 else "male", (24, 60))
        entry(p)
        party.append((p["name"], "member"))
    if size >= 5:
        party[1] = (party[1][0], "deputy-secretary")
    for n, post in party:
        by_name[n].setdefault("posts", {})["party"] = post

    # The supervision committee: 3 people on neither committee.
    if not void:
        vsc = []
        for k in range(3):
            p = v.person("female" if k == 2 and rng.random() < 0.5 else "male", (30, 66))
            vsc.append(entry(p))
        if name == VSC_SPOUSE:
            vsc[1]["sex"] = "female"
            vsc[1]["name"] = vsc[1]["name"][0] + "桂英"
            vsc[1]["relatives"] = [{"id": chair, "relation": "spouse"}]
        if name == VSC_SIBLING:
            brother = next(n for n, post in vc if post == "member")
            vsc[2]["sex"] = "male"
            vsc[2]["name"] = brother[0] + "长林"
            vsc[2]["relatives"] = [{"id": brother, "relation": "sibling"}]
        if name == VSC_BOOKKEEPER:
            vsc[2]["roles"] = ["bookkeeper"]
        vsc[0]["posts"] = {"supervision": "chair"}
        for e in vsc[1:]:
            e["posts"] = {"supervision": "member"}
        if name == VSC_VC_MEMBER:
            m = next(n for n, post in vc if post in ("member", "women-member"))
            by_name[m]["posts"]["supervision"] = "member"

    # The village clerk (村文书): on no committee here.
    clerk = entry(v.person("male" if rng.random() < 0.6 else "female", (25, 45)))
    clerk["roles"] = ["village-clerk"]

    if name == VC_COUPLE:
        husband = next(n for n, post in vc if by_name[n]["sex"] == "male" and post == "member")
        wife = next(n for n, post in vc if post == "women-member")
        by_name[wife]["relatives"] = [{"id": husband, "relation": "spouse"}]
    doc = {"format": "libelect.committee/1", "village": name,
           "reference_date": v.day.isoformat()}
    if name in (MINORITY_PRESENT, MINORITY_MISSING):
        doc["minority_groups"] = ["畲族"]
        if name == MINORITY_PRESENT:
            m = next(n for n, post in vc if post == "member")
            by_name[m]["ethnicity"] = "畲族"
        else:
            # A 畲族 member of the supervision committee does not count.
            next(e for e in out if e.get("posts", {}).get("supervision"))["ethnicity"] = "畲族"
    if name == TARGETS:
        doc["targets"] = {"women": {"num": 1, "den": 3, "source": "示例县村级组织换届工作方案（示例）"},
                          "one-shoulder": {"num": 1, "den": 1,
                                           "source": "示例县村级组织换届工作方案（示例）"}}
    if name == BIRTH_UNKNOWN:
        next(e for e in out if e.get("posts", {}).get("party") == "member").pop("birth_date")
    doc["people"] = out
    return doc


def dump_election(doc):
    lines = ["{"]
    for k, v in doc.items():
        if k == "contests":
            lines.append('  "contests": [')
            lines.extend("    " + json.dumps(c, ensure_ascii=False) + ("," if j < len(v) - 1 else "")
                         for j, c in enumerate(v))
            lines.append("  ],")
        elif k == "totals":
            lines.append('  "totals": {"ballots_returned": %d, "ballots_invalid": %d, "votes": {'
                         % (v["ballots_returned"], v["ballots_invalid"]))
            items = list(v["votes"].items())
            lines.extend("    %s: %s%s" % (json.dumps(c, ensure_ascii=False),
                                           json.dumps(t, ensure_ascii=False),
                                           "," if j < len(items) - 1 else "")
                         for j, (c, t) in enumerate(items))
            lines.append("  }}")
        else:
            lines.append("  %s: %s," % (json.dumps(k), json.dumps(v, ensure_ascii=False)))
    lines.append("}")
    return "\n".join(lines) + "\n"


def dump_committee(doc):
    lines = ["{"]
    items = list(doc.items())
    for i, (k, v) in enumerate(items):
        sep = "," if i < len(items) - 1 else ""
        if k == "people":
            lines.append('  "people": [')
            lines.extend("    " + json.dumps(p, ensure_ascii=False) + ("," if j < len(v) - 1 else "")
                         for j, p in enumerate(v))
            lines.append("  ]" + sep)
        else:
            lines.append("  %s: %s%s" % (json.dumps(k), json.dumps(v, ensure_ascii=False), sep))
    lines.append("}")
    return "\n".join(lines) + "\n"


def generate(township_path):
    with open(township_path, encoding="utf-8") as f:
        township = json.load(f)
    files = {}
    for i, village in enumerate(township["villages"]):
        v = Village(village["name"], village["election_day"])
        election, committee = make_village(v, i)
        files[village["name"] + ".json"] = dump_election(election)
        files[village["name"] + ".committee.json"] = dump_committee(committee)
    return files


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="compare with the files on disk; exit 1 if one differs")
    ap.add_argument("--township", default=os.path.join(TOWNSHIP_DIR, "township.json"))
    ap.add_argument("--output", default=os.path.join(TOWNSHIP_DIR, "villages"))
    args = ap.parse_args(argv[1:])
    files = generate(args.township)
    if args.check:
        stale = []
        for name, text in sorted(files.items()):
            path = os.path.join(args.output, name)
            try:
                with open(path, encoding="utf-8") as f:
                    if f.read() != text:
                        stale.append(name)
            except FileNotFoundError:
                stale.append(name)
        present = {n for n in os.listdir(args.output) if n.endswith(".json")} \
            if os.path.isdir(args.output) else set()
        stale += sorted(present - set(files))
        for name in stale:
            print("gen-township: %s is not what the generator writes" % name, file=sys.stderr)
        return 1 if stale else 0
    os.makedirs(args.output, exist_ok=True)
    for name, text in sorted(files.items()):
        with open(os.path.join(args.output, name), "w", encoding="utf-8") as f:
            f.write(text)
    print("gen-township: %d files in %s" % (len(files), os.path.relpath(args.output, ROOT)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
