#!/usr/bin/env python3
"""Procedural illustrations for the story "Tres caminos" (stories/tres-caminos/images/).

Python 3 standard library only: PNGs are written with zlib + struct. Everything is seeded,
so the same command always writes the same files, byte for byte.

    python3 scripts/make-art.py                 # every image
    python3 scripts/make-art.py portada mapa    # only these (names without .png)
    python3 scripts/make-art.py --list          # what it can draw
    python3 scripts/make-art.py --out DIR       # somewhere else

Style: calm, warm, dignified. Landscapes, streets, homes; people appear small, upright and
busy with their lives, as silhouettes without faces (the characters are anonymised).
Drawing is done with horizontal spans (rows are bytearrays; blending uses bytes.translate
on strided slices), so pure Python stays fast: no per-pixel noise, flat colour regions that
compress well, gradients with a 4-pixel ordered dither that zlib also squeezes well.
"""
import math
import os
import random
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "stories", "tres-caminos", "images")

W, H = 1920, 1080          # backgrounds and layers: the engine's canvas
PW, PH = 2048, 1024        # equirectangular panoramas, 2:1, in drawing units...
PANO_SCALE = 2              # ...written at twice that: 4096x2048


# --------------------------------------------------------------------------------------
# colour helpers

def hexc(s):
    s = s.lstrip("#")
    return (int(s[0:2], 16), int(s[2:4], 16), int(s[4:6], 16))


def mix(a, b, t):
    return tuple(a[i] + (b[i] - a[i]) * t for i in range(3))


def clamp8(v):
    return 0 if v < 0 else 255 if v > 255 else int(v + 0.5)


def ci(c):
    return tuple(clamp8(v) for v in c)


# --------------------------------------------------------------------------------------
# the canvas

_TABLES = {}


def _table(c, a):
    """bytes.translate table: dst -> dst*(1-a) + c*a, a in 0..255."""
    key = (c, a)
    t = _TABLES.get(key)
    if t is None:
        t = bytes(clamp8(i + (c - i) * a / 255.0) for i in range(256))
        _TABLES[key] = t
    return t


def _atable(a):
    key = (-1, a)
    t = _TABLES.get(key)
    if t is None:
        t = bytes(clamp8(a + i * (255 - a) / 255.0) for i in range(256))
        _TABLES[key] = t
    return t


BAYER = (0.0625, 0.5625, 0.1875, 0.6875,
         0.8125, 0.3125, 0.9375, 0.4375,
         0.25, 0.75, 0.125, 0.625,
         1.0, 0.5, 0.875, 0.375)


