"""Property: any valid document saved and loaded again is the same model, fresh or through the kept YAML tree."""
from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from layout.loader import dumps_document, loads_document
from layout.model import (ALIGNS, HAO_SIZES, KINSOKU_LEVELS, PAGE_SIZES, PUNCT_STYLES, QR, Article, BoxBlock,
                          DEFAULT_STYLES, Document, Frame, GridPlace, Header, Masthead, MmPlace, Page, PageSetup,
                          Photo, Publication, RuleBlock, Style, TextBlock)
from layout.units import grid_lines, grid_width, type_area

FONTS = ["宋体", "黑体", "黑体粗", "楷体", "song", "hei-bold"]
HAN = "港湾新区报要闻综合副刊记者摄码头工程开工据介绍泊位新建年月日人民政府会议经济社会发展"
PUNCT = "，。、；：？！“”‘’（）《》—…·"
LATIN = "abcXYZ 0123456789-:#&*!|>'\"%@`{}[],?"
chars = st.sampled_from(list(HAN + PUNCT + LATIN))
text = st.text(chars, max_size=24)
multiline = st.text(st.sampled_from(list(HAN + PUNCT + LATIN + "\n ")), max_size=30)
para = st.text(chars, min_size=1, max_size=40)
ident = st.from_regex(r"[a-z][a-z0-9-]{0,6}", fullmatch=True)
mm = st.floats(0.5, 400, allow_nan=False, allow_infinity=False)
pt = st.floats(0.25, 96, allow_nan=False, allow_infinity=False)
size = st.one_of(st.sampled_from(sorted(set(HAO_SIZES.values()))), pt)
pct = st.integers(0, 100).map(lambda p: p / 100)
cmyk = st.tuples(pct, pct, pct, pct)


@st.composite
def page_setups(draw):
    name = draw(st.sampled_from(list(PAGE_SIZES) + ["custom"]))
    if name == "custom":
        w, h = draw(st.floats(100, 600)), draw(st.floats(100, 800))
    else:
        w, h = PAGE_SIZES[name]
    ps = PageSetup(size=name, width=w, height=h,
                   margins=tuple(draw(st.floats(0, 40)) for _ in range(4)),
                   columns=draw(st.integers(1, 8)), column_chars=draw(st.integers(4, 16)),
                   gutter_chars=draw(st.sampled_from([0.0, 0.5, 1.0, 1.5, 2.0])),
                   body_size=draw(st.sampled_from([9.0, 10.5, 8.0, 9.5])),
                   leading=draw(st.floats(8, 24)), bleed=draw(st.floats(0, 5)),
                   column_rules=draw(st.booleans()), header_space=draw(st.floats(0, 20)))
    assume(type_area(ps)[2] > 0 and type_area(ps)[3] > 0)
    assume(grid_width(ps) <= type_area(ps)[2] and grid_lines(ps) >= 1)
    return ps


@st.composite
def styles(draw, name, colours):
    spot = draw(st.one_of(st.none(), st.sampled_from(sorted(colours)))) if colours else None
    s = Style(name, font=draw(st.sampled_from(FONTS)), latin_font=draw(st.one_of(st.none(), st.sampled_from(FONTS))),
              size=draw(size), leading=draw(st.one_of(st.none(), pt)), tracking=draw(st.integers(-100, 200)),
              hscale=draw(st.sampled_from([100.0, 90.0, 80.0, 120.0])),
              colour=colours[spot] if spot else draw(cmyk), spot=spot, align=draw(st.sampled_from(ALIGNS)),
              indent=draw(st.sampled_from([0.0, 1.0, 2.0, 2.5])), punct=draw(st.sampled_from(PUNCT_STYLES)),
              kinsoku=draw(st.sampled_from(KINSOKU_LEVELS)), hanging=draw(st.booleans()), palt=draw(st.booleans()),
              fit=draw(st.booleans()), min_last_han=draw(st.integers(0, 4)))
    return s


