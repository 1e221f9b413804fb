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
from .count import (Ballot, CandidateResult, ContestResult, Election, Outcome, Paper, Reason,
                    Tally, Turnout, announce, count, defect_codes)
from .roll import Roll, age_on, check_id, double_registrations, eligibility, mask_id, normalize_name
from .slate import NegativeList, Slate, order, strokes, surplus, vet
from .integrity import (Journal, SigningKey, VerifyKey, canonical_election, digest_election,
                        digest_result, sign_election, sign_result, verify_election,
                        verify_result)
from .committee import Committee, Composition, check_committee
from .schedule import check_dates, schedule, step_codes
from .township import Township, TownshipReport
from .stats import stats

# Each module of the library adds its bindings as python/libelect/<module>.py
# and one import line below.

__all__ = ["ElectError", "version", "Profile", "builtin_profiles", "profile",
           "profile_from_string",
           "Ballot", "CandidateResult", "ContestResult", "Election", "Outcome", "Paper",
           "Reason", "Tally", "Turnout", "announce", "count", "defect_codes",
           "Roll", "age_on", "check_id", "double_registrations", "eligibility", "mask_id",
           "normalize_name",
           "NegativeList", "Slate", "order", "strokes", "surplus", "vet",
           "Journal", "SigningKey", "VerifyKey", "canonical_election", "digest_election",
           "digest_result", "sign_election", "sign_result", "verify_election", "verify_result",
           "Committee", "Composition", "check_committee", "check_dates", "schedule",
           "step_codes", "Township", "TownshipReport", "stats"]
