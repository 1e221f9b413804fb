# SPDX-License-Identifier: LGPL-2.1-or-later
"""Counting one round of an election (elect-ballot.h, elect-tally.h,
elect-count.h, elect-election.h).

    >>> import libelect
    >>> result = libelect.count("examples/data/village-2026/election.json")
    >>> result["contests"][0]["elected"]
    ['王建国']

``count(election)`` takes an election file (FORMATS.md §1) as a path (``str``
or ``pathlib.Path``), as JSON text (``str`` starting with ``{``, or
``bytes``), or as a ``dict`` of the same schema, and returns the result
(FORMATS.md §2) as a ``dict``. A dict is serialised with its header members
first and ``ballots`` / ``totals`` last and read from memory, streamed like
a file. Malformed input raises :class:`libelect.ElectError` whose message
names the JSON path (``$.contests[2].seats``).

:class:`Election` gives object access to a file: its :class:`Paper`
(contests, seats, candidates), :class:`Tally` (ballots, votes, abstentions,
write-ins, defect counts), :class:`Turnout` and :meth:`Election.count` →
:class:`Outcome`.

The same objects can be built from Python, without a file::

    >>> paper = libelect.Paper()
    >>> paper.add_contest("chair", "主任", 1, candidates=["王一", "李二"])
    0
    >>> tally = libelect.Tally("village-committee", paper)   # freezes the paper
    >>> b = libelect.Ballot(paper)
    >>> b.mark("chair", "王一")
    >>> tally.add_ballot(b)
    {'valid': True, 'defects': {}}
    >>> b.reset()
    >>> outcome = tally.count(libelect.Turnout(electorate=1))
    >>> outcome.contest("chair").candidates[0].as_dict()
    {'name': '王一', 'votes': 1, 'status': 'elected'}

A :class:`Ballot` carries no voter identity (it has no attribute for one,
RULES.md §4.6). Errors of the library are :class:`libelect.ElectError`; an
unknown contest id or candidate name is a ``KeyError``, an index out of
range an ``IndexError``.

Ownership: every :class:`Paper`, :class:`Tally`, :class:`Ballot`,
:class:`Turnout` and :class:`Outcome` object owns its C object (a reference,
or the object itself). The views an :class:`Outcome` hands out
(:class:`ContestResult`, :class:`CandidateResult`, :class:`Reason`) read
borrowed data and keep the outcome alive.
"""
import array
import ctypes
import json
import os
import sys

from ._lib import ElectError, declare, encode, new_error, raise_error, strv, take_string
from .profiles import Profile, profile as _load_profile

c_char_pp = ctypes.POINTER(ctypes.c_char_p)
_vp = ctypes.c_void_p
_cp = ctypes.c_char_p
_int = ctypes.c_int
_uint = ctypes.c_uint
_i64 = ctypes.c_int64
_ssize = ctypes.c_ssize_t

_read_file = declare("elect_election_read_file", _vp, _cp, _vp)
_read_data = declare("elect_election_read_data", _vp, _cp, _ssize, _cp, _cp, _vp)
_unref = declare("elect_election_unref", None, _vp)
_get_rules = declare("elect_election_get_rules", _vp, _vp)
_get_paper = declare("elect_election_get_paper", _vp, _vp)
_get_tally = declare("elect_election_get_tally", _vp, _vp)
_get_turnout = declare("elect_election_get_turnout", _vp, _vp)
_get_title = declare("elect_election_get_title", _cp, _vp)
_get_date = declare("elect_election_get_date", _cp, _vp)
_get_n_ballots = declare("elect_election_get_n_ballots", _i64, _vp)
_count = declare("elect_election_count", _vp, _vp, _vp)
_to_text = declare("elect_outcome_to_text", _vp, _vp, _vp, _cp)

_rules_ref = declare("elect_rules_ref", _vp, _vp)

# elect-ballot.h: the paper
_paper_new = declare("elect_paper_new", _vp, _int)
_paper_ref = declare("elect_paper_ref", _vp, _vp)
_paper_unref = declare("elect_paper_unref", None, _vp)
_paper_add_contest = declare("elect_paper_add_contest", _int, _vp, _cp, _cp, _i64, _vp)
_paper_set_women_only = declare("elect_paper_set_women_only", None, _vp, _uint, _int)
_paper_add_cand = declare("elect_paper_add_candidate", _int, _vp, _uint, _cp, _int, _vp)
_paper_set_info = declare("elect_paper_set_candidate_info", None, _vp, _uint, _uint, _cp, _cp)
_paper_frozen = declare("elect_paper_is_frozen", _int, _vp)
_paper_find_contest = declare("elect_paper_find_contest", _int, _vp, _cp, _ssize)
_paper_find_cand = declare("elect_paper_find_candidate", _int, _vp, _uint, _cp, _ssize)
_paper_n_contests = declare("elect_paper_get_n_contests", _uint, _vp)
_paper_contest_id = declare("elect_paper_get_contest_id", _cp, _vp, _uint)
_paper_contest_title = declare("elect_paper_get_contest_title", _cp, _vp, _uint)
_paper_seats = declare("elect_paper_get_seats", _i64, _vp, _uint)
_paper_women_only = declare("elect_paper_is_women_only", _int, _vp, _uint)
_paper_n_cands = declare("elect_paper_get_n_candidates", _uint, _vp, _uint)
_paper_cand_name = declare("elect_paper_get_candidate_name", _cp, _vp, _uint, _uint)
_paper_cand_sex = declare("elect_paper_get_candidate_sex", _int, _vp, _uint, _uint)
_paper_cand_birth = declare("elect_paper_get_candidate_birth_date", _cp, _vp, _uint, _uint)
_paper_cand_eth = declare("elect_paper_get_candidate_ethnicity", _cp, _vp, _uint, _uint)
_paper_party = declare("elect_paper_has_party_marks", _int, _vp)

