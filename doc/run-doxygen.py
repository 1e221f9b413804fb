#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Runs Doxygen on the configured Doxyfile and fails on any warning.

    run-doxygen.py [--lenient] DOXYGEN DOXYFILE OUTPUT_DIR [HEADERS_DIR]

The output directory (and the warnings log in it) are set here, so the
`docs` build target and the `docs` test never write into the same place.
Exit status: 0 when Doxygen succeeded with no warning at all, 1 otherwise
(every warning is printed, one per line, as FILE:LINE: TEXT).

--lenient (the `docs` build target): warnings are printed but do not fail,
so a half-documented header never breaks `ninja`; the `docs` test is the
strict gate.

With HEADERS_DIR (include/elect), every *.h there must be an input of the
Doxyfile: a header left out of `public_headers` would be neither installed
nor documented.
"""
import os
import re
import subprocess
import sys


def main():
    argv = sys.argv[1:]
    lenient = bool(argv) and argv[0] == '--lenient'
    if lenient:
        argv = argv[1:]
    if len(argv) not in (3, 4):
        sys.exit(__doc__)
    doxygen, doxyfile, outdir = argv[:3]
    if len(argv) == 4:
        with open(doxyfile, encoding='utf-8') as f:
            text = f.read()
        m = re.search(r'^INPUT\s*=(.*?)(?=^\w)', text, flags=re.M | re.S)
        inputs = {os.path.basename(p) for p in re.findall(r'"([^"]+)"', m.group(1) if m else '')}
        left_out = sorted(h for h in os.listdir(argv[3])
                          if h.endswith('.h') and h not in inputs)
    else:
        left_out = []
    os.makedirs(outdir, exist_ok=True)
    log = os.path.join(outdir, 'doxygen-warnings.log')
    if os.path.exists(log):
        os.remove(log)
    cfg = ('@INCLUDE = "%s"\nOUTPUT_DIRECTORY = "%s"\nWARN_LOGFILE = "%s"\n'
           % (os.path.abspath(doxyfile), os.path.abspath(outdir), log))
    if lenient:
        cfg += 'WARN_AS_ERROR = NO\n'

    proc = subprocess.run([doxygen, '-'], input=cfg.encode(), cwd=outdir,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = proc.stdout.decode('utf-8', 'replace').strip()
    warnings = ''
    if os.path.exists(log):
        with open(log, encoding='utf-8', errors='replace') as f:
            warnings = f.read().strip()
    if out:
        print(out)
    failed = False
    if warnings and lenient:
        print(warnings)
        print('doxygen: the API reference has warnings (the docs test fails on them)')
        warnings = ''
    if warnings:
        print(warnings)
        n = sum(1 for line in warnings.splitlines() if ': warning: ' in line
                or ': error: ' in line)
        print('doxygen: %d warning(s): the API reference must build without any'
              % max(n, 1), file=sys.stderr)
        failed = True
    elif proc.returncode != 0:
        print('doxygen failed with exit status %d' % proc.returncode, file=sys.stderr)
        failed = True
    if left_out:
        print('headers in %s but not in public_headers (include/elect/meson.build): %s'
              % (argv[3], ', '.join(left_out)), file=sys.stderr)
        failed = True
    index = os.path.join(outdir, 'html', 'index.html')
    if not os.path.exists(index):
        print('doxygen wrote no %s' % index, file=sys.stderr)
        failed = True
    return 1 if failed else 0

if __name__ == '__main__':
    sys.exit(main())
