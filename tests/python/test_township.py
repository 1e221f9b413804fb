# SPDX-License-Identifier: LGPL-2.1-or-later
"""The township bindings (committee.py, schedule.py, township.py, stats.py)
on the sample township (examples/data/township-2026): libelect.stats()
against totals computed here from the files and against elect-batch's
summary; the schedule and composition bindings against the C API's own
JSON; the plot example."""
import ctypes
import datetime
import json
import os
import subprocess
import sys
from fractions import Fraction

import pytest

import libelect
from libelect._lib import lib, take_string

from conftest import PYTHON, SOURCE_ROOT

TOWNSHIP_DIR = os.path.join(SOURCE_ROOT, "examples", "data", "township-2026")
VILLAGES = os.path.join(TOWNSHIP_DIR, "villages")
QINGSHAN = os.path.join(TOWNSHIP_DIR, "qingshan-village-committee.ini")
EDU = ("unknown", "primary", "junior-secondary", "senior-secondary", "junior-college",
       "bachelor", "postgraduate")


def load(name):
    with open(os.path.join(VILLAGES, name), encoding="utf-8") as f:
        return json.load(f)


def files(suffix_committee):
    names = sorted(os.listdir(VILLAGES), key=lambda s: s.encode())
    return [n for n in names if n.endswith(".committee.json") == suffix_committee
            and n.endswith(".json")]


def age(birth, day):
    b, d = datetime.date.fromisoformat(birth), datetime.date.fromisoformat(day)
    return d.year - b.year - ((d.month, d.day) < (b.month, b.day))


def independent_totals():
    """The numbers of the sample township from the files alone: the quorum
    (more than half of the voters returned a ballot, and no more than
    issued), the winners (more than half of the ballots returned, the best
    placed: the generator leaves no ties), and the committee facts."""
    t = dict.fromkeys(("elections", "valid", "void", "seats", "seats_filled", "supplementary",
                       "committees", "members", "women", "one_shoulder",
                       "one_shoulder_villages", "cross_membership", "under_35", "ages_known",
                       "age_sum"), 0)
    t["education"] = dict.fromkeys(EDU, 0)
    for name in files(False):
        e = load(name)
        tot = e["totals"]
        returned = tot["ballots_returned"]
        t["elections"] += 1
        valid = 2 * returned > e["electorate"] and returned <= e["ballots_issued"]
        t["valid" if valid else "void"] += 1
        unfilled = False
        for c in e["contests"]:
            t["seats"] += c["seats"]
            if not valid:
                continue
            votes = sorted(tot["votes"][c["id"]].values(), reverse=True)[:c["seats"]]
            won = sum(1 for v in votes if 2 * v > returned)
            t["seats_filled"] += won
            unfilled = unfilled or won < c["seats"]
        t["supplementary"] += unfilled
    for name in files(True):
        c = load(name)
        t["committees"] += 1
        ref = c["reference_date"]
        two = [p for p in c["people"] if {"village", "party"} & set(p.get("posts", {}))]
        t["members"] += len(two)
        t["women"] += sum(p["sex"] == "female" for p in two)
        t["cross_membership"] += sum({"village", "party"} <= set(p["posts"]) for p in two)
        for p in two:
            t["education"][p.get("education", "unknown")] += 1
            if "birth_date" in p:
                t["ages_known"] += 1
                t["age_sum"] += age(p["birth_date"], ref)
                t["under_35"] += age(p["birth_date"], ref) < 35
        if any("village" in p.get("posts", {}) for p in c["people"]) and \
                any("party" in p.get("posts", {}) for p in c["people"]):
            t["one_shoulder_villages"] += 1
            t["one_shoulder"] += any(p["posts"].get("village") == "chair"
                                     and p["posts"].get("party") == "secretary" for p in two)
    return t


@pytest.fixture(scope="module")
def rows():
    return libelect.stats(VILLAGES)


