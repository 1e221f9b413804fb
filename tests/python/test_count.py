# SPDX-License-Identifier: LGPL-2.1-or-later
"""libelect.count() and the Election / Paper / Ballot / Tally / Turnout /
Outcome objects (python/libelect/count.py) against the built library."""
import array
import copy
import gc
import json
import os
import pathlib
import random
import sys

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


# ---- Object access: papers, ballots, tallies and outcomes built from Python ----

# A small village election: chair, women's post, two members (RULES.md §6.4:
# paper order is rank order).
SMALL = {
    "format": "libelect.election/1",
    "profile": "village-committee",
    "electorate": 12,
    "ballots_issued": 10,
    "contests": [
        {"id": "chair", "title": "主任", "seats": 1, "candidates": ["王一", "李二"]},
        {"id": "women", "title": "妇女委员", "seats": 1, "women_only": True,
         "candidates": [{"name": "刘芳", "gender": "female"},
                        {"name": "赵丽", "gender": "female"}]},
        {"id": "member", "title": "委员", "seats": 2, "candidates": ["张三", "赵四", "陈五"]},
    ],
    "ballots": [
        {"chair": ["王一"], "women": ["刘芳"], "member": ["张三", "赵四"]},
        {"chair": ["王一"], "women": ["刘芳"], "member": ["张三", "孙九"]},
        {"chair": ["王一"], "women": ["赵丽"], "member": ["张三"]},
        {"chair": ["李二"], "women": ["刘芳"], "member": ["赵四", "陈五"]},
        {"chair": ["王一"], "women": ["刘芳"], "member": ["张三", "赵四"]},
        {"chair": ["王一"], "member": ["张三", "孙九"]},
        {"chair": ["王一"], "women": ["刘芳"], "member": ["张三", "赵四", "陈五"]},
        {"spoiled": True},
        {"chair": ["王一"], "women": ["刘芳"], "member": ["孙九", "赵四"]},
    ],
}

# The members of the result file that the outcome's getters give
# (Outcome.as_dict()); the others come from the tally and the turnout.
_CONTEST_KEYS = ("id", "title", "seats", "threshold", "elected", "unfilled", "next",
                 "candidates")


def _getters_part(result):
    """The part of a result file (FORMATS.md §2) that Outcome.as_dict() mirrors."""
    contests = []
    for c in result["contests"]:
        d = {k: c[k] for k in _CONTEST_KEYS}
        d["next"] = {k: v for k, v in c["next"].items() if k != "women_seat"}
        contests.append(d)
    return {"valid": result["valid"], "round": result["round"], "quorum": result["quorum"],
            "contests": contests, "reasons": result["reasons"]}


def _paper_of(doc):
    paper = libelect.Paper(party_marks=False)
    for c in doc["contests"]:
        i = paper.add_contest(c["id"], c.get("title"), c["seats"],
                              women_only=c.get("women_only", False))
        for cand in c["candidates"]:
            if isinstance(cand, str):
                paper.add_candidate(i, cand)
            else:
                paper.add_candidate(c["id"], cand["name"], cand.get("gender"),
                                    cand.get("birth_date"), cand.get("ethnicity"))
    return paper


def _cast(ballot, marks):
    """Fills @ballot with one ballot of an election file, through the Ballot
    methods: a listed name is a mark, another name or {"write_in"} a
    write-in."""
    if marks.get("spoiled"):
        ballot.set_unreadable()
        return
    paper = ballot.paper
    for cid, names in marks.items():
        for name in names:
            if isinstance(name, dict):
                ballot.write_in(cid, name["write_in"])
                continue
            try:
                k = paper.candidate_index(cid, name)
            except KeyError:
                ballot.write_in(cid, name)
            else:
                ballot.mark(cid, k)