# elect-ballot.h: the ballot
_b_new = declare("elect_ballot_new", _vp, _vp)
_b_free = declare("elect_ballot_free", None, _vp)
_b_reset = declare("elect_ballot_reset", None, _vp)
_b_paper = declare("elect_ballot_get_paper", _vp, _vp)
_b_mark = declare("elect_ballot_mark", None, _vp, _uint, _uint)
_b_mark_party = declare("elect_ballot_mark_party", None, _vp, _uint, _uint, _int)
_b_write_in = declare("elect_ballot_write_in", None, _vp, _uint, _cp, _ssize)
_b_write_in_line = declare("elect_ballot_write_in_on_line", None, _vp, _uint, _uint, _cp, _ssize)
_b_set_unreadable = declare("elect_ballot_set_unreadable", None, _vp)
_b_unreadable = declare("elect_ballot_is_unreadable", _int, _vp)

# elect-tally.h
_t_new = declare("elect_tally_new", _vp, _vp, _vp, _vp)
_t_ref = declare("elect_tally_ref", _vp, _vp)
_t_unref = declare("elect_tally_unref", None, _vp)
_t_paper = declare("elect_tally_get_paper", _vp, _vp)
_t_rules = declare("elect_tally_get_rules", _vp, _vp)
_t_set_eligible = declare("elect_tally_set_eligible", _int, _vp, _vp, _vp, ctypes.c_size_t, _vp)
_t_add_ballot = declare("elect_tally_add_ballot", _int, _vp, _vp, _vp)
_t_add_masks = declare("elect_tally_add_masks", _int, _vp, _uint, _vp, ctypes.c_size_t, _vp)
_t_merge = declare("elect_tally_merge", _int, _vp, _vp, _vp)
_t_set_sheet = declare("elect_tally_set_sheet", _int, _vp, _i64, _i64, _vp)
_t_set_sheet_valid = declare("elect_tally_set_sheet_valid", _int, _vp, _i64, _vp)
_t_set_sheet_votes = declare("elect_tally_set_sheet_votes", _int, _vp, _uint, _uint, _i64, _vp)
_t_set_sheet_wi = declare("elect_tally_set_sheet_write_in", _int, _vp, _uint, _cp, _ssize, _i64,
                          _vp)
_t_returned = declare("elect_tally_get_ballots_returned", _i64, _vp)
_t_valid = declare("elect_tally_get_ballots_valid", _i64, _vp)
_t_invalid = declare("elect_tally_get_ballots_invalid", _i64, _vp)
_t_is_sheet = declare("elect_tally_is_sheet", _int, _vp)
_t_votes = declare("elect_tally_get_votes", _i64, _vp, _uint, _uint)
_t_against = declare("elect_tally_get_votes_against", _i64, _vp, _uint, _uint)
_t_abst = declare("elect_tally_get_abstentions", _i64, _vp, _uint)
_t_contest_void = declare("elect_tally_get_contest_void", _i64, _vp, _uint)
_t_n_wi = declare("elect_tally_get_n_write_ins", _uint, _vp, _uint)
_t_wi_name = declare("elect_tally_get_write_in_name", _cp, _vp, _uint, _uint)
_t_wi_votes = declare("elect_tally_get_write_in_votes", _i64, _vp, _uint, _uint)
_t_wi_sex = declare("elect_tally_get_write_in_sex", _int, _vp, _uint, _uint)
_t_codes = declare("elect_tally_list_defect_codes", c_char_pp)
_t_defect = declare("elect_tally_get_defect_count", _i64, _vp, _cp)
_t_defect_reason = declare("elect_tally_get_defect_reason", _vp, _vp, _cp)

# elect-count.h
_to_new = declare("elect_turnout_new", _vp)
_to_copy = declare("elect_turnout_copy", _vp, _vp)
_to_free = declare("elect_turnout_free", None, _vp)
_to_set_electorate = declare("elect_turnout_set_electorate", _int, _vp, _i64, _vp)
_to_set_issued = declare("elect_turnout_set_issued", _int, _vp, _i64, _vp)
_to_set_present = declare("elect_turnout_set_present", _int, _vp, _i64, _vp)
_to_set_round = declare("elect_turnout_set_round", None, _vp, _int)
_to_electorate = declare("elect_turnout_get_electorate", _i64, _vp)
_to_issued = declare("elect_turnout_get_issued", _i64, _vp)
_to_present = declare("elect_turnout_get_present", _i64, _vp)
_to_round = declare("elect_turnout_get_round", _int, _vp)
_opt_new = declare("elect_count_options_new", _vp)
_opt_free = declare("elect_count_options_free", None, _vp)
_opt_relation = declare("elect_count_options_add_relation", _int, _vp, _cp, _cp, _cp, _vp)
_opt_earlier = declare("elect_count_options_set_earlier", None, _vp, _uint, _int, _int)
_count_full = declare("elect_count_full", _vp, _vp, _vp, _vp, _vp, _vp, _vp)

_o_unref = declare("elect_outcome_unref", None, _vp)
_o_valid = declare("elect_outcome_is_valid", _int, _vp)
_o_round = declare("elect_outcome_get_round", _int, _vp)
_o_quorum = declare("elect_outcome_get_quorum", _int, _vp, ctypes.POINTER(_i64),
                    ctypes.POINTER(_i64))
_o_n_contests = declare("elect_outcome_get_n_contests", _uint, _vp)
_o_threshold = declare("elect_outcome_get_threshold", _i64, _vp, _uint)
_o_n_cands = declare("elect_outcome_get_n_candidates", _uint, _vp, _uint)
_o_cand_name = declare("elect_outcome_get_candidate_name", _cp, _vp, _uint, _uint)
_o_cand_votes = declare("elect_outcome_get_candidate_votes", _i64, _vp, _uint, _uint)
_o_cand_status = declare("elect_outcome_get_candidate_status", _int, _vp, _uint, _uint)
_o_cand_write_in = declare("elect_outcome_is_candidate_write_in", _int, _vp, _uint, _uint)
_o_elected = declare("elect_outcome_get_elected", c_char_pp, _vp, _uint)
_o_unfilled = declare("elect_outcome_get_unfilled", _i64, _vp, _uint)
_o_next_action = declare("elect_outcome_get_next_action", _int, _vp, _uint)
_o_next_seats = declare("elect_outcome_get_next_seats", _i64, _vp, _uint)
_o_next_cands = declare("elect_outcome_get_next_candidates", c_char_pp, _vp, _uint)
_o_n_reasons = declare("elect_outcome_get_n_reasons", _uint, _vp)
_o_reason = declare("elect_outcome_get_reason", _vp, _vp, _uint)
_o_has_reason = declare("elect_outcome_has_reason", _int, _vp, _cp)
_o_to_json = declare("elect_outcome_to_json", _vp, _vp, _cp)

