# SPDX-License-Identifier: LGPL-2.1-or-later
"""Integrity: the ballot-entry journal, double entry, digests and signatures
(elect-journal.h, elect-audit.h).

    >>> import libelect
    >>> j = libelect.Journal.create("desk.journal", "template.json", label="城关镇第3计票站")
    >>> j.append({"chair": ["王一"], "member": ["张三", {"write_in": "孙九"}]})
    >>> j.append({"chair": ["王一"]}, entry="first", batch=7)
    >>> j.append({"chair": ["李二"]}, entry="second", batch=7)
    >>> j.accept(7)            # the differences, or [] when accepted
    [{'place': 'ballots[0].chair', 'first': '["王一"]', 'second': '["李二"]'}]
    >>> election_text = j.export()

A ballot is a ``dict`` as in an election file (FORMATS.md §1): a contest
id maps to the names marked (a listed name is a mark, any other name or
``{"write_in": NAME}`` a write-in; on Party papers, an object with ``for``,
``against``, ``abstain`` and ``write_in``), ``{"spoiled": True}`` is an
unreadable paper. A tally sheet is the ``totals`` ``dict`` of an election
file (``ballots_returned``, ``ballots_invalid``, ``votes``).

``digest_election(election)`` is the canonical digest of an election's inputs;
``digest_result(text)`` of a result file. :class:`SigningKey` and
:class:`VerifyKey` hold Ed25519 keys (libsodium); ``sign_result``,
``verify_result``, ``sign_election`` and ``verify_election`` sign and
verify results and tally sheets. Failures raise
:class:`libelect.ElectError`.
"""
import ctypes
import os

from ._lib import declare, encode, glib, new_error, raise_error, strv, take_string
from .count import Election

_vp = ctypes.c_void_p
_cp = ctypes.c_char_p

_j_create = declare("elect_journal_create", _vp, _cp, _vp, _cp, _vp)
_j_open = declare("elect_journal_open", _vp, _cp, _vp, _vp)
_j_open_ro = declare("elect_journal_open_read_only", _vp, _cp, _vp, _vp)
_j_free = declare("elect_journal_free", None, _vp)
_j_set_sync = declare("elect_journal_set_sync", None, _vp, ctypes.c_int)
_j_append_ballot = declare("elect_journal_append_ballot", ctypes.c_int, _vp, ctypes.c_int,
                           ctypes.c_uint32, _vp, _vp)
_j_append_sheet = declare("elect_journal_append_sheet", ctypes.c_int, _vp, ctypes.c_int,
                          ctypes.c_uint32, _vp, _vp)
_j_sync = declare("elect_journal_sync", ctypes.c_int, _vp, _vp)
_j_compare = declare("elect_journal_compare_batch", _vp, _vp, ctypes.c_uint32, _vp)
_j_accept = declare("elect_journal_accept_batch", _vp, _vp, ctypes.c_uint32, _vp)
_j_discard = declare("elect_journal_discard_entry", ctypes.c_int, _vp, ctypes.c_uint32,
                     ctypes.c_int, _vp)
_j_n_records = declare("elect_journal_get_n_records", ctypes.c_uint, _vp)
_j_n_counted = declare("elect_journal_get_n_counted", ctypes.c_uint, _vp)
_j_n_pending = declare("elect_journal_get_n_pending", ctypes.c_uint, _vp)
_j_pending = declare("elect_journal_get_pending", ctypes.c_uint32, _vp, ctypes.c_uint)
_j_head = declare("elect_journal_get_head", _cp, _vp)
_j_label = declare("elect_journal_get_label", _cp, _vp)
_j_recovery = declare("elect_journal_get_recovery", _cp, _vp)
_j_export = declare("elect_journal_export", _vp, _vp, _cp, _vp)

_d_free = declare("elect_entry_diff_free", None, _vp)
_d_n = declare("elect_entry_diff_get_n_items", ctypes.c_uint, _vp)
_d_place = declare("elect_entry_diff_get_place", _cp, _vp, ctypes.c_uint)
_d_first = declare("elect_entry_diff_get_first", _cp, _vp, ctypes.c_uint)
_d_second = declare("elect_entry_diff_get_second", _cp, _vp, ctypes.c_uint)

