# SPDX-License-Identifier: LGPL-2.1-or-later
"""Election and structure statistics over many villages: the numbers of
``elect-batch``'s summary (doc/formats-batch.md) as rows for Python.

    >>> import libelect
    >>> rows = libelect.stats("examples/data/township-2026/villages")
    >>> total = rows[-1]
    >>> total["level"], total["elections"], total["valid"] + total["void"]
    ('total', 30, 30)
    >>> float(total["women_share"])                   # a fractions.Fraction
    0.38421052631578945

``stats()`` reads election files (FORMATS.md §1) and committee files
(``*.committee.json``, doc/formats-committee.md), counts each election with
the C library (``elect_election_read_file()``, ``elect_election_count()``)
and checks each committee with ``elect_committee_check()``; nothing of the
rules is reimplemented here. The rows are plain dicts with the same keys,
one per group (a township: the name of the directory that holds the file,
as ``elect-batch`` groups them; or a village) and a last row with the
totals, so ``pandas.DataFrame(rows)`` or ``csv.DictWriter`` take them as
they are. Shares are exact :class:`fractions.Fraction` (``float()`` them
for display), None when their denominator is 0.

The keys of a row:

- ``name``, ``level`` (``"township"``, ``"village"`` or ``"total"``),
  ``township`` (the township of a village row; else the name or None);
- ``files``, ``elections``, ``valid``, ``void``, ``recount``,
  ``malformed``, ``skipped``, ``ballots`` (ballots read; 0 for tally
  sheets), ``seats``, ``seats_filled``, ``seats_pending``,
  ``supplementary`` (elections with a seat for a supplementary round,
  另行选举), ``revotes``, ``reruns``;
- ``committees`` (committee files checked), ``committees_with_violations``,
  ``members`` (两委 members: the distinct people on the villagers' or the
  Party committee), ``women``, ``women_share``, ``one_shoulder`` (villages
  whose Party secretary chairs the villagers' committee, 一肩挑),
  ``one_shoulder_villages`` (villages with both committees),
  ``one_shoulder_share``, ``cross_membership`` (members on both, 交叉任职),
  ``cross_membership_share``, ``under_35``, ``under_35_share`` (on each
  file's ``reference_date``, RULES.md §1.5), ``ages_known``,
  ``average_age`` (whole years, a Fraction), ``birth_date_unknown``, and
  ``education_<level>`` for ``unknown``, ``primary``,
  ``junior_secondary``, ``senior_secondary``, ``junior_college``,
  ``bachelor``, ``postgraduate``.
"""
import json
import os
from fractions import Fraction

from ._lib import ElectError
from .committee import EDUCATION, Committee
from .count import Election
from .profiles import Profile, profile as _load_profile
from .roll import age_on

ELECTION_FORMAT = "libelect.election/1"
_COUNTERS = ("files", "elections", "valid", "void", "recount", "malformed", "skipped",
             "ballots", "seats", "seats_filled", "supplementary", "revotes", "reruns",
             "committees", "committees_with_violations", "members", "women", "one_shoulder",
             "one_shoulder_villages", "cross_membership", "under_35", "ages_known", "age_sum")
EDUCATION_KEYS = tuple("education_" + e.replace("-", "_") for e in EDUCATION)


def _walk(top):
    """The files elect-batch takes from a directory: *.json except
    *.result.json, recursively, without entries starting with '.' and
    without following links to directories."""
    out = []
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = [d for d in dirnames
                       if not d.startswith(".") and not os.path.islink(os.path.join(dirpath, d))]
        for f in filenames:
            if f.startswith(".") or not f.endswith(".json") or f.endswith(".result.json"):
                continue
            out.append(os.path.join(dirpath, f))
    return out


def _inputs(paths):
    """(path, named) for every file, once, in byte order of the paths."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    seen = {}
    for p in paths:
        p = os.fspath(p)
        if os.path.isdir(p):
            for f in _walk(p):
                seen.setdefault(f, False)
        else:
            seen[p] = True
    return sorted(seen.items(), key=lambda kv: kv[0].encode("utf-8"))


def _other_format(path):
    """The top-level "format" of a JSON file when it is not an election's."""
    try:
        with open(path, "rb") as f:
            doc = json.loads(f.read())
    except (OSError, ValueError):
        return None
    fmt = doc.get("format") if isinstance(doc, dict) else None
    return fmt if isinstance(fmt, str) and fmt != ELECTION_FORMAT else None


def _village_of(path):
    base = os.path.basename(path)
    for suffix in (".committee.json", ".json"):
        if base.endswith(suffix):
            return base[:-len(suffix)]
    return base


def _township_of(path):
    return os.path.basename(os.path.dirname(path)) or os.path.basename(os.path.abspath(
        os.path.dirname(path) or "."))


def _election_facts(path, t):
    e = Election(path)
    outcome = e.count()
    t["ballots"] += e.n_ballots
    actions = set()
    recount = False
    for c in outcome.contests:
        t["seats"] += c.seats
        t["seats_filled"] += len(c.elected)
        actions.add(c.next_action)
        recount = recount or c.next_action == "recount"
    t["elections"] += 1
    if outcome.valid:
        t["valid"] += 1
    elif recount:
        t["recount"] += 1
    else:
        t["void"] += 1
    t["supplementary"] += "supplementary" in actions
    t["revotes"] += "revote" in actions
    t["reruns"] += "rerun" in actions


