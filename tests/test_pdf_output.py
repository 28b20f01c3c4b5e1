"""The exported PDF, checked with the tools a print shop would use: qpdf, poppler, Ghostscript, pikepdf."""
from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess

import pikepdf
import pytest

from layout.export import ExportOptions, export_document
from test_pdf_fixtures import A4, FONT, MM, clean_doc, line

pytestmark = [
    pytest.mark.skipif(not os.path.exists(FONT), reason="bundled font missing"),
    pytest.mark.skipif(not all(shutil.which(t) for t in ("qpdf", "pdfinfo", "pdffonts", "pdfimages", "gs")),
                       reason="needs qpdf, poppler-utils and ghostscript"),
]

SLUG = 10 * MM
BLEED = 3 * MM


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pdfout")
    doc = clean_doc(tmp)
    out = tmp / "clean.pdf"
    res = export_document(doc, out, ExportOptions())
    assert res.written, [str(f) for f in res.findings]
    return str(out), doc, res


def run(*cmd) -> str:
    r = subprocess.run(cmd, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_qpdf_check_passes(exported):
    out = run("qpdf", "--check", exported[0])
    assert "No syntax or stream encoding errors" in out


def test_boxes_nested_with_3mm_bleed_and_trim_is_the_page(exported):
    info = run("pdfinfo", "-box", exported[0])
    box = {m.group(1): [float(v) for v in m.group(2).split()]
           for m in re.finditer(r"^(MediaBox|BleedBox|TrimBox):\s+(.*)$", info, re.M)}
    media, bleed, trim = box["MediaBox"], box["BleedBox"], box["TrimBox"]
    assert media[0] <= bleed[0] < trim[0] and media[1] <= bleed[1] < trim[1]
    assert trim[2] < bleed[2] <= media[2] and trim[3] < bleed[3] <= media[3]
    for a, b in ((trim[0], bleed[0]), (trim[1], bleed[1]), (bleed[2], trim[2]), (bleed[3], trim[3])):
        assert abs((a - b) - BLEED) < 0.01          # 3 mm = 8.50 pt
    assert abs((trim[2] - trim[0]) - A4[0]) < 0.01 and abs((trim[3] - trim[1]) - A4[1]) < 0.01
    assert abs(trim[0] - (BLEED + SLUG)) < 0.01
    assert "PDF version:     1.4" in info


def test_fonts_embedded_with_unicode_and_no_helvetica(exported):
    out = run("pdffonts", exported[0])
    rows = out.splitlines()[2:]
    assert rows
    for r in rows:
        cols = r.split()
        assert cols[-5:-2] == ["yes", "yes", "yes"], r      # emb sub uni
    assert "Helvetica" not in out
    names = [r.split()[0] for r in rows]
    assert all(re.match(r"^[A-Z]{6}\+", n) for n in names)
    assert "AAAAAA+" not in out                              # tags derived from the font program


def test_text_extracts_and_glyphs_sit_where_the_tree_put_them(exported):
    path, doc, _ = exported
    text = re.sub(r"\s", "", run("pdftotext", "-raw", path, "-"))
    assert "港湾新区报" in text and "春季植树活动于三月十二日" in text
    bbox = run("pdftotext", "-bbox", path, "-")
    words = [(float(m.group(1)), float(m.group(2)), m.group(3))
             for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', bbox)]
    run0 = [it for it in doc.pages[0].items if getattr(it, "size", 0) == 9.0][0]
    off = BLEED + SLUG
    got = sorted(w for w in words if abs(w[1] - (off + run0.y - 0.9 * 9.0)) < 3)
    assert [w[2] for w in got] == [g.ch for g in run0.glyphs]
    for w, g in zip(got, run0.glyphs):
        assert abs(w[0] - (off + run0.x + g.x)) < 0.05, (w, g)


def test_justified_line_is_one_show_operator_with_char_spacing(exported):
    with pikepdf.open(exported[0]) as pdf:
        ops = pikepdf.parse_content_stream(pdf.pages[0])
        names = [str(op) for _o, op in ops]
        tc = [o for (o, op) in ops if str(op) == "Tc"]
    # a line whose glyphs step 16.063 pt at 9 pt: its common extra space (16.063 - 9) pt is one Tc
    assert tc and any(abs(float(v[0]) - (16.063 - 9.0)) < 0.01 for v in tc)
    # 6 body lines of 30 glyphs: far fewer show operators than glyphs (one per run and font subset)
    assert names.count("Tj") + names.count("TJ") < 60
    assert "Tz" in names                                   # the hscale line


def test_no_rgb_no_transparency(exported):
    from layout.preflight import check_pdf
    findings = check_pdf(exported[0])
    assert not [f for f in findings if f.code in ("rgb", "transparency", "bad_filter")], findings
    with pikepdf.open(exported[0]) as pdf:
        for page in pdf.pages:
            for _o, op in pikepdf.parse_content_stream(page):
                assert str(op) not in ("rg", "RG")
            for _k, xo in page.Resources.XObject.items():
                assert "/SMask" not in xo
                assert str(xo.ColorSpace) in ("/DeviceCMYK", "/DeviceGray")
            for _k, gs in page.Resources.get("/ExtGState", {}).items():
                assert "/SMask" not in gs and float(gs.get("/ca", 1)) == 1 and float(gs.get("/CA", 1)) == 1


def test_exactly_one_pdfx_output_intent_and_pdfx_keys(exported):
    with pikepdf.open(exported[0]) as pdf:
        intents = pdf.Root.OutputIntents
        assert len(intents) == 1
        oi = intents[0]
        assert oi.S == "/GTS_PDFX"
        assert str(oi.OutputConditionIdentifier) == "CGATS TR 002"
        icc = oi.DestOutputProfile.read_bytes()
        assert icc[16:20] == b"CMYK" and icc[12:16] == b"prtr" and icc[8] == 2
        assert oi.DestOutputProfile.N == 4
        info = pdf.docinfo
        assert str(info.GTS_PDFXVersion) == "PDF/X-1:2003"
        assert str(info.GTS_PDFXConformance) == "PDF/X-1a:2003"
        assert info.Trapped == pikepdf.Name("/False")
        assert str(info.Title) == "港湾新区报 测试"
        assert str(info.CreationDate).startswith("D:2000")
        assert len(pdf.trailer.ID) == 2
        xmp = pdf.Root.Metadata.read_bytes().decode()
        assert "<pdfx:GTS_PDFXVersion>PDF/X-1:2003</pdfx:GTS_PDFXVersion>" in xmp
        assert "<pdf:Trapped>False</pdf:Trapped>" in xmp
        assert pdf.pdf_version == "1.4"
        assert not pdf.is_encrypted
        meta = pdf.open_metadata()                 # well-formed XMP that pikepdf can read back
        assert meta.get("pdfx:GTS_PDFXConformance") == "PDF/X-1a:2003"
        assert meta.get("dc:title") == "港湾新区报 测试"


def test_images_are_cmyk_or_grey_at_their_ppi(exported):
    out = run("pdfimages", "-list", exported[0])
    rows = [r.split() for r in out.splitlines()[2:]]
    assert len(rows) == 3
    colours = sorted(r[5] for r in rows)
    assert colours == ["cmyk", "cmyk", "gray"]
    for r in rows:
        assert r[12] == "254" and r[13] == "254", r                  # x-ppi y-ppi
        assert r[6] in ("1", "4")


def test_ghostscript_renders_without_error(exported):
    r = subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-dPDFSTOPONERROR", "-sDEVICE=nullpage",
                        exported[0]], capture_output=True, text=True)
    assert r.returncode == 0 and "Error" not in r.stdout + r.stderr, r.stdout + r.stderr


