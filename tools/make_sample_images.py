"""Draw the sample photos in ``assets/images/`` procedurally with Pillow (our own pictures, CC0).

    .venv/bin/python tools/make_sample_images.py [--out assets/images] [NAME ...]

Five "photograph-ish" illustrations, 1600 × 1100 px, deterministic (fixed random seeds), each < 400 KB:

* ``harbour-dusk.jpg``   RGB JPEG: a harbour skyline at dusk, cranes, lit windows, reflections in the water.
* ``factory-floor.jpg``  greyscale (mode L) JPEG: a workshop hall in perspective with machines and lamps.
* ``riverside-park.png`` RGBA PNG with a soft transparent vignette: a park with trees, a path and a lawn.
* ``meeting-room.jpg``   RGB JPEG: a meeting room with a long table, chairs, a screen with a bar chart.
* ``seawall-dawn.jpg``   RGB JPEG: the tide coming in against a sea wall at dawn, a man at the railing
  (the picture the 副刊 essay wraps its text around).

The greyscale and the alpha images exist to exercise colour conversion in export (L → CMYK K, RGBA → flatten).
"""
from __future__ import annotations

import argparse
import math
import pathlib
import random

from PIL import Image, ImageDraw, ImageFilter

W, H = 1600, 1100
ROOT = pathlib.Path(__file__).resolve().parent.parent
MAX_BYTES = 400 * 1024


def lerp(a, b, t):
    return tuple(int(round(x + (y - x) * t)) for x, y in zip(a, b))


def vgradient(size, stops):
    """A vertical gradient through ``stops`` [(t, (r, g, b)), ...], t in 0..1."""
    w, h = size
    col = Image.new("RGB", (1, h))
    px = col.load()
    for y in range(h):
        t = y / max(1, h - 1)
        for (t0, c0), (t1, c1) in zip(stops, stops[1:]):
            if t0 <= t <= t1:
                px[0, y] = lerp(c0, c1, (t - t0) / max(1e-9, t1 - t0))
                break
    return col.resize((w, h))


def grain(img, amount, _seed=None):
    """Add film-like grain (gaussian noise, slightly blurred) so it reads as a photograph."""
    noise = Image.effect_noise(img.size, amount).filter(ImageFilter.GaussianBlur(0.6))
    if img.mode == "L":
        return Image.blend(img, noise, 0.06)
    return Image.blend(img, Image.merge("RGB", (noise, noise, noise)), 0.06)


def harbour(seed=1):
    rnd = random.Random(seed)
    horizon = 700
    img = vgradient((W, H), [(0, (38, 44, 92)), (0.35, (150, 86, 120)), (0.58, (246, 150, 84)),
                             (0.64, (255, 196, 120)), (0.65, (70, 74, 104)), (1, (18, 24, 48))])
    d = ImageDraw.Draw(img)
    # sun low over the water, with a glow
    glow = Image.new("L", (W, H), 0)
    ImageDraw.Draw(glow).ellipse((1000, 460, 1400, 860), fill=255)
    glow = glow.filter(ImageFilter.GaussianBlur(90))
    img = Image.composite(Image.new("RGB", (W, H), (255, 214, 150)), img, glow.point(lambda v: v * 0.7))
    d = ImageDraw.Draw(img)
    d.ellipse((1150, 600, 1250, 700), fill=(255, 236, 190))
    # far hills
    pts = [(0, horizon)] + [(x, horizon - 60 - 40 * math.sin(x / 170) - 25 * math.sin(x / 53))
                            for x in range(0, W + 1, 20)] + [(W, horizon)]
    d.polygon(pts, fill=(96, 70, 110))
    # skyline: buildings with lit windows
    x = 0
    while x < W:
        bw = rnd.randint(50, 130)
        bh = rnd.randint(90, 360) if not 1050 < x < 1300 else rnd.randint(40, 120)
        top = horizon - bh
        shade = rnd.randint(28, 52)
        d.rectangle((x, top, x + bw, horizon), fill=(shade, shade - 6, shade + 22))
        for wy in range(top + 12, horizon - 8, 18):
            for wx in range(x + 8, x + bw - 8, 16):
                if rnd.random() < 0.38:
                    c = rnd.choice([(255, 214, 130), (255, 240, 200), (200, 220, 255)])
                    d.rectangle((wx, wy, wx + 7, wy + 9), fill=c)
        x += bw + rnd.randint(0, 12)
    # port cranes (gantries) on the right
    for cx in (1280, 1420, 1540):
        c = (24, 26, 40)
        d.line((cx, horizon, cx, horizon - 250), fill=c, width=10)
        d.line((cx + 60, horizon, cx + 60, horizon - 250), fill=c, width=10)
        d.line((cx - 120, horizon - 240, cx + 160, horizon - 240), fill=c, width=14)
        d.line((cx, horizon - 250, cx + 30, horizon - 320), fill=c, width=6)
        d.line((cx + 60, horizon - 250, cx + 30, horizon - 320), fill=c, width=6)
        d.line((cx + 30, horizon - 320, cx - 120, horizon - 240), fill=c, width=3)
    d.rectangle((0, horizon, W, horizon + 14), fill=(30, 30, 44))   # quay
    # water: reflections of the sky and lights, rippled
    sky = img.crop((0, horizon - 380, W, horizon)).transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    sky = sky.resize((W, H - horizon - 14)).filter(ImageFilter.GaussianBlur(6))
    dark = Image.new("RGB", sky.size, (16, 22, 46))
    water = Image.blend(sky, dark, 0.55)
    wd = ImageDraw.Draw(water)
    for _ in range(900):
        y = rnd.randint(0, water.height - 1)
        x0 = rnd.randint(0, W)
        near_sun = abs(x0 - 1200) < 160 - y * 0.1
        c = (255, 200, 140) if near_sun else (120, 110, 150)
        wd.line((x0, y, x0 + rnd.randint(10, 60), y), fill=c, width=1 + (y > 200))
    img.paste(water.filter(ImageFilter.GaussianBlur(1.2)), (0, horizon + 14))
    # a ship leaving the harbour
    d = ImageDraw.Draw(img)
    d.polygon([(300, 820), (620, 820), (590, 862), (330, 862)], fill=(20, 20, 30))
    d.rectangle((420, 770, 540, 820), fill=(34, 34, 46))
    for i in range(5):
        d.rectangle((430 + 22 * i, 784, 442 + 22 * i, 796), fill=(255, 220, 150))
    return grain(img.filter(ImageFilter.GaussianBlur(0.8)), 40, seed)


