"""Benchmark workloads. Each ``wl_*`` function runs in its own worker process (bench.worker) and returns
a dict: ``times`` (seconds of each timed run after a warm-up), optional ``pdf`` (path of the output, for the
quality columns) and ``parts`` (Paiban's own time breakdown)."""
from __future__ import annotations

import io
import time
from pathlib import Path

from .peers import Geometry, reportlab_paragraph_pdf, typst_pdf
from .seedtext import seed_paragraphs

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
SAMPLE = ROOT / "assets" / "samples" / "sample-issue.yaml"


def _timed(fn, runs: int, warmup: int = 1):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return times


def _body_face():
    from layout.fonts import catalog
    return catalog().face("宋体")


def _body_style(geo: Geometry):
    from layout.model import Style
    return Style("正文", font="宋体", size=geo.size, leading=geo.leading, indent=2.0)


# -- Paiban: flow paragraphs through the columns of pages, then paint with the PDF painter ---------------

def paiban_flow(paragraphs, geo: Geometry):
    """Compose ``paragraphs`` into columns of ``geo``; return a LaidDocument (lines placed on the grid)."""
    from layout.text import ParagraphComposer
    from layout.tree import LaidDocument, LaidPage

    style = _body_style(geo)
    pages, col, line_no = [], 0, 0
    page = items = None
    top = geo.top + geo.size * 0.88            # first baseline
    leading, col_w, n_lines, n_cols = geo.leading, geo.col_w, geo.lines, geo.columns
    col_x = [geo.column_x(i) for i in range(n_cols)]
    for text in paragraphs:
        pc = ParagraphComposer(text, style)
        next_line = pc.next_line
        while not pc.done:
            if page is None:
                page = LaidPage(number=len(pages) + 1, width=geo.page_w, height=geo.page_h)
                pages.append(page)
                items = page.items
            line = next_line(col_w)
            if line is None:
                break
            items.extend(line.runs(col_x[col], top + line_no * leading))
            line_no += 1
            if line_no >= n_lines:
                line_no, col = 0, col + 1
                if col >= n_cols:
                    col, page = 0, None
    return LaidDocument(pages=pages, title="bench")


def paiban_compose_only(paragraphs, geo: Geometry) -> int:
    from layout.text import compose_paragraph
    style = _body_style(geo)
    return sum(len(compose_paragraph(p, style, geo.col_w)) for p in paragraphs)


def paiban_pdf(paragraphs, geo: Geometry, out) -> dict:
    """Compose + draw + save, timing each part."""
    from reportlab import rl_config
    from reportlab.pdfgen import canvas as rl_canvas

    from layout import render_pdf as rp

    rl_config.useA85 = 0       # as render_pdf() does

    t0 = time.perf_counter()
    laid = paiban_flow(paragraphs, geo)
    t1 = time.perf_counter()
    opts = rp.RenderOptions(marks=False, colour_bar=False, info_line=False, slug=0)
    report = rp.RenderReport()
    c = rl_canvas.Canvas(out, pagesize=(geo.page_w, geo.page_h), invariant=1, pageCompression=1,
                         initialFontName=rp.initial_font(laid), enforceColorSpace="sep_cmyk")
    painter = rp._Painter(c, laid, opts, None, report)
    for i, pg in enumerate(laid.pages):
        painter.page(pg, i, len(laid.pages))
    t2 = time.perf_counter()
    c.save()
    t3 = time.perf_counter()
    return {"compose": t1 - t0, "draw": t2 - t1, "save": t3 - t2}


# -- workloads -----------------------------------------------------------------------------------------

def wl_a_paiban(runs):
    """(a) the seed text set in 13-character columns from scratch: every engine cache cleared before each
    run (break analysis, itemization, lines); only the font metrics stay loaded."""
    from layout.text import clear_caches
    geo, paras = Geometry(chars=13), seed_paragraphs()
    _body_face().advance("中")

    def run():
        clear_caches()
        paiban_compose_only(paras, geo)
    return {"times": _timed(run, runs)}


