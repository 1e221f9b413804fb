#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Runs every libFuzzer target for N seconds and prints, per target, the
# executions, the size of the corpus at the end and the findings
# (crash/leak/timeout/oom files).
#
#   bash bench/fuzz.sh [SECONDS] [BUILD_DIR] [TARGET...]  (defaults: 60, build-fuzz, all)
#
# Environment: FUZZ_RUNS=N stops each target after N executions instead of
# (or before) SECONDS; FUZZ_NO_BUILD=1 skips `ninja` (the meson tests of
# the fuzz build run this script on themselves that way, suite "fuzz-run");
# FUZZ_KEEP=1 keeps the corpus grown by earlier runs (BUILD_DIR/fuzz-work/)
# and adds the seed corpus to it, so that runs accumulate; FUZZ_MAX_LEN=N
# caps the input size (default 65536); FUZZ_ARGS adds libFuzzer flags.
# A process stopped (SIGSTOP) in the middle of an input leaves a
# "slow-unit-*" file when it resumes: replay it before calling it a finding.
#
# The build dir is configured here when missing:
#   CC=clang meson setup BUILD_DIR -Dfuzzing=true -Db_sanitize=address,undefined \
#     -Db_lundef=false -Ddocs=false -Dpython=false
# Each target starts from a copy of tests/fuzz/corpus/<name>/ (the seed
# corpus in the tree is never modified) with tests/fuzz/<name>.dict when it
# exists; findings are written to BUILD_DIR/fuzz-findings/<name>/.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
build=${2:-build-fuzz}

if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
  if [ ! -f "$build/build.ninja" ]; then
    CC=clang meson setup "$build" -Dfuzzing=true -Db_sanitize=address,undefined \
      -Db_lundef=false -Ddocs=false -Dpython=false >/dev/null
  fi
  ninja -C "$build" -j2 >/dev/null
fi

if [ $# -gt 2 ]; then
  shift 2
  targets="$*"
else
  targets=$(sed -n "/^fuzz_targets = \[/,/^\]/p" tests/fuzz/meson.build | grep -o "'[a-z0-9_-]*'" | tr -d "'")
fi
runs=()
[ -n "${FUZZ_RUNS:-}" ] && runs=(-runs="$FUZZ_RUNS")
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
status=0
printf '%-20s %12s %10s %8s %8s %s\n' target executions exec/s corpus findings result
for t in $targets; do
  exe="$build/tests/fuzz/fuzz-$t"
  [ -x "$exe" ] || { printf '%-20s %s\n' "$t" "not built (is -Dfuzzing=true set?)"; status=1; continue; }
  work="$build/fuzz-work/$t"; found="$build/fuzz-findings/$t"
  [ "${FUZZ_KEEP:-0}" = 1 ] || rm -rf "$work"
  rm -rf "$found"; mkdir -p "$work" "$found"
  cp -r tests/fuzz/corpus/"$t"/. "$work"/
  dict=(); [ -f "tests/fuzz/$t.dict" ] && dict=(-dict="tests/fuzz/$t.dict")
  log="$build/fuzz-findings/$t.log"
  set +e
  # shellcheck disable=SC2086
  "$exe" -max_total_time="$secs" "${runs[@]}" -max_len="${FUZZ_MAX_LEN:-65536}" -timeout=10 -rss_limit_mb=2048 ${FUZZ_ARGS:-} \
    "${dict[@]}" -artifact_prefix="$found/" "$work" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -Eo '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  rate=$(grep -Eo 'exec/s: [0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+' || true)
  nfind=$(find "$found" -maxdepth 1 -type f | wc -l)
  ncorpus=$(find "$work" -maxdepth 1 -type f | wc -l)
  result=ok; [ "$rc" -ne 0 ] || [ "$nfind" -ne 0 ] && { result="FINDINGS (see $log)"; status=1; }
  printf '%-20s %12s %10s %8s %8s %s\n' "$t" "${execs:-0}" "${rate:-?}" "$ncorpus" "$nfind" "$result"
done
exit $status