@st.composite
def places(draw, ps):
    if draw(st.booleans()):
        col = draw(st.integers(1, ps.columns))
        line = draw(st.integers(1, grid_lines(ps)))
        return GridPlace(col, draw(st.integers(1, ps.columns - col + 1)), line,
                         draw(st.integers(1, grid_lines(ps) - line + 1)))
    return MmPlace(draw(st.floats(0, ps.width - 1)), draw(st.floats(0, ps.height - 1)), draw(mm), draw(mm))


@st.composite
def documents(draw):
    colours = draw(st.dictionaries(st.sampled_from(["报头红", "蓝", "专色一", "金"]), cmyk, max_size=3))
    ps = draw(page_setups())
    names = draw(st.lists(st.sampled_from(list(DEFAULT_STYLES) + ["头条主题", "短评题", "报尾"]), unique=True,
                          max_size=4))
    doc = Document(
        publication=Publication(
            name=draw(text), issue=draw(st.integers(1, 500)), total_issue=draw(st.one_of(st.none(), st.integers(1, 9999))),
            date=draw(st.one_of(st.just(""), st.dates(dt.date(1950, 1, 1), dt.date(2100, 1, 1)).map(dt.date.isoformat))),
            publisher=draw(text), registration=draw(text), editor_in_chief=draw(text), address=draw(multiline),
            phone=draw(text), price=draw(text), website=draw(text), pages=draw(st.one_of(st.none(), st.integers(1, 32)))),
        page=ps, colours=colours, print_profile=draw(st.sampled_from(["newsprint", "coated", "office"])))
    doc.styles = {n: draw(styles(n, colours)) for n in names}
    style_names = list(DEFAULT_STYLES) + names
    n_ids = iter(range(10_000))
    for _ in range(draw(st.integers(0, 3))):
        page = Page(number=draw(st.integers(0, 8)), section=draw(text), editor=draw(text))
        for kind in draw(st.lists(st.sampled_from(["article", "photo", "masthead", "header", "qr", "rule", "box",
                                                   "text"]), max_size=6)):
            bid = f"{draw(ident)}-{next(n_ids)}"
            place = draw(places(ps))
            if kind == "article":
                b = Article(id=bid, place=place, kicker=draw(text), title=draw(multiline), subtitle=draw(text),
                            byline=draw(text), byline_position=draw(st.sampled_from(["end", "head", "lead"])),
                            body=draw(st.lists(para, max_size=4)), body_columns=draw(st.integers(0, 4)),
                            headline_span=0, headline_lines=draw(st.integers(0, 6)),
                            headline_align=draw(st.sampled_from(["center", "left", "right"])),
                            vertical_title=draw(st.booleans()), box=draw(st.sampled_from(["", "single", "double", "花边3"])),
                            rule_below=draw(st.booleans()), tint=draw(st.one_of(st.none(), cmyk)),
                            styles=draw(st.dictionaries(st.sampled_from(["kicker", "title", "subtitle", "byline", "body"]),
                                                        st.sampled_from(style_names), max_size=3)))
                page.blocks.append(b)
                if draw(st.booleans()):                       # continue it in a frame (串文), maybe two
                    b.next = f"{bid}-cont"
                    f = Frame(id=b.next, place=draw(places(ps)))
                    page.blocks.append(f)
                    if draw(st.booleans()):
                        f.next = f"{bid}-cont2"
                        page.blocks.append(Frame(id=f.next, place=draw(places(ps))))
                continue
            if kind == "photo":
                b = Photo(id=bid, place=place, image=draw(st.sampled_from(["", "pic.jpg"])),
                          crop=draw(st.sampled_from([(0.0, 0.0, 1.0, 1.0), (0.1, 0.2, 0.9, 0.75)])),
                          fit=draw(st.sampled_from(["fill", "fit", "manual"])), scale=draw(st.floats(10, 400)),
                          caption=draw(text), credit=draw(text), caption_position=draw(st.sampled_from(["below", "right"])),
                          wrap=draw(st.booleans()), standoff=draw(st.floats(0, 10)), bleed=draw(st.booleans()))
            elif kind == "masthead":
                b = Masthead(id=bid, place=place, font=draw(st.sampled_from(FONTS)), size=draw(size),
                             colour=draw(cmyk), image=draw(st.sampled_from(["", "logo.png"])), vertical=draw(st.booleans()))
            elif kind == "header":
                b = Header(id=draw(st.sampled_from(["", bid])), place=draw(st.one_of(st.just(GridPlace()), places(ps))),
                           section=draw(text), editor=draw(text), designer=draw(text))
            elif kind == "qr":
                b = QR(id=bid, place=place, data=draw(st.text(chars, min_size=1, max_size=30).filter(str.strip)),
                       label=draw(text))
            elif kind == "rule":
                b = RuleBlock(id=draw(st.sampled_from(["", bid])), place=place,
                              style=draw(st.sampled_from(["single", "double", "dashed", "thick-thin"])),
                              width=draw(st.floats(0.1, 5)), vertical=draw(st.booleans()), colour=draw(cmyk))
            elif kind == "box":
                b = BoxBlock(id=draw(st.sampled_from(["", bid])), place=place,
                             style=draw(st.sampled_from(["single", "double", "花边1"])), width=draw(st.floats(0.1, 5)),
                             tint=draw(st.one_of(st.none(), cmyk)), colour=draw(cmyk))
            else:
                b = TextBlock(id=draw(st.sampled_from(["", bid])), place=place, text=draw(st.lists(para, max_size=3)),
                              style=draw(st.sampled_from(style_names)), vertical=draw(st.booleans()))
            page.blocks.append(b)
        doc.pages.append(page)
    # the 待排 pool: some blocks taken off their pages, with or without a placement
    for page in doc.pages:
        while page.blocks and draw(st.integers(0, 3)) == 0:
            b = page.blocks.pop(draw(st.integers(0, len(page.blocks) - 1)))
            if draw(st.booleans()):
                b.place = GridPlace()
            doc.unplaced.append(b)
    return doc


