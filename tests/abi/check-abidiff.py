#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The ABI of libelect.so.1 is compatible with the committed baseline.

  check-abidiff.py BASELINE.abi LIBRARY.so HEADER_DIR... [--update]

Compares LIBRARY (with its public HEADER_DIRs) against BASELINE (written by
abidw) with abidiff. Added functions are fine (that is how the ABI grows);
an incompatible change (a removed or changed function, a changed public
type) fails. Passes silently, saying why, when abidiff is missing or the
library has no debug information (buildtype=plain/release).
`--update` rewrites BASELINE from LIBRARY: do it only at a release.
"""
import shutil
import subprocess
import sys

ABIDIFF_ERROR, ABIDIFF_USAGE_ERROR, ABIDIFF_ABI_CHANGE, ABIDIFF_ABI_INCOMPATIBLE_CHANGE = 1, 2, 4, 8


def main():
    args = [a for a in sys.argv[1:] if a != '--update']
    update = '--update' in sys.argv[1:]
    baseline, lib, hdirs = args[0], args[1], args[2:]
    if shutil.which('abidiff') is None or shutil.which('abidw') is None:
        print('abidiff not installed (Debian: abigail-tools): not checked')
        return 0
    sections = subprocess.run(['readelf', '-S', '-W', lib], capture_output=True, text=True).stdout
    if '.debug_info' not in sections:
        print('%s has no debug information: not checked' % lib)
        return 0
    hd = [x for d in hdirs for x in ('--headers-dir', d)]
    if update:
        with open(baseline, 'w', encoding='utf-8') as f:
            subprocess.run(['abidw', '--no-corpus-path', '--no-comp-dir-path'] + hd + [lib],
                           check=True, stdout=f)
        print('wrote %s' % baseline)
        return 0
    hd2 = [x for d in hdirs for x in ('--hd2', d)]
    p = subprocess.run(['abidiff', '--no-show-locs'] + hd2 + [baseline, lib],
                       capture_output=True, text=True)
    print(p.stdout + p.stderr)
    if p.returncode & (ABIDIFF_ERROR | ABIDIFF_USAGE_ERROR):
        print('FAIL: abidiff could not compare (exit status %d)' % p.returncode)
        return 1
    if p.returncode & ABIDIFF_ABI_INCOMPATIBLE_CHANGE:
        print('FAIL: incompatible ABI change against %s' % baseline)
        return 1
    print('ok: compatible with %s%s' % (baseline, ' (with additions)' if p.returncode else ''))
    return 0


if __name__ == '__main__':
    sys.exit(main())
