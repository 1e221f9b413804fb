# SPDX-License-Identifier: LGPL-2.1-or-later
"""Counting one round of an election (elect-election.h, elect-count.h).

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

:class:`Election` gives object access: its :class:`Paper` (contests, seats,
candidates), :class:`Tally` (ballots, votes, abstentions, write-ins, defect
counts) and :meth:`Election.count` → :class:`Outcome` (validity, thresholds,
statuses, next actions, reasons, ``to_json()``, ``to_text()``).
"""
import ctypes
import json
import os

from ._lib import declare, encode, new_error, raise_error, strv, take_string

c_char_pp = ctypes.POINTER(ctypes.c_char_p)
_vp = ctypes.c_void_p

_read_file = declare("elect_election_read_file", _vp, ctypes.c_char_p, _vp)
_read_data = declare("elect_election_read_data", _vp, ctypes.c_char_p, ctypes.c_ssize_t,
                     ctypes.c_char_p, ctypes.c_char_p, _vp)
_unref = declare("elect_election_unref", None, _vp)
_get_paper = declare("elect_election_get_paper", _vp, _vp)
_get_tally = declare("elect_election_get_tally", _vp, _vp)
_get_turnout = declare("elect_election_get_turnout", _vp, _vp)
_get_title = declare("elect_election_get_title", ctypes.c_char_p, _vp)
_get_date = declare("elect_election_get_date", ctypes.c_char_p, _vp)
_get_n_ballots = declare("elect_election_get_n_ballots", ctypes.c_int64, _vp)
_count = declare("elect_election_count", _vp, _vp, _vp)
_to_text = declare("elect_outcome_to_text", _vp, _vp, _vp, ctypes.c_char_p)

_paper_n_contests = declare("elect_paper_get_n_contests", ctypes.c_uint, _vp)
_paper_contest_id = declare("elect_paper_get_contest_id", ctypes.c_char_p, _vp, ctypes.c_uint)
_paper_contest_title = declare("elect_paper_get_contest_title", ctypes.c_char_p, _vp, ctypes.c_uint)
_paper_seats = declare("elect_paper_get_seats", ctypes.c_int64, _vp, ctypes.c_uint)
_paper_women_only = declare("elect_paper_is_women_only", ctypes.c_int, _vp, ctypes.c_uint)
_paper_n_cands = declare("elect_paper_get_n_candidates", ctypes.c_uint, _vp, ctypes.c_uint)
_paper_cand_name = declare("elect_paper_get_candidate_name", ctypes.c_char_p, _vp, ctypes.c_uint,
                           ctypes.c_uint)
_paper_party = declare("elect_paper_has_party_marks", ctypes.c_int, _vp)

_t_returned = declare("elect_tally_get_ballots_returned", ctypes.c_int64, _vp)
_t_valid = declare("elect_tally_get_ballots_valid", ctypes.c_int64, _vp)
_t_invalid = declare("elect_tally_get_ballots_invalid", ctypes.c_int64, _vp)
_t_is_sheet = declare("elect_tally_is_sheet", ctypes.c_int, _vp)
_t_votes = declare("elect_tally_get_votes", ctypes.c_int64, _vp, ctypes.c_uint, ctypes.c_uint)
_t_against = declare("elect_tally_get_votes_against", ctypes.c_int64, _vp, ctypes.c_uint,
                     ctypes.c_uint)
_t_abst = declare("elect_tally_get_abstentions", ctypes.c_int64, _vp, ctypes.c_uint)
_t_n_wi = declare("elect_tally_get_n_write_ins", ctypes.c_uint, _vp, ctypes.c_uint)
_t_wi_name = declare("elect_tally_get_write_in_name", ctypes.c_char_p, _vp, ctypes.c_uint,
                     ctypes.c_uint)
_t_wi_votes = declare("elect_tally_get_write_in_votes", ctypes.c_int64, _vp, ctypes.c_uint,
                      ctypes.c_uint)
_t_codes = declare("elect_tally_list_defect_codes", c_char_pp)
_t_defect = declare("elect_tally_get_defect_count", ctypes.c_int64, _vp, ctypes.c_char_p)

_to_electorate = declare("elect_turnout_get_electorate", ctypes.c_int64, _vp)
_to_issued = declare("elect_turnout_get_issued", ctypes.c_int64, _vp)
_to_present = declare("elect_turnout_get_present", ctypes.c_int64, _vp)

