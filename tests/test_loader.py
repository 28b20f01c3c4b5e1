"""Loading and saving issue files: the model we get, comments and key order kept on save, atomic writes."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from layout import loader
from layout.errors import PaibanError
from layout.loader import dumps_document, load_document, loads_document, save_document, split_paragraphs
from layout.model import (Article, Document, Frame, GridPlace, Header, MmPlace, Page, Photo, RuleBlock, Style,
                          TextBlock)

ROOT = Path(__file__).resolve().parent.parent
COMMENTED = ROOT / "tests" / "data" / "commented-issue.yaml"
SAMPLE = ROOT / "assets" / "samples" / "sample-issue.yaml"


@pytest.fixture
def issue(tmp_path):
    p = tmp_path / "issue.yaml"
    p.write_bytes(COMMENTED.read_bytes())
    return p


def test_load_builds_the_model(issue):
    doc = load_document(issue)
    assert doc.source == str(issue) and doc.warnings == []
    assert doc.publication.name == "港湾新区报" and doc.publication.issue == 12
    assert doc.publication.date == "2026-03-16"
    assert (doc.page.size, doc.page.width, doc.page.height) == ("四开", 275.0, 390.0)
    assert doc.page.margins == (20.0, 15.0, 18.0, 15.0) and doc.page.body_size == 9.0 and doc.page.leading == 13.5
    assert doc.colours == {"报头红": (0.0, 1.0, 1.0, 0.0)}
    body = doc.styles["正文"]
    assert (body.font, body.size, body.indent, body.punct) == ("宋体", 9.0, 2.0, "开明")
    title = doc.styles["主题"]
    assert title.size == 21.0 and title.spot == "报头红" and title.colour == (0.0, 1.0, 1.0, 0.0)
    assert title.align == "center" and title.indent == 0.0     # unset fields come from the built-in 主题
    assert [p.section for p in doc.pages] == ["要闻", "综合"]
    a1 = doc.pages[0].blocks[1]
    assert isinstance(a1, Article) and a1.place == GridPlace(1, 4, 9, 40) and a1.next == "a1-cont"
    assert a1.body == ["三月十五日上午，新区码头二期工程正式开工。工程计划两年内完工。", "据介绍，二期工程新建泊位四个。"]
    assert isinstance(doc.pages[1].blocks[0], Frame)
    assert doc.find("a1-cont")[0] == 1


def test_sample_issue_loads_and_saves_unchanged(tmp_path):
    doc = load_document(SAMPLE)
    assert len(doc.pages) >= 2 and doc.warnings == []
    assert dumps_document(doc) == SAMPLE.read_text(encoding="utf-8")


def test_unchanged_save_is_byte_identical(issue):
    before = issue.read_text(encoding="utf-8")
    save_document(load_document(issue), issue)
    assert issue.read_text(encoding="utf-8") == before


def test_edits_keep_comments_and_spellings(issue):
    doc = load_document(issue)
    a1 = doc.pages[0].blocks[1]
    a1.place = GridPlace(2, 3, 9, 40)
    a1.title = "码头二期工程开工"
    doc.styles["主题"].size = 24.0
    doc.page.leading = 14.0
    doc.publication.issue = 13
    save_document(doc, issue)
    text = issue.read_text(encoding="utf-8")
    for comment in ("# 港湾新区报 第12期", "# 报名", "# 6 栏 × 11 字, 小五 body", "# masthead red", "# 头条标题",
                    "# ── 第一版 ──", "# 头条 lead story", "# 转第二版", "# ── 第二版 ──", "# 上接第一版"):
        assert comment in text
    assert "at: {column: 2, span: 3, line: 9, lines: 40}" in text
    assert "title: 码头二期工程开工" in text
    assert "主题: {font: 黑体粗, size: 小一, colour: 报头红}" in text        # 24pt written as its 号 name
    assert "grid: {columns: 6, column_chars: 11, gutter_chars: 1, body_size: 小五, leading: 14pt}" in text
    assert "indent: 2字" in text                                               # untouched values keep their spelling
    assert "issue: 13" in text
    again = load_document(issue)
    again.source = doc.source
    assert again == doc


def test_adding_and_removing_blocks_styles_pages(issue):
    doc = load_document(issue)
    del doc.pages[0].blocks[2]                                    # the rule
    doc.pages[0].blocks.append(Photo(id="p1", place=MmPlace(20, 300, 60, 40), caption="码头夜景", wrap=True))
    doc.pages[1].blocks.insert(0, TextBlock(id="t1", place=GridPlace(4, 3, 1, 5), text=["短讯一则。"]))
    doc.styles["短评题"] = Style("短评题", font="楷体", size=18.0, indent=0.0)
    del doc.styles["正文"]
    doc.pages.append(Page(section="副刊", blocks=[Header(section="副刊")]))
    doc.colours["蓝"] = (1.0, 0.5, 0.0, 0.0)
    save_document(doc, issue)
    text = issue.read_text(encoding="utf-8")
    assert "style: double" not in text and "正文:" not in text
    for comment in ("# 头条 lead story", "# 上接第一版", "# 转第二版", "# ── 第一版 ──", "# ── 第二版 ──"):
        assert comment in text
    assert "蓝: {cmyk: [100, 50, 0, 0]}" in text
    again = load_document(issue)
    again.source = doc.source
    assert again == doc
    # a new block's keys start with type and id
    block_lines = [ln.strip() for ln in text.splitlines() if "p1" in ln or "t1" in ln]
    assert block_lines == ["id: p1", "id: t1"]
    assert "- type: photo" in text and "- type: text" in text


def test_new_document_is_dumped_fresh_and_reloads(tmp_path):
    doc = Document()
    doc.publication.name = "测试简报"
    doc.publication.date = "2026-11-26"
    doc.styles["标题"] = Style("标题", font="黑体", size=15.75, align="center", indent=0.0)
    doc.pages.append(Page(section="一版", blocks=[
        Article(id="a", place=GridPlace(1, 6, 1, 30), title="标题\n两行", body=["第一段。", "Second para, in English."],
                next="f"),
        Frame(id="f", place=GridPlace(1, 6, 31, 30)),
        RuleBlock(place=MmPlace(15, 200, 245, 1), width=1.5),
    ]))
    p = tmp_path / "new.yaml"
    save_document(doc, p)
    text = p.read_text(encoding="utf-8")
    assert text.startswith("paiban: 1\npublication:\n  name: 测试简报\n")
    assert "size: 四开" in text and "body_size: 小五" in text and "标题: {font: 黑体, size: 三号" not in text
    assert "body: |\n          第一段。\n\n          Second para, in English.\n" in text
    loaded = load_document(p)
    doc.source = loaded.source
    assert loaded == doc
    assert dumps_document(loaded) == text              # saving what was loaded changes nothing


def test_save_is_atomic_when_writing_fails(issue, monkeypatch):
    before = issue.read_bytes()
    doc = load_document(issue)
    doc.publication.name = "改名"

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(loader.os, "replace", boom)
    with pytest.raises(PaibanError) as info:
        save_document(doc, issue)
    assert str(info.value) == f"{issue}: cannot save: No space left on device"
    assert issue.read_bytes() == before
    assert sorted(p.name for p in issue.parent.iterdir()) == ["issue.yaml"]     # no temp file left


def test_save_keeps_the_file_mode_and_reports_a_missing_folder(issue, tmp_path):
    os.chmod(issue, 0o640)
    save_document(load_document(issue), issue)
    assert stat.S_IMODE(os.stat(issue).st_mode) == 0o640
    with pytest.raises(PaibanError, match="cannot save"):
        save_document(Document(), tmp_path / "no" / "such" / "dir" / "x.yaml")


def test_loads_document_with_bom_and_crlf():
    text = "\ufeffpaiban: 1\r\npublication: {name: 报}\r\npages: []\r\n"
    doc = loads_document(text, "w.yaml")
    assert doc.publication.name == "报" and doc.pages == []


def test_forms_the_format_accepts():
    doc = loads_document("""paiban: 1
