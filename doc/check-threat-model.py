#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Every claim of the threat model points to tests that exist.

    check-threat-model.py SOURCE_ROOT doc/threat-model.md

Each row of the tables under "What libelect defends" must name at least one
test, as a code span:

  `unit/NAME: FUNCTION`     a cmocka test registered in tests/unit/test-NAME.c
  `examples/PROG: CASE`     a case named CASE in tests/examples/cases/PROG.py
  `python/FILE: FUNCTION`   def FUNCTION in tests/python/FILE.py
  `fuzz/TARGET`             tests/fuzz/fuzz-TARGET.c, listed in fuzz_targets,
                            with a non-empty corpus/TARGET/
  `bench/NAME`              benchmark('NAME', …) in bench/meson.build
  `setup/NAME`              add_test_setup('NAME', …) in tests/meson.build
  `build/NAME`              a build directory NAME that tools/test.sh
                            configures (run_build NAME …) and tests

and every such reference anywhere in the page must resolve."""
import os
import re
import sys

REF = re.compile(r'`((?:unit|examples|python|fuzz|bench|setup|build)/[^`]+)`')


def read(root, *parts):
    path = os.path.join(root, *parts)
    if not os.path.exists(path):
        return None
    with open(path, encoding='utf-8') as f:
        return f.read()


def resolve(root, ref):
    kind, rest = ref.split('/', 1)
    if kind in ('unit', 'examples', 'python'):
        if ': ' not in rest:
            return 'expected %s/FILE: NAME' % kind
        name, item = rest.split(': ', 1)
        if kind == 'unit':
            text = read(root, 'tests', 'unit', 'test-%s.c' % name)
            if text is None:
                return 'no tests/unit/test-%s.c' % name
            if not re.search(r'cmocka_unit_test\w*\s*\(\s*%s\b' % re.escape(item), text):
                return 'no cmocka test %s registered in tests/unit/test-%s.c' % (item, name)
            unit_build = read(root, 'tests', 'unit', 'meson.build')
            if "'%s': files('test-%s.c')" % (name, name) not in unit_build:
                return 'tests/unit/test-%s.c is not in unit_suites' % name
        elif kind == 'examples':
            text = read(root, 'tests', 'examples', 'cases', name + '.py')
            if text is None:
                return 'no tests/examples/cases/%s.py' % name
            if not re.search(r"case\(\s*'%s'" % re.escape(item), text):
                return 'no case %r in tests/examples/cases/%s.py' % (item, name)
        else:
            text = read(root, 'tests', 'python', name + '.py')
            if text is None:
                return 'no tests/python/%s.py' % name
            if not re.search(r'^def %s\(' % re.escape(item), text, re.M):
                return 'no test %s in tests/python/%s.py' % (item, name)
        return None
    if kind == 'fuzz':
        if read(root, 'tests', 'fuzz', 'fuzz-%s.c' % rest) is None:
            return 'no tests/fuzz/fuzz-%s.c' % rest
        build = read(root, 'tests', 'fuzz', 'meson.build')
        listed = re.search(r"^fuzz_targets = \[(.*?)^\]", build, re.S | re.M)
        added = re.search(r"^\s*fuzz_targets \+= '%s'" % re.escape(rest), build, re.M)
        if not added and (not listed or "'%s'" % rest not in listed.group(1)):
            return '%s is not in fuzz_targets' % rest
        corpus = os.path.join(root, 'tests', 'fuzz', 'corpus', rest)
        if not os.path.isdir(corpus) or not os.listdir(corpus):
            return 'no seed corpus tests/fuzz/corpus/%s' % rest
        return None
    if kind == 'bench':
        if not re.search(r"benchmark\(\s*'%s'" % re.escape(rest), read(root, 'bench', 'meson.build')):
            return 'no benchmark %s in bench/meson.build' % rest
        return None
    if kind == 'build':
        if not re.search(r"^\s*(?:\S+=\S+\s+)*run_build %s\s" % re.escape(rest),
                         read(root, 'tools', 'test.sh'), re.M):
            return 'tools/test.sh does not build and test %s' % rest
        return None
    if not re.search(r"add_test_setup\(\s*'%s'" % re.escape(rest), read(root, 'tests', 'meson.build')):
        return 'no test setup %s in tests/meson.build' % rest
    return None


def main():
    root, page = sys.argv[1:3]
    with open(page, encoding='utf-8') as f:
        lines = f.read().splitlines()
    problems = []
    in_defends = False
    rows = 0
    for n, line in enumerate(lines, 1):
        if line.startswith('## '):
            in_defends = '{#defends}' in line
        for ref in REF.findall(line):
            why = resolve(root, ref)
            if why:
                problems.append('%s:%d: `%s`: %s' % (page, n, ref, why))
        if in_defends and line.startswith('|') and not line.startswith('|---') \
                and not line.startswith('| claim'):
            rows += 1
            if not REF.search(line):
                problems.append('%s:%d: a claim without a test' % (page, n))
    if rows == 0:
        problems.append('%s: no claims found under "What libelect defends"' % page)
    for p in problems:
        print(p)
    print('%d claims checked, %d problems' % (rows, len(problems)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
