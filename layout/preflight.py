"""Preflight (印前检查): find what would go wrong on press, before the file goes to the print shop.

Two sources of findings:

* the laid-out tree (:func:`check_tree`): overset text, characters no font can draw, images that are
  missing, too coarse at their placed size or over the ink limit once separated, lines thinner than the
  profile allows, text too close to the trim, rich-black body text;
* the exported PDF (:func:`check_pdf`): ``qpdf --check``, RGB colour spaces or operators, transparency
  (soft masks, alpha, blend modes, transparency groups), forbidden filters, fonts not embedded
  (``pdffonts``), page boxes (Trim ⊂ Bleed ⊂ Media, bleed wide enough), the PDF/X OutputIntent.

Each :class:`Finding` has a severity (``error`` / ``warning``), a stable ``code``, the page (版次), the block
id when known, and a sentence in Chinese and in English. ``paiban preflight FILE [--json] [--profile P]``
exits 1 when there are errors; export refuses to write a file with errors unless ``--force``.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field

from .errors import PaibanError
from .tree import GlyphRun, Image, LaidDocument, LaidPage, Path as TPath, Rect, Rule

MM = 72.0 / 25.4

# code -> default severity (documented list of what preflight reports)
CODES = {
    "overset": "error",              # text did not fit its frames
    "missing_glyph": "error",        # a character no font can draw (would print as a box)
    "image_missing": "error",        # image file missing or unreadable
    "image_low_ppi": "error",        # below the profile's min_ppi at its placed size (warning below warn_ppi)
    "image_tac": "error",            # separated image over the profile's total ink limit
    "hairline": "warning",           # line thinner than the profile's min_line (0.25 pt)
    "text_near_trim": "warning",     # text within the safety margin of the trim (or past it)
    "rich_black_text": "warning",    # text in 4-colour black instead of K only
    "colour_tac": "error",           # a CMYK colour (text, rule, box) over the total ink limit
    "rgb": "error",                  # RGB colour space or operator in the PDF
    "transparency": "error",         # soft mask, alpha, blend mode or transparency group in the PDF
    "font_not_embedded": "error",    # pdffonts: emb no
    "font_no_unicode": "warning",    # pdffonts: uni no (text not searchable)
    "bad_filter": "error",           # LZW / JBIG2 / JPX compression (not allowed in PDF/X-1a)
    "boxes": "error",                # Trim/Bleed/Media boxes missing, not nested, or bleed too small
    "output_intent": "error",        # PDF/X: not exactly one GTS_PDFX OutputIntent
    "pdf_damaged": "error",          # qpdf --check failed
}


@dataclass
class Finding:
    severity: str
    code: str
    page: int | None
    block: str
    message_zh: str
    message_en: str

    def to_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        where = f"第{self.page}版" if self.page else "全刊"
        blk = f" [{self.block}]" if self.block else ""
        sev = "错误" if self.severity == "error" else "警告"
        return f"{sev} {self.code} {where}{blk}: {self.message_zh} ({self.message_en})"


@dataclass
class PreflightResult:
    findings: list = field(default_factory=list)
    seconds: float = 0.0
    source: str = ""

    @property
    def errors(self) -> list:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def codes(self) -> set:
        return {f.code for f in self.findings}

    def to_json(self) -> dict:
        return dict(source=self.source, ok=self.ok, errors=len(self.errors), warnings=len(self.warnings),
                    seconds=round(self.seconds, 3), findings=[f.to_dict() for f in self.findings])


def _f(code: str, page, block: str, zh: str, en: str, severity: str | None = None) -> Finding:
    return Finding(severity or CODES[code], code, page, block or "", zh, en)


# -- the tree ---------------------------------------------------------------------------------------------

def _block_at(pg: LaidPage, x: float, y: float) -> str:
    best, area = "", None
    for b in pg.blocks:
        if b.x - 0.5 <= x <= b.x + b.w + 0.5 and b.y - 0.5 <= y <= b.y + b.h + 0.5:
            a = b.w * b.h
            if area is None or a < area:
                best, area = b.block_id, a
    return best


def check_tree(laid: LaidDocument, profile, *, pages: list[int] | None = None,
               render_report=None) -> list[Finding]:
    """Findings from the laid-out tree (and, when given, the painter's report of .notdef glyphs)."""
    out: list[Finding] = []
    missing_seen: set = set()
    sel = [p for p in laid.pages if pages is None or p.number in pages]
    min_line = profile.min_line if profile else 0.25
    safety = profile.safety if profile else 3 * MM
    for pg in sel:
        n = pg.number
        for b in pg.blocks:
            if b.overset_chars:
                out.append(_f("overset", n, b.block_id,
                              f"文字超出版框，还有 {b.overset_chars} 字未排入",
                              f"overset text: {b.overset_chars} characters do not fit"))
            for item in b.missing_glyphs or []:
                ch, face = (item[0], item[1]) if isinstance(item, (tuple, list)) else (str(item), "")
                if (n, ch) in missing_seen:
                    continue
                missing_seen.add((n, ch))
                out.append(_f("missing_glyph", n, b.block_id,
                              f"字库缺字「{ch}」(U+{ord(ch[0]):04X})，印出来会是方框",
                              f"no font has a glyph for {ch!r} (U+{ord(ch[0]):04X}); it would print as a box"))
        hair_blocks: set = set()
        near_blocks: set = set()
        rich_blocks: set = set()
        tac_seen: set = set()
        for it in pg.items:
            if profile is not None:
                _check_colour_tac(it, pg, profile.tac, tac_seen, out)
            if isinstance(it, GlyphRun):
                _check_run(it, pg, safety, near_blocks, rich_blocks, out)
            elif isinstance(it, Rule):
                if 0 < it.width < min_line - 1e-6:
                    blk = _block_at(pg, (it.x0 + it.x1) / 2, (it.y0 + it.y1) / 2)
                    if (blk, it.width) not in hair_blocks:
                        hair_blocks.add((blk, it.width))
                        out.append(_f("hairline", n, blk, f"线条太细（{it.width:.2f} pt < {min_line:.2f} pt），印刷时可能断线",
                                      f"line {it.width:.2f} pt is thinner than {min_line:.2f} pt and may break up"))
            elif isinstance(it, (Rect, TPath)):
                if it.stroke is not None and 0 < it.width < min_line - 1e-6:
                    if isinstance(it, Rect):
                        blk = _block_at(pg, it.x + it.w / 2, it.y + it.h / 2)
                    else:
                        pts = [p for s in it.subpaths for p in s] or [(0, 0)]
                        blk = _block_at(pg, pts[0][0], pts[0][1])
                    if (blk, it.width) not in hair_blocks:
                        hair_blocks.add((blk, it.width))
                        out.append(_f("hairline", n, blk, f"边框线太细（{it.width:.2f} pt < {min_line:.2f} pt）",
                                      f"outline {it.width:.2f} pt is thinner than {min_line:.2f} pt"))
            elif isinstance(it, Image):
                out.extend(_check_image(it, pg, profile))
    if render_report is not None:
        for (n, ch, face) in render_report.notdef:
            if (n, ch) in missing_seen:
                continue
            missing_seen.add((n, ch))
            out.append(_f("missing_glyph", n, "",
                          f"字体 {face} 缺字「{ch}」(U+{ord(ch):04X})，印出来会是方框",
                          f"font {face} has no glyph for {ch!r} (U+{ord(ch):04X}); it would print as a box"))
    return out


def _item_point(it) -> tuple:
    if isinstance(it, GlyphRun):
        g = it.glyphs[0] if it.glyphs else None
        return (it.x + (g.x + g.w / 2 if g else 0), it.y - it.size / 2)
    if isinstance(it, Rule):
        return ((it.x0 + it.x1) / 2, (it.y0 + it.y1) / 2)
    if isinstance(it, (Rect, Image)):
        return (it.x + it.w / 2, it.y + it.h / 2)
    if isinstance(it, TPath):
        pts = [p for sub in it.subpaths for p in sub] or [(0, 0)]
        return pts[0]
    return (0, 0)


def _check_colour_tac(it, pg: LaidPage, limit: float, seen: set, out: list) -> None:
    cols = []
    if isinstance(it, (GlyphRun, Rule)):
        cols = [it.colour]
    elif isinstance(it, (Rect, TPath)):
        cols = [it.fill, it.stroke]
    for col in cols:
        if isinstance(col, tuple) and len(col) == 4:
            tac = sum(col) * 100
            if tac > limit + 0.5:
                blk = _block_at(pg, *_item_point(it))
                if (blk, col) in seen:
                    continue
                seen.add((blk, col))
                cmyk = "/".join(str(round(v * 100)) for v in col)
                out.append(_f("colour_tac", pg.number, blk,
                              f"颜色 C/M/Y/K {cmyk} 总墨量 {tac:.0f}% 超过 {limit:.0f}% 的上限",
                              f"colour C/M/Y/K {cmyk} has {tac:.0f}% total ink (limit {limit:.0f}%)"))


def _check_run(run: GlyphRun, pg: LaidPage, safety: float, near: set, rich: set, out: list) -> None:
    if not run.glyphs:
        return
    g0 = run.glyphs[0]
    size = run.size
    top = run.y - 0.88 * size
    bottom = run.y + 0.12 * size
    left = run.x + min(g.x for g in run.glyphs)
    right = run.x + max(g.x + g.w for g in run.glyphs)
    if not run.text.strip():
        return
    blk = _block_at(pg, run.x + g0.x + g0.w / 2, run.y - size / 2)
    if left < safety or top < safety or right > pg.width - safety or bottom > pg.height - safety:
        if right > 0 and left < pg.width and bottom > 0 and top < pg.height and blk not in near:
            near.add(blk)
            dist = min(left, top, pg.width - right, pg.height - bottom)
            out.append(_f("text_near_trim", pg.number, blk,
                          f"文字离裁切线只有 {dist / MM:.1f} mm（安全距离 {safety / MM:.0f} mm），可能被裁掉",
                          f"text is {dist / MM:.1f} mm from the trim (safety margin {safety / MM:.0f} mm)"))
    col = run.colour
    if isinstance(col, tuple) and len(col) == 4 and col[3] >= 0.6 and sum(col[:3]) > 0.05 and blk not in rich:
        rich.add(blk)
        out.append(_f("rich_black_text", pg.number, blk,
                      "黑色文字用了四色黑，套印不准时会发虚，应改为单黑 K100",
                      f"text in 4-colour black {tuple(round(v * 100) for v in col)}; use K100 only"))


def _check_image(im: Image, pg: LaidPage, profile) -> list[Finding]:
    out = []
    blk = _block_at(pg, im.x + im.w / 2, im.y + im.h / 2)
    name = os.path.basename(im.path) or im.path
    if not im.path:
        return [_f("image_missing", pg.number, blk, "图片框还没有放图片", "photo frame has no image chosen yet")]
    if im.missing or not os.path.exists(im.path):
        return [_f("image_missing", pg.number, blk, f"图片缺失：{name}", f"image missing: {im.path}")]
    prepared = None
    if profile is not None:
        from .color import prepare_image
        try:
            prepared = prepare_image(im.path, profile.icc)
        except PaibanError as e:
            return [_f("image_missing", pg.number, blk, f"图片无法读取：{name}", e.diagnostics[0].message)]
        px = (prepared.width, prepared.height)
    else:
        from .color import image_pixels
        px = image_pixels(im.path)
        if px is None:
            return [_f("image_missing", pg.number, blk, f"图片无法读取：{name}", f"cannot read image {im.path}")]
    x0, y0, x1, y1 = im.crop
    if im.w > 0 and im.h > 0:
        ppi = min(px[0] * (x1 - x0) / (im.w / 72.0), px[1] * (y1 - y0) / (im.h / 72.0))
        min_ppi = profile.min_ppi if profile else 150
        warn_ppi = profile.warn_ppi if profile else min_ppi
        if ppi < min_ppi - 0.5:
            out.append(_f("image_low_ppi", pg.number, blk,
                          f"图片 {name} 分辨率不足：{ppi:.0f} ppi（至少 {min_ppi:.0f} ppi），印出来会模糊",
                          f"image {name} is {ppi:.0f} ppi at its placed size (minimum {min_ppi:.0f} ppi)"))
        elif ppi < warn_ppi - 0.5:
            out.append(_f("image_low_ppi", pg.number, blk,
                          f"图片 {name} 分辨率偏低：{ppi:.0f} ppi（建议 {warn_ppi:.0f} ppi）",
                          f"image {name} is {ppi:.0f} ppi (recommended {warn_ppi:.0f} ppi)", "warning"))
    if prepared is not None and profile is not None and prepared.tac > profile.tac + 2:
        out.append(_f("image_tac", pg.number, blk,
                      f"图片 {name} 总墨量 {prepared.tac:.0f}% 超过 {profile.tac:.0f}% 的上限，会蹭脏、难干",
                      f"image {name} reaches {prepared.tac:.0f}% total ink (limit {profile.tac:.0f}%)"))
    return out


# -- the PDF ----------------------------------------------------------------------------------------------

_RGB_NAMES = {"/DeviceRGB", "/CalRGB", "/Lab", "/RGB"}
_BAD_FILTERS = {"/LZWDecode", "/JBIG2Decode", "/JPXDecode", "/LZW"}


def _cs_problem(cs) -> str:
    """'' if a colour space is CMYK/grey/Separation-over-CMYK; else a short description."""
    import pikepdf
    if cs is None:
        return ""
    if isinstance(cs, pikepdf.Name):
        return str(cs) if str(cs) in _RGB_NAMES else ""
    if isinstance(cs, pikepdf.Array) and len(cs) > 0:
        kind = str(cs[0])
        if kind in ("/CalRGB", "/Lab"):
            return kind
        if kind == "/ICCBased":
            try:
                n = int(cs[1].get("/N", 0))
            except Exception:  # noqa: BLE001
                n = 0
            return "" if n in (1, 4) else f"/ICCBased N={n}"
        if kind in ("/Separation",):
            return _cs_problem(cs[2])
        if kind == "/DeviceN":
            return _cs_problem(cs[2])
        if kind in ("/Indexed", "/I"):
            return _cs_problem(cs[1])
        if kind == "/Pattern" and len(cs) > 1:
            return _cs_problem(cs[1])
    return ""


def _scan_resources(res, page_no, out: list, seen: set, depth=0) -> None:
    import pikepdf
    from pikepdf import Name
    if res is None or depth > 8:
        return
    if Name.ColorSpace in res:
        for k, cs in res.ColorSpace.items():
            p = _cs_problem(cs)
            if p and ("cs", page_no, p) not in seen:
                seen.add(("cs", page_no, p))
                out.append(_f("rgb", page_no, "", f"PDF 中有 RGB 色彩空间（{p}），印刷要求 CMYK",
                              f"RGB colour space {p} ({k}) in the PDF; print needs CMYK"))
    if Name.ExtGState in res:
        for k, gs in res.ExtGState.items():
            bad = []
            sm = gs.get(Name.SMask)
            if sm is not None and not (isinstance(sm, pikepdf.Name) and str(sm) == "/None"):
                bad.append("SMask")
            for a in ("/CA", "/ca"):
                if a in gs and float(gs[a]) < 1:
                    bad.append(f"{a[1:]}={float(gs[a])}")
            bm = gs.get(Name.BM)
            if bm is not None and str(bm) not in ("/Normal", "/Compatible"):
                bad.append(f"BM {bm}")
            if bad and ("gs", page_no) not in seen:
                seen.add(("gs", page_no))
                out.append(_f("transparency", page_no, "", f"PDF 中有透明效果（{', '.join(bad)}），PDF/X-1a 不允许",
                              f"transparency in the PDF ({', '.join(bad)}); PDF/X-1a forbids it"))
    if Name.XObject in res:
        for k, xo in res.XObject.items():
            st = str(xo.get(Name.Subtype, ""))
            filt = xo.get(Name.Filter)
            filters = [str(x) for x in filt] if isinstance(filt, pikepdf.Array) else ([str(filt)] if filt else [])
            bad_f = [x for x in filters if x in _BAD_FILTERS]
            if bad_f:
                out.append(_f("bad_filter", page_no, "", f"PDF 使用了不允许的压缩 {', '.join(bad_f)}",
                              f"compression {', '.join(bad_f)} is not allowed in PDF/X-1a"))
            if st == "/Image":
                p = _cs_problem(xo.get(Name.ColorSpace))
                if p and ("img", page_no, str(k)) not in seen:
                    seen.add(("img", page_no, str(k)))
                    out.append(_f("rgb", page_no, "", f"PDF 中有 RGB 图片（{p}），需转为 CMYK",
                                  f"RGB image {k} ({p}) in the PDF; it must be CMYK"))
                if Name.SMask in xo and ("smask", page_no, str(k)) not in seen:
                    seen.add(("smask", page_no, str(k)))
                    out.append(_f("transparency", page_no, "", "PDF 中有带透明通道（软蒙版）的图片",
                                  f"image {k} has a soft mask (transparency)"))
            elif st == "/Form":
                grp = xo.get(Name.Group)
                if grp is not None and str(grp.get(Name.S, "")) == "/Transparency":
                    out.append(_f("transparency", page_no, "", "PDF 中有透明组", f"transparency group in form {k}"))
                key = ("form", xo.objgen)
                if key not in seen:
                    seen.add(key)
                    _scan_resources(xo.get(Name.Resources), page_no, out, seen, depth + 1)
                    _scan_content(xo, page_no, out, seen)
    if Name.Pattern in res:
        for k, pat in res.Pattern.items():
            _scan_resources(pat.get(Name.Resources), page_no, out, seen, depth + 1)
    if Name.Shading in res:
        for k, sh in res.Shading.items():
            p = _cs_problem(sh.get(Name.ColorSpace))
            if p:
                out.append(_f("rgb", page_no, "", f"PDF 中有 RGB 渐变（{p}）", f"RGB shading {k} ({p})"))


def _scan_content(obj, page_no, out: list, seen: set) -> None:
    import pikepdf
    try:   # quick byte test first: most pages have no rg/RG/BI at all, and parsing costs ~0.1 s per page
        cs = obj.get("/Contents") if "/Contents" in obj else obj
        streams = list(cs) if isinstance(cs, pikepdf.Array) else [cs]
        data = b"".join(st.read_bytes() for st in streams)
        if b"rg" not in data and b"RG" not in data and b"BI" not in data:
            return
    except Exception:  # noqa: BLE001 - fall back to the full parse
        pass
    try:
        ops = pikepdf.parse_content_stream(obj)
    except Exception:  # noqa: BLE001 - a damaged stream shows up in qpdf --check
        return
    rgb = 0
    for operands, op in ops:
        o = str(op)
        if o in ("rg", "RG"):
            rgb += 1
        elif o == "INLINE IMAGE":
            try:
                img = operands[0]
                cs = img.obj.get("/CS") or img.obj.get("/ColorSpace")
                if _cs_problem(cs):
                    rgb += 1
            except Exception:  # noqa: BLE001
                pass
    if rgb and ("op", page_no) not in seen:
        seen.add(("op", page_no))
        out.append(_f("rgb", page_no, "", f"PDF 页面内容中有 {rgb} 处 RGB 颜色",
                      f"{rgb} RGB colour operators (rg/RG) in the page content"))


def check_pdf(pdf_path: str, profile=None, *, page_numbers: list[int] | None = None,
              pdfx: str | None = None, deep: bool = True) -> list[Finding]:
    """Findings from an exported PDF (structure, colour, transparency, fonts, boxes, PDF/X label).

    ``deep``: also run ``qpdf --check`` (it decodes every stream: ~0.5 s per MB). Export skips it, because
    its PDF was just written by qpdf itself (pikepdf); preflight of a PDF file from elsewhere runs it.
    """
    import pikepdf
    from pikepdf import Name
    out: list[Finding] = []
    if deep and shutil.which("qpdf"):
        r = subprocess.run(["qpdf", "--check", pdf_path], capture_output=True, text=True)
        if r.returncode not in (0, 3):
            out.append(_f("pdf_damaged", None, "", "PDF 文件结构有错（qpdf --check 未通过）",
                          f"qpdf --check failed: {(r.stdout + r.stderr).strip().splitlines()[-1:]}"))
    try:
        pdf = pikepdf.open(pdf_path)
    except pikepdf.PdfError as e:
        return out + [_f("pdf_damaged", None, "", "PDF 文件无法打开", f"cannot open the PDF: {e}")]
    with pdf:
        seen: set = set()
        want_bleed = profile.bleed if profile else 0.0
        for i, page in enumerate(pdf.pages):
            n = page_numbers[i] if page_numbers and i < len(page_numbers) else i + 1
            _scan_resources(page.obj.get(Name.Resources), n, out, seen)
            _scan_content(page.obj, n, out, seen)
            grp = page.obj.get(Name.Group)
            if grp is not None and str(grp.get(Name.S, "")) == "/Transparency":
                out.append(_f("transparency", n, "", "页面是透明组", "the page has a transparency group"))
            out.extend(_check_boxes(page.obj, n, want_bleed))
        if pdfx is None:
            pdfx = "x1a" if Name.GTS_PDFXVersion in pdf.docinfo else "none"
        if pdfx == "x1a":
            intents = [oi for oi in pdf.Root.get(Name.OutputIntents, [])
                       if str(oi.get(Name.S, "")) == "/GTS_PDFX"]
            if len(intents) != 1:
                out.append(_f("output_intent", None, "", f"PDF/X 需要恰好一个输出意图，现有 {len(intents)} 个",
                              f"PDF/X needs exactly one GTS_PDFX OutputIntent; found {len(intents)}"))
    out.extend(_check_fonts(pdf_path))
    return out


def _check_boxes(page, n, want_bleed: float) -> list[Finding]:
    from pikepdf import Name

    def box(name):
        b = page.get(name)
        return [float(v) for v in b] if b is not None else None
    media = box(Name.MediaBox)
    trim = box(Name.TrimBox)
    bleed = box(Name.BleedBox) or media
    if trim is None:
        return [_f("boxes", n, "", "页面没有裁切框（TrimBox）", "the page has no TrimBox")]

    def inside(a, b, tol=0.01):
        return a[0] >= b[0] - tol and a[1] >= b[1] - tol and a[2] <= b[2] + tol and a[3] <= b[3] + tol
    if not (inside(trim, bleed) and inside(bleed, media)):
        return [_f("boxes", n, "", "页面框不嵌套（应为 裁切框 ⊂ 出血框 ⊂ 媒体框）",
                   "page boxes are not nested (TrimBox ⊂ BleedBox ⊂ MediaBox)")]
    got = min(trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2], bleed[3] - trim[3])
    if want_bleed > 0 and got < want_bleed - 0.05:
        return [_f("boxes", n, "", f"出血只有 {got / MM:.1f} mm，印厂要求 {want_bleed / MM:.0f} mm",
                   f"bleed is {got / MM:.1f} mm; the print profile needs {want_bleed / MM:.0f} mm")]
    return []


