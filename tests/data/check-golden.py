#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Golden-file tests (suite "data"): for every tests/data/<case>/ with an
`input` and an `expected`, runs BUILD/examples/elect-count --lang en on the
input (plus the arguments of an optional `args` file, one per line) and
compares its JSON result with `expected`.

Reason messages are not part of the contract (FORMATS.md §2: "Codes are part
of the contract; messages are not"), so `message` members are compared only
for presence; everything else must be equal. Regenerate the expected files
with tools/gen-samples.py --golden BUILD after checking that a changed
result is right.

    check-golden.py --build BUILD [--data tests/data] [CASE ...]
"""
import argparse
import json
import os
import subprocess
import sys


def strip_messages(x):
    if isinstance(x, dict):
        return {k: ("<message>" if k == "message" else strip_messages(v)) for k, v in x.items()}
    if isinstance(x, list):
        return [strip_messages(v) for v in x]
    return x


def diff(a, b, path="$"):
    if type(a) is not type(b):
        return "%s: %r != %r" % (path, a, b)
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return "%s.%s: only in %s" % (path, k, "result" if k in a else "expected")
            d = diff(a[k], b[k], path + "." + k)
            if d:
                return d
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return "%s: %d items, expected %d" % (path, len(a), len(b))
        for i, (x, y) in enumerate(zip(a, b)):
            d = diff(x, y, "%s[%d]" % (path, i))
            if d:
                return d
        return None
    return None if a == b else "%s: %r, expected %r" % (path, a, b)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--data", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("cases", nargs="*")
    a = ap.parse_args()
    prog = os.path.join(a.build, "examples", "elect-count")
    cases = a.cases or sorted(d for d in os.listdir(a.data)
                              if os.path.isfile(os.path.join(a.data, d, "input"))
                              and os.path.isfile(os.path.join(a.data, d, "expected")))
    failed = 0
    for case in cases:
        d = os.path.join(a.data, case)
        args = []
        if os.path.isfile(os.path.join(d, "args")):
            with open(os.path.join(d, "args"), encoding="utf-8") as f:
                args = [l.rstrip("\n") for l in f if l.strip()]
        p = subprocess.run([prog, "--lang", "en"] + args + [os.path.join(d, "input")],
                           capture_output=True)
        why = None
        if p.returncode != 0:
            why = "exit %d: %s" % (p.returncode, p.stderr.decode("utf-8", "replace").strip())
        else:
            with open(os.path.join(d, "expected"), encoding="utf-8") as f:
                want = strip_messages(json.load(f))
            got = strip_messages(json.loads(p.stdout))
            why = diff(got, want)
        if why:
            failed += 1
            print("FAIL %s: %s" % (case, why))
        else:
            print("ok %s" % case)
    if not cases:
        print("no cases found in " + a.data)
        return 1
    print("%d passed, %d failed" % (len(cases) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
