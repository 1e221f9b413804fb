#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Generate data/strokes/strokes-table.c, the stroke-order table of
libelect's name ordering (RULES.md §7.3), from

  * fcitx's py_stroke.mb (Debian package fcitx5-module-pinyinhelper,
    /usr/share/fcitx5/pinyinhelper/py_stroke.mb; LGPL-2.1+): one line
    "SEQUENCE CHARACTER" per character, the mainland five-class stroke
    sequence (1 横, 2 竖, 3 撇, 4 点, 5 折);
  * Unihan (Debian package unicode-data, /usr/share/unicode/Unihan_*.txt.bz2
    or Unihan.zip): kTGH, the position in the 通用规范汉字表 (2013), and
    kTotalStrokes for the cross-check;
  * data/strokes/overrides.tsv: corrections citing the standard.

Refresh (nothing of this is needed to build libelect; the output is
committed):

  apt-get download fcitx5-module-pinyinhelper
  dpkg -x fcitx5-module-pinyinhelper_*.deb /tmp/fcitx
  apt-get install unicode-data
  python3 tools/gen-strokes.py \\
      --stroke-table /tmp/fcitx/usr/share/fcitx5/pinyinhelper/py_stroke.mb \\
      --unihan /usr/share/unicode \\
      --overrides data/strokes/overrides.tsv \\
      --output data/strokes/strokes-table.c \\
      --report data/strokes/crosscheck.txt