def _committee_facts(path, t, profiles):
    c = Committee(path)
    bodies = set(c.bodies())
    kw = {b: (profiles[b] if b in bodies else None) for b in profiles}
    comp = c.check(**kw)
    t["committees"] += 1
    t["committees_with_violations"] += not comp.valid
    counts = comp.counts
    if counts["women"]:
        t["women"] += counts["women"][0]
        t["members"] += counts["women"][1]
    if counts["under-35"]:
        t["under_35"] += counts["under-35"][0]
    if counts["cross-membership"]:
        t["cross_membership"] += counts["cross-membership"][0]
    if counts["one-shoulder"]:
        t["one_shoulder"] += counts["one-shoulder"][0]
        t["one_shoulder_villages"] += counts["one-shoulder"][1]
    for key, n in zip(EDUCATION_KEYS, comp.education.values()):
        t[key] += n
    ref = c.reference_date
    if ref is not None:
        for p in c.people():
            on = [b for b in ("village", "party") if b in p["posts"] and kw[b] is not None]
            if on and p["birth_date"] is not None:
                t["age_sum"] += age_on(p["birth_date"], ref)
                t["ages_known"] += 1


def _share(num, den):
    return Fraction(num, den) if den else None


def _row(name, level, township, t):
    row = {"name": name, "level": level, "township": township}
    for k in _COUNTERS:
        if k != "age_sum":
            row[k] = t[k]
    row["seats_pending"] = t["seats"] - t["seats_filled"]
    row["women_share"] = _share(t["women"], t["members"])
    row["one_shoulder_share"] = _share(t["one_shoulder"], t["one_shoulder_villages"])
    row["cross_membership_share"] = _share(t["cross_membership"], t["members"])
    row["under_35_share"] = _share(t["under_35"], t["members"])
    row["average_age"] = _share(t["age_sum"], t["ages_known"])
    row["birth_date_unknown"] = t["members"] - t["ages_known"]
    for k in EDUCATION_KEYS:
        row[k] = t[k]
    return row


def _new():
    return dict.fromkeys(_COUNTERS + EDUCATION_KEYS, 0)


def stats(paths, by="township", committee_profile="village-committee",
          party_profile="party-committee", supervision_profile="supervision-committee",
          strict=False, errors=None, township=None):
    """Statistics of election and committee files, as rows (see the module
    description for the keys).

    ``paths``: a directory or file (``str`` / ``Path``) or a list of them.
    A directory is walked as ``elect-batch`` walks it (``*.json`` except
    ``*.result.json``; ``*.committee.json`` are committee files; a file
    whose ``format`` names another format is skipped); a file named
    directly is always read. Each file is taken once, in byte order of
    its path.

    ``by``: ``"township"`` (a row per directory that holds files, as
    elect-batch's ``townships``) or ``"village"`` (a row per village: the
    file name without ``.json`` / ``.committee.json``). The last row is the
    total (``level`` ``"total"``).

    ``committee_profile``: the profile of the villagers' committee for the
    committee checks (elect-batch's ``--committee-profile``; a provincial
    profile adds its supervision exclusions and relatives avoidance);
    ``party_profile`` and ``supervision_profile`` the others'. Each
    committee is checked when someone in the file holds a post on it.

    A file that cannot be read, counted or checked counts as ``malformed``
    (its error is appended to the list ``errors`` when one is given); with
    ``strict`` its :class:`libelect.ElectError` is raised.

    ``township``: a function giving a file's township from its path, to
    name the groups otherwise than by their directory (a dict maps
    directory names to township names)."""
    if by not in ("township", "village"):
        raise ValueError("by: 'township' or 'village', not %r" % (by,))
    profiles = {}
    for body, p in (("village", committee_profile), ("party", party_profile),
                    ("supervision", supervision_profile)):
        profiles[body] = p if isinstance(p, Profile) else _load_profile(p)
    groups = {}
    for path, named in _inputs(paths):
        town = _township_of(path)
        if callable(township):
            town = township(path)
        elif township is not None:
            town = township.get(town, town)
        key = town if by == "township" else _village_of(path)
        g = groups.setdefault(key, {"township": town, "t": _new()})
        t = g["t"]
        t["files"] += 1
        committee = path.endswith(".committee.json")
        if not committee and not named and _other_format(path):
            t["skipped"] += 1
            continue
        try:
            if committee:
                _committee_facts(path, t, profiles)
            else:
                _election_facts(path, t)
        except ElectError as e:
            if strict:
                raise
            t["malformed"] += 1
            if errors is not None:
                errors.append(e.message if path in e.message else "%s: %s" % (path, e.message))
    rows = []
    total = _new()
    for key in sorted(groups, key=lambda s: s.encode("utf-8")):
        g = groups[key]
        rows.append(_row(key, by, g["township"] if by == "village" else key, g["t"]))
        for k, v in g["t"].items():
            total[k] += v
    rows.append(_row("total", "total", None, total))
    return rows