def factory(seed=2):
    rnd = random.Random(seed)
    img = Image.new("L", (W, H), 70)
    d = ImageDraw.Draw(img)
    vx, vy = 800, 430     # vanishing point
    # ceiling, walls and floor as a one-point perspective box
    d.polygon([(0, 0), (W, 0), (vx + 260, vy - 150), (vx - 260, vy - 150)], fill=120)
    d.polygon([(0, 0), (vx - 260, vy - 150), (vx - 260, vy + 110), (0, H)], fill=96)
    d.polygon([(W, 0), (vx + 260, vy - 150), (vx + 260, vy + 110), (W, H)], fill=104)
    d.polygon([(0, H), (vx - 260, vy + 110), (vx + 260, vy + 110), (W, H)], fill=150)
    d.rectangle((vx - 260, vy - 150, vx + 260, vy + 110), fill=200)   # bright far wall / windows
    for i in range(6):
        d.rectangle((vx - 240 + i * 82, vy - 120, vx - 180 + i * 82, vy + 40), fill=235)
    # floor lane markings converging to the vanishing point
    for fx in (-700, 700):
        d.line((vx + fx * 1.0, H, vx + fx * 0.37, vy + 110), fill=225, width=6)
    # roof trusses and lamps
    for k in range(1, 9):
        t = k / 9
        y = int(0 + (vy - 150) * t)
        xl = int(0 + (vx - 260) * t)
        xr = int(W + (vx + 260 - W) * t)
        d.line((xl, y, xr, y), fill=60, width=max(2, int(12 * (1 - t))))
        for lx in (0.3, 0.5, 0.7):
            cx = xl + (xr - xl) * lx
            r = 40 * (1 - t) + 6
            d.ellipse((cx - r, y + 10, cx + r, y + 10 + r * 0.6), fill=250)
    # machines: boxes on both sides, shrinking with distance
    for side in (-1, 1):
        for k in range(6):
            t = k / 6
            s = 1 - 0.8 * t
            cx = vx + side * (520 * s + 60)
            base = vy + 110 + (H - vy - 110) * s * 0.85
            w, h = 300 * s, 260 * s
            x0 = cx - w / 2
            d.rectangle((x0, base - h, x0 + w, base), fill=40 + rnd.randint(0, 30))
            d.rectangle((x0 + w * 0.1, base - h * 0.85, x0 + w * 0.55, base - h * 0.45), fill=180)
            d.rectangle((x0 + w * 0.65, base - h * 0.8, x0 + w * 0.85, base - h * 0.7), fill=230)
            d.rectangle((x0 - 4, base - 6 * s, x0 + w + 4, base), fill=20)
    # two workers in overalls
    for px, s in ((640, 1.0), (1000, 0.7)):
        base = 1020 if s == 1.0 else 900
        d.ellipse((px - 26 * s, base - 330 * s, px + 26 * s, base - 276 * s), fill=190)   # face
        d.chord((px - 30 * s, base - 345 * s, px + 30 * s, base - 295 * s), 180, 360, fill=235)  # helmet
        d.rectangle((px - 50 * s, base - 275 * s, px + 50 * s, base - 120 * s), fill=55)
        d.rectangle((px - 45 * s, base - 120 * s, px - 5 * s, base), fill=45)
        d.rectangle((px + 5 * s, base - 120 * s, px + 45 * s, base), fill=45)
    img = img.filter(ImageFilter.GaussianBlur(1.2))
    # light falloff towards the corners
    vign = Image.radial_gradient("L").resize((W, H)).point(lambda v: 255 - v * 0.45)
    img = Image.composite(img, Image.new("L", (W, H), 0), vign)
    return grain(img, 50, seed)


