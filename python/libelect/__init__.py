# SPDX-License-Identifier: LGPL-2.1-or-later
"""libelect: the rules and the counting of China's village and community
"two committees" elections, through ctypes (no compiled extension).

    >>> import libelect
    >>> p = libelect.profile("party-committee")
    >>> p["count.quorum"]
    '>4/5'
"""
from ._lib import ElectError, version
from .profiles import Profile, builtin_profiles, profile, profile_from_string

# Each module of the library adds its bindings as python/libelect/<module>.py
# and one import line below.

__all__ = ["ElectError", "version", "Profile", "builtin_profiles", "profile",
           "profile_from_string"]
