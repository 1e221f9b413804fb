# SPDX-License-Identifier: LGPL-2.1-or-later
"""The township view (elect-township.h, doc/formats-township.md): which
villages are behind on the timeline on a day D, what falls due, problems
under supervision (挂账督办, 销号), risk flags, 换届纪律 and 四议两公开.

    >>> import libelect
    >>> t = libelect.Township.load("examples/data/township-2026/township.json")
    >>> t.name, len(t.villages)
    ('青山镇', 30)
    >>> report = t.report("2026-12-01", days=7)
    >>> rows = report.rows()          # one dict per village
    >>> report.as_dict()["behind"] == [r["village"] for r in rows if r["behind"]]
    True

The judgement is the C library's (elect_township_report_new()); a step's
citation is that of its profile parameter (e.g. 村民委员会组织法 第十四条 for
``roll-published``), the ledger's and the discipline window's say they are
local policy (…（政策，非法律条文）).

Ownership: a :class:`Township` owns its ``ElectTownship``, a
:class:`TownshipReport` its ``ElectTownshipReport`` and keeps the township
alive.
"""
import ctypes
import json
import os

from ._lib import ElectError, declare, encode, new_error, raise_error, take_string
from .profiles import Profile, profile as _load_profile
from .roll import _Date, _date_of
from .committee import reason_dict
from .schedule import check_dict

_vp = ctypes.c_void_p
_cp = ctypes.c_char_p
_int = ctypes.c_int
_uint = ctypes.c_uint

_new_json = declare("elect_township_new_from_json", _vp, _cp, ctypes.c_ssize_t, _cp, _vp)
_load = declare("elect_township_load", _vp, _cp, _vp)
_unref = declare("elect_township_unref", None, _vp)
_add_rules = declare("elect_township_add_rules", None, _vp, _vp)
_name = declare("elect_township_get_name", _cp, _vp)
_n_villages = declare("elect_township_get_n_villages", _uint, _vp)
_village_name = declare("elect_township_get_village_name", _cp, _vp, _uint)
_village_dates = declare("elect_township_get_village_dates", _vp, _vp, _uint)
_vd_day = declare("elect_village_dates_get_election_day", _vp, _vp)
_vd_profile = declare("elect_village_dates_get_profile", _cp, _vp)

_report_new = declare("elect_township_report_new", _vp, _vp, _vp, _uint, _vp)
_r_unref = declare("elect_township_report_unref", None, _vp)
_r_day = declare("elect_township_report_get_day", _vp, _vp)
_r_days = declare("elect_township_report_get_days_ahead", _uint, _vp)
_r_n = declare("elect_township_report_get_n_villages", _uint, _vp)
_r_name = declare("elect_township_report_get_village_name", _cp, _vp, _uint)
_r_behind = declare("elect_township_report_village_is_behind", _int, _vp, _uint)
_r_complex = declare("elect_township_report_village_is_complex", _int, _vp, _uint)
_r_flagged = declare("elect_township_report_village_is_flagged", _int, _vp, _uint)
_r_check = declare("elect_township_report_get_check", _vp, _vp, _uint)
_r_nf = declare("elect_township_report_get_n_findings", _uint, _vp, _uint)
_r_fkind = declare("elect_township_report_get_finding_kind", _int, _vp, _uint, _uint)
_r_fsubject = declare("elect_township_report_get_finding_subject", _cp, _vp, _uint, _uint)
_r_freason = declare("elect_township_report_get_finding_reason", _vp, _vp, _uint, _uint)
_r_count = declare("elect_township_report_count", _uint, _vp, _uint, _int)
_r_json = declare("elect_township_report_to_json", _vp, _vp, _cp)
_r_text = declare("elect_township_report_to_text", _vp, _vp, _cp)

_kind_nick = declare("elect_township_finding_kind_to_string", _cp, _int)
FINDING_KINDS = tuple(_kind_nick(i).decode() for i in range(10))


def _s(b):
    return b.decode("utf-8") if b is not None else None


