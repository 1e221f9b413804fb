#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# The demonstration: installs what is needed, builds libelect and its
# programs in build-demo/, then runs the main job on the bundled sample data.
#
#   bash tools/demo.sh              (fresh Debian 12, as root)
#
# The main job is one whole village election, Qingshan village 2026
# (examples/data/village-2026/): the roll, the proxies, the candidates'
# vetting and ballot order, the count and the announcement. Outputs are
# written to $build/demo/. To extend the demonstration, add a `step` line: a
# title, then a program of examples/ (run from the build) and its arguments.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
build=${ELECT_DEMO_BUILD:-build-demo}
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
village=$root/examples/data/village-2026
out=$build/demo
mkdir -p "$out"
# summary FILE KEY...: print the named top-level members of a JSON output.
summary () {
  local file=$1
  shift
  python3 - "$file" "$@" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding='utf-8'))
for key in sys.argv[2:]:
    print('%s: %s' % (key, json.dumps(doc.get(key), ensure_ascii=False)))
PY
}

step "The rule profile of this election, Zhejiang villagers' committee (浙江省村民委员会选举), fully resolved: every parameter, its value, where it was set and its citation" \
  elect-profile --lang en zhejiang-village-committee
step "Who may vote: 1,719 people judged against the roll rules (选民登记), verdicts written to $out/roll.json" \
  elect-roll --profile zhejiang-village-committee --election-day 2026-12-20 \
    -o "$out/roll.json" "$village/roll.csv"
summary "$out/roll.json" summary
step "The public roll (选民名单公告), ID numbers masked, written to $out/roll-public.csv" \
  elect-roll --profile zhejiang-village-committee --election-day 2026-12-20 \
    --publish -o "$out/roll-public.csv" "$village/roll.csv"
head -n 6 "$out/roll-public.csv"
step "Proxies (委托投票) checked against the roll and the profile's limits" \
  elect-roll --profile zhejiang-village-committee --election-day 2026-12-20 \
    --publish-proxies --proxies "$village/proxies.csv" -o "$out/proxies-public.csv" "$village/roll.csv"
head -n 6 "$out/proxies-public.csv"
step "Who may stand: nominations counted and nominees vetted against the negative list (资格审查), written to $out/slate.json" \
  elect-slate --profile zhejiang-village-committee --nominations "$village/nominations.json" \
    --candidates "$village/candidates.json" \
    --negative-list "$root/data/negative-lists/village-5-years.ini" \
    --reference-date 2026-11-28 -o "$out/slate.json"
python3 - "$out/slate.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding='utf-8'))
for v in doc['vetting']:
    if v['verdict'] != 'eligible':
        print('%s: %s (%s)' % (v['name'], v['verdict'], '; '.join(m['message'] for m in v['matches'])))
for c in doc['committee_conflicts']:
    print(c['message'])
for post in doc['nomination']['posts']:
    print('official candidates for %s: %s' % (post['id'], ' '.join(post['official'])))
PY
python3 - "$out/slate.json" > "$out/members.txt" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding='utf-8'))
for post in doc['nomination']['posts']:
    if post['id'] == 'member':
        print('\n'.join(post['official']))
PY
step "The ballot order of the members' candidates, by surname strokes (按姓氏笔画)" \
  elect-order "$out/members.txt"
step "Election day: 1,230 ballots issued, every kind of defect among those returned; the announcement the township posts (选举结果公告)" \
  elect-count --format text "$village/election.json"
step "The same count as the result file (JSON), written to $out/result.json" \
  elect-count -o "$out/result.json" "$village/election.json"
summary "$out/result.json" valid ballots_returned ballots_valid ballots_invalid
if [ -x "$build/examples/elect-print" ]; then
  step "The ballot paper (选票) and the result announcement (选举结果公告) as PDF, written to $out/" \
    elect-print ballot "$village/election.json" -o "$out/ballot.pdf"
  "$build/examples/elect-print" result --election "$village/election.json" "$out/result.json" \
    -o "$out/announcement.pdf"
  ls -l "$out/ballot.pdf" "$out/announcement.pdf"
fi
step "Another village, from a tally sheet (计票单), in English" \
  elect-count --lang en --format text "$root/examples/data/tally-sheet/election.json"
step "A round that leaves a seat unfilled, and the supplementary round (另行选举) it calls for" \
  elect-count --lang en --format text "$root/examples/data/supplementary/round1.json"
step "The supplementary round's count" \
  elect-count --lang en --format text "$root/examples/data/supplementary/round2.json"
township=$root/examples/data/township-2026
step "The township's view (青山镇, 30 villages) on 2026-12-01: who is behind (工期倒排), what is due in 7 days, problems past due (挂账督办), risks and discipline" \
  elect-township --format text --date 2026-12-01 --days 7 -o "$out/township.txt" "$township/township.json"
head -n 8 "$out/township.txt"
sed -n '/^逾期/,/^$/p' "$out/township.txt"
step "All 30 villages' results counted at once, with the structure of the new committees (elect-batch), summary in $out/batch-summary.json" \
  elect-batch --output-dir "$out/batch" --summary "$out/batch-summary.json" \
    --committee-profile "$township/qingshan-village-committee.ini" "$township/villages"
python3 - "$out/batch-summary.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1], encoding='utf-8'))['totals']
print('elections %d: %d valid, %d void; seats filled %d of %d; supplementary rounds %d'
      % (t['elections'], t['valid'], t['void'], t['seats_filled'], t['seats'], t['supplementary_rounds']))
c = t['committees']
print('committees %d (%d failing a composition rule): women %s, 一肩挑 %s, 交叉任职 %s, under 35 %s, average age %s'
      % (c['checked'], c['with_violations'], *('%d/%d' % (c[k]['num'], c[k]['den'])
         for k in ('women', 'one_shoulder', 'cross_membership', 'under_35')), c['average_age']['decimal']))
PY
# ---------------------------------------------------------------------------

printf '\ndemo: %d steps done\n' "$n"
