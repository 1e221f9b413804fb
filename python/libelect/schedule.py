# SPDX-License-Identifier: LGPL-2.1-or-later
"""The election timeline (工期倒排, elect-schedule.h, RULES.md §9) and a
village's actual dates checked against it.

    >>> import libelect
    >>> steps = libelect.schedule("village-committee", "2026-12-20")
    >>> roll = next(s for s in steps if s["code"] == "roll-published")
    >>> roll["last"], roll["citation"]
    (datetime.date(2026, 11, 30), '村民委员会组织法 第十四条')

Every date comes from the C library (exact day arithmetic: "选举日的N日前"
is met by a day on or before E − N, RULES.md §1.6; "自P之日起N日内" covers
P+1 … P+N, the start day not counted, 民法典 第二百零一条). The steps, their
profile parameters and statutes:

- ``roll-published``: ``roll.publish_days_before``, E−20 (村民委员会组织法
  第十四条 "选民名单应当在选举日的二十日前公布");
- ``objections-window``, ``objection-decision``: ``roll.objection_days``,
  ``roll.decision_days`` (VCL 14: 5 days to object, 3 to decide);
- ``candidate-list-published``: ``candidates.list_days_before`` (ZJ 18,
  SH 12, BJ 20, HA 26);
- ``results-announced``: ``schedule.results_days_after`` (VCL 15 当场公布,
  ZJ 32 次日);
- ``supplementary-round``: ``supplementary.within_days`` (ZJ 29: 30 days);
- ``handover``: ``schedule.handover_days`` (VCL 20: 10 days);
- and the others of :func:`step_codes`.
"""
import ctypes
import datetime
import json
import os

from ._lib import ElectError, declare, encode, new_error, raise_error, strv, take_string
from .profiles import Profile, profile as _load_profile
from .roll import _Date, _date_of
from .committee import reason_dict

_vp = ctypes.c_void_p
_cp = ctypes.c_char_p
_int = ctypes.c_int
_uint = ctypes.c_uint
_i64 = ctypes.c_int64
c_char_pp = ctypes.POINTER(ctypes.c_char_p)

_codes = declare("elect_schedule_step_codes", c_char_pp)
_new = declare("elect_schedule_new", _vp, _vp, _vp)
_unref = declare("elect_schedule_unref", None, _vp)
_n_steps = declare("elect_schedule_get_n_steps", _uint, _vp)
_step = declare("elect_schedule_get_step", _vp, _vp, _uint)
_to_json = declare("elect_schedule_to_json", _vp, _vp, _cp)
_st_code = declare("elect_schedule_step_get_code", _cp, _vp)
_st_title = declare("elect_schedule_step_get_title", _cp, _vp, _cp)
_st_kind = declare("elect_schedule_step_get_kind", _int, _vp)
_st_applicable = declare("elect_schedule_step_is_applicable", _int, _vp)
_st_conditional = declare("elect_schedule_step_is_conditional", _int, _vp)
_st_days = declare("elect_schedule_step_get_days", _i64, _vp)
_st_start = declare("elect_schedule_step_get_start", _vp, _vp)
_st_last = declare("elect_schedule_step_get_last", _vp, _vp)
_st_depends = declare("elect_schedule_step_get_depends_on", _cp, _vp)
_st_param = declare("elect_schedule_step_get_param", _cp, _vp)
_st_citation = declare("elect_schedule_step_get_citation", _cp, _vp)

_vd_json = declare("elect_village_dates_new_from_json", _vp, _cp, ctypes.c_ssize_t, _cp, _vp)
_vd_unref = declare("elect_village_dates_unref", None, _vp)
_vd_day = declare("elect_village_dates_get_election_day", _vp, _vp)

_ck = declare("elect_schedule_check", _vp, _vp, _vp, _vp)
_ck_unref = declare("elect_schedule_check_unref", None, _vp)
_ck_schedule = declare("elect_schedule_check_get_schedule", _vp, _vp)
_ck_village = declare("elect_schedule_check_get_village", _cp, _vp)
_ck_status = declare("elect_schedule_check_get_status", _int, _vp, _uint)
_ck_late = declare("elect_schedule_check_get_days_late", _i64, _vp, _uint)
_ck_actual = declare("elect_schedule_check_get_actual", _vp, _vp, _uint)
_ck_reason = declare("elect_schedule_check_get_reason", _vp, _vp, _uint)
_ck_on_time = declare("elect_schedule_check_is_on_time", _int, _vp)

_kind_nick = declare("elect_schedule_kind_to_string", _cp, _int)
_status_nick = declare("elect_schedule_status_to_string", _cp, _int)
KINDS = tuple(_kind_nick(i).decode() for i in range(2))        # deadline, window
STATUSES = tuple(_status_nick(i).decode() for i in range(6))   # on-time, late, ...


def _s(b):
    return b.decode("utf-8") if b is not None else None


def _date_or_none(ptr):
    return _date_of(ptr) if ptr else None


def _rules(p):
    return p if isinstance(p, Profile) else _load_profile(p)


def step_codes():
    """Every step code, in timeline order."""
    return strv(_codes())


