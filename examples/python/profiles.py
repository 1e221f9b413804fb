#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Prints the turnout (or attendance) quorum of a rule profile, the article
it comes from, and what it means for 1,000 people entitled to vote.

    python3 examples/python/profiles.py [PROFILE|FILE]

From the source tree: PYTHONPATH=python python3 examples/python/profiles.py
From a build directory: PYTHONPATH=python python3 ../examples/python/profiles.py
"""
import sys

import libelect


def main(argv):
    name = argv[1] if len(argv) > 1 else "village-committee"
    try:
        p = libelect.profile(name)
    except libelect.ElectError as e:
        print("profiles.py: %s (%s)" % (e.message, e.code), file=sys.stderr)
        return 1
    key = "count.quorum"
    print("%s: %s" % (p.name, p.title))
    print("quorum: %s (%s)" % (p[key], p["count.quorum_measure"]))
    print("citation: %s" % p.citation(key))
    print("set in: %s" % p.origin(key))
    print("of 1000 entitled, at least %d" % p.fraction_least(key, 1000))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
