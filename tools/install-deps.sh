#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Installs every Debian 12 package needed to build, test, document and fuzz
# libelect: the single list of the project's system dependencies.
#
#   bash tools/install-deps.sh          (as root; CI runs it from .ci/run)
#
# As root, always runs `apt-get update` and `apt-get install -y` over the
# whole list (a no-op for what is installed and current), so that a fresh
# machine and CI see the same steps. Skips apt when not root or when
# ELECT_SKIP_APT=1 (then only reports what is missing). Add a package: one
# line, with a comment saying why.
set -euo pipefail

packages=(
  meson              # the build system (1.0.1 on Debian 12)
  ninja-build        # meson's backend
  pkg-config         # finds glib, json-glib, cmocka; tests the installed libelect-1.pc
  gcc                # the default compiler
  libc6-dev          # C library headers
  clang              # fuzz targets (-fsanitize=fuzzer), second compiler
  libclang-rt-14-dev # libFuzzer and clang's sanitizer runtimes (bench/fuzz.sh)
  lld                # linker for clang builds
  binutils           # nm, objdump, readelf: the ABI suite
  libglib2.0-dev     # GLib: containers, strings, key files, i18n; glib-mkenums
  libglib2.0-bin     # glib-compile-resources and friends
  libjson-glib-dev   # JSON documents
  libsodium-dev      # Ed25519 signatures of results and tally sheets (elect-audit.h)
  libcmocka-dev      # C unit tests
  doxygen            # API reference (docs suite)
  gettext            # msgfmt, xgettext: the zh_CN catalogue
  python3            # build-time generators, test runners, ctypes binding
  python3-pytest     # the python suite
  python3-matplotlib # examples/python/plot-stats.py (structure statistics as a PNG; python suite)
  abigail-tools      # abidw/abidiff: ABI baseline check
  valgrind           # meson test --setup valgrind
  libyajl-dev        # streaming JSON parser for large ballot files
  libjemalloc-dev    # elect-batch's allocator (optional: ~10 % faster than glibc malloc on many threads)
  file               # file type checks in tests
  locales            # zh_CN.UTF-8 / C.UTF-8 for translated output
  libpango1.0-dev    # libelect-print: text layout (pangocairo), -Dprint
  libcairo2-dev      # libelect-print: PDF and SVG surfaces
  fonts-noto-cjk     # libelect-print: the Chinese font of the printed documents
  poppler-utils      # pdftotext, pdftoppm, pdfinfo: the print suite; tools/print-samples.sh
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ "${ELECT_SKIP_APT:-0}" = 1 ] || [ "$(id -u)" -ne 0 ]; then
  if [ "${#missing[@]}" -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages are installed"
  else
    echo "install-deps: not installing (not root or ELECT_SKIP_APT=1); missing: ${missing[*]}" >&2
  fi
  exit 0
fi

echo "install-deps: ${#packages[@]} packages (${#missing[@]} missing: ${missing[*]:-none})"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends "${packages[@]}" </dev/null >/dev/null
echo "install-deps: done"
