#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# The demonstration: installs what is needed, builds libelect and its
# programs in build-demo/, then runs the main job on the bundled sample data.
#
#   bash tools/demo.sh              (fresh Debian 12, as root)
#
# To extend the demonstration, add a `step` line at the end: a title, then a
# program of examples/ (run from the build) and its arguments. Sample data
# lives under data/samples/ ($samples below).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
build=${ELECT_DEMO_BUILD:-build-demo}
samples=$root/data/samples
export PATH=/usr/bin:$PATH   # Debian's python3 first

bash tools/install-deps.sh
if [ -f "$build/build.ninja" ]; then
  meson setup --reconfigure "$build" >/dev/null
else
  meson setup "$build" -Dtests=false -Ddocs=false >/dev/null
fi
ninja -C "$build" -j2 >/dev/null
echo "demo: built libelect $(sed -n "s/^  version: '\(.*\)',$/\1/p" meson.build | head -1) in $build"

n=0
step () {
  local title=$1 prog=$2
  shift 2
  n=$((n + 1))
  printf '\n==== %d. %s\n$ %s %s\n' "$n" "$title" "$prog" "$*"
  ELECT_LOCALEDIR="$root/$build/po" "$build/examples/$prog" "$@"
}

# ---- the steps (add yours here) --------------------------------------------
step "The built-in rule profiles (规则配置)" \
  elect-profile --list
step "The Zhejiang villagers' committee profile, fully resolved: every parameter, its value, where it was set (inherited from the national profile or not) and its citation" \
  elect-profile --lang en zhejiang-village-committee
step "The Party committee profile in Chinese (党组织委员会选举)" \
  elect-profile --lang zh party-committee
step "A village election counted (1,210 ballots, every kind of defect): the announcement a township posts (选举结果公告)" \
  elect-count --format text "$root/examples/data/village-2026/election.json"
step "The same in English, from a tally sheet (计票单) of a residents' committee" \
  elect-count --lang en --format text "$root/examples/data/tally-sheet/election.json"
step "A round that leaves a seat unfilled: the result (JSON) names the supplementary round (另行选举) and its candidates" \
  elect-count --lang en "$root/examples/data/supplementary/round1.json"
# ---------------------------------------------------------------------------

printf '\ndemo: %d steps done\n' "$n"
