# SPDX-License-Identifier: LGPL-2.1-or-later
"""Candidates (elect-collate.h, elect-slate.h): names in stroke order
(按姓氏笔画), the surplus rules, the nomination count and vetting against a
negative list (资格联审).

    >>> import libelect
    >>> libelect.order(["李干杰", "王芳（女）", "李强"])
    ['王芳（女）', '李强', '李干杰']
    >>> libelect.order(["李干杰", "李强"], name_order="name-strokes")
    ['李干杰', '李强']
"""
import ctypes
import datetime
import json

from ._lib import ElectError, declare, encode, glib, new_error, raise_error, take_string
from .profiles import Profile, profile as _load_profile

_vp = ctypes.c_void_p
_cp = ctypes.c_char_p
_int = ctypes.c_int
_uint = ctypes.c_uint
_i64 = ctypes.c_int64
_size = ctypes.c_size_t

_coll_from = declare("elect_collation_from_string", _int, _cp, ctypes.POINTER(_int))
_coll_for_rules = declare("elect_collation_for_rules", _int, _vp)
_collate_order = declare("elect_collate_order", _int, ctypes.POINTER(_cp), _size, _int,
                         ctypes.POINTER(_size), ctypes.POINTER(_size), _vp)
_collate_compare = declare("elect_collate_compare", _int, _cp, _cp, _int, _vp)
_char_info = declare("elect_collate_char_info", _int, ctypes.c_uint32, ctypes.POINTER(_uint),
                     ctypes.POINTER(ctypes.c_uint32))
_post_from = declare("elect_post_kind_from_string", _int, _cp, ctypes.POINTER(_int))
_surplus_range = declare("elect_surplus_range", _int, _vp, _int, _i64, _i64,
                         ctypes.POINTER(_i64), ctypes.POINTER(_i64), _vp)
_surplus_check = declare("elect_surplus_check", _vp, _vp, _int, _i64, _i64, _i64,
                         ctypes.POINTER(_int), _vp)
_reason_unref = declare("elect_reason_unref", None, _vp)
_reason_code = declare("elect_reason_get_code", _cp, _vp)
_reason_msg = declare("elect_reason_get_message", _cp, _vp, _cp)
_reason_cite = declare("elect_reason_get_citation", _cp, _vp)

_nom_new = declare("elect_nomination_new", _vp, _vp)
_nom_from_json = declare("elect_nomination_new_from_json", _vp, _vp, _cp, ctypes.c_ssize_t, _cp,
                         _vp, _vp)
_nom_unref = declare("elect_nomination_unref", None, _vp)
_nom_add_post = declare("elect_nomination_add_post", _int, _vp, _cp, _int, _i64, _vp)
_nom_set_cands = declare("elect_nomination_set_candidates", _int, _vp, _cp, _i64, _vp)
_nom_set_turnout = declare("elect_nomination_set_turnout", _int, _vp, _i64, _i64, _vp)
_nom_add_ballot = declare("elect_nomination_add_ballot", _int, _vp, ctypes.POINTER(_cp),
                          ctypes.POINTER(_cp), _size, _vp)
_nom_exclude = declare("elect_nomination_exclude", None, _vp, _cp, _vp)
_nom_count = declare("elect_nomination_count", _vp, _vp, _vp)
_slate_unref = declare("elect_slate_unref", None, _vp)
_slate_to_json = declare("elect_slate_to_json", _vp, _vp, _int, _cp)

_list_load = declare("elect_negative_list_load", _vp, _cp, _vp)
_list_from_data = declare("elect_negative_list_load_from_data", _vp, _cp, ctypes.c_ssize_t, _cp, _vp)
_list_unref = declare("elect_negative_list_unref", None, _vp)
_list_n = declare("elect_negative_list_get_n_items", _uint, _vp)
_list_id = declare("elect_negative_list_get_item_id", _cp, _vp, _uint)
_vet = declare("elect_vet", _vp, _vp, _vp, _vp)
_records_from_json = declare("elect_candidate_records_from_json", _vp, _cp, ctypes.c_ssize_t, _cp,
                             _vp, _vp)