_paper_find_contest = declare("elect_paper_find_contest", ctypes.c_int, _vp, _cp, ctypes.c_ssize_t)
_paper_find_cand = declare("elect_paper_find_candidate", ctypes.c_int, _vp, ctypes.c_uint, _cp,
                           ctypes.c_ssize_t)
_get_paper = declare("elect_election_get_paper", _vp, _vp)
_get_rules = declare("elect_election_get_rules", _vp, _vp)
_b_new = declare("elect_ballot_new", _vp, _vp)
_b_free = declare("elect_ballot_free", None, _vp)
_b_mark = declare("elect_ballot_mark", None, _vp, ctypes.c_uint, ctypes.c_uint)
_b_mark_party = declare("elect_ballot_mark_party", None, _vp, ctypes.c_uint, ctypes.c_uint,
                        ctypes.c_int)
_b_write_in = declare("elect_ballot_write_in", None, _vp, ctypes.c_uint, _cp, ctypes.c_ssize_t)
_b_write_in_line = declare("elect_ballot_write_in_on_line", None, _vp, ctypes.c_uint,
                           ctypes.c_uint, _cp, ctypes.c_ssize_t)
_b_unreadable = declare("elect_ballot_set_unreadable", None, _vp)
_t_new = declare("elect_tally_new", _vp, _vp, _vp, _vp)
_t_unref = declare("elect_tally_unref", None, _vp)
_t_set_sheet = declare("elect_tally_set_sheet", ctypes.c_int, _vp, ctypes.c_int64, ctypes.c_int64,
                       _vp)
_t_set_votes = declare("elect_tally_set_sheet_votes", ctypes.c_int, _vp, ctypes.c_uint,
                       ctypes.c_uint, ctypes.c_int64, _vp)
_t_set_wi = declare("elect_tally_set_sheet_write_in", ctypes.c_int, _vp, ctypes.c_uint, _cp,
                    ctypes.c_ssize_t, ctypes.c_int64, _vp)

_a_digest_election = declare("elect_audit_digest_election", _vp, _vp)
_a_canonical = declare("elect_audit_canonical_election", _vp, _vp)
_a_digest_paper = declare("elect_audit_digest_paper", _vp, _vp)
_a_digest_result = declare("elect_audit_digest_result", _vp, _cp, ctypes.c_ssize_t, _vp)
_a_sign_result = declare("elect_audit_sign_result", _vp, _cp, ctypes.c_ssize_t, _cp, _vp, _vp)
_a_verify_result = declare("elect_audit_verify_result", ctypes.c_int, _cp, ctypes.c_ssize_t, _vp,
                           _vp, ctypes.c_size_t, _vp, _vp)
_a_sign_election = declare("elect_audit_sign_election", _vp, _vp, _cp, ctypes.c_ssize_t, _vp, _vp)
_a_verify_election = declare("elect_audit_verify_election", ctypes.c_int, _vp, _cp,
                             ctypes.c_ssize_t, _vp, ctypes.c_size_t, _vp, _vp)

_sk_generate = declare("elect_signing_key_generate", _vp, _cp, _vp)
_sk_load = declare("elect_signing_key_load", _vp, _cp, _vp)
_sk_save = declare("elect_signing_key_save", ctypes.c_int, _vp, _cp, _vp)
_sk_free = declare("elect_signing_key_free", None, _vp)
_sk_id = declare("elect_signing_key_get_key_id", _cp, _vp)
_sk_label = declare("elect_signing_key_get_label", _cp, _vp)
_sk_verify_key = declare("elect_signing_key_get_verify_key", _vp, _vp)
_vk_load = declare("elect_verify_key_load", _vp, _cp, _vp)
_vk_load_data = declare("elect_verify_key_load_from_data", _vp, _cp, ctypes.c_ssize_t, _cp, _vp)
_vk_save = declare("elect_verify_key_save", ctypes.c_int, _vp, _cp, _vp)
_vk_text = declare("elect_verify_key_to_text", _vp, _vp)
_vk_free = declare("elect_verify_key_free", None, _vp)
_vk_id = declare("elect_verify_key_get_key_id", _cp, _vp)
_vk_label = declare("elect_verify_key_get_label", _cp, _vp)

_ENTRIES = {"single": 0, "first": 1, "second": 2}
_MARKS = {"for": 1, "against": 2, "abstain": 3}