def park(seed=3):
    rnd = random.Random(seed)
    img = vgradient((W, H), [(0, (120, 170, 230)), (0.45, (200, 225, 245)), (0.46, (112, 160, 90)),
                             (1, (60, 120, 50))])
    d = ImageDraw.Draw(img)
    # clouds
    for _ in range(7):
        cx, cy = rnd.randint(0, W), rnd.randint(60, 300)
        for _ in range(6):
            r = rnd.randint(40, 90)
            ox, oy = rnd.randint(-90, 90), rnd.randint(-20, 20)
            d.ellipse((cx + ox - r, cy + oy - r * 0.6, cx + ox + r, cy + oy + r * 0.6), fill=(245, 248, 252))
    # distant tree line
    for x in range(0, W, 24):
        r = rnd.randint(30, 60)
        d.ellipse((x - r, 470 - r, x + r, 470 + r * 0.5), fill=(70, 110, 70))
    # a winding path to the horizon
    pts_l, pts_r = [], []
    for i in range(0, 51):
        t = i / 50
        y = 505 + (H - 505) * t
        cx = 800 + 260 * math.sin(t * 3.0) * t
        half = 20 + 340 * t * t
        pts_l.append((cx - half, y))
        pts_r.append((cx + half, y))
    d.polygon(pts_l + pts_r[::-1], fill=(214, 196, 160))
    # trees in blossom, big in front, small at the back
    for k in range(14):
        t = k / 13
        s = 0.35 + 0.9 * t
        side = -1 if k % 2 else 1
        x = 800 + side * (250 + 500 * t) + rnd.randint(-60, 60)
        base = 520 + 520 * t
        d.rectangle((x - 10 * s, base - 230 * s, x + 10 * s, base), fill=(80, 56, 40))
        for _ in range(22):
            r = rnd.randint(40, 80) * s
            ox, oy = rnd.gauss(0, 70 * s), rnd.gauss(-300 * s, 55 * s)
            c = rnd.choice([(244, 180, 200), (250, 206, 220), (232, 150, 180), (120, 170, 90)])
            d.ellipse((x + ox - r, base + oy - r, x + ox + r, base + oy + r), fill=c)
    # a few walkers on the path
    for px, py, s in ((760, 760, 0.8), (860, 700, 0.6), (900, 980, 1.2)):
        d.ellipse((px - 12 * s, py - 120 * s, px + 12 * s, py - 96 * s), fill=(90, 60, 40))
        d.rectangle((px - 16 * s, py - 96 * s, px + 16 * s, py - 40 * s), fill=rnd.choice([(200, 60, 60), (60, 90, 170)]))
        d.rectangle((px - 12 * s, py - 40 * s, px + 12 * s, py), fill=(50, 50, 60))
    img = img.filter(ImageFilter.GaussianBlur(1.5))
    # alpha: opaque centre, soft transparent vignette at the edges (exercises RGBA flattening)
    alpha = Image.radial_gradient("L").resize((W, H)).point(lambda v: 255 if v < 150 else max(0, 255 - (v - 150) * 3))
    out = img.convert("RGBA")
    out.putalpha(alpha)
    return out


