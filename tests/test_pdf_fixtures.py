"""Hand-built laid-out documents for the PDF, preflight and export tests (no composer or loader needed).

``clean_doc(tmp)`` is a one-page A4 issue that should pass preflight: K100 body text (justified lines, one with
horizontal scale, one rotated glyph), a spot-colour headline, a CMYK band bleeding off the top, rules, a QR-like
path, an RGB photo, an RGBA PNG and a greyscale photo, all at a good resolution. ``broken_doc(tmp, kind)``
breaks it in one way per preflight finding.
"""
from __future__ import annotations

import os
import pathlib

import pytest

from layout.tree import (BlockBox, Glyph, GlyphRun, Image, LaidDocument, LaidPage, Path, Rect, Rule, Spot)

FONT = str(pathlib.Path(__file__).resolve().parent.parent / "fonts" / "LXGWWenKai-Regular.ttf")   # bundled 楷
MM = 72 / 25.4
A4 = (595.2756, 841.8898)
FACES = {"song": FONT, "hei": FONT, "kai": FONT, "song-bold": FONT, "hei-bold": FONT}
BODY = ("港湾新区今年春季植树活动于三月十二日在滨河公园举行，来自区直机关、街道和学校的志愿者共三百余人"
        "参加。活动现场，工作人员向大家讲解了树苗的栽种方法和养护要点。")

pytestmark = pytest.mark.skipif(not os.path.exists(FONT), reason="bundled font missing")


def line(text, x, y, size=9.0, step=None, face="song", **kw) -> GlyphRun:
    step = size if step is None else step
    return GlyphRun(face, size, x, y, [Glyph(ch, i * step, size) for i, ch in enumerate(text)], **kw)


def make_images(tmp) -> dict:
    from PIL import Image as PI, ImageDraw
    tmp = str(tmp)
    paths = {}
    rgb = PI.new("RGB", (600, 400), (40, 90, 160))
    d = ImageDraw.Draw(rgb)
    for i in range(0, 600, 20):
        d.rectangle([i, 0, i + 10, 400], fill=(200, 60 + i // 5, 40))
    d.ellipse([200, 100, 400, 300], fill=(250, 240, 30))
    paths["rgb"] = os.path.join(tmp, "photo-rgb.jpg")
    rgb.save(paths["rgb"], quality=90)
    rgba = PI.new("RGBA", (500, 300), (0, 0, 0, 0))
    d = ImageDraw.Draw(rgba)
    d.ellipse([50, 20, 450, 280], fill=(20, 160, 60, 200))
    paths["rgba"] = os.path.join(tmp, "logo-rgba.png")
    rgba.save(paths["rgba"])
    grey = PI.linear_gradient("L").resize((400, 300))
    paths["grey"] = os.path.join(tmp, "factory-grey.jpg")
    grey.save(paths["grey"], quality=90)
    return paths


def clean_doc(tmp) -> LaidDocument:
    imgs = make_images(tmp)
    W, H = A4
    m = 20 * MM
    items = []
    blocks = []
    # a red band bleeding off the top edge (masthead background), spot-colour headline on it
    items.append(Rect(-3 * MM, -3 * MM, W + 6 * MM, 33 * MM, fill=(0.0, 0.15, 0.1, 0.0)))
    items.append(line("港湾新区报", m, 22 * MM, 36, 38, face="hei", colour=Spot("报头红", (0, 1, 1, 0)),
                      overprint=False))
    blocks.append(BlockBox("masthead", "masthead", m, 8 * MM, W - 2 * m, 20 * MM))
    # body: 6 justified lines of 30 characters in 150 mm, K100
    y0 = 50 * MM
    per = 30
    width = W - 2 * m
    step = width / per
    text = BODY * 2
    for i in range(6):
        seg = text[i * per:(i + 1) * per]
        items.append(line(seg, m, y0 + i * 13.5, 9.0, step))
    items.append(line("本报记者 王明 李华 摄影报道", m, y0 + 6 * 13.5, 9.0, 9.0, face="kai", hscale=90.0))
    blocks.append(BlockBox("a1", "article", m, y0 - 10, width, 7 * 13.5 + 10))
    # a rotated glyph (vertical text helper): one Latin letter turned 90°
    items.append(GlyphRun("song", 12, m, 150 * MM, [Glyph("报", 0, 12), Glyph("A", 12, 12, rotate=90)]))
    blocks.append(BlockBox("v1", "text", m, 140 * MM, 30, 20 * MM))
    # rules
    items.append(Rule(m, y0 + 7 * 13.5, W - m, y0 + 7 * 13.5, 0.5))
    items.append(Rule(m, 40 * MM, W - m, 40 * MM, 1.0, dash=(3, 2)))
    # photos at > 200 ppi: 600 px over 60 mm = 254 ppi
    items.append(Image(m, 170 * MM, 60 * MM, 40 * MM, imgs["rgb"]))
    blocks.append(BlockBox("p1", "photo", m, 170 * MM, 60 * MM, 40 * MM))
    items.append(Image(m + 70 * MM, 170 * MM, 50 * MM, 30 * MM, imgs["rgba"]))
    blocks.append(BlockBox("p2", "photo", m + 70 * MM, 170 * MM, 50 * MM, 30 * MM))
    items.append(Image(m, 220 * MM, 40 * MM, 30 * MM, imgs["grey"], crop=(0.0, 0.0, 1.0, 1.0)))
    blocks.append(BlockBox("p3", "photo", m, 220 * MM, 40 * MM, 30 * MM))
    # a QR-like pattern of K100 modules
    q = 1.2 * MM
    sub = [[(150 * MM + c * q, 220 * MM + r * q), (150 * MM + (c + 1) * q, 220 * MM + r * q),
            (150 * MM + (c + 1) * q, 220 * MM + (r + 1) * q), (150 * MM + c * q, 220 * MM + (r + 1) * q)]
           for r in range(15) for c in range(15) if (r * 7 + c * 3) % 5 < 2]
    items.append(Path(sub))
    blocks.append(BlockBox("qr1", "qr", 150 * MM, 220 * MM, 15 * q, 15 * q))
    page = LaidPage(1, W, H, bleed=3 * MM, items=items, blocks=blocks, label="要闻")
    return LaidDocument([page], title="港湾新区报 测试", source=os.path.join(str(tmp), "test-issue.yaml"),
                        faces=dict(FACES))


def two_page_doc(tmp) -> LaidDocument:
    d = clean_doc(tmp)
    W, H = A4
    p2 = LaidPage(2, W, H, bleed=3 * MM, label="综合")
    p2.items = [line(BODY[i * 30:(i + 1) * 30], 20 * MM, 40 * MM + i * 13.5, 9.0, (W - 40 * MM) / 30)
                for i in range(2)]
    p2.blocks = [BlockBox("b1", "article", 20 * MM, 30 * MM, W - 40 * MM, 40 * MM)]
    d.pages.append(p2)
    return d


def test_fixture_builds(tmp_path):
    d = clean_doc(tmp_path)
    assert len(d.pages) == 1 and len(d.pages[0].items) > 10
