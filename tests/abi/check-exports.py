#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The exported ABI is exactly what the version script and the headers say.

  check-exports.py [--prefix=PREFIX] LIBRARY.so MAPFILE HEADER...

Checks that
 1. the dynamic symbols defined by LIBRARY (`nm -D --defined-only`) are
    exactly the names listed in MAPFILE (the version-node symbol such as
    LIBELECT_1 aside), every one starting with PREFIX (default `elect_`;
    libelect-print: `elect_print_`);
 2. the map lists each name once, alphabetically within its node;
 3. every function declared `ELECT_API` in the public HEADERs (the generated
    elect-enums.h included) is in the map, and every name of the map is
    declared in a header.
"""
import re
import subprocess
import sys


def map_names(path):
    text = re.sub(r'/\*.*?\*/', '', open(path, encoding='utf-8').read(), flags=re.S)
    nodes, problems = {}, []
    for m in re.finditer(r'(\w+)\s*(?:\w+\s*)?\{(.*?)\}\s*(\w*)\s*;', text, re.S):
        node, body = m.group(1), m.group(2)
        names = []
        section = None
        for tok in re.findall(r'[\w*]+:|[\w*]+\s*;', body):
            tok = tok.strip().rstrip(';').strip()
            if tok.endswith(':'):
                section = tok[:-1]
                continue
            if section == 'global':
                names.append(tok)
        nodes[node] = names
        if names != sorted(names):
            problems.append('map node %s is not in alphabetical order' % node)
    all_names = [n for names in nodes.values() for n in names]
    dups = sorted({n for n in all_names if all_names.count(n) > 1})
    if dups:
        problems.append('listed more than once in the map: ' + ', '.join(dups))
    return set(all_names), set(nodes), problems


def exported(lib):
    out = subprocess.run(['nm', '-D', '--defined-only', lib], check=True,
                         capture_output=True, text=True).stdout
    names = set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            names.add(parts[2].split('@')[0])
    return names


def declared(headers):
    names = set()
    for h in headers:
        text = open(h, encoding='utf-8').read()
        text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
        for decl in re.findall(r'ELECT_API\b([^;{]*)', text):
            m = re.search(r'\b(elect_\w+)\s*\(', decl)
            if m:
                names.add(m.group(1))
            else:
                m = re.search(r'\b(elect_\w+)\s*$', decl.strip())
                if m:
                    names.add(m.group(1))
    return names


def main():
    args = sys.argv[1:]
    prefix = 'elect_'
    if args and args[0].startswith('--prefix='):
        prefix = args.pop(0)[len('--prefix='):]
    lib, mapfile, headers = args[0], args[1], args[2:]
    in_map, nodes, problems = map_names(mapfile)
    exp = exported(lib) - nodes
    bad_prefix = sorted(n for n in exp if not n.startswith(prefix))
    if bad_prefix:
        problems.append('exported without the %s prefix: %s' % (prefix, ', '.join(bad_prefix)))
    if exp - in_map:
        problems.append('exported but not in %s: %s' % (mapfile, ', '.join(sorted(exp - in_map))))
    if in_map - exp:
        problems.append('in the map but not exported (defined nowhere?): ' +
                        ', '.join(sorted(in_map - exp)))
    if headers:
        decl = declared(headers)
        if decl - in_map:
            problems.append('declared ELECT_API but not in the map: ' +
                            ', '.join(sorted(decl - in_map)))
        if in_map - decl:
            problems.append('in the map but declared in no public header: ' +
                            ', '.join(sorted(in_map - decl)))
    for p in problems:
        print('FAIL: ' + p)
    print('%d exported symbols, %d in the map, %d problems' % (len(exp), len(in_map), len(problems)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
