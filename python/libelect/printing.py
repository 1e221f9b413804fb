# SPDX-License-Identifier: LGPL-2.1-or-later
"""Printable documents (libelect-print, elect-print.h): the ballot paper,
the public roll, the official candidate list and the result announcement,
as PDF or SVG.

    >>> import libelect.printing as lp
    >>> lp.ballot("examples/data/village-2026/election.json", "ballot.pdf")
    1

Every function writes one file and returns its number of pages. Layout
options are keyword arguments (``format="svg"``, ``lang="en"``,
``title=...``, ``date="2026-12-20"``, ``issuer=...``, ``order="given"``, ...;
:func:`option_keys` lists them); an unknown one raises
:class:`libelect.ElectError` with code ``"unknown-key"``, and nothing is
written when anything fails.

libelect-print is an optional library (meson option ``print``): this module
is not imported by ``import libelect``; :func:`available` says whether it
can be loaded. It is found at the path in ``LIBELECT_PRINT_LIBRARY``, or
beside the libelect the package loaded: ``lib/print/`` of the same build
tree, or the installed soname ``libelect-print.so.1`` when libelect is the
installed one.
"""
import ctypes
import datetime
import json
import os

from . import _lib
from ._lib import encode, new_error, raise_error
from .count import Election, Outcome
from .roll import Roll

SONAME = "libelect-print.so.1"
_vp = ctypes.c_void_p
_uint_p = ctypes.POINTER(ctypes.c_uint)


def _candidates():
    env = os.environ.get("LIBELECT_PRINT_LIBRARY")
    if env:
        yield env
        return
    # Beside the libelect the package loaded (a build tree: lib/print/), or,
    # for an installed libelect, the installed soname: never a mix of two
    # builds.
    main = getattr(_lib.lib, "_name", None) or ""
    if os.sep in main:
        yield os.path.join(os.path.dirname(os.path.realpath(main)), "print", SONAME)
        yield os.path.join(os.path.dirname(main), "print", SONAME)
    else:
        yield SONAME


def _load():
    errors = []
    for path in _candidates():
        try:
            return ctypes.CDLL(path)
        except OSError as e:
            errors.append("%s: %s" % (path, e))
    return None


_plib = _load()


def available():
    """Whether libelect-print could be loaded."""
    return _plib is not None


def _require():
    if _plib is None:
        raise ImportError("libelect-print (%s) is not available: build libelect with "
                          "-Dprint=enabled (Debian: libpango1.0-dev, libcairo2-dev)" % SONAME)


def _declare(name, restype, *argtypes):
    fn = getattr(_plib, name)
    fn.restype = restype
    fn.argtypes = list(argtypes)
    return fn


if _plib is not None:
    _opts_new = _declare("elect_print_options_new", _vp)
    _opts_free = _declare("elect_print_options_free", None, _vp)
    _opts_set = _declare("elect_print_options_set", ctypes.c_int, _vp, ctypes.c_char_p,
                         ctypes.c_char_p, _vp)
    _opts_keys = _declare("elect_print_options_list_keys", ctypes.POINTER(ctypes.c_char_p))
    _check_fonts = _declare("elect_print_check_fonts", ctypes.c_int, _vp, _vp)
    _ballot = _declare("elect_print_ballot", ctypes.c_int, _vp, _vp, _vp, ctypes.c_char_p,
                       _uint_p, _vp)
    _cands = _declare("elect_print_candidates", ctypes.c_int, _vp, _vp, _vp, ctypes.c_char_p,
                      _uint_p, _vp)
    _cands_json = _declare("elect_print_candidates_from_json", ctypes.c_int, ctypes.c_char_p,
                           ctypes.c_ssize_t, _vp, ctypes.c_char_p, _uint_p, _vp)
    _roll = _declare("elect_print_roll", ctypes.c_int, _vp, _vp, ctypes.c_char_p, _uint_p, _vp)
    _result = _declare("elect_print_result", ctypes.c_int, _vp, _vp, ctypes.c_char_p, _uint_p, _vp)
    _result_json = _declare("elect_print_result_from_json", ctypes.c_int, ctypes.c_char_p,
                            ctypes.c_ssize_t, _vp, ctypes.c_char_p, _uint_p, _vp)

_get_rules = _lib.declare("elect_election_get_rules", _vp, _vp)
_get_paper = _lib.declare("elect_election_get_paper", _vp, _vp)
_use_strokes = _lib.declare("elect_roll_use_stroke_order", ctypes.c_int, _vp, _vp)
_roll_rules = _lib.declare("elect_roll_get_rules", _vp, _vp)
_policy = _lib.declare("elect_rules_get_policy", ctypes.c_char_p, _vp, ctypes.c_char_p, _vp)