def _build(doc):
    """The election @doc built from Python objects only: (paper, tally, outcome)."""
    paper = _paper_of(doc)
    tally = libelect.Tally(doc["profile"], paper)
    if "eligible" in doc:
        names = [e if isinstance(e, str) else e["name"] for e in doc["eligible"]]
        sexes = [None if isinstance(e, str) else e.get("gender") for e in doc["eligible"]]
        tally.set_eligible(names, sexes)
    ballot = libelect.Ballot(paper)
    for marks in doc["ballots"]:
        _cast(ballot, marks)
        tally.add_ballot(ballot)
        ballot.reset()
    turnout = libelect.Turnout(electorate=doc["electorate"], issued=doc.get("ballots_issued"))
    return paper, tally, tally.count(turnout)


def test_python_built_village_agrees_with_count():
    paper, tally, outcome = _build(SMALL)
    want = libelect.count(SMALL, lang="en")
    # the whole result document, ballot defects and abstentions included
    assert outcome.to_json("en") == want
    # and every getter of the outcome
    assert outcome.as_dict("en") == _getters_part(want)
    # the expected values, computed here: 9 returned, 1 spoiled, 1 over-vote
    assert tally.ballots_returned == 9 and tally.ballots_invalid == 2
    assert outcome.valid and outcome.round == "regular"
    assert outcome.quorum == {"required": 7, "actual": 9, "met": True}   # > 1/2 of 12
    chair = outcome.contest("chair")
    assert (chair.id, chair.title, chair.seats) == ("chair", "主任", 1)
    assert chair.threshold == 5                                          # > 1/2 of 9
    assert chair.elected == ["王一"] and chair.unfilled == 0
    assert chair.next == {"action": "none"}
    assert [(r.name, r.votes, r.status, r.write_in) for r in chair.candidates] == [
        ("王一", 6, "elected", False), ("李二", 1, "below_threshold", False)]
    member = outcome.contest(2)
    assert member.elected == ["张三"] and member.unfilled == 1
    assert member.next_action == "supplementary" and member.next_seats == 1
    assert member.candidate("孙九").votes == 3
    assert outcome.contest("women").elected == ["刘芳"]
    codes = [r.code for r in outcome.reasons]
    assert codes == [r["code"] for r in want["reasons"]] and "quorum-met" in codes
    # the file reader's objects give the same getters
    assert libelect.Election(SMALL).count().as_dict("en") == outcome.as_dict("en")


def test_python_built_village_2026_agrees_with_count():
    # the example village: 1210 ballots, eligible list with sexes, write-ins,
    # spoiled papers, a women's post, cast one by one through Ballot
    doc = json.loads(VILLAGE.read_text(encoding="utf-8"))
    paper, tally, outcome = _build(doc)
    want = libelect.count(doc, lang="en")
    assert outcome.to_json("en") == want
    assert outcome.as_dict("en") == _getters_part(want)
    assert outcome.elected("chair") == ["王建国"]
    assert paper.candidate_info("women", "赵丽") == {
        "name": "赵丽", "sex": "female", "birth_date": "1985-09-30", "ethnicity": "畲族"}
    # the election read from the file: the same getters
    e = libelect.Election(VILLAGE)
    assert e.count().as_dict("en") == _getters_part(want)
    assert e.paper.contests == paper.contests