def _reload(text: str) -> Document:
    doc = loads_document(text, "<round-trip>", base_dir="/nonexistent")
    return doc


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(documents())
def test_fresh_save_then_load_gives_the_same_model(doc):
    text = dumps_document(doc)
    again = _reload(text)
    assert again == doc, text
    assert dumps_document(again) == text          # and saving the loaded tree again changes nothing


def _copy_into(dst, src) -> None:
    """Make ``dst`` equal ``src`` by assigning fields, keeping ``dst``'s identity (and its kept YAML node)."""
    for f in dataclasses.fields(src):
        if f.name in ("source", "warnings"):
            continue
        setattr(dst, f.name, getattr(src, f.name))


@SETTINGS
@given(documents(), documents())
def test_edits_through_the_kept_tree_round_trip(a, b):
    loaded = _reload(dumps_document(a))
    # edit the loaded document into b, keeping the objects (and their YAML nodes) where the shapes agree
    _copy_into(loaded.publication, b.publication)
    _copy_into(loaded.page, b.page)
    loaded.colours = dict(b.colours)
    old_styles, loaded.styles = loaded.styles, {}
    for name, s in b.styles.items():
        if name in old_styles:
            _copy_into(old_styles[name], s)
            loaded.styles[name] = old_styles[name]
        else:
            loaded.styles[name] = s
    loaded.print_profile = b.print_profile
    pages = []
    for i, pb in enumerate(b.pages):
        if i < len(loaded.pages):
            pa = loaded.pages[i]
            blocks = []
            for j, bb in enumerate(pb.blocks):
                if j < len(pa.blocks) and type(pa.blocks[j]) is type(bb):
                    _copy_into(pa.blocks[j], bb)
                    blocks.append(pa.blocks[j])
                else:
                    blocks.append(bb)
            _copy_into(pa, pb)
            pa.blocks = blocks
            pages.append(pa)
        else:
            pages.append(pb)
    loaded.pages = pages
    loaded.unplaced = list(b.unplaced)
    b.source = loaded.source
    assert loaded == b
    text = dumps_document(loaded)
    again = _reload(text)
    again.source = b.source
    assert again == b, text