_conflicts = declare("elect_committee_conflicts", _vp, ctypes.POINTER(_cp), ctypes.POINTER(_vp),
                     _size, _int)
_rules_get_bool = declare("elect_rules_get_bool", _int, _vp, _cp, ctypes.POINTER(_int), _vp)
_vetting_unref = declare("elect_vetting_unref", None, _vp)
_vetting_json = declare("elect_vetting_to_json", _vp, _vp, _cp)

glib.g_date_new_dmy.restype = _vp
glib.g_date_new_dmy.argtypes = [ctypes.c_uint8, _int, ctypes.c_uint16]
glib.g_date_free.restype = None
glib.g_date_free.argtypes = [_vp]
glib.g_ptr_array_unref.restype = None
glib.g_ptr_array_unref.argtypes = [_vp]
_ptr_array_unref = glib.g_ptr_array_unref


class _GPtrArray(ctypes.Structure):
    _fields_ = [("pdata", ctypes.POINTER(_vp)), ("len", _uint)]


def _collation(name_order):
    value = _int()
    if isinstance(name_order, Profile):
        return _coll_for_rules(name_order.handle)
    if not _coll_from(encode(name_order), ctypes.byref(value)):
        raise ValueError("name_order must be 'surname-strokes' or 'name-strokes', not %r"
                         % (name_order,))
    return value.value


def _post_kind(kind):
    value = _int()
    if not _post_from(encode(kind), ctypes.byref(value)):
        raise ValueError("post kind must be chair, vice, member or all, not %r" % (kind,))
    return value.value


def _rules(profile):
    return profile if isinstance(profile, Profile) else _load_profile(profile)


def _date(d):
    if isinstance(d, str):
        d = datetime.date.fromisoformat(d)
    return glib.g_date_new_dmy(d.day, d.month, d.year)


def order(names, name_order="surname-strokes"):
    """Returns ``names`` in stroke order (RULES.md §7.3, the mainland way).

    ``name_order`` is ``"surname-strokes"`` (李强 before 李干杰),
    ``"name-strokes"`` (李干杰 before 李强), or a Profile (its
    ``candidates.name_order``). Annotations in parentheses stay in the names
    and are not part of the key; equal keys keep their order. Raises
    ElectError (code ``"invalid"``) naming the name and the character when a
    name has a character without stroke data."""
    names = list(names)
    coll = _collation(name_order)
    n = len(names)
    arr = (_cp * max(n, 1))(*[encode(s) for s in names])
    out = (_size * max(n, 1))()
    bad = _size()
    err = new_error()
    if not _collate_order(arr, n, coll, out, ctypes.byref(bad), ctypes.byref(err)):
        raise_error(err)
    return [names[out[i]] for i in range(n)]


def compare(a, b, name_order="surname-strokes"):
    """-1, 0 or 1 as ``a`` comes before, with, or after ``b`` in stroke order."""
    err = new_error()
    c = _collate_compare(encode(a), encode(b), _collation(name_order), ctypes.byref(err))
    if err:
        raise_error(err)
    return (c > 0) - (c < 0)


def strokes(char):
    """The number of strokes of one character (mainland count), or None when
    the table has no data for it."""
    n = _uint()
    if not _char_info(ord(char), ctypes.byref(n), None):
        return None
    return n.value


def surplus(profile, post, seats, candidates, nominees=-1):
    """Checks a number of official candidates against the profile's surplus
    rule; returns ``{"ok", "code", "message", "citation", "min", "max"}``
    (``max`` None when there is no upper limit)."""
    rules = _rules(profile)
    kind = _post_kind(post)
    lo, hi, ok = _i64(), _i64(), _int()
    err = new_error()
    if not _surplus_range(rules.handle, kind, seats, nominees, ctypes.byref(lo), ctypes.byref(hi),
                          ctypes.byref(err)):
        raise_error(err)
    r = _surplus_check(rules.handle, kind, seats, candidates, nominees, ctypes.byref(ok),
                       ctypes.byref(err))
    if not r:
        raise_error(err)
    try:
        return {"ok": bool(ok.value), "code": _reason_code(r).decode(),
                "message": _reason_msg(r, b"en").decode(),
                "citation": _reason_cite(r).decode(),
                "min": lo.value, "max": None if hi.value < 0 else hi.value}
    finally:
        _reason_unref(r)