def test_overvote_ballot_is_invalid():
    """RULES.md §5.2 (ZJ 27, SH 19, BJ 28): more names marked in a contest
    than its seats → the whole ballot is invalid (the default of
    count.overvote); under count.overvote=void-contest only that contest
    is void."""
    paper = _paper_of(SMALL)
    tally = libelect.Tally("village-committee", paper)
    b = libelect.Ballot(paper)
    b.mark("chair", "王一")
    for name in ("张三", "赵四", "陈五"):          # 3 names, 2 seats
        b.mark("member", name)
    assert tally.add_ballot(b) == {"valid": False, "defects": {"overvote": 1}}
    assert tally.ballots_invalid == 1 and tally.ballots_valid == 0
    # the whole ballot is invalid: the chair mark does not count either
    assert tally.votes("chair")["王一"] == 0 and tally.votes("member")["张三"] == 0
    # the ballot object is not changed by the tally: once more
    assert tally.add_ballot(b)["valid"] is False and tally.ballots_invalid == 2
    b.reset()
    b.mark("member", "张三")
    b.mark("member", "赵四")                       # 2 names, 2 seats: valid
    assert tally.add_ballot(b) == {"valid": True, "defects": {}}
    assert tally.votes("member")["张三"] == 1

    profile = libelect.profile_from_string(
        "[profile]\nname=void-contest-test\ntitle=t\nextends=village-committee\n"
        "[count]\novervote=void-contest\n")
    paper2 = _paper_of(SMALL)
    tally2 = libelect.Tally(profile, paper2)
    b2 = libelect.Ballot(paper2)
    b2.mark("chair", "王一")
    for name in ("张三", "赵四", "陈五"):
        b2.mark("member", name)
    assert tally2.add_ballot(b2) == {"valid": True, "defects": {"overvote-contest": 1}}
    assert tally2.votes("chair")["王一"] == 1 and tally2.votes("member")["张三"] == 0
    assert tally2.contest_void("member") == 1


def test_write_in_is_flagged():
    # RULES.md §5.2: a name that is not listed is a write-in (另选他人);
    # one naming a listed candidate is a mark for that candidate
    paper = _paper_of(SMALL)
    tally = libelect.Tally("village-committee", paper)
    b = libelect.Ballot(paper)
    for _ in range(6):
        b.mark("chair", "王一")
        b.write_in("member", "孙九")
        r = tally.add_ballot(b)
        b.reset()
    assert r == {"valid": True, "defects": {"write-in-unverified": 1}}
    b.write_in("member", "张三")
    assert tally.add_ballot(b)["defects"] == {"write-in-listed": 1}
    assert tally.write_ins("member") == {"孙九": 6}
    assert tally.votes("member")["张三"] == 1
    member = tally.count(libelect.Turnout(electorate=8)).contest("member")
    rows = {r.name: r for r in member.candidates}
    assert rows["孙九"].write_in is True and rows["孙九"].votes == 6
    assert rows["孙九"].status == "elected" and member.elected == ["孙九"]
    assert rows["张三"].write_in is False
    assert rows["孙九"].as_dict() == {"name": "孙九", "votes": 6, "status": "elected",
                                     "write_in": True}
    assert "write_in" not in rows["张三"].as_dict()


def test_eligible_list_voids_unknown_write_in():
    paper = _paper_of(SMALL)
    tally = libelect.Tally("village-committee", paper)
    tally.set_eligible(["孙九", "周八"], ["male", None])
    b = libelect.Ballot(paper)
    b.write_in("member", "钱七")
    assert tally.add_ballot(b) == {"valid": True, "defects": {"write-in-not-eligible": 1}}
    b.reset()
    b.write_in("member", "孙九")
    assert tally.add_ballot(b) == {"valid": True, "defects": {}}
    assert tally.write_ins("member") == {"孙九": 1}
    assert tally.write_in_sexes("member") == {"孙九": "male"}
    with pytest.raises(libelect.ElectError) as ei:   # only before any ballot
        tally.set_eligible(["孙九"])
    assert ei.value.code == "invalid"


def _tie_paper():
    paper = libelect.Paper()
    paper.add_contest("member", "委员", 2, candidates=["张三", "赵四", "陈五"])
    return paper


# 8 ballots: 张三 6, 赵四 5, 陈五 5; threshold 5 (> 1/2 of 8); 2 seats
TIE_MASKS = [0b011] * 3 + [0b101] * 3 + [0b110] * 2