def _entry(entry):
    try:
        return _ENTRIES[entry]
    except KeyError:
        raise ValueError("entry: 'single', 'first' or 'second', not %r" % (entry,))


def _diff_list(h):
    """The differences of an ``ElectEntryDiff *`` (freed)."""
    try:
        out = []
        for i in range(_d_n(h)):
            first, second = _d_first(h, i), _d_second(h, i)
            out.append({"place": _d_place(h, i).decode("utf-8"),
                        "first": first.decode("utf-8") if first is not None else None,
                        "second": second.decode("utf-8") if second is not None else None})
        return out
    finally:
        _d_free(h)


class Journal:
    """A ballot-entry journal (``ElectJournal``), bound to the paper of an
    election template (an election file with ``"ballots": []``)."""

    def __init__(self, handle, template):
        self._h = ctypes.c_void_p(handle)
        self._template = template

    @classmethod
    def create(cls, path, template, label=None, sync="entry"):
        """A new journal at ``path`` for the paper of ``template`` (a path)."""
        t = Election(template)
        err = new_error()
        h = _j_create(encode(path), _get_paper(t.handle), encode(label), ctypes.byref(err))
        if not h:
            raise_error(err)
        j = cls(h, t)
        j._path = os.fspath(template)
        j.sync_mode = sync
        return j

    @classmethod
    def open(cls, path, template, read_only=False, sync="entry"):
        """Reopens a journal (recovering a torn end unless ``read_only``)."""
        t = Election(template)
        err = new_error()
        fn = _j_open_ro if read_only else _j_open
        h = fn(encode(path), _get_paper(t.handle), ctypes.byref(err))
        if not h:
            raise_error(err)
        j = cls(h, t)
        j._path = os.fspath(template)
        if not read_only:
            j.sync_mode = sync
        return j

    def __del__(self):
        h = getattr(self, "_h", None)
        if h:
            _j_free(h)
            self._h = None

    def close(self):
        """Closes the file (a final sync first)."""
        if self._h:
            self.sync()
            _j_free(self._h)
            self._h = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def sync_mode(self):
        return self._sync

    @sync_mode.setter
    def sync_mode(self, mode):
        if mode not in ("entry", "batch"):
            raise ValueError("sync: 'entry' or 'batch'")
        self._sync = mode
        _j_set_sync(self._h, 1 if mode == "entry" else 2)

    def _ballot(self, ballot):
        paper = _get_paper(self._template.handle)
        b = _b_new(paper)
        try:
            for key, value in ballot.items():
                if key == "spoiled":
                    if value:
                        _b_unreadable(b)
                    continue
                c = _paper_find_contest(paper, encode(key), -1)
                if c < 0:
                    raise KeyError("not a contest of the paper: %s" % key)
                if isinstance(value, dict):
                    for mark, m in _MARKS.items():
                        for name in value.get(mark, []):
                            k = _paper_find_cand(paper, c, encode(name), -1)
                            if k >= 0:
                                _b_mark_party(b, c, k, m)
                            elif mark == "for":
                                _b_write_in(b, c, encode(name), -1)
                            else:
                                raise KeyError("not a candidate of %s: %s" % (key, name))
                    for line, name in value.get("write_in", {}).items():
                        k = _paper_find_cand(paper, c, encode(line), -1)
                        if k < 0:
                            raise KeyError("not a candidate of %s: %s" % (key, line))
                        _b_write_in_line(b, c, k, encode(name), -1)
                    continue
                for item in value:
                    if isinstance(item, dict):
                        _b_write_in(b, c, encode(item["write_in"]), -1)
                        continue
                    k = _paper_find_cand(paper, c, encode(item), -1)
                    if k >= 0:
                        _b_mark(b, c, k)
                    else:
                        _b_write_in(b, c, encode(item), -1)
            return b
        except Exception:
            _b_free(b)
            raise

    def append(self, ballot, entry="single", batch=0):
        """Appends a ballot (a ``dict``); acknowledged on disk when it returns
        in ``"entry"`` sync mode."""
        b = self._ballot(ballot)
        try:
            err = new_error()
            if not _j_append_ballot(self._h, _entry(entry), batch, b, ctypes.byref(err)):
                raise_error(err)
        finally:
            _b_free(b)

    def append_sheet(self, totals, entry="single", batch=0):
        """Appends a tally sheet's ``totals`` (``ballots_returned``,
        ``ballots_invalid``, ``votes``)."""
        err = new_error()
        paper = _get_paper(self._template.handle)
        t = _t_new(_get_rules(self._template.handle), paper, ctypes.byref(err))
        if not t:
            raise_error(err)
        try:
            if not _t_set_sheet(t, totals["ballots_returned"], totals["ballots_invalid"],
                                ctypes.byref(err)):
                raise_error(err)
            for cid, votes in totals.get("votes", {}).items():
                c = _paper_find_contest(paper, encode(cid), -1)
                if c < 0:
                    raise KeyError("not a contest of the paper: %s" % cid)
                for name, v in votes.items():
                    k = _paper_find_cand(paper, c, encode(name), -1)
                    ok = (_t_set_votes(t, c, k, v, ctypes.byref(err)) if k >= 0
                          else _t_set_wi(t, c, encode(name), -1, v, ctypes.byref(err)))
                    if not ok:
                        raise_error(err)
            if not _j_append_sheet(self._h, _entry(entry), batch, t, ctypes.byref(err)):
                raise_error(err)
        finally:
            _t_unref(t)

    def sync(self):
        err = new_error()
        if not _j_sync(self._h, ctypes.byref(err)):
            raise_error(err)

    def compare(self, batch):
        """The differences between the two entries of ``batch``: a list of
        ``{"place", "first", "second"}`` (JSON text, or None where an entry
        has nothing); ``[]`` when they agree."""
        err = new_error()
        h = _j_compare(self._h, batch, ctypes.byref(err))
        if not h:
            raise_error(err)
        return _diff_list(h)

    def accept(self, batch):
        """Accepts ``batch`` when its two entries agree (returns ``[]``);
        otherwise returns the differences and counts nothing."""
        err = new_error()
        h = _j_accept(self._h, batch, ctypes.byref(err))
        if not h:
            raise_error(err)
        return _diff_list(h)

    def discard(self, batch, entry):
        """Discards the ``"first"`` or ``"second"`` entry of ``batch``."""
        err = new_error()
        if not _j_discard(self._h, batch, _entry(entry), ctypes.byref(err)):
            raise_error(err)

    @property
    def n_records(self):
        return _j_n_records(self._h)

    @property
    def n_counted(self):
        return _j_n_counted(self._h)

    @property
    def pending(self):
        """The batches not accepted yet."""
        return [_j_pending(self._h, i) for i in range(_j_n_pending(self._h))]

    @property
    def head(self):
        """The head digest (``sha256:…``)."""
        return _j_head(self._h).decode("ascii")

    @property
    def label(self):
        v = _j_label(self._h)
        return v.decode("utf-8") if v is not None else None

    @property
    def recovery(self):
        """What opening recovered from (a torn last record), or None."""
        v = _j_recovery(self._h)
        return v.decode("utf-8") if v is not None else None

    def export(self):
        """The election file (FORMATS.md §1) of the counted entries, as text."""
        err = new_error()
        p = _j_export(self._h, encode(self._path), ctypes.byref(err))
        if not p:
            raise_error(err)
        return take_string(p)