class NegativeList:
    """A negative list (负面清单) loaded from a key file or its text."""

    def __init__(self, path=None, text=None, origin=None):
        err = new_error()
        if text is not None:
            data = encode(text)
            h = _list_from_data(data, len(data), encode(origin), ctypes.byref(err))
        else:
            h = _list_load(encode(path), ctypes.byref(err))
        if not h:
            raise_error(err)
        self._h = _vp(h)

    def __del__(self):
        if getattr(self, "_h", None):
            _list_unref(self._h)
            self._h = None

    @property
    def items(self):
        """The item ids, in file order."""
        return [_list_id(self._h, i).decode() for i in range(_list_n(self._h))]


def _json_value(v):
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.strftime("%Y-%m-%d")
    raise TypeError("a candidate record holds text, numbers, true/false, lists and "
                    "objects (dates as YYYY-MM-DD or datetime.date), not %r" % (v,))


def _records(people, negative_list, origin):
    """The C records (a GPtrArray) of candidate-record entries, read by the
    library's own reader of ``libelect.candidates/1``: every member is
    checked as in a file (unknown members other than ``x-…`` are errors)."""
    people = list(people)
    for p in people:
        if not isinstance(p, dict):
            raise TypeError("a candidate record is a dict, not %r" % (p,))
    doc = {"format": "libelect.candidates/1", "people": people}
    data = encode(json.dumps(doc, ensure_ascii=False, default=_json_value))
    err = new_error()
    arr = _records_from_json(data, len(data), encode(origin),
                             negative_list._h if negative_list else None, ctypes.byref(err))
    if not arr:
        raise_error(err)
    return arr


def _record_at(arr, i):
    return ctypes.cast(arr, ctypes.POINTER(_GPtrArray)).contents.pdata[i]


def vet(person, reference_date, negative_list=None, lang="en"):
    """Vets one person (资格联审) on ``reference_date``; returns the verdict as
    a dict ``{"name", "verdict", "matches": [{"item", "severity", "date",
    "code", "message", "citation"}]}``.

    ``person`` is a dict in the form of one entry of the candidate-record
    file (doc/formats-candidates.md), read by the same reader: ``name``,
    optional ``birth_date`` and/or ``id_number`` (the date of birth is taken
    from it and must agree with ``birth_date``), ``voter``,
    ``legal_capacity``, ``sentenced``, ``post``, ``incumbent``, ``facts``
    (``[{"item", "date"}]``; with ``negative_list``, every item must be one
    of its items) and ``relatives`` (``[{"name", "relation"}]``, checked;
    they matter for committee_conflicts(), not for the verdict). Dates are
    ``"YYYY-MM-DD"`` or ``datetime.date``. Raises ElectError naming the
    member (``$.people[0].facts[1].date``) for an unknown member (code
    ``"unknown-key"``) or a bad value (``"invalid"``)."""
    arr = _records([person], negative_list, "vet()")
    ref = _date(reference_date)
    try:
        v = _vet(_record_at(arr, 0), negative_list._h if negative_list else None, ref)
        try:
            return json.loads(take_string(_vetting_json(v, encode(lang))))
        finally:
            _vetting_unref(v)
    finally:
        glib.g_date_free(ref)
        _ptr_array_unref(arr)


