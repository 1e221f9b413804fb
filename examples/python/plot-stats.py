#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Plots the structure statistics (班子结构) of the new committees by
village and by township — women, 一肩挑, 交叉任职 and members under 35 among
the 两委 members, and their education — to a PNG, with matplotlib (Agg, no
display). The numbers are libelect.stats(): every election counted and
every committee checked by the C library.

    python3 examples/python/plot-stats.py OUT.png [DIR|FILE ...]
            [--committee-profile PROFILE]

The default input is the sample township, examples/data/township-2026/
villages. From the source tree: PYTHONPATH=python python3 examples/python/
plot-stats.py stats.png (matplotlib: Debian's python3-matplotlib). Village
names are drawn with Noto Sans CJK (fonts-noto-cjk) when matplotlib finds it;
without it the plot is still written.
"""
import argparse
import os
import sys
import warnings

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt                     # noqa: E402
from matplotlib import font_manager                 # noqa: E402

import libelect                                     # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_INPUT = os.path.join(HERE, os.pardir, "data", "township-2026", "villages")
SHARES = (("women_share", "女性\nwomen"), ("one_shoulder_share", "一肩挑\none-shoulder"),
          ("cross_membership_share", "交叉任职\ncross-membership"),
          ("under_35_share", "35岁以下\nunder 35"))
EDUCATION = (("education_primary", "小学 primary"), ("education_junior_secondary", "初中"),
             ("education_senior_secondary", "高中/中专"), ("education_junior_college", "大专"),
             ("education_bachelor", "本科"), ("education_postgraduate", "研究生"),
             ("education_unknown", "unknown"))


def use_cjk_font():
    """Registers a Noto CJK font with matplotlib's font manager and makes it
    the default; returns its family name, or None (then the default font
    draws what it can)."""
    candidates = [f for f in font_manager.findSystemFonts()
                  if "notosanscjk" in os.path.basename(f).lower().replace("-", "")
                  or "notoserifcjk" in os.path.basename(f).lower().replace("-", "")]
    for path in sorted(candidates, key=lambda p: ("Sans" not in p, "Regular" not in p, p)):
        try:
            font_manager.fontManager.addfont(path)
            name = font_manager.FontProperties(fname=path).get_name()
        except (OSError, RuntimeError, ValueError):
            continue
        plt.rcParams["font.family"] = [name, "DejaVu Sans"]
        plt.rcParams["axes.unicode_minus"] = False
        return name
    return None


def township_names(inputs):
    """Directory name → township name, where a township file
    (libelect.township/1, ../township.json) names the township of a
    directory of village files; other directories keep their names."""
    names = {}
    for d in inputs:
        path = os.path.join(os.path.dirname(os.path.abspath(d)), "township.json")
        if os.path.isdir(d) and os.path.exists(path):
            name = libelect.Township.load(path).name
            if name:
                names[os.path.basename(os.path.abspath(d))] = name
    return names


def pct(x):
    return 100.0 * float(x) if x is not None else 0.0


def plot(villages, townships, out, font):
    total = townships[-1]
    groups = townships[:-1] + [total]
    fig = plt.figure(figsize=(15, 10), dpi=100)
    grid = fig.add_gridspec(2, 2, height_ratios=(1.25, 1), hspace=0.45, wspace=0.25)

    # By village: the three shares that every village with a committee has.
    ax = fig.add_subplot(grid[0, :])
    rows = [r for r in villages if r["members"]]
    xs = range(len(rows))
    width = 0.27
    for k, (key, label) in enumerate((SHARES[0], SHARES[2], SHARES[3])):
        ax.bar([x + (k - 1) * width for x in xs], [pct(r[key]) for r in rows], width,
               label=label.replace("\n", " "))
        if total[key] is not None:
            ax.axhline(pct(total[key]), linestyle="--", linewidth=0.8,
                       color="C%d" % k)
    ax.set_xticks(list(xs))
    ax.set_xticklabels([r["name"] for r in rows], rotation=60, ha="right", fontsize=8)
    ax.set_ylabel("% of 两委 members")
    ax.set_ylim(0, 100)
    ax.set_title("班子结构 by village (dashed: total of %d villages)" % len(rows))
    ax.legend(loc="upper right", fontsize=8, ncol=3)

    # By township and in total: the four shares.
    ax = fig.add_subplot(grid[1, 0])
    n = len(SHARES)
    width = 0.8 / max(1, len(groups))
    for g, row in enumerate(groups):
        label = "total" if row["level"] == "total" else row["name"]
        ax.bar([i + (g - (len(groups) - 1) / 2) * width for i in range(n)],
               [pct(row[key]) for key, _ in SHARES], width, label=label)
    ax.set_xticks(range(n))
    ax.set_xticklabels([label for _, label in SHARES], fontsize=8)
    ax.set_ylim(0, 100)
    ax.set_ylabel("%")
    ax.set_title("by township: %d 两委 members, average age %.1f"
                 % (total["members"], float(total["average_age"] or 0)))
    ax.legend(fontsize=8)

    # Education of the 两委 members, by township.
    ax = fig.add_subplot(grid[1, 1])
    bottom = [0] * len(groups)
    names = ["total" if r["level"] == "total" else r["name"] for r in groups]
    for key, label in EDUCATION:
        values = [r[key] for r in groups]
        if not any(values):
            continue
        ax.bar(names, values, bottom=bottom, label=label)
        bottom = [b + v for b, v in zip(bottom, values)]
    ax.set_ylabel("members")
    ax.set_title("学历 education")
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))

    fig.suptitle("%d elections: %d valid, %d void, %d need a supplementary round; "
                 "%d seats filled of %d"
                 % (total["elections"], total["valid"], total["void"], total["supplementary"],
                    total["seats_filled"], total["seats"]), fontsize=11)
    with warnings.catch_warnings():
        # Without a CJK font matplotlib warns once per missing glyph.
        warnings.simplefilter("ignore" if font is None else "default")
        fig.savefig(out, format="png")
    plt.close(fig)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("output", help="the PNG file to write")
    ap.add_argument("inputs", nargs="*", help="directories or files (default: the sample township)")
    ap.add_argument("--committee-profile", default="village-committee",
                    help="profile of the villagers' committee (as elect-batch)")
    args = ap.parse_args(argv[1:])
    inputs = args.inputs or [os.path.normpath(DEFAULT_INPUT)]
    try:
        names = township_names(inputs)
        villages = libelect.stats(inputs, by="village", committee_profile=args.committee_profile,
                                  township=names)
        townships = libelect.stats(inputs, by="township",
                                   committee_profile=args.committee_profile, township=names)
    except libelect.ElectError as e:
        print("plot-stats.py: %s (%s)" % (e.message, e.code), file=sys.stderr)
        return 1
    font = use_cjk_font()
    plot(villages[:-1], townships, args.output, font)
    total = townships[-1]
    print("plot-stats.py: %s: %d villages, %d committees, font %s"
          % (args.output, len(villages) - 1, total["committees"], font or "default"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
