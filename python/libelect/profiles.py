# SPDX-License-Identifier: LGPL-2.1-or-later
"""Rule profiles (elect-rules.h)."""
import ctypes
import json

from ._lib import declare, encode, new_error, raise_error, strv, take_string

c_char_pp = ctypes.POINTER(ctypes.c_char_p)

_load = declare("elect_rules_load", ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p)
_load_data = declare("elect_rules_load_from_data", ctypes.c_void_p,
                     ctypes.c_char_p, ctypes.c_ssize_t, ctypes.c_char_p, ctypes.c_void_p)
_unref = declare("elect_rules_unref", None, ctypes.c_void_p)
_list = declare("elect_rules_list_builtin", c_char_pp)
_dump = declare("elect_rules_dump", ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p)
_to_json = declare("elect_rules_to_json", ctypes.c_void_p, ctypes.c_void_p)
_holds = declare("elect_rules_fraction_holds", ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p,
                 ctypes.c_int64, ctypes.c_int64, ctypes.POINTER(ctypes.c_int), ctypes.c_void_p)
_least = declare("elect_rules_fraction_least", ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p,
                 ctypes.c_int64, ctypes.POINTER(ctypes.c_int64), ctypes.c_void_p)


class Profile:
    """A loaded, immutable rule profile.

    ``profile["count.quorum"]`` is the value as written in a key file
    (``">1/2"``), ``profile.citation("count.quorum")`` its citation,
    ``profile.origin(key)`` the profile that set it; ``str(profile)`` is the
    full dump (as ``elect-profile`` prints it)."""

    def __init__(self, handle):
        self._h = ctypes.c_void_p(handle)
        doc = json.loads(take_string(_to_json(self._h)))
        self.name = doc["name"]
        self.title = doc["title"]
        self.extends = doc["extends"]
        self.kind = doc["kind"]
        self.params = doc["params"]

    def __del__(self):
        h = getattr(self, "_h", None)
        if h:
            _unref(h)
            self._h = None

    @property
    def handle(self):
        """The ``ElectRules *`` (borrowed), for other bindings."""
        return self._h

    def __getitem__(self, key):
        return self.params[key]["value"]

    def __contains__(self, key):
        return key in self.params

    def keys(self):
        return list(self.params)

    def citation(self, key):
        return self.params[key]["citation"]

    def origin(self, key):
        return self.params[key]["origin"]

    def dump(self, lang="en"):
        return take_string(_dump(self._h, encode(lang)))

    def fraction_holds(self, key, part, whole):
        """Whether ``part`` satisfies the fraction parameter ``key`` of ``whole``."""
        out = ctypes.c_int()
        err = new_error()
        if not _holds(self._h, encode(key), part, whole, ctypes.byref(out), ctypes.byref(err)):
            raise_error(err)
        return bool(out.value)

    def fraction_least(self, key, whole):
        """The least count satisfying the fraction parameter ``key`` of ``whole``."""
        out = ctypes.c_int64()
        err = new_error()
        if not _least(self._h, encode(key), whole, ctypes.byref(out), ctypes.byref(err)):
            raise_error(err)
        return out.value

    def as_dict(self):
        return {"name": self.name, "title": self.title, "extends": self.extends,
                "kind": self.kind, "params": self.params}

    def __str__(self):
        return self.dump("en")

    def __repr__(self):
        return "<libelect.Profile %s>" % self.name


def profile(name_or_path):
    """Loads a built-in profile by name, or a key file by path."""
    err = new_error()
    h = _load(encode(name_or_path), ctypes.byref(err))
    if not h:
        raise_error(err)
    return Profile(h)


def profile_from_string(text, origin=None):
    """Loads a profile from key-file text."""
    data = encode(text)
    err = new_error()
    h = _load_data(data, len(data), encode(origin), ctypes.byref(err))
    if not h:
        raise_error(err)
    return Profile(h)


def builtin_profiles():
    """The names of the built-in profiles."""
    return strv(_list())