def test_tie_gives_revote():
    # RULES.md §6.3 (ZJ 28): a tie at the last seat is never broken: a
    # revote among the tied for the seats left
    paper = _tie_paper()
    tally = libelect.Tally("village-committee", paper)
    tally.add_masks("member", array.array("Q", TIE_MASKS))
    outcome = tally.count(libelect.Turnout(electorate=10))
    member = outcome.contest("member")
    assert member.elected == ["张三"] and member.unfilled == 1
    assert member.next_action == "revote" and member.next_seats == 1
    assert sorted(member.next_candidates) == ["赵四", "陈五"]
    assert member.next == {"action": "revote", "seats": 1,
                           "candidates": member.next_candidates}
    assert {r.name: r.status for r in member.candidates} == {
        "张三": "elected", "赵四": "tied", "陈五": "tied"}
    assert outcome.as_dict("en") == _getters_part(outcome.to_json("en"))
    # the same ballots one by one, and as a dict: the same result
    by_ballot = libelect.Tally("village-committee", paper)
    b = libelect.Ballot(paper)
    for m in TIE_MASKS:
        for k in range(3):
            if m >> k & 1:
                b.mark("member", k)
        by_ballot.add_ballot(b)
        b.reset()
    names = ["张三", "赵四", "陈五"]
    doc = {"format": "libelect.election/1", "profile": "village-committee", "electorate": 10,
           "contests": [{"id": "member", "title": "委员", "seats": 2, "candidates": names}],
           "ballots": [{"member": [n for k, n in enumerate(names) if m >> k & 1]}
                       for m in TIE_MASKS]}
    want = libelect.count(doc, lang="en")
    assert by_ballot.count(libelect.Turnout(electorate=10)).to_json("en") == want
    assert outcome.to_json("en") == want


def test_add_masks_buffers():
    paper = _tie_paper()
    ref = libelect.Tally("village-committee", paper)
    ref.add_masks(0, TIE_MASKS)                          # a list of ints
    want = ref.votes("member")
    assert want == {"张三": 6, "赵四": 5, "陈五": 5}
    buffers = [array.array("Q", TIE_MASKS), bytearray(array.array("Q", TIE_MASKS).tobytes()),
               array.array("Q", TIE_MASKS).tobytes(),
               # not contiguous: every other item
               memoryview(array.array("Q", [v for m in TIE_MASKS for v in (m, 0b111)]))[::2]]
    for buf in buffers:
        t = libelect.Tally("village-committee", paper)
        t.add_masks("member", buf)
        assert t.votes("member") == want, type(buf)
        assert t.ballots_returned == 8
    # a writable buffer is passed as it is, not copied
    cm = sys.modules["libelect.count"]          # the module (libelect.count is the function)
    arr = array.array("Q", TIE_MASKS)
    ptr, n, _keep = cm._masks_pointer(arr)
    assert (ptr.value, n) == (arr.buffer_info()[0], len(TIE_MASKS))
    with pytest.raises(TypeError):
        libelect.Tally("village-committee", paper).add_masks(0, array.array("d", [1.0]))
    with pytest.raises(ValueError):
        libelect.Tally("village-committee", paper).add_masks(0, b"\x01\x02\x03")
    t = libelect.Tally("village-committee", paper)
    with pytest.raises(libelect.ElectError) as ei:       # bit 3: no 4th candidate
        t.add_masks(0, [0b1001, 0b1])
    assert ei.value.code == "invalid" and t.ballots_returned == 0   # nothing counted


def test_ballot_marks_and_defects():
    paper = _paper_of(SMALL)
    tally = libelect.Tally("village-committee", paper)
    b = libelect.Ballot(paper)
    b.mark("chair", "王一")
    b.mark("chair", 0)                                   # the same, by index
    assert tally.add_ballot(b) == {"valid": True, "defects": {"duplicate-mark": 1}}
    b.reset()
    b.mark("chair", "王一")
    b.set_unreadable()
    assert b.unreadable
    assert tally.add_ballot(b) == {"valid": False, "defects": {"unreadable": 1}}
    b.reset()
    assert not b.unreadable
    b.write_in("women", "孙九")                          # not known to be a woman
    assert tally.add_ballot(b) == {"valid": True, "defects": {"women-post-not-woman": 1}}
    assert tally.votes("chair") == {"王一": 1, "李二": 0}
    assert tally.defects == {"duplicate-mark": 1, "unreadable": 1, "women-post-not-woman": 1}
    assert tally.write_ins("women") == {}
    assert set(tally.defects) <= set(libelect.defect_codes())
    reason = tally.defect_reason("overvote")
    assert reason.code == "overvote" and "二十八条" in reason.citation
    assert reason.param == "count.overvote"
    assert tally.defect_reason("no-such-defect") is None
    # no voter identity can be attached to a ballot
    with pytest.raises(AttributeError):
        b.voter = "11010519491231002X"
    # lookups
    with pytest.raises(KeyError):
        b.mark("mayor", 0)
    with pytest.raises(KeyError):
        b.mark("chair", "钱七")
    with pytest.raises(IndexError):
        b.mark("chair", 2)
    with pytest.raises(IndexError):
        b.mark(3, 0)