def meeting(seed=4):
    rnd = random.Random(seed)
    img = vgradient((W, H), [(0, (226, 222, 214)), (0.55, (210, 204, 194)), (0.56, (150, 120, 96)),
                             (1, (112, 86, 66))])
    d = ImageDraw.Draw(img)
    # window on the left with daylight
    d.rectangle((60, 120, 520, 560), fill=(200, 225, 245))
    for x in (213, 366):
        d.line((x, 120, x, 560), fill=(160, 150, 140), width=10)
    d.line((60, 340, 520, 340), fill=(160, 150, 140), width=10)
    # screen with a bar chart and a title bar
    d.rectangle((760, 140, 1460, 540), fill=(30, 40, 60))
    d.rectangle((780, 160, 1440, 520), fill=(244, 246, 250))
    d.rectangle((780, 160, 1440, 210), fill=(180, 30, 36))
    for i, h in enumerate((120, 170, 150, 220, 260, 240)):
        d.rectangle((830 + i * 100, 500 - h, 890 + i * 100, 500), fill=(50, 110, 180) if i < 5 else (220, 120, 40))
    d.line((810, 500, 1420, 500), fill=(90, 90, 90), width=3)
    # long table in perspective
    d.polygon([(420, 640), (1180, 640), (1560, 1100), (40, 1100)], fill=(96, 62, 40))
    d.polygon([(440, 650), (1160, 650), (1520, 1090), (80, 1090)], fill=(128, 86, 56))
    # chairs and people along both sides
    for k in range(5):
        t = k / 4
        for side in (-1, 1):
            x = 800 + side * (420 + 330 * t)
            y = 650 + 380 * t
            s = 0.6 + 0.6 * t
            d.rounded_rectangle((x - 60 * s, y - 160 * s, x + 60 * s, y + 40 * s), radius=int(14 * s), fill=(40, 40, 46))
            d.ellipse((x - 28 * s, y - 230 * s, x + 28 * s, y - 170 * s), fill=(226, 190, 160))
            d.ellipse((x - 30 * s, y - 240 * s, x + 30 * s, y - 200 * s), fill=(30, 26, 24))
            d.rectangle((x - 50 * s, y - 168 * s, x + 50 * s, y - 60 * s), fill=rnd.choice([(30, 40, 70), (240, 240, 240), (60, 60, 64)]))
        # papers and cups on the table
        for side in (-1, 1):
            x = 800 + side * (300 + 260 * t)
            y = 690 + 330 * t
            s = 0.6 + 0.6 * t
            d.polygon([(x - 40 * s, y), (x + 40 * s, y), (x + 48 * s, y + 30 * s), (x - 48 * s, y + 30 * s)], fill=(246, 246, 240))
            d.ellipse((x + 60 * s, y - 6 * s, x + 80 * s, y + 14 * s), fill=(250, 250, 250))
    # name plates
    for k in range(3):
        d.rectangle((700 + k * 80, 660, 760 + k * 80, 680), fill=(180, 30, 36))
    img = img.filter(ImageFilter.GaussianBlur(1.0))
    return grain(img, 36, seed)