class VerifyKey:
    """An Ed25519 verify (public) key (``ElectVerifyKey``)."""

    def __init__(self, handle):
        self._h = ctypes.c_void_p(handle)

    @classmethod
    def load(cls, path):
        err = new_error()
        h = _vk_load(encode(path), ctypes.byref(err))
        if not h:
            raise_error(err)
        return cls(h)

    @classmethod
    def from_text(cls, text):
        data = text.encode("utf-8")
        err = new_error()
        h = _vk_load_data(data, len(data), b"<text>", ctypes.byref(err))
        if not h:
            raise_error(err)
        return cls(h)

    def __del__(self):
        h = getattr(self, "_h", None)
        if h:
            _vk_free(h)
            self._h = None

    def save(self, path):
        err = new_error()
        if not _vk_save(self._h, encode(path), ctypes.byref(err)):
            raise_error(err)

    @property
    def key_id(self):
        return _vk_id(self._h).decode("ascii")

    @property
    def label(self):
        return _vk_label(self._h).decode("utf-8")

    def __str__(self):
        return take_string(_vk_text(self._h))


class SigningKey:
    """An Ed25519 signing (secret) key (``ElectSigningKey``); never printed."""

    def __init__(self, handle):
        self._h = ctypes.c_void_p(handle)

    @classmethod
    def generate(cls, label):
        err = new_error()
        h = _sk_generate(encode(label), ctypes.byref(err))
        if not h:
            raise_error(err)
        return cls(h)

    @classmethod
    def load(cls, path):
        """Loads a secret key file (mode 0600)."""
        err = new_error()
        h = _sk_load(encode(path), ctypes.byref(err))
        if not h:
            raise_error(err)
        return cls(h)

    def __del__(self):
        h = getattr(self, "_h", None)
        if h:
            _sk_free(h)
            self._h = None

    def __repr__(self):
        return "<SigningKey %s %s>" % (self.key_id, self.label)

    def save(self, path):
        """Writes the secret key file (mode 0600; it must not exist)."""
        err = new_error()
        if not _sk_save(self._h, encode(path), ctypes.byref(err)):
            raise_error(err)

    @property
    def key_id(self):
        return _sk_id(self._h).decode("ascii")

    @property
    def label(self):
        return _sk_label(self._h).decode("utf-8")

    @property
    def verify_key(self):
        return VerifyKey(_sk_verify_key(self._h))