# elect-reason.h
_r_ref = declare("elect_reason_ref", _vp, _vp)
_r_unref = declare("elect_reason_unref", None, _vp)
_r_code = declare("elect_reason_get_code", _cp, _vp)
_r_citation = declare("elect_reason_get_citation", _cp, _vp)
_r_param = declare("elect_reason_get_param", _cp, _vp)
_r_message = declare("elect_reason_get_message", _cp, _vp, _cp)

# elect-enums.h: the nicks. The result file (FORMATS.md §2) writes them
# with "_" where the nicks have "-" ("below_threshold", "women_seat").
_enum_to = {name: declare("elect_%s_to_string" % name, _cp, _int)
            for name in ("mark", "round", "status", "action", "sex", "error")}
_enum_from = {name: declare("elect_%s_from_string" % name, _int, _cp, ctypes.POINTER(_int))
              for name in ("mark", "round", "sex", "error")}


def _nick(enum, value):
    """The result file's spelling of an enum value (the nick, '-' → '_')."""
    s = _enum_to[enum](value)
    return s.decode("ascii").replace("-", "_") if s is not None else None


def _value(enum, nick, what):
    """The value of a nick ('_' or '-' between words), or ValueError."""
    out = _int()
    if not isinstance(nick, str) or not _enum_from[enum](
            nick.replace("_", "-").encode("ascii", "replace"), ctypes.byref(out)):
        raise ValueError("%s: unknown value %r" % (what, nick))
    return out.value


_INVALID = _value("error", "invalid", "error")


def _invalid(message):
    """ElectError(invalid) for a misuse the C API would only report with a
    critical warning (a frozen paper, a paper without contests)."""
    raise ElectError("invalid", _INVALID, message)


def _s(b):
    return b.decode("utf-8") if b is not None else None


def _name(name, what="name"):
    if not isinstance(name, str):
        raise TypeError("%s: a str, not %s" % (what, type(name).__name__))
    return name.encode("utf-8")


def _profile(p):
    return p if isinstance(p, Profile) else _load_profile(p)


# Members written before ballots/totals, so the reader streams them at once.
_HEAD_FIRST = ("format", "title", "date", "profile", "electorate", "ballots_issued", "present",
               "round", "earlier", "relations", "eligible", "contests")


def _serialise(election):
    doc = {k: election[k] for k in _HEAD_FIRST if k in election}
    for k, v in election.items():
        if k not in doc and k not in ("ballots", "totals"):
            doc[k] = v
    for k in ("ballots", "totals"):
        if k in election:
            doc[k] = election[k]
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class Election:
    """One round of an election, read and tallied (``ElectElection``)."""

    def __init__(self, election, origin=None, base_dir=None):
        """``election``: a path (``str`` / ``Path``), JSON text (``str``
        starting with ``{`` or ``bytes``) or a ``dict`` (FORMATS.md §1).
        ``origin`` names the input in error messages; ``base_dir`` resolves
        a profile given as a relative path (default: the file's directory,
        or the current directory)."""
        err = new_error()
        if isinstance(election, dict):
            data = _serialise(election)
        elif isinstance(election, (bytes, bytearray)):
            data = bytes(election)
        elif isinstance(election, str) and election.lstrip().startswith("{"):
            data = election.encode("utf-8")
        elif isinstance(election, (str, os.PathLike)):
            data = None
        else:
            raise TypeError("election: a dict, a path, JSON text or bytes, not %s"
                            % type(election).__name__)
        if data is None:
            h = _read_file(encode(election), ctypes.byref(err))
        else:
            h = _read_data(data, len(data), encode(origin or "<election>"),
                           encode(base_dir), ctypes.byref(err))
        if not h:
            raise_error(err)
        self._h = ctypes.c_void_p(h)

    def __del__(self):
        h = getattr(self, "_h", None)
        if h:
            _unref(h)
            self._h = None

    @property
    def handle(self):
        """The ``ElectElection *`` (borrowed)."""
        return self._h

    @property
    def title(self):
        return _s(_get_title(self._h))

    @property
    def date(self):
        return _s(_get_date(self._h))

    @property
    def n_ballots(self):
        """Ballots read (0 for a tally sheet)."""
        return _get_n_ballots(self._h)

    @property
    def electorate(self):
        return _to_electorate(_get_turnout(self._h))

    @property
    def ballots_issued(self):
        """Ballots issued, or None when not given."""
        n = _to_issued(_get_turnout(self._h))
        return None if n < 0 else n

    @property
    def present(self):
        """Members present (Party elections), or None when not given."""
        n = _to_present(_get_turnout(self._h))
        return None if n < 0 else n

    @property
    def profile(self):
        """The election's :class:`~libelect.Profile`."""
        return Profile(_rules_ref(_get_rules(self._h)))

    @property
    def paper(self):
        """The election's :class:`Paper` (frozen)."""
        return Paper._ref(_get_paper(self._h))

    @property
    def tally(self):
        """The election's :class:`Tally` (a reference to it: ballots added
        to it change the election's counts)."""
        return Tally._ref(_get_tally(self._h))

    @property
    def turnout(self):
        """A copy of the election's :class:`Turnout`."""
        return Turnout._own(_to_copy(_get_turnout(self._h)))

    def count(self):
        """Counts the round: an :class:`Outcome`."""
        err = new_error()
        h = _count(self._h, ctypes.byref(err))
        if not h:
            raise_error(err)
        return Outcome(h, self.paper, election=self)


def _contest(paper_h, contest):
    """The index of a contest given by id or index."""
    if isinstance(contest, str):
        b = contest.encode("utf-8")
        c = _paper_find_contest(paper_h, b, len(b))
        if c < 0:
            raise KeyError(contest)
        return c
    if isinstance(contest, bool) or not isinstance(contest, int):
        raise TypeError("contest: an id (str) or an index (int), not %s"
                        % type(contest).__name__)
    if not 0 <= contest < _paper_n_contests(paper_h):
        raise IndexError("contest index %d out of range" % contest)
    return contest


