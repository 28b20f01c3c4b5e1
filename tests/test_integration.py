"""End-to-end: what the engine places is where the PDF puts it, and the README's main job works as a user runs it."""
from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "assets" / "samples" / "sample-issue.yaml"


def _words(pdf: Path):
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in
            re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', out)]


def test_pdf_glyphs_sit_where_the_engine_put_them(tmp_path):
    """Compressed punctuation and justification survive painting: every Han glyph's left edge in the PDF
    (from poppler) equals the engine's x to 0.05 pt, on lines that follow lines with other spacing."""
    from layout.model import Style
    from layout.render_pdf import RenderOptions, render_pdf
    from layout.text import compose_paragraph
    from layout.tree import LaidDocument, LaidPage

    text = ("3月9日下午，区内召开学习研讨会，围绕“学习先进‘三项经验’、答好‘发展四问’”开展交流研讨。"
            "市里有关负责同志、区委书记出席会议并讲话。会议要求：紧起来、跑起来！")
    style = Style("正文", size=9.0, leading=13.5)
    lines = compose_paragraph(text, style, 117.0)
    assert len(lines) >= 5
    page = LaidPage(1, 300.0, 300.0)
    x0, y0 = 20.0, 30.0
    expected = []
    for i, line in enumerate(lines):
        page.items += line.runs(x0, y0 + i * 13.5)
        for g in line.glyphs:
            if "\u4e00" <= g.ch <= "\u9fff":
                expected.append((i, g.ch, x0 + g.x + g.dx))
    pdf = tmp_path / "p.pdf"
    render_pdf(LaidDocument([page]), str(pdf), RenderOptions(marks=False, colour_bar=False, info_line=False, slug=0))
    placed = pdf_glyph_positions(pdf)       # (x, y, char) in tree coordinates, from the content stream
    checked = 0
    for row, ch, x in expected:
        y = y0 + row * 13.5
        near = [px for px, py, c in placed if c == ch and abs(py - y) < 0.01 and abs(px - x) < 4.0]
        assert near, (row, ch, x)
        assert min(abs(px - x) for px in near) < 0.01, (row, ch, x, near)
        checked += 1
    assert checked == len(expected)


def _tounicode(font) -> dict:
    """code -> text from a simple font's ToUnicode CMap (bfchar and bfrange entries)."""
    cmap = {}
    if "/ToUnicode" not in font:
        return cmap
    data = font.ToUnicode.read_bytes().decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for a, b in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            cmap[int(a, 16)] = bytes.fromhex(b).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for a, b, c in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            base = int(c, 16)
            for k in range(int(a, 16), int(b, 16) + 1):
                cmap[k] = chr(base + k - int(a, 16))
    return cmap


def pdf_glyph_positions(pdf: Path, page_index: int = 0) -> list:
    """Each shown glyph's origin (x, y) and text, by interpreting the page's text operators (Tm, Td, Tf,
    Tc, Tz, Tj, TJ) with the fonts' Widths and ToUnicode maps; returned in tree coordinates (trim origin,
    y down). A small independent reader, so the test does not trust the painter's own arithmetic."""
    import pikepdf
    doc = pikepdf.open(pdf)
    page = doc.pages[page_index]
    media = [float(v) for v in page.MediaBox]
    trim = [float(v) for v in page.TrimBox]
    fonts = page.Resources.Font
    info = {}
    for name in fonts.keys():
        f = fonts[name]
        info[name] = (int(f.FirstChar), [float(w) for w in f.Widths], _tounicode(f))
    out = []
    tm = [1, 0, 0, 1, 0, 0]
    tc, tz, size, font = 0.0, 1.0, 0.0, None
    ctm_stack, ctm = [], [1, 0, 0, 1, 0, 0]
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op == "q":
            ctm_stack.append(ctm[:])
        elif op == "Q":
            ctm = ctm_stack.pop()
        elif op == "cm":
            a, b, c, d, e, f = (float(v) for v in operands)
            ctm = [a * ctm[0] + b * ctm[2], a * ctm[1] + b * ctm[3], c * ctm[0] + d * ctm[2],
                   c * ctm[1] + d * ctm[3], e * ctm[0] + f * ctm[2] + ctm[4], e * ctm[1] + f * ctm[3] + ctm[5]]
        elif op == "BT":
            tm = [1, 0, 0, 1, 0, 0]
        elif op == "Tm":
            tm = [float(v) for v in operands]
        elif op == "Td":
            tm[4] += float(operands[0]) * tm[0]
            tm[5] += float(operands[1]) * tm[3]
        elif op == "Tf":
            font, size = str(operands[0]), float(operands[1])
        elif op == "Tc":
            tc = float(operands[0])
        elif op == "Tz":
            tz = float(operands[0]) / 100.0
        elif op in ("Tj", "TJ"):
            parts = operands[0] if op == "TJ" else [operands[0]]
            first, widths, umap = info[font]
            for part in parts:
                if not isinstance(part, pikepdf.String):
                    tm[4] -= float(part) / 1000.0 * size * tz * tm[0]
                    continue
                for code in bytes(part):
                    x = tm[4] * ctm[0] + ctm[4]
                    y = tm[5] * ctm[3] + ctm[5]
                    out.append((x - trim[0], (media[3] - y) - (media[3] - trim[3]), umap.get(code, "")))
                    w = widths[code - first] if 0 <= code - first < len(widths) else 0.0
                    tm[4] += ((w / 1000.0) * size + tc) * tz
    return out
