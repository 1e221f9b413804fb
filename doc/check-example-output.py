#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Checks that a guide page shows what an example program really prints.

    check-example-output.py PROGRAM PAGE.md

Every fenced block of PAGE that starts with a line `$ ./NAME ARGS...`, where
NAME is the base name of PROGRAM, must continue with exactly the lines that
`PROGRAM ARGS...` prints."""
import os
import re
import shlex
import subprocess
import sys


def main():
    program, page = sys.argv[1:]
    name = os.path.basename(program)
    with open(page, encoding='utf-8') as f:
        text = f.read()
    blocks = re.findall(r'^```[a-z]*\n\$ \./%s(.*?)\n(.*?)^```' % re.escape(name),
                        text, flags=re.M | re.S)
    if not blocks:
        print('%s: no block starting with "$ ./%s"' % (page, name))
        return 1
    bad = 0
    for args, shown in blocks:
        proc = subprocess.run([program] + shlex.split(args), stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT)
        out = proc.stdout.decode('utf-8')
        if out.rstrip('\n') != shown.rstrip('\n'):
            bad += 1
            print('%s: "$ ./%s%s" prints:\n%s\nbut the page shows:\n%s'
                  % (page, name, args, out, shown))
    print('%d example run(s), %d differ' % (len(blocks), bad))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