def _candidate(paper_h, c, candidate):
    """The index of a listed candidate of contest @c given by name or index."""
    if isinstance(candidate, str):
        b = candidate.encode("utf-8")
        k = _paper_find_cand(paper_h, c, b, len(b))
        if k < 0:
            raise KeyError(candidate)
        return k
    if isinstance(candidate, bool) or not isinstance(candidate, int):
        raise TypeError("candidate: a name (str) or an index (int), not %s"
                        % type(candidate).__name__)
    if not 0 <= candidate < _paper_n_cands(paper_h, c):
        raise IndexError("candidate index %d out of range" % candidate)
    return candidate


class Paper:
    """The layout of a ballot paper (``ElectPaper``): contests in paper
    (rank) order, their seats and listed candidates.

    ``Paper(party_marks=False)`` makes an empty paper; fill it with
    :meth:`add_contest` and :meth:`add_candidate`. It is frozen (can no
    longer change) once a :class:`Tally` or a :class:`Ballot` is made
    from it. ``Paper(election)`` is ``election.paper``."""

    def __init__(self, party_marks=False):
        if isinstance(party_marks, Election):
            h = _paper_ref(_get_paper(party_marks.handle))
        else:
            h = _paper_new(1 if party_marks else 0)
        self._h = ctypes.c_void_p(h)

    @classmethod
    def _ref(cls, handle):
        self = cls.__new__(cls)
        self._h = ctypes.c_void_p(_paper_ref(handle))
        return self

    def __del__(self):
        h = getattr(self, "_h", None)
        if h:
            _paper_unref(h)
            self._h = None

    @property
    def handle(self):
        """The ``ElectPaper *`` (borrowed)."""
        return self._h

    def __eq__(self, other):
        """Two Paper objects are equal when they are the same C paper."""
        return isinstance(other, Paper) and self._h.value == other._h.value

    def __hash__(self):
        return hash(self._h.value)

    @property
    def party_marks(self):
        """True on a Party paper (for / against / abstain)."""
        return bool(_paper_party(self._h))

    @property
    def frozen(self):
        """True once a tally or a ballot was made from the paper."""
        return bool(_paper_frozen(self._h))

    def _check_mutable(self):
        if self.frozen:
            _invalid("The ballot paper can no longer change: a tally was made from it")

    def add_contest(self, id, title=None, seats=1, candidates=(), women_only=False):
        """Appends a contest (post) after the others: add the highest post
        first. ``candidates``: names, or dicts ``{"name", "sex"/"gender",
        "birth_date", "ethnicity"}`` as in an election file. Returns the
        contest's index."""
        err = new_error()
        c = _paper_add_contest(self._h, _name(id, "id"),
                               None if title is None else _name(title, "title"),
                               seats, ctypes.byref(err))
        if c < 0:
            raise_error(err)
        if women_only:
            _paper_set_women_only(self._h, c, 1)
        for cand in candidates:
            if isinstance(cand, dict):
                self.add_candidate(c, cand["name"], cand.get("sex", cand.get("gender")),
                                   cand.get("birth_date"), cand.get("ethnicity"))
            else:
                self.add_candidate(c, cand)
        return c

    def set_women_only(self, contest, women_only=True):
        """Makes a contest the women's post (妇女委员, RULES.md §6.6)."""
        c = _contest(self._h, contest)
        self._check_mutable()
        _paper_set_women_only(self._h, c, 1 if women_only else 0)

    def add_candidate(self, contest, name, sex=None, birth_date=None, ethnicity=None):
        """Appends a listed candidate to a contest; ``sex`` is ``"male"``,
        ``"female"`` or None. Returns the candidate's index."""
        c = _contest(self._h, contest)
        sx = 0 if sex is None else _value("sex", sex, "sex")
        err = new_error()
        k = _paper_add_cand(self._h, c, _name(name), sx, ctypes.byref(err))
        if k < 0:
            raise_error(err)
        if birth_date is not None or ethnicity is not None:
            _paper_set_info(self._h, c, k, encode(birth_date), encode(ethnicity))
        return k

    @property
    def contests(self):
        """A list of ``{"id", "title", "seats", "women_only", "candidates"}``."""
        out = []
        for c in range(_paper_n_contests(self._h)):
            out.append({
                "id": _s(_paper_contest_id(self._h, c)),
                "title": _s(_paper_contest_title(self._h, c)),
                "seats": _paper_seats(self._h, c),
                "women_only": bool(_paper_women_only(self._h, c)),
                "candidates": self.candidates(c),
            })
        return out

    def candidates(self, contest):
        """The names of the listed candidates of a contest, in ballot order."""
        c = _contest(self._h, contest)
        return [_s(_paper_cand_name(self._h, c, k)) for k in range(_paper_n_cands(self._h, c))]

    def candidate_info(self, contest, candidate):
        """``{"name", "sex", "birth_date", "ethnicity"}`` of a listed candidate."""
        c = _contest(self._h, contest)
        k = _candidate(self._h, c, candidate)
        return {"name": _s(_paper_cand_name(self._h, c, k)),
                "sex": _nick("sex", _paper_cand_sex(self._h, c, k)),
                "birth_date": _s(_paper_cand_birth(self._h, c, k)),
                "ethnicity": _s(_paper_cand_eth(self._h, c, k))}

    def contest_index(self, contest):
        """The index of a contest (by id; an index is checked and returned)."""
        return _contest(self._h, contest)

    def candidate_index(self, contest, name):
        """The index of a listed candidate (names compared after
        normalisation, RULES.md §1.7)."""
        c = _contest(self._h, contest)
        return _candidate(self._h, c, name)


_MARKS = ("for", "against", "abstain")


