#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Every translatable message has a Simplified Chinese translation.

    check-po.py XGETTEXT MSGFMT SOURCE_ROOT

Extracts the messages of the files listed in po/POTFILES.in with xgettext
(keywords _ and N_, as the i18n module does), and fails when one of them has
no translation in po/zh_CN.po, or when msgfmt -c finds the catalogue
invalid. A message id ending in "%" was cut short at a format macro such as
G_GINT64_FORMAT, which xgettext cannot read: write %lld with a (long long)
cast instead."""
import importlib.util
import os
import re
import subprocess
import sys
import tempfile


def main():
    xgettext, msgfmt, root = sys.argv[1:]
    spec = importlib.util.spec_from_file_location(
        'gen_tables', os.path.join(root, 'tools', 'gen-tables.py'))
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)

    po = os.path.join(root, 'po', 'zh_CN.po')
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        files = [l.strip() for l in f if l.strip() and not l.startswith('#')]
    env = dict(os.environ, LC_ALL='C.UTF-8')
    problems = []
    # every source file with a translatable message is listed
    marker = re.compile(r'\bN?_\s*\(\s*"')
    for sub in ('lib', 'lib/print', 'examples'):
        for name in sorted(os.listdir(os.path.join(root, sub))):
            rel = sub + '/' + name
            if not name.endswith(('.c', '.h')) or rel in files:
                continue
            with open(os.path.join(root, rel), encoding='utf-8', errors='replace') as f:
                if marker.search(f.read()):
                    problems.append('%s: has translatable messages but is not in '
                                    'po/POTFILES.in' % rel)
    proc = subprocess.run([msgfmt, '-c', '-o', os.devnull, po], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if proc.returncode != 0:
        problems.append('msgfmt -c: ' + proc.stdout.decode('utf-8', 'replace'))

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'libelect.pot')
        proc = subprocess.run(
            [xgettext, '--keyword=_', '--keyword=N_', '--from-code=UTF-8',
             '-o', pot] + files,
            cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if proc.returncode != 0:
            sys.exit('xgettext failed: ' + proc.stdout.decode('utf-8', 'replace'))
        msgids, locations = [], {}
        if os.path.exists(pot):
            cur_loc, cur_id, field = [], None, None
            with open(pot, encoding='utf-8') as f:
                lines = f.read().splitlines() + ['']
            for line in lines:
                if line.startswith('#: '):
                    cur_loc += line[3:].split()
                elif line.startswith('msgid '):
                    cur_id, field = gen.po_unquote(line[6:]), 'id'
                elif line.startswith('"') and field == 'id':
                    cur_id += gen.po_unquote(line)
                elif line.startswith('msgstr'):
                    field = None
                elif not line.strip():
                    if cur_id:
                        msgids.append(cur_id)
                        locations[cur_id] = cur_loc
                    cur_loc, cur_id, field = [], None, None
    translated = gen.parse_po(po)
    for m in msgids:
        if m in translated:
            continue
        where = ', '.join(locations.get(m, [])) or '?'
        if m.endswith('%'):
            problems.append('%s: message cut short at a format macro (use %%lld and a '
                            '(long long) cast, not G_GINT64_FORMAT): "%s"' % (where, m))
        else:
            problems.append('%s: no zh_CN translation for "%s"' % (where, m))
    for p in problems:
        print(p)
    print('%d messages in %d files, %d problems' % (len(msgids), len(files), len(problems)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