def _check_fonts(pdf_path: str) -> list[Finding]:
    if not shutil.which("pdffonts"):
        return []
    r = subprocess.run(["pdffonts", pdf_path], capture_output=True, text=True)
    out = []
    for line in r.stdout.splitlines()[2:]:
        m = re.match(r"^(.*?)\s+(Type 1C|Type 1|Type 3|TrueType|CID Type 0C|CID Type 0|CID TrueType|"
                     r"Type 1 \(OT\)|CID Type 0C \(OT\)|TrueType \(OT\)|CID TrueType \(OT\))\s+(\S+(?: \S+)?)\s+"
                     r"(yes|no)\s+(yes|no)\s+(yes|no)\s+(\d+)\s+(\d+)\s*$", line)
        if not m:
            continue
        name, emb, uni = m.group(1).strip(), m.group(4), m.group(6)
        if emb == "no":
            out.append(_f("font_not_embedded", None, "", f"字体 {name} 没有嵌入，印厂无法正确输出",
                          f"font {name} is not embedded"))
        elif uni == "no":
            out.append(_f("font_no_unicode", None, "", f"字体 {name} 没有 Unicode 映射，PDF 无法检索文字",
                          f"font {name} has no ToUnicode map (text cannot be extracted)"))
    return out


# -- whole documents --------------------------------------------------------------------------------------

