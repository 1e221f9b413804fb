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
