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
_rec_new = declare("elect_candidate_record_new", _vp, _cp)
_rec_free = declare("elect_candidate_record_free", None, _vp)
_rec_birth = declare("elect_candidate_record_set_birth_date", None, _vp, _vp)
_rec_status = declare("elect_candidate_record_set_status", None, _vp, _int, _int, _int)
_rec_post = declare("elect_candidate_record_set_post", None, _vp, _int, _int)
_rec_fact = declare("elect_candidate_record_add_fact", None, _vp, _cp, _vp)
_rec_relative = declare("elect_candidate_record_add_relative", _int, _vp, _cp, _cp)
_vet = declare("elect_vet", _vp, _vp, _vp, _vp)
_vetting_unref = declare("elect_vetting_unref", None, _vp)
_vetting_json = declare("elect_vetting_to_json", _vp, _vp, _cp)

glib.g_date_new_dmy.restype = _vp
glib.g_date_new_dmy.argtypes = [ctypes.c_uint8, _int, ctypes.c_uint16]
glib.g_date_free.restype = None
glib.g_date_free.argtypes = [_vp]


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


def vet(person, reference_date, negative_list=None, lang="en"):
    """Vets one person (资格联审) on ``reference_date``; returns the verdict as
    a dict ``{"name", "verdict", "matches": [{"item", "severity", "date",
    "code", "message", "citation"}]}``.

    ``person`` is a dict in the form of one entry of the candidate-record
    file (doc/formats-candidates.md): ``name``, optional ``birth_date``,
    ``voter``, ``legal_capacity``, ``sentenced``, ``post``, ``incumbent``,
    ``facts`` (``[{"item", "date"}]``)."""
    rec = _rec_new(encode(person["name"]))
    if not rec:
        raise ValueError("name is not valid text")
    dates = []
    try:
        if person.get("birth_date"):
            d = _date(person["birth_date"])
            dates.append(d)
            _rec_birth(rec, d)
        _rec_status(rec, int(person.get("voter", True)), int(person.get("legal_capacity", True)),
                    int(person.get("sentenced", False)))
        if person.get("post"):
            _rec_post(rec, _post_kind(person["post"]), int(person.get("incumbent", False)))
        for fact in person.get("facts", []):
            d = _date(fact["date"]) if fact.get("date") else None
            if d:
                dates.append(d)
            _rec_fact(rec, encode(fact["item"]), d)
        ref = _date(reference_date)
        dates.append(ref)
        v = _vet(rec, negative_list._h if negative_list else None, ref)
        try:
            return json.loads(take_string(_vetting_json(v, encode(lang))))
        finally:
            _vetting_unref(v)
    finally:
        for d in dates:
            glib.g_date_free(d)
        _rec_free(rec)


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
