"""Page composition: baselines on the grid, threading with jump lines, wrap, bylines, balance, overset."""
import time
from dataclasses import replace

import pytest

from layout import tree
from layout.compose import Composer, compose_document, compose_page
from layout.compose.flow import Para, Slot, flow, mark_columns
from layout.compose.grid import Grid
from layout.compose.lines import ParaCache
from layout.model import (Article, BoxBlock, Document, Frame, GridPlace, Header, Masthead, Page, PageSetup,
                          Photo, Publication, QR, RuleBlock, TextBlock, DEFAULT_STYLES)

SETUP = dict(columns=6, column_chars=11, gutter_chars=1, body_size=9.0, leading=13.5, width=275, height=390,
             margins=(20, 24.7, 17, 24.7))

# Body copy written for these tests (not from any paper).
SENTENCES = [
    "清晨的码头上，第一班渡轮鸣笛靠岸，早起的人们提着菜篮走下跳板。",
    "社区服务中心今年新开了老年食堂，每天中午供应两荤两素，价格比外面便宜三成。",
    "街道组织志愿者走访独居老人，为他们检查燃气灶具、更换烟雾报警器的电池。",
    "新修的滨江步道全长四点六公里，沿途种了樱花、紫薇和桂花，四季都有景可看。",
    "学校的科技小组用旧零件拼出一台会分拣垃圾的小车，在区里的比赛中拿了一等奖。",
    "夜市从晚上六点开到十一点，摊主们说，周末的营业额比去年同期多了两成。",
    "图书馆延长了开放时间，每周二和周四晚上可以借书到九点。",
    "农技员在田头讲解春耕要点，提醒大家注意天气变化，适时播种。",
]