def wl_a_paiban_relayout(runs):
    """(a) again with the paragraphs' text analysis cached (what a relayout after a move or resize costs):
    the lines themselves are broken and justified anew each run."""
    from layout.text import linebreak
    geo, paras = Geometry(chars=13), seed_paragraphs()
    _body_face().advance("中")
    paiban_compose_only(paras, geo)

    def run():
        linebreak._LINES_CACHE.clear()
        paiban_compose_only(paras, geo)
    return {"times": _timed(run, runs)}


def _pdf_workload(paragraphs, name, runs, which):
    OUT.mkdir(parents=True, exist_ok=True)
    geo = Geometry(chars=13)
    t = time.perf_counter()
    face = _body_face()
    face.advance("中")
    fonts_s = time.perf_counter() - t
    pdf_path = OUT / f"{name}-{which}.pdf"
    parts = {}
    if which == "paiban":
        def run():
            buf = io.BytesIO()
            parts.update(paiban_pdf(paragraphs, geo, buf))
            return buf
        from layout.render_pdf import register_face
        t = time.perf_counter()
        register_face(face.path, face.index)
        parts_fonts = {"font loading (metrics + ReportLab TTFont, once per process)": fonts_s + time.perf_counter() - t}
        times = _timed(run, runs)
        paiban_pdf(paragraphs, geo, str(pdf_path))
        parts = {**parts_fonts, **parts}
    elif which == "reportlab":
        def run():
            return reportlab_paragraph_pdf(paragraphs, geo, face.path, face.index)
        times = _timed(run, runs)
        pdf_path.write_bytes(run())
    else:
        def run():
            return typst_pdf(paragraphs, geo, str(Path(face.path).parent), face.family)
        times = _timed(run, runs)
        pdf_path.write_bytes(run())
    return {"times": times, "pdf": str(pdf_path), "parts": parts}


def wl_a_pdf_paiban(runs):
    return _pdf_workload(seed_paragraphs(), "a", runs, "paiban")


def wl_a_pdf_reportlab(runs):
    return _pdf_workload(seed_paragraphs(), "a", runs, "reportlab")


def wl_a_pdf_typst(runs):
    return _pdf_workload(seed_paragraphs(), "a", runs, "typst")


def wl_b_paiban(runs):
    return _pdf_workload(seed_paragraphs() * 10, "b", runs, "paiban")


def wl_b_reportlab(runs):
    return _pdf_workload(seed_paragraphs() * 10, "b", runs, "reportlab")


def wl_b_typst(runs):
    return _pdf_workload(seed_paragraphs() * 10, "b", runs, "typst")


def wl_c_paiban(runs):
    """(c) the four-page sample issue exported (PDF/X) in a fresh process each run, font loading included."""
    import subprocess
    import sys
    OUT.mkdir(parents=True, exist_ok=True)
    out = OUT / "c-sample-issue.pdf"
    cmd = [sys.executable, "-m", "layout", "export", str(SAMPLE), "-o", str(out), "--force"]

    def run():
        subprocess.run(cmd, check=True, capture_output=True)
    times = _timed(run, runs)
    # in-process breakdown (warm fonts)
    from layout import export
    parts = {}
    t = time.perf_counter()
    from layout.loader import load_document
    doc = load_document(str(SAMPLE))
    parts["load"] = time.perf_counter() - t
    t = time.perf_counter()
    from layout.compose import compose_document
    compose_document(doc)
    parts["compose"] = time.perf_counter() - t
    t = time.perf_counter()
    export.export_document(str(SAMPLE), str(OUT / "c-warm.pdf"), export.ExportOptions(force=True))
    parts["export (warm, all stages)"] = time.perf_counter() - t
    return {"times": times, "pdf": str(out), "parts": parts}