class Ballot:
    """The marks of one paper ballot (``ElectBallot``): a reusable scratch
    object. Fill it, give it to :meth:`Tally.add_ballot`, :meth:`reset` it
    and fill it again. Making a ballot freezes its paper.

    Contests are given by id or index, listed candidates by name or index.
    A ballot has no voter identity, by construction: no attribute can hold
    one."""

    __slots__ = ("_h", "_paper")

    def __init__(self, paper):
        if not isinstance(paper, Paper):
            raise TypeError("paper: a libelect.Paper, not %s" % type(paper).__name__)
        if _paper_n_contests(paper.handle) == 0:
            _invalid("The ballot paper has no contest")
        self._paper = paper
        self._h = ctypes.c_void_p(_b_new(paper.handle))

    def __del__(self):
        h = getattr(self, "_h", None)
        if h:
            _b_free(h)
            self._h = None

    @property
    def handle(self):
        """The ``ElectBallot *`` (borrowed)."""
        return self._h

    @property
    def paper(self):
        return self._paper

    def mark(self, contest, candidate):
        """Marks a listed candidate (划"○"). Marking one twice is recorded:
        it counts once (``duplicate-mark``). On a Party paper, a mark for."""
        c = _contest(self._paper.handle, contest)
        _b_mark(self._h, c, _candidate(self._paper.handle, c, candidate))

    def mark_party(self, contest, candidate, mark):
        """Marks a line of a Party paper ``"for"``, ``"against"`` or
        ``"abstain"``; a second, different mark voids the line
        (``contradictory-mark``)."""
        if mark not in _MARKS:
            raise ValueError("mark: one of %s, not %r" % (", ".join(_MARKS), mark))
        c = _contest(self._paper.handle, contest)
        k = _candidate(self._paper.handle, c, candidate)
        _b_mark_party(self._h, c, k, _value("mark", mark, "mark"))

    def write_in(self, contest, name, candidate=None):
        """Writes in a name (另选他人) in a contest; with ``candidate``, on
        that listed candidate's line of a Party paper. The name is resolved
        when the ballot is tallied (RULES.md §5.2)."""
        c = _contest(self._paper.handle, contest)
        b = _name(name)
        if candidate is None:
            _b_write_in(self._h, c, b, len(b))
        else:
            _b_write_in_line(self._h, c, _candidate(self._paper.handle, c, candidate), b, len(b))

    def set_unreadable(self):
        """Marks the paper 废票: invalid, counted in the ballots returned and
        the win base (RULES.md §5.2); its other marks are ignored."""
        _b_set_unreadable(self._h)

    @property
    def unreadable(self):
        return bool(_b_unreadable(self._h))

    def reset(self):
        """Empties the ballot for reuse."""
        _b_reset(self._h)


_NATIVE_ORDER = "@=<" if sys.byteorder == "little" else "@=>"


def _masks_pointer(masks):
    """A ``guint64 *`` and a count for @masks, and the object that keeps the
    memory alive. A writable buffer of 8-byte items (``array('Q')``,
    ``bytearray``, a numpy ``uint64`` array) and an aligned ``bytes`` are
    passed without copying; a list of ints is copied into an array('Q')."""
    if isinstance(masks, bytes):
        if len(masks) % 8:
            raise ValueError("masks: a buffer of whole 64-bit masks (%d bytes)" % len(masks))
        p = ctypes.c_char_p(masks)
        addr = ctypes.cast(p, _vp).value
        if addr is not None and addr % 8 == 0:
            return ctypes.cast(p, _vp), len(masks) // 8, (p, masks)
        masks = bytearray(masks)
    try:
        mv = memoryview(masks)
    except TypeError:
        mv = None
    if mv is None:
        buf = array.array("Q", masks)   # OverflowError on a negative or wide int
        mv = memoryview(buf)
    else:
        buf = masks
    if not (mv.format in ("B", "b", "c")
            or mv.format.lstrip(_NATIVE_ORDER) in ("Q", "L") and mv.itemsize == 8):
        raise TypeError("masks: a list of ints or a buffer of unsigned 64-bit ints "
                        "(array('Q')), not format %r" % mv.format)
    if mv.nbytes % 8:
        raise ValueError("masks: a buffer of whole 64-bit masks (%d bytes)" % mv.nbytes)
    n = mv.nbytes // 8
    if n == 0:
        return None, 0, None
    if not mv.c_contiguous:
        buf = bytearray(mv.tobytes())
        mv = memoryview(buf)
    if mv.readonly:
        arr = (ctypes.c_uint64 * n).from_buffer_copy(mv)
    else:
        arr = (ctypes.c_uint64 * n).from_buffer(mv.cast("B"))
    return ctypes.cast(arr, _vp), n, (arr, buf, mv)


