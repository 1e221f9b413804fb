# SPDX-License-Identifier: LGPL-2.1-or-later
"""Committee composition (班子结构, elect-committee.h, RULES.md §8).

    >>> import libelect
    >>> c = libelect.Committee({"format": "libelect.committee/1",
    ...     "reference_date": "2026-12-20",
    ...     "people": [{"name": "王一", "sex": "male", "posts": {"village": "chair"}},
    ...                {"name": "李二", "sex": "male", "posts": {"village": "member"}},
    ...                {"name": "张三", "sex": "male", "posts": {"village": "member"}}]})
    >>> comp = c.check()
    >>> comp.valid
    False
    >>> [f["code"] for f in comp.violations]
    ['women-member-missing']
    >>> comp.figures["women"]
    Fraction(0, 1)

A :class:`Committee` is read from a committee file (``libelect.committee/1``,
doc/formats-committee.md) given as a path, JSON text or a ``dict`` of the
same schema. :meth:`Committee.check` runs ``elect_committee_check()`` and
gives a :class:`Composition`: the findings as dicts (``kind``, ``code``,
``message``, ``citation``, ``param``), the sizes, the figures as
:class:`fractions.Fraction` and the education counts. The rules are the C
library's: nothing is recomputed in Python.

The requirements and their citations (the ``citation`` of each finding
comes from the profile that decided it):

- the size of each committee: ``seats.range`` (村民委员会组织法 第六条: 3–7
  members; ZJ 2, SH 2; the supervision committee 3–5, VCL 32);
- a woman on the villagers' committee: ``women.member`` (VCL 6 ¶2
  "村民委员会成员中，应当有妇女成员"; ZJ 21 a separate 妇女委员 post);
- a member of each configured minority group (VCL 6 ¶2
  "多民族村民居住的村应当有人数较少的民族的成员");
- relatives avoidance inside a committee (任职回避, ZJ 31, HA 8, SH 2) where
  the profile's ``relatives.avoidance`` is not ``none``;
- the supervision committee (VCL 32 "村民委员会成员及其近亲属不得担任村务监督机构成员";
  ZJi 30: 村文书, 村报账员; SHi 25).

Ownership: a :class:`Committee` owns its ``ElectCommittee``, a
:class:`Composition` its ``ElectComposition``; both are freed with the
Python object.
"""
import ctypes
import json
import os
from fractions import Fraction

from ._lib import ElectError, declare, encode, glib, new_error, raise_error, take_string
from .profiles import Profile, profile as _load_profile
from .roll import _Date, _date_of

_vp = ctypes.c_void_p
_cp = ctypes.c_char_p
_int = ctypes.c_int
_uint = ctypes.c_uint
_i64 = ctypes.c_int64

_new_json = declare("elect_committee_new_from_json", _vp, _cp, ctypes.c_ssize_t, _cp, _vp)
_unref = declare("elect_committee_unref", None, _vp)
_n_people = declare("elect_committee_get_n_people", _uint, _vp)
_name = declare("elect_committee_get_name", _cp, _vp, _uint)
_birth = declare("elect_committee_get_birth_date", _int, _vp, _uint, _vp)
_post = declare("elect_committee_get_post", _int, _vp, _uint, _int)
_ref_date = declare("elect_committee_get_reference_date", _int, _vp, _vp)
_check = declare("elect_committee_check", _vp, _vp, _vp, _vp, _vp, _vp, _vp)

_c_unref = declare("elect_composition_unref", None, _vp)
_c_valid = declare("elect_composition_is_valid", _int, _vp)
_c_n = declare("elect_composition_get_n_findings", _uint, _vp)
_c_finding = declare("elect_composition_get_finding", _vp, _vp, _uint, ctypes.POINTER(_int))
_c_size = declare("elect_composition_get_size", _i64, _vp, _int)
_c_figure = declare("elect_composition_get_figure", _int, _vp, _int, ctypes.POINTER(_i64),
                    ctypes.POINTER(_i64))
_c_target = declare("elect_composition_get_target", _int, _vp, _int, ctypes.POINTER(_int))
_c_edu = declare("elect_composition_get_education_count", _i64, _vp, _int)
_c_json = declare("elect_composition_to_json", _vp, _vp, _cp)

_r_code = declare("elect_reason_get_code", _cp, _vp)
_r_citation = declare("elect_reason_get_citation", _cp, _vp)
_r_param = declare("elect_reason_get_param", _cp, _vp)
_r_message = declare("elect_reason_get_message", _cp, _vp, _cp)


def _nicks(enum, n):
    f = declare("elect_%s_to_string" % enum, _cp, _int)
    return tuple(f(i).decode("ascii") for i in range(n))