def edit_document(chars: int = 1500):
    """A one-page 四开 issue holding one article of about ``chars`` characters of the seed text."""
    from layout.model import Article, Document, GridPlace, Page
    body, n = [], 0
    source = [p for p in seed_paragraphs() if len(p) >= 40]
    while n < chars:
        p = source[len(body) % len(source)]
        body.append(p)
        n += len(p)
    art = Article(id="a1", place=GridPlace(column=1, span=3, line=1, lines=60), kicker="引题",
                  title="一篇一千五百字的文章", byline="记者", body=body)
    return Document(pages=[Page(blocks=[art])]), art


def wl_d_paiban(runs):
    """(d) one-character edit in a 1,500-character article: relayout of its page with the window's Composer."""
    from layout.compose import Composer
    doc, art = edit_document()
    comp = Composer()
    comp.compose(doc)
    state = {"i": 0}

    def edit():
        state["i"] += 1
        k = len(art.body) // 2
        p = art.body[k]
        mid = len(p) // 2
        art.body[k] = p[:mid] + chr(0x4E00 + state["i"]) + p[mid + 1:]   # a character never seen here before
        comp.compose_page(doc, 0)
    times = _timed(edit, runs)
    return {"times": times}


E_SCRIPT = """
import os, sys, time
from gui.app import make_app
app = make_app()
from gui.main_window import MainWindow
win = MainWindow()
win.ask_recover = lambda *a: False
win.resize(1600, 1000)
if not win.open_file(sys.argv[1]):
    sys.exit(2)
win.show()
app.processEvents()
win.view.viewport().grab()      # the first page painted through the QPainter painter
sys.stdout.flush()
os._exit(0)
"""


def wl_e_paiban(runs):
    """(e) open the sample issue in the window (offscreen) until the first page is painted: wall time of a
    fresh process, interpreter start and imports included."""
    import os
    import subprocess
    import sys
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    times = []
    for i in range(runs + 1):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", E_SCRIPT, str(SAMPLE)], check=True, capture_output=True, env=env,
                       cwd=str(ROOT))
        if i:
            times.append(time.perf_counter() - t)
    return {"times": times}


def _window():
    import os
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from gui.app import make_app
    app = make_app()
    from gui.main_window import MainWindow
    win = MainWindow()
    win.ask_recover = lambda *a: False
    win.resize(1600, 1000)
    win.open_file(str(SAMPLE))
    win.show()
    app.processEvents()
    win.view.fit_page()
    app.processEvents()
    return app, win


def wl_f_edit(runs):
    """(f) in the window: a one-character edit of the 1,287-character lead article as an undoable command
    (relayout through the composer's cache, model signals, scene update)."""
    from gui import commands
    app, win = _window()
    a = win.ctrl.doc.find("a1")[1]
    state = {"i": 0}

    def edit():
        state["i"] += 1
        body = list(a.body)
        body[1] = body[1][:10] + chr(0x4E00 + state["i"]) + body[1][11:]
        win.ctrl.push(commands.SetAttrCommand(win.ctrl, a, "body", body, "edit", pages={0}))
    return {"times": _timed(edit, runs)}


def wl_f_repaint(runs):
    """(f) in the window: a full repaint of page 1 at fit-page zoom (the QPainter painter of the tree)."""
    app, win = _window()
    return {"times": _timed(lambda: win.view.viewport().grab(), runs)}


WORKLOADS = {
    "a-compose": [("paiban", wl_a_paiban), ("paiban (analysis cached)", wl_a_paiban_relayout)],
    "a-pdf": [("paiban", wl_a_pdf_paiban), ("reportlab", wl_a_pdf_reportlab), ("typst", wl_a_pdf_typst)],
    "b-pdf": [("paiban", wl_b_paiban), ("reportlab", wl_b_reportlab), ("typst", wl_b_typst)],
    "c-issue": [("paiban", wl_c_paiban)],
    "d-edit": [("paiban", wl_d_paiban)],
    "e-window": [("paiban", wl_e_paiban)],
    "f-window": [("paiban (edit → relayout)", wl_f_edit), ("paiban (page repaint)", wl_f_repaint)],
}