def _plates(pdf, tmp, dpi=50):
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffsep", "-dOverprint=/simulate",
                    f"-r{dpi}", "-o", os.path.join(tmp, "p%d.tif"), pdf], check=True, capture_output=True)
    from PIL import Image
    plates = {}
    for f in glob.glob(os.path.join(tmp, "p1(*).tif")):
        name = re.search(r"\((.*)\)\.tif$", f).group(1)
        plates[name] = Image.open(f).convert("L")
    return plates


def _ink(img, box_mm, dpi=50):
    """Maximum ink (0..100 %) on a plate inside a box given in mm from the media's top-left corner."""
    s = dpi / 25.4
    crop = img.crop(tuple(int(round(v * s)) for v in box_mm))
    lo, _hi = crop.getextrema()
    return (255 - lo) / 2.55


def test_separations_body_text_only_on_black_plate(exported, tmp_path):
    plates = _plates(exported[0], str(tmp_path))
    assert {"Cyan", "Magenta", "Yellow", "Black"} <= set(plates)
    off = (BLEED + SLUG) / MM
    body = (off + 20, off + 46, off + 190, off + 50 + 5 * 13.5 / MM + 1)     # the six body lines
    assert _ink(plates["Black"], body) > 60
    for p in ("Cyan", "Magenta", "Yellow"):
        assert _ink(plates[p], body) == 0, p
    spot = [k for k in plates if k not in ("Cyan", "Magenta", "Yellow", "Black")]
    assert spot == ["%E6%8A%A5%E5%A4%B4%E7%BA%A2"]                    # the 报头红 plate (gs escapes the name)
    head = (off + 20, off + 22 - 9, off + 20 + 5 * 13.4, off + 22)      # the headline in the spot colour
    assert _ink(plates[spot[0]], head) > 60 and _ink(plates["Magenta"], head) < 20
    # crop mark (registration colour All) shows on every process plate
    mark = (off - 3 - 0.5 - 5, off - 0.3, off - 3 - 0.5, off + 0.3)   # top-left horizontal mark
    for p in ("Cyan", "Magenta", "Yellow", "Black"):
        assert _ink(plates[p], mark) > 30, p


