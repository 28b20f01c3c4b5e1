"""The seed page rebuilt (tests/fixtures/seed-page.yaml) exported as a user would: every article, caption, byline
and QR label of the seed is in pdftotext's output, each article in reading order; kinsoku_check.py counts 0
faults; nothing is overset; body lines of every column sit on the page's baselines (from the laid-out tree)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from layout.compose import Grid, compose_document
from layout.export import ExportOptions, export_document
from layout.loader import load_document
from layout.tree import GlyphRun

ROOT = Path(__file__).resolve().parent.parent
SEED_PAGE = ROOT / "tests" / "fixtures" / "seed-page.yaml"
CHECK = ROOT.parent / "shared" / "tools" / "kinsoku_check.py"

# per item of the seed page, in the order a reader meets its parts (body probes are short enough to sit on one
# line of a column: poppler joins the lines of side-by-side columns when the gutter is one character)
ITEMS = [
    ["官方微信"],
    ["官方微博"],
    ["区委召开理论学习中心组专题学习研讨会", "学习“拼”“闯”“融”精神推动高质量发展", "3月9日下午", "许应田"],
    ["区委召开理论学习中心组集中学习（扩大）会", "交出南通“发展四问”的港闸答卷", "3月11日下午", "港轩"],
    ["受新冠肺炎疫情影响", "倪雯摄"],
    ["我区召开企业家座谈会，提出——", "跨过长江敢比拼勇立潮头争领先", "3月13日下午", "邓慧华"],
    ["3月12日，《新华日报》头版聚焦我区疫情防控和复工复产情况", "“两手硬”确保“两手赢”", "走进位于南通",
     "新华日报记者徐超陈明"],
]


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed") / "seed-page.pdf"
    res = export_document(str(SEED_PAGE), str(out), ExportOptions())
    assert res.written and not res.errors, [str(f) for f in res.findings]
    return out


def _flat(s: str) -> str:
    return re.sub(r"\s+", "", s)


def test_every_seed_item_is_in_the_pdf_text_in_reading_order(exported):
    text = _flat(subprocess.run(["pdftotext", str(exported), "-"], capture_output=True, text=True,
                                check=True).stdout)
    for parts in ITEMS:
        at = [text.find(_flat(p)) for p in parts]
        assert all(i >= 0 for i in at), [p for p, i in zip(parts, at) if i < 0]
        assert at == sorted(at), parts          # kicker, title, body, byline: in that order


def test_seed_page_has_no_kinsoku_faults(exported):
    out = subprocess.run([sys.executable, str(CHECK), str(exported)], capture_output=True, text=True)
    m = re.search(r"lines=(\d+) faults=(\d+)", out.stdout)
    assert m and int(m.group(1)) > 250 and int(m.group(2)) == 0, out.stdout[-500:]


def test_seed_page_fits_and_body_lines_share_the_page_baselines():
    doc = load_document(str(SEED_PAGE))
    laid = compose_document(doc)
    page = laid.pages[0]
    assert all(b.overset_chars == 0 for b in page.blocks), [(b.block_id, b.overset_chars) for b in page.blocks]
    baselines = {round(y, 3) for y in Grid.from_setup(doc.page).baselines()}
    body_size = doc.style("正文").size
    body = [r for r in page.items if isinstance(r, GlyphRun) and r.size == body_size and r.face == "song"]
    assert len(body) > 250
    assert [r.text[:8] for r in body if round(r.y, 3) not in baselines] == []
    # side by side: many baselines are used by several columns at once
    xs_by_y: dict = {}
    for r in body:
        xs_by_y.setdefault(round(r.y, 3), set()).add(round(r.x))
    assert sum(1 for xs in xs_by_y.values() if len(xs) >= 4) > 40