def step_dict(st, lang="zh"):
    """An ``ElectScheduleStep *`` (borrowed) as a dict."""
    days = _st_days(st)
    return {"code": _s(_st_code(st)), "title": _s(_st_title(st, encode(lang))),
            "kind": KINDS[_st_kind(st)], "applicable": bool(_st_applicable(st)),
            "conditional": bool(_st_conditional(st)), "days": None if days < 0 else days,
            "start": _date_or_none(_st_start(st)), "last": _date_or_none(_st_last(st)),
            "depends_on": _s(_st_depends(st)), "param": _s(_st_param(st)),
            "citation": _s(_st_citation(st)) or ""}


def schedule(profile, election_day, lang="zh", applicable_only=False):
    """The timeline of an election (``elect_schedule_new()``): a list of
    steps in timeline order, each ``{"code", "title", "kind" ("deadline" or
    "window"), "applicable", "conditional", "days" (N, None when not
    applicable), "start" (a window's start day P, not counted), "last" (the
    last day on time), "depends_on", "param", "citation"}``, dates as
    ``datetime.date``.

    ``profile``: a name, a key file path or a :class:`~libelect.Profile`;
    ``election_day``: a ``datetime.date`` or ``"YYYY-MM-DD"``. With
    ``applicable_only``, the steps the profile does not define (parameter
    ``none``) are left out."""
    rules = _rules(profile)
    day = _Date(election_day)
    h = _vp(_new(rules.handle, day.ptr))
    try:
        steps = [step_dict(_step(h, i), lang) for i in range(_n_steps(h))]
    finally:
        _unref(h)
    if applicable_only:
        steps = [s for s in steps if s["applicable"]]
    return steps


def _iso(d):
    if d is None:
        return None
    return d.isoformat() if isinstance(d, datetime.date) else d


def _dates_json(dates):
    if isinstance(dates, dict):
        doc = {"format": "libelect.village-dates/1"}
        for k in ("profile", "village"):
            if dates.get(k) is not None:
                doc[k] = dates[k]
        doc["election_day"] = _iso(dates.get("election_day"))
        doc["steps"] = {k: _iso(v) for k, v in (dates.get("steps") or {}).items()}
        for k, v in dates.items():
            if k not in doc and k not in ("format",):
                doc[k] = v           # unknown members: the reader says so
        return json.dumps(doc, ensure_ascii=False).encode("utf-8"), None
    if isinstance(dates, (bytes, bytearray)):
        return bytes(dates), None
    if isinstance(dates, str) and dates.lstrip().startswith("{"):
        return dates.encode("utf-8"), None
    if isinstance(dates, (str, os.PathLike)):
        path = os.fspath(dates)
        try:
            with open(path, "rb") as f:
                return f.read(), path
        except FileNotFoundError as e:
            raise ElectError("not-found", 0, "%s: %s" % (path, e.strerror)) from None
    raise TypeError("dates: a dict, a path, JSON text or bytes, not %s" % type(dates).__name__)


def check_dates(profile, dates, lang="zh"):
    """Checks a village's actual dates (``elect_schedule_check()``).

    ``dates``: ``{"election_day": ..., "steps": {code: date or None},
    "village": ..., "profile": ...}`` (dates as ``datetime.date`` or
    ``"YYYY-MM-DD"``), or a ``libelect.village-dates/1`` file (path or JSON
    text). Returns ``{"village", "election_day", "on_time", "counts":
    {status: n}, "steps": [...]}``; each step is as in :func:`schedule`
    (windows started on the actual dates where recorded) with ``status``
    (``on-time``, ``late``, ``early``, ``missing``, ``not-held``,
    ``not-applicable``), ``days_late`` (> 0 late, < 0 early), ``actual``
    and ``reason`` (``{"code", "message", "citation", "param"}``).

    Raises :class:`libelect.ElectError` for malformed dates (the message
    names the JSON path, e.g. ``$.steps.handover``) and ``invalid`` when
    the dates name another profile."""
    rules = _rules(profile)
    data, origin = _dates_json(dates)
    err = new_error()
    vd = _vd_json(data, len(data), encode(origin or "<village-dates>"), ctypes.byref(err))
    if not vd:
        raise_error(err)
    vd = _vp(vd)
    try:
        err = new_error()
        ck = _ck(rules.handle, vd, ctypes.byref(err))
        if not ck:
            raise_error(err)
        ck = _vp(ck)
        try:
            return check_dict(ck, lang, election_day=_date_of(_vd_day(vd)))
        finally:
            _ck_unref(ck)
    finally:
        _vd_unref(vd)


def check_dict(ck, lang="zh", election_day=None):
    """An ``ElectScheduleCheck *`` (borrowed) as the dict of
    :func:`check_dates`."""
    sched = _ck_schedule(ck)
    steps = []
    counts = {s: 0 for s in STATUSES}
    for i in range(_n_steps(sched)):
        d = step_dict(_step(sched, i), lang)
        status = STATUSES[_ck_status(ck, i)]
        counts[status] += 1
        d.update({"status": status, "days_late": _ck_late(ck, i),
                  "actual": _date_or_none(_ck_actual(ck, i)),
                  "reason": reason_dict(_ck_reason(ck, i), lang)})
        steps.append(d)
    return {"village": _s(_ck_village(ck)), "election_day": election_day,
            "on_time": bool(_ck_on_time(ck)), "counts": counts, "steps": steps}