BODIES = _nicks("committee_body", 3)                  # village, party, supervision
FINDING_KINDS = _nicks("composition_finding", 5)      # violation, satisfied, report, ...
FIGURES = _nicks("composition_figure", 4)             # women, one-shoulder, ...
EDUCATION = _nicks("education", 7)                    # unknown, primary, ...
# The post nicks of the file format, per committee (elect_committee_get_post).
_POSTS = {
    "village": (None, "chair", "vice-chair", "member", "women-member"),
    "party": (None, "secretary", "deputy-secretary", "member", None),
    "supervision": (None, "chair", None, "member", None),
}
DEFAULT_PROFILES = {"village": "village-committee", "party": "party-committee",
                    "supervision": "supervision-committee"}


def _s(b):
    return b.decode("utf-8") if b is not None else None


def _profile(p):
    if p is None or isinstance(p, Profile):
        return p
    return _load_profile(p)


def reason_dict(r, lang="zh"):
    """An ``ElectReason *`` (borrowed) as ``{"code", "message", "citation",
    "param"}`` (``param`` None when the reason names none)."""
    return {"code": _s(_r_code(r)), "message": _s(_r_message(r, encode(lang))),
            "citation": _s(_r_citation(r)) or "", "param": _s(_r_param(r))}


class Committee:
    """The final members of one village's committees (``ElectCommittee``),
    read from ``libelect.committee/1``."""

    def __init__(self, committee, origin=None):
        """``committee``: a path (``str`` / ``Path``), JSON text (``str``
        starting with ``{`` or ``bytes``) or a ``dict`` of the file's schema
        (doc/formats-committee.md). ``origin`` names the input in error
        messages (default: the path). Malformed input raises
        :class:`libelect.ElectError` naming the JSON path
        (``$.people[3].posts.village``)."""
        if isinstance(committee, dict):
            data = json.dumps(committee, ensure_ascii=False).encode("utf-8")
        elif isinstance(committee, (bytes, bytearray)):
            data = bytes(committee)
        elif isinstance(committee, str) and committee.lstrip().startswith("{"):
            data = committee.encode("utf-8")
        elif isinstance(committee, (str, os.PathLike)):
            path = os.fspath(committee)
            try:
                with open(path, "rb") as f:
                    data = f.read()
            except FileNotFoundError as e:
                raise ElectError("not-found", 0, "%s: %s" % (path, e.strerror)) from None
            origin = origin or path
        else:
            raise TypeError("committee: a dict, a path, JSON text or bytes, not %s"
                            % type(committee).__name__)
        err = new_error()
        h = _new_json(data, len(data), encode(origin or "<committee>"), ctypes.byref(err))
        if not h:
            raise_error(err)
        self._h = _vp(h)

    @classmethod
    def load(cls, path):
        """Reads a committee file."""
        return cls(path)

    def __del__(self):
        h = getattr(self, "_h", None)
        if h:
            _unref(h)
            self._h = None

    @property
    def handle(self):
        """The ``ElectCommittee *`` (borrowed)."""
        return self._h

    def __len__(self):
        return _n_people(self._h)

    @property
    def reference_date(self):
        """The file's ``reference_date`` (a ``datetime.date``), or None."""
        d = _vp(glib.g_date_new())
        try:
            return _date_of(d) if _ref_date(self._h, d) else None
        finally:
            glib.g_date_free(d)

    def people(self):
        """Everyone in the file, in file order: ``{"name", "birth_date"
        (date or None), "posts": {"village": "chair", ...}}`` (only the
        committees the person sits on), as the library read them."""
        out = []
        d = _vp(glib.g_date_new())
        try:
            for i in range(len(self)):
                posts = {}
                for b, body in enumerate(BODIES):
                    p = _post(self._h, i, b)
                    if p:
                        posts[body] = _POSTS[body][p]
                out.append({"name": _s(_name(self._h, i)),
                            "birth_date": _date_of(d) if _birth(self._h, i, d) else None,
                            "posts": posts})
        finally:
            glib.g_date_free(d)
        return out

    def bodies(self):
        """The committees someone holds a post on (``"village"``,
        ``"party"``, ``"supervision"``)."""
        seen = set()
        for i in range(len(self)):
            for b, body in enumerate(BODIES):
                if _post(self._h, i, b):
                    seen.add(body)
        return [b for b in BODIES if b in seen]

    def check(self, village=..., party=..., supervision=..., reference_date=None, lang="zh"):
        """Checks the composition (``elect_committee_check()``, RULES.md §8).

        ``village``, ``party``, ``supervision``: the profile (a name, a path
        or a :class:`~libelect.Profile`) of each committee, or None for a
        committee not checked. By default, as ``elect-batch`` does, each
        committee someone holds a post on is checked with
        ``village-committee``, ``party-committee`` and
        ``supervision-committee``, and the others are not. The supervision
        committee's exclusions (VCL 32) are read from the ``village``
        profile when one is given (a provincial profile: ZJi 30, SHi 25).

        ``reference_date`` (a ``datetime.date`` or ``"YYYY-MM-DD"``): the
        day ages are taken on (RULES.md §1.5), default the file's
        ``reference_date``. ``lang``: the language of the messages.

        Raises :class:`libelect.ElectError`: ``invalid`` for a profile of
        the wrong kind, a post on a committee not checked, someone born
        after the reference date; ``unset`` without a reference date."""
        present = set(self.bodies())
        given = {"village": village, "party": party, "supervision": supervision}
        rules = {}
        for body, p in given.items():
            if p is ...:
                p = DEFAULT_PROFILES[body] if body in present else None
            rules[body] = _profile(p)
        ref = _Date(reference_date) if reference_date is not None else None
        err = new_error()
        h = _check(self._h, *(rules[b].handle if rules[b] else None for b in BODIES),
                   ref.ptr if ref else None, ctypes.byref(err))
        if not h:
            raise_error(err)
        return Composition(h, lang, rules)


