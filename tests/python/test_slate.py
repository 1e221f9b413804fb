# SPDX-License-Identifier: LGPL-2.1-or-later
"""Candidates through the Python bindings: stroke order (RULES.md §7.3),
surplus rules, nomination count (§7.1) and vetting (§7.2)."""
import json
import os

import pytest

import libelect

SRC = os.environ.get("ELECT_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))

SURNAMES = "丁 习 王 刘 许 孙 李 杨 汪 张 陈 赵 胡 栗 郭 黄 韩 蔡".split()


def test_order_surnames_733():
    assert libelect.order(list(reversed(SURNAMES))) == SURNAMES


def test_order_conventions_733():
    names = ["李干杰", "李强", "田大利", "田富"]
    assert libelect.order(names) == ["田富", "田大利", "李强", "李干杰"]
    assert libelect.order(names, name_order="name-strokes") == ["田大利", "田富", "李干杰", "李强"]
    assert libelect.order(names, name_order=libelect.profile("party-committee")) == \
        ["田富", "田大利", "李强", "李干杰"]


def test_not_icu_735():
    # Mainland count: 阝 2 strokes, 陈 7 before 林 and 欧 8 (ICU's Taiwan
    # count would put 陈 last).
    assert libelect.order(["欧", "林", "陈"]) == ["陈", "林", "欧"]
    assert libelect.strokes("陈") == 7
    assert libelect.strokes("☆") is None


def test_order_annotations_and_no_data():
    assert libelect.order(["赵丽（女）", "王芳"]) == ["王芳", "赵丽（女）"]
    with pytest.raises(libelect.ElectError) as e:
        libelect.order(["王", "李☆"])
    assert e.value.code == "invalid"
    assert "U+2606" in e.value.message
    with pytest.raises(ValueError):
        libelect.order(["王"], name_order="pinyin")


def test_surplus_party_per13():
    assert not libelect.surplus("party-committee", "all", 5, 5)["ok"]
    assert libelect.surplus("party-committee", "all", 5, 6)["ok"]
    r = libelect.surplus("party-committee", "all", 7, 8)
    assert not r["ok"] and r["min"] == 9 and r["max"] is None and r["code"] == "surplus-too-few"


def test_surplus_shanghai_chair_sh12():
    assert libelect.surplus("shanghai-village-committee", "chair", 1, 2)["ok"]
    r = libelect.surplus("shanghai-village-committee", "chair", 1, 3)
    assert not r["ok"] and r["code"] == "surplus-too-many" and r["max"] == 2


def test_slate_count_zj18():
    s = libelect.Slate("zhejiang-village-committee")
    s.add_post("chair", "chair", 1)
    s.set_turnout(100, 60)
    for _ in range(5):
        s.add_ballot({"chair": ["李二"]})
    for _ in range(3):
        s.add_ballot({"chair": ["王一"]})
    s.add_ballot({"chair": ["张三"]})
    s.exclude("张三")
    doc = s.count()
    assert doc["valid"]
    chair = doc["posts"][0]
    assert chair["official"] == ["王一", "李二"]          # stroke order, not count order
    assert [n["status"] for n in chair["nominees"]] == ["official", "official", "excluded"]
    assert "nomination-quorum-met" in [r["code"] for r in doc["reasons"]]


def test_slate_tie_primary():
    s = libelect.Slate("zhejiang-village-committee")
    s.add_post("chair", "chair", 1)
    for b in (["甲"], ["甲"], ["乙"], ["丙"]):
        s.add_ballot({"chair": b})
    doc = s.count()
    statuses = {n["name"]: n["status"] for n in doc["posts"][0]["nominees"]}
    assert statuses == {"甲": "official", "乙": "primary", "丙": "primary"}
    assert "primary-required" in [r["code"] for r in doc["posts"][0]["reasons"]]


def test_slate_from_json_sample():
    path = os.path.join(SRC, "examples", "data", "village-2026", "nominations.json")
    with open(path, encoding="utf-8") as f:
        s = libelect.Slate.from_json("zhejiang-village-committee", f.read(), origin=path)
    doc = s.count()
    assert doc["valid"]
    with pytest.raises(libelect.ElectError) as e:
        libelect.Slate.from_json("village-committee", '{"format": "libelect.nominations/1"}', "x.json")
    assert "$.posts" in e.value.message


def test_vet_boundary_72():
    lst = libelect.NegativeList(os.path.join(SRC, "data", "negative-lists", "village-5-years.ini"))
    assert "criminal-record" in lst.items
    exact = libelect.vet({"name": "褚建设", "facts": [{"item": "criminal-record", "date": "2021-11-30"}]},
                         "2026-11-30", lst)
    assert exact["verdict"] == "eligible" and exact["matches"] == []
    inside = libelect.vet({"name": "褚建设", "facts": [{"item": "criminal-record", "date": "2021-12-01"}]},
                          "2026-11-30", lst)
    assert inside["verdict"] == "barred"
    assert inside["matches"][0]["item"] == "criminal-record"
    assert inside["matches"][0]["date"] == "2021-12-01"


def test_vet_statutory_and_age():
    v = libelect.vet({"name": "严小明", "voter": False}, "2026-11-30")
    assert v["verdict"] == "barred" and v["matches"][0]["citation"] == "村民委员会组织法 第十三条"
    lst = libelect.NegativeList(text="[item age]\ntitle=t\nkind=age-cap\nmax_age=45\n"
                                     "age_date=2026-12-31\nseverity=not-recommended\nsource=S\n")
    old = libelect.vet({"name": "施国强", "birth_date": "1975-03-01"}, "2026-11-30", lst)
    assert old["verdict"] == "not-recommended" and old["matches"][0]["citation"] == "S"
    with pytest.raises(libelect.ElectError):
        libelect.NegativeList(text="[item a]\ntitle=t\n", origin="bad.ini")


AGE_LIST = ("[item age]\ntitle=t\nkind=age-cap\nmax_age=45\n"
            "age_date=2026-12-31\nseverity=not-recommended\nsource=S\n")


def test_vet_id_number_gives_birth_date_rules15():
    # RULES §1.5: the date of birth comes from the ID number (GB 11643), for
    # the age caps of §7.2; it must agree with birth_date when both are given.
    lst = libelect.NegativeList(text=AGE_LIST)
    v = libelect.vet({"name": "王芳", "id_number": "11010519491231002X"}, "2026-11-30", lst)
    assert v["verdict"] == "not-recommended", v
    assert v["matches"][0]["item"] == "age" and v["matches"][0]["date"] == "1949-12-31"
    with pytest.raises(libelect.ElectError) as e:
        libelect.vet({"name": "王芳", "id_number": "11010519491231002X", "birth_date": "1949-12-30"},
                     "2026-11-30", lst)
    assert e.value.code == "invalid" and "birth_date" in e.value.message
    with pytest.raises(libelect.ElectError) as e:
        libelect.vet({"name": "王芳", "id_number": "110105194912310021"}, "2026-11-30", lst)
    assert "id_number" in e.value.message


def test_vet_unknown_keys_and_items_are_errors():
    # An unknown member is an error, as in a candidate-record file
    # (doc/formats-candidates.md); "x-" members are notes.
    with pytest.raises(libelect.ElectError) as e:
        libelect.vet({"name": "王芳", "birthdate": "1980-01-01"}, "2026-11-30")
    assert e.value.code == "unknown-key" and "birthdate" in e.value.message
    with pytest.raises(libelect.ElectError) as e:
        libelect.vet({"name": "王芳", "facts": [{"item": "age", "when": "2020-01-01"}]}, "2026-11-30")
    assert e.value.code == "unknown-key" and "when" in e.value.message
    assert libelect.vet({"name": "王芳", "x-note": "ok"}, "2026-11-30")["verdict"] == "eligible"
    # With a negative list, a fact must name one of its items.
    lst = libelect.NegativeList(text=AGE_LIST)
    with pytest.raises(libelect.ElectError) as e:
        libelect.vet({"name": "王芳", "facts": [{"item": "jaywalking"}]}, "2026-11-30", lst)
    assert e.value.code == "invalid" and "jaywalking" in e.value.message
    # Dates may be datetime.date.
    import datetime
    old = libelect.vet({"name": "施国强", "birth_date": datetime.date(1975, 3, 1)},
                       datetime.date(2026, 11, 30), lst)
    assert old["verdict"] == "not-recommended"


def test_vet_relatives_checked_and_committee_conflicts_zj9():
    with pytest.raises(libelect.ElectError) as e:
        libelect.vet({"name": "刘秀英", "relatives": [{"name": "刘父", "relation": "uncle"}]},
                     "2026-11-30")
    assert "relatives[0]" in e.value.message
    person = {"name": "刘秀英", "relatives": [{"name": "刘建华", "relation": "sibling"}]}
    assert libelect.vet(person, "2026-11-30")["verdict"] == "eligible"
    from libelect.slate import committee_conflicts
    # ZJ 9 ¶2: the nominee's sibling leaves the election committee; the
    # national profile has only VCL 12 (the nominated member leaves).
    zj = committee_conflicts("zhejiang-village-committee", ["刘建华", "郑国庆"],
                             [person, {"name": "郑国庆"}])
    assert [c["code"] for c in zj] == ["committee-member-relative-nominated",
                                       "committee-member-nominated"], zj
    assert zj[0]["citation"] == "浙江省村民委员会选举办法 第九条"
    vc = committee_conflicts("village-committee", ["刘建华", "郑国庆"], [person, {"name": "郑国庆"}])
    assert [c["code"] for c in vc] == ["committee-member-nominated"], vc
