#!/usr/bin/env python3
"""Makes the small pictures of the player-basic test story (pure Python, no imaging library):
dusk skies with hill silhouettes, 640x360 (the player scales them to the 1920x1080 canvas),
and a 1024x512 equirectangular panorama. Run it from anywhere; it writes images/ beside it."""
import math
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def png(path, w, h, pixel):
    raw = bytearray()
    for y in range(h):
        raw.append(0)
        for x in range(w):
            raw.extend(pixel(x, y))
    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(data)


def mix(a, b, t):
    t = max(0.0, min(1.0, t))
    return tuple(int(a[i] + (b[i] - a[i]) * t) for i in range(3))


def landscape(top, bottom, hills, sun=None):
    """hills: list of (colour, base 0..1, amplitude, frequency, phase), back to front."""
    def pixel(x, y, w=640, h=360):
        u, v = x / w, y / h
        c = mix(top, bottom, v * 1.1)
        if sun:
            sx, sy, r, col = sun
            d = math.hypot(u - sx, (v - sy) * h / w)
            if d < r:
                c = col
            elif d < r * 3:
                c = mix(col, c, (d - r) / (2 * r))
        for col, base, amp, freq, ph in hills:
            edge = base - amp * (0.6 * math.sin(u * freq + ph) + 0.4 * math.sin(u * freq * 2.3 + ph * 1.7))
            if v > edge:
                c = mix(col, (col[0] // 2, col[1] // 2, col[2] // 2), (v - edge) * 1.5)
        return bytes(c)
    return pixel


def main():
    out = os.path.join(HERE, "images")
    os.makedirs(out, exist_ok=True)
    png(os.path.join(out, "map.png"), 640, 360, landscape(
        (58, 62, 96), (236, 148, 92),
        [((120, 86, 96), 0.62, 0.08, 5.0, 0.4), ((70, 52, 66), 0.74, 0.06, 8.0, 1.9), ((38, 30, 40), 0.88, 0.04, 11.0, 0.2)],
        sun=(0.72, 0.52, 0.05, (255, 214, 150))))
    png(os.path.join(out, "bridge.png"), 640, 360, landscape(
        (92, 70, 110), (250, 176, 106),
        [((146, 100, 104), 0.55, 0.12, 3.0, 2.0), ((86, 62, 72), 0.70, 0.05, 9.0, 0.7), ((32, 26, 32), 0.86, 0.015, 30.0, 0.0)],
        sun=(0.28, 0.60, 0.06, (255, 226, 170))))
    png(os.path.join(out, "river.png"), 640, 360, landscape(
        (22, 36, 64), (96, 128, 150),
        [((40, 58, 80), 0.58, 0.10, 4.0, 1.1), ((26, 38, 52), 0.76, 0.05, 7.0, 2.5), ((14, 20, 30), 0.90, 0.02, 14.0, 0.3)],
        sun=(0.80, 0.22, 0.03, (230, 236, 240))))
    png(os.path.join(out, "dawn.png"), 640, 360, landscape(
        (120, 150, 190), (252, 214, 160),
        [((150, 140, 130), 0.66, 0.07, 4.0, 0.9), ((96, 104, 92), 0.80, 0.05, 6.0, 2.2)],
        sun=(0.5, 0.70, 0.07, (255, 240, 200))))

    def pano(x, y, w=1024, h=512):
        u, v = x / w, y / h
        c = mix((70, 90, 130), (240, 170, 120), v * 1.2)
        ridge = 0.55 - 0.06 * math.sin(u * 2 * math.pi * 3) - 0.03 * math.sin(u * 2 * math.pi * 11 + 1)
        if v > ridge:
            c = mix((90, 70, 80), (40, 30, 36), (v - ridge) * 3)
        if abs(u - 0.5) < 0.004 and v < ridge:  # a pole straight ahead, to see the view turn
            c = (250, 236, 210)
        return bytes(c)
    png(os.path.join(out, "camp-360.png"), 1024, 512, pano)


if __name__ == "__main__":
    main()
