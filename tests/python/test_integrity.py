# SPDX-License-Identifier: LGPL-2.1-or-later
"""The journal, double entry, digests and signatures through ctypes
(python/libelect/integrity.py): VCL 15 (secret ballot, public count),
VCL 17 (a falsified count voids the election), ZJ 26 (the record of the
count is signed), RULES.md §4.6 and §6.9."""
import json
import os
import pathlib
import stat

import pytest

import libelect

ROOT = pathlib.Path(os.environ.get("ELECT_SOURCE_ROOT",
                                   pathlib.Path(__file__).resolve().parents[2]))
VILLAGE = ROOT / "examples" / "data" / "village-2026" / "election.json"
SHEET = ROOT / "examples" / "data" / "tally-sheet" / "election.json"

TEMPLATE = {
    "format": "libelect.election/1",
    "profile": "village-committee",
    "electorate": 10,
    "ballots_issued": 9,
    "contests": [
        {"id": "chair", "title": "主任", "seats": 1, "candidates": ["王一", "李二"]},
        {"id": "member", "title": "委员", "seats": 2, "candidates": ["张三", "赵四", "陈五"]},
    ],
    "ballots": [],
}


@pytest.fixture
def template(tmp_path):
    p = tmp_path / "template.json"
    p.write_text(json.dumps(TEMPLATE, ensure_ascii=False), encoding="utf-8")
    return p


def test_journal_roundtrip_counts_the_same(tmp_path):
    """The sample village, entered ballot by ballot and exported, counts to
    the same result as the file (RULES.md §5.2: every defect kept)."""
    doc = json.loads(VILLAGE.read_text(encoding="utf-8"))
    ballots = doc["ballots"]
    doc["ballots"] = []
    tmpl = tmp_path / "t.json"
    tmpl.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    j = libelect.Journal.create(tmp_path / "d.journal", tmpl, label="青山村第1计票站", sync="batch")
    for b in ballots:
        j.append(b)
    j.sync()
    assert j.n_counted == len(ballots) == 1210
    text = j.export()
    assert libelect.count(text) == libelect.count(VILLAGE)
    j.close()
    r = libelect.Journal.open(tmp_path / "d.journal", tmpl, read_only=True)
    assert r.n_counted == 1210 and r.label == "青山村第1计票站" and r.recovery is None
    assert r.head.startswith("sha256:")


def test_double_entry(tmp_path, template):
    """Nothing counted until the two entries agree; differences listed."""
    j = libelect.Journal.create(tmp_path / "d.journal", template)
    j.append({"chair": ["王一"], "member": ["张三"]}, entry="first", batch=4)
    j.append({"chair": ["李二"], "member": ["张三"]}, entry="second", batch=4)
    assert j.pending == [4]
    diff = j.accept(4)
    assert diff == [{"place": "ballots[0].chair", "first": '["王一"]', "second": '["李二"]'}]
    assert j.n_counted == 0
    j.discard(4, "second")
    j.append({"member": ["张三"], "chair": ["王一"]}, entry="second", batch=4)
    assert j.compare(4) == []
    assert j.accept(4) == []
    assert j.n_counted == 1 and j.pending == []
    with pytest.raises(libelect.ElectError) as e:
        j.append({"chair": ["王一"]}, entry="first", batch=4)
    assert e.value.code == "invalid"


def test_sheet_double_entry(tmp_path, template):
    """A tally sheet entered twice (RULES.md §6.9)."""
    j = libelect.Journal.create(tmp_path / "d.journal", template)
    totals = {"ballots_returned": 9, "ballots_invalid": 1,
              "votes": {"chair": {"王一": 5, "李二": 3}, "member": {"张三": 6, "孙九": 1}}}
    j.append_sheet(totals, entry="first", batch=1)
    wrong = json.loads(json.dumps(totals))
    wrong["votes"]["chair"]["李二"] = 2
    j.append_sheet(wrong, entry="second", batch=1)
    assert j.compare(1) == [{"place": "totals.votes.chair.李二", "first": "3", "second": "2"}]
    j.discard(1, "second")
    j.append_sheet(totals, entry="second", batch=1)
    assert j.accept(1) == []
    result = libelect.count(j.export())
    assert result["source"] == "tally_sheet" and result["ballots_returned"] == 9


def test_torn_end_recovered(tmp_path, template):
    """A torn last record is dropped and reported; the others are kept."""
    path = tmp_path / "d.journal"
    with libelect.Journal.create(path, template) as j:
        for i in range(5):
            j.append({"chair": ["王一"], "member": [{"write_in": "第%d号" % i}]})
    data = path.read_bytes()
    path.write_bytes(data[:-10])
    j = libelect.Journal.open(path, template)
    assert j.n_counted == 4
    assert "record 5" in j.recovery
    # and a byte changed in the middle is refused
    j.close()
    bad = bytearray(data)
    bad[len(data) // 2] ^= 0x10
    path.write_bytes(bytes(bad))
    with pytest.raises(libelect.ElectError) as e:
        libelect.Journal.open(path, template)
    assert e.value.code in ("parse", "invalid")


def test_digests_and_signatures(tmp_path):
    """Digests of inputs and results; a signed result and a signed tally
    sheet verify, and do not after any change (VCL 17, ZJ 26)."""
    village = libelect.Election(VILLAGE)
    d = libelect.digest_election(village)
    assert d.startswith("sha256:") and len(d) == 71
    assert libelect.digest_election(VILLAGE) == d
    assert json.loads(libelect.canonical_election(village))["format"] == "libelect.inputs/1"
    key = libelect.SigningKey.generate("城关镇第3计票站")
    key.save(tmp_path / "s.key")
    assert stat.S_IMODE(os.stat(tmp_path / "s.key").st_mode) == 0o600
    assert "secret" not in repr(key)
    pub = key.verify_key
    pub.save(tmp_path / "s.pub")
    again = libelect.VerifyKey.load(tmp_path / "s.pub")
    assert again.key_id == key.key_id and again.label == "城关镇第3计票站"
    assert libelect.VerifyKey.from_text(str(pub)).key_id == key.key_id
    loaded = libelect.SigningKey.load(tmp_path / "s.key")
    result = libelect.Election(SHEET).count().to_json("zh")
    text = json.dumps(result, ensure_ascii=False)
    signed = libelect.sign_result(text, loaded, election=SHEET)
    assert libelect.verify_result(signed, keys=[pub], election=SHEET) == [key.key_id]
    assert libelect.digest_result(signed) == libelect.digest_result(text)
    changed = signed.replace('"valid": true', '"valid": false')
    assert changed != signed
    with pytest.raises(libelect.ElectError) as e:
        libelect.verify_result(changed, keys=[pub])
    assert e.value.code == "invalid"
    other = libelect.SigningKey.generate("他人")
    with pytest.raises(libelect.ElectError):
        libelect.verify_result(signed, keys=[other.verify_key])
    sig = libelect.sign_election(SHEET, key)
    sig2 = libelect.sign_election(SHEET, other, sig)
    assert sorted(libelect.verify_election(SHEET, sig2, keys=[pub, other.verify_key])) == \
        sorted([key.key_id, other.key_id])
    with pytest.raises(libelect.ElectError):
        libelect.verify_election(VILLAGE, sig2)
