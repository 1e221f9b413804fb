#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Installs what is needed, builds and runs every test:
#  1. build-ci/   -Dwerror=true: ALL suites (unit, api, data, fuzz replay,
#                 python, examples, abi, docs);
#  2. build-asan/ -Db_sanitize=address,undefined: the C suites (everything
#                 but python and docs) with leak detection and UBSan fatal;
#  3. build-ci/   again, the C suites (unit, api, fuzz, print-c) under valgrind
#                 memcheck (meson test --setup valgrind: any error or
#                 definite leak fails);
#  4. build-fuzz/ clang, -Dfuzzing=true, ASan+UBSan: a short run (3 s) of
#                 every libFuzzer target (suite fuzz-run, bench/fuzz.sh).
# Ends with one plain line computed from the four meson-logs/testlog*.json:
#   N passed, N failed[, N skipped]
# and exits non-zero when anything failed (a build failure counts as one).
#
#   bash tools/test.sh          (fresh Debian 12, as root; .ci/run runs this)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
start=$(date +%s)
export PATH=/usr/bin:$PATH   # Debian's python3 (with python3-pytest) first
export LC_ALL=C.UTF-8
jobs=${ELECT_JOBS:-2}
build_failures=()

bash tools/install-deps.sh || build_failures+=("install-deps")

# setup DIR OPTIONS...: configure (or reconfigure) a build directory.
setup () {
  local dir=$1
  shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@"
  else
    meson setup "$dir" "$@"
  fi
}

run_build () {
  local dir=$1
  shift
  local setup_opts=() test_opts=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do setup_opts+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  test_opts=("$@")
  echo "==== $dir: setup ${setup_opts[*]}"
  rm -f "$dir"/meson-logs/testlog*.json
  if ! setup "$dir" "${setup_opts[@]}" >"/tmp/elect-setup-$$.log" 2>&1; then
    cat "/tmp/elect-setup-$$.log"
    build_failures+=("$dir: meson setup")
    return
  fi
  echo "==== $dir: build"
  if ! ninja -C "$dir" -j"$jobs"; then
    build_failures+=("$dir: build")
    return
  fi
  echo "==== $dir: test ${test_opts[*]}"
  meson test -C "$dir" --num-processes "$jobs" --print-errorlogs "${test_opts[@]}"
  echo "==== $dir: meson test exit status $?"
}

run_build build-ci -Dwerror=true -- 

ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  run_build build-asan -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false \
    -Dpython=false -Ddocs=false -- --no-suite python --no-suite docs

# The C suites of build-ci under valgrind (results in testlog-valgrind.json).
if [ -f build-ci/build.ninja ]; then
  echo "==== build-ci: test --setup valgrind (unit, api, fuzz, print-c)"
  print_c=()
  grep -q "print-c" build-ci/meson-info/intro-tests.json 2>/dev/null && print_c=(--suite print-c)
  meson test -C build-ci --setup valgrind --num-processes "$jobs" --print-errorlogs \
    --suite unit --suite api --suite fuzz "${print_c[@]}"
  status=$?
  echo "==== build-ci: valgrind exit status $status"
  [ -s build-ci/meson-logs/testlog-valgrind.json ] || build_failures+=("build-ci: the valgrind pass ran no test (exit status $status)")
else
  build_failures+=("build-ci: no build for the valgrind pass")
fi

# Every fuzz target for a few seconds, built with clang and libFuzzer.
CC=clang run_build build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false \
  -Ddocs=false -Dpython=false -- --suite fuzz-run

rm -f "/tmp/elect-setup-$$.log"
echo "==== took $(( $(date +%s) - start )) s"
python3 - "${build_failures[@]}" <<'PY'
import json, os, sys
passed = failed = skipped = 0
for d, log in (('build-ci', 'testlog.json'), ('build-asan', 'testlog.json'),
               ('build-ci', 'testlog-valgrind.json'), ('build-fuzz', 'testlog.json')):
    path = os.path.join(d, 'meson-logs', log)
    p = f = s = 0
    if os.path.exists(path):
        for line in open(path, encoding='utf-8'):
            line = line.strip()
            if not line:
                continue
            r = json.loads(line).get('result')
            if r in ('OK', 'EXPECTEDFAIL'):
                p += 1
            elif r == 'SKIP':
                s += 1
            else:
                f += 1
                print('failed: %s/%s %s (%s)' % (d, log, json.loads(line).get('name'), r))
    print('%s/%s: %d passed, %d failed, %d skipped' % (d, log, p, f, s))
    passed, failed, skipped = passed + p, failed + f, skipped + s
for what in sys.argv[1:]:
    print('failed: %s' % what)
    failed += 1
line = '%d passed, %d failed' % (passed, failed)
if skipped:
    line += ', %d skipped' % skipped
print(line)
sys.exit(1 if failed or passed == 0 else 0)
PY
