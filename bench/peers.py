"""The peers on the same text and measure: ReportLab Paragraph(wordWrap='CJK') in frames, and Typst (PyPI)."""
from __future__ import annotations

import io
from pathlib import Path

PT_PER_MM = 72 / 25.4


class Geometry:
    """A page of ``columns`` columns of ``chars`` characters at ``size`` pt, gutter one character."""

    def __init__(self, chars=13, columns=8, size=9.0, leading=13.5, page_mm=(390.0, 550.0), margin_mm=19.0):
        self.chars, self.columns, self.size, self.leading = chars, columns, size, leading
        self.page_w, self.page_h = page_mm[0] * PT_PER_MM, page_mm[1] * PT_PER_MM
        self.col_w = chars * size
        self.gutter = size
        self.block_w = columns * self.col_w + (columns - 1) * self.gutter
        self.left = (self.page_w - self.block_w) / 2
        self.top = margin_mm * PT_PER_MM
        self.lines = int((self.page_h - 2 * self.top - size) // leading) + 1
        self.height = (self.lines - 1) * leading + size

    def column_x(self, i: int) -> float:
        return self.left + i * (self.col_w + self.gutter)


def reportlab_paragraph_pdf(paragraphs: list[str], geo: Geometry, font_path: str, font_index: int = 0) -> bytes:
    """What a Python user writes first: Paragraph(wordWrap='CJK', TA_JUSTIFY) flowing through column Frames."""
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    name = "PeerBody"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, font_path, subfontIndex=font_index))
    style = ParagraphStyle("body", fontName=name, fontSize=geo.size, leading=geo.leading,
                           wordWrap="CJK", alignment=TA_JUSTIFY, firstLineIndent=2 * geo.size)
    buf = io.BytesIO()
    frames = [Frame(geo.column_x(i), geo.page_h - geo.top - geo.height - 2, geo.col_w, geo.height + 2,
                    leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=f"c{i}")
              for i in range(geo.columns)]
    doc = BaseDocTemplate(buf, pagesize=(geo.page_w, geo.page_h), initialFontName=name, invariant=1)
    doc.addPageTemplates([PageTemplate(id="cols", frames=frames)])
    doc.build([Paragraph(p, style) for p in paragraphs])
    return buf.getvalue()


def typst_source(paragraphs: list[str], geo: Geometry, family: str) -> str:
    mm = 1 / PT_PER_MM
    body = "\n\n".join(p.replace("\\", "\\\\").replace("#", "\\#").replace("*", "\\*").replace("_", "\\_")
                       .replace("$", "\\$").replace("@", "\\@").replace("<", "\\<").replace("[", "\\[")
                       .replace("]", "\\]").replace("`", "\\`") for p in paragraphs)
    return (
        f'#set page(width: {geo.page_w:.2f}pt, height: {geo.page_h:.2f}pt, '
        f'margin: (x: {geo.left:.3f}pt, top: {geo.top:.2f}pt, bottom: {geo.page_h - geo.top - geo.height - 4:.2f}pt), '
        f'columns: {geo.columns})\n'
        f'#set columns(gutter: {geo.gutter}pt)\n'
        f'#set text(font: "{family}", size: {geo.size}pt, lang: "zh", region: "cn")\n'
        f'#set par(justify: true, first-line-indent: (amount: 2em, all: true), leading: {geo.leading - geo.size}pt, spacing: {geo.leading - geo.size}pt)\n\n'
        + body + "\n"
    )


def typst_pdf(paragraphs: list[str], geo: Geometry, font_dir: str, family: str) -> bytes:
    import typst
    return typst.compile(typst_source(paragraphs, geo, family).encode("utf-8"), font_paths=[font_dir],
                         ignore_system_fonts=True)