def committee_conflicts(profile, committee, people, lang="en"):
    """Election-committee conflicts (VCL 12; ZJ 9): which members of the
    election committee ``committee`` (names) must leave it because they are
    nominated, or, where the profile's ``candidates.relatives_leave_committee``
    holds, because they are the spouse, parent, child or sibling of a
    nominee. ``people`` are the nominees' candidate records (dicts as for
    vet(), with their ``relatives``). Returns ``[{"code", "message",
    "citation"}]``."""
    rules = _rules(profile)
    key = b"candidates.relatives_leave_committee"
    relatives = _int()
    err = new_error()
    if not _rules_get_bool(rules.handle, key, ctypes.byref(relatives), ctypes.byref(err)):
        raise_error(err)
    arr = _records(people, None, "committee_conflicts()")
    try:
        n = ctypes.cast(arr, ctypes.POINTER(_GPtrArray)).contents.len
        recs = (_vp * max(n, 1))(*[_record_at(arr, i) for i in range(n)])
        names = (_cp * (len(committee) + 1))(*[encode(c) for c in committee], None)
        out = _conflicts(names, recs, n, relatives.value)
        try:
            res = ctypes.cast(out, ctypes.POINTER(_GPtrArray)).contents
            return [{"code": _reason_code(res.pdata[i]).decode(),
                     "message": _reason_msg(res.pdata[i], encode(lang)).decode(),
                     "citation": _reason_cite(res.pdata[i]).decode()}
                    for i in range(res.len)]
        finally:
            _ptr_array_unref(out)
    finally:
        _ptr_array_unref(arr)


class Slate:
    """A nomination count (提名) for a profile: add posts and ballots, then
    ``count()`` gives the official candidates as a dict (the JSON of
    elect_slate_to_json(): posts with "official" in stroke order, nominees
    with votes and status, reasons)."""

    def __init__(self, profile):
        self.profile = _rules(profile)
        self._h = _vp(_nom_new(self.profile.handle))

    @classmethod
    def from_json(cls, profile, text, origin=None):
        """Reads a nomination file (``libelect.nominations/1``)."""
        self = cls.__new__(cls)
        self.profile = _rules(profile)
        data = encode(text)
        err = new_error()
        h = _nom_from_json(self.profile.handle, data, len(data), encode(origin), None,
                           ctypes.byref(err))
        if not h:
            self._h = None
            raise_error(err)
        self._h = _vp(h)
        return self

    def __del__(self):
        if getattr(self, "_h", None):
            _nom_unref(self._h)
            self._h = None

    def add_post(self, post_id, kind, seats, candidates=None):
        err = new_error()
        if not _nom_add_post(self._h, encode(post_id), _post_kind(kind), seats, ctypes.byref(err)):
            raise_error(err)
        if candidates is not None:
            _nom_set_candidates_checked(self._h, post_id, candidates)
        return self

    def set_turnout(self, voters, participants):
        err = new_error()
        if not _nom_set_turnout(self._h, voters, participants, ctypes.byref(err)):
            raise_error(err)
        return self

    def add_ballot(self, ballot):
        """One nomination ballot: ``{post id: [names]}``."""
        pairs = [(p, n) for p, names in ballot.items() for n in names]
        k = len(pairs)
        posts = (_cp * max(k, 1))(*[encode(p) for p, _ in pairs])
        names = (_cp * max(k, 1))(*[encode(n) for _, n in pairs])
        err = new_error()
        if not _nom_add_ballot(self._h, posts, names, k, ctypes.byref(err)):
            raise_error(err)
        return self

    def exclude(self, name):
        """Excludes a person (barred, withdrew): the next nominee moves up."""
        _nom_exclude(self._h, encode(name), None)
        return self

    def count(self, name_order=None, lang="en"):
        err = new_error()
        s = _nom_count(self._h, ctypes.byref(err))
        if not s:
            raise_error(err)
        try:
            coll = _collation(name_order if name_order else self.profile)
            return json.loads(take_string(_slate_to_json(s, coll, encode(lang))))
        finally:
            _slate_unref(s)


def _nom_set_candidates_checked(handle, post_id, candidates):
    err = new_error()
    if not _nom_set_cands(handle, encode(post_id), candidates, ctypes.byref(err)):
        raise_error(err)
    return True
