#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Renders the printable documents of the bundled samples with elect-print
# and writes the PNG images of doc/printing.md into doc/images/ (80 dpi).
#
#   bash tools/print-samples.sh [BUILD]     (default BUILD: build; needs
#                                            libelect-print and poppler-utils)
#
# Re-run it after a change of layout, and commit the images it writes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=${1:-build}
bin=$build/examples
out=doc/images
data=examples/data
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export ELECT_LOCALEDIR=$PWD/$build/po
mkdir -p "$out"

"$bin/elect-slate" --profile zhejiang-village-committee \
  --nominations $data/village-2026/nominations.json --candidates $data/village-2026/candidates.json \
  --negative-list data/negative-lists/village-5-years.ini --reference-date 2026-11-28 -o "$tmp/slate.json"
"$bin/elect-count" $data/village-2026/election.json -o "$tmp/result.json"
"$bin/elect-count" $data/party-branch/election.json -o "$tmp/party-result.json"

p () { "$bin/elect-print" "$@"; }
p ballot $data/village-2026/election.json -o "$tmp/ballot-village.pdf"
p ballot $data/party-branch/election.json -o "$tmp/ballot-party.pdf"
p roll --profile zhejiang-village-committee --election-day 2026-12-20 \
  --title 青山村第十二届村民委员会选举 $data/village-2026/roll.csv -o "$tmp/roll-village.pdf"
p candidates "$tmp/slate.json" --title 青山村第十二届村民委员会选举 --date 2026-12-15 \
  --issuer 青山村村民选举委员会 -o "$tmp/candidates-village.pdf"
p result --election $data/village-2026/election.json --issuer 青山村村民选举委员会 \
  "$tmp/result.json" -o "$tmp/result-village.pdf"
p result --election $data/party-branch/election.json --issuer 中共青山村支部委员会 -O reasons=no \
  "$tmp/party-result.json" -o "$tmp/result-party.pdf"

# First pages only (the roll has 16); -singlefile names the image NAME.png.
for doc in ballot-village ballot-party roll-village candidates-village result-village result-party; do
  pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$tmp/$doc.pdf" "$out/$doc"
  printf '%-22s %3s page(s) %8d bytes PDF %8d bytes PNG\n' "$doc" \
    "$(pdfinfo "$tmp/$doc.pdf" | sed -n 's/^Pages: *//p')" \
    "$(stat -c %s "$tmp/$doc.pdf")" "$(stat -c %s "$out/$doc.png")"
done