def test_party_marks():
    paper = libelect.Paper(party_marks=True)
    paper.add_contest("committee", "委员", 2, candidates=["甲", "乙", "丙"])
    tally = libelect.Tally("party-committee", paper)
    b = libelect.Ballot(paper)
    b.mark_party("committee", "甲", "for")
    b.mark_party("committee", "乙", "against")
    b.write_in("committee", "丁", candidate="乙")        # against 乙, for 丁
    b.mark_party("committee", "丙", "abstain")
    assert tally.add_ballot(b)["valid"] is True
    b.reset()
    b.mark_party("committee", "甲", "for")
    b.mark_party("committee", "甲", "against")           # contradictory
    b.mark_party("committee", "丙", "abstain")
    b.write_in("committee", "戊", candidate="丙")        # write-in on an abstain line
    assert tally.add_ballot(b)["defects"] == {"contradictory-mark": 1, "abstain-write-in": 1}
    assert tally.votes("committee") == {"甲": 1, "乙": 0, "丙": 0, "丁": 1}
    assert tally.votes_against("committee") == {"甲": 0, "乙": 1, "丙": 0}
    with pytest.raises(ValueError):
        b.mark_party("committee", "甲", "yes")
    # the Party profile needs a Party paper, and the reverse
    with pytest.raises(libelect.ElectError) as ei:
        libelect.Tally("village-committee", paper)
    assert ei.value.code == "invalid"


def test_tally_sheet_from_python_agrees_with_count():
    doc = {"format": "libelect.election/1", "profile": "village-committee", "electorate": 20,
           "contests": [{"id": "chair", "title": "主任", "seats": 1,
                         "candidates": ["王一", "李二"]}],
           "totals": {"ballots_returned": 15, "ballots_invalid": 1,
                      "votes": {"chair": {"王一": 9, "李二": 4, "孙九": 1}}}}
    paper = _paper_of(doc)
    tally = libelect.Tally("village-committee", paper)
    tally.set_sheet(15, 1)
    tally.set_sheet_votes("chair", 0, 9)
    tally.set_sheet_votes("chair", "李二", 4)
    tally.set_sheet_votes("chair", "孙九", 1)
    assert tally.is_sheet and tally.votes("chair") == {"王一": 9, "李二": 4, "孙九": 1}
    outcome = tally.count(libelect.Turnout(electorate=20))
    assert outcome.to_json("en") == libelect.count(doc, lang="en")
    assert outcome.elected("chair") == ["王一"]
    with pytest.raises(libelect.ElectError):             # a sheet takes no ballots
        tally.add_ballot(libelect.Ballot(paper))


