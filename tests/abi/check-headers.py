#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Every public header compiles on its own, strictly, as users include it.

  check-headers.py --cc "CC ARGS" -I DIR [-I DIR...] HEADER...

For each HEADER (a file name such as elect-rules.h) two translation units
are compiled with `-std=c99 -pedantic -Wall -Wextra -Werror` and the flags of
`pkg-config --cflags glib-2.0`:
  * the header alone, first, in the way elect.h includes it (ELECT_INSIDE
    defined), then elect.h: the header must bring everything it needs;
  * elect.h, then the header again: guards must make that harmless.
A last unit includes the header directly, without elect.h: it must stop with
the "Only <elect/elect.h> can be included directly" error.

Headers given with --direct (elect-print.h, the header of libelect-print) are
included directly by users instead: each must compile alone, after elect.h,
and twice.
"""
import argparse
import os
import shlex
import subprocess
import sys
import tempfile

STRICT = ['-std=c99', '-pedantic', '-Wall', '-Wextra', '-Werror', '-c']


def compile_tu(cc, flags, source, tmp, name):
    path = os.path.join(tmp, name + '.c')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(source)
    p = subprocess.run(cc + STRICT + flags + [path, '-o', os.path.join(tmp, name + '.o')],
                       capture_output=True, text=True)
    return p.returncode, p.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--cc', required=True)
    ap.add_argument('-I', dest='incs', action='append', default=[])
    ap.add_argument('--direct', action='append', default=[])
    ap.add_argument('headers', nargs='+')
    args = ap.parse_args()
    cc = shlex.split(args.cc)
    glib = shlex.split(subprocess.run(['pkg-config', '--cflags', 'glib-2.0'], check=True,
                                      capture_output=True, text=True).stdout)
    flags = ['-I' + d for d in args.incs] + glib
    failed = 0
    with tempfile.TemporaryDirectory(prefix='elect-headers-') as tmp:
        for i, h in enumerate(sorted(set(os.path.basename(h) for h in args.headers))):
            units = {
                'alone': '#define ELECT_INSIDE\n#include <elect/%s>\n#undef ELECT_INSIDE\n'
                         '#include <elect/elect.h>\nint main (void) { return 0; }\n' % h,
                'after-elect': '#include <elect/elect.h>\n#define ELECT_INSIDE\n'
                               '#include <elect/%s>\nint main (void) { return 0; }\n' % h,
            }
            for kind, src in units.items():
                rc, err = compile_tu(cc, flags, src, tmp, 'h%d-%s' % (i, kind))
                if rc != 0:
                    failed += 1
                    print('FAIL %s (%s):\n%s' % (h, kind, err))
                else:
                    print('ok %s (%s)' % (h, kind))
            if h != 'elect.h':
                rc, err = compile_tu(cc, flags, '#include <elect/%s>\n' % h, tmp, 'h%d-direct' % i)
                if rc == 0 or 'Only <elect/elect.h> can be included directly' not in err:
                    failed += 1
                    print('FAIL %s: including it directly does not stop with the '
                          '"Only <elect/elect.h>" error' % h)
                else:
                    print('ok %s (direct include refused)' % h)
        for i, h in enumerate(sorted(set(os.path.basename(h) for h in args.direct))):
            units = {
                'direct': '#include <elect/%s>\nint main (void) { return 0; }\n' % h,
                'after-elect': '#include <elect/elect.h>\n#include <elect/%s>\n'
                               'int main (void) { return 0; }\n' % h,
                'twice': '#include <elect/%s>\n#include <elect/%s>\n'
                         'int main (void) { return 0; }\n' % (h, h),
            }
            for kind, src in units.items():
                rc, err = compile_tu(cc, flags, src, tmp, 'd%d-%s' % (i, kind))
                if rc != 0:
                    failed += 1
                    print('FAIL %s (%s):\n%s' % (h, kind, err))
                else:
                    print('ok %s (%s)' % (h, kind))
    print('%d failed' % failed)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