class Composition:
    """The result of :meth:`Committee.check` (``ElectComposition``,
    immutable). ``valid``, ``findings``, ``violations``, ``sizes``,
    ``figures`` (:class:`fractions.Fraction`), ``counts`` (the unreduced
    ``(num, den)`` of each figure), ``targets``, ``education``."""

    def __init__(self, handle, lang="zh", rules=None):
        self._h = _vp(handle)
        self._lang = lang
        self._rules = rules          # the profiles, kept with the result

    def __del__(self):
        h = getattr(self, "_h", None)
        if h:
            _c_unref(h)
            self._h = None

    @property
    def valid(self):
        """No finding of kind ``violation`` (reports and targets never
        count)."""
        return bool(_c_valid(self._h))

    def findings_in(self, lang):
        """The findings in a stable order (sizes, women, minorities,
        relatives avoidance, supervision committee, reports, targets), each
        ``{"kind", "code", "message", "citation", "param"}``; ``kind`` is
        ``violation``, ``satisfied``, ``report``, ``target-met`` or
        ``target-not-met``."""
        out = []
        kind = _int()
        for i in range(_c_n(self._h)):
            r = _c_finding(self._h, i, ctypes.byref(kind))
            d = {"kind": FINDING_KINDS[kind.value]}
            d.update(reason_dict(r, lang))
            out.append(d)
        return out

    @property
    def findings(self):
        """:meth:`findings_in` the language given to :meth:`Committee.check`."""
        return self.findings_in(self._lang)

    @property
    def violations(self):
        return [f for f in self.findings if f["kind"] == "violation"]

    def codes(self):
        """The codes of the findings, in order."""
        return [f["code"] for f in self.findings]

    @property
    def sizes(self):
        """Members per committee: ``{"village": 5, "party": 3,
        "supervision": None}`` (None: not checked)."""
        out = {}
        for b, body in enumerate(BODIES):
            n = _c_size(self._h, b)
            out[body] = None if n < 0 else n
        return out

    def figure(self, name):
        """A figure as the library computed it, ``(num, den)`` unreduced
        (``den`` may be 0), or None when not computed (一肩挑 and 交叉任职 need
        both the villagers' and the Party committee)."""
        num, den = _i64(), _i64()
        if not _c_figure(self._h, FIGURES.index(name), ctypes.byref(num), ctypes.byref(den)):
            return None
        return num.value, den.value

    @property
    def counts(self):
        """Every figure as :meth:`figure` gives it."""
        return {name: self.figure(name) for name in FIGURES}

    @property
    def figures(self):
        """The figures as exact :class:`fractions.Fraction`: ``women``,
        ``one-shoulder`` (1 or 0), ``cross-membership``, ``under-35``; None
        when not computed or when there are no 两委 members."""
        out = {}
        for name, v in self.counts.items():
            out[name] = Fraction(v[0], v[1]) if v and v[1] > 0 else None
        return out

    @property
    def targets(self):
        """For each figure with a target set: whether it was met."""
        out = {}
        met = _int()
        for i, name in enumerate(FIGURES):
            if _c_target(self._h, i, ctypes.byref(met)):
                out[name] = bool(met.value)
        return out

    @property
    def education(self):
        """两委 members per education level (``unknown``, ``primary``,
        ``junior-secondary``, ``senior-secondary``, ``junior-college``,
        ``bachelor``, ``postgraduate``)."""
        return {name: _c_edu(self._h, i) for i, name in enumerate(EDUCATION)}

    def to_json(self, lang=None):
        """The result as ``libelect.composition/1`` (a ``dict``)."""
        return json.loads(take_string(_c_json(self._h, encode(lang or self._lang))))

    def __repr__(self):
        return "<libelect.Composition valid=%s findings=%d>" % (self.valid, _c_n(self._h))


def check_committee(committee, **kwargs):
    """``Committee(committee).check(**kwargs)``."""
    return Committee(committee).check(**kwargs)