def seawall(seed=5):
    """Dawn over the sea wall: pale sky, the tide coming in against a stone embankment, a man at the rail."""
    rnd = random.Random(seed)
    horizon = 470
    img = vgradient((W, H), [(0, (92, 112, 160)), (0.30, (214, 176, 168)), (0.427, (250, 214, 176)),
                             (0.428, (150, 150, 170)), (1, (40, 58, 84))])
    # the sun just over the horizon, with a soft glow
    glow = Image.new("L", (W, H), 0)
    ImageDraw.Draw(glow).ellipse((940, 300, 1300, 640), fill=255)
    glow = glow.filter(ImageFilter.GaussianBlur(80))
    img = Image.composite(Image.new("RGB", (W, H), (255, 226, 180)), img, glow.point(lambda v: v * 0.6))
    d = ImageDraw.Draw(img)
    d.pieslice((1080, horizon - 50, 1180, horizon + 50), 180, 360, fill=(255, 242, 214))
    # a far shore with port cranes, small on the horizon
    d.rectangle((0, horizon - 10, 620, horizon), fill=(98, 96, 120))
    for cx in (120, 230, 340, 470):
        c = (84, 82, 106)
        d.line((cx, horizon - 10, cx, horizon - 70), fill=c, width=4)
        d.line((cx + 18, horizon - 10, cx + 18, horizon - 70), fill=c, width=4)
        d.line((cx - 36, horizon - 68, cx + 50, horizon - 68), fill=c, width=5)
        d.line((cx + 9, horizon - 70, cx + 9, horizon - 92), fill=c, width=3)
    # waves: highlight strokes growing towards the viewer, brighter under the sun
    for _ in range(1400):
        t = rnd.random() ** 1.6
        y = horizon + 4 + t * (H - horizon)
        x0 = rnd.randint(-40, W)
        ln = 8 + 90 * t * rnd.random()
        sun = max(0.0, 1 - abs(x0 - 1130) / (120 + 500 * t))
        c = lerp((110, 124, 150), (255, 226, 190), 0.25 + 0.7 * sun)
        d.line((x0, y, x0 + ln, y - 2 * t), fill=c, width=1 + int(4 * t))
    # the sea wall: a sloping stone embankment from the lower left, walkway and railing on top
    top = [(0, 700), (560, 760), (1000, 1100)]
    d.polygon([(0, H), (0, 700), (560, 760), (1000, H)], fill=(124, 118, 110))
    for r in range(14):                       # courses of stone, following the slope
        t = r / 14
        ya, yb = 700 + t * 400, 760 + t * 340
        d.line((0, ya, 560 + 440 * t, yb), fill=(96, 90, 84), width=3)
        for k in range(9):
            sx = 40 + k * 70 + (35 if r % 2 else 0) + t * 420
            sy = ya + (yb - ya) * min(1.0, sx / (560 + 440 * t))
            d.line((sx, sy, sx - 8, sy + 26), fill=(98, 92, 86), width=2)
    d.polygon([(0, 640), (600, 700), (560, 760), (0, 700)], fill=(176, 168, 156))      # walkway
    for k in range(13):                       # railing posts and two rails
        x = 20 + k * 46
        y = 640 + x * 0.1
        d.line((x, y, x, y - 70), fill=(52, 52, 60), width=5)
    d.line((0, 570, 600, 630), fill=(52, 52, 60), width=6)
    d.line((0, 605, 600, 665), fill=(52, 52, 60), width=4)
    # foam where the tide meets the wall
    for _ in range(260):
        t = rnd.random()
        x = 560 + 440 * t + rnd.gauss(0, 18)
        y = 760 + 340 * t + rnd.gauss(0, 14)
        r = rnd.randint(4, 16)
        d.ellipse((x - r, y - r * 0.6, x + r, y + r * 0.6), fill=rnd.choice([(236, 238, 240), (214, 220, 228)]))
    # an old man at the railing, looking out to sea
    px, py = 330, 672
    d.ellipse((px - 16, py - 176, px + 16, py - 142), fill=(60, 50, 46))                 # head
    d.polygon([(px - 28, py - 142), (px + 26, py - 142), (px + 30, py - 70), (px - 30, py - 70)], fill=(70, 84, 96))
    d.rectangle((px - 24, py - 70, px - 4, py), fill=(40, 40, 48))
    d.rectangle((px + 4, py - 70, px + 24, py), fill=(40, 40, 48))
    d.line((px + 24, py - 130, px + 60, py - 100), fill=(70, 84, 96), width=10)          # arm on the rail
    # gulls
    for gx, gy, s in ((720, 250, 1.0), (800, 210, 0.7), (1400, 300, 0.8)):
        d.arc((gx - 30 * s, gy - 12 * s, gx, gy + 12 * s), 200, 340, fill=(50, 50, 64), width=4)
        d.arc((gx, gy - 12 * s, gx + 30 * s, gy + 12 * s), 200, 340, fill=(50, 50, 64), width=4)
    img = img.filter(ImageFilter.GaussianBlur(1.1))
    return grain(img, 38, seed)


def save(img, path: pathlib.Path):
    if path.suffix == ".png":
        img.save(path, optimize=True)
    else:
        q = 86
        while True:
            img.save(path, quality=q, optimize=True, progressive=True)
            if path.stat().st_size < MAX_BYTES or q <= 50:
                break
            q -= 6
    return path.stat().st_size


IMAGES = {
    "harbour-dusk.jpg": harbour,
    "factory-floor.jpg": factory,
    "riverside-park.png": park,
    "meeting-room.jpg": meeting,
    "seawall-dawn.jpg": seawall,
}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "assets" / "images"))
    ap.add_argument("names", nargs="*", help="draw only these files (default: all)")
    args = ap.parse_args(argv)
    unknown = set(args.names) - set(IMAGES)
    if unknown:
        ap.error(f"unknown image {sorted(unknown)[0]!r}; choose from {', '.join(IMAGES)}")
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, draw in IMAGES.items():
        if args.names and name not in args.names:
            continue
        img = draw()
        size = save(img, out / name)
        print(f"{out / name}: {img.mode} {img.width}x{img.height} {size // 1024} KB")
        if size >= MAX_BYTES:
            raise SystemExit(f"{name} is {size} bytes, over the {MAX_BYTES} limit")


if __name__ == "__main__":
    main()