page:
  size: {width: 280mm, height: 40cm}
  margins: 2em
  grid: {columns: 4, column_chars: 12, gutter_chars: 2字, body_size: 五号, leading: 1.5em}
styles:
  正文: {size: 10.5pt, leading: 1.6em, indent: 21pt, hscale: 90%, tracking: -20, colour: [0, 0, 0, 80]}
pages:
  - blocks:
      - {type: text, at: {x: 1cm, y: 20mm, w: 2em, h: 100pt}, text: [第一段, 第二段], style: 正文}
      - {type: photo, id: p, at: {column: 1, span: 2, line: 1, lines: 5}, crop: [0.1, 0, 0.9, 1], scale: 120%}
      - {type: header, section: 要闻}
""", "forms.yaml")
    ps = doc.page
    assert (ps.size, ps.width, ps.height) == ("custom", 280.0, 400.0)
    assert ps.margins == pytest.approx((10.5 * 2 * 25.4 / 72,) * 4)
    assert ps.gutter_chars == 2.0 and ps.body_size == 10.5 and ps.leading == pytest.approx(15.75)
    st = doc.styles["正文"]
    assert st.leading == pytest.approx(16.8) and st.indent == 2.0 and st.hscale == 90.0 and st.tracking == -20
    assert st.colour == (0.0, 0.0, 0.0, 0.8) and st.spot is None
    t = doc.pages[0].blocks[0]
    assert t.place == MmPlace(10.0, 20.0, pytest.approx(2 * 10.5 * 25.4 / 72), pytest.approx(100 * 25.4 / 72))
    assert t.text == ["第一段", "第二段"]
    assert doc.pages[0].blocks[1].crop == (0.1, 0.0, 0.9, 1.0) and doc.pages[0].blocks[1].scale == 120.0


def test_split_paragraphs():
    assert split_paragraphs("一行\n二行\n\n\n三段\n") == ["一行二行", "三段"]
    assert split_paragraphs("Latin words\nwrap here\n\n中文 and\nEnglish") == ["Latin words wrap here", "中文 and English"]
    assert split_paragraphs("  　缩进的段落\n") == ["缩进的段落"]
    assert split_paragraphs("") == []


def test_grid_lines_match_the_composer():
    from layout.units import grid_lines
    doc = load_document(SAMPLE)
    assert grid_lines(doc.page) == 74            # the sample's header comment: 74 body lines at 13.5 pt
    try:
        from layout.compose.grid import Grid
    except ImportError:
        pytest.skip("no composer grid yet")
    assert Grid.from_setup(doc.page).lines == grid_lines(doc.page)


def test_the_complete_example_in_the_format_doc_loads(tmp_path):
    doc_md = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    example = doc_md.split("## Complete example", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    p = tmp_path / "example.yaml"
    p.write_text(example, encoding="utf-8")
    doc = load_document(p)
    assert [str(w).split(": ", 2)[1:] for w in doc.warnings] == [
        ["pages[0].blocks[6].image", f"image file not found: images/harbour.jpg (looked for {tmp_path}/images/harbour.jpg)"]]
    kinds = {b.kind for _, b in doc.blocks()}
    assert kinds == {"article", "frame", "photo", "masthead", "header", "qr", "rule", "box", "text"}
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "harbour.jpg").write_bytes(b"\xff\xd8\xff")
    assert load_document(p).warnings == []
    assert dumps_document(doc) == example


def test_every_key_of_the_format_is_documented():
    doc_md = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    keys = set(loader.PUBLICATION) | set(loader.GRID) | set(loader.PAGE_SETUP) | set(loader.STYLE) | set(loader.PAGE)
    keys |= set(loader.TOP_KEYS) | set(loader.PAGE_KEYS) | {k for s in loader.BLOCK_SPECS.values() for k in s}
    missing = sorted(k for k in keys if f"`{k}`" not in doc_md)
    assert missing == []


def test_replacing_objects_keeps_their_comments(issue):
    from layout.model import Publication
    doc = load_document(issue)
    doc.publication = Publication(name="港湾新区报", issue=14, date="2026-03-30", price="内部资料 免费交流")
    doc.styles["主题"] = Style("主题", font="黑体粗", size=21.0, align="center", indent=0.0, palt=True,
                             colour=(0.0, 1.0, 1.0, 0.0), spot="报头红")
    save_document(doc, issue)
    text = issue.read_text(encoding="utf-8")
    assert "name: 港湾新区报      # 报名" in text and "issue: 14" in text and "date: 2026-03-30" in text
    assert "# 头条标题" in text
    again = load_document(issue)
    again.source = doc.source
    assert again == doc


def test_a_bad_colour_is_reported_once():
    text = """paiban: 1
