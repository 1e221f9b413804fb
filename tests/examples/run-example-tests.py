#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Runs the example programs of examples/ on test cases (suite "examples").

HOW TO ADD CASES FOR YOUR PROGRAM (elect-count, elect-roll, elect-order, ...)

1. Create tests/examples/cases/<program>.py holding a list ``CASES`` of
   ``case(...)`` calls (``case`` and ``Result`` are injected; no import
   needed). See cases/elect-profile.py for a complete example.
2. Add '<program>' to ``example_case_files`` in tests/examples/meson.build:
   each case file is one test, named after the program, in suite "examples".
   Run it alone with ``meson test -C BUILD --suite examples <program>`` or
   directly:  tests/examples/run-example-tests.py --build BUILD
   tests/examples/cases/<program>.py [-k SUBSTRING] [-v]

case(name, argv, ...) keyword arguments (all optional but argv):
  argv            list; argv[0] is a program of examples/ (looked up as
                  BUILD/examples/<argv[0]>) or an absolute path. Strings may
                  use {src} (source root), {build} (build root), {tmp} (a
                  fresh temporary directory for the case) and {data}
                  (tests/data).
  stdin           text (str) or bytes fed on standard input (default: none)
  files           {relative name: text or bytes} written under {tmp} first
                  (the text may use the same {…} substitutions)
  env             {name: value} added to the environment (None removes)
  exit            expected exit status (default 0)
  stdout_has      substrings that must appear on stdout
  stdout_lacks    substrings that must not appear on stdout
  stdout_re       regular expressions (re.M) that must match stdout
  stdout_lines    exact number of lines on stdout
  stdout_json     True: stdout must be one JSON document; or a function
                  taking the parsed document and raising AssertionError
  stdout_file     path (with substitutions) of a golden file stdout must equal
  stderr_has      substrings that must appear on stderr
  stderr_lines    exact number of lines on stderr (FORMATS.md: a malformed
                  input gives exit 1 and ONE line on stderr)
  stderr_empty    True: nothing at all on stderr
  files_absent    paths (with substitutions) that must not exist afterwards
                  (no partial output file on failure)
  check           a function taking a Result (.stdout, .stderr, .exit,
                  .tmp, .run(argv, ...) to run another program) and raising
                  AssertionError with a message when something is wrong
  timeout         seconds (default 60)