class Tally:
    """The totals of one round (``ElectTally``): ballots returned, valid and
    invalid, votes per candidate, write-ins, abstentions and defect counts.

    ``Tally(profile, paper)`` makes an empty tally (``profile``: a
    :class:`~libelect.Profile` or a profile name or path) and freezes the
    paper. Fill it with :meth:`add_ballot`, :meth:`add_masks`, or as a tally
    sheet (:meth:`set_sheet`). ``Tally(election)`` is ``election.tally``."""

    def __init__(self, profile, paper=None):
        if isinstance(profile, Election):
            self._h = ctypes.c_void_p(_t_ref(_get_tally(profile.handle)))
            return
        if not isinstance(paper, Paper):
            raise TypeError("paper: a libelect.Paper, not %s" % type(paper).__name__)
        p = _profile(profile)
        err = new_error()
        h = _t_new(p.handle, paper.handle, ctypes.byref(err))
        if not h:
            raise_error(err)
        self._h = ctypes.c_void_p(h)

    @classmethod
    def _ref(cls, handle):
        self = cls.__new__(cls)
        self._h = ctypes.c_void_p(_t_ref(handle))
        return self

    def __del__(self):
        h = getattr(self, "_h", None)
        if h:
            _t_unref(h)
            self._h = None

    @property
    def handle(self):
        """The ``ElectTally *`` (borrowed)."""
        return self._h

    @property
    def paper(self):
        return Paper._ref(_t_paper(self._h))

    @property
    def profile(self):
        return Profile(_rules_ref(_t_rules(self._h)))

    def _c(self, contest):
        return _contest(_t_paper(self._h), contest)

    def set_eligible(self, names, sexes=None):
        """The eligible persons write-ins are resolved against (before any
        ballot); ``sexes``: ``"male"`` / ``"female"`` / None per name."""
        names = [_name(n) for n in names]
        n = len(names)
        arr = (ctypes.c_char_p * (n + 1))(*names, None)
        sx = None
        if sexes is not None:
            sexes = list(sexes)
            if len(sexes) != n:
                raise ValueError("sexes: %d values for %d names" % (len(sexes), n))
            sx = (_int * max(n, 1))(*[0 if s is None else _value("sex", s, "sex")
                                      for s in sexes])
        err = new_error()
        if not _t_set_eligible(self._h, arr, sx, n, ctypes.byref(err)):
            raise_error(err)

    def add_ballot(self, ballot):
        """Validates one ballot (RULES.md §5.2, §5.3) and counts it. Returns
        what the ballot was found to be: ``{"valid": bool, "defects":
        {code: count}}`` (the defect codes of
        ``elect_tally_list_defect_codes()``; computed from the tally's
        counts before and after). The ballot is not changed."""
        if not isinstance(ballot, Ballot):
            raise TypeError("ballot: a libelect.Ballot, not %s" % type(ballot).__name__)
        before = self._defect_counts()
        invalid = _t_invalid(self._h)
        err = new_error()
        if not _t_add_ballot(self._h, ballot.handle, ctypes.byref(err)):
            raise_error(err)
        after = self._defect_counts()
        return {"valid": _t_invalid(self._h) == invalid,
                "defects": {code: after[code] - before[code] for code in after
                            if after[code] != before[code]}}

    def add_masks(self, contest, masks):
        """Counts ballots of one contest (at most 64 listed candidates) in
        bulk: one 64-bit mask per ballot, bit i for candidate i; every other
        contest is an abstention. ``masks``: a list of ints, or a buffer of
        unsigned 64-bit ints (``array('Q')``, ``bytes``, ``bytearray``,
        numpy ``uint64``), passed without copying when writable or aligned."""
        c = self._c(contest)
        ptr, n, keep = _masks_pointer(masks)
        err = new_error()
        ok = _t_add_masks(self._h, c, ptr, n, ctypes.byref(err))
        del keep
        if not ok:
            raise_error(err)

    def merge(self, other):
        """Adds the counts of another tally of the same paper and profile."""
        err = new_error()
        if not _t_merge(self._h, other.handle, ctypes.byref(err)):
            raise_error(err)

    def set_sheet(self, ballots_returned, ballots_invalid, ballots_valid=None):
        """Makes this a tally sheet (计票单, RULES.md §6.9) with its ballot
        totals; ``ballots_valid`` as written on the sheet, if given."""
        err = new_error()
        if not _t_set_sheet(self._h, ballots_returned, ballots_invalid, ctypes.byref(err)):
            raise_error(err)
        if ballots_valid is not None:
            err = new_error()
            if not _t_set_sheet_valid(self._h, ballots_valid, ctypes.byref(err)):
                raise_error(err)

    def set_sheet_votes(self, contest, candidate, votes):
        """Records votes on a tally sheet: ``candidate`` an index of a listed
        candidate, or a name (listed or written in)."""
        c = self._c(contest)
        err = new_error()
        if isinstance(candidate, str):
            b = candidate.encode("utf-8")
            ok = _t_set_sheet_wi(self._h, c, b, len(b), votes, ctypes.byref(err))
        else:
            k = _candidate(_t_paper(self._h), c, candidate)
            ok = _t_set_sheet_votes(self._h, c, k, votes, ctypes.byref(err))
        if not ok:
            raise_error(err)

    @property
    def is_sheet(self):
        return bool(_t_is_sheet(self._h))

    @property
    def ballots_returned(self):
        return _t_returned(self._h)

    @property
    def ballots_valid(self):
        return _t_valid(self._h)

    @property
    def ballots_invalid(self):
        return _t_invalid(self._h)

    def votes(self, contest):
        """``{name: votes}`` of the listed candidates and the write-ins."""
        c = self._c(contest)
        paper = _t_paper(self._h)
        out = {_s(_paper_cand_name(paper, c, k)): _t_votes(self._h, c, k)
               for k in range(_paper_n_cands(paper, c))}
        out.update(self.write_ins(c))
        return out

    def write_ins(self, contest):
        """``{normalised name: votes}`` of the written-in names of a contest."""
        c = self._c(contest)
        return {_s(_t_wi_name(self._h, c, i)): _t_wi_votes(self._h, c, i)
                for i in range(_t_n_wi(self._h, c))}

    def write_in_sexes(self, contest):
        """``{normalised name: sex}`` of the written-in names, when known."""
        c = self._c(contest)
        return {_s(_t_wi_name(self._h, c, i)): _nick("sex", _t_wi_sex(self._h, c, i))
                for i in range(_t_n_wi(self._h, c))}

    def votes_against(self, contest):
        """``{name: votes against}`` (Party papers)."""
        c = self._c(contest)
        paper = _t_paper(self._h)
        return {_s(_paper_cand_name(paper, c, k)): _t_against(self._h, c, k)
                for k in range(_paper_n_cands(paper, c))}

    def abstentions(self, contest):
        return _t_abst(self._h, self._c(contest))

    def contest_void(self, contest):
        """Valid ballots whose marks in the contest were void
        (``count.overvote=void-contest``)."""
        return _t_contest_void(self._h, self._c(contest))

    def _defect_counts(self):
        return {code: _t_defect(self._h, code.encode("ascii")) for code in defect_codes()}

    @property
    def defects(self):
        """``{defect code: count}`` of the defects that occurred."""
        return {code: n for code, n in self._defect_counts().items() if n}

    def defect_reason(self, code):
        """The :class:`Reason` of a defect code (message, citation from the
        tally's profile), or None for an unknown code."""
        h = _t_defect_reason(self._h, _name(code, "code"))
        return Reason._own(h) if h else None

    def count(self, turnout, relations=(), earlier=None):
        """Counts the round (``elect_count_full()``): an :class:`Outcome`.
        ``turnout``: a :class:`Turnout` (the electorate must be set);
        ``relations``: ``(name_a, name_b, relation)`` triples for relatives
        avoidance (§6.7); ``earlier``: ``{"elected": n, "chair_elected":
        bool, "woman_elected": bool}`` of the earlier rounds."""
        if not isinstance(turnout, Turnout):
            raise TypeError("turnout: a libelect.Turnout, not %s" % type(turnout).__name__)
        opts = _opt_new()
        try:
            for a, b, rel in relations:
                err = new_error()
                if not _opt_relation(opts, _name(a), _name(b), _name(rel, "relation"),
                                     ctypes.byref(err)):
                    raise_error(err)
            if earlier is not None:
                _opt_earlier(opts, int(earlier.get("elected", 0)),
                             1 if earlier.get("chair_elected") else 0,
                             1 if earlier.get("woman_elected") else 0)
            paper = self.paper
            err = new_error()
            h = _count_full(_t_rules(self._h), paper.handle, self._h, turnout.handle, opts,
                            ctypes.byref(err))
        finally:
            _opt_free(opts)
        if not h:
            raise_error(err)
        return Outcome(h, paper, tally=self)


