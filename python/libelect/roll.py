# SPDX-License-Identifier: LGPL-2.1-or-later
"""Voters (elect-person.h, elect-roll.h): resident ID numbers, eligibility
and registration, the published roll, proxies, check-in and double
registrations.

    >>> import libelect, datetime
    >>> libelect.check_id("11010519491231002X")["sex"]
    'female'
    >>> libelect.eligibility("village-committee", "2026-12-20", "王芳",
    ...                      "11010519491231002X", hukou_here=True,
    ...                      resides_here=True)["verdict"]
    'registered'
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

glib.g_date_new_dmy.restype = _vp
glib.g_date_new_dmy.argtypes = [ctypes.c_uint8, _int, ctypes.c_uint16]
glib.g_date_new.restype = _vp
glib.g_date_new.argtypes = []
glib.g_date_free.restype = None
glib.g_date_free.argtypes = [_vp]
glib.g_date_get_year.restype = ctypes.c_uint16
glib.g_date_get_year.argtypes = [_vp]
glib.g_date_get_month.restype = _int
glib.g_date_get_month.argtypes = [_vp]
glib.g_date_get_day.restype = ctypes.c_uint8
glib.g_date_get_day.argtypes = [_vp]

_check_char = declare("elect_id_number_check_character", ctypes.c_char, _cp)
_parse = declare("elect_id_number_parse", _int, _cp, ctypes.c_ssize_t, _vp,
                 ctypes.POINTER(_uint), _vp, ctypes.POINTER(_int), _vp)
_mask = declare("elect_id_number_mask", _vp, _cp)
_age_on = declare("elect_age_on", _int, _vp, _vp)
_normalize = declare("elect_name_normalize", _vp, _cp, ctypes.c_ssize_t)

_voter_new = declare("elect_voter_new", _vp, _cp, _cp)
_voter_unref = declare("elect_voter_unref", None, _vp)
_set_bool = {name: declare("elect_voter_set_" + name, None, _vp, _int)
             for name in ("hukou_here", "resides_here", "wants_to_vote", "approved",
                          "home_certificate", "written_proxy", "can_exercise",
                          "registered_elsewhere")}
_set_group = declare("elect_voter_set_group", None, _vp, _cp)
_set_resident_since = declare("elect_voter_set_resident_since", None, _vp, _vp)
_set_works_since = declare("elect_voter_set_works_since", None, _vp, _vp)
_set_extra = declare("elect_voter_set_extra_category", None, _vp, _int)
_set_deprived = declare("elect_voter_set_deprived", None, _vp, _int, _vp)
_set_party = declare("elect_voter_set_party_status", None, _vp, _int)
_set_exclusion = declare("elect_voter_set_exclusion", None, _vp, _int, _int)
_judge = declare("elect_voter_judge", _vp, _vp, _vp, _vp)
_elig_unref = declare("elect_eligibility_unref", None, _vp)
_elig_verdict = declare("elect_eligibility_get_verdict", _int, _vp)
_elig_category = declare("elect_eligibility_get_category", _int, _vp)
_elig_entitled = declare("elect_eligibility_is_entitled", _int, _vp)
_elig_n = declare("elect_eligibility_get_n_reasons", _uint, _vp)
_elig_reason = declare("elect_eligibility_get_reason", _vp, _vp, _uint)
_reason_code = declare("elect_reason_get_code", _cp, _vp)
_reason_msg = declare("elect_reason_get_message", _cp, _vp, _cp)
_reason_cite = declare("elect_reason_get_citation", _cp, _vp)

_roll_new = declare("elect_roll_new", _vp, _vp, _vp)
_roll_unref = declare("elect_roll_unref", None, _vp)
_roll_add = declare("elect_roll_add", _int, _vp, _vp, _vp)
_roll_from_csv = declare("elect_roll_new_from_csv_data", _vp, _vp, _vp, _cp, ctypes.c_size_t,
                         _cp, _cp, _int, _vp)
_roll_to_json = declare("elect_roll_to_json", _vp, _vp, _cp)
_roll_public = declare("elect_roll_to_public_csv", _vp, _vp, _int)
_roll_use_strokes = declare("elect_roll_use_stroke_order", _int, _vp, _vp)
_roll_n = declare("elect_roll_get_n_voters", _uint, _vp)
_roll_entitled = declare("elect_roll_count_entitled", _uint, _vp)
_roll_add_proxy = declare("elect_roll_add_proxy", _uint, _vp, _cp, _cp, _cp, _int, _int, _vp)
_roll_add_candidate = declare("elect_roll_add_candidate", None, _vp, _cp)
_roll_n_proxies = declare("elect_roll_get_n_proxies", _uint, _vp)
_roll_validate = declare("elect_roll_validate_proxies", _uint, _vp)
_roll_proxy_valid = declare("elect_roll_proxy_is_valid", _int, _vp, _uint)
_roll_proxies_public = declare("elect_roll_proxies_to_public_csv", _vp, _vp, _int)
_roll_add_desk = declare("elect_roll_add_desk", _uint, _vp, _int, _cp)
_roll_check_in = declare("elect_roll_check_in", _uint, _vp, _uint, _cp, _vp)
_roll_issued = declare("elect_roll_get_ballots_issued", ctypes.c_int64, _vp)
_roll_window = declare("elect_roll_objection_window", _int, _vp, _vp, _vp, _vp, _vp)

_DUP_FUNC = ctypes.CFUNCTYPE(None, _cp, ctypes.POINTER(ctypes.c_uint32), _uint, _vp)
_dedup_new = declare("elect_dedup_new", _vp)
_dedup_free = declare("elect_dedup_free", None, _vp)
_dedup_add_roll = declare("elect_dedup_add_roll", ctypes.c_uint32, _vp, _vp, _cp)
_dedup_run = declare("elect_dedup_run", ctypes.c_uint64, _vp, _uint, _DUP_FUNC, _vp)

VERDICTS = ("registered", "not_registered", "not_eligible")
SEXES = (None, "male", "female")
EXTRA_CATEGORIES = {"spouse-residence": 4, "collective-member": 5,
                    "ex-agricultural-hukou": 6, "talent": 7}
PARTY_STATUSES = {None: 0, "full": 1, "probationary": 2, "suspended": 3, "detained": 4}
EXCLUSIONS = {None: 0, "ill": 1, "abroad": 2, "serving-sentence": 3, "bedridden": 4,
              "working-away": 5}


class _Date:
    """A GDate owned by Python."""

    def __init__(self, value):
        if isinstance(value, str):
            value = datetime.date.fromisoformat(value)
        self.ptr = _vp(glib.g_date_new_dmy(value.day, value.month, value.year))

    def __del__(self):
        if getattr(self, "ptr", None):
            glib.g_date_free(self.ptr)
            self.ptr = None


def _date_of(ptr):
    return datetime.date(glib.g_date_get_year(ptr), glib.g_date_get_month(ptr),
                         glib.g_date_get_day(ptr))


def _profile(p):
    return p if isinstance(p, Profile) else _load_profile(p)


def check_id(id_number, reference=None):
    """Validates a GB 11643 resident ID number.

    Returns ``{"region": 110105, "birth_date": datetime.date, "sex":
    "male"|"female"}``; raises :class:`ElectError` (code ``"invalid"``) with
    a message saying what is wrong."""
    region = _uint()
    sex = _int()
    birth = _vp(glib.g_date_new())
    ref = _Date(reference) if reference is not None else None
    err = new_error()
    data = encode(id_number)
    try:
        if not _parse(data, len(data), ref.ptr if ref else None, ctypes.byref(region), birth,
                      ctypes.byref(sex), ctypes.byref(err)):
            raise_error(err)
        return {"region": region.value, "birth_date": _date_of(birth),
                "sex": SEXES[sex.value]}
    finally:
        glib.g_date_free(birth)


def check_character(first17):
    """The ISO 7064 MOD 11-2 check character of 17 digits (``None`` if not digits)."""
    c = _check_char(encode(first17))
    return c.decode() if c != b"\0" else None


def mask_id(id_number):
    """The ID number as published: the first 6 and last 4 characters kept."""
    return take_string(_mask(encode(id_number)))


def age_on(birth_date, day):
    """Age in whole years on ``day`` (the 29 February rule: 1 March)."""
    a, b = _Date(birth_date), _Date(day)
    return _age_on(a.ptr, b.ptr)


def normalize_name(name):
    """NFC, trimmed of ASCII and full-width spaces, full-width Latin folded."""
    data = encode(name)
    return take_string(_normalize(data, len(data)))


def _make_voter(name, id_number, group=None, hukou_here=False, resides_here=False,
                resident_since=None, works_since=None, wants_to_vote=False, approved=False,
                home_certificate=False, written_proxy=False, can_exercise=True,
                registered_elsewhere=False, extra_category=None, deprived=False,
                deprived_until=None, party_status=None, exclusion=None,
                exclusion_approved=False):
    v = _vp(_voter_new(encode(name), encode(id_number)))
    flags = dict(hukou_here=hukou_here, resides_here=resides_here, wants_to_vote=wants_to_vote,
                 approved=approved, home_certificate=home_certificate,
                 written_proxy=written_proxy, can_exercise=can_exercise,
                 registered_elsewhere=registered_elsewhere)
    for k, val in flags.items():
        _set_bool[k](v, bool(val))
    if group is not None:
        _set_group(v, encode(group))
    keep = []
    if resident_since is not None:
        keep.append(_Date(resident_since))
        _set_resident_since(v, keep[-1].ptr)
    if works_since is not None:
        keep.append(_Date(works_since))
        _set_works_since(v, keep[-1].ptr)
    if extra_category is not None:
        _set_extra(v, EXTRA_CATEGORIES[extra_category])
    if deprived:
        until = _Date(deprived_until) if deprived_until is not None else None
        _set_deprived(v, True, until.ptr if until else None)
    _set_party(v, PARTY_STATUSES[party_status])
    _set_exclusion(v, EXCLUSIONS[exclusion], bool(exclusion_approved))
    return v


def _reasons(e, lang):
    out = []
    for i in range(_elig_n(e)):
        r = _elig_reason(e, i)
        out.append({"code": _reason_code(r).decode(),
                    "message": _reason_msg(r, encode(lang)).decode(),
                    "citation": _reason_cite(r).decode()})
    return out


def eligibility(profile, election_day, name, id_number, lang="en", **facts):
    """Judges one person (RULES.md §4.1–4.3) under a profile (a name or a
    :class:`Profile`) on an election day (``"YYYY-MM-DD"`` or a date).

    ``facts`` are the keyword arguments ``group``, ``hukou_here``,
    ``resides_here``, ``resident_since``, ``works_since``, ``wants_to_vote``,
    ``approved``, ``home_certificate``, ``written_proxy``, ``can_exercise``,
    ``registered_elsewhere``, ``extra_category`` (``"spouse-residence"``,
    ``"collective-member"``, ``"ex-agricultural-hukou"``, ``"talent"``),
    ``deprived`` and ``deprived_until``, ``party_status`` (``"full"``,
    ``"probationary"``, ``"suspended"``, ``"detained"``), ``exclusion`` and
    ``exclusion_approved``.

    Returns ``{"verdict", "category" (int or None), "entitled", "reasons"}``."""
    p = _profile(profile)
    day = _Date(election_day)
    v = _make_voter(name, id_number, **facts)
    e = _vp(_judge(v, p.handle, day.ptr))
    try:
        cat = _elig_category(e)
        return {"verdict": VERDICTS[_elig_verdict(e)], "category": cat or None,
                "entitled": bool(_elig_entitled(e)), "reasons": _reasons(e, lang)}
    finally:
        _elig_unref(e)
        _voter_unref(v)


class Roll:
    """The roll of one village, community or Party organisation.

    ``Roll(profile, election_day)`` is empty; :meth:`add` adds people;
    :meth:`from_csv` reads a roll CSV (FORMATS.md §4)."""

    def __init__(self, profile, election_day, _handle=None):
        self.profile = _profile(profile)
        self.election_day = (datetime.date.fromisoformat(election_day)
                             if isinstance(election_day, str) else election_day)
        if _handle is None:
            day = _Date(self.election_day)
            _handle = _roll_new(self.profile.handle, day.ptr)
        self._h = _vp(_handle)

    def __del__(self):
        if getattr(self, "_h", None):
            _roll_unref(self._h)
            self._h = None

    @property
    def handle(self):
        return self._h

    @classmethod
    def from_csv(cls, path_or_bytes, profile, election_day, encoding=None, lenient=False,
                 filename=None):
        """Reads a roll CSV from a path or from bytes."""
        if isinstance(path_or_bytes, (bytes, bytearray)):
            data = bytes(path_or_bytes)
            filename = filename or "<bytes>"
        else:
            filename = filename or str(path_or_bytes)
            with open(path_or_bytes, "rb") as f:
                data = f.read()
        p = _profile(profile)
        day_value = (datetime.date.fromisoformat(election_day)
                     if isinstance(election_day, str) else election_day)
        day = _Date(day_value)
        err = new_error()
        h = _roll_from_csv(p.handle, day.ptr, data, len(data), encode(filename),
                           encode(encoding), 1 if lenient else 0, ctypes.byref(err))
        if not h:
            raise_error(err)
        return cls(p, day_value, _handle=h)

    def add(self, name, id_number, **facts):
        """Adds a person (facts as for :func:`eligibility`); returns the index."""
        v = _make_voter(name, id_number, **facts)
        err = new_error()
        try:
            i = _roll_add(self._h, v, ctypes.byref(err))
            if i < 0:
                raise_error(err)
            return i
        finally:
            _voter_unref(v)

    def __len__(self):
        return _roll_n(self._h)

    def verdicts(self, lang="en"):
        """The ``libelect.roll-verdicts/1`` document (FORMATS.md §5), parsed."""
        return json.loads(take_string(_roll_to_json(self._h, encode(lang))))

    @property
    def summary(self):
        return self.verdicts()["summary"]

    @property
    def entitled(self):
        """Registered voters, or for Party rolls the members of 应到会."""
        return _roll_entitled(self._h)

    def public_csv(self, excel=False, stroke_order=None):
        """The public roll: ``group,name,sex,id_masked`` (no full ID number),
        by villager group, each group by surname strokes when
        ``stroke_order`` is true or, when it is None, when the profile's
        ``roll.order`` says so (RULES.md §4.4, §7.3); raises ElectError for
        a name with a character that has no stroke data."""
        if stroke_order is None:
            stroke_order = str(self.profile["roll.order"]).endswith("strokes")
        if stroke_order:
            err = new_error()
            if not _roll_use_strokes(self._h, ctypes.byref(err)):
                raise_error(err)
        return take_string(_roll_public(self._h, bool(excel)))

    def add_proxy(self, principal_id, proxy_id, relation, written=True, principal_away=True,
                  filed=None):
        """Adds an authorisation, in filing order; returns its index."""
        d = _Date(filed) if filed is not None else None
        return _roll_add_proxy(self._h, encode(principal_id), encode(proxy_id), encode(relation),
                               bool(written), bool(principal_away), d.ptr if d else None)

    def add_candidate(self, id_number):
        _roll_add_candidate(self._h, encode(id_number))

    def validate_proxies(self):
        """Validates every authorisation; returns a list of booleans (filing order)."""
        _roll_validate(self._h)
        return [bool(_roll_proxy_valid(self._h, i)) for i in range(_roll_n_proxies(self._h))]

    def public_proxies_csv(self, excel=False):
        return take_string(_roll_proxies_public(self._h, bool(excel)))

    def add_desk(self, name, mobile=False):
        return _roll_add_desk(self._h, 1 if mobile else 0, encode(name))

    def check_in(self, desk, id_number):
        """Records that a voter received a ballot; returns the ballots issued."""
        err = new_error()
        n = _roll_check_in(self._h, desk, encode(id_number), ctypes.byref(err))
        if n == 0:
            raise_error(err)
        return n

    @property
    def ballots_issued(self):
        return _roll_issued(self._h)

    def objection_window(self, published):
        """``(first, last)`` days of the objection window (P+1 … P+N)."""
        p = _Date(published)
        first, last = _vp(glib.g_date_new()), _vp(glib.g_date_new())
        err = new_error()
        try:
            if not _roll_window(self.profile.handle, p.ptr, first, last, ctypes.byref(err)):
                raise_error(err)
            return _date_of(first), _date_of(last)
        finally:
            glib.g_date_free(first)
            glib.g_date_free(last)


def double_registrations(rolls):
    """IDs registered in more than one roll: ``rolls`` maps a place name to a
    :class:`Roll`; returns ``[(id_number, [place, ...]), ...]`` in ID order."""
    d = _vp(_dedup_new())
    names = list(rolls)
    out = []

    def cb(id_number, places, n, _data):
        out.append((id_number.decode(), [names[places[i]] for i in range(n)]))

    func = _DUP_FUNC(cb)
    try:
        for name in names:
            _dedup_add_roll(d, rolls[name].handle, encode(name))
        _dedup_run(d, 1, func, None)
    finally:
        _dedup_free(d)
    return out
