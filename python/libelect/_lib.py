# SPDX-License-Identifier: LGPL-2.1-or-later
"""Loading libelect.so.1 with ctypes, the version check and error mapping.

The library is found, in this order, at:
1. the path in the environment variable ``LIBELECT_LIBRARY``;
2. the build tree: ``../../lib/libelect.so.1`` relative to this file when
   the package is the copy meson makes in ``<builddir>/python/libelect/``;
   then ``$ELECT_BUILD_ROOT/lib``; then ``build*/lib/libelect.so.1`` next to
   the source tree's ``python/`` folder (``PYTHONPATH=python``), so it works
   uninstalled (sanitizer builds are passed over: they load only with their
   runtime preloaded);
3. the installed soname ``libelect.so.1`` through the dynamic loader.
"""
import ctypes
import glob
import os

SONAME = "libelect.so.1"
REQUIRED_VERSION = (0, 1, 0)


class ElectError(Exception):
    """A GError of the ELECT_ERROR domain.

    ``code`` is the ElectError code name (``"invalid"``, ``"not-found"``,
    ``"parse"``, ...) and ``code_number`` its number; ``message`` is the
    library's message (translated into the process locale)."""

    def __init__(self, code, code_number, message):
        super().__init__(message)
        self.code = code
        self.code_number = code_number
        self.message = message


class _GError(ctypes.Structure):
    _fields_ = [("domain", ctypes.c_uint32),
                ("code", ctypes.c_int),
                ("message", ctypes.c_char_p)]


def _candidates():
    env = os.environ.get("LIBELECT_LIBRARY")
    if env:
        yield env
    here = os.path.dirname(os.path.realpath(__file__))
    # The build tree's copy of the package: <builddir>/python/libelect/.
    yield os.path.join(here, os.pardir, os.pardir, "lib", SONAME)
    root = os.path.dirname(os.path.dirname(here))
    build_root = os.environ.get("ELECT_BUILD_ROOT")
    if build_root:
        yield os.path.join(build_root, "lib", SONAME)
    for path in sorted(glob.glob(os.path.join(root, "build*", "lib", SONAME))):
        # A sanitizer build (build-asan/, build-fuzz/) cannot be loaded
        # into a Python that was not started with its runtime preloaded:
        # ASan would end the process.
        if not _sanitized(path):
            yield path
    yield SONAME


def _sanitized(path):
    """True if the library at @path was built with AddressSanitizer."""
    try:
        with open(path, "rb") as f:
            return b"__asan_init" in f.read()
    except OSError:
        return False


def _load():
    errors = []
    for path in _candidates():
        try:
            return ctypes.CDLL(path)
        except OSError as e:
            errors.append("%s: %s" % (path, e))
    raise ImportError("cannot load libelect: " + "; ".join(errors))


lib = _load()
glib = ctypes.CDLL("libglib-2.0.so.0")

glib.g_free.argtypes = [ctypes.c_void_p]
glib.g_free.restype = None
glib.g_error_free.argtypes = [ctypes.POINTER(_GError)]
glib.g_error_free.restype = None
glib.g_strfreev.argtypes = [ctypes.c_void_p]
glib.g_strfreev.restype = None

lib.elect_check_version.argtypes = [ctypes.c_int] * 3
lib.elect_check_version.restype = ctypes.c_char_p
lib.elect_version_string.restype = ctypes.c_char_p
lib.elect_error_to_string.argtypes = [ctypes.c_int]
lib.elect_error_to_string.restype = ctypes.c_char_p



def check_version(required=REQUIRED_VERSION):
    """Raises ImportError unless the loaded library is compatible with the
    ``(major, minor, micro)`` version ``required`` (same major version, at
    least that minor.micro), as ``elect_check_version()`` decides."""
    problem = lib.elect_check_version(*required)
    if problem is not None:
        raise ImportError("libelect %s: %s (need %d.%d.%d)"
                          % (lib.elect_version_string().decode(), problem.decode(),
                             *required))


check_version()

version = lib.elect_version_string().decode()

GErrorP = ctypes.POINTER(_GError)


def new_error():
    """An out-parameter for a ``GError **``."""
    return GErrorP()


def raise_error(err):
    """Raises ElectError from a set ``GError *`` and frees it."""
    if not err:
        raise ElectError("failed", 0, "libelect call failed without an error")
    code = err.contents.code
    message = err.contents.message.decode("utf-8", "replace")
    name = lib.elect_error_to_string(code)
    glib.g_error_free(err)
    raise ElectError(name.decode() if name else str(code), code, message)


def take_string(ptr):
    """Decodes and frees a ``char *`` returned with transfer full."""
    if not ptr:
        return None
    try:
        return ctypes.string_at(ptr).decode("utf-8")
    finally:
        glib.g_free(ptr)


def strv(ptr):
    """A NULL-terminated ``const char *const *`` (transfer none) as a list."""
    out = []
    if not ptr:
        return out
    i = 0
    while ptr[i]:
        out.append(ptr[i].decode("utf-8"))
        i += 1
    return out


def encode(s):
    if s is None:
        return None
    if isinstance(s, os.PathLike):
        s = os.fspath(s)
    return s.encode("utf-8")


def declare(name, restype, *argtypes):
    fn = getattr(lib, name)
    fn.restype = restype
    fn.argtypes = list(argtypes)
    return fn