def defect_codes():
    """The stable codes of every ballot defect a tally can record."""
    global _DEFECT_CODES
    if _DEFECT_CODES is None:
        _DEFECT_CODES = tuple(strv(_t_codes()))
    return list(_DEFECT_CODES)


_DEFECT_CODES = None


class Turnout:
    """The turnout of a round (``ElectTurnout``): counts only, never linked
    to ballots. ``electorate`` is required by the count; ``issued`` (ballots
    issued) and ``present`` (Party members present) are None when unknown;
    ``round`` is ``"regular"``, ``"revote"`` or ``"supplementary"``."""

    def __init__(self, electorate=None, issued=None, present=None, round="regular"):
        self._h = ctypes.c_void_p(_to_new())
        if electorate is not None:
            self.electorate = electorate
        if issued is not None:
            self.issued = issued
        if present is not None:
            self.present = present
        self.round = round

    @classmethod
    def _own(cls, handle):
        self = cls.__new__(cls)
        self._h = ctypes.c_void_p(handle)
        return self

    def __del__(self):
        h = getattr(self, "_h", None)
        if h:
            _to_free(h)
            self._h = None

    @property
    def handle(self):
        """The ``ElectTurnout *`` (borrowed)."""
        return self._h

    def _set(self, fn, n):
        err = new_error()
        if not fn(self._h, n, ctypes.byref(err)):
            raise_error(err)

    @property
    def electorate(self):
        """The electorate, or None when unset."""
        n = _to_electorate(self._h)
        return None if n < 0 else n

    @electorate.setter
    def electorate(self, n):
        self._set(_to_set_electorate, n)

    @property
    def issued(self):
        n = _to_issued(self._h)
        return None if n < 0 else n

    @issued.setter
    def issued(self, n):
        self._set(_to_set_issued, -1 if n is None else n)

    @property
    def present(self):
        n = _to_present(self._h)
        return None if n < 0 else n

    @present.setter
    def present(self, n):
        self._set(_to_set_present, -1 if n is None else n)

    @property
    def round(self):
        return _nick("round", _to_round(self._h))

    @round.setter
    def round(self, r):
        _to_set_round(self._h, _value("round", r, "round"))


class Reason:
    """One decision's explanation (``ElectReason``): a stable ``code``, the
    ``citation`` of the rule, the profile ``param`` that decided (or None)
    and a message in English or Chinese (:meth:`message`)."""

    def __init__(self):
        raise TypeError("Reason objects come from an Outcome or a Tally")

    @classmethod
    def _borrow(cls, handle, owner):
        self = cls.__new__(cls)
        self._h = ctypes.c_void_p(handle)
        self._owner = owner        # the outcome the pointer belongs to
        self._owned = False
        return self

    @classmethod
    def _own(cls, handle):
        self = cls.__new__(cls)
        self._h = ctypes.c_void_p(handle)
        self._owner = None
        self._owned = True
        return self

    def __del__(self):
        h = getattr(self, "_h", None)
        if h and getattr(self, "_owned", False):
            _r_unref(h)
        self._h = None

    @property
    def code(self):
        return _s(_r_code(self._h))

    @property
    def citation(self):
        """The citation, "" when none applies."""
        return _s(_r_citation(self._h))

    @property
    def param(self):
        return _s(_r_param(self._h))

    def message(self, lang="zh"):
        return _s(_r_message(self._h, encode(lang)))

    def as_dict(self, lang="zh"):
        """As in the result file: ``{"code", "message", "citation"}`` and
        ``"param"`` when set."""
        d = {"code": self.code, "message": self.message(lang), "citation": self.citation}
        if self.param is not None:
            d["param"] = self.param
        return d

    def __repr__(self):
        return "<libelect.Reason %s>" % self.code


class CandidateResult:
    """One result row of a contest: a listed candidate or a written-in name
    (``elect_outcome_get_candidate_*``). Keeps the outcome alive."""

    __slots__ = ("_outcome", "contest", "index")

    def __init__(self, outcome, contest, index):
        self._outcome, self.contest, self.index = outcome, contest, index

    @property
    def name(self):
        return _s(_o_cand_name(self._outcome.handle, self.contest, self.index))

    @property
    def votes(self):
        return _o_cand_votes(self._outcome.handle, self.contest, self.index)

    @property
    def status(self):
        """``"elected"``, ``"below_threshold"``, ``"outranked"``, ``"tied"``,
        ``"elected_higher_post"``, ``"relative_avoided"``, ``"not_eligible"``;
        ``"void"`` in a round that was not decided (a void round, an
        inconsistent tally sheet), where the C getter returns no
        ::ElectStatus value, as the result file writes it."""
        s = _nick("status", _o_cand_status(self._outcome.handle, self.contest, self.index))
        return "void" if s is None else s

    @property
    def write_in(self):
        """True for a written-in name (另选他人)."""
        return bool(_o_cand_write_in(self._outcome.handle, self.contest, self.index))

    def as_dict(self):
        """As in the result file: ``write_in`` only when true."""
        d = {"name": self.name, "votes": self.votes, "status": self.status}
        if self.write_in:
            d["write_in"] = True
        return d

    def __repr__(self):
        return "<libelect.CandidateResult %s %d %s>" % (self.name, self.votes, self.status)


