# SPDX-License-Identifier: LGPL-2.1-or-later
"""libelect.count() and the Election / Paper / Tally / Outcome objects
(python/libelect/count.py) against the built library."""
import copy
import json
import os
import pathlib
import random

import pytest

import libelect

ROOT = pathlib.Path(os.environ.get("ELECT_SOURCE_ROOT",
                                   pathlib.Path(__file__).resolve().parents[2]))
VILLAGE = ROOT / "examples" / "data" / "village-2026" / "election.json"

BASE = {
    "format": "libelect.election/1",
    "profile": "village-committee",
    "electorate": 10,
    "ballots_issued": 9,
    "contests": [
        {"id": "chair", "title": "主任", "seats": 1, "candidates": ["王一", "李二"]},
        {"id": "member", "title": "委员", "seats": 2, "candidates": ["张三", "赵四", "陈五"]},
    ],
    "ballots": [
        {"chair": ["王一"], "member": ["张三", "赵四"]},
        {"chair": ["王一"], "member": ["张三"]},
        {"chair": ["李二"], "member": ["赵四", "陈五"]},
        {"chair": ["王一"], "member": ["张三", "赵四"]},
        {"chair": ["王一"], "member": ["张三", "赵四"]},
        {"spoiled": True},
    ],
}


def base(**changes):
    d = copy.deepcopy(BASE)
    d.update(changes)
    return d


def test_count_dict_schema():
    r = libelect.count(base())
    assert r["format"] == "libelect.result/1"
    assert r["valid"] is True
    assert r["ballots_returned"] == 6 and r["ballots_invalid"] == 1
    chair = r["contests"][0]
    assert chair["elected"] == ["王一"]
    # VCL 15 / RULES §6.2: more than half of the 6 returned: threshold 4
    assert chair["threshold"] == 4
    assert {c["name"]: c["votes"] for c in chair["candidates"]} == {"王一": 4, "李二": 1}


def test_count_path_str_and_text_agree():
    by_path = libelect.count(VILLAGE, lang="en")
    by_str = libelect.count(str(VILLAGE), lang="en")
    text = VILLAGE.read_text(encoding="utf-8")
    by_text = libelect.count(text, lang="en")
    by_dict = libelect.count(json.loads(text), lang="en")
    assert by_path == by_str == by_text == by_dict
    assert by_path["ballots_returned"] == 1210


def test_dict_with_ballots_first_is_serialised_header_first():
    d = base()
    reordered = {"ballots": d.pop("ballots"), **d}
    assert libelect.count(reordered) == libelect.count(base())


def test_shuffling_ballots_never_changes_the_result():
    # RULES §6 / ARCHITECTURE "results do not depend on the order of ballots"
    d = json.loads(VILLAGE.read_text(encoding="utf-8"))
    ref = libelect.count(d, lang="en")
    rng = random.Random(7)
    for _ in range(3):
        rng.shuffle(d["ballots"])
        assert libelect.count(d, lang="en") == ref


def test_mask_path_equals_ballot_path():
    # Ballots of a contest with at most 64 candidates go through
    # elect_tally_add_masks(); with 65 candidates every ballot goes through
    # elect_tally_add_ballot(). The same ballots must give the same counts
    # (over-votes included: 3 names for 2 seats void the ballot, RULES §5.2).
    rng = random.Random(3)
    names = ["甲", "乙", "丙", "丁", "戊"]
    ballots = [{"c": rng.sample(names, rng.randint(0, 3))} for _ in range(500)]
    ballots += [{}, {"c": []}]
    doc = {"format": "libelect.election/1", "profile": "village-committee", "electorate": 600,
           "contests": [{"id": "c", "seats": 2, "candidates": names}], "ballots": ballots}
    fast = libelect.Election(doc).tally
    wide = copy.deepcopy(doc)
    wide["contests"][0]["candidates"] = names + ["候选%d" % i for i in range(60)]
    slow = libelect.Election(wide).tally
    slow_votes = {n: v for n, v in slow.votes("c").items() if n in names}
    assert fast.votes("c") == slow_votes
    assert (fast.ballots_valid, fast.ballots_invalid) == (slow.ballots_valid, slow.ballots_invalid)
    assert fast.abstentions("c") == slow.abstentions("c")
    assert fast.defects == slow.defects
    # and the expected counts, computed here
    want = {n: sum(1 for b in ballots if n in b.get("c", []) and len(b["c"]) <= 2) for n in names}
    assert fast.votes("c") == want
    assert fast.ballots_invalid == sum(1 for b in ballots if len(b.get("c", [])) > 2)


