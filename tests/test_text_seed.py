"""The seed page's text set in 11- to 14-character columns: drawn to a PDF (minimal ReportLab helper) that
shared/tools/kinsoku_check.py reads back with 0 faults; every justified line flush; no 孤字."""
import pathlib
import re
import subprocess
import sys

import pytest

from text_helpers import CAT, EM, style
from layout.text import compose_paragraph

SEED_DIR = pathlib.Path(__file__).resolve().parents[2] / "shared" / "seed"
CHECK = pathlib.Path(__file__).resolve().parents[2] / "shared" / "tools" / "kinsoku_check.py"
ENDS = "。！？”）」』…"


def seed_paragraphs():
    """Paragraphs of the seed text: column-broken fragments joined until one ends a sentence."""
    paras = []
    for path in sorted(SEED_DIR.glob("*.txt")):
        frags = [f.strip() for f in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if f.strip()]
        cur = ""
        for f in frags:
            f = f.replace("\n", "")
            if not cur and not re.search(r"[,，。]", f):   # a heading, a name, a label: on its own
                paras.append(f)
                continue
            cur += f
            if f[-1] in ENDS:
                paras.append(cur)
                cur = ""
        if cur:
            paras.append(cur)
    return paras


def draw_pdf(columns_of_lines, path, measure, leading=13.5):
    """One canvas, columns of lines side by side, every glyph at its x (tests only; not the real painter)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    faces = {g.face for col in columns_of_lines for ln in col for g in ln.glyphs}
    for f in faces:
        name = f"T-{f}"
        if name not in pdfmetrics.getRegisteredFontNames():
            face = CAT.faces[f]
            pdfmetrics.registerFont(TTFont(name, face.path, subfontIndex=face.index))
    gutter = 3 * EM
    rows = max(len(c) for c in columns_of_lines)
    width = len(columns_of_lines) * (measure + gutter) + gutter
    height = rows * leading + 4 * leading
    c = canvas.Canvas(str(path), pagesize=(width, height))
    for k, col in enumerate(columns_of_lines):
        x0 = gutter + k * (measure + gutter)
        for r, ln in enumerate(col):
            y = height - 2 * leading - r * leading
            for g in ln.glyphs:
                c.setFont(f"T-{g.face}", ln.size)
                c.drawString(x0 + g.x + g.dx, y, g.ch)
    c.showPage()
    c.save()


@pytest.fixture(scope="module")
def paragraphs():
    if not SEED_DIR.exists():
        pytest.skip("seed text not available")
    return seed_paragraphs()


@pytest.mark.parametrize("chars", [11, 12, 13, 14])
def test_seed_lines_are_flush_and_have_no_lone_last_character(paragraphs, chars):
    st = style(indent=2.0)
    for p in paragraphs:
        ls = compose_paragraph(p, st, chars * EM, catalog=CAT)
        for ln in ls[:-1]:
            assert abs(ln.width - ln.measure) <= 0.01, ln.text
            assert ln.flush and not ln.emergency
        han = sum("\u4e00" <= c <= "\u9fff" for c in ls[-1].text)
        if len(ls) > 1:
            assert han >= 2, (p[:20], ls[-1].text)


@pytest.mark.skipif(not CHECK.exists(), reason="kinsoku_check.py not available")
def test_seed_pdf_has_no_kinsoku_faults(paragraphs, tmp_path):
    st = style(indent=2.0)
    pages = []
    for chars in (11, 12, 13, 14):
        all_lines = []
        for p in paragraphs:
            all_lines += compose_paragraph(p, st, chars * EM, catalog=CAT)
        per_col = 60
        cols = [all_lines[i:i + per_col] for i in range(0, len(all_lines), per_col)]
        pdf = tmp_path / f"seed-{chars}.pdf"
        draw_pdf(cols, pdf, chars * EM)
        pages.append((chars, pdf, len(all_lines)))
    for chars, pdf, n in pages:
        r = subprocess.run([sys.executable, str(CHECK), str(pdf), "--show", "20"], capture_output=True, text=True)
        last = r.stdout.strip().splitlines()[-1]
        m = re.match(r"lines=(\d+) faults=(\d+)", last)
        assert m, r.stdout
        assert int(m.group(2)) == 0, (chars, r.stdout)
        assert int(m.group(1)) >= n * 0.95      # the checker saw (nearly) every line we drew
