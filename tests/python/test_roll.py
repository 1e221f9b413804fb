# SPDX-License-Identifier: LGPL-2.1-or-later
"""libelect.roll: ID numbers, eligibility (RULES.md §4), the roll."""
import datetime
import os

import pytest

import libelect

SRC = os.environ.get("ELECT_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
ROLL = os.path.join(SRC, "examples", "data", "village-2026", "roll.csv")
ROLL_B = os.path.join(SRC, "examples", "data", "village-2026-b", "roll.csv")
E = "2026-12-20"


def make_id(prefix17):
    import libelect.roll as r
    return prefix17 + r.check_character(prefix17)


def test_check_id_gb11643_example():
    info = libelect.check_id("11010519491231002X")
    assert info == {"region": 110105, "birth_date": datetime.date(1949, 12, 31), "sex": "female"}


def test_check_id_errors_say_what_is_wrong():
    with pytest.raises(libelect.ElectError) as e:
        libelect.check_id("110105194912310021")
    assert e.value.code == "invalid"
    assert "expected X found 1" in e.value.message
    with pytest.raises(libelect.ElectError) as e:
        libelect.check_id("1101051949123100")
    assert "16 characters" in e.value.message
    with pytest.raises(libelect.ElectError) as e:
        libelect.check_id(make_id("33010220261221001"), reference=E)
    assert "after 2026-12-20" in e.value.message


def test_mask_and_names():
    assert libelect.mask_id("11010519491231002X") == "110105********002X"
    assert libelect.normalize_name("\u3000王芳 ") == "王芳"
    assert libelect.normalize_name("ＡＢ１") == "AB1"


def test_age_29_february_rule():
    # RULES.md §1.5: born 29 February, 18 on 1 March of a common year.
    assert libelect.age_on("2008-02-29", "2026-02-28") == 17
    assert libelect.age_on("2008-02-29", "2026-03-01") == 18


def test_eligibility_turns_18_on_election_day():
    # VCL 13: 18 on E → eligible; born a day later → not.
    on = make_id("33010220081220001")
    after = make_id("33010220081221001")
    a = libelect.eligibility("village-committee", E, "甲", on, hukou_here=True, resides_here=True)
    b = libelect.eligibility("village-committee", E, "乙", after, hukou_here=True, resides_here=True)
    assert (a["verdict"], a["category"]) == ("registered", 1)
    assert b["verdict"] == "not_eligible"
    assert b["reasons"][0]["code"] == "under-18"
    assert b["reasons"][0]["citation"] == "村民委员会组织法 第十三条"


def test_eligibility_party_suspended():
    # PER Art. 5: a member under 留党察看 has no vote.
    r = libelect.eligibility("party-committee", E, "丙", "11010519491231002X",
                             party_status="suspended")
    assert r["verdict"] == "not_eligible"
    assert [x["code"] for x in r["reasons"]] == ["party-suspended"]


def test_eligibility_residence_boundary():
    # VCL 13 (三): one year on E exactly.
    kw = dict(resides_here=True, wants_to_vote=True, approved=True)
    ok = libelect.eligibility("village-committee", E, "丁", "11010519491231002X",
                              resident_since="2025-12-20", **kw)
    late = libelect.eligibility("village-committee", E, "丁", "11010519491231002X",
                                resident_since="2025-12-21", **kw)
    assert (ok["verdict"], ok["category"]) == ("registered", 3)
    assert late["verdict"] == "not_registered"
    assert "residence-under-1-year" in [x["code"] for x in late["reasons"]]


def test_roll_from_csv_and_publish():
    roll = libelect.Roll.from_csv(ROLL, "zhejiang-village-committee", E)
    s = roll.summary
    assert s["registered"] == 1586 == roll.entitled
    assert len(roll) == s["rows"]
    public = roll.public_csv()
    assert public.startswith("group,name,sex,id_masked")
    with open(ROLL, encoding="utf-8") as f:
        ids = [line.split(",")[2] for line in f.read().splitlines()[1:]]
    assert not any(i in public for i in ids)
    assert roll.public_csv(excel=True).startswith("\ufeff")


def test_public_roll_order_vcl14():
    # RULES.md §4.4: by villager group (by number: 第二组 before 第十组),
    # each group by surname strokes as the profile's roll.order says
    # (陈 7 strokes before 林 8, RULES.md §7.3); stroke_order=False keeps
    # code-point order within the group.
    csv = ("group,name,id_number,hukou_here,resides_here\n"
           "第十组,林芳,11010519491231002X,yes,yes\n"
           "第二组,林丽,110105194912310038,yes,yes\n"
           "第二组,陈芳,440524188001010014,yes,yes\n").encode()
    roll = libelect.Roll.from_csv(csv, "village-committee", E)
    rows = [line.split(",")[:2] for line in roll.public_csv().splitlines()[1:]]
    assert rows == [["第二组", "陈芳"], ["第二组", "林丽"], ["第十组", "林芳"]]
    plain = libelect.Roll.from_csv(csv, "village-committee", E)
    rows = [line.split(",")[:2] for line in plain.public_csv(stroke_order=False).splitlines()[1:]]
    assert rows == [["第二组", "林丽"], ["第二组", "陈芳"], ["第十组", "林芳"]]


def test_roll_csv_error_names_line():
    bad = "name,id_number\n王芳,11010519491231002X\n李明,440524188001010015\n".encode()
    with pytest.raises(libelect.ElectError) as e:
        libelect.Roll.from_csv(bad, "village-committee", E, filename="r.csv")
    assert e.value.code == "invalid"
    assert e.value.message.startswith("r.csv:3: column id_number")
    roll = libelect.Roll.from_csv(bad, "village-committee", E, lenient=True)
    codes = [x["code"] for p in roll.verdicts()["people"] for x in p["reasons"]]
    assert "bad-id" in codes


def test_roll_proxies_and_check_in():
    roll = libelect.Roll("zhejiang-village-committee", E)
    ids = [make_id("3301021980050100%d" % i) for i in range(6)]
    for i, x in enumerate(ids):
        roll.add("村民%d" % i, x, hukou_here=True, resides_here=True)
    for i in range(1, 5):
        roll.add_proxy(ids[i], ids[0], "sibling", filed="2026-12-01")
    # ZJ 25: the 4th principal of one proxy, in filing order, is invalid.
    assert roll.validate_proxies() == [True, True, True, False]
    hall = roll.add_desk("中心会场")
    assert roll.check_in(hall, ids[0]) == 4
    assert roll.check_in(hall, ids[5]) == 1
    assert roll.ballots_issued == 5
    with pytest.raises(libelect.ElectError):
        roll.check_in(hall, ids[5])
    assert roll.objection_window("2026-11-30") == (datetime.date(2026, 12, 1),
                                                   datetime.date(2026, 12, 5))


def test_double_registrations():
    a = libelect.Roll.from_csv(ROLL, "zhejiang-village-committee", E)
    b = libelect.Roll.from_csv(ROLL_B, "zhejiang-village-committee", E)
    dups = libelect.double_registrations({"青山村": a, "绿水村": b})
    assert len(dups) == 25
    assert all(places == ["青山村", "绿水村"] for _, places in dups)