Exit status: 0 when every case passed, 1 otherwise; each case prints one
line "ok NAME" or "FAIL NAME: why" (with the program's output on failure).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback


class Result:
    """What a program did: exit status, stdout and stderr as text."""

    def __init__(self, argv, exit, stdout, stderr, tmp, runner):
        self.argv = argv
        self.exit = exit
        self.stdout = stdout
        self.stderr = stderr
        self.tmp = tmp
        self._runner = runner

    def run(self, argv, stdin=None, env=None, timeout=60):
        """Runs another program (same substitutions) and returns its Result."""
        return self._runner(argv, stdin, env, timeout, self.tmp)


class Case:
    def __init__(self, name, argv, **kw):
        known = {'stdin', 'files', 'env', 'exit', 'stdout_has', 'stdout_lacks',
                 'stdout_re', 'stdout_lines', 'stdout_json', 'stdout_file',
                 'stderr_has', 'stderr_lines', 'stderr_empty', 'files_absent',
                 'check', 'timeout'}
        unknown = set(kw) - known
        if unknown:
            raise TypeError('case %s: unknown arguments %s' % (name, sorted(unknown)))
        self.name = name
        self.argv = list(argv)
        self.kw = kw


def case(name, argv, **kw):
    return Case(name, argv, **kw)


class Runner:
    def __init__(self, src, build, verbose):
        self.src = os.path.abspath(src)
        self.build = os.path.abspath(build)
        self.verbose = verbose

    def subst(self, value, tmp):
        if isinstance(value, bytes) or value is None:
            return value
        return (value.replace('{src}', self.src).replace('{build}', self.build)
                .replace('{data}', os.path.join(self.src, 'tests', 'data'))
                .replace('{tmp}', tmp))

    def program(self, name):
        if os.path.isabs(name):
            return name
        for d in ('examples', 'tools', ''):
            p = os.path.join(self.build, d, name)
            if os.path.isfile(p) and os.access(p, os.X_OK):
                return p
        raise AssertionError('program %s not found under %s/examples' % (name, self.build))

    def execute(self, argv, stdin, env, timeout, tmp):
        argv = [self.subst(a, tmp) for a in argv]
        argv[0] = self.program(argv[0])
        full_env = dict(os.environ)
        for k, v in (env or {}).items():
            if v is None:
                full_env.pop(k, None)
            else:
                full_env[k] = self.subst(v, tmp)
        data = stdin.encode('utf-8') if isinstance(stdin, str) else stdin
        p = subprocess.run(argv, input=data, capture_output=True, env=full_env,
                           timeout=timeout,
                           stdin=None if data is not None else subprocess.DEVNULL,
                           cwd=tmp)
        return Result(argv, p.returncode, p.stdout.decode('utf-8', 'replace'),
                      p.stderr.decode('utf-8', 'replace'), tmp, self.execute)

    def check_case(self, c, tmp):
        kw = c.kw
        for rel, content in (kw.get('files') or {}).items():
            path = os.path.join(tmp, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            content = self.subst(content, tmp)
            with open(path, 'wb') as f:
                f.write(content.encode('utf-8') if isinstance(content, str) else content)
        stdin = kw.get('stdin')
        if isinstance(stdin, str):
            stdin = self.subst(stdin, tmp)
        r = self.execute(c.argv, stdin, kw.get('env'), kw.get('timeout', 60), tmp)
        want = kw.get('exit', 0)
        assert r.exit == want, 'exit status %d, expected %d' % (r.exit, want)
        for s in kw.get('stdout_has', []):
            s = self.subst(s, tmp)
            assert s in r.stdout, 'stdout lacks %r' % s
        for s in kw.get('stdout_lacks', []):
            s = self.subst(s, tmp)
            assert s not in r.stdout, 'stdout has %r' % s
        for rx in kw.get('stdout_re', []):
            assert re.search(rx, r.stdout, re.M), 'stdout does not match /%s/' % rx
        if 'stdout_lines' in kw:
            n = len(r.stdout.splitlines())
            assert n == kw['stdout_lines'], '%d lines on stdout, expected %d' % (n, kw['stdout_lines'])
        if kw.get('stdout_json'):
            try:
                doc = json.loads(r.stdout)
            except ValueError as e:
                raise AssertionError('stdout is not JSON: %s' % e)
            if callable(kw['stdout_json']):
                kw['stdout_json'](doc)
        if 'stdout_file' in kw:
            with open(self.subst(kw['stdout_file'], tmp), encoding='utf-8') as f:
                expected = f.read()
            assert r.stdout == expected, 'stdout differs from %s' % kw['stdout_file']
        for s in kw.get('stderr_has', []):
            s = self.subst(s, tmp)
            assert s in r.stderr, 'stderr lacks %r' % s
        if 'stderr_lines' in kw:
            n = len(r.stderr.splitlines())
            assert n == kw['stderr_lines'], '%d lines on stderr, expected %d' % (n, kw['stderr_lines'])
        if kw.get('stderr_empty'):
            assert r.stderr == '', 'stderr is not empty'
        for p in kw.get('files_absent', []):
            p = self.subst(p, tmp)
            assert not os.path.exists(p), '%s exists' % p
        if 'check' in kw:
            kw['check'](r)
        return r

    def run_case(self, c):
        tmp = tempfile.mkdtemp(prefix='elect-example-')
        r = None
        try:
            r = self.check_case(c, tmp)
            print('ok %s' % c.name)
            if self.verbose and r is not None:
                print(r.stdout)
            return True
        except AssertionError as e:
            print('FAIL %s: %s' % (c.name, e))
            print('  argv: %s' % ' '.join(c.argv))
            if self.verbose:
                traceback.print_exc()
            return False
        except Exception:
            print('FAIL %s: exception' % c.name)
            traceback.print_exc()
            return False
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def load_cases(path):
    namespace = {'case': case, 'Result': Result, '__file__': path}
    with open(path, encoding='utf-8') as f:
        code = compile(f.read(), path, 'exec')
    exec(code, namespace)
    return namespace.get('CASES', [])


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description='Run the example-program test cases.')
    ap.add_argument('--source', default=os.environ.get('ELECT_SOURCE_ROOT',
                                                       os.path.dirname(os.path.dirname(here))))
    ap.add_argument('--build', default=os.environ.get('ELECT_BUILD_ROOT'))
    ap.add_argument('-k', dest='only', help='run only cases whose name contains this')
    ap.add_argument('-v', dest='verbose', action='store_true')
    ap.add_argument('case_files', nargs='+',
                    help='case files, or program names (tests/examples/cases/NAME.py)')
    args = ap.parse_args()
    if not args.build:
        ap.error('--build BUILD_DIR is required (or ELECT_BUILD_ROOT)')
    runner = Runner(args.source, args.build, args.verbose)
    passed = failed = 0
    for cf in args.case_files:
        path = cf if os.path.exists(cf) else os.path.join(here, 'cases', cf + '.py')
        cases = load_cases(path)
        if not cases:
            print('FAIL %s: no CASES' % path)
            failed += 1
        names = set()
        for c in cases:
            if c.name in names:
                print('FAIL %s: duplicate case name' % c.name)
                failed += 1
            names.add(c.name)
            if args.only and args.only not in c.name:
                continue
            if runner.run_case(c):
                passed += 1
            else:
                failed += 1
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