def option_keys():
    """The names of the layout options."""
    _require()
    return _lib.strv(_opts_keys())


class _Options:
    """An ``ElectPrintOptions`` built from keyword arguments."""

    def __init__(self, options, defaults=None):
        _require()
        self._h = _vp(_opts_new())
        merged = dict(defaults or {})
        merged.update({k: v for k, v in options.items() if v is not None})
        for key, value in merged.items():
            if isinstance(value, (datetime.date,)):
                value = value.isoformat()
            err = new_error()
            if not _opts_set(self._h, encode(key), encode(str(value)), ctypes.byref(err)):
                raise_error(err)

    def __del__(self):
        h = getattr(self, "_h", None)
        if h:
            _opts_free(h)
            self._h = None


def _call(fn, *args):
    pages = ctypes.c_uint(0)
    err = new_error()
    if not fn(*args, ctypes.byref(pages), ctypes.byref(err)):
        raise_error(err)
    return pages.value


def _election(election):
    return election if isinstance(election, Election) else Election(election)


def _election_defaults(e):
    return {"title": e.title, "date": e.date}


def check_fonts(**options):
    """Raises :class:`libelect.ElectError` (``"not-found"``) unless an
    installed font can show Chinese."""
    o = _Options(options)
    err = new_error()
    if not _check_fonts(o._h, ctypes.byref(err)):
        raise_error(err)


def ballot(election, output, **options):
    """Prints the ballot paper of an election (an :class:`Election`, a path,
    JSON text or a ``dict``); the title and the date default to the
    election's."""
    e = _election(election)
    o = _Options(options, _election_defaults(e))
    return _call(_ballot, _get_rules(e.handle), _get_paper(e.handle), o._h, encode(output))


def _is_election(doc):
    return isinstance(doc, dict) and doc.get("format") == "libelect.election/1"


def candidates(source, output, **options):
    """Prints the official candidate list, from an election (its paper's
    candidates: an :class:`Election`, or a path, JSON text or ``dict`` of an
    election file) or from the output of ``elect-slate`` (a path, JSON text
    or ``dict`` of ``libelect.slate/1``)."""
    doc = None
    if isinstance(source, Election):
        e = source
    else:
        if isinstance(source, dict):
            doc = source
        elif isinstance(source, (bytes, bytearray)):
            doc = json.loads(source.decode("utf-8"))
        elif isinstance(source, str) and source.lstrip().startswith("{"):
            doc = json.loads(source)
        else:
            with open(source, encoding="utf-8") as f:
                doc = json.load(f)
        e = Election(source) if _is_election(doc) else None
    if e is not None:
        o = _Options(options, _election_defaults(e))
        return _call(_cands, _get_rules(e.handle), _get_paper(e.handle), o._h, encode(output))
    data = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    o = _Options(options)
    return _call(_cands_json, data, len(data), o._h, encode(output))


def roll(roll, output, profile=None, election_day=None, stroke_order=None, **options):
    """Prints the public roll of a :class:`libelect.Roll`, or of a roll CSV
    (a path or bytes, with ``profile`` and ``election_day``). Names are
    ordered by strokes within a group when ``stroke_order`` is true, or, when
    it is None, when the profile's ``roll.order`` says so."""
    if not isinstance(roll, Roll):
        if profile is None or election_day is None:
            raise TypeError("roll: a Roll, or a CSV with profile= and election_day=")
        roll = Roll.from_csv(roll, profile, election_day)
    if stroke_order is None:
        order = _policy(_roll_rules(roll.handle), b"roll.order", None)
        stroke_order = bool(order) and order.decode().endswith("strokes")
    if stroke_order:
        err = new_error()
        if not _use_strokes(roll.handle, ctypes.byref(err)):
            raise_error(err)
    o = _Options(options)
    return _call(_roll, roll.handle, o._h, encode(output))


def result(result, output, election=None, **options):
    """Prints the result announcement of an :class:`Outcome` or of a result
    file (a path, JSON text or a ``dict`` of ``libelect.result/1``). With
    ``election`` (an :class:`Election`, path or ``dict``), the title and
    the date default to the election's."""
    defaults = _election_defaults(_election(election)) if election is not None else {}
    o = _Options(options, defaults)
    if isinstance(result, Outcome):
        return _call(_result, result._h, o._h, encode(output))
    if isinstance(result, dict):
        data = json.dumps(result, ensure_ascii=False).encode("utf-8")
    elif isinstance(result, (bytes, bytearray)):
        data = bytes(result)
    elif isinstance(result, str) and result.lstrip().startswith("{"):
        data = result.encode("utf-8")
    else:
        with open(result, "rb") as f:
            data = f.read()
    return _call(_result_json, data, len(data), o._h, encode(output))