_o_unref = declare("elect_outcome_unref", None, _vp)
_o_valid = declare("elect_outcome_is_valid", ctypes.c_int, _vp)
_o_n_contests = declare("elect_outcome_get_n_contests", ctypes.c_uint, _vp)
_o_threshold = declare("elect_outcome_get_threshold", ctypes.c_int64, _vp, ctypes.c_uint)
_o_elected = declare("elect_outcome_get_elected", c_char_pp, _vp, ctypes.c_uint)
_o_has_reason = declare("elect_outcome_has_reason", ctypes.c_int, _vp, ctypes.c_char_p)
_o_to_json = declare("elect_outcome_to_json", _vp, _vp, ctypes.c_char_p)

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
        t = _get_title(self._h)
        return t.decode("utf-8") if t is not None else None

    @property
    def date(self):
        d = _get_date(self._h)
        return d.decode("utf-8") if d is not None else None

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
    def paper(self):
        return Paper(self)

    @property
    def tally(self):
        return Tally(self)

    def count(self):
        """Counts the round: an :class:`Outcome`."""
        err = new_error()
        h = _count(self._h, ctypes.byref(err))
        if not h:
            raise_error(err)
        return Outcome(h, self)


class Paper:
    """The ballot paper of an election (``ElectPaper``, borrowed)."""

    def __init__(self, election):
        self._election = election
        self._h = _get_paper(election.handle)

    @property
    def party_marks(self):
        """True on a Party paper (for / against / abstain)."""
        return bool(_paper_party(self._h))

    @property
    def contests(self):
        """A list of ``{"id", "title", "seats", "women_only", "candidates"}``."""
        out = []
        for c in range(_paper_n_contests(self._h)):
            out.append({
                "id": _paper_contest_id(self._h, c).decode("utf-8"),
                "title": _paper_contest_title(self._h, c).decode("utf-8"),
                "seats": _paper_seats(self._h, c),
                "women_only": bool(_paper_women_only(self._h, c)),
                "candidates": [_paper_cand_name(self._h, c, k).decode("utf-8")
                               for k in range(_paper_n_cands(self._h, c))],
            })
        return out

    def contest_index(self, contest_id):
        for i, c in enumerate(self.contests):
            if c["id"] == contest_id:
                return i
        raise KeyError(contest_id)


class Tally:
    """The tally of an election (``ElectTally``, borrowed)."""

    def __init__(self, election):
        self._election = election
        self._h = _get_tally(election.handle)
        self._paper = Paper(election)

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

    def votes(self, contest_id):
        """``{name: votes}`` of the listed candidates and the write-ins."""
        c = self._paper.contest_index(contest_id)
        names = self._paper.contests[c]["candidates"]
        out = {n: _t_votes(self._h, c, k) for k, n in enumerate(names)}
        for i in range(_t_n_wi(self._h, c)):
            out[_t_wi_name(self._h, c, i).decode("utf-8")] = _t_wi_votes(self._h, c, i)
        return out

    def votes_against(self, contest_id):
        """``{name: votes against}`` (Party papers)."""
        c = self._paper.contest_index(contest_id)
        names = self._paper.contests[c]["candidates"]
        return {n: _t_against(self._h, c, k) for k, n in enumerate(names)}

    def abstentions(self, contest_id):
        return _t_abst(self._h, self._paper.contest_index(contest_id))

    @property
    def defects(self):
        """``{defect code: count}`` of the defects that occurred."""
        out = {}
        for code in strv(_t_codes()):
            n = _t_defect(self._h, code.encode("utf-8"))
            if n:
                out[code] = n
        return out


class Outcome:
    """The immutable result of counting one round (``ElectOutcome``)."""

    def __init__(self, handle, election):
        self._h = ctypes.c_void_p(handle)
        self._election = election

    def __del__(self):
        h = getattr(self, "_h", None)
        if h:
            _o_unref(h)
            self._h = None

    @property
    def valid(self):
        return bool(_o_valid(self._h))

    def threshold(self, contest_id):
        return _o_threshold(self._h, self._election.paper.contest_index(contest_id))

    def elected(self, contest_id):
        return strv(_o_elected(self._h, self._election.paper.contest_index(contest_id)))

    def has_reason(self, code):
        return bool(_o_has_reason(self._h, code.encode("utf-8")))

    def to_json(self, lang="zh"):
        """The result document (FORMATS.md §2) as a ``dict``."""
        return json.loads(take_string(_o_to_json(self._h, encode(lang))))

    def to_text(self, lang="zh"):
        """The announcement (选举结果公告) as text."""
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