def test_errors_come_out_as_elect_error():
    paper = _paper_of(SMALL)
    tally = libelect.Tally("village-committee", paper)
    # the electorate is required (elect_count)
    with pytest.raises(libelect.ElectError) as ei:
        tally.count(libelect.Turnout())
    assert ei.value.code == "invalid" and ei.value.code_number == 3
    # a frozen paper cannot change
    assert paper.frozen
    for change in (lambda: paper.add_contest("vice", "副主任", 1),
                   lambda: paper.add_candidate("chair", "钱七"),
                   lambda: paper.set_women_only("chair")):
        with pytest.raises(libelect.ElectError) as ei:
            change()
        assert ei.value.code == "invalid"
    assert [c["id"] for c in paper.contests] == ["chair", "women", "member"]
    # a ballot of another paper
    other = _paper_of(SMALL)
    with pytest.raises(libelect.ElectError) as ei:
        tally.add_ballot(libelect.Ballot(other))
    assert ei.value.code == "invalid" and tally.ballots_returned == 0
    # paper checks
    p = libelect.Paper()
    with pytest.raises(libelect.ElectError) as ei:
        p.add_contest("chair", "主任", 0)
    assert ei.value.code == "invalid"
    p.add_contest("chair", "主任", 1, candidates=["王一"])
    with pytest.raises(libelect.ElectError):
        p.add_contest("chair", "主任", 1)                 # duplicate id
    with pytest.raises(libelect.ElectError):
        p.add_candidate("chair", "王一")                  # same name twice
    w = p.add_contest("women", "妇女委员", 1, women_only=True)
    with pytest.raises(libelect.ElectError):
        p.add_candidate(w, "孙九", "male")               # a man on the women's post
    with pytest.raises(libelect.ElectError) as ei:
        libelect.Ballot(libelect.Paper())                # a paper without contests
    assert ei.value.code == "invalid"
    # turnout limits
    with pytest.raises(libelect.ElectError) as ei:
        libelect.Turnout(electorate=-1)
    assert ei.value.code == "limit"
    with pytest.raises(ValueError):
        libelect.Turnout(electorate=1, round="final")
    with pytest.raises(libelect.ElectError):
        tally.count(libelect.Turnout(electorate=5), relations=[("王一", "李二", "cousin")])


def test_turnout_and_rounds():
    t = libelect.Turnout(electorate=10, issued=9)
    assert (t.electorate, t.issued, t.present, t.round) == (10, 9, None, "regular")
    t.issued = None
    t.round = "revote"
    assert t.issued is None and t.round == "revote"
    # a revote: most votes wins, no threshold (ZJ 28)
    paper = _tie_paper()
    tally = libelect.Tally("village-committee", paper)
    tally.add_masks(0, [0b010, 0b010, 0b100])
    o = tally.count(libelect.Turnout(electorate=10, round="revote"))
    assert o.round == "revote" and o.to_json()["round"] == "revote"
    assert o.contest(0).elected == ["赵四", "陈五"]
    e = libelect.Election(VILLAGE)
    assert (e.turnout.electorate, e.turnout.issued) == (1586, 1230)
    assert e.profile.name == "zhejiang-village-committee"


def test_ballots_returned_above_issued_voids_the_round():
    # RULES.md §6.1: more ballots returned than issued: void, rerun
    paper = _tie_paper()
    tally = libelect.Tally("village-committee", paper)
    tally.add_masks(0, TIE_MASKS)
    o = tally.count(libelect.Turnout(electorate=10, issued=7))
    assert o.valid is False
    assert o.contest("member").next_action == "rerun" and o.elected("member") == []
    # no candidate status in a void round: "void", as the result file writes it
    assert {r.status for r in o.contest("member").candidates} == {"void"}
    assert o.as_dict() == _getters_part(o.to_json())


def test_views_keep_the_outcome_alive():
    _paper, tally, outcome = _build(SMALL)
    contest = outcome.contest("chair")
    row = contest.candidates[0]
    reason = outcome.reasons[0]
    want = (contest.elected, row.name, row.votes, reason.code, reason.message("en"))
    del outcome, _paper
    gc.collect()
    # and the tally may change after the count: the outcome does not
    b = libelect.Ballot(tally.paper)
    b.mark("chair", "李二")
    tally.add_ballot(b)
    assert (contest.elected, row.name, row.votes, reason.code, reason.message("en")) == want
    assert contest.id == "chair"


def test_election_objects_share_the_election():
    e = libelect.Election(base())
    assert e.paper == e.paper and e.paper.frozen
    assert e.tally.ballots_returned == 6
    assert e.count().contest("member").as_dict()["elected"] == ["张三", "赵四"]
    with pytest.raises(ValueError):
        _build(SMALL)[2].to_text()          # the announcement needs the Election