class ContestResult:
    """The result of one contest of an :class:`Outcome`. ``id``, ``title``
    and ``seats`` come from the paper; the rest from the outcome's getters.
    Keeps the outcome alive."""

    __slots__ = ("_outcome", "index")

    def __init__(self, outcome, index):
        self._outcome, self.index = outcome, index

    @property
    def _o(self):
        return self._outcome.handle

    @property
    def id(self):
        return _s(_paper_contest_id(self._outcome.paper.handle, self.index))

    @property
    def title(self):
        return _s(_paper_contest_title(self._outcome.paper.handle, self.index))

    @property
    def seats(self):
        return _paper_seats(self._outcome.paper.handle, self.index)

    @property
    def threshold(self):
        """The least votes with which a candidate can be elected (§6.2)."""
        return _o_threshold(self._o, self.index)

    @property
    def elected(self):
        """The names elected, by votes descending."""
        return strv(_o_elected(self._o, self.index))

    @property
    def unfilled(self):
        return _o_unfilled(self._o, self.index)

    @property
    def next_action(self):
        """``"none"``, ``"revote"``, ``"supplementary"``, ``"women_seat"``,
        ``"vacant"``, ``"rerun"``, ``"recount"`` or ``"avoidance_vote"``."""
        return _nick("action", _o_next_action(self._o, self.index))

    @property
    def next_seats(self):
        return _o_next_seats(self._o, self.index)

    @property
    def next_candidates(self):
        """The candidates of the next action (the tied, ...)."""
        return strv(_o_next_cands(self._o, self.index))

    @property
    def next(self):
        """As in the result file: ``{"action"}``, plus ``"seats"`` and
        ``"candidates"`` unless the action is ``"none"``."""
        d = {"action": self.next_action}
        if d["action"] != "none":
            d["seats"] = self.next_seats
            d["candidates"] = self.next_candidates
        return d

    @property
    def candidates(self):
        """The result rows: by votes descending, then listed candidates in
        paper order, then written-in names."""
        return [CandidateResult(self._outcome, self.index, i)
                for i in range(_o_n_cands(self._o, self.index))]

    def candidate(self, name):
        """The row of a name (exact), or KeyError."""
        for row in self.candidates:
            if row.name == name:
                return row
        raise KeyError(name)

    def as_dict(self):
        return {"id": self.id, "title": self.title, "seats": self.seats,
                "threshold": self.threshold, "elected": self.elected,
                "unfilled": self.unfilled, "next": self.next,
                "candidates": [row.as_dict() for row in self.candidates]}

    def __repr__(self):
        return "<libelect.ContestResult %s elected=%r next=%s>" % (
            self.id, self.elected, self.next_action)


class Outcome:
    """The immutable result of counting one round (``ElectOutcome``), from
    :meth:`Election.count` or :meth:`Tally.count`."""

    def __init__(self, handle, paper, election=None, tally=None):
        self._h = ctypes.c_void_p(handle)
        self.paper = paper          # the paper counted (contest ids, titles, seats)
        self._election = election   # for to_text()
        self._tally = tally

    def __del__(self):
        h = getattr(self, "_h", None)
        if h:
            _o_unref(h)
            self._h = None

    @property
    def handle(self):
        """The ``ElectOutcome *`` (borrowed)."""
        return self._h

    @property
    def valid(self):
        """False for a void round or an inconsistent tally sheet."""
        return bool(_o_valid(self._h))

    @property
    def round(self):
        return _nick("round", _o_round(self._h))

    @property
    def quorum(self):
        """``{"required": n or None, "actual": n, "met": bool}``."""
        req, act = _i64(), _i64()
        met = _o_quorum(self._h, ctypes.byref(req), ctypes.byref(act))
        return {"required": req.value if req.value >= 0 else None, "actual": act.value,
                "met": bool(met)}

    @property
    def contests(self):
        """A :class:`ContestResult` per contest, in paper order."""
        return [ContestResult(self, c) for c in range(_o_n_contests(self._h))]

    def contest(self, contest):
        """The :class:`ContestResult` of a contest (id or index)."""
        c = _contest(self.paper.handle, contest)
        if c >= _o_n_contests(self._h):
            raise IndexError(contest)
        return ContestResult(self, c)

    def threshold(self, contest):
        return self.contest(contest).threshold

    def elected(self, contest):
        return self.contest(contest).elected

    @property
    def reasons(self):
        """Every decision's :class:`Reason`, in order."""
        return [Reason._borrow(_o_reason(self._h, i), self)
                for i in range(_o_n_reasons(self._h))]

    def has_reason(self, code):
        return bool(_o_has_reason(self._h, code.encode("utf-8")))

    def as_dict(self, lang="zh"):
        """The outcome's getters as a dict of the result file's schema
        (FORMATS.md §2): ``valid``, ``round``, ``quorum``, ``contests``
        (``id``, ``title``, ``seats``, ``threshold``, ``elected``,
        ``unfilled``, ``next``, ``candidates``) and ``reasons``. The members
        :meth:`to_json` takes from the tally and the turnout (ballot counts,
        abstentions, ``ballot_defects``) are not in it."""
        return {"valid": self.valid, "round": self.round, "quorum": self.quorum,
                "contests": [c.as_dict() for c in self.contests],
                "reasons": [r.as_dict(lang) for r in self.reasons]}

    def to_json(self, lang="zh"):
        """The result document (FORMATS.md §2) as a ``dict``."""
        return json.loads(take_string(_o_to_json(self._h, encode(lang))))

    def to_text(self, lang="zh"):
        """The announcement (选举结果公告) as text. Only for an outcome of
        :meth:`Election.count` (the C function takes the election)."""
        if self._election is None:
            raise ValueError("to_text() needs the Election the outcome was counted from")
        return take_string(_to_text(self._h, self._election.handle, encode(lang)))


def count(election, lang="zh"):
    """Counts one round: the result (FORMATS.md §2) as a ``dict``.

    ``election`` is a ``dict`` (FORMATS.md §1), a path (``str`` or
    ``Path``) or JSON text; ``lang`` the language of reason messages
    (``"zh"`` or ``"en"``). Raises :class:`libelect.ElectError` on malformed
    input."""
    return Election(election).count().to_json(lang)


def announce(election, lang="zh"):
    """The announcement a township posts (选举结果公告) as text."""
    e = Election(election)
    return e.count().to_text(lang)