class Img:
    def __init__(self, w, h, fill=(0, 0, 0, 0)):
        self.w, self.h = w, h
        px = bytes(ci(fill[:3]) + (fill[3] if len(fill) > 3 else 255,))
        self.rows = [bytearray(px * w) for _ in range(h)]

    # -- spans --------------------------------------------------------------------------
    def fill_span(self, y, x0, x1, rgb, alpha=255):
        if y < 0 or y >= self.h:
            return
        x0 = max(0, int(x0))
        x1 = min(self.w, int(x1))
        if x1 <= x0:
            return
        if alpha >= 255:
            self.rows[y][4 * x0:4 * x1] = bytes(ci(rgb) + (255,)) * (x1 - x0)
        else:
            self.blend_span(y, x0, x1, rgb, alpha)

    def blend_span(self, y, x0, x1, rgb, alpha):
        if y < 0 or y >= self.h:
            return
        x0 = max(0, int(x0))
        x1 = min(self.w, int(x1))
        a = clamp8(alpha)
        if x1 <= x0 or a <= 0:
            return
        if a >= 255:
            self.rows[y][4 * x0:4 * x1] = bytes(ci(rgb) + (255,)) * (x1 - x0)
            return
        row = self.rows[y]
        c = ci(rgb)
        for ch in range(3):
            sl = slice(4 * x0 + ch, 4 * x1, 4)
            row[sl] = row[sl].translate(_table(c[ch], a))
        sl = slice(4 * x0 + 3, 4 * x1, 4)
        row[sl] = row[sl].translate(_atable(a))

    def span_aa(self, y, xa, xb, rgb, alpha=255):
        """A span with fractional ends (anti-aliased left and right edges)."""
        if xb <= xa or y < 0 or y >= self.h:
            return
        xa = max(xa, 0.0)
        xb = min(xb, float(self.w))
        if xb <= xa:
            return
        ia, ib = int(xa), int(xb)
        if ia == ib:
            self.blend_span(y, ia, ia + 1, rgb, alpha * (xb - xa))
            return
        if xa > ia:
            self.blend_span(y, ia, ia + 1, rgb, alpha * (ia + 1 - xa))
            ia += 1
        self.fill_span(y, ia, ib, rgb, alpha)
        if xb > ib:
            self.blend_span(y, ib, ib + 1, rgb, alpha * (xb - ib))

    def rect(self, x0, y0, x1, y1, rgb, alpha=255):
        for y in range(max(0, int(y0)), min(self.h, int(math.ceil(y1)))):
            self.span_aa(y, x0, x1, rgb, alpha)

    # -- shapes -------------------------------------------------------------------------
    def ellipse(self, cx, cy, rx, ry, rgb, alpha=255):
        if rx <= 0 or ry <= 0:
            return
        for y in range(max(0, int(cy - ry)), min(self.h, int(math.ceil(cy + ry)) + 1)):
            dy = (y + 0.5 - cy) / ry
            if abs(dy) >= 1:
                continue
            half = rx * math.sqrt(1 - dy * dy)
            self.span_aa(y, cx - half, cx + half, rgb, alpha)

    def circle(self, cx, cy, r, rgb, alpha=255):
        self.ellipse(cx, cy, r, r, rgb, alpha)

    def polygon(self, pts, rgb, alpha=255):
        if len(pts) < 3:
            return
        ys = [p[1] for p in pts]
        y0 = max(0, int(min(ys)))
        y1 = min(self.h, int(math.ceil(max(ys))))
        n = len(pts)
        edges = []
        for i in range(n):
            (ax, ay), (bx, by) = pts[i], pts[(i + 1) % n]
            if ay != by:
                edges.append((ax, ay, bx, by))
        for y in range(y0, y1):
            yc = y + 0.5
            xs = []
            for ax, ay, bx, by in edges:
                if (ay <= yc < by) or (by <= yc < ay):
                    xs.append(ax + (yc - ay) * (bx - ax) / (by - ay))
            xs.sort()
            for i in range(0, len(xs) - 1, 2):
                self.span_aa(y, xs[i], xs[i + 1], rgb, alpha)

    def line(self, x0, y0, x1, y1, width, rgb, alpha=255):
        dx, dy = x1 - x0, y1 - y0
        L = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / L * width / 2, dx / L * width / 2
        self.polygon([(x0 + nx, y0 + ny), (x1 + nx, y1 + ny), (x1 - nx, y1 - ny), (x0 - nx, y0 - ny)], rgb, alpha)

    def ridge(self, hs, rgb, alpha=255, bottom=None):
        """Fills everything below the heightfield hs (one float y per column) down to bottom.
        Rows are filled as spans found from the places where the edge crosses each row."""
        w = self.w
        bottom = self.h if bottom is None else int(bottom)
        t = [max(0, min(bottom, int(math.ceil(v)))) for v in hs]
        events = {}
        for x in range(w - 1):
            a, b = t[x], t[x + 1]
            if a != b:
                lo, hi = (a, b) if a < b else (b, a)
                for y in range(lo, hi):
                    events.setdefault(y, []).append(x + 1)
        for y in range(min(t), bottom):
            ev = events.get(y)
            inside = t[0] <= y
            start = 0
            if ev:
                ev.sort()
                for e in ev:
                    if inside:
                        self.fill_span(y, start, e, rgb, alpha)
                        inside = False
                    else:
                        start = e
                        inside = True
            if inside:
                self.fill_span(y, start, w, rgb, alpha)
        # soft top edge
        for x in range(w):
            ty = t[x] - 1
            if 0 <= ty < bottom:
                cov = t[x] - hs[x]
                if cov > 0.02:
                    self.blend_span(ty, x, x + 1, rgb, alpha * min(1.0, cov))

    # -- fills --------------------------------------------------------------------------
    def vgradient(self, stops, y0=0, y1=None, x0=0, x1=None):
        """stops: [(t, rgb), ...] with t from 0 (y0) to 1 (y1). Ordered 4-px dither."""
        y1 = self.h if y1 is None else y1
        x1 = self.w if x1 is None else x1
        n = x1 - x0
        for y in range(max(0, y0), min(self.h, y1)):
            t = (y - y0) / max(1, (y1 - y0 - 1))
            for i in range(len(stops) - 1):
                if stops[i + 1][0] >= t:
                    break
            ta, ca = stops[i]
            tb, cb = stops[i + 1]
            u = 0 if tb == ta else min(1, max(0, (t - ta) / (tb - ta)))
            u = u * u * (3 - 2 * u)
            c = mix(ca, cb, u)
            base = [int(v) for v in c]
            frac = [v - int(v) for v in c]
            pat = bytearray()
            for j in range(4):
                th = BAYER[(y % 4) * 4 + j]
                pat += bytes(min(255, base[k] + (1 if frac[k] >= th else 0)) for k in range(3)) + b"\xff"
            row = self.rows[y]
            full = bytes(pat) * (n // 4 + 1)
            row[4 * x0:4 * x1] = full[:4 * n]

    def glow(self, cx, cy, r, rgb, strength=0.5, steps=24, squash=1.0):
        """A soft light: many faint concentric discs (more of them for big lights, so no rings)."""
        steps = max(steps, int(r / 6))
        for i in range(steps):
            rr = r * (1 - i / steps)
            self.ellipse(cx, cy, rr, rr * squash, rgb, 255 * strength / steps * 1.6)

    def haze(self, y0, y1, rgb, a0, a1):
        """Horizontal band of mist whose opacity goes from a0 (top) to a1 (bottom)."""
        for y in range(max(0, int(y0)), min(self.h, int(y1))):
            t = (y - y0) / max(1, y1 - y0)
            self.blend_span(y, 0, self.w, rgb, a0 + (a1 - a0) * t)

    # -- output -------------------------------------------------------------------------
    def save(self, path, rgb_only=None):
        if rgb_only is None:
            rgb_only = all(r[3::4] == b"\xff" * self.w for r in self.rows)
        raw = bytearray()
        for r in self.rows:
            raw.append(0)
            if rgb_only:
                rr = bytearray(r)
                del rr[3::4]
                raw += rr
            else:
                raw += r
        ctype = 2 if rgb_only else 6
        def chunk(tag, data):
            c = struct.pack(">I", len(data)) + tag + data
            return c + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
        png = b"\x89PNG\r\n\x1a\n"
        png += chunk(b"IHDR", struct.pack(">IIBBBBB", self.w, self.h, 8, ctype, 0, 0, 0))
        png += chunk(b"IDAT", zlib.compress(bytes(raw), 9))
        png += chunk(b"IEND", b"")
        with open(path, "wb") as f:
            f.write(png)
        return len(png)


# --------------------------------------------------------------------------------------
# noise (1D, coarse, smooth) for ridges

def value_noise(n, cells, rng, periodic=False):
    pts = [rng.random() for _ in range(cells + 1)]
    if periodic:
        pts[-1] = pts[0]
    out = []
    for x in range(n):
        f = x / n * cells
        i = int(f)
        u = f - i
        u = u * u * (3 - 2 * u)
        out.append(pts[i] * (1 - u) + pts[min(i + 1, cells)] * u)
    return out


def fbm(n, cells, rng, octaves=4, periodic=False, ridged=False):
    total = [0.0] * n
    amp, norm = 1.0, 0.0
    for o in range(octaves):
        layer = value_noise(n, cells * (2 ** o), rng, periodic)
        for x in range(n):
            v = layer[x]
            if ridged:
                v = 1 - abs(2 * v - 1)
            total[x] += v * amp
        norm += amp
        amp *= 0.5
    return [v / norm for v in total]


def mountains(n, base, amp, cells, rng, octaves=5, periodic=False, ridged=True, sharp=1.0):
    f = fbm(n, cells, rng, octaves, periodic, ridged)
    return [base - amp * (v ** sharp) for v in f]


def cone(hs, cx, top, slope, round_top=30.0, width=None, periodic_w=None):
    """Raise a volcano cone into heightfield hs (smaller y is higher)."""
    n = len(hs)
    for x in range(n):
        d = abs(x - cx)
        if periodic_w:
            d = min(d, periodic_w - d)
        if width and d > width:
            continue
        # smooth the tip: hyperbola-like
        y = top + slope * math.sqrt(d * d + round_top * round_top) - slope * round_top
        if y < hs[x]:
            hs[x] = y
    return hs


def smooth(hs, k=3):
    n = len(hs)
    out = hs[:]
    for _ in range(k):
        out = [(out[max(0, i - 1)] + 2 * out[i] + out[min(n - 1, i + 1)]) / 4 for i in range(n)]
    return out


# --------------------------------------------------------------------------------------
# reusable motifs

def snowcap(img, hs, snow, rock, snowline, rng, jag=14):
    """The range in `rock`, with the part above `snowline` in snow and a jagged lower edge."""
    img.ridge(hs, rock)
    img.ridge(hs, snow, bottom=snowline + jag)
    lower = [max(hs[x], snowline + jag * (0.5 + 0.5 * math.sin(x * 0.045 + rng.random() * 0.3) *
                                          math.sin(x * 0.013))) for x in range(len(hs))]
    img.ridge(lower, rock, bottom=snowline + jag + 2)


def rim(img, hs, light, base, width=5, alpha=255, bottom=None):
    """Light catching the crest of a range: a thin band of `light`, the rest `base`."""
    img.ridge(hs, light, alpha, bottom=bottom)
    img.ridge([v + width for v in hs], base, alpha, bottom=bottom)


def tree_round(img, x, yb, h, leaf, trunk, rng, alpha=255):
    tw = max(2, h * 0.07)
    img.rect(x - tw / 2, yb - h * 0.45, x + tw / 2, yb, trunk, alpha)
    r = h * 0.3
    for _ in range(5):
        img.circle(x + rng.uniform(-r * 0.6, r * 0.6), yb - h * 0.62 + rng.uniform(-r * 0.4, r * 0.3),
                   r * rng.uniform(0.6, 0.85), leaf, alpha)


def palm(img, x, yb, h, leaf, trunk, lean=0.15):
    pts = []
    for i in range(11):
        t = i / 10
        pts.append((x + lean * h * t * t, yb - h * t))
    for i in range(10):
        (ax, ay), (bx, by) = pts[i], pts[i + 1]
        img.line(ax, ay, bx, by, max(3, h * (0.05 - 0.02 * i / 10)), trunk)
    tx, ty = pts[-1]
    for k in range(7):
        ang = math.pi * (0.05 + 0.9 * k / 6)
        L = h * 0.42
        ex, ey = tx + math.cos(ang) * L * (1 if k % 2 else -1) * 0.9, ty - math.sin(ang) * L * 0.35 + L * 0.35
        mx, my = (tx + ex) / 2, min(ty, ey) - L * 0.18
        img.polygon([(tx, ty - 3), (mx, my - 6), (ex, ey), (mx, my + 7), (tx, ty + 4)], leaf)


def frailejon(img, x, yb, h, stem, leaf, light):
    """The páramo plant: a furry trunk and a rosette of long silvery leaves."""
    img.rect(x - h * 0.07, yb - h * 0.72, x + h * 0.07, yb, stem)
    cy = yb - h * 0.74
    for k in range(9):
        a = math.pi * (0.08 + 0.84 * k / 8)
        L = h * (0.26 if 2 < k < 6 else 0.2)
        tx, ty = x + math.cos(a) * L, cy - math.sin(a) * L * 0.9
        nx, ny = -math.sin(a) * h * 0.035, -math.cos(a) * h * 0.035
        img.polygon([(x + nx, cy + ny), (tx, ty), (x - nx, cy - ny)], leaf)
    img.ellipse(x, cy - h * 0.02, h * 0.07, h * 0.05, light)


def person(img, x, yb, h, rgb, child=False, bag=False, hat=None, skirt=False, walk=0.0, alpha=255):
    """An upright figure, no face: head, neck, coat-like torso, legs, arms.
    walk in -1..1 opens the stride; a child has a bigger head for its height."""
    head = h * (0.095 if child else 0.068)
    hy = yb - h + head
    img.ellipse(x, hy, head * 0.9, head, rgb, alpha)
    neck = hy + head * 0.8
    sh = h * (0.15 if child else 0.125)             # shoulder half-width
    top = neck + head * 0.45
    hip = yb - h * 0.47
    img.rect(x - head * 0.35, neck - 1, x + head * 0.35, top + 2, rgb, alpha)
    img.polygon([(x - sh * 0.55, top - head * 0.15), (x + sh * 0.55, top - head * 0.15), (x + sh, top + head * 0.5),
                 (x + sh * 0.72, hip), (x - sh * 0.72, hip), (x - sh, top + head * 0.5)], rgb, alpha)
    if skirt:
        img.polygon([(x - sh * 0.7, hip - 2), (x + sh * 0.7, hip - 2), (x + sh * 0.95, yb - h * 0.16),
                     (x - sh * 0.95, yb - h * 0.16)], rgb, alpha)
    lw = max(1.5, h * 0.075)
    st = h * 0.16 * walk
    img.line(x - sh * 0.35, hip - 2, x - sh * 0.3 - st, yb, lw, rgb, alpha)
    img.line(x + sh * 0.35, hip - 2, x + sh * 0.3 + st, yb, lw, rgb, alpha)
    aw = lw * 0.8
    img.line(x - sh * 0.9, top + head * 0.4, x - sh * 1.05 - st * 0.4, hip + h * 0.03, aw, rgb, alpha)
    img.line(x + sh * 0.9, top + head * 0.4, x + sh * 1.05 + st * 0.4, hip + h * 0.03, aw, rgb, alpha)
    if bag:
        bx = x - sh * 1.05 if walk >= 0 else x + sh * 1.05
        img.ellipse(bx, top + h * 0.13, sh * 0.42, h * 0.13, rgb, alpha)
    if hat:
        img.ellipse(x, hy - head * 0.35, head * 0.98, head * 0.62, hat, alpha)
        img.polygon([(x, hy - head * 0.35), (x + head * 1.7, hy - head * 0.1), (x + head * 1.6, hy + head * 0.1),
                     (x, hy)], hat, alpha)


def bus(img, x, yb, L, body, stripe, glass, wheel, lights=None, facing=1):
    hgt = L * 0.32
    x0, x1 = x, x + L
    y0 = yb - hgt
    r = hgt * 0.18
    img.rect(x0 + r, y0, x1 - r, yb - hgt * 0.12, body)
    img.rect(x0, y0 + r, x1, yb - hgt * 0.12, body)
    img.circle(x0 + r, y0 + r, r, body)
    img.circle(x1 - r, y0 + r, r, body)
    img.rect(x0 + L * 0.04, y0 + hgt * 0.14, x1 - L * 0.04, y0 + hgt * 0.46, glass)
    for k in range(1, 8):
        xx = x0 + L * 0.04 + k * (L * 0.92) / 8
        img.rect(xx - 2, y0 + hgt * 0.14, xx + 2, y0 + hgt * 0.46, body)
    img.rect(x0, y0 + hgt * 0.58, x1, y0 + hgt * 0.66, stripe)
    for wx in (x0 + L * 0.18, x1 - L * 0.2):
        img.circle(wx, yb - hgt * 0.1, hgt * 0.15, wheel)
        img.circle(wx, yb - hgt * 0.1, hgt * 0.06, stripe)
    if lights:
        lx = x1 - 4 if facing > 0 else x0 + 4
        img.circle(lx, yb - hgt * 0.3, hgt * 0.06, lights)


def house_row(img, hs, x0, x1, rng, palette, roof, win, size=(26, 46), depth=60, alpha=255, lit=0.0, litc=None):
    """Small houses stacked on a slope: hs gives the ground line (y per column)."""
    x = x0
    while x < x1:
        wdt = rng.uniform(*size)
        gx = int(min(max(0, x + wdt / 2), len(hs) - 1))
        g = hs[gx]
        hh = wdt * rng.uniform(0.7, 1.25)
        col = rng.choice(palette)
        img.rect(x, g - hh, x + wdt, g + depth, col, alpha)
        img.rect(x - 1, g - hh - 3, x + wdt + 1, g - hh + 2, roof, alpha)
        # windows
        for k in range(int(wdt // 12)):
            wx = x + 4 + k * 12
            if wx + 5 > x + wdt - 2:
                break
            c = litc if (litc and rng.random() < lit) else win
            img.rect(wx, g - hh * 0.7, wx + 5, g - hh * 0.7 + 7, c, alpha)
        x += wdt + rng.uniform(-4, 3)


def clouds(img, rng, n, y0, y1, rgb, alpha=60, scale=1.0, x0=0, x1=None):
    x1 = img.w if x1 is None else x1
    for _ in range(n):
        cx = rng.uniform(x0, x1)
        cy = rng.uniform(y0, y1)
        L = rng.uniform(120, 320) * scale
        for k in range(6):
            img.ellipse(cx + rng.uniform(-L / 2, L / 2), cy + rng.uniform(-8, 8) * scale,
                        rng.uniform(L * 0.2, L * 0.4), rng.uniform(10, 22) * scale, rgb, alpha)


def stars(img, rng, n, y1, rgb=(255, 244, 220)):
    for _ in range(n):
        x = rng.randrange(img.w)
        y = rng.randrange(int(y1))
        b = rng.random()
        a = 80 + 175 * b * (1 - y / y1) ** 0.5
        img.blend_span(y, x, x + 1, rgb, a)
        if b > 0.93:
            img.blend_span(y, x - 1, x + 2, rgb, a * 0.35)
            img.blend_span(y - 1, x, x + 1, rgb, a * 0.35)
            img.blend_span(y + 1, x, x + 1, rgb, a * 0.35)


def string_lights(img, xa, ya, xb, yb, sag, rng, wire, bulbs, n=14):
    pts = []
    for i in range(41):
        t = i / 40
        pts.append((xa + (xb - xa) * t, ya + (yb - ya) * t + sag * 4 * t * (1 - t)))
    for i in range(40):
        img.line(pts[i][0], pts[i][1], pts[i + 1][0], pts[i + 1][1], 1.6, wire)
    for k in range(1, n):
        t = k / n
        x = xa + (xb - xa) * t
        y = ya + (yb - ya) * t + sag * 4 * t * (1 - t)
        c = rng.choice(bulbs)
        img.glow(x, y + 6, 16, c, 0.35, steps=6)
        img.circle(x, y + 6, 4, c)


# --------------------------------------------------------------------------------------
# palette

INDIGO = hexc("283a63")
PLUM = hexc("6c4f7c")
PEACH = hexc("eda47a")
APRICOT = hexc("f6cf9a")
CREAM = hexc("f7ecd9")
SAND = hexc("e9d5b2")
TERRA = hexc("c4593f")
OCHRE = hexc("dfa04f")
TEAL = hexc("2a8c86")
SAGE = hexc("8aa37f")
MOSS = hexc("4f6f4f")
FOREST = hexc("2f4d3c")
DUSKV = hexc("4c3f66")
NIGHT = hexc("101933")
INK = hexc("2a2238")
CAP_RED = hexc("b5333f")
SNOW = hexc("f3ece6")
CLOTHES = [hexc(c) for c in ("3b3444", "2f4d5c", "6b3a42", "4a3d6b", "5a4a35", "2e4a3a", "7a4a3a", "34425e")]


# --------------------------------------------------------------------------------------
# pictures

def dawn_sky(img, horizon, sun_x, sun_y, warm=1.0):
    img.vgradient([(0.0, hexc("2c3d6b")), (0.35, hexc("6f5b8c")), (0.7, hexc("e59a7a")), (1.0, hexc("f8d8a6"))],
                  0, horizon)
    img.glow(sun_x, sun_y, 520, hexc("ffd9a0"), 0.55 * warm, steps=30)
    img.glow(sun_x, sun_y, 120, hexc("fff1cf"), 0.9 * warm, steps=14)


def art_cucuta_cielo(rng):
    img = Img(W, H)
    dawn_sky(img, H, 1180, 720)
    clouds(img, rng, 7, 160, 430, hexc("f3c4a0"), 38)
    far = mountains(W, 640, 190, 5, rng, octaves=5, sharp=1.3)
    img.ridge(far, mix(hexc("9b7fa0"), PEACH, 0.25))
    img.haze(520, 700, hexc("f3c29a"), 0, 90)
    mid = mountains(W, 760, 150, 4, rng, octaves=4, sharp=1.1)
    rim(img, mid, hexc("f0b58c"), hexc("7c6089"), width=4)
    img.haze(650, 820, hexc("f0b894"), 0, 110)
    img.rect(0, 800, W, H, hexc("8a6a86"))
    return img


def art_cucuta_ciudad(rng):
    img = Img(W, H, (*hexc("5d4a70"), 0))
    base = 860
    x = -20
    body = hexc("5b4a6e")
    while x < W:
        bw = rng.uniform(50, 150)
        bh = rng.uniform(60, 260) * (1.3 if 600 < x < 1300 else 1.0)
        img.rect(x, base - bh, x + bw, H, body)
        if rng.random() < 0.3:
            img.rect(x + bw * 0.4, base - bh - 30, x + bw * 0.44, base - bh, body)
        for yy in range(int(base - bh + 14), base - 10, 22):
            for xx in range(int(x + 8), int(x + bw - 10), 18):
                if rng.random() < 0.18:
                    img.rect(xx, yy, xx + 7, yy + 9, hexc("f7c97e"), 230)
        x += bw + rng.uniform(0, 14)
    for k in range(9):
        tx = rng.uniform(0, W)
        palm(img, tx, 880, rng.uniform(150, 230), hexc("46395a"), hexc("46395a"), rng.uniform(-0.2, 0.2))
    img.rect(0, 870, W, H, hexc("4e3f61"))
    return img


def art_cucuta_terminal(rng):
    img = Img(W, H, (*hexc("3b2f4a"), 0))
    # the terminal's long roof on slim posts
    roof = hexc("3d3150")
    img.polygon([(-10, 430), (W + 10, 395), (W + 10, 440), (-10, 478)], roof)
    img.polygon([(-10, 478), (W + 10, 440), (W + 10, 449), (-10, 487)], hexc("e7a36f"))   # lit edge
    for px in range(60, W, 300):
        y = 478 - px * 38 / W
        img.rect(px, y, px + 16, 1010, roof)
    # ground
    img.vgradient([(0, hexc("6b5563")), (1, hexc("3a2e45"))], 960, H)
    img.rect(0, 955, W, 966, hexc("e3a679"), 180)
    # the blue bus
    bus(img, 1020, 975, 720, hexc("2f6f9a"), hexc("f2c46d"), hexc("9cc8d8"), hexc("2a2233"), lights=hexc("fff0c0"))
    # people: a woman and a girl holding hands, a man with a backpack, a vendor
    ink = hexc("2e2439")
    person(img, 640, 1000, 190, ink, bag=True, walk=0.3)
    person(img, 700, 1000, 118, ink, child=True, walk=-0.3)
    img.line(665, 890, 690, 905, 6, ink)
    person(img, 300, 1002, 200, ink, bag=True, walk=0.6, hat=CAP_RED)
    person(img, 1820, 1000, 180, ink, skirt=True)
    img.rect(1760, 900, 1890, 1000, hexc("4b3a55"))
    img.rect(1755, 890, 1895, 902, hexc("d9874f"))
    return img


def art_paramo_cielo(rng):
    img = Img(W, H)
    img.vgradient([(0.0, hexc("243459")), (0.45, hexc("6b5387")), (0.75, hexc("e0876a")), (1.0, hexc("f3c48c"))], 0, 760)
    img.glow(560, 720, 480, hexc("ffc68d"), 0.5, steps=26)
    clouds(img, rng, 6, 120, 380, hexc("e7a58b"), 40, 1.3)
    peaks = mountains(W, 620, 260, 4, rng, octaves=6, sharp=1.6)
    peaks = cone(peaks, 1400, 300, 0.55, 26)
    snowcap(img, peaks, hexc("f6dccb"), hexc("806b95"), 420, rng)
    img.haze(520, 760, hexc("f0b690"), 0, 120)
    img.vgradient([(0, hexc("b9889a")), (1, hexc("8a6b88"))], 760, H)
    return img


def art_paramo_cerros(rng):
    img = Img(W, H, (*hexc("6e5a7c"), 0))
    hills = mountains(W, 760, 120, 3, rng, octaves=4, ridged=False)
    rim(img, hills, hexc("e9a889"), hexc("6e5a7c"), 5)
    img.haze(700, 860, hexc("e8b39a"), 40, 0)
    hills2 = mountains(W, 860, 90, 3, rng, octaves=4, ridged=False)
    rim(img, hills2, hexc("d99380"), hexc("5a4a6a"), 4)
    # drifting mist
    for k in range(5):
        y = rng.uniform(760, 880)
        img.ellipse(rng.uniform(0, W), y, rng.uniform(200, 420), 14, hexc("f1cbb7"), 70)
    return img


def art_paramo_camino(rng):
    img = Img(W, H, (*hexc("3f3550"), 0))
    ground = [900 - 60 * math.sin(x / W * math.pi * 1.2 + 0.4) - 25 * math.sin(x / 210.0) for x in range(W)]
    img.ridge(ground, hexc("4a3d5a"))
    img.ridge([g + 6 for g in ground], hexc("3d3350"))
    # the road: a pale ribbon climbing to the right
    road = []
    for i in range(60):
        t = i / 59
        x = -50 + t * (W + 100)
        yc = ground[min(W - 1, max(0, int(x)))] + 70 - 40 * t
        road.append((x, yc))
    top = [(x, y - 12 - 30 * (1 - i / 59)) for i, (x, y) in enumerate(road)]
    bot = [(x, y + 12 + 30 * (1 - i / 59)) for i, (x, y) in enumerate(road)]
    img.polygon(top + bot[::-1], hexc("a78a8c"))
    # frailejones
    for k in range(26):
        x = rng.uniform(0, W)
        g = ground[int(x)] + rng.uniform(10, 160)
        h = rng.uniform(50, 120) * (g / 900)
        frailejon(img, x, g, h, hexc("2f283e"), hexc("5b5a55"), hexc("c9b28f"))
    # a small group walking together, up the road
    ink = hexc("2a2236")
    for i, (x, dx) in enumerate([(1080, 0), (1130, 0), (1185, 0), (1250, 0)]):
        yb = road[int((x + 50) / (W + 100) * 59)][1] + 8
        person(img, x, yb, 96 - i * 3, ink, bag=(i % 2 == 0), walk=0.5 if i % 2 else -0.5,
               hat=CAP_RED if i == 2 else None)
    return img


def art_noche_cielo(rng):
    img = Img(W, H)
    img.vgradient([(0.0, hexc("0b1230")), (0.6, hexc("1d2c55")), (1.0, hexc("3a4a78"))], 0, 800)
    stars(img, rng, 1400, 700)
    # one moon (a second, offset disc read as two moons)
    img.glow(1480, 200, 180, hexc("dfe6ff"), 0.35, steps=18)
    img.circle(1480, 200, 44, hexc("f4efe0"))
    peaks = mountains(W, 640, 250, 4, rng, octaves=6, sharp=1.5)
    peaks = cone(peaks, 520, 360, 0.6, 24)
    snowcap(img, peaks, hexc("c9d1ea"), hexc("35406a"), 470, rng)
    img.haze(560, 800, hexc("5d6d9c"), 0, 90)
    img.rect(0, 800, W, H, hexc("2a355c"))
    return img


def art_noche_montes(rng):
    img = Img(W, H, (*hexc("222b4c"), 0))
    m1 = mountains(W, 820, 300, 3, rng, octaves=5, sharp=1.6)
    rim(img, m1, hexc("6f7fae"), hexc("26305a"), 3)
    m2 = mountains(W, 880, 120, 3, rng, octaves=4, ridged=False)
    rim(img, m2, hexc("4d5b8c"), hexc("1c2547"), 3)
    # a few village lights
    for k in range(40):
        x = rng.uniform(0, W)
        y = m2[int(x)] + rng.uniform(10, 120)
        img.glow(x, y, 7, hexc("ffd08a"), 0.8, steps=3)
        img.blend_span(int(y), int(x), int(x) + 2, hexc("ffe2a8"), 230)
    return img


def art_noche_carretera(rng):
    img = Img(W, H, (*hexc("151b33"), 0))
    ground = [930 - 40 * math.sin(x / W * math.pi) for x in range(W)]
    img.ridge(ground, hexc("161c35"))
    road = [(x, ground[min(W - 1, max(0, x))] + 34) for x in range(-40, W + 60, 40)]
    img.polygon([(x, y - 16) for x, y in road] + [(x, y + 16) for x, y in road[::-1]], hexc("2c3457"))
    for x, y in road[::2]:
        img.rect(x, y - 1.5, x + 16, y + 1.5, hexc("c8b27a"), 180)
    # the night bus with its headlights reaching ahead
    bx = 860
    byb = ground[bx + 200] + 40
    for i in range(16):
        t = i / 15
        img.polygon([(bx + 490, byb - 40), (bx + 490 + 520 * (1 - t * 0.3), byb - 40 - 50 * (1 - t)),
                     (bx + 490 + 520 * (1 - t * 0.3), byb - 10 + 40 * (1 - t))], hexc("ffe9b0"), 8)
    bus(img, bx, byb, 500, hexc("3d4a7a"), hexc("d9a05b"), hexc("f2cf8a"), hexc("0f1428"), lights=hexc("fff3cc"))
    # soft window glow
    img.rect(bx + 20, byb - 140, bx + 480, byb - 95, hexc("ffd38a"), 60)
    # roadside eucalyptus
    for k in range(8):
        x = rng.uniform(0, W)
        if bx - 60 < x < bx + 560:
            continue
        tree_round(img, x, ground[int(x)] + 20, rng.uniform(140, 240), hexc("10162b"), hexc("10162b"), rng)
    return img


def art_quito_cielo(rng):
    img = Img(W, H)
    img.vgradient([(0.0, hexc("4f79a8")), (0.5, hexc("9dbad3")), (0.85, hexc("f1dcc0")), (1.0, hexc("f5d9b0"))], 0, 820)
    clouds(img, rng, 9, 120, 420, hexc("fff7ec"), 70, 1.4)
    # Cotopaxi-like snow cone far away, Pichincha closer on the right
    far = mountains(W, 700, 110, 4, rng, octaves=5, sharp=1.2)
    far = cone(far, 520, 360, 0.62, 30)
    snowcap(img, far, hexc("fbf4ee"), hexc("93a1bd"), 470, rng, jag=18)
    img.haze(520, 760, hexc("efe2d2"), 0, 110)
    pich = mountains(W, 760, 80, 3, rng, octaves=5, sharp=1.1)
    pich = cone(pich, 1500, 380, 0.45, 120)
    rim(img, pich, hexc("b9c7a0"), hexc("6d8a78"), 5)
    img.haze(640, 820, hexc("f3e4cf"), 0, 90)
    img.rect(0, 820, W, H, hexc("7f957f"))
    return img


def art_quito_ciudad(rng):
    img = Img(W, H, (*hexc("d9b48f"), 0))
    slope = [880 - 170 * math.exp(-((x - 1450) / 520.0) ** 2) - 60 * math.exp(-((x - 300) / 380.0) ** 2) for x in range(W)]
    img.ridge(slope, hexc("8a9b77"))
    pal = [hexc(c) for c in ("f1d7b0", "e8b98e", "d98f6d", "f4e4c8", "b9cdb5", "e6c36f", "cf7a5b", "a9c4d1", "f2efe6")]
    for band in range(6):
        off = band * 34
        hs = [v + off for v in slope]
        house_row(img, hs, -20, W + 20, rng, pal, hexc("a4533c"), hexc("5c5467"), size=(24, 44), depth=40)
    # a church with two towers
    cx, g = 980, slope[980] + 70
    img.rect(cx - 70, g - 170, cx + 70, g + 40, hexc("f4ead8"))
    for tx in (cx - 70, cx + 42):
        img.rect(tx, g - 240, tx + 28, g - 100, hexc("efe2cc"))
        img.polygon([(tx - 3, g - 240), (tx + 31, g - 240), (tx + 14, g - 280)], hexc("b8674c"))
    img.ellipse(cx, g - 170, 40, 28, hexc("dfd2bc"))
    img.rect(cx - 16, g - 60, cx + 16, g + 40, hexc("7b4a3a"))
    return img


def art_quito_plaza(rng):
    img = Img(W, H, (*hexc("44553f"), 0))
    # a balustrade at the bottom and trees framing left and right: a viewpoint over the city
    img.rect(0, 985, W, H, hexc("c9b08c"))
    img.rect(0, 975, W, 990, hexc("e8d6b5"))
    for x in range(10, W, 46):
        img.rect(x, 1000, x + 18, H, hexc("b39670"))
    leaf = hexc("3f5a45")
    for (x, y, r) in [(-40, 160, 260), (120, 60, 220), (60, 380, 200), (1900, 120, 260), (1800, 330, 200), (1980, 420, 240)]:
        for k in range(7):
            img.circle(x + rng.uniform(-r * 0.5, r * 0.5), y + rng.uniform(-r * 0.4, r * 0.4), r * rng.uniform(0.5, 0.8), leaf)
        for k in range(6):
            img.circle(x + rng.uniform(-r * 0.5, r * 0.5), y + rng.uniform(-r * 0.2, r * 0.5), r * 0.25, hexc("58765a"))
    img.line(80, 990, 130, 500, 34, hexc("3a3030"))
    img.line(1840, 990, 1800, 520, 34, hexc("3a3030"))
    return img


# ---- full backgrounds ---------------------------------------------------------------

def art_portada(rng):
    img = Img(W, H)
    dawn_sky(img, 760, 960, 640, 1.1)
    clouds(img, rng, 8, 140, 420, hexc("f6c6a4"), 36, 1.3)
    far = mountains(W, 600, 230, 4, rng, octaves=6, sharp=1.5)
    far = cone(far, 1320, 300, 0.55, 24)
    snowcap(img, far, hexc("fbe1cf"), hexc("9a7c9e"), 410, rng)
    img.haze(470, 680, hexc("f6c79c"), 0, 110)
    mid = mountains(W, 720, 150, 3, rng, octaves=5, sharp=1.2)
    rim(img, mid, hexc("f4b48a"), hexc("7d5f88"), 5)
    img.haze(640, 780, hexc("f2b893"), 0, 110)
    near = mountains(W, 830, 110, 2, rng, octaves=4, ridged=False)
    rim(img, near, hexc("e59a7c"), hexc("5d4670"), 5)
    img.vgradient([(0, hexc("5d4670")), (1, hexc("3b2d4d"))], 900, H)
    # three roads converging on the pass under the sun
    vx, vy = 960, 760
    for (bx, col) in [(220, hexc("e9b87f")), (960, hexc("f3d2a0")), (1700, hexc("e9a27f"))]:
        pts_l, pts_r = [], []
        for i in range(41):
            t = i / 40
            x = vx + (bx - vx) * t + 140 * math.sin(t * math.pi * 1.5) * (1 if bx < vx else -1 if bx > vx else 0.4)
            y = vy + (H + 20 - vy) * t
            wdt = 3 + 70 * t * t
            pts_l.append((x - wdt, y))
            pts_r.append((x + wdt, y))
        img.polygon(pts_l + pts_r[::-1], col, 235)
    # three small figures, each on their road, all walking toward the light
    ink = hexc("2c2238")
    person(img, 560, 1000, 120, ink, bag=True, walk=0.4)
    person(img, 590, 1000, 76, ink, child=True, walk=-0.3)
    person(img, 1000, 930, 96, ink, bag=True, walk=0.5, hat=CAP_RED)
    person(img, 1380, 990, 112, ink, skirt=True, walk=0.2)
    return img


def art_mapa(rng):
    """A hand-drawn style map: sea on the left, the Andes as a band of little peaks, three
    coloured threads from the east converging on Quito. Hotspots (story.lua, scene "elige"):
    (0.60,0.16), (0.72,0.31), (0.84,0.46), above the text panel; Quito near (0.22,0.50)."""
    img = Img(W, H)
    img.vgradient([(0, hexc("f3e6cc")), (1, hexc("ead6b4"))])
    # the Pacific on the left, with a wavy coast
    coast = [190 + 70 * math.sin(y / 210.0) + 30 * math.sin(y / 67.0) + (y - 300) * 0.08 for y in range(H)]
    for y in range(H):
        img.span_aa(y, 0, coast[y], hexc("9fc3c4"))
        img.span_aa(y, coast[y] - 10, coast[y], hexc("c8dcd6"))
    for k in range(40):
        y = rng.uniform(20, H - 20)
        x = rng.uniform(20, coast[int(y)] - 60)
        img.line(x, y, x + 26, y, 2, hexc("e3efe9"))
    # the Andes: little triangles along a diagonal band from top right to bottom left
    for k in range(260):
        t = rng.random()
        cx = 1350 - 1050 * t + rng.gauss(0, 70)
        cy = 40 + 980 * t + rng.gauss(0, 50)
        s = rng.uniform(16, 34)
        img.polygon([(cx - s, cy + s * 0.5), (cx, cy - s * 0.6), (cx + s, cy + s * 0.5)], hexc("c3a58a"), 200)
        img.polygon([(cx, cy - s * 0.6), (cx + s, cy + s * 0.5), (cx + s * 0.25, cy + s * 0.5)], hexc("a98a70"), 200)
    # rivers
    for (x, y) in [(1650, 300), (1450, 700)]:
        pts = []
        for i in range(30):
            pts.append((x + 240 * i / 29 + 30 * math.sin(i / 3.0), y + 20 * math.sin(i / 5.0) + i * 6))
        for i in range(29):
            img.line(pts[i][0], pts[i][1], pts[i + 1][0], pts[i + 1][1], 4, hexc("8fb7c0"))
    qx, qy = 0.22 * W, 0.50 * H
    starts = [((0.60 * W, 0.16 * H), hexc("c4593f")),   # Marisol
              ((0.72 * W, 0.31 * H), hexc("2a8c86")),   # Andrés
              ((0.84 * W, 0.46 * H), hexc("d08a2f"))]   # Carmen
    for i, ((sx, sy), col) in enumerate(starts):
        mx = (sx + qx) / 2 + (i - 1) * 80
        my = (sy + qy) / 2 - 150 + i * 110
        prev = None
        steps = 90
        for k in range(steps + 1):
            t = k / steps
            x = (1 - t) ** 2 * sx + 2 * (1 - t) * t * mx + t * t * qx
            y = (1 - t) ** 2 * sy + 2 * (1 - t) * t * my + t * t * qy
            if k % 3 == 0:
                img.circle(x, y, 6, col)
        img.circle(sx, sy, 44, col, 60)
        img.circle(sx, sy, 30, CREAM)
        img.circle(sx, sy, 22, col)
        img.circle(sx, sy, 9, CREAM)
    img.circle(qx, qy, 38, hexc("6c4f7c"), 70)
    img.circle(qx, qy, 22, hexc("6c4f7c"))
    img.circle(qx, qy, 9, CREAM)
    # a compass rose
    cx, cy = 1780, 930
    img.circle(cx, cy, 56, hexc("d9c29d"))
    img.polygon([(cx, cy - 70), (cx + 14, cy), (cx, cy + 70), (cx - 14, cy)], hexc("7c5a48"))
    img.polygon([(cx - 70, cy), (cx, cy - 14), (cx + 70, cy), (cx, cy + 14)], hexc("a98a70"))
    # a paper border
    for y in range(H):
        img.fill_span(y, 0, 14, hexc("d7c09a"))
        img.fill_span(y, W - 14, W, hexc("d7c09a"))
    for y in list(range(14)) + list(range(H - 14, H)):
        img.fill_span(y, 0, W, hexc("d7c09a"))
    return img


def art_carretera(rng):
    img = Img(W, H)
    img.vgradient([(0, hexc("5b8cba")), (0.6, hexc("a9c9de")), (1, hexc("f0e2c6"))], 0, 620)
    clouds(img, rng, 10, 90, 360, hexc("ffffff"), 80, 1.5)
    far = mountains(W, 560, 200, 4, rng, octaves=6, sharp=1.4)
    img.ridge(far, hexc("9fb3b4"))
    img.haze(440, 620, hexc("e9eadf"), 0, 80)
    mid = mountains(W, 680, 140, 3, rng, octaves=5, ridged=False)
    rim(img, mid, hexc("b3c48e"), hexc("7f9c6c"), 5)
    near = mountains(W, 820, 120, 2, rng, octaves=4, ridged=False)
    rim(img, near, hexc("a5b978"), hexc("5f8354"), 5)
    img.vgradient([(0, hexc("5f8354")), (1, hexc("4a6b43"))], 900, H)
    # winding road
    left, right = [], []
    for i in range(61):
        t = i / 60
        y = 700 + (H + 40 - 700) * (t ** 1.4)
        x = 1000 + 380 * math.sin(t * 5.2) * t
        wdt = 4 + 150 * t * t
        left.append((x - wdt, y))
        right.append((x + wdt, y))
    img.polygon(left + right[::-1], hexc("8c7c74"))
    for i in range(0, 60, 3):
        (ax, ay), (bx, by) = left[i], right[i]
        (cx, cy), (dx, dy) = left[i + 1], right[i + 1]
        img.line((ax + bx) / 2, ay, (cx + dx) / 2, cy, 2 + 6 * i / 60, hexc("f4e3b5"))
    # fruit stall with an orange awning
    img.rect(380, 860, 600, 960, hexc("8a5a3a"))
    img.polygon([(360, 860), (620, 860), (600, 820), (380, 820)], hexc("e58a3a"))
    for k in range(14):
        img.circle(400 + k * 14, 872, 7, rng.choice([hexc("f2a93b"), hexc("e5c04a"), hexc("c8553d"), hexc("8bb04a")]))
    # trees, then the bus on the road
    for k in range(14):
        x = rng.uniform(0, W)
        if 700 < x < 1400:
            continue
        y = near[int(x)] + rng.uniform(20, 120)
        tree_round(img, x, y, rng.uniform(70, 140), hexc("3f6b42"), hexc("4a3b30"), rng)
    i = 31
    cx = (left[i][0] + right[i][0]) / 2
    bus(img, cx - 110, left[i][1] + 12, 220, hexc("2f6f9a"), hexc("f2c46d"), hexc("cfe3ea"), hexc("2a2233"))
    return img


def art_albergue(rng):
    img = Img(W, H)
    img.vgradient([(0, hexc("7fa6c9")), (1, hexc("f6dfbd"))], 0, 640)
    # the mango tree behind the wall
    for k in range(14):
        img.circle(1450 + rng.uniform(-260, 260), 300 + rng.uniform(-150, 120), rng.uniform(90, 170), hexc("4f7a4a"))
    for k in range(10):
        img.circle(1450 + rng.uniform(-240, 240), 260 + rng.uniform(-120, 80), rng.uniform(40, 80), hexc("6c9658"))
    img.rect(1430, 380, 1480, 760, hexc("5a4434"))
    for k in range(22):                                   # mangoes
        img.ellipse(1450 + rng.uniform(-230, 230), 330 + rng.uniform(-120, 140), 9, 12,
                    rng.choice([hexc("f2a93b"), hexc("e5c04a"), hexc("d9783a")]))
    # the house: ochre wall, tiled roof, blue doors and windows
    img.rect(0, 430, 1200, 900, hexc("e8c07f"))
    img.polygon([(-20, 440), (1220, 440), (1170, 360), (30, 360)], hexc("b8553a"))
    for x in range(30, 1180, 26):
        img.line(x, 362, x - 8, 440, 3, hexc("9c4530"))
    for x in (120, 420, 720, 1010):
        img.rect(x, 520, x + 110, 680, hexc("3f7f9a"))
        img.rect(x + 8, 528, x + 102, 672, hexc("5aa0b8"))
        img.rect(x + 52, 528, x + 58, 672, hexc("3f7f9a"))
        img.rect(x - 10, 680, x + 120, 692, hexc("d9a86a"))
    img.rect(560, 560, 680, 900, hexc("6a4a36"))
    img.rect(570, 570, 670, 900, hexc("8a6246"))
    # a hand-painted sign (no words: colour blocks)
    img.rect(250, 460, 560, 500, hexc("f7ecd9"))
    for k in range(7):
        img.rect(268 + k * 40, 474, 268 + k * 40 + 26, 486, rng.choice([TERRA, TEAL, OCHRE]))
    # courtyard floor and wall on the right
    img.vgradient([(0, hexc("d9b68d")), (1, hexc("b98e68"))], 900, H)
    img.rect(1200, 620, W, 900, hexc("efd3a2"))
    img.rect(1200, 605, W, 625, hexc("d9b27f"))
    # laundry line with colourful clothes
    string = [(1230 + i * 14, 660 + 26 * math.sin(i / 48 * math.pi)) for i in range(49)]
    for i in range(48):
        img.line(string[i][0], string[i][1], string[i + 1][0], string[i + 1][1], 2, hexc("6b5a4a"))
    for k in range(9):
        i = 3 + k * 5
        x, y = string[i]
        col = rng.choice([TERRA, TEAL, OCHRE, hexc("e6e0d4"), hexc("7c6aa0"), hexc("f0a3a0")])
        if k % 3 == 0:
            img.polygon([(x - 26, y), (x + 26, y), (x + 32, y + 70), (x - 32, y + 70)], col)
        else:
            img.rect(x - 22, y, x + 22, y + 54, col)
    # potted plants and a bench
    for x in (80, 300, 860, 1120):
        img.polygon([(x - 30, 880), (x + 30, 880), (x + 22, 940), (x - 22, 940)], hexc("b8553a"))
        for k in range(5):
            img.ellipse(x + rng.uniform(-30, 30), 850 + rng.uniform(-30, 10), 22, 38, hexc("5c8a50"))
    img.rect(1500, 930, 1800, 950, hexc("7a5a40"))
    img.rect(1520, 950, 1540, 1010, hexc("6a4a36"))
    img.rect(1760, 950, 1780, 1010, hexc("6a4a36"))
    # a mother and her daughter by the door, a volunteer with a clipboard
    person(img, 720, 905, 230, hexc("4a3d6b"), bag=True)
    person(img, 776, 905, 140, hexc("6b3a42"), child=True)
    img.line(745, 790, 764, 805, 9, hexc("4a3d6b"))
    person(img, 470, 905, 236, hexc("2f4d5c"), skirt=True)
    img.rect(492, 760, 512, 792, CREAM)
    # long afternoon light across the yard
    img.polygon([(0, 1080), (700, 900), (1100, 900), (600, 1080)], hexc("fff0c8"), 40)
    return img


def art_barrio(rng):
    img = Img(W, H)
    img.vgradient([(0, hexc("5d8bbd")), (0.7, hexc("b5cfe0")), (1, hexc("f2e5cc"))], 0, 560)
    clouds(img, rng, 8, 80, 300, hexc("ffffff"), 80, 1.4)
    far = mountains(W, 470, 140, 3, rng, octaves=5, sharp=1.1)
    far = cone(far, 700, 250, 0.5, 80)
    rim(img, far, hexc("c2ccb0"), hexc("7c9384"), 5)
    img.haze(380, 560, hexc("eef0e6"), 0, 80)
    pal = [hexc(c) for c in ("f1d7b0", "e8b98e", "d98f6d", "f4e4c8", "b9cdb5", "e6c36f", "cf7a5b", "a9c4d1", "f2efe6", "d7a6c4")]
    slope = [700 - 0.16 * x + 30 * math.sin(x / 170.0) for x in range(W)]
    img.ridge(slope, hexc("9aa884"))
    for band in range(10):
        hs = [v + band * 48 for v in slope]
        house_row(img, hs, -30, W + 30, rng, pal, hexc("a4533c"), hexc("4e5a6e"), size=(46, 90), depth=60)
    # a street along the bottom, with a sidewalk, a lamp post and neighbours
    img.rect(0, 960, W, H, hexc("8d8478"))
    img.rect(0, 948, W, 962, hexc("d8cdbd"))
    for x in range(40, W, 160):
        img.rect(x, 1012, x + 70, 1018, hexc("efe6d2"))
    img.rect(1400, 640, 1410, 950, hexc("4a4450"))
    img.rect(1380, 632, 1440, 644, hexc("4a4450"))
    img.glow(1420, 650, 40, hexc("fff0c0"), 0.4, steps=6)
    for (x, h, kw) in [(300, 150, dict(bag=True, walk=0.4)), (350, 96, dict(child=True, walk=-0.4)),
                       (820, 160, dict(skirt=True)), (1150, 150, dict(walk=0.5)), (1680, 156, dict(bag=True, skirt=True))]:
        person(img, x, 952, h, rng.choice(CLOTHES), **kw)
    return img


def art_ciudad_noche(rng):
    img = Img(W, H)
    img.vgradient([(0, hexc("0d1431")), (0.7, hexc("23305c")), (1, hexc("4b4770"))], 0, 640)
    stars(img, rng, 900, 520)
    img.circle(360, 170, 38, hexc("f4efe0"))
    far = mountains(W, 520, 140, 3, rng, octaves=5, sharp=1.2)
    far = cone(far, 1450, 270, 0.45, 90)
    rim(img, far, hexc("4c5a8a"), hexc("1f2749"), 4)
    img.haze(450, 620, hexc("5a5580"), 0, 70)
    img.haze(620, 820, hexc("5a5580"), 70, 0)
    slope = [760 - 140 * math.exp(-((x - 1300) / 600.0) ** 2) + 25 * math.sin(x / 140.0) for x in range(W)]
    img.ridge(slope, hexc("1a2142"))
    # the city as warm lights along streets that follow the slopes
    warm = [hexc("ffd28a"), hexc("ffe7b5"), hexc("f6b26b"), hexc("fff4dc")]
    for k in range(34):
        off = 12 + (k / 33) ** 1.3 * (H - 700)
        ph = rng.uniform(0, 6.28)
        x = rng.uniform(-40, 0)
        while x < W:
            y = slope[min(W - 1, int(max(0, x)))] + off + 14 * math.sin(x / 300.0 + ph)
            depth = min(1.0, off / 380)
            if rng.random() < 0.75:
                s = 1.5 + depth * 2.5
                c = rng.choice(warm)
                img.rect(x, y, x + s, y + s, c, 160 + 90 * rng.random())
                if rng.random() < 0.05:
                    img.glow(x, y, 10 + 8 * depth, c, 0.5, steps=4)
            x += rng.uniform(6, 16) * (0.6 + depth)
    for k in range(500):
        x = rng.uniform(0, W)
        y = slope[int(x)] + rng.uniform(8, H - slope[int(x)])
        img.rect(x, y, x + 2, y + 2, rng.choice(warm), 140)
    return img


def art_ventana(rng):
    """An interior at dusk in Quito: a window on the Andes (a snow-capped volcano), a table, a
    lamp, a plant, books."""
    return ventana(rng, valencia=False)


def art_ventana_valencia(rng):
    """The same room in Valencia, Venezuela: green hills of the coastal range, no snow (the
    Andes and their volcanoes are far from Valencia)."""
    return ventana(rng, valencia=True)


def ventana(rng, valencia):
    img = Img(W, H)
    img.vgradient([(0, hexc("5a3f4e")), (1, hexc("3d2b3a"))])
    # the view through the window
    wx0, wy0, wx1, wy1 = 560, 150, 1460, 760
    sky = Img(wx1 - wx0, wy1 - wy0)
    sky.vgradient([(0, hexc("38487a")), (0.5, hexc("a06a86")), (1, hexc("f2b07f"))])
    if valencia:
        hs = mountains(sky.w, 400, 90, 3, rng, octaves=4, ridged=False)
        sky.ridge(hs, hexc("4f5a6a"))
        near = mountains(sky.w, 430, 60, 4, rng, octaves=4, ridged=False)
        sky.ridge(near, hexc("3f5a4c"))
    else:
        hs = mountains(sky.w, 470, 170, 3, rng, octaves=5, sharp=1.3)
        hs = cone(hs, 600, 250, 0.6, 20)
        snowcap(sky, hs, hexc("f7d4c4"), hexc("6a5a86"), 330, rng, jag=10)
    lights = [440 + 20 * math.sin(x / 60.0) for x in range(sky.w)]
    sky.ridge(lights, hexc("3e3457"))
    for k in range(320):
        x = rng.uniform(0, sky.w)
        y = lights[int(x)] + rng.uniform(6, 170)
        sky.rect(x, y, x + 2, y + 2, hexc("ffd48e"), 220)
    for y in range(sky.h):
        img.rows[wy0 + y][4 * wx0:4 * wx1] = sky.rows[y]
    frame = hexc("2f2130")
    img.rect(wx0 - 24, wy0 - 24, wx1 + 24, wy0, frame)
    img.rect(wx0 - 24, wy1, wx1 + 24, wy1 + 30, frame)
    img.rect(wx0 - 24, wy0, wx0, wy1, frame)
    img.rect(wx1, wy0, wx1 + 24, wy1, frame)
    img.rect((wx0 + wx1) / 2 - 10, wy0, (wx0 + wx1) / 2 + 10, wy1, frame)
    img.rect(wx0 - 40, wy1 + 20, wx1 + 40, wy1 + 40, hexc("4a3340"))
    # curtains
    img.polygon([(wx0 - 160, 110), (wx0 + 30, 110), (wx0 - 20, 820), (wx0 - 190, 840)], hexc("b25d4a"))
    img.polygon([(wx1 - 30, 110), (wx1 + 160, 110), (wx1 + 190, 840), (wx1 + 20, 820)], hexc("b25d4a"))
    img.rect(wx0 - 200, 96, wx1 + 200, 112, hexc("2a1d2a"))
    # table with a lamp, a plant and books
    img.rect(0, 870, W, H, hexc("6b4436"))
    img.rect(0, 860, W, 880, hexc("86573f"))
    img.glow(1560, 700, 420, hexc("ffcf8a"), 0.5, steps=26)
    img.rect(1548, 700, 1572, 860, hexc("2c2230"))
    img.polygon([(1480, 700), (1640, 700), (1600, 610), (1520, 610)], hexc("f4c27c"))
    img.rect(1500, 850, 1620, 862, hexc("2c2230"))
    img.polygon([(300, 860), (400, 860), (385, 770), (315, 770)], hexc("c4593f"))
    for k in range(11):
        a = -math.pi / 2 + (k - 5) / 5 * 1.15 + rng.uniform(-0.08, 0.08)
        L = rng.uniform(110, 190) * (1 - abs(k - 5) / 12)
        tx, ty = 350 + math.cos(a) * L, 775 + math.sin(a) * L
        mx, my = 350 + math.cos(a) * L * 0.5, 775 + math.sin(a) * L * 0.5
        nx, ny = -math.sin(a) * 14, math.cos(a) * 14
        img.polygon([(350, 775), (mx + nx, my + ny), (tx, ty), (mx - nx, my - ny)],
                    hexc("5d8a55") if k % 2 else hexc("4c7a48"))
    for i, c in enumerate((TEAL, OCHRE, hexc("7c6aa0"), TERRA)):
        img.rect(1000 + i * 6, 840 - i * 16, 1180 - i * 10, 856 - i * 16, c)
    img.rect(760, 846, 880, 858, CREAM)   # an open notebook
    img.rect(880, 846, 1000, 858, hexc("efe3cc"))
    return img


def art_plaza(rng):
    img = Img(W, H)
    img.vgradient([(0, hexc("3a4a7a")), (0.5, hexc("b07a8f")), (1, hexc("f5c28f"))], 0, 640)
    img.glow(1400, 640, 500, hexc("ffcf96"), 0.45, steps=24)
    far = mountains(W, 520, 120, 3, rng, octaves=5, sharp=1.2)
    far = cone(far, 420, 300, 0.5, 60)
    rim(img, far, hexc("e6a88f"), hexc("7e6790"), 4)
    img.haze(420, 640, hexc("f1b996"), 0, 100)
    # colonial facades at the back
    x = -10
    pal = [hexc(c) for c in ("f3e3c6", "e9c99b", "dca57e", "f1dcc0", "c9d5c2")]
    while x < W:
        w = rng.uniform(170, 290)
        h = rng.uniform(170, 240)
        col = rng.choice(pal)
        img.rect(x, 640 - h, x + w, 760, col)
        img.rect(x - 4, 640 - h - 10, x + w + 4, 640 - h, hexc("b0603f"))
        for k in range(int(w // 60)):
            xx = x + 24 + k * 60
            img.rect(xx, 640 - h + 40, xx + 26, 640 - h + 100, hexc("6f5a5a"))
            img.rect(xx - 4, 640 - h + 100, xx + 30, 640 - h + 106, hexc("f7ecd9"))
            img.rect(xx, 690, xx + 26, 760, hexc("7b5244"))
        x += w
    # the square
    img.vgradient([(0, hexc("d7b48e")), (1, hexc("a87f62"))], 760, H)
    for k in range(12):
        y = 770 + k * k * 2.2
        img.line(0, y, W, y, 1.2, hexc("c29a76"), 120)
    # a bandstand in the middle
    cx = 960
    img.rect(cx - 150, 700, cx + 150, 760, hexc("efe0c6"))
    for px in range(-140, 160, 56):
        img.rect(cx + px - 5, 590, cx + px + 5, 700, hexc("f4eadb"))
    img.polygon([(cx - 190, 600), (cx + 190, 600), (cx, 520)], hexc("b0603f"))
    # trees
    for tx in (200, 520, 1400, 1720):
        tree_round(img, tx, 800, 330, hexc("4c6b4c"), hexc("5a4535"), rng)
    # string lights across the square
    bulbs = [hexc("ffe2a0"), hexc("ffb98a"), hexc("fff2d0")]
    string_lights(img, 0, 420, 960, 520, 80, rng, hexc("5a4a50"), bulbs)
    string_lights(img, 960, 520, W, 420, 80, rng, hexc("5a4a50"), bulbs)
    # people spending Sunday: a girl drawing, a boy in a red cap with a speaker, an older woman
    ink = hexc("3a2d40")
    for k in range(16):
        x = rng.uniform(60, W - 60)
        if 820 < x < 1100:
            continue
        y = rng.uniform(860, 1000)
        person(img, x, y, 60 + (y - 860) * 0.5, rng.choice(CLOTHES), child=rng.random() < 0.25,
               skirt=rng.random() < 0.35, walk=rng.uniform(-0.6, 0.6), alpha=235)
    person(img, 1000, 1010, 150, ink, hat=CAP_RED)
    img.rect(1040, 930, 1090, 1010, hexc("2e2636"))
    img.circle(1065, 955, 14, hexc("7a6a80"))
    img.circle(1065, 990, 10, hexc("7a6a80"))
    # a vendor's stall with a striped awning
    img.rect(1500, 900, 1700, 1000, hexc("7b5244"))
    for k in range(8):
        img.rect(1490 + k * 28, 870, 1490 + k * 28 + 28, 900, TERRA if k % 2 else CREAM)
    return img


def art_calle(rng):
    """A sunny street in Cúcuta: low houses, palms, the car wash canopy."""
    img = Img(W, H)
    img.vgradient([(0, hexc("4f8fc4")), (0.7, hexc("a7d0e6")), (1, hexc("f6e7c6"))], 0, 560)
    img.glow(1650, 120, 260, hexc("fff4d0"), 0.7, steps=20)
    far = mountains(W, 520, 80, 3, rng, octaves=4, ridged=False)
    img.ridge(far, hexc("a9b9b0"))
    x = -10
    pal = [hexc(c) for c in ("f4d6a0", "f0b38c", "e6e0d0", "9fd0c9", "f2c6c9", "f6e3a4")]
    while x < W:
        w = rng.uniform(180, 300)
        h = rng.uniform(200, 280)
        img.rect(x, 780 - h, x + w, 800, rng.choice(pal))
        img.rect(x - 6, 780 - h - 12, x + w + 6, 780 - h, hexc("c8634a"))
        img.rect(x + w * 0.2, 620, x + w * 0.2 + 60, 790, hexc("5a7b8c"))
        img.rect(x + w * 0.6, 640, x + w * 0.6 + 50, 700, hexc("4d6b7a"))
        x += w
    for k in range(6):
        palm(img, rng.uniform(0, W), 820, rng.uniform(260, 360), hexc("4d8a4f"), hexc("8a6a4a"), rng.uniform(-0.2, 0.2))
    img.vgradient([(0, hexc("cdb79a")), (1, hexc("a88f74"))], 800, H)
    # the car wash canopy with water shine
    img.rect(1000, 560, 1800, 590, hexc("2a8c86"))
    img.rect(1010, 590, 1030, 900, hexc("3f4a56"))
    img.rect(1770, 590, 1790, 900, hexc("3f4a56"))
    img.rect(1160, 800, 1560, 880, hexc("c8553d"))
    img.polygon([(1220, 800), (1500, 800), (1450, 740), (1270, 740)], hexc("b34a35"))
    img.rect(1280, 750, 1440, 796, hexc("a7d0e6"))
    img.circle(1230, 885, 30, hexc("2a2233"))
    img.circle(1490, 885, 30, hexc("2a2233"))
    for k in range(30):
        img.ellipse(1100 + rng.uniform(0, 560), 930 + rng.uniform(0, 80), rng.uniform(20, 70), 4, hexc("d7ecf2"), 120)
    person(img, 1640, 900, 150, hexc("2e2a3a"), hat=CAP_RED, walk=0.2)
    img.line(1660, 820, 1720, 760, 6, hexc("2e2a3a"))
    return img


# ---- panoramas: x = (yaw/360 + 0.5) * PW, y = (0.5 - pitch/180) * PH ------------------

class Scaled:
    """Draws in logical panorama pixels (PW x PH) onto a canvas `s` times bigger, so the
    panoramas are sharp when a viewer looks at a 90-degree slice of them on a big screen."""
    def __init__(self, w, h, s):
        self.s, self.w, self.h = s, w, h
        self.img = Img(w * s, h * s)

    def rect(self, x0, y0, x1, y1, rgb, alpha=255):
        s = self.s
        self.img.rect(x0 * s, y0 * s, x1 * s, y1 * s, rgb, alpha)

    def ellipse(self, cx, cy, rx, ry, rgb, alpha=255):
        s = self.s
        self.img.ellipse(cx * s, cy * s, rx * s, ry * s, rgb, alpha)

    def circle(self, cx, cy, r, rgb, alpha=255):
        self.ellipse(cx, cy, r, r, rgb, alpha)

    def polygon(self, pts, rgb, alpha=255):
        s = self.s
        self.img.polygon([(x * s, y * s) for x, y in pts], rgb, alpha)

    def line(self, x0, y0, x1, y1, width, rgb, alpha=255):
        s = self.s
        self.img.line(x0 * s, y0 * s, x1 * s, y1 * s, width * s, rgb, alpha)

    def ridge(self, hs, rgb, alpha=255, bottom=None):
        s, n = self.s, len(hs)
        big = []
        for i in range(n * s):
            f = i / s
            k = int(f)
            u = f - k
            big.append((hs[k] * (1 - u) + hs[(k + 1) % n] * u) * s)
        self.img.ridge(big, rgb, alpha, None if bottom is None else bottom * s)

    def vgradient(self, stops, y0=0, y1=None, x0=0, x1=None):
        s = self.s
        self.img.vgradient(stops, y0 * s, None if y1 is None else y1 * s, x0 * s, None if x1 is None else x1 * s)

    def glow(self, cx, cy, r, rgb, strength=0.5, steps=24, squash=1.0):
        s = self.s
        self.img.glow(cx * s, cy * s, r * s, rgb, strength, steps, squash)

    def haze(self, y0, y1, rgb, a0, a1):
        s = self.s
        self.img.haze(y0 * s, y1 * s, rgb, a0, a1)

    def save(self, path):
        self.close_seam()
        return self.img.save(path)

    def close_seam(self, band=96):
        """A panorama's right edge meets its left edge at yaw +-180: its last `band` drawing
        units fade into the mirror of its first ones, so the two edges are the same colours
        where they meet and a viewer turning round sees no cut."""
        img, b = self.img, band * self.s
        w = img.w
        for row in img.rows:
            for x in range(b):
                t = (x + 1) / (b + 1)          # 0 inside the band, 1 at the edge
                i, j = 4 * (w - b + x), 4 * (b - 1 - x)
                for c in range(3):
                    row[i + c] = int(row[i + c] * (1 - t) + row[j + c] * t + 0.5)


def yaw_x(yaw):
    return (yaw / 360.0 + 0.5) * PW


def pitch_y(p):
    return (0.5 - p / 180.0) * PH


def wrap_draw(fn, x, *a, **k):
    """Draw something near the seam twice so it wraps around."""
    fn(x, *a, **k)
    if x < 300:
        fn(x + PW, *a, **k)
    if x > PW - 300:
        fn(x - PW, *a, **k)


def art_pano_rumichaca(rng):
    """The border bridge. The viewer stands on the Colombian bank; ahead (yaw 0) the bridge
    crosses the gorge to the migration office; the gorge runs left-right all around; the
    orientation tent (yaw -60) and the coffee stall (yaw 62) stand on this bank."""
    img = Scaled(PW, PH, PANO_SCALE)
    hz = PH // 2
    img.vgradient([(0, hexc("5d88b6")), (0.75, hexc("a9c6dc")), (1, hexc("efe3cf"))], 0, hz)
    clouds(img, rng, 16, 150, 420, hexc("ffffff"), 70, 1.2)
    far = mountains(PW, hz - 30, 180, 6, rng, octaves=6, periodic=True, sharp=1.4)
    img.ridge(far, hexc("8aa0a8"))
    img.haze(hz - 120, hz + 10, hexc("e6e7df"), 0, 90)
    near = mountains(PW, hz + 12, 80, 5, rng, octaves=5, periodic=True, ridged=False)
    rim(img, near, hexc("a8bd8a"), hexc("6d8c62"), 4)
    # the gorge: far lip, rock walls, the river at the bottom, near lip
    g0, g1 = hz + 24, hz + 120
    img.rect(0, g0, PW, g1, hexc("6a5a50"))
    img.vgradient([(0, hexc("7b6a5c")), (1, hexc("4f4540"))], g0, g0 + 40)
    img.rect(0, g0 + 52, PW, g0 + 70, hexc("6f9fb0"))
    for k in range(30):
        x = rng.uniform(0, PW)
        img.ellipse(x, g0 + 60, rng.uniform(20, 60), 2, hexc("cfe6ea"), 160)
    lip = [g1 + 6 * math.sin(x / 60.0) + 4 * math.sin(x / 17.0) for x in range(PW)]
    img.ridge(lip, hexc("7e9a68"))
    img.vgradient([(0, hexc("7e9a68")), (1, hexc("5f7a52"))], g1 + 12, PH)
    # a paved area on this bank, in front of the bridge
    gx = yaw_x(0)
    img.polygon([(gx - 700, PH), (gx - 300, g1 + 4), (gx + 300, g1 + 4), (gx + 700, PH)], hexc("cbbda6"))
    # the bridge deck from here to the far bank, with railings
    img.polygon([(gx - 330, PH), (gx - 70, g0 - 2), (gx + 70, g0 - 2), (gx + 330, PH)], hexc("b9ab94"))
    img.polygon([(gx - 250, PH), (gx - 52, g0 - 2), (gx + 52, g0 - 2), (gx + 250, PH)], hexc("a39580"))
    for side in (-1, 1):
        for k in range(40):
            t = k / 39
            y = g0 - 2 + (PH - g0) * t * t
            x = gx + side * (70 + 260 * t * t)
            img.rect(x - 1 - 3 * t, y - 10 - 60 * t, x + 1 + 3 * t, y, hexc("e8dcc6"))
        img.line(gx + side * 70, g0 - 12, gx + side * 330, PH - 70, 5, hexc("efe5d2"))
    # the migration office on the far bank, flags either side
    img.rect(gx - 130, hz - 70, gx + 130, g0, hexc("efe9df"))
    img.rect(gx - 140, hz - 80, gx + 140, hz - 68, hexc("8a6a5a"))
    for k in range(5):
        img.rect(gx - 110 + k * 48, hz - 50, gx - 84 + k * 48, hz - 18, hexc("8fb2c6"))
    for fx in (gx - 190, gx + 190):
        img.rect(fx - 2, hz - 160, fx + 2, g0, hexc("6b6b6b"))
        for i, c in enumerate((hexc("f2c84b"), hexc("2f5fa8"), hexc("c8453d"))):
            img.rect(fx + 2, hz - 158 + i * 12, fx + 62, hz - 146 + i * 12, c)
    # the queue along the deck, getting closer: people standing, one with a child
    for k in range(12):
        t = (k + 0.5) / 12
        y = g0 + (PH - 160 - g0) * t * t + 10
        x = gx - (60 + 220 * t * t) * 0.55
        h = 30 + 200 * t * t
        person(img, x, y, h, rng.choice(CLOTHES), child=(k == 7), bag=(k % 3 == 0), skirt=(k % 4 == 1),
               hat=CAP_RED if k == 8 else None)
    # the white orientation tent at yaw -60, on this bank
    tx = yaw_x(-60)
    ty = g1 + 80
    img.polygon([(tx - 170, ty), (tx + 170, ty), (tx + 140, ty - 110), (tx, ty - 170), (tx - 140, ty - 110)], hexc("f7f3ea"))
    img.polygon([(tx - 170, ty), (tx - 140, ty - 110), (tx, ty - 170), (tx - 40, ty)], hexc("e3ddd0"))
    img.rect(tx - 45, ty - 86, tx + 45, ty, hexc("6f8fa6"))
    img.rect(tx - 130, ty - 26, tx - 60, ty, hexc("c7b8a2"))
    person(img, tx + 105, ty + 6, 120, hexc("2f5f8a"))
    person(img, tx - 5, ty + 6, 112, rng.choice(CLOTHES), bag=True)
    # the coffee stall at yaw 62: a cart with an umbrella and steam
    cx = yaw_x(62)
    cy = g1 + 80
    img.rect(cx - 80, cy - 70, cx + 80, cy - 4, hexc("8a5a3a"))
    img.rect(cx - 90, cy - 78, cx + 90, cy - 66, hexc("d9a46a"))
    img.circle(cx - 56, cy, 14, hexc("3b3444"))
    img.circle(cx + 56, cy, 14, hexc("3b3444"))
    img.polygon([(cx - 150, cy - 170), (cx + 150, cy - 170), (cx, cy - 240)], TERRA)
    img.rect(cx - 3, cy - 170, cx + 3, cy - 70, hexc("5a4a40"))
    for k in range(3):
        for j in range(8):
            img.circle(cx - 40 + k * 30 + 6 * math.sin(j), cy - 96 - j * 12, 5 + j * 0.6, hexc("ffffff"), 50)
    person(img, cx + 120, cy + 6, 122, hexc("6b3a42"), skirt=True)
    # lamp posts along the bank
    for yaw in range(-170, 180, 40):
        x = yaw_x(yaw)
        if abs(yaw) < 40 or abs(yaw + 60) < 25 or abs(yaw - 62) < 25:
            continue
        img.rect(x - 3, g1 - 60, x + 3, g1 + 60, hexc("6b6b6b"))
        img.rect(x - 18, g1 - 66, x + 4, g1 - 58, hexc("6b6b6b"))
    return img


def art_pano_mercado(rng):
    img = Scaled(PW, PH, PANO_SCALE)
    hz = PH // 2
    img.vgradient([(0, hexc("6a95c0")), (0.8, hexc("c2d6e2")), (1, hexc("f3e4cc"))], 0, hz)
    clouds(img, rng, 14, 120, 360, hexc("ffffff"), 70, 1.2)
    far = mountains(PW, hz - 90, 120, 5, rng, octaves=5, periodic=True, sharp=1.2)
    far = cone(far, yaw_x(100), hz - 260, 0.45, 80, periodic_w=PW)
    rim(img, far, hexc("bdc7a4"), hexc("7f947f"), 4)
    # buildings around the market
    pal = [hexc(c) for c in ("efe0c6", "e3b98e", "d79a77", "c9d7c9", "f2e8d7", "b9c9d6")]
    x = 0
    while x < PW:
        w = rng.uniform(90, 180)
        h = rng.uniform(80, 200)
        col = rng.choice(pal)
        img.rect(x, hz - h, x + w, hz + 60, col)
        img.rect(x - 3, hz - h - 8, x + w + 3, hz - h, hexc("a4533c"))
        for k in range(int(w // 40)):
            img.rect(x + 12 + k * 40, hz - h + 24, x + 32 + k * 40, hz - h + 54, hexc("5c6574"))
        x += w
    # the market floor
    img.vgradient([(0, hexc("cbb9a0")), (1, hexc("9f8a74"))], hz + 60, PH)
    for k in range(10):
        y = hz + 70 + k * k * 4
        img.line(0, y, PW, y, 1.3, hexc("b7a388"), 120)
    # stalls with striped awnings all around
    stripes = [(TERRA, CREAM), (TEAL, CREAM), (OCHRE, CREAM), (hexc("7c6aa0"), CREAM), (hexc("d9534f"), hexc("f6d28a"))]
    for yaw in range(-180, 180, 30):
        if yaw in (-60, -30, 30, 60, 150):
            continue
        x = yaw_x(yaw + rng.uniform(-4, 4))
        a, b = rng.choice(stripes)
        for k in range(8):
            img.polygon([(x - 120 + k * 30, hz + 10), (x - 90 + k * 30, hz + 10), (x - 86 + k * 30, hz - 30), (x - 114 + k * 30, hz - 30)],
                        a if k % 2 else b)
        img.rect(x - 115, hz + 10, x + 115, hz + 100, hexc("8a6246"))
        for k in range(16):
            img.circle(x - 100 + k * 13, hz + 20, 7, rng.choice([hexc("f2a93b"), hexc("e5c04a"), hexc("c8553d"), hexc("8bb04a"), hexc("7a4f8a")]))
        img.rect(x - 118, hz - 30, x - 112, hz + 100, hexc("5a4a40"))
        img.rect(x + 112, hz - 30, x + 118, hz + 100, hexc("5a4a40"))
    # the notice board at yaw -50
    nx, ny = yaw_x(-50), pitch_y(2)
    img.rect(nx - 14, ny - 20, nx + 14, hz + 120, hexc("cfc3b0"))
    img.rect(nx - 110, ny - 120, nx + 110, ny + 40, hexc("8a6246"))
    img.rect(nx - 100, ny - 110, nx + 100, ny + 30, hexc("c9a77c"))
    for k in range(12):
        px = nx - 92 + (k % 4) * 47 + rng.uniform(-4, 4)
        py = ny - 100 + (k // 4) * 42 + rng.uniform(-3, 3)
        img.rect(px, py, px + 38, py + 34, rng.choice([CREAM, hexc("f6e7a0"), hexc("f3c9c2"), hexc("cfe3ea")]))
        img.circle(px + 19, py + 3, 3, TERRA)
    # the pickup truck at yaw 45
    tx, ty = yaw_x(45), hz + 110
    # (a pickup you can read as one: a coloured body, an open bed with sacks in it, a cab with
    # its window and door, a bumper and a headlight, wheels with hubs under their arches)
    body, dark, trim = hexc("3f7f8c"), hexc("2d5d68"), hexc("d8d2c2")
    img.rect(tx - 160, ty - 52, tx + 30, ty - 16, body)                       # the bed's side
    img.rect(tx - 160, ty - 58, tx + 30, ty - 52, dark)                       # its top rail
    img.rect(tx - 166, ty - 60, tx - 154, ty - 16, dark)                      # tailgate
    for k, c in enumerate((hexc("c9a36a"), hexc("b8925c"), hexc("d4b07a"))):  # sacks in the bed
        img.ellipse(tx - 120 + k * 48, ty - 62, 24, 12, c)
    img.polygon([(tx + 30, ty - 16), (tx + 30, ty - 96), (tx + 92, ty - 96), (tx + 124, ty - 56),
                 (tx + 168, ty - 50), (tx + 172, ty - 16)], body)               # cab and bonnet
    img.polygon([(tx + 40, ty - 88), (tx + 88, ty - 88), (tx + 112, ty - 58), (tx + 40, ty - 58)], hexc("9fc4d4"))
    img.rect(tx + 78, ty - 56, tx + 80, ty - 20, dark)                        # the door's edge
    img.rect(tx + 160, ty - 46, tx + 172, ty - 38, hexc("f6e7a0"))            # headlight
    img.rect(tx - 170, ty - 20, tx + 178, ty - 12, trim)                      # bumpers and sill
    for wx in (tx - 104, tx + 116):
        img.ellipse(wx, ty - 14, 34, 20, dark)                                # wheel arch
        img.circle(wx, ty - 6, 24, hexc("241d2c"))
        img.circle(wx, ty - 6, 10, trim)
    person(img, tx - 200, ty, 84, hexc("3b3444"))
    # the green awning of the association at yaw 150, with a table and a pot
    gx, gy = yaw_x(150), hz + 10
    img.polygon([(gx - 150, gy), (gx + 150, gy), (gx + 130, gy - 60), (gx - 130, gy - 60)], hexc("4f8a5b"))
    img.rect(gx - 150, gy, gx + 150, gy + 12, hexc("3f7a4b"))
    img.rect(gx - 146, gy - 60, gx - 140, gy + 110, hexc("5a4a40"))
    img.rect(gx + 140, gy - 60, gx + 146, gy + 110, hexc("5a4a40"))
    img.rect(gx - 110, gy + 60, gx + 110, gy + 74, hexc("efe3cc"))
    img.ellipse(gx + 60, gy + 48, 30, 16, hexc("6b6b6b"))
    for k in range(6):
        img.rect(gx - 100 + k * 22, gy + 52, gx - 84 + k * 22, gy + 60, rng.choice([CREAM, hexc("f6e7a0"), TEAL]))
    person(img, gx - 40, gy + 100, 78, hexc("3b3444"), skirt=True)
    person(img, gx + 30, gy + 100, 80, hexc("3b3444"))
    # shoppers around
    for k in range(26):
        yaw = rng.uniform(-180, 180)
        x = yaw_x(yaw)
        y = hz + rng.uniform(130, 240)
        col = rng.choice(CLOTHES)
        wrap_draw(lambda xx: person(img, xx, y, 70 + (y - hz - 130) * 0.35, col, bag=rng.random() < 0.4,
                                    child=rng.random() < 0.15, skirt=rng.random() < 0.4, walk=rng.uniform(-0.6, 0.6)), x)
    return img


def art_pano_terraza(rng):
    img = Scaled(PW, PH, PANO_SCALE)
    hz = PH // 2
    img.vgradient([(0, hexc("4a78aa")), (0.75, hexc("a8c7dd")), (1, hexc("f1e2cb"))], 0, hz)
    img.glow(yaw_x(-30), hz - 260, 260, hexc("fff4d6"), 0.6, steps=20)
    clouds(img, rng, 14, 120, 380, hexc("ffffff"), 75, 1.3)
    far = mountains(PW, hz - 50, 150, 5, rng, octaves=6, periodic=True, sharp=1.3)
    far = cone(far, yaw_x(120), hz - 250, 0.6, 30, periodic_w=PW)
    snowcap(img, far, hexc("fbf6ef"), hexc("90a2b8"), hz - 170, rng, jag=10)
    img.haze(hz - 150, hz + 10, hexc("efe7da"), 0, 100)
    city = [hz + 10 + 10 * math.sin(x / 100.0) for x in range(PW)]
    img.ridge(city, hexc("9ba98a"))
    pal = [hexc(c) for c in ("f1d7b0", "e8b98e", "d98f6d", "f4e4c8", "b9cdb5", "e6c36f", "cf7a5b", "a9c4d1", "f2efe6")]
    for band in range(3):
        hs = [v + band * 24 for v in city]
        house_row(img, hs, 0, PW, rng, pal, hexc("a4533c"), hexc("5c5467"), size=(20, 36), depth=30)
    # the terrace floor and its parapet
    img.vgradient([(0, hexc("c9a98a")), (1, hexc("a0826a"))], hz + 80, PH)
    img.rect(0, hz + 60, PW, hz + 96, hexc("e9d9c0"))
    img.rect(0, hz + 56, PW, hz + 64, hexc("f5ead8"))
    for k in range(14):
        y = hz + 110 + k * k * 2.4
        img.line(0, y, PW, y, 1.2, hexc("b8977a"), 110)
    # clothes lines with colourful laundry near yaw 20..50
    x0, x1 = yaw_x(10), yaw_x(55)
    for row, yy in enumerate((hz - 40, hz - 10)):
        img.line(x0, yy, x1, yy + 10, 2, hexc("6b5a4a"))
        for k in range(7):
            x = x0 + 30 + k * (x1 - x0 - 60) / 6
            col = rng.choice([TERRA, TEAL, OCHRE, hexc("e6e0d4"), hexc("7c6aa0"), hexc("f0a3a0")])
            img.rect(x - 16, yy + 2 + k * 1.4, x + 16, yy + 44 + k * 1.4, col)
    # plants in buckets at yaw 75, and an older woman watering them
    px, py = yaw_x(75), pitch_y(-10) + 60
    for k in range(7):
        bx = px - 150 + k * 48
        img.polygon([(bx - 18, py - 40), (bx + 18, py - 40), (bx + 14, py), (bx - 14, py)],
                    rng.choice([hexc("4f86b5"), hexc("d9534f"), hexc("e6c36f"), hexc("7c6aa0")]))
        for j in range(5):
            img.ellipse(bx + rng.uniform(-16, 16), py - 52 - rng.uniform(0, 30), 10, 22, hexc("5c8a50"))
    person(img, px + 200, py + 10, 150, hexc("4a3a4e"), skirt=True)
    img.line(px + 222, py - 80, px + 262, py - 60, 8, hexc("4f86b5"))
    # the stairwell hut with Sofía's window at yaw -70 (warm light inside)
    sx, sy = yaw_x(-70), pitch_y(-18)
    img.rect(sx - 170, hz - 120, sx + 170, sy + 40, hexc("efe2cc"))
    img.rect(sx - 180, hz - 132, sx + 180, hz - 118, hexc("b0603f"))
    img.rect(sx - 90, sy - 110, sx + 90, sy - 10, hexc("f6cf8a"))
    img.rect(sx - 4, sy - 110, sx + 4, sy - 10, hexc("7a5a46"))
    img.rect(sx - 90, sy - 64, sx + 90, sy - 58, hexc("7a5a46"))
    img.rect(sx - 100, sy - 10, sx + 100, sy, hexc("d8c4a6"))
    img.circle(sx - 40, sy - 48, 14, hexc("8a5d45"), 160)   # a small head bent over a book
    img.rect(sx - 56, sy - 34, sx - 24, sy - 14, hexc("8a5d45"), 160)
    # the bench in the sun at yaw 170 (wraps around the seam)
    def bench(x):
        by = pitch_y(-15) + 60
        img.rect(x - 110, by - 40, x + 110, by - 28, hexc("8a6246"))
        img.rect(x - 110, by - 80, x + 110, by - 68, hexc("8a6246"))
        img.rect(x - 100, by - 80, x - 90, by, hexc("6a4a36"))
        img.rect(x + 90, by - 80, x + 100, by, hexc("6a4a36"))
        img.ellipse(x + 160, by - 10, 40, 14, hexc("b98e68"), 120)
    wrap_draw(bench, yaw_x(170))
    # solar panels on a neighbouring roof at yaw -150
    spx, spy = yaw_x(-150), hz + 40
    for k in range(4):
        x = spx - 170 + k * 90
        img.polygon([(x, spy), (x + 80, spy), (x + 70, spy - 50), (x - 6, spy - 50)], hexc("2b4a78"))
        img.line(x + 2, spy - 25, x + 76, spy - 25, 1.5, hexc("8fb2d9"))
        img.line(x + 37, spy - 50, x + 40, spy, 1.5, hexc("8fb2d9"))
    img.rect(spx - 190, spy, spx + 200, spy + 10, hexc("6b6b6b"))
    return img


# ---- portraits: abstract silhouettes, no faces ----------------------------------------

def art_cruce_portada(rng):
    """El cruce's cover (stories/el-cruce/images/portada.png with --out): a footbridge over a
    river at dawn, a mother and her son small on it, walking on; no faces."""
    img = Img(W, H)
    dawn_sky(img, 620, 1280, 520, 1.0)
    clouds(img, rng, 6, 120, 360, hexc("f6c6a4"), 34, 1.2)
    far = mountains(W, 560, 160, 4, rng, octaves=5, sharp=1.3)
    rim(img, far, hexc("f0b48e"), hexc("8a6c90"), 4)
    img.haze(470, 640, hexc("f6c79c"), 0, 100)
    bank = mountains(W, 660, 60, 3, rng, octaves=4, ridged=False)
    rim(img, bank, hexc("9aa476"), hexc("5e6a4c"), 4)
    # the river, brighter where the dawn touches it
    img.vgradient([(0, hexc("c89a8e")), (1, hexc("5b6f8c"))], 700, H)
    for k in range(90):
        y = rng.uniform(720, H)
        x = rng.uniform(0, W)
        L = rng.uniform(30, 140) * (y - 680) / 400
        img.rect(x, y, x + L, y + 2, hexc("f3d2b4"), 90)
    # the footbridge: deck, rails and posts
    deck = hexc("4a3a4e")
    img.rect(0, 760, W, 790, deck)
    img.rect(0, 700, W, 706, deck)
    for x in range(0, W + 1, 120):
        img.rect(x, 700, x + 8, 790, deck)
    for x in range(60, W + 1, 240):
        img.rect(x - 14, 790, x + 14, H, hexc("3b2f42"))
    ink = hexc("2c2238")
    person(img, 1140, 760, 118, ink, bag=True, walk=0.45, skirt=True)
    person(img, 1190, 760, 74, ink, child=True, walk=-0.35)
    return img


ARTS = {
    "portada": art_portada,
    "mapa": art_mapa,
    "cucuta-cielo": art_cucuta_cielo,
    "cucuta-ciudad": art_cucuta_ciudad,
    "cucuta-terminal": art_cucuta_terminal,
    "paramo-cielo": art_paramo_cielo,
    "paramo-cerros": art_paramo_cerros,
    "paramo-camino": art_paramo_camino,
    "noche-cielo": art_noche_cielo,
    "noche-montes": art_noche_montes,
    "noche-carretera": art_noche_carretera,
    "quito-cielo": art_quito_cielo,
    "quito-ciudad": art_quito_ciudad,
    "quito-plaza": art_quito_plaza,
    "carretera": art_carretera,
    "albergue": art_albergue,
    "barrio": art_barrio,
    "ciudad-noche": art_ciudad_noche,
    "ventana": art_ventana,
    "ventana-valencia": art_ventana_valencia,
    "plaza": art_plaza,
    "calle": art_calle,
    "pano-rumichaca": art_pano_rumichaca,
    "pano-mercado": art_pano_mercado,
    "pano-terraza": art_pano_terraza,
    "cruce-portada": art_cruce_portada,
}

# pictures of other stories: name -> (story folder, file name there)
OTHER_STORY = {"cruce-portada": ("el-cruce", "portada")}


def seed_of(name):
    return zlib.crc32(("tres-caminos/" + name).encode()) & 0xFFFFFFFF


def main(argv):
    out = DEFAULT_OUT
    names = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--out":
            out = argv[i + 1]
            i += 2
            continue
        if a == "--list":
            print("\n".join(ARTS))
            return 0
        if a in ("-h", "--help"):
            print(__doc__)
            return 0
        if a not in ARTS:
            print("make-art: no picture called %r (try --list)" % a, file=sys.stderr)
            return 2
        names.append(a)
        i += 1
    total = 0
    import time
    for name in names or list(ARTS):
        t0 = time.time()
        img = ARTS[name](random.Random(seed_of(name)))
        # a picture for another story goes to that story's folder, under its own name there
        where, file = OTHER_STORY.get(name, (None, name))
        dest = out if out != DEFAULT_OUT or not where else os.path.join(HERE, "..", "stories", where, "images")
        os.makedirs(dest, exist_ok=True)
        n = img.save(os.path.join(dest, file + ".png"))
        total += n
        W_, H_ = (img.img.w, img.img.h) if isinstance(img, Scaled) else (img.w, img.h)
        print("%-20s %4dx%-4d %7.1f KB  %.1fs" % (name + ".png", W_, H_, n / 1024, time.time() - t0))
    print("total %.2f MB" % (total / 1048576))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
