#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Keeps doc/profiles.md ("Writing a profile") true to the library.

    check-profiles-page.py [--update] --table-program PARAM_TABLE
                           --elect-profile ELECT_PROFILE doc/profiles.md

1. The parameter table between the markers <!-- param-table:begin --> and
   <!-- param-table:end --> must equal what PARAM_TABLE prints (the
   library's own table); --update rewrites it instead.
2. Every parameter of `elect-profile --json village-committee` appears in the
   page (so a new parameter cannot be left undocumented).
3. Every ```ini block of the page that is a whole profile (it has a
   [profile] group) loads and validates with elect-profile, and each
   parameter the block sets comes from the block, not from its parent.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

BEGIN = '<!-- param-table:begin -->'
END = '<!-- param-table:end -->'


def run(cmd):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return proc.returncode, proc.stdout.decode('utf-8'), proc.stderr.decode('utf-8')


def ini_blocks(text):
    return re.findall(r'^```ini\n(.*?)^```', text, flags=re.M | re.S)


def block_params(block):
    """The `group.key` parameters a key-file text sets (not citations)."""
    group, keys = None, []
    for line in block.splitlines():
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        m = re.match(r'^\[(.+)\]$', line)
        if m:
            group = m.group(1)
            continue
        key = line.split('=', 1)[0].strip()
        if group and group != 'profile' and not key.endswith('.citation'):
            keys.append('%s.%s' % (group, key))
    return keys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--update', action='store_true')
    ap.add_argument('--table-program', required=True)
    ap.add_argument('--elect-profile', required=True)
    ap.add_argument('page')
    args = ap.parse_args()
    failures = []

    rc, table, err = run([args.table_program])
    if rc != 0:
        sys.exit('param-table failed: ' + err)
    with open(args.page, encoding='utf-8') as f:
        text = f.read()
    if BEGIN not in text or END not in text:
        sys.exit('%s: the markers %s and %s are missing' % (args.page, BEGIN, END))
    head, rest = text.split(BEGIN, 1)
    current, tail = rest.split(END, 1)
    wanted = '\n' + table
    if args.update:
        if current != wanted:
            with open(args.page, 'w', encoding='utf-8') as f:
                f.write(head + BEGIN + wanted + END + tail)
            print('%s: parameter table updated' % args.page)
        return 0
    if current != wanted:
        have = current.strip().splitlines()
        want = wanted.strip().splitlines()
        for line in want:
            if line not in have:
                failures.append('missing or different table row: ' + line)
        for line in have:
            if line not in want:
                failures.append('stale table row: ' + line)
        failures.append('run `ninja -C BUILDDIR update-profiles-page` to regenerate the table')

    rc, out, err = run([args.elect_profile, '--json', 'village-committee'])
    if rc != 0:
        sys.exit('elect-profile failed: ' + err)
    for key in json.loads(out)['params']:
        if '`%s`' % key not in text:
            failures.append('parameter %s does not appear in %s' % (key, args.page))

    blocks = [b for b in ini_blocks(text) if re.search(r'^\[profile\]', b, flags=re.M)]
    if not blocks:
        failures.append('no worked example (an ```ini block with a [profile] group)')
    with tempfile.TemporaryDirectory() as tmp:
        for n, block in enumerate(blocks):
            m = re.search(r'^name\s*=\s*(\S+)', block, flags=re.M)
            path = os.path.join(tmp, '%s.ini' % (m.group(1) if m else 'example-%d' % n))
            with open(path, 'w', encoding='utf-8') as f:
                f.write(block)
            rc, out, err = run([args.elect_profile, '--json', path])
            if rc != 0:
                failures.append('example profile %d does not load: %s' % (n + 1, err.strip()))
                continue
            params = json.loads(out)['params']
            for key in block_params(block):
                if key not in params:
                    failures.append('example profile %d: unknown parameter %s' % (n + 1, key))
                elif params[key]['origin'] != path:
                    failures.append('example profile %d: %s comes from %s, not from the example'
                                    % (n + 1, key, params[key]['origin']))
                elif not params[key]['citation']:
                    failures.append('example profile %d: %s has no citation' % (n + 1, key))

    for f in failures:
        print('%s: %s' % (args.page, f))
    print('%d parameters, %d example profiles, %d problems'
          % (len(table.strip().splitlines()) - 2, len(blocks), len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