colours: {报头红: {cmyk: [0, 100, 100, 400]}}
styles:
  主题: {colour: 报头红}
"""
    with pytest.raises(PaibanError) as info:
        loads_document(text, "c.yaml")
    assert [str(d) for d in info.value.diagnostics] == [
        "c.yaml:2:37: colours.报头红.cmyk[3]: K = 400 is out of range (CMYK is in percent, 0 to 100)"]


def test_missing_image_is_a_preflight_error(tmp_path):
    """The other half of the contract: loading warns, preflight refuses (exit 1, image_missing)."""
    import importlib.util
    if importlib.util.find_spec("layout.preflight") is None:
        pytest.skip("no preflight yet")
    import io
    from contextlib import redirect_stderr, redirect_stdout
    from layout import cli
    src = ROOT / "tests" / "broken" / "missing-image.yaml"
    assert len(load_document(src).warnings) == 3
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        rc = cli.main(["preflight", str(src)])
    assert rc == 1, err.getvalue()
    assert "not-there.jpg" in out.getvalue() + err.getvalue()


def test_check_document_after_edits_in_memory(issue):
    from layout.loader import check_document
    doc = load_document(issue)
    assert check_document(doc) == []
    doc.pages[0].blocks[1].place = GridPlace(4, 4, 9, 40)          # what a bad drag in the window could do
    doc.pages[1].blocks[0].id = "a1-continued"                      # the chain now points nowhere
    got = [(d.field, d.message) for d in check_document(doc)]
    assert got == [("pages[0].blocks[1].at.span", "columns 4–7 run past a 6-column grid (at most span 3 from column 4)"),
                   ("pages[0].blocks[1].next", "no frame with id 'a1-cont' (did you mean 'a1-continued'?)"),
                   ("pages[1].blocks[0]", "frame 'a1-continued' receives no text: no block's next: names it")]
    assert issue.read_text(encoding="utf-8") == COMMENTED.read_text(encoding="utf-8")   # nothing written


def test_the_unplaced_pool_is_kept(issue):
    doc = load_document(issue)
    story = Article(id="s1", title="来稿一篇", body=["读者来稿的正文。"])
    doc.unplaced.append(story)
    doc.unplaced.append(doc.pages[0].blocks.pop(2))          # the rule, taken off the page with its place
    save_document(doc, issue)
    text = issue.read_text(encoding="utf-8")
    assert text.endswith("unplaced:\n  - type: article\n    id: s1\n    title: 来稿一篇\n    body: |\n      读者来稿的正文。\n"
                         "  - {type: rule, at: {column: 1, span: 6, line: 49, lines: 1}, style: double}\n")
    again = load_document(issue)
    again.source = doc.source
    assert again == doc and again.unplaced[0].place == GridPlace()


def test_ids_and_chains_span_pages_and_pool():
    text = """paiban: 1