class Township:
    """A township file (``libelect.township/1``): villages with their dates,
    problems, risks, records and decisions."""

    def __init__(self, township, origin=None):
        """``township``: a path (read with ``elect_township_load()``: the
        profiles the villages name are looked up beside the file as
        ``NAME.ini`` first), JSON text (``str`` starting with ``{`` or
        ``bytes``) or a ``dict`` (then a profile is looked up among those
        of :meth:`add_profile`, then as ``elect_rules_load()`` does).
        ``origin`` names text or a dict in error messages."""
        err = new_error()
        if isinstance(township, dict):
            data = json.dumps(township, ensure_ascii=False).encode("utf-8")
        elif isinstance(township, (bytes, bytearray)):
            data = bytes(township)
        elif isinstance(township, str) and township.lstrip().startswith("{"):
            data = township.encode("utf-8")
        elif isinstance(township, (str, os.PathLike)):
            data = None
        else:
            raise TypeError("township: a dict, a path, JSON text or bytes, not %s"
                            % type(township).__name__)
        if data is None:
            h = _load(encode(township), ctypes.byref(err))
        else:
            h = _new_json(data, len(data), encode(origin or "<township>"), ctypes.byref(err))
        if not h:
            raise_error(err)
        self._h = _vp(h)

    @classmethod
    def load(cls, path):
        """Reads a ``libelect.township/1`` file."""
        return cls(path)

    def __del__(self):
        h = getattr(self, "_h", None)
        if h:
            _unref(h)
            self._h = None

    @property
    def handle(self):
        return self._h

    @property
    def name(self):
        return _s(_name(self._h))

    @property
    def villages(self):
        """The villages' names, in file order."""
        return [_s(_village_name(self._h, i)) for i in range(_n_villages(self._h))]

    def village(self, index):
        """``{"name", "election_day", "profile"}`` of a village (by index
        or name)."""
        if isinstance(index, str):
            index = self.villages.index(index)
        vd = _village_dates(self._h, index)
        return {"name": _s(_village_name(self._h, index)),
                "election_day": _date_of(_vd_day(vd)), "profile": _s(_vd_profile(vd))}

    def add_profile(self, profile):
        """Supplies a profile (a :class:`~libelect.Profile`, name or path)
        for the villages that name it (``elect_township_add_rules()``)."""
        p = profile if isinstance(profile, Profile) else _load_profile(profile)
        _add_rules(self._h, p.handle)

    def report(self, day, days=7):
        """Judges every village on ``day`` (D, a ``datetime.date`` or
        ``"YYYY-MM-DD"``); steps whose last day is D … D+``days`` are due.
        Raises :class:`libelect.ElectError` when a village's profile cannot
        be loaded."""
        if not 0 <= days <= 366:
            raise ValueError("days: 0 … 366, not %r" % (days,))
        d = _Date(day)
        err = new_error()
        h = _report_new(self._h, d.ptr, days, ctypes.byref(err))
        if not h:
            raise_error(err)
        return TownshipReport(h, self)


class TownshipReport:
    """The judgement of a township on a day (``ElectTownshipReport``)."""

    def __init__(self, handle, township):
        self._h = _vp(handle)
        self._township = township      # the report reads the township's data

    def __del__(self):
        h = getattr(self, "_h", None)
        if h:
            _r_unref(h)
            self._h = None

    @property
    def day(self):
        return _date_of(_r_day(self._h))

    @property
    def days(self):
        return _r_days(self._h)

    def _names(self, pred):
        return [_s(_r_name(self._h, i)) for i in range(_r_n(self._h)) if pred(self._h, i)]

    @property
    def behind(self):
        """The villages with a step overdue on D, in file order."""
        return self._names(_r_behind)

    @property
    def flagged(self):
        """The villages behind, complex, or with a problem past due, a
        discipline record or a 四议两公开 violation."""
        return self._names(_r_flagged)

    @property
    def complex(self):
        """The villages with a risk flag (复杂村: a work team is to be sent)."""
        return self._names(_r_complex)

    def findings(self, village, lang="zh"):
        """The findings of a village (index or name): ``{"kind", "subject",
        "code", "message", "citation", "param"}``."""
        if isinstance(village, str):
            village = [_s(_r_name(self._h, i)) for i in range(_r_n(self._h))].index(village)
        out = []
        for k in range(_r_nf(self._h, village)):
            d = {"kind": FINDING_KINDS[_r_fkind(self._h, village, k)],
                 "subject": _s(_r_fsubject(self._h, village, k))}
            d.update(reason_dict(_r_freason(self._h, village, k), lang))
            out.append(d)
        return out

    def schedule_check(self, village, lang="zh"):
        """The village's schedule check (as :func:`libelect.check_dates`)."""
        if isinstance(village, str):
            village = [_s(_r_name(self._h, i)) for i in range(_r_n(self._h))].index(village)
        return check_dict(_r_check(self._h, village), lang,
                          election_day=self._township.village(village)["election_day"])

    def rows(self, lang="zh"):
        """One dict per village, in file order, for a table (pandas'
        ``DataFrame(report.rows())``): ``village``, ``election_day``,
        ``behind``, ``complex``, ``flagged``, the number of findings of
        each kind (``overdue``, ``due``, ``done-late``, ``problem-past-due``,
        …, ``decision-ok``) and ``overdue_steps`` (the codes)."""
        out = []
        for i in range(_r_n(self._h)):
            row = {"village": _s(_r_name(self._h, i)),
                   "election_day": self._township.village(i)["election_day"],
                   "behind": bool(_r_behind(self._h, i)),
                   "complex": bool(_r_complex(self._h, i)),
                   "flagged": bool(_r_flagged(self._h, i))}
            for k, kind in enumerate(FINDING_KINDS):
                row[kind] = _r_count(self._h, i, k)
            row["overdue_steps"] = [_s(_r_fsubject(self._h, i, k))
                                    for k in range(_r_nf(self._h, i))
                                    if _r_fkind(self._h, i, k) == 0]
            out.append(row)
        return out

    def as_dict(self, lang="zh"):
        """The report as ``libelect.township-report/1`` (a ``dict``)."""
        return json.loads(take_string(_r_json(self._h, encode(lang))))

    def to_text(self, lang="zh"):
        """The daily report as a table (``elect-township --format text``)."""
        return take_string(_r_text(self._h, encode(lang)))