def test_generated_files_are_current():
    """tools/gen-township.py is deterministic and its files are committed."""
    proc = subprocess.run([PYTHON, os.path.join(SOURCE_ROOT, "tools", "gen-township.py"),
                           "--check"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert len(files(False)) == 30 and len(files(True)) == 30


def test_stats_agree_with_the_files(rows):
    assert [r["level"] for r in rows] == ["township", "total"]
    assert rows[0]["name"] == "villages"          # the directory, as elect-batch groups
    total = rows[-1]
    t = independent_totals()
    for key in ("elections", "valid", "void", "seats", "seats_filled", "supplementary",
                "committees", "members", "women", "one_shoulder", "one_shoulder_villages",
                "cross_membership", "under_35", "ages_known"):
        assert total[key] == t[key], key
    assert total["files"] == 60 and total["malformed"] == 0 and total["skipped"] == 0
    assert total["seats_pending"] == t["seats"] - t["seats_filled"]
    assert total["women_share"] == Fraction(t["women"], t["members"])
    assert total["one_shoulder_share"] == Fraction(t["one_shoulder"], t["one_shoulder_villages"])
    assert total["cross_membership_share"] == Fraction(t["cross_membership"], t["members"])
    assert total["under_35_share"] == Fraction(t["under_35"], t["members"])
    assert total["average_age"] == Fraction(t["age_sum"], t["ages_known"])
    assert total["birth_date_unknown"] == t["members"] - t["ages_known"] == 1
    for level in EDU:
        assert total["education_" + level.replace("-", "_")] == t["education"][level]
    # What the sample is made to show.
    assert (total["void"], total["supplementary"]) == (2, 4)
    assert total["committees_with_violations"] == 7


def test_stats_by_village_add_up(rows):
    villages = libelect.stats(VILLAGES, by="village")
    assert len(villages) == 31 and villages[-1]["level"] == "total"
    assert villages[-1] == dict(rows[-1])
    assert {r["township"] for r in villages[:-1]} == {"villages"}
    by_name = {r["name"]: r for r in villages}
    assert by_name["北坡村"]["void"] == 1 and by_name["北坡村"]["one_shoulder_villages"] == 0
    assert by_name["西河村"]["women"] == 0 and by_name["西河村"]["supplementary"] == 1
    named = libelect.stats(VILLAGES, township={"villages": "青山镇"})
    assert named[0]["name"] == "青山镇"


def run_batch(build_root, tmp_path, *extra):
    prog = os.path.join(build_root, "examples", "elect-batch")
    proc = subprocess.run([prog, "--jobs", "1", "--output-dir", str(tmp_path / "out"),
                           *extra, VILLAGES], capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    return json.loads(proc.stdout)


def frac(d):
    return Fraction(d["num"], d["den"]) if d["den"] else None


def check_against_summary(row, s):
    for key in ("files", "elections", "valid", "void", "recount", "malformed", "skipped",
                "ballots", "seats", "seats_filled", "seats_pending"):
        assert row[key] == s[key], key
    assert row["supplementary"] == s["supplementary_rounds"]
    assert row["revotes"] == s["revotes"]
    assert row["reruns"] == s["next"]["rerun"]["elections"]
    c = s["committees"]
    assert row["committees"] == c["checked"]
    assert row["committees_with_violations"] == c["with_violations"]
    assert row["members"] == c["members"] == c["women"]["den"]
    assert row["women"] == c["women"]["num"]
    assert (row["one_shoulder"], row["one_shoulder_villages"]) == \
        (c["one_shoulder"]["num"], c["one_shoulder"]["den"])
    assert row["cross_membership"] == c["cross_membership"]["num"]
    assert row["under_35"] == c["under_35"]["num"]
    assert row["women_share"] == frac(c["women"])
    assert row["one_shoulder_share"] == frac(c["one_shoulder"])
    assert row["cross_membership_share"] == frac(c["cross_membership"])
    assert row["under_35_share"] == frac(c["under_35"])
    assert row["average_age"] == frac(c["average_age"])
    assert row["ages_known"] == c["average_age"]["den"]
    assert row["birth_date_unknown"] == c["birth_date_unknown"]
    for level, n in c["education"].items():
        assert row["education_" + level.replace("-", "_")] == n, level


@pytest.mark.parametrize("profile", [None, QINGSHAN])
def test_stats_agree_with_elect_batch(build_root, tmp_path, rows, profile):
    extra = ("--committee-profile", profile) if profile else ()
    summary = run_batch(build_root, tmp_path, *extra)
    got = rows if profile is None else libelect.stats(VILLAGES, committee_profile=profile)
    check_against_summary(got[-1], summary["totals"])
    assert [r["name"] for r in got[:-1]] == [t["name"] for t in summary["townships"]]
    for row, town in zip(got, summary["townships"]):
        check_against_summary(row, town)
    # The Zhejiang rules add the bookkeeper on the VSC (ZJi 30) and the
    # couple on the VC (ZJ 31).
    assert got[-1]["committees_with_violations"] == (7 if profile is None else 9)


def test_stats_counts_malformed_and_skipped(tmp_path):
    d = tmp_path / "东城镇"
    d.mkdir()
    for name in ("西河村.json", "西河村.committee.json"):
        with open(os.path.join(VILLAGES, name), encoding="utf-8") as f:
            text = f.read()
        (d / name).write_text(text.replace("../qingshan-village-committee.ini",
                                           QINGSHAN), encoding="utf-8")
    (d / "bad.json").write_text('{"format": "libelect.election/1", "contests": [', "utf-8")
    (d / "notes.json").write_text('{"format": "libelect.candidates/1"}', "utf-8")
    (d / "x.result.json").write_text("{}", "utf-8")
    errors = []
    rows = libelect.stats(tmp_path, errors=errors)
    assert [r["name"] for r in rows] == ["东城镇", "total"]
    r = rows[0]
    assert (r["files"], r["elections"], r["malformed"], r["skipped"], r["committees"]) == \
        (4, 1, 1, 1, 1)
    assert len(errors) == 1 and "bad.json" in errors[0]
    with pytest.raises(libelect.ElectError):
        libelect.stats(tmp_path, strict=True)


# ---- the schedule ------------------------------------------------------------

_sched_new = lib.elect_schedule_new
_sched_new.restype = ctypes.c_void_p
_sched_new.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
_sched_json = lib.elect_schedule_to_json
_sched_json.restype = ctypes.c_void_p
_sched_json.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
_sched_unref = lib.elect_schedule_unref
_sched_unref.argtypes = [ctypes.c_void_p]


def c_schedule(profile, day, lang):
    from libelect.roll import _Date
    p = libelect.profile(profile)
    d = _Date(day)
    h = _sched_new(p.handle, d.ptr)
    try:
        return json.loads(take_string(_sched_json(h, lang.encode())))
    finally:
        _sched_unref(h)


@pytest.mark.parametrize("profile", ["village-committee", "zhejiang-village-committee",
                                     "shanghai-village-committee"])
def test_schedule_is_the_c_schedule(profile):
    steps = libelect.schedule(profile, "2026-12-20", lang="en")
    c = c_schedule(profile, "2026-12-20", "en")
    assert [s["code"] for s in steps] == [s["code"] for s in c["steps"]] == libelect.step_codes()
    for s, cs in zip(steps, c["steps"]):
        for key in ("title", "kind", "applicable", "conditional", "days", "depends_on",
                    "param", "citation"):
            assert s[key] == cs[key], (s["code"], key)
        for key in ("start", "last"):
            assert (s[key].isoformat() if s[key] else None) == cs[key], (s["code"], key)


def test_schedule_cites_the_articles():
    """VCL 14: the roll is published 20 days before E; ZJ 29: the
    supplementary round within 30 days (the start day not counted)."""
    steps = {s["code"]: s for s in libelect.schedule("zhejiang-village-committee",
                                                     datetime.date(2026, 12, 20))}
    roll = steps["roll-published"]
    assert roll["last"] == datetime.date(2026, 11, 30) and roll["days"] == 20
    assert roll["citation"] == "村民委员会组织法 第十四条"
    sup = steps["supplementary-round"]
    assert sup["kind"] == "window" and sup["conditional"]
    assert (sup["start"], sup["last"]) == (datetime.date(2026, 12, 20), datetime.date(2027, 1, 19))
    assert "浙江省村民委员会选举办法 第二十九条" in sup["citation"]
    national = {s["code"]: s for s in libelect.schedule("village-committee", "2026-12-20")}
    assert not national["supplementary-round"]["applicable"]
    assert "supplementary-round" not in [
        s["code"] for s in libelect.schedule("village-committee", "2026-12-20",
                                             applicable_only=True)]


def test_check_dates():
    check = libelect.check_dates("zhejiang-village-committee", {
        "village": "东山村", "election_day": "2026-12-20",
        "steps": {"roll-published": datetime.date(2026, 12, 2),
                  "candidate-list-published": "2026-12-14"}}, lang="en")
    steps = {s["code"]: s for s in check["steps"]}
    assert check["village"] == "东山村" and not check["on_time"]
    late = steps["roll-published"]
    assert (late["status"], late["days_late"]) == ("late", 2)
    assert late["reason"]["code"] == "schedule-late"
    assert late["reason"]["citation"] == "村民委员会组织法 第十四条"
    assert steps["candidate-list-published"]["status"] == "on-time"
    assert check["counts"]["late"] >= 1
    with pytest.raises(libelect.ElectError) as e:
        libelect.check_dates("village-committee", {"election_day": "2026-12-20",
                                                   "steps": {"no-such-step": None}})
    assert e.value.code == "unknown-key"


# ---- committees ----------------------------------------------------------------

def test_composition_is_the_c_composition():
    c = libelect.Committee(os.path.join(VILLAGES, "杏花村.committee.json"))
    comp = c.check()
    doc = comp.to_json()                       # elect_composition_to_json()
    assert comp.valid is doc["valid"] is False
    assert [{k: f[k] for k in ("kind", "code", "message", "citation")} for f in comp.findings] \
        == [{k: f[k] for k in ("kind", "code", "message", "citation")} for f in doc["findings"]]
    assert comp.sizes == doc["sizes"]
    for name, fig in doc["figures"].items():
        assert comp.counts[name] == (fig["num"], fig["den"])
        assert comp.figures[name] == Fraction(fig["num"], fig["den"])
        assert isinstance(comp.figures[name], Fraction)
    assert comp.education == doc["education"]
    # VCL 32: a VC member's near relative may not sit on the VSC.
    v = comp.violations
    assert [f["code"] for f in v] == ["supervision-vc-relative"]
    assert v[0]["citation"] == "村民委员会组织法 第三十二条；民法典 第一千零四十五条"
    assert v[0]["param"] == "supervision.excluded_relations"


def test_composition_cases():
    def codes(name, **kw):
        comp = libelect.Committee(os.path.join(VILLAGES, name)).check(**kw)
        return comp, [f["code"] for f in comp.violations]

    comp, v = codes("西河村.committee.json")            # VCL 6 ¶2: a woman on the VC
    assert v == ["women-member-missing"]
    assert comp.figures["one-shoulder"] == 1
    comp, v = codes("桃源村.committee.json")            # VCL 6: 3-7 members
    assert v == ["committee-too-small"] and comp.sizes["village"] == 2
    comp, v = codes("金山村.committee.json")
    assert v == ["committee-too-large"] and comp.sizes["party"] == 8
    comp, v = codes("柳塘村.committee.json")
    assert v == []
    comp, v = codes("柳塘村.committee.json", village=QINGSHAN)   # ZJ 31
    assert v == ["relatives-on-committee"]
    assert comp.violations[0]["citation"] == "浙江省村民委员会选举办法 第三十一条"
    # Only the Party committee (the VC round was void): 一肩挑 not computed.
    comp, v = codes("北坡村.committee.json")
    assert comp.sizes == {"village": None, "party": comp.sizes["party"], "supervision": None}
    assert comp.figures["one-shoulder"] is None and comp.figure("one-shoulder") is None
    with pytest.raises(libelect.ElectError) as e:
        libelect.Committee(os.path.join(VILLAGES, "杏花村.committee.json")).check(village=None)
    assert e.value.code == "invalid"


def test_committee_from_dict():
    doc = {"format": "libelect.committee/1", "reference_date": "2026-12-20",
           "targets": {"women": {"num": 1, "den": 3, "source": "换届工作方案"}},
           "people": [{"name": "王一", "sex": "male", "birth_date": "1995-01-01",
                       "posts": {"village": "chair"}},
                      {"name": "李二", "sex": "female", "birth_date": "1980-12-21",
                       "posts": {"village": "women-member"}},
                      {"name": "张三", "sex": "male", "posts": {"village": "member"}}]}
    c = libelect.Committee(doc)
    assert c.reference_date == datetime.date(2026, 12, 20)
    assert c.bodies() == ["village"] and len(c) == 3
    comp = c.check()
    assert comp.valid, comp.violations
    assert comp.figures["one-shoulder"] is None          # no Party committee
    assert comp.figures["women"] == Fraction(1, 3)
    assert comp.figures["under-35"] == Fraction(1, 3)
    assert comp.targets == {"women": True}
    assert "women-target-met" in comp.codes()
    with pytest.raises(libelect.ElectError) as e:
        libelect.Committee({"format": "libelect.committee/1",
                            "people": [{"name": "王一", "posts": {"village": "boss"}}]})
    assert "$.people[0].posts.village" in e.value.message


# ---- the township report -------------------------------------------------------

def test_township_report_rows():
    t = libelect.Township.load(os.path.join(TOWNSHIP_DIR, "township.json"))
    assert t.name == "青山镇" and len(t.villages) == 30
    assert sorted(n + ".json" for n in t.villages) == sorted(files(False))
    report = t.report("2026-12-01", days=7)
    doc = report.as_dict("en")
    rows = report.rows()
    assert [r["village"] for r in rows] == [v["name"] for v in doc["villages"]]
    assert report.behind == doc["behind"] == [r["village"] for r in rows if r["behind"]]
    assert report.flagged == doc["flagged"]
    for row, v in zip(rows, doc["villages"]):
        assert row["flagged"] == v["flagged"] and row["complex"] == v["complex"]
        assert row["overdue"] == v["summary"].get("overdue", 0)
        assert row["overdue_steps"] == [f["subject"] for f in v["findings"]
                                        if f["kind"] == "overdue"]
    f = report.findings("北坡村", lang="en")
    assert any(x["code"] == "risk-voided-election" for x in f)
    check = report.schedule_check("北坡村")
    assert check["village"] == "北坡村"
    text = report.to_text("en")
    assert all(name in text for name in report.behind)


# ---- the plot example ------------------------------------------------------------

def test_plot_stats_example(tmp_path):
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        pytest.fail("matplotlib is missing: install python3-matplotlib (tools/install-deps.sh)")
    out = tmp_path / "stats.png"
    script = os.path.join(SOURCE_ROOT, "examples", "python", "plot-stats.py")
    proc = subprocess.run([PYTHON, script, str(out), VILLAGES], capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 10 * 1024
    assert "30 villages, 30 committees" in proc.stdout
