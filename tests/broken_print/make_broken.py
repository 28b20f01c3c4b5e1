"""Make the broken print inputs that are not YAML: two images and five PDFs, each wrong in one way.

    python tests/broken_print/make_broken.py [OUTDIR]      (default: this directory)

Images (used by low-ppi.yaml and ink-limit.yaml): ``tiny.png`` (60 × 40 px) and ``overinked.jpg`` (CMYK 400 %).
PDFs for ``paiban preflight FILE.pdf``: ``rgb.pdf`` (RGB text and an RGB image), ``transparency.pdf`` (50 %
alpha and a soft-masked PNG), ``not-embedded.pdf`` (Helvetica), ``no-trimbox.pdf`` (no TrimBox/BleedBox),
``no-output-intent.pdf`` (labelled PDF/X-1a but without an OutputIntent).
"""
from __future__ import annotations

import os
import sys


def make_images(out: str) -> None:
    from PIL import Image
    Image.new("RGB", (60, 40), (30, 120, 200)).save(os.path.join(out, "tiny.png"))
    Image.new("CMYK", (1200, 800), (255, 255, 255, 255)).save(os.path.join(out, "overinked.jpg"), quality=95)


def make_pdfs(out: str, font: str = str(__import__("pathlib").Path(__file__).resolve().parents[2] / "fonts" / "LXGWWenKai-Regular.ttf")) -> dict:
    from PIL import Image
    from reportlab.lib.colors import CMYKColor
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    if "BrokenBody" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("BrokenBody", font))
    paths = {}

    def page(name, init="BrokenBody", boxes=True):
        p = os.path.join(out, name)
        c = canvas.Canvas(p, pagesize=(300, 300), initialFontName=init, invariant=1)
        if boxes:
            c.setTrimBox((20, 20, 280, 280))
            c.setBleedBox((11.5, 11.5, 288.5, 288.5))
        paths[name] = p
        return c

    c = page("rgb.pdf")
    c.setFillColorRGB(0.8, 0.1, 0.1)
    c.setFont("BrokenBody", 12)
    c.drawString(40, 200, "红色标题 RGB")
    rgb = Image.new("RGB", (100, 100), (20, 200, 40))
    rgb_path = os.path.join(out, ".rgb-tmp.png")
    rgb.save(rgb_path)
    c.drawImage(rgb_path, 40, 40, 100, 100)
    c.save()
    os.unlink(rgb_path)

    c = page("transparency.pdf")
    c.setFillColor(CMYKColor(0, 0, 0, 1))
    c.setFillAlpha(0.5)
    c.setFont("BrokenBody", 12)
    c.drawString(40, 200, "半透明文字")
    c.setFillAlpha(1)
    rgba = Image.new("L", (100, 100), 128).convert("RGBA")
    rgba.putalpha(100)
    rgba_path = os.path.join(out, ".rgba-tmp.png")
    rgba.save(rgba_path)
    c.drawImage(rgba_path, 40, 40, 100, 100, mask="auto")
    c.save()
    os.unlink(rgba_path)

    c = page("not-embedded.pdf", init="Helvetica")
    c.setFillColor(CMYKColor(0, 0, 0, 1))
    c.setFont("Helvetica", 12)
    c.drawString(40, 200, "Helvetica is not embedded")
    c.save()

    c = page("no-trimbox.pdf", boxes=False)
    c.setFillColor(CMYKColor(0, 0, 0, 1))
    c.setFont("BrokenBody", 12)
    c.drawString(40, 200, "没有裁切框")
    c.save()

    c = page("no-output-intent.pdf")
    c.setFillColor(CMYKColor(0, 0, 0, 1))
    c.setFont("BrokenBody", 12)
    c.drawString(40, 200, "没有输出意图")
    c.save()
    import pikepdf
    p = paths["no-output-intent.pdf"]
    with pikepdf.open(p, allow_overwriting_input=True) as pdf:
        pdf.docinfo["/GTS_PDFXVersion"] = pikepdf.String("PDF/X-1:2003")
        pdf.docinfo["/GTS_PDFXConformance"] = pikepdf.String("PDF/X-1a:2003")
        pdf.save(p, deterministic_id=True)
    return paths


if __name__ == "__main__":
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    make_images(d)
    for k, v in make_pdfs(d).items():
        print(v)