def test_overvote_voids_the_ballot():
    # RULES §5.2 (ZJ 27, BJ 28): more names than seats: the ballot is invalid
    e = libelect.Election(base(ballots=[{"member": ["张三", "赵四", "陈五"]}, {"member": ["张三"]}]))
    t = e.tally
    assert t.ballots_invalid == 1 and t.ballots_valid == 1
    assert t.votes("member")["张三"] == 1
    assert t.defects.get("overvote") == 1


def test_objects():
    e = libelect.Election(VILLAGE)
    assert e.title.startswith("浙江省") and e.date == "2026-12-20"
    assert e.n_ballots == 1210 and e.electorate == 1586 and e.ballots_issued == 1230
    assert e.present is None
    contests = e.paper.contests
    assert [c["id"] for c in contests] == ["chair", "vice", "women", "member"]
    assert contests[2]["women_only"] is True and contests[3]["seats"] == 3
    assert not e.paper.party_marks
    t = e.tally
    assert not t.is_sheet
    assert t.ballots_returned == 1210 == t.ballots_valid + t.ballots_invalid
    assert t.defects["unreadable"] == 10
    o = e.count()
    assert o.valid
    assert o.elected("chair") == ["王建国"]
    assert o.threshold("chair") == 1210 // 2 + 1
    assert o.has_reason("quorum-met")
    assert o.to_json("en")["contests"][0]["elected"] == ["王建国"]
    text = o.to_text("zh")
    assert "选举结果公告" in text and "王建国" in text


def test_party_paper():
    e = libelect.Election(ROOT / "examples" / "data" / "party-branch" / "election.json")
    assert e.paper.party_marks and e.present == 40
    against = e.tally.votes_against("committee")
    assert sum(against.values()) > 0


def test_tally_sheet():
    e = libelect.Election(ROOT / "examples" / "data" / "tally-sheet" / "election.json")
    assert e.tally.is_sheet and e.n_ballots == 0
    assert e.tally.votes("chair")["罗晓东"] == 12


def test_announce_languages():
    assert "Announcement" in libelect.announce(base(), lang="en")
    assert "选举结果公告" in libelect.announce(base())


@pytest.mark.parametrize("changes,path,fragment", [
    ({"electorate": "10"}, "$.electorate", "expected a whole number"),
    ({"electorate": -1}, "$.electorate", "negative"),
    ({"electorate": 2 ** 41}, "$.electorate", "above the largest count"),
    ({"contests": [{"id": "c", "seats": 0, "candidates": ["甲"]}]}, "$.contests[0].seats", "0 seats"),
    ({"contests": [{"id": "c", "seats": 1, "candidates": ["甲", "甲"]}]},
     "$.contests[0].candidates[1]", "duplicate candidate name"),
    ({"ballots": [{"mayor": []}]}, "$.ballots[0]", "unknown contest id"),
    ({"voters": 1}, "$", "unknown member"),
    ({"format": "x"}, "$.format", "unknown format"),
])
def test_malformed_raises_with_path(changes, path, fragment):
    with pytest.raises(libelect.ElectError) as ei:
        libelect.count(base(**changes), lang="en")
    msg = ei.value.message
    assert path in msg and fragment in msg, msg
    assert ei.value.code in ("parse", "invalid", "limit"), ei.value.code


def test_truncated_text_is_a_parse_error():
    text = json.dumps(base(), ensure_ascii=False)[:-30]
    with pytest.raises(libelect.ElectError) as ei:
        libelect.count(text)
    assert ei.value.code == "parse" and "$.ballots[" in ei.value.message


def test_bad_argument_type():
    with pytest.raises(TypeError):
        libelect.count(42)