pages:
  - blocks:
      - {type: article, id: a1, at: {column: 1, span: 2, line: 1, lines: 10}, next: f1}
unplaced:
  - {type: frame, id: f1}
  - {type: photo, id: a1}
"""
    with pytest.raises(PaibanError) as info:
        loads_document(text, "u.yaml")
    assert [str(d) for d in info.value.diagnostics] == ["u.yaml:7:23: unplaced[1].id: duplicate id 'a1' (first used on line 4)"]
    doc = loads_document(text.replace("id: a1}", "id: p1}"), "u.yaml")
    assert [b.id for b in doc.unplaced] == ["f1", "p1"] and doc.warnings == []


def test_save_as_elsewhere_keeps_images_found(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b" / "deeper"
    (a / "images").mkdir(parents=True)
    b.mkdir(parents=True)
    (a / "images" / "harbour.jpg").write_bytes(b"\xff\xd8\xff")
    src = a / "issue.yaml"
    src.write_text("""paiban: 1
pages:
  - blocks:
      - {type: photo, id: p1, at: {column: 1, span: 2, line: 1, lines: 10}, image: images/harbour.jpg}
      - {type: photo, id: p2, at: {column: 3, span: 2, line: 1, lines: 10}, image: /nonexistent/abs.jpg}
""", encoding="utf-8")
    doc = load_document(src)
    assert len(doc.warnings) == 1
    save_document(doc, b / "copy.yaml")
    assert doc.source == str(b / "copy.yaml")
    copy = load_document(b / "copy.yaml")
    assert copy.pages[0].blocks[0].image == "../../a/images/harbour.jpg"
    assert copy.pages[0].blocks[1].image == "/nonexistent/abs.jpg"
    assert len(copy.warnings) == 1                   # only the absolute path that never existed
    save_document(copy, b / "copy.yaml")             # same folder: nothing rewritten
    assert load_document(b / "copy.yaml").pages[0].blocks[0].image == "../../a/images/harbour.jpg"


def test_windows_line_ends_are_kept(tmp_path):
    p = tmp_path / "w.yaml"
    p.write_bytes(COMMENTED.read_bytes().replace(b"\n", b"\r\n"))
    doc = load_document(p)
    doc.publication.issue = 13
    save_document(doc, p)
    data = p.read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n") == COMMENTED.read_bytes().count(b"\n")
    assert b"issue: 13\r\n" in data


def test_styles_can_share_fields_with_a_yaml_merge_key():
    text = """paiban: 1
styles:
  标题基础: &title {font: 黑体粗, align: center, indent: 0, palt: true}
  头条主题: {<<: *title, size: 小一}
  二栏主题: {<<: *title, size: 小二}
"""
    doc = loads_document(text, "m.yaml")
    a, b = doc.styles["头条主题"], doc.styles["二栏主题"]
    assert (a.font, a.align, a.indent, a.palt, a.size) == ("黑体粗", "center", 0.0, True, 24.0)
    assert (b.font, b.size) == ("黑体粗", 18.0)
    b.size = 21.0
    out = dumps_document(doc)
    assert "头条主题: {<<: *title, size: 小一}" in out and "二栏主题: {<<: *title, size: 二号}" in out


def test_saving_through_a_symlink_keeps_the_link(issue, tmp_path):
    link = tmp_path / "link.yaml"
    link.symlink_to(issue)
    doc = load_document(link)
    doc.publication.issue = 99
    save_document(doc, link)
    assert link.is_symlink() and load_document(issue).publication.issue == 99
