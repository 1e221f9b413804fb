#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Install into a staging directory, then build a program outside the tree
against the installed headers and library with pkg-config, and run it.

  check-install.py --build BUILD --prefix P --libdir L --datadir D
                   --includedir I --cc "CC" [--sanitize address,undefined]
                   install-test.c

Steps: `meson install --no-rebuild --destdir STAGE`; check the installed
files (headers under I/libelect-1/elect/, libelect.so.1, the pkg-config
module libelect-1, the nine profiles under D/libelect/profiles); compile
install-test.c in a temporary directory with
`pkg-config --cflags --libs libelect-1` (PKG_CONFIG_PATH pointing into the
staged prefix, through a copy of libelect-1.pc whose prefix= is the staged
prefix, since the module says prefix=P); run it with LD_LIBRARY_PATH on the
staged library. It must print the version, load the installed
zhejiang-village-committee.ini (and its parent, village-committee.ini, found
beside it) and a built-in profile, and use the staged library.

With --print-source FILE (when libelect-print is built): libelect-print.so.1,
libelect-print-1.pc and elect/elect-print.h are installed too, and FILE
builds with `pkg-config --cflags --libs libelect-print-1` and runs.
"""
import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

PROFILES = ['village-committee', 'zhejiang-village-committee', 'shanghai-village-committee',
            'beijing-village-committee', 'henan-village-committee', 'residents-committee',
            'party-committee', 'supervision-committee', 'shanghai-supervision-committee']


def run(cmd, **kw):
    print('$ ' + ' '.join(shlex.quote(c) for c in cmd))
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    sys.stdout.write(p.stdout)
    sys.stdout.write(p.stderr)
    if p.returncode != 0:
        raise SystemExit('FAIL: exit status %d' % p.returncode)
    return p.stdout


def main():
    ap = argparse.ArgumentParser()
    for opt in ('--build', '--prefix', '--libdir', '--datadir', '--includedir', '--cc'):
        ap.add_argument(opt, required=True)
    ap.add_argument('--sanitize', default='none')
    ap.add_argument('--print-source')
    ap.add_argument('source')
    a = ap.parse_args()

    def rel(d):
        return d if os.path.isabs(d) else os.path.join(a.prefix, d)

    tmp = tempfile.mkdtemp(prefix='elect-install-')
    try:
        stage = os.path.join(tmp, 'stage')
        run(['meson', 'install', '-C', a.build, '--no-rebuild', '--quiet', '--destdir', stage])
        sprefix = stage + a.prefix
        slib = stage + rel(a.libdir)
        sinc = stage + rel(a.includedir)
        sprof = os.path.join(stage + rel(a.datadir), 'libelect', 'profiles')

        missing = [p for p in
                   [os.path.join(sinc, 'libelect-1', 'elect', h) for h in
                    ('elect.h', 'elect-version.h', 'elect-enums.h', 'elect-rules.h', 'elect-macros.h')] +
                   [os.path.join(slib, 'libelect.so.1'), os.path.join(slib, 'pkgconfig', 'libelect-1.pc')] +
                   [os.path.join(sprof, n + '.ini') for n in PROFILES]
                   if not os.path.exists(p)]
        if missing:
            raise SystemExit('FAIL: not installed: ' + ', '.join(missing))
        soname = subprocess.run(['objdump', '-p', os.path.join(slib, 'libelect.so.1')],
                                check=True, capture_output=True, text=True).stdout
        if not re.search(r'SONAME\s+libelect\.so\.1\b', soname):
            raise SystemExit('FAIL: the installed library has no soname libelect.so.1')

        # A relocated copy of the module: prefix= set to the staged prefix.
        pcdir = os.path.join(tmp, 'pkgconfig')
        os.makedirs(pcdir)
        with open(os.path.join(slib, 'pkgconfig', 'libelect-1.pc'), encoding='utf-8') as f:
            pc = f.read()
        if not re.search(r'^Requires:.*\bglib-2\.0\b', pc, re.M):
            raise SystemExit('FAIL: libelect-1.pc does not require glib-2.0')
        pc = re.sub(r'^prefix=.*$', 'prefix=' + sprefix, pc, count=1, flags=re.M)
        with open(os.path.join(pcdir, 'libelect-1.pc'), 'w', encoding='utf-8') as f:
            f.write(pc)
        env = dict(os.environ, PKG_CONFIG_PATH=pcdir)
        env.pop('PKG_CONFIG_SYSROOT_DIR', None)
        flags = shlex.split(run(['pkg-config', '--cflags', '--libs', 'libelect-1'], env=env))
        if '-lelect' not in flags or '-lglib-2.0' not in flags or \
                ('-I' + os.path.join(sinc, 'libelect-1')) not in flags:
            raise SystemExit('FAIL: unexpected pkg-config flags %s' % flags)
        profiledir = run(['pkg-config', '--variable=profiledir', 'libelect-1'], env=env).strip()
        if profiledir != sprof:
            raise SystemExit('FAIL: profiledir %s, expected %s' % (profiledir, sprof))

        work = os.path.join(tmp, 'outside')
        os.makedirs(work)
        src = os.path.join(work, 'install-test.c')
        shutil.copy(a.source, src)
        exe = os.path.join(work, 'install-test')
        san = ['-fsanitize=' + a.sanitize] if a.sanitize not in ('', 'none') else []
        run(shlex.split(a.cc) + ['-Wall', '-Werror'] + san + [src, '-o', exe] + flags, cwd=work)

        renv = dict(os.environ, LD_LIBRARY_PATH=slib, ELECT_PROFILE_PATH='')
        renv.pop('LIBELECT_LIBRARY', None)
        zj = os.path.join(sprof, 'zhejiang-village-committee.ini')
        out = run([exe, zj], env=renv, cwd=work)
        want = ['libelect ', 'profile zhejiang-village-committee from ' + zj,
                'parent village-committee from ' + os.path.join(sprof, 'village-committee.ini'),
                'built-in party-committee quorum >4/5', 'library ' + slib + '/libelect.so.1']
        for w in want:
            if w not in out:
                raise SystemExit('FAIL: the output lacks %r' % w)
        # By name, through ELECT_PROFILE_PATH pointing at the installed profiles.
        renv['ELECT_PROFILE_PATH'] = sprof
        out = run([exe, 'zhejiang-village-committee'], env=renv, cwd=work)
        if 'profile zhejiang-village-committee from ' + zj not in out:
            raise SystemExit('FAIL: ELECT_PROFILE_PATH did not find the installed profile')
        if a.print_source:
            missing = [p for p in (os.path.join(slib, 'libelect-print.so.1'),
                                   os.path.join(slib, 'pkgconfig', 'libelect-print-1.pc'),
                                   os.path.join(sinc, 'libelect-1', 'elect', 'elect-print.h'))
                       if not os.path.exists(p)]
            if missing:
                raise SystemExit('FAIL: not installed: ' + ', '.join(missing))
            with open(os.path.join(slib, 'pkgconfig', 'libelect-print-1.pc'), encoding='utf-8') as f:
                pc = f.read()
            if not re.search(r'^Requires:.*\blibelect-1\b', pc, re.M):
                raise SystemExit('FAIL: libelect-print-1.pc does not require libelect-1')
            pc = re.sub(r'^prefix=.*$', 'prefix=' + sprefix, pc, count=1, flags=re.M)
            with open(os.path.join(pcdir, 'libelect-print-1.pc'), 'w', encoding='utf-8') as f:
                f.write(pc)
            pflags = shlex.split(run(['pkg-config', '--cflags', '--libs', 'libelect-print-1'], env=env))
            if '-lelect-print' not in pflags or '-lelect' not in pflags:
                raise SystemExit('FAIL: unexpected pkg-config flags %s' % pflags)
            psrc = os.path.join(work, 'install-print-test.c')
            shutil.copy(a.print_source, psrc)
            pexe = os.path.join(work, 'install-print-test')
            run(shlex.split(a.cc) + ['-Wall', '-Werror'] + san + [psrc, '-o', pexe] + pflags, cwd=work)
            out = run([pexe], env=renv, cwd=work)
            if 'library ' + slib + '/libelect-print.so.1' not in out:
                raise SystemExit('FAIL: the print test did not use the staged library')
        print('ok: installed, built outside the tree with pkg-config, ran against the staged library')
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