def body_text(n_chars: int, paras: int = 4) -> list[str]:
    out, k = [], 0
    per = max(1, n_chars // paras)
    for _ in range(paras):
        p = ""
        while len(p) < per:
            p += SENTENCES[k % len(SENTENCES)]
            k += 1
        out.append(p)
    return out


def make_doc(pages, **setup) -> Document:
    ps = PageSetup(**{**SETUP, **setup})
    return Document(publication=Publication(name="港湾新区报", issue=12, total_issue=356, date="2026-03-16",
                                            publisher="港湾新区工作委员会", price="内部资料 免费交流"),
                    page=ps, pages=pages)


def runs(page, size=None):
    return [it for it in page.items if isinstance(it, tree.GlyphRun) and (size is None or it.size == size)]


def text_lines(page, rect=None, size=9.0):
    """[(x0, y, x1, text)] of the lines inside ``rect`` (x0, y0, x1, y1), in column reading order."""
    groups = {}
    for r in runs(page, size):
        if r.glyphs and not any(g.rotate or g.dy for g in r.glyphs):
            groups.setdefault((round(r.x, 1), round(r.y, 2)), [r.x, r.y, []])[2].extend(
                (r.x + g.x, r.x + g.x + g.w, g.ch) for g in r.glyphs)
    out = []
    for x, y, gl in groups.values():
        gl.sort()
        x0, x1 = gl[0][0], gl[-1][1]
        if rect and not (rect[0] - 0.5 <= x0 and x1 <= rect[2] + 0.5 and rect[1] - 0.5 <= y <= rect[3] + 12):
            continue
        out.append((x, y, x1, "".join(c for _, _, c in gl)))
    out.sort(key=lambda t: (round(t[0]), t[1]))
    return out


def rect_of(doc, place):
    x, y, w, h = Grid.from_setup(doc.page).rect(place)
    return (x, y, x + w, y + h)


def box(ld_page, block_id):
    return next(b for b in ld_page.blocks if b.block_id == block_id)


# -- baselines ----------------------------------------------------------------------------------------
def test_body_baselines_align_across_every_column_of_a_page(tmp_path):
    from PIL import Image
    img = tmp_path / "p.png"
    Image.new("RGB", (400, 300), (90, 120, 160)).save(img)
    doc = make_doc([Page(section="要闻", blocks=[
        Article(id="a", place=GridPlace(1, 3, 1, 30), kicker="一季度重点项目集中开工", title="港湾新区按下发展快进键",
                subtitle="预计年内新增就业岗位四千六百个", byline="记者 王明", byline_position="lead",
                body=body_text(1400)),
        Article(id="b", place=GridPlace(4, 3, 1, 22), title="滨江步道全线贯通", headline_lines=3,
                body=body_text(700, 3), byline="李华", byline_position="end"),
        Photo(id="p", place=GridPlace(4, 3, 23, 12), image=str(img), caption="傍晚的滨江步道上散步的市民",
              credit="李华 摄"),
        Article(id="c", place=GridPlace(1, 3, 31, 25), title="老年食堂开张", body_columns=2, body=body_text(900, 3),
                box="花边1"),
        Article(id="d", place=GridPlace(4, 3, 35, 40), kicker="社区", title="夜市人气旺", subtitle="营业额同比增两成",
                body=body_text(1200, 5), byline="记者 赵晴", byline_position="head"),
    ])])
    ld = compose_document(doc)
    page = ld.pages[0]
    grid = Grid.from_setup(doc.page)
    baselines = grid.baselines()
    on_grid = {round(b, 3) for b in baselines}
    body = runs(page, 9.0)
    assert len(body) > 200
    # every body-size line is on the grid; only the byline set under the headline belongs to the headline
    off = [(r.text[:10], r.y) for r in body if round(r.y, 3) not in on_grid and r.text != "记者赵晴"]
    assert off == []
    # the same baseline is used by lines in different articles' columns (side by side)
    ys_a = {round(y, 3) for x, y, _, _ in text_lines(page, rect_of(doc, GridPlace(1, 3, 1, 30)))}
    ys_b = {round(y, 3) for x, y, _, _ in text_lines(page, rect_of(doc, GridPlace(4, 3, 1, 22)))}
    assert len(ys_a & ys_b) > 10
    # 破栏 columns inside the boxed article also sit on the page baselines
    c_lines = text_lines(page, rect_of(doc, GridPlace(1, 3, 31, 25)))
    assert len({round(x) for x, *_ in c_lines}) == 2
    assert all(round(y, 3) in on_grid for _, y, _, _ in c_lines)
    assert page.baselines == pytest.approx(baselines)


# -- threading ----------------------------------------------------------------------------------------
def threaded_doc(chars=1800):
    return make_doc([
        Page(section="要闻", blocks=[
            Article(id="a", place=GridPlace(1, 2, 1, 30), title="三个框的长文章", body=body_text(chars, 8),
                    byline="记者 王明", next="f1"),
            Frame(id="f1", place=GridPlace(3, 2, 1, 30), next="f2"),
        ]),
        Page(section="经济", blocks=[Frame(id="f2", place=GridPlace(1, 2, 10, 40))]),
    ])


def test_threading_across_three_frames_on_two_pages_with_jump_lines():
    doc = threaded_doc()
    ld = compose_document(doc)
    p1, p2 = ld.pages
    a_lines = text_lines(p1, rect_of(doc, GridPlace(1, 2, 1, 30)))
    f1_lines = text_lines(p1, rect_of(doc, GridPlace(3, 2, 1, 30)))
    f2_lines = text_lines(p2, rect_of(doc, GridPlace(1, 2, 10, 40)))
    assert a_lines and f1_lines and f2_lines
    # same page: no jump line between the article and f1
    assert not any("转第" in t or "接第" in t for *_, t in a_lines)
    # f1 continues on page 2: its last line is the jump line, right-aligned in its column
    x, y, x1, t = f1_lines[-1]
    assert t == "（下转第2版）"
    grid = Grid.from_setup(doc.page)
    assert x1 == pytest.approx(grid.column_x(4) + grid.column_width, abs=0.6)
    assert f2_lines[0][3] == "（上接第1版）"
    assert sum("转第" in t or "接第" in t for *_, t in f1_lines + f2_lines) == 2
    # the text reads on without loss or repetition through the three frames
    got = "".join(t for *_, t in a_lines + f1_lines + f2_lines if "转第" not in t and "接第" not in t)
    assert got == "".join(body_text(1800, 8)) + "记者王明"
    assert box(p1, "a").overset_chars == 0
    assert box(p2, "f2").empty_lines > 0


def test_jump_lines_follow_page_numbers_when_pages_move():
    doc = threaded_doc()
    doc.pages[1].number = 5
    ld = compose_document(doc)
    f1 = text_lines(ld.pages[0], rect_of(doc, GridPlace(3, 2, 1, 30)))
    assert f1[-1][3] == "（下转第5版）"
    # move the continuation page in front: the article's page is now 第2版
    doc2 = threaded_doc()
    doc2.pages.reverse()
    ld2 = compose_document(doc2)
    f2 = text_lines(ld2.pages[0], rect_of(doc2, GridPlace(1, 2, 10, 40)))
    assert f2[0][3] == "（上接第2版）"
    f1b = text_lines(ld2.pages[1], rect_of(doc2, GridPlace(3, 2, 1, 30)))
    assert f1b[-1][3] == "（下转第1版）"


def test_resume_points_and_overset_after_the_last_frame():
    doc = threaded_doc(9000)
    c = Composer()
    ld = compose_document(doc, c)
    a = box(ld.pages[0], "a")
    assert a.overset_chars > 0
    res = c.block(doc, doc.pages[0].blocks[0], 0, c._contexts(doc))
    assert len(res.resume) == 3
    assert len(res.lines) == 3 and all(n > 20 for n in res.lines)
    r0, r1, r2 = res.resume
    assert (r0.paragraph, r0.line) < (r1.paragraph, r1.line) < (r2.paragraph, r2.line)
    assert res.resume_end == r2 and r2.paragraph < 9     # a resume point left after the last frame = overset
    paras = body_text(9000, 8)
    if r2.line:                                          # the engine's position continues the paragraph
        assert 0 < r2.position < len(paras[r2.paragraph])
    # shrinking the last frame leaves more characters over
    doc.pages[1].blocks[0].place = GridPlace(1, 2, 10, 20)
    a2 = box(compose_document(doc, c).pages[0], "a")
    assert a2.overset_chars > a.overset_chars
    doc.pages[1].blocks[0].place = GridPlace(1, 1, 10, 20)
    a3 = box(compose_document(doc, c).pages[0], "a")
    assert a3.overset_chars > a2.overset_chars


def test_overset_count_grows_as_a_block_shrinks():
    text = body_text(700, 4)
    counts = []
    for lines in (40, 30, 20, 10):
        doc = make_doc([Page(blocks=[Article(id="a", place=GridPlace(1, 2, 1, lines), title="标题", body=text)])])
        counts.append(box(compose_document(doc).pages[0], "a").overset_chars)
    assert counts[0] == 0
    assert counts[1] < counts[2] < counts[3]
    tb = []
    for lines in (20, 10, 5):
        doc = make_doc([Page(blocks=[TextBlock(id="t", place=GridPlace(1, 1, 1, lines), text=text[:2])])])
        tb.append(box(compose_document(doc).pages[0], "t").overset_chars)
    assert tb[0] < tb[1] < tb[2]


# -- wrap -----------------------------------------------------------------------------------------------
def test_wrap_around_a_photo_in_mid_column_uses_both_sides_on_the_grid(tmp_path):
    from PIL import Image
    img = tmp_path / "p.jpg"
    Image.new("RGB", (300, 300), (120, 80, 60)).save(img)
    photo = Photo(id="p", place=GridPlace(2, 1, 10, 9), image=str(img), wrap=True, standoff=1.5)
    doc = make_doc([Page(blocks=[
        Article(id="a", place=GridPlace(1, 3, 1, 40), body_columns=1, body=body_text(2200, 5)),
        photo,
    ])])
    page = compose_document(doc).pages[0]
    grid = Grid.from_setup(doc.page)
    px0, py0, px1, py1 = rect_of(doc, photo.place)
    so = 1.5 * 72 / 25.4
    lines = text_lines(page, rect_of(doc, GridPlace(1, 3, 1, 40)))
    on_grid = {round(b, 3) for b in grid.baselines()}
    assert all(round(y, 3) in on_grid for _, y, _, _ in lines)
    beside = {}
    for x0, y, x1, t in lines:
        if py0 - so < y - 0.88 * 9 + 9 and y - 0.88 * 9 < py1 + so:
            beside.setdefault(round(y, 3), []).append((x0, x1, t))
            assert x1 <= px0 - so + 0.01 or x0 >= px1 + so - 0.01      # no line crosses the photo
    assert len(beside) >= 9
    for y, parts in beside.items():
        assert len(parts) == 2                                          # left of the photo and right of it
        (l0, l1, lt), (r0, r1, rt) = sorted(parts)
        assert l0 == pytest.approx(grid.column_x(1), abs=0.01)
        assert r1 == pytest.approx(grid.column_x(3) + grid.column_width, abs=0.6)
    # reading order: a left part is followed by the right part on the same baseline
    text = "".join(t for *_, t in sorted(lines, key=lambda t: (t[1], t[0])))
    assert text.startswith(body_text(2200, 5)[0][:20])


def test_wrap_skips_a_side_narrower_than_four_characters(tmp_path):
    from layout.model import MmPlace
    doc0 = make_doc([])
    grid = Grid.from_setup(doc0.page)
    mm = 25.4 / 72
    # a photo 2 characters from the column's left edge and reaching far right
    x = grid.column_x(1) + 2 * 9.0
    photo = Photo(id="p", place=MmPlace(x * mm, grid.line_top(5) * mm, 12 * 9.0 * mm, 6 * 13.5 * mm),
                  image=str(tmp_path / "none.jpg"), wrap=True, standoff=0)
    doc = make_doc([Page(blocks=[Article(id="a", place=GridPlace(1, 2, 1, 30), body_columns=1,
                                         body=body_text(1500, 4)), photo])])
    page = compose_document(doc).pages[0]
    lines = text_lines(page, rect_of(doc, GridPlace(1, 2, 1, 30)))
    y0, y1 = grid.line_top(5), grid.line_top(5) + 6 * 13.5
    beside = [(x0, x1) for x0, y, x1, t in lines if y0 <= y - 0.88 * 9 < y1]
    assert beside and all(x0 >= x + 12 * 9.0 - 0.01 for x0, x1 in beside)     # only the right side


# -- widows, orphans, balance ------------------------------------------------------------------------
def test_no_first_line_alone_at_a_column_foot_and_no_last_line_alone_at_a_head():
    cache = ParaCache()
    style = DEFAULT_STYLES["正文"]
    checked = 0
    for rows in (4, 5, 6, 7):
        for shift in range(5):
            paras = [Para(SENTENCES[(i + shift) % 8] * (1 + (i + shift) % 3), style) for i in range(6)]
            slots = [Slot(c * 120.0, 99.0, 20 + r * 13.5, r + 1, c, 0) for c in range(4) for r in range(rows)]
            mark_columns(slots)
            res = flow(paras, slots, cache)
            by_para = {}
            for p in res.placed:
                by_para.setdefault(p.para, []).append(p)
            for pi, pl in by_para.items():
                n = len(pl)
                complete = pi < res.resume.paragraph
                if n < 2 or not complete:
                    continue
                first, last = slots[pl[0].slot], slots[pl[-1].slot]
                assert not (first.bottom and slots[pl[1].slot].col != first.col), (rows, shift, pi)
                assert not (last.top and slots[pl[-2].slot].col != last.col), (rows, shift, pi)
                checked += 1
    assert checked > 40


def test_columns_are_balanced_when_the_text_ends_early():
    doc = make_doc([Page(blocks=[Article(id="a", place=GridPlace(1, 3, 1, 60), title="短消息",
                                         body=body_text(500, 2))])])
    page = compose_document(doc).pages[0]
    lines = text_lines(page, rect_of(doc, GridPlace(1, 3, 1, 60)))
    per_col = {}
    for x, *_ in lines:
        per_col[round(x)] = per_col.get(round(x), 0) + 1
    counts = [per_col[k] for k in sorted(per_col)]
    assert len(counts) == 3
    assert max(counts) - min(counts) <= 2 and counts[0] >= counts[-1]
    assert box(page, "a").empty_lines > 0


# -- bylines ------------------------------------------------------------------------------------------
def test_byline_end_lead_and_head():
    base = dict(place=GridPlace(1, 2, 1, 40), title="标题在这里", body=body_text(600, 2))
    doc = make_doc([Page(blocks=[Article(id="e", byline="许田", byline_position="end", **base)])])
    page = compose_document(doc).pages[0]
    last = text_lines(page)[-1]
    assert last[3] == "许田"
    grid = Grid.from_setup(doc.page)
    assert any(abs(x1 - (grid.column_x(c) + grid.column_width)) < 0.6 for c in (1, 2) for x1 in [last[2]])

    doc = make_doc([Page(blocks=[Article(id="l", byline="记者 王明", byline_position="lead", **base)])])
    page = compose_document(doc).pages[0]
    first = text_lines(page)[0]
    assert first[3].startswith("本报讯（记者王明）" if " " not in first[3] else "本报讯（记者 王明）")
    head = [r for r in runs(page, 9.0) if r.y == min(rr.y for rr in runs(page, 9.0))]
    bold = "".join(r.text for r in head if r.face.startswith("hei"))
    assert bold.replace(" ", "") == "本报讯（记者王明）"

    doc = make_doc([Page(blocks=[Article(id="h", byline="记者 王明", byline_position="head", **base)])])
    page = compose_document(doc).pages[0]
    by = [r for r in page.items if isinstance(r, tree.GlyphRun) and r.text == "记者王明"]
    title = [r for r in page.items if isinstance(r, tree.GlyphRun) and r.size == 21.0]
    body_y = min(y for _, y, _, t in text_lines(page) if t != "记者王明")
    assert by and title and title[0].y < by[0].y < body_y


# -- photos ------------------------------------------------------------------------------------------------
def test_photo_fill_fit_manual_missing_and_caption(tmp_path):
    from PIL import Image
    img = tmp_path / "wide.png"
    Image.new("RGB", (400, 300), (10, 200, 30)).save(img, dpi=(72, 72))
    grid = Grid.from_setup(PageSetup(**SETUP))
    # a square frame: 2 columns wide (207 pt), lines so that the picture is about square
    place = GridPlace(1, 2, 1, 18)
    pages = [Page(blocks=[
        Photo(id="fill", place=place, image=str(img), fit="fill"),
        Photo(id="fit", place=GridPlace(3, 2, 1, 18), image=str(img), fit="fit"),
        Photo(id="man", place=GridPlace(5, 2, 1, 18), image=str(img), fit="manual", scale=25),
        Photo(id="gone", place=GridPlace(1, 2, 20, 10), image=str(tmp_path / "nope.jpg")),
        Photo(id="cap", place=GridPlace(3, 2, 20, 14), image=str(img), caption="傍晚的滨江步道上，散步的市民络绎不绝",
              credit="倪雯 摄"),
    ])]
    doc = make_doc(pages)
    page = compose_document(doc).pages[0]
    ims = [it for it in page.items if isinstance(it, tree.Image)]
    fill, fit, man, gone, cap = ims
    x, y, w, h = grid.rect(place)
    assert (fill.w, fill.h) == (pytest.approx(w), pytest.approx(h))
    shown = (fill.crop[2] - fill.crop[0]) * 400 / ((fill.crop[3] - fill.crop[1]) * 300)
    assert shown == pytest.approx(w / h, rel=1e-6)                       # cropped to the frame's shape
    assert (fill.crop[0] + fill.crop[2]) / 2 == pytest.approx(0.5)      # centred
    assert fit.crop == (0, 0, 1, 1) and fit.w / fit.h == pytest.approx(4 / 3)
    assert fit.w == pytest.approx(w) and fit.y > y                      # letterboxed
    assert (man.w, man.h) == (pytest.approx(100.0, rel=1e-3), pytest.approx(75.0, rel=1e-3))
    assert gone.missing and any("not found" in n for n in box(page, "gone").notes)
    caption = text_lines(page, rect_of(doc, GridPlace(3, 2, 20, 14)))
    assert "".join(t for *_, t in caption).endswith("倪雯摄") or caption[-1][3].endswith("倪雯 摄")
    on_grid = {round(b, 3) for b in grid.baselines()}
    assert all(round(yy, 3) in on_grid for _, yy, _, _ in caption)
    assert cap.y + cap.h < caption[0][1] - 9


# -- vertical ------------------------------------------------------------------------------------------------
def test_vertical_text_goes_down_columns_right_to_left_with_vertical_forms():
    from layout.compose.vertical import set_vertical, tokens
    doc = make_doc([])
    st = replace(DEFAULT_STYLES["主题"], size=20.0, tracking=0)
    items, used = set_vertical("春风又绿江南岸，明月何时照我还（2026年第100期）APEC", doc, st, 500.0, 100.0, 300.0,
                               tree.BLACK)
    glyphs = [(r, g) for r in items for g in r.glyphs]
    chars = [g.ch for r, g in glyphs]
    assert "\ufe10" in chars and "，" not in chars              # ， → ︐
    assert "\ufe35" in chars and "\ufe36" in chars              # （ ） → ︵ ︶
    xs = sorted({round(r.x, 2) for r, g in glyphs})
    assert len(xs) >= 2                                         # more than one column
    first_col = [(r, g) for r, g in glyphs if round(r.x, 2) == xs[-1]]
    assert any(g.ch == "春" for r, g in first_col)             # starts in the rightmost column
    han = [(g.dy, g.ch) for r, g in first_col if g.ch in "春风又绿江南岸"]
    assert [c for _, c in sorted(han)] == list("春风又绿江南岸")   # going down
    assert all(b - a == pytest.approx(20.0) for (a, _), (b, _) in zip(sorted(han), sorted(han)[1:]))
    rotated = [g for r, g in glyphs if g.rotate == 90]
    assert "".join(g.ch for g in rotated).startswith("2026") and "APEC" in "".join(g.ch for g in rotated)
    tcy = [r for r in items if r.text == "100"]
    assert tcy and tcy[0].hscale < 100 and len({g.dy for g in tcy[0].glyphs}) == 1   # 纵中横, one cell
    assert sum(g.w for g in tcy[0].glyphs) <= 20.0
    assert ("tcy", "16") in tokens("3月16日")


def test_vertical_title_article_sets_the_headline_in_a_right_hand_strip():
    doc = make_doc([Page(blocks=[Article(id="v", place=GridPlace(1, 3, 1, 30), title="春风又绿江南岸",
                                         vertical_title=True, body=body_text(800, 3))])])
    page = compose_document(doc).pages[0]
    grid = Grid.from_setup(doc.page)
    title = [r for r in runs(page) if r.size == 21.0]
    assert title and all(r.x >= grid.column_x(3) - 0.01 for r in title)
    dys = sorted(g.dy for r in title for g in r.glyphs)
    assert dys[-1] - dys[0] >= 6 * 21.0 - 0.01
    body = text_lines(page)
    assert body and all(x1 <= grid.column_x(3) - grid.gutter + 0.6 for _, _, x1, _ in body)


def test_tinted_article_keeps_its_text_inside_the_tint():
    """A 底纹 without a box pads like a box: text one character in from the tint's edges, first and last
    body lines empty (the vertical title strip too), instead of running flush to the tint's edge."""
    tint = (0.0, 0.0, 0.12, 0.0)
    for vertical in (False, True):
        doc = make_doc([Page(blocks=[Article(id="t", place=GridPlace(2, 3, 5, 20), title="家门口有了24小时书房",
                                             vertical_title=vertical, tint=tint, body=body_text(300, 3))])])
        page = compose_document(doc).pages[0]
        grid = Grid.from_setup(doc.page)
        x0, y0, x1, y1 = rect_of(doc, GridPlace(2, 3, 5, 20))
        fill = [it for it in page.items if isinstance(it, tree.Rect) and it.fill == tint]
        assert len(fill) == 1 and (fill[0].x, fill[0].w) == pytest.approx((x0, x1 - x0))
        glyphs = [(r.x + g.x, r.x + g.x + g.w, r.y + g.dy) for r in runs(page) for g in r.glyphs]
        assert glyphs
        assert min(a for a, _, _ in glyphs) >= x0 + 9.0 - 0.01 and max(b for _, b, _ in glyphs) <= x1 - 9.0 + 0.01
        body = text_lines(page)
        assert body and min(y for _, y, _, _ in body) >= grid.baseline(6) - 0.01       # line 5 left empty
        assert max(y for _, y, _, _ in body) <= grid.baseline(23) + 0.01                # and line 24
        assert box(page, "t").overset_chars == 0


# -- furniture ---------------------------------------------------------------------------------------------
def test_masthead_header_qr_rules_and_boxes():
    from layout.compose.furniture import qr_matrix, weekday
    assert weekday("2026-03-16") == "星期一" and weekday("2020-03-12") == "星期四"
    doc = make_doc([
        Page(section="要闻", blocks=[
            Masthead(id="m", place=GridPlace(1, 4, 1, 10)),
            QR(id="q", place=GridPlace(5, 1, 1, 10), data="https://example.org/wx", label="官方微信"),
            RuleBlock(id="r", place=GridPlace(1, 6, 11, 1), style="thick-thin"),
            BoxBlock(id="b", place=GridPlace(1, 3, 12, 10), style="花边2", tint=(0, 0, 0.1, 0)),
        ]),
        Page(section="经济", editor="陈思远", blocks=[Header(id="h")]),
    ])
    ld = compose_document(doc)
    p1, p2 = ld.pages
    red = [r for r in runs(p1) if r.colour == (0.0, 1.0, 1.0, 0.0)]
    assert "".join(r.text for r in red) == "港湾新区报" and red[0].size > 40
    texts = ["".join(r.text for r in runs(p1) if r.y == y) for y in sorted({r.y for r in runs(p1)})]
    assert "第12期（总第356期）" in texts
    assert any("2026年3月16日" in t and "星期一" in t for t in texts)
    assert any(t == "官方微信" for t in texts)
    paths = [it for it in p1.items if isinstance(it, tree.Path)]
    m = qr_matrix("https://example.org/wx")
    dark_runs = sum(1 for row in m for i, v in enumerate(row) if v and (i == 0 or not row[i - 1]))
    assert any(len(p.subpaths) == dark_runs for p in paths)
    assert any(len(p.subpaths) > 50 and len(p.subpaths[0]) == 4 and p.fill for p in paths)   # 花边2 diamonds
    thick = [it for it in p1.items if isinstance(it, tree.Rule) and it.width >= 2.5]
    assert len(thick) >= 2                                    # masthead and rule block thick-thin
    assert any(isinstance(it, tree.Rect) and it.fill == (0, 0, 0.1, 0) for it in p1.items)
    head = "".join(r.text for r in runs(p2))
    assert "第2版" in head and "经济" in head and "陈思远" in head
    grid = Grid.from_setup(doc.page)
    assert all(r.y < grid.y0 for r in runs(p2))
    assert any(isinstance(it, tree.Rule) and it.y0 == it.y1 and it.y0 < grid.y0 for it in p2.items)


def test_column_rules_stay_out_of_spanning_headlines():
    doc = make_doc([Page(blocks=[
        Article(id="a", place=GridPlace(1, 4, 1, 40), title="横跨四栏的大标题", body=body_text(2500, 6)),
        Article(id="b", place=GridPlace(5, 2, 1, 40), title="右边", body=body_text(1200, 3)),
    ])], column_rules=True)
    page = compose_document(doc).pages[0]
    grid = Grid.from_setup(doc.page)
    vr = [it for it in page.items if isinstance(it, tree.Rule) and it.x0 == it.x1]
    assert len(vr) >= 5
    heads = [(b.y, r.y) for b in [box(page, "a")] for r in runs(page) if r.size == 21.0 and r.x < grid.column_x(5)]
    head_bottom = max(y for _, y in heads) + 5
    for r in vr:
        if grid.column_x(1) < r.x0 < grid.column_x(4) + grid.column_width:
            assert r.y0 > head_bottom                       # not through a's spanning headline
    # the rule between the two articles sits in the middle of the gutter
    mid = grid.column_x(5) - grid.gutter / 2
    assert any(abs(r.x0 - mid) < 0.01 for r in vr)


# -- incremental and performance ---------------------------------------------------------------------
def test_compose_page_matches_compose_document_and_cache_reuses_blocks():
    doc = threaded_doc()
    c = Composer()
    full = compose_document(doc, c)
    single = compose_page(doc, 1, c)
    assert [r.text for r in runs(single)] == [r.text for r in runs(full.pages[1])]
    before = c.block_misses
    compose_document(doc, c)
    assert c.block_misses == before


@pytest.mark.parametrize("n", [1500])
def test_relayout_after_a_one_character_edit_is_cheap(n):
    body = body_text(n, 6)
    art = Article(id="a", place=GridPlace(1, 4, 1, 70), title="编辑中的文章", body=list(body))
    doc = make_doc([Page(blocks=[art, Article(id="b", place=GridPlace(5, 2, 1, 70), title="旁边",
                                              body=body_text(1500, 5))])])
    c = Composer()
    compose_document(doc, c)
    misses = c.paras.misses
    for k, ch in enumerate("甲乙丙丁戊己"):                   # a new character each time: no block cache hit
        art.body = list(body)
        art.body[2] = body[2][:10] + ch + body[2][11:]
        ld = compose_document(doc, c)
        assert ch in "".join(r.text for r in runs(ld.pages[0]))
    assert c.paras.misses - misses <= 6 * 3                 # only the edited paragraph is recomposed
    # (its speed is measured in bench/, workload d-edit)


def test_four_page_sample_issue_composes_and_recomposes_from_the_cache():
    import os
    from layout.loader import load_document
    path = os.path.join(os.path.dirname(__file__), "..", "assets", "samples", "sample-issue.yaml")
    doc = load_document(path)
    ld = compose_document(doc)                               # a new Composer: no block or paragraph cache
    assert len(ld.pages) == 4
    c = Composer()
    compose_document(doc, c)
    misses = c.block_misses
    again = compose_document(doc, c)                         # nothing changed: every block from the cache
    assert c.block_misses == misses and c.block_hits >= sum(len(p.blocks) for p in doc.pages)
    assert [len(p.items) for p in again.pages] == [len(p.items) for p in ld.pages]
    assert all(b.overset_chars == 0 for p in ld.pages for b in p.blocks), \
        [(b.block_id, b.overset_chars) for p in ld.pages for b in p.blocks if b.overset_chars]


# -- headline geometry, missing glyphs, odd input ------------------------------------------------------
def test_headline_takes_whole_body_lines_and_headline_span_lets_the_body_rise_beside_it():
    grid = Grid.from_setup(PageSetup(**SETUP))
    doc = make_doc([Page(blocks=[
        Article(id="a", place=GridPlace(1, 2, 5, 40), title="固定行数的标题", headline_lines=6, body=body_text(400, 2)),
        Article(id="b", place=GridPlace(3, 4, 5, 40), title="只占两栏的标题", headline_span=2, body=body_text(2500, 6)),
    ])])
    page = compose_document(doc).pages[0]
    a = text_lines(page, rect_of(doc, GridPlace(1, 2, 5, 40)))
    assert a[0][1] == pytest.approx(grid.baseline(5 + 6))          # body starts right after 6 headline lines
    b = text_lines(page, rect_of(doc, GridPlace(3, 4, 5, 40)))
    first_by_col = {}
    for x, y, _, _ in b:
        first_by_col.setdefault(round(x), y)
    ys = [first_by_col[k] for k in sorted(first_by_col)]
    assert len(ys) == 4
    assert ys[2] == pytest.approx(grid.baseline(5)) and ys[3] == pytest.approx(grid.baseline(5))
    assert ys[0] > grid.baseline(6) and ys[0] == ys[1]
    assert round(ys[0], 3) in {round(v, 3) for v in grid.baselines()}


def test_missing_glyphs_are_listed_not_raised():
    doc = make_doc([Page(blocks=[Article(id="a", place=GridPlace(1, 2, 1, 20), title="标题",
                                         body=["正文里有一个没有字形的字符\U000F0001和一个表情\U0001FAE0。"])])])
    bx = box(compose_document(doc).pages[0], "a")
    chars = {c for c, _ in bx.missing_glyphs}
    assert "\U000F0001" in chars


def test_odd_input_gives_notes_not_exceptions(tmp_path):
    doc = make_doc([Page(blocks=[
        Article(id="a", place=GridPlace(1, 1, 1, 10), title="链接到不存在的框", body=body_text(300, 1), next="nowhere"),
        Frame(id="lonely", place=GridPlace(2, 1, 1, 10)),
        Article(id="narrow", place=GridPlace(3, 1, 1, 10), body_columns=9, body=body_text(200, 1)),
        Article(id="cyc", place=GridPlace(4, 1, 1, 5), body=body_text(900, 2), next="f"),
        Frame(id="f", place=GridPlace(5, 1, 1, 5), next="f"),
        Photo(id="p", place=GridPlace(6, 1, 1, 3), image=str(tmp_path / "x.png"), caption="很长很长的图片说明文字" * 5),
        QR(id="q", place=GridPlace(6, 1, 5, 8), data="x" * 5000, label="太长"),
    ])])
    page = compose_document(doc).pages[0]
    assert box(page, "a").overset_chars > 0
    assert "no article flows into this frame" in box(page, "lonely").notes
    assert box(page, "narrow").overset_chars > 0
    assert box(page, "cyc").overset_chars > 0
    assert any("QR" in n for n in box(page, "q").notes)
    assert box(page, "p").notes


def test_vertical_masthead_caption_right_style_overrides_spot_colour_and_bleed(tmp_path):
    from PIL import Image
    img = tmp_path / "p.png"
    Image.new("RGB", (300, 200), (200, 120, 60)).save(img)
    doc = make_doc([Page(blocks=[
        Masthead(id="m", place=GridPlace(6, 1, 1, 40), vertical=True),
        Photo(id="p", place=GridPlace(1, 3, 1, 12), image=str(img), caption="码头上的吊车", credit="李华 摄",
              caption_position="right"),
        Photo(id="b", place=GridPlace(1, 2, 60, 15), image=str(img), bleed=True),
        Article(id="a", place=GridPlace(1, 4, 14, 30), kicker="引题", title="主题", body=body_text(300, 1),
                styles={"title": "大标题", "kicker": "红引题"}),
    ])])
    doc.styles["大标题"] = replace(DEFAULT_STYLES["主题"], name="大标题", size=30.0)
    doc.styles["红引题"] = replace(DEFAULT_STYLES["引题"], name="红引题", spot="报头红")
    doc.colours["报头红"] = (0.0, 1.0, 1.0, 0.0)
    page = compose_document(doc).pages[0]
    grid = Grid.from_setup(doc.page)
    # vertical masthead: the name goes down one column
    name = [(r, g) for r in runs(page) if r.colour == (0.0, 1.0, 1.0, 0.0) for g in r.glyphs]
    assert "".join(g.ch for _, g in sorted(name, key=lambda t: t[1].dy)) == "港湾新区报"
    assert len({round(r.x, 2) for r, _ in name}) == 1
    # caption on the right of the picture, in the last grid column of the block
    pic = [it for it in page.items if isinstance(it, tree.Image)][0]
    cap = [r for r in runs(page) if r.text and "吊车" in r.text]
    assert cap and cap[0].x >= pic.x + pic.w and cap[0].x == pytest.approx(grid.column_x(3))
    # style overrides and spot colours
    assert any(r.size == 30.0 and r.text == "主题" for r in runs(page))
    kick = [r for r in runs(page) if r.text == "引题"]
    assert kick and isinstance(kick[0].colour, tree.Spot) and kick[0].colour.name == "报头红"
    # a picture touching the type area's edge runs out to the bleed
    bled = [it for it in page.items if isinstance(it, tree.Image)][1]
    assert bled.x < 0 and bled.y + bled.h > grid.page_h


def test_a_picture_replaced_on_disk_is_recomposed(tmp_path):
    from PIL import Image
    img = tmp_path / "p.png"
    Image.new("RGB", (400, 200)).save(img)
    doc = make_doc([Page(blocks=[Photo(id="p", place=GridPlace(1, 2, 1, 12), image=str(img))])])
    c = Composer()
    a = [it for it in compose_document(doc, c).pages[0].items if isinstance(it, tree.Image)][0]
    time.sleep(0.01)
    Image.new("RGB", (200, 400)).save(img)
    b = [it for it in compose_document(doc, c).pages[0].items if isinstance(it, tree.Image)][0]
    assert a.crop != b.crop


def test_one_column_article_with_a_vertical_title_keeps_its_body_beside_it():
    doc = make_doc([Page(blocks=[Article(id="v", place=GridPlace(2, 1, 1, 30), title="春风又绿",
                                         vertical_title=True, body=body_text(120, 1))])])
    page = compose_document(doc).pages[0]
    grid = Grid.from_setup(doc.page)
    title = [r for r in runs(page) if r.size == 21.0]
    body = text_lines(page)
    assert title and body
    right = grid.column_x(2) + grid.column_width
    assert all(right - 2 * 21.0 <= r.x <= right for r in title)
    assert all(x1 <= min(r.x for r in title) for _, _, x1, _ in body)
    assert box(page, "v").overset_chars == 0
