#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Generates the sample rolls of examples/data/ deterministically (stdlib only).

  tools/gen-roll.py [--out examples/data]

Writes:
  village-2026/roll.csv        青山村 (zhejiang-village-committee, E = 2026-12-20):
                               1,586 registered voters (the electorate of
                               village-2026/election.json) and every reason a
                               person is not registered or not eligible
  village-2026/proxies.csv     authorisations, valid and invalid (ZJ 25)
  village-2026/party-roll.csv  the village Party branch: every member status
                               and every exclusion from 应到会 (PER Art. 5)
  village-2026-b/roll.csv      绿水村: 300 people, 25 of them also registered
                               in 青山村 (double registrations, VCL 13)

Every ID number is a valid GB 11643 number (check character computed);
all of them are fictitious (region 330784, sequence codes from a counter).
"""
import argparse
import csv
import datetime
import io
import os
import random

E = datetime.date(2026, 12, 20)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志红玉梅春林海燕云飞文斌鹏辉晓婷雪琴亮宁颖佳欣浩宇晨阳"
GROUPS = ["第一组", "第二组", "第三组", "第四组", "第五组", "第六组", "第七组", "第八组"]
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
# The candidates of village-2026/election.json (they are villagers here).
CANDIDATES = [("王建国", 1), ("李明华", 1), ("张伟", 1), ("陈志强", 1), ("刘秀英", 2),
              ("赵丽", 2), ("孙海涛", 1), ("周文斌", 1), ("吴晓燕", 2), ("郑国庆", 1),
              ("冯建平", 1)]

COLUMNS = ["group", "name", "id_number", "hukou_here", "resides_here", "resident_since",
           "works_since", "wants_to_vote", "approved", "political_rights", "deprived_until",
           "can_exercise", "registered_elsewhere", "extra_category", "x-note"]


def check_char(d17):
    s = sum(int(c) * w for c, w in zip(d17, WEIGHTS))
    return "10X98765432"[s % 11]


class Ids:
    def __init__(self, region):
        self.region = region
        self.used = set()
        self.counter = 0

    def make(self, birth, sex):
        """sex 1 male (odd 17th digit), 2 female (even)."""
        while True:
            self.counter += 1
            seq = (self.counter * 2 + (1 if sex == 1 else 0)) % 1000
            d17 = "%s%s%03d" % (self.region, birth.strftime("%Y%m%d"), seq)
            if d17 not in self.used:
                self.used.add(d17)
                return d17 + check_char(d17)


def person(rng, ids, name=None, sex=None, birth=None, group=None, **facts):
    sex = sex or rng.choice([1, 2])
    if birth is None:
        birth = datetime.date(1940, 1, 1) + datetime.timedelta(days=rng.randrange(0, 365 * 66))
    if name is None:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2, 2])))
    row = {c: "" for c in COLUMNS}
    row.update(group=group or rng.choice(GROUPS), name=name, id_number=ids.make(birth, sex))
    for k, v in facts.items():
        row[k.replace("x_note", "x-note")] = v
    return row


def villager(rng, ids, **kw):
    kw.setdefault("hukou_here", "yes")
    kw.setdefault("resides_here", "yes")
    return person(rng, ids, **kw)


def day(offset):
    return (E + datetime.timedelta(days=offset)).isoformat()


def roll_a(rng, ids):
    special = []
    add = special.append
    # Candidates: category 1.
    for name, sex in CANDIDATES:
        add(villager(rng, ids, name=name, sex=sex, x_note="候选人"))
    # Age boundary (VCL 13): 18 on E, and one day short.
    add(villager(rng, ids, birth=datetime.date(2008, 12, 20), x_note="满18周岁（选举日当天）"))
    add(villager(rng, ids, birth=datetime.date(2008, 12, 21), x_note="差一天满18周岁"))
    add(villager(rng, ids, birth=datetime.date(2008, 2, 29), x_note="2月29日出生"))
    for _ in range(57):
        b = datetime.date(2009, 1, 1) + datetime.timedelta(days=rng.randrange(0, 365 * 8))
        add(villager(rng, ids, birth=b, x_note="未满18周岁"))
    # Political rights (VCL 13), with the period.
    add(villager(rng, ids, political_rights="deprived", x_note="剥夺政治权利终身"))
    add(villager(rng, ids, political_rights="deprived", deprived_until="2027-06-30",
                 x_note="剥夺政治权利至2027-06-30"))
    add(villager(rng, ids, political_rights="deprived", deprived_until=E.isoformat(),
                 x_note="剥夺政治权利至选举日"))
    add(villager(rng, ids, political_rights="deprived", deprived_until="2025-03-31",
                 x_note="剥夺政治权利期满，恢复"))
    # Recorded incapacity: Zhejiang has no EC confirmation rule (BJ 14 does).
    add(villager(rng, ids, can_exercise="no", x_note="丧失行为能力（本省无确认规则）"))
    # Category 2: hukou here, away, will take part (VCL 13 (二)).
    for _ in range(150):
        add(villager(rng, ids, resides_here="no", wants_to_vote="yes", x_note="外出，表示参加选举"))
    # Hukou here, away, silent.
    for _ in range(40):
        add(villager(rng, ids, resides_here="no", wants_to_vote="no", x_note="外出，未表示参加选举"))
    # Category 3 (ZJ 13 (三)): residence ≥ 1 year, or village work ≥ 1 year.
    for _ in range(29):
        since = E - datetime.timedelta(days=rng.randrange(366, 365 * 15))
        add(person(rng, ids, hukou_here="no", resides_here="yes", resident_since=since.isoformat(),
                   wants_to_vote="yes", approved="yes", x_note="户籍不在本村，居住一年以上"))
    add(person(rng, ids, hukou_here="no", resides_here="yes", resident_since="2025-12-20",
               wants_to_vote="yes", approved="yes", x_note="居住满一年（恰好）"))
    for _ in range(6):
        since = E - datetime.timedelta(days=rng.randrange(400, 2000))
        add(person(rng, ids, hukou_here="no", resides_here="no", works_since=since.isoformat(),
                   wants_to_vote="yes", approved="yes", x_note="在本村从事村务工作一年以上"))
    # Category 3 failures.
    add(person(rng, ids, hukou_here="no", resides_here="yes", resident_since="2025-12-21",
               wants_to_vote="yes", approved="yes", x_note="居住差一天满一年"))
    for _ in range(7):
        since = E - datetime.timedelta(days=rng.randrange(30, 360))
        add(person(rng, ids, hukou_here="no", resides_here="yes", resident_since=since.isoformat(),
                   wants_to_vote="yes", approved="yes", x_note="居住不满一年"))
    for _ in range(4):
        add(person(rng, ids, hukou_here="no", resides_here="yes", resident_since="2019-05-01",
                   wants_to_vote="no", approved="no", x_note="未申请"))
    for _ in range(5):
        add(person(rng, ids, hukou_here="no", resides_here="yes", resident_since="2020-08-15",
                   wants_to_vote="yes", approved="no", x_note="村民会议未同意"))
    for _ in range(2):
        add(person(rng, ids, hukou_here="no", resides_here="yes", wants_to_vote="yes",
                   approved="yes", x_note="无居住起始日期"))
    for _ in range(3):
        add(person(rng, ids, hukou_here="no", resides_here="no", wants_to_vote="yes",
                   x_note="户籍不在本村，不在本村居住"))
    # Registered elsewhere (VCL 13, last paragraph).
    for _ in range(6):
        add(villager(rng, ids, registered_elsewhere="yes", x_note="已在其他村登记"))
    # Provincial extra categories: none exists in Zhejiang (SH 9, BJ 13, HA 20).
    for cat in ["spouse-residence", "collective-member", "ex-agricultural-hukou", "talent"]:
        add(person(rng, ids, hukou_here="no", resides_here="yes", wants_to_vote="yes",
                   approved="yes", extra_category=cat, x_note="外省登记类别：" + cat))

    registered_special = 11 + 1 + 1 + 1 + 1 + 150 + 30 + 6   # candidates, E-18, 29 Feb, restored, incapacity, cat 2, cat 3
    rows = special
    for _ in range(1586 - registered_special):
        rows.append(villager(rng, ids))
    rng.shuffle(rows)
    return rows


def write_csv(path, columns, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\r\n")
    w.writeheader()
    for r in rows:
        w.writerow({c: r.get(c, "") for c in columns})
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def proxies_a(rng, rows):
    by_note = lambda note: [r for r in rows if r["x-note"] == note]
    away = by_note("外出，表示参加选举")
    home = [r for r in rows if r["x-note"] == "" and r["hukou_here"] == "yes"]
    cands = {r["name"]: r for r in by_note("候选人")}
    out = []

    def auth(principal, proxy, relation="spouse", written="yes", principal_away="yes",
             filed="2026-12-10", candidate="no", note=""):
        out.append({"principal_id": principal["id_number"], "proxy_id": proxy["id_number"],
                    "relation": relation, "written": written, "principal_away": principal_away,
                    "filed": filed, "proxy_is_candidate": candidate, "x-note": note})

    holder = home[0]
    for i in range(4):   # the 4th, in filing order, is invalid (ZJ 25)
        auth(away[i], holder, relation=["spouse", "child", "sibling", "parent"][i],
             filed="2026-12-%02d" % (5 + i), note="同一受托人第%d份" % (i + 1))
    for i in range(4, 16):   # valid, one principal each
        auth(away[i], home[i], relation=rng.choice(["spouse", "child", "parent", "sibling"]),
             note="有效")
    auth(away[16], cands["王建国"], candidate="yes", note="受托人是候选人（ZJ 25 不允许）")
    auth(away[17], home[17], relation="friend", note="非近亲属")
    auth(away[18], home[18], written="no", note="非书面委托")
    auth(away[19], home[19], filed="2026-12-18", note="逾期（应在选举日三日前）")
    auth(home[20], home[21], principal_away="no", note="委托人未外出")
    auth(away[21], away[20], note="受托人本人已委托他人（转委托）")
    auth(away[20], home[22], note="有效（委托人本身也是受托人）")
    return out


def party_roll(rng, ids, rows_a):
    cols = ["group", "name", "id_number", "party_status", "party_exclusion",
            "exclusion_approved", "x-note"]
    out = []
    members = [r for r in rows_a if r["x-note"] in ("", "候选人") and r["hukou_here"] == "yes"
               and r["resides_here"] == "yes" and r["political_rights"] == ""][:60]
    statuses = (["full"] * 50) + ["probationary"] * 4 + ["suspended"] * 2 + ["detained"] + ["full"] * 3
    exclusions = {50 + 7: ("ill", "yes"), 50 + 8: ("abroad", "yes"), 50 + 9: ("working-away", "no")}
    for i, r in enumerate(members):
        row = {"group": r["group"], "name": r["name"], "id_number": r["id_number"],
               "party_status": statuses[i], "party_exclusion": "", "exclusion_approved": "",
               "x-note": ""}
        if i in exclusions:
            row["party_exclusion"], row["exclusion_approved"] = exclusions[i]
        out.append(row)
    # Members not on the villagers' roll (serving a sentence, bedridden).
    for exc in ["serving-sentence", "bedridden"]:
        p = person(rng, ids)
        out.append({"group": p["group"], "name": p["name"], "id_number": p["id_number"],
                    "party_status": "full", "party_exclusion": exc, "exclusion_approved": "yes",
                    "x-note": ""})
    notes = {"probationary": "预备党员", "suspended": "留党察看", "detained": "被留置"}
    for row in out:
        row["x-note"] = notes.get(row["party_status"], "")
        if row["party_exclusion"]:
            row["x-note"] = "不计入应到会：" + row["party_exclusion"] + \
                ("（已批准）" if row["exclusion_approved"] == "yes" else "（未批准）")
    return cols, out


def roll_b(rng, ids, rows_a):
    rows = []
    shared = [r for r in rows_a if r["x-note"] == "外出，表示参加选举"][100:125]
    for r in shared:   # registered in both villages: lives here now, applied, admitted
        rows.append({**{c: "" for c in COLUMNS}, "group": "一组", "name": r["name"],
                     "id_number": r["id_number"], "hukou_here": "no", "resides_here": "yes",
                     "resident_since": "2023-03-01", "wants_to_vote": "yes", "approved": "yes",
                     "x-note": "同时在青山村登记"})
    for _ in range(275):
        rows.append(villager(rng, ids, group=rng.choice(["一组", "二组", "三组"])))
    rng.shuffle(rows)
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), os.pardir,
                                                  "examples", "data"))
    a = ap.parse_args()
    rng = random.Random(20261220)
    ids = Ids("330784")
    rows = roll_a(rng, ids)
    write_csv(os.path.join(a.out, "village-2026", "roll.csv"), COLUMNS, rows)
    pcols = ["principal_id", "proxy_id", "relation", "written", "principal_away", "filed",
             "proxy_is_candidate", "x-note"]
    write_csv(os.path.join(a.out, "village-2026", "proxies.csv"), pcols, proxies_a(rng, rows))
    cols, party = party_roll(rng, ids, rows)
    write_csv(os.path.join(a.out, "village-2026", "party-roll.csv"), cols, party)
    write_csv(os.path.join(a.out, "village-2026-b", "roll.csv"), COLUMNS, roll_b(rng, ids, rows))


if __name__ == "__main__":
    main()
