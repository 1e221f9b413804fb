#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Copies the ctypes package into the build tree, so that it can be used
uninstalled (run at every build; new modules are picked up without editing
any meson.build).

    copy-package.py SRC_PACKAGE_DIR BUILD_PYTHON_DIR BUILD_ROOT STAMP

SRC_PACKAGE_DIR/*.py is copied to BUILD_PYTHON_DIR/libelect/ (stale copies
of removed modules are deleted), and BUILD_ROOT/libelect is made a symbolic
link to it, so that `python3 -c "import libelect"` works with the build
directory as the current directory. The package's _lib.py finds
BUILD_ROOT/lib/libelect.so.1 relative to its own (real) location.
"""
import os
import shutil
import sys


def main():
    src, pydir, build_root, stamp = sys.argv[1:]
    dst = os.path.join(pydir, 'libelect')
    os.makedirs(dst, exist_ok=True)
    wanted = sorted(f for f in os.listdir(src) if f.endswith('.py'))
    for f in wanted:
        s, d = os.path.join(src, f), os.path.join(dst, f)
        with open(s, 'rb') as fh:
            data = fh.read()
        old = None
        if os.path.exists(d):
            with open(d, 'rb') as fh:
                old = fh.read()
        if old != data:
            tmp = d + '.tmp'
            with open(tmp, 'wb') as fh:
                fh.write(data)
            shutil.copymode(s, tmp)
            os.replace(tmp, d)
    for f in os.listdir(dst):
        if f.endswith('.py') and f not in wanted:
            os.remove(os.path.join(dst, f))
    link = os.path.join(build_root, 'libelect')
    target = os.path.relpath(dst, build_root)
    if os.path.islink(link):
        if os.readlink(link) != target:
            os.remove(link)
    if not os.path.lexists(link):
        os.symlink(target, link)
    with open(stamp, 'w') as fh:
        fh.write('\n'.join(wanted) + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
