# SPDX-License-Identifier: LGPL-2.1-or-later
"""libelect.printing (python/libelect/printing.py) against the built
libelect-print; skipped when the library was not built (-Dprint=disabled)."""
import json
import os
import pathlib
import re
import shutil
import subprocess

import pytest

import libelect
import libelect.printing as lp

pytestmark = pytest.mark.skipif(not lp.available(), reason="libelect-print not built")

ROOT = pathlib.Path(os.environ.get("ELECT_SOURCE_ROOT",
                                   pathlib.Path(__file__).resolve().parents[2]))
DATA = ROOT / "examples" / "data"
VILLAGE = DATA / "village-2026" / "election.json"
PARTY = DATA / "party-branch" / "election.json"


def text_of(pdf):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not installed (poppler-utils)")
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_option_keys_and_fonts():
    keys = lp.option_keys()
    assert "format" in keys and "order" in keys and "reasons" in keys
    lp.check_fonts()


def test_ballot_in_stroke_order(tmp_path):
    out = tmp_path / "ballot.pdf"
    assert lp.ballot(str(VILLAGE), out) == 1
    assert out.read_bytes()[:5] == b"%PDF-"
    text = text_of(out)
    doc = json.loads(VILLAGE.read_text(encoding="utf-8"))
    # RULES.md §7.3: each post's names in stroke order, as elect-order does.
    for c in doc["contests"]:
        names = [x if isinstance(x, str) else x["name"] for x in c["candidates"]]
        block = text[text.index(c["title"] + "（"):]
        assert sorted(names, key=block.index) == libelect.order(names)
    assert doc["title"] in text


def test_ballot_given_order_and_svg(tmp_path):
    out = tmp_path / "ballot.svg"
    e = libelect.Election(str(PARTY))
    assert lp.ballot(e, out, format="svg", order="given", lang="en") == 1
    assert "<svg" in out.read_text(encoding="utf-8")[:500]


def test_unknown_option_writes_nothing(tmp_path):
    out = tmp_path / "ballot.pdf"
    with pytest.raises(libelect.ElectError) as e:
        lp.ballot(str(VILLAGE), out, colour="red")
    assert e.value.code == "unknown-key"
    assert "colour" in e.value.message
    assert not out.exists()
    with pytest.raises(libelect.ElectError) as e:
        lp.ballot(str(VILLAGE), out, paper="letter")
    assert e.value.code == "invalid"
    assert not out.exists()


def test_roll_masks_every_id(tmp_path):
    out = tmp_path / "roll.pdf"
    pages = lp.roll(DATA / "village-2026" / "roll.csv", out, profile="zhejiang-village-committee",
                    election_day="2026-12-20", title="青山村第十二届村民委员会选举")
    assert pages > 1
    text = text_of(out)
    # RULES.md §4.4: no full ID number on the printed roll.
    assert re.search(r"(?<!\d)\d{17}[\dX](?![\dX])", text) is None
    assert "身份证号码只显示前6位和后4位" in text.replace(" ", "")


def test_candidates_from_election_and_result(tmp_path):
    assert lp.candidates(str(PARTY), tmp_path / "list.pdf", date="2026-11-28") == 1
    e = libelect.Election(str(VILLAGE))
    outcome = e.count()
    # Without the basis of the decisions, the sample's notice takes two pages.
    pages = lp.result(outcome, tmp_path / "notice.pdf", election=e, reasons="no")
    assert pages == 2
    text = text_of(tmp_path / "notice.pdf")
    for name in ("王建国", "张伟", "刘秀英", "孙海涛", "周文斌", "吴晓燕"):
        assert name in text
    assert "（盖章）" in text
    # The same from the result as a dict.
    doc = libelect.count(str(VILLAGE))
    assert lp.result(doc, tmp_path / "notice2.pdf", reasons="no") == 2


def test_malformed_result(tmp_path):
    out = tmp_path / "n.pdf"
    with pytest.raises(libelect.ElectError) as e:
        lp.result({"format": "libelect.result/1", "profile": "village-committee"}, out)
    assert e.value.code == "invalid"
    assert "$.valid" in e.value.message
    assert not out.exists()