Every character gets one rank: characters are sorted by (number of strokes,
five-class sequence, kTGH position — characters outside the 通用规范汉字表
after those in it —, code point) and numbered from 1. Comparing two
characters is comparing their ranks. The table stores the rank per code point
in dense blocks (0: no data) and the first rank of every stroke count.
Standard library only.
"""
import argparse
import bz2
import glob
import os
import sys
import zipfile


def read_strokes(path):
    seqs = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            parts = line.split(" ")
            if len(parts) != 2 or len(parts[1]) != 1 or not parts[0] or \
                    any(d not in "12345" for d in parts[0]):
                sys.exit(f"{path}:{n}: expected 'SEQUENCE CHARACTER'")
            seq, ch = parts
            if ch in seqs and seqs[ch] != seq:
                sys.exit(f"{path}:{n}: {ch} has two sequences")
            seqs[ch] = seq
    return seqs


def unihan_lines(path):
    if os.path.isdir(path):
        for name in sorted(glob.glob(os.path.join(path, "Unihan_*.txt*"))):
            opener = bz2.open if name.endswith(".bz2") else open
            with opener(name, "rt", encoding="utf-8") as f:
                yield from f
    else:
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                yield from z.read(name).decode("utf-8").splitlines()


def read_unihan(path):
    total, tgh = {}, {}
    for line in unihan_lines(path):
        if line.startswith("#") or not line.strip():
            continue
        cp, key, value = line.rstrip("\n").split("\t")
        ch = chr(int(cp[2:], 16))
        if key == "kTotalStrokes":
            total[ch] = [int(v) for v in value.split()]
        elif key == "kTGH":
            # "2013:238"; a character may be listed once.
            tgh[ch] = int(value.split()[0].split(":")[1])
    return total, tgh


def read_overrides(path):
    over = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or len(parts[0]) != 1 or \
                    any(d not in "12345" for d in parts[1]):
                sys.exit(f"{path}:{n}: expected CHARACTER<TAB>SEQUENCE<TAB>SOURCE")
            over[parts[0]] = (parts[1], parts[2])
    return over


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stroke-table", required=True)
    ap.add_argument("--unihan", required=True)
    ap.add_argument("--overrides", required=True)
    ap.add_argument("--output", required=True)
    ap.add_argument("--report")
    a = ap.parse_args()

    seqs = read_strokes(a.stroke_table)
    total, tgh = read_unihan(a.unihan)
    over = read_overrides(a.overrides)
    report = []
    for ch, (seq, why) in sorted(over.items()):
        report.append(f"override {ch} U+{ord(ch):04X}: {seqs.get(ch)} -> {seq} ({why})")
        seqs[ch] = seq

    # Cross-check against kTotalStrokes (first value: the zh-Hans count).
    mism_tgh, mism_other = [], 0
    for ch, seq in sorted(seqs.items(), key=lambda kv: ord(kv[0])):
        if ch in total and total[ch][0] != len(seq):
            if ch in tgh:
                mism_tgh.append(f"  {ch} U+{ord(ch):04X} TGH#{tgh[ch]}: sequence {seq} "
                                f"({len(seq)}) vs kTotalStrokes {total[ch]}")
            else:
                mism_other += 1
    missing = sorted((c for c in tgh if c not in seqs), key=ord)
    report.append(f"characters with a sequence: {len(seqs)}")
    report.append(f"kTotalStrokes disagreements outside the 通用规范汉字表: {mism_other}")
    report.append(f"kTotalStrokes disagreements inside the 通用规范汉字表: {len(mism_tgh)}")
    report.extend(mism_tgh)
    report.append(f"通用规范汉字表 characters without a sequence (reported as 'no data'): "
                  f"{len(missing)}")
    report.append("  " + " ".join(f"{c}U+{ord(c):04X}" for c in missing))

    # Second cross-check: within each level of the 通用规范汉字表 (1-3500,
    # 3501-6500, 6501-8105) characters are arranged by stroke count, so a
    # character's count should lie between its neighbours' counts.
    pos = {v: c for c, v in tgh.items()}

    def count_at(p):
        c = pos.get(p)
        return len(seqs[c]) if c in seqs else None

    odd = []
    for ch, p in sorted(tgh.items(), key=lambda kv: kv[1]):
        if ch not in seqs:
            continue
        n = len(seqs[ch])
        before = None if p in (1, 3501, 6501) else count_at(p - 1)
        after = None if p in (3500, 6500, 8105) else count_at(p + 1)
        if (before is not None and n < before) or (after is not None and n > after):
            odd.append(f"  {ch} U+{ord(ch):04X} TGH#{p}: {len(seqs[ch])} strokes, "
                       f"neighbours {before} and {after}, kTotalStrokes {total.get(ch)}")
    report.append(f"通用规范汉字表 characters out of step with their neighbours: {len(odd)}")
    report.extend(odd)

    big = 1 << 30
    order = sorted(seqs, key=lambda c: (len(seqs[c]), seqs[c], tgh.get(c, big), ord(c)))
    rank = {c: i + 1 for i, c in enumerate(order)}
    max_strokes = max(len(s) for s in seqs.values())
    first = []
    for n in range(max_strokes + 2):
        r = next((rank[c] for c in order if len(seqs[c]) >= n), len(order) + 1)
        first.append(r)

    cps = sorted(ord(c) for c in seqs)
    blocks, start, prev = [], cps[0], cps[0]
    for cp in cps[1:]:
        if cp - prev > 256:
            blocks.append((start, prev))
            start = cp
        prev = cp
    blocks.append((start, prev))

    out = []
    out.append("/* SPDX-License-Identifier: LGPL-2.1-or-later */")
    out.append("/* Generated by tools/gen-strokes.py: do not edit. Sources and licenses:")
    out.append(" * data/strokes/README.md. Ranks of characters in stroke order (RULES.md")
    out.append(" * §7.3): strokes, five-class sequence, 通用规范汉字表 position, code point. */")
    out.append('#include "strokes-private.h"')
    out.append("")
    for lo, hi in blocks:
        out.append(f"static const guint32 block_{lo:04x}[{hi - lo + 1}] = {{")
        vals = [str(rank.get(chr(cp), 0)) for cp in range(lo, hi + 1)]
        for i in range(0, len(vals), 16):
            out.append("  " + ",".join(vals[i:i + 16]) + ",")
        out.append("};")
    out.append("")
    out.append(f"const ElectStrokeBlock elect_stroke_blocks[{len(blocks)}] = {{")
    for lo, hi in blocks:
        out.append(f"  {{ 0x{lo:04x}, 0x{hi:04x}, block_{lo:04x} }},")
    out.append("};")
    out.append(f"const guint elect_stroke_n_blocks = {len(blocks)};")
    out.append(f"const guint32 elect_stroke_n_chars = {len(order)};")
    out.append(f"const guint elect_stroke_max = {max_strokes};")
    out.append("/* elect_stroke_first_rank[n]: the least rank of a character of n or more")
    out.append(" * strokes. */")
    out.append(f"const guint32 elect_stroke_first_rank[{len(first)}] = {{")
    out.append("  " + ",".join(str(x) for x in first))
    out.append("};")
    with open(a.output, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    if a.report:
        with open(a.report, "w", encoding="utf-8") as f:
            f.write("\n".join(report) + "\n")
    else:
        print("\n".join(report))


if __name__ == "__main__":
    main()
