#!/usr/bin/env python3
"""Draws scripts/bench's figures as one hand-written SVG of horizontal bar charts.

    scripts/bench-svg.py RESULTS.tsv OUT.svg

RESULTS.tsv is what scripts/bench writes: one figure a line, tab-separated,
    GROUP  ENGINE  LABEL  VALUE  UNIT
e.g. "load-10000  inkjs  inkjs load  7500  ms". Each group becomes one panel (its bars on
one linear scale, the value written beside each bar), panels in the order of PANELS below,
then any other group in file order. Orilla's bars are drawn in the accent colour, the peers'
in grey. No third-party Python modules: the SVG is plain text.
"""
import sys
from xml.sax.saxutils import escape

PANELS = [
    ("load-1000", "Load a 1,000-scene story (ms, less is better)"),
    ("load-10000", "Load a 10,000-scene story (ms, less is better)"),
    ("load-100000", "Load a 100,000-scene story (ms, less is better)"),
    ("choices-1000", "Choices per second, 1,000 scenes (more is better)"),
    ("choices-10000", "Choices per second, 10,000 scenes (more is better)"),
    ("choices-100000", "Choices per second, 100,000 scenes (more is better)"),
    ("mem-1000", "Peak memory, 1,000 scenes (MB, less is better)"),
    ("mem-10000", "Peak memory, 10,000 scenes (MB, less is better)"),
    ("gui-first-frame", "Window: first frame shown (ms, less is better)"),
    ("gui-rss", "Window: peak memory (MB, less is better)"),
    ("shot", "orilla shot, 1920x1080, whole process (ms)"),
    ("bundle", "Bundles, ~100 MB of pictures (MB/s, more is better)"),
]

WIDTH = 840
LEFT = 250     # room for the bar labels
RIGHT = 150    # room for the values
BAR_H = 18
GAP = 6
TITLE_H = 26
PANEL_GAP = 18
ACCENT = "#c8553d"
PEER = "#8a8f98"


def fmt(v):
    if v >= 100000:
        return f"{v:,.0f}"
    if v >= 100:
        return f"{v:.0f}"
    if v >= 10:
        return f"{v:.1f}"
    return f"{v:.2f}"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    groups, order = {}, []
    for line in open(sys.argv[1], encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 5:
            continue
        g, engine, label, value, unit = parts
        try:
            v = float(value)
        except ValueError:
            continue
        if g not in groups:
            groups[g] = []
            order.append(g)
        groups[g].append((engine, label, v, unit))
    titles = dict(PANELS)
    panels = [g for g, _ in PANELS if g in groups] + [g for g in order if g not in titles]
    if not panels:
        sys.exit("no figures in " + sys.argv[1])

    y = 40
    body = []
    for g in panels:
        rows = groups[g]
        title = titles.get(g, f"{g} ({rows[0][3]})")
        body.append(f'<text x="16" y="{y}" class="t">{escape(title)}</text>')
        y += TITLE_H - 12
        top = max(r[2] for r in rows) or 1.0
        span = WIDTH - LEFT - RIGHT
        for engine, label, v, unit in rows:
            w = max(1.0, span * v / top)
            colour = ACCENT if engine == "Orilla" else PEER
            body.append(f'<text x="{LEFT - 8}" y="{y + BAR_H - 5}" class="l">{escape(label)}</text>')
            body.append(f'<rect x="{LEFT}" y="{y}" width="{w:.1f}" height="{BAR_H}" fill="{colour}" rx="2"/>')
            body.append(f'<text x="{LEFT + w + 6:.1f}" y="{y + BAR_H - 5}" class="v">{fmt(v)} {escape(unit)}</text>')
            y += BAR_H + GAP
        y += PANEL_GAP + 12
    height = y
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
            f'viewBox="0 0 {WIDTH} {height}" font-family="Noto Sans, DejaVu Sans, sans-serif">\n'
            '<style>.t{font-size:14px;font-weight:bold;fill:#222}.l{font-size:12px;fill:#333;'
            'text-anchor:end}.v{font-size:12px;fill:#333}</style>\n'
            f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>\n'
            f'<text x="16" y="20" class="l" style="text-anchor:start">Orilla '
            f'<tspan fill="{ACCENT}">■</tspan> and its peers <tspan fill="{PEER}">■</tspan>: '
            'figures from scripts/bench (docs/performance.md)</text>\n')
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write(head + "\n".join(body) + "\n</svg>\n")
    print(sys.argv[2])


if __name__ == "__main__":
    main()