def _election(e):
    return e if isinstance(e, Election) else Election(e)


def digest_election(election):
    """The canonical digest of an election's inputs (``sha256:…``)."""
    e = _election(election)
    return take_string(_a_digest_election(e.handle))


def canonical_election(election):
    """The canonical JSON text the digest of the inputs is computed over."""
    e = _election(election)
    return take_string(_a_canonical(e.handle))


def digest_result(result_text):
    """The canonical digest of a result file's text (its ``audit`` aside)."""
    data = result_text.encode("utf-8") if isinstance(result_text, str) else result_text
    err = new_error()
    p = _a_digest_result(data, len(data), ctypes.byref(err))
    if not p:
        raise_error(err)
    return take_string(p)


def _trusted(keys):
    keys = list(keys or [])
    arr = (_vp * max(1, len(keys)))(*[k._h for k in keys])
    return arr, len(keys)


def _signers(pp):
    out = strv(ctypes.cast(pp, ctypes.POINTER(_cp)))
    glib.g_strfreev(pp)
    return out


def sign_result(result_text, key, election=None):
    """Signs a result file's text with a :class:`SigningKey` (binding it to
    ``election``'s inputs when given); returns the signed text."""
    data = result_text.encode("utf-8") if isinstance(result_text, str) else result_text
    inputs = digest_election(election).encode("ascii") if election is not None else None
    err = new_error()
    p = _a_sign_result(data, len(data), inputs, key._h, ctypes.byref(err))
    if not p:
        raise_error(err)
    return take_string(p)


def verify_result(signed_text, keys=None, election=None):
    """Verifies a signed result; returns the key ids of its signers."""
    data = signed_text.encode("utf-8") if isinstance(signed_text, str) else signed_text
    arr, n = _trusted(keys)
    e = _election(election) if election is not None else None
    out = _vp()
    err = new_error()
    if not _a_verify_result(data, len(data), e.handle if e else None, arr, n,
                            ctypes.byref(out), ctypes.byref(err)):
        raise_error(err)
    return _signers(out)


def sign_election(election, key, signature_text=None):
    """A detached signature of an election file (a tally sheet), or one
    more signature added to ``signature_text``."""
    e = _election(election)
    data = signature_text.encode("utf-8") if signature_text is not None else None
    err = new_error()
    p = _a_sign_election(e.handle, data, len(data) if data is not None else -1, key._h,
                         ctypes.byref(err))
    if not p:
        raise_error(err)
    return take_string(p)


def verify_election(election, signature_text, keys=None):
    """Verifies a detached signature; returns the key ids of its signers."""
    e = _election(election)
    data = signature_text.encode("utf-8")
    arr, n = _trusted(keys)
    out = _vp()
    err = new_error()
    if not _a_verify_election(e.handle, data, len(data), arr, n, ctypes.byref(out),
                              ctypes.byref(err)):
        raise_error(err)
    return _signers(out)