def preflight(source, *, profile=None, pdfx: str | None = None, pages: list[int] | None = None,
              faces: dict | None = None, pdf_path: str | None = None) -> PreflightResult:
    """Preflight a document (YAML path, Document or LaidDocument), or an exported PDF (path ending .pdf).

    Renders the document to a temporary PDF with the same pipeline as export, then checks tree and PDF.
    """
    from . import export
    t0 = time.perf_counter()
    if isinstance(source, (str, os.PathLike)) and str(source).lower().endswith(".pdf"):
        prof = export.resolve_profile(None, profile)
        res = PreflightResult(check_pdf(str(source), prof, pdfx=pdfx), source=str(source))
        res.seconds = time.perf_counter() - t0
        return res
    job = export.prepare(source, profile=profile, faces=faces)
    opts = export.ExportOptions(pdfx=pdfx or job.profile.pdfx, pages=pages)
    with tempfile.TemporaryDirectory(prefix="paiban-pf-") as tmp:
        out_pdf = pdf_path or os.path.join(tmp, "preflight.pdf")
        findings, _report, _nums = export.build_checked(job, out_pdf, opts)
    res = PreflightResult(findings, source=job.source)
    res.seconds = time.perf_counter() - t0
    return res


def sort_findings(findings: list) -> list:
    return sorted(findings, key=lambda f: (f.severity != "error", f.page or 0, f.code, f.block))