def test_k100_text_overprints(exported):
    with pikepdf.open(exported[0]) as pdf:
        page = pdf.pages[0]
        gstates = {str(k): gs for k, gs in page.Resources.ExtGState.items()}
        assert any(gs.get("/op") is True for gs in gstates.values())
        assert any(int(gs.get("/OPM", 0)) == 1 for gs in gstates.values())
        # the op-true state is active when the first K100 text object is shown
        state_op = False
        fill_k = None
        checked = 0
        for operands, op in pikepdf.parse_content_stream(page):
            o = str(op)
            if o == "gs":
                g = gstates[str(operands[0])]
                if "/op" in g:
                    state_op = bool(g.op)
            elif o == "k":
                fill_k = [float(v) for v in operands]
            elif o in ("Tj", "TJ") and fill_k == [0, 0, 0, 1]:
                assert state_op
                checked += 1
        assert checked > 5


def test_spot_colour_is_a_separation(exported):
    with pikepdf.open(exported[0]) as pdf:
        cs = pdf.pages[0].Resources.ColorSpace
        kinds = {str(v[0]): v for v in cs.values()}
        assert "/Separation" in kinds
        names = {str(v[1]) for v in cs.values()}
        assert "/All" in names
        assert "/报头红" in names            # a proper UTF-8 name, not ReportLab's mangled #62a5…
        for v in cs.values():
            assert str(v[2]) == "/DeviceCMYK"


def test_reexport_is_byte_identical(exported, tmp_path):
    path, doc, _ = exported
    out2 = tmp_path / "again.pdf"
    export_document(doc, out2, ExportOptions())
    with open(path, "rb") as a, open(out2, "rb") as b:
        assert a.read() == b.read()