# -- CLI --------------------------------------------------------------------------------------------------

def configure(parser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="issue YAML (or an exported PDF)")
    parser.add_argument("--json", action="store_true", help="machine-readable findings on stdout")
    parser.add_argument("--profile", metavar="P", help="print profile name or YAML path (overrides the document's)")
    parser.add_argument("--pdfx", choices=("x1a", "none"), help="check as PDF/X-1a or as a plain PDF")
    parser.add_argument("--pages", metavar="LIST", help="only these pages, e.g. 1,3-4")
    parser.set_defaults(func=run_cli)


def run_cli(args) -> int:
    from .export import parse_pages
    pages = parse_pages(args.pages) if args.pages else None
    results = []
    rc = 0
    for f in args.files:
        try:
            r = preflight(f, profile=args.profile, pdfx=args.pdfx, pages=pages)
        except PaibanError as e:
            for d in e.diagnostics:
                if not d.file:
                    d.file = f
                print(f"paiban: {d}", file=sys.stderr)
            rc = max(rc, 2)
            results.append({"source": f, "ok": False, "error": str(e)})
            continue
        r.findings = sort_findings(r.findings)
        if not r.ok:
            rc = max(rc, 1)
        if args.json:
            results.append(r.to_json())
        else:
            for fd in r.findings:
                print(f"{f}: {fd}")
            print(f"{f}: {len(r.errors)} 个错误, {len(r.warnings)} 个警告 "
                  f"({len(r.errors)} errors, {len(r.warnings)} warnings) in {r.seconds:.2f} s",
                  file=sys.stderr)
    if args.json:
        json.dump(results[0] if len(results) == 1 else results, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    return rc