def test_source_date_epoch_sets_the_dates(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1773619200")   # 2026-03-16 00:00 UTC
    doc = clean_doc(tmp_path)
    out = tmp_path / "sde.pdf"
    export_document(doc, out, ExportOptions(check=False))
    with pikepdf.open(out) as pdf:
        assert str(pdf.docinfo.CreationDate) == "D:20260316000000Z"


def test_pdfx_none_office_profile_has_no_bleed_no_marks_no_intent(tmp_path):
    doc = clean_doc(tmp_path)
    out = tmp_path / "office.pdf"
    res = export_document(doc, out, ExportOptions(profile="office"))
    assert res.written
    with pikepdf.open(out) as pdf:
        assert "/OutputIntents" not in pdf.Root
        assert "/GTS_PDFXVersion" not in pdf.docinfo
        page = pdf.pages[0]
        assert [round(float(v), 2) for v in page.MediaBox] == [round(float(v), 2) for v in page.TrimBox]
        assert abs(float(page.MediaBox[2]) - A4[0]) < 0.01


def test_missing_image_draws_a_placeholder(tmp_path):
    from layout.render_pdf import RenderOptions, render_pdf
    from layout.tree import Image, LaidDocument, LaidPage
    from test_pdf_fixtures import FACES
    page = LaidPage(1, 300, 300, items=[line("图片", 20, 40), Image(50, 50, 100, 80, str(tmp_path / "none.jpg"))])
    out = tmp_path / "ph.pdf"
    rep = render_pdf(LaidDocument([page], faces=FACES), str(out), RenderOptions(marks=False))
    assert rep.missing_images and rep.missing_images[0][0] == 1
    plates_dir = tmp_path / "sep"
    plates_dir.mkdir()
    plates = _plates(str(out), str(plates_dir), dpi=72)
    b = 3 * MM / MM
    # the grey box: K15 fill inside, no C/M/Y
    centre = (b + (50 + 25) / MM, b + (50 + 20) / MM, b + (50 + 30) / MM, b + (50 + 25) / MM)
    assert 10 < _ink(plates["Black"], centre, dpi=72) < 70
    assert _ink(plates["Cyan"], centre, dpi=72) == 0


def _bbox_words(pdf):
    bbox = run("pdftotext", "-bbox", pdf, "-")
    return [(float(m.group(1)), float(m.group(2)), m.group(3))
            for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', bbox)]


def test_hscale_dx_and_dy_put_glyphs_at_their_tree_positions(tmp_path):
    from layout.render_pdf import RenderOptions, render_pdf
    from layout.tree import Glyph, GlyphRun, LaidDocument, LaidPage
    from test_pdf_fixtures import FACES
    narrow = GlyphRun("song", 10, 50, 100, [Glyph(ch, i * 12.0, 8.0) for i, ch in enumerate("长体文字测试")],
                      hscale=80.0)
    bracket = GlyphRun("song", 10, 50, 150, [Glyph("甲", 0, 10), Glyph("乙", 15, 10), Glyph("丙", 45, 10, dy=-4.0)])
    paren = GlyphRun("song", 10, 200, 150, [Glyph("（", 0, 5, dx=-5)])
    out = str(tmp_path / "pos.pdf")
    render_pdf(LaidDocument([LaidPage(1, 300, 300, items=[narrow, bracket, paren])], faces=FACES), out,
               RenderOptions(marks=False, bleed=0.0))
    words = _bbox_words(out)
    xs = {w[2]: w[0] for w in words}
    for i, ch in enumerate("长体文字测试"):
        assert abs(xs[ch] - (50 + i * 12.0)) < 0.05, ch
    assert abs(xs["甲"] - 50) < 0.05 and abs(xs["乙"] - 65) < 0.05
    assert abs(xs["（"] - (200 - 5)) < 0.05
    widths = {m.group(3): float(m.group(2)) - float(m.group(1)) for m in re.finditer(
        r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)</word>', run("pdftotext", "-bbox", out, "-"))}
    assert abs(widths["长"] - 8.0) < 0.05 and abs(widths["甲"] - 10.0) < 0.05     # Tz 80 does not leak
    ys = {w[2]: w[1] for w in words}
    assert abs((ys["乙"] - ys["丙"]) - 4.0) < 0.05


def test_a_page_without_text_still_has_no_helvetica(tmp_path):
    from layout.render_pdf import RenderOptions, render_pdf
    from layout.tree import LaidDocument, LaidPage, Rect
    from test_pdf_fixtures import FACES
    out = str(tmp_path / "empty.pdf")
    render_pdf(LaidDocument([LaidPage(1, 200, 200, items=[Rect(10, 10, 50, 50, fill=(0, 0, 0, 1))])],
                            faces=FACES), out, RenderOptions(marks=False))
    assert "Helvetica" not in run("pdffonts", out)


def test_items_reach_into_the_bleed_but_not_into_the_slug(tmp_path):
    from layout.render_pdf import RenderOptions, render_pdf
    from layout.tree import LaidDocument, LaidPage, Rect
    from test_pdf_fixtures import FACES
    out = str(tmp_path / "bleed.pdf")
    page = LaidPage(1, 200, 200, bleed=3 * MM, items=[Rect(-20 * MM, -20 * MM, 40 * MM, 40 * MM, fill=(1, 0, 0, 0))])
    render_pdf(LaidDocument([page], faces=FACES), out, RenderOptions(colour_bar=False, info_line=False))
    d = tmp_path / "sep"
    d.mkdir()
    cyan = _plates(out, str(d), dpi=72)["Cyan"]
    off = (BLEED + SLUG) / MM                      # trim corner, mm from the media corner
    assert _ink(cyan, (off - 2.5, off + 5, off - 1.5, off + 6), dpi=72) == 100     # inside the bleed
    assert _ink(cyan, (off + 5, off + 5, off + 6, off + 6), dpi=72) == 100         # on the page
    assert _ink(cyan, (off - 8, off + 5, off - 6, off + 6), dpi=72) == 0           # the slug stays clean


def test_rotated_glyph_turns_about_its_em_box_centre(tmp_path):
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from layout.render_pdf import RenderOptions, register_face, render_pdf
    from layout.tree import Glyph, GlyphRun, LaidDocument, LaidPage
    from test_pdf_fixtures import FACES
    w = stringWidth("H", register_face(FACES["song"]), 20)
    runs = [GlyphRun("song", 20, 100, 100, [Glyph("H", 0, w, rotate=90)])]
    out = str(tmp_path / "rot.pdf")
    render_pdf(LaidDocument([LaidPage(1, 300, 300, items=runs)], faces=FACES), out,
               RenderOptions(marks=False, bleed=0.0))
    m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">H<',
                  run("pdftotext", "-bbox", out, "-"))
    x0, y0, x1, y1 = (float(v) for v in m.groups())
    assert abs((x1 - x0) - 20) < 0.1 and abs((y1 - y0) - w) < 0.1          # turned: em wide, advance tall
    assert abs((x0 + x1) / 2 - (100 + w / 2)) < 0.1
    assert abs((y0 + y1) / 2 - (100 - 20 * (0.88 - 0.12) / 2)) < 0.6       # em-box centre above the baseline
