"""Document model: an issue (期) of a paper with publication metadata, page setup, styles and pages of blocks.

Plain dataclasses with no behaviour beyond small helpers; ``layout.loader`` builds them from YAML (with
validation and file:line diagnostics) and writes them back; ``layout.compose`` lays them out; the window
edits them through undoable commands. Lengths: ``mm`` for page geometry, ``pt`` for type, grid units
(columns, body lines) for placement on the grid.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union

FORMAT_VERSION = 1

# Page size presets in mm (width, height). 对开/四开 follow common Chinese newspaper practice.
PAGE_SIZES = {
    "对开": (390.0, 550.0),
    "四开": (275.0, 390.0),
    "A3": (297.0, 420.0),
    "A4": (210.0, 297.0),
}

# Chinese type size names (号) in points; clreq's common correspondences.
HAO_SIZES = {
    "初号": 42.0, "小初": 36.0, "一号": 27.5, "小一": 24.0, "二号": 21.0, "小二": 18.0,
    "三号": 15.75, "小三": 15.0, "四号": 13.75, "小四": 12.0, "五号": 10.5, "小五": 9.0,
    "六号": 7.875, "小六": 6.5, "七号": 5.25, "八号": 5.0,
}

PUNCT_STYLES = ("全身", "半身", "开明", "居中")
KINSOKU_LEVELS = ("none", "basic", "gb", "strict")
ALIGNS = ("justify", "left", "center", "right", "distribute")


@dataclass
class Publication:
    """What the masthead and page headers print."""
    name: str = ""                 # 报名, e.g. 港湾新区报
    issue: int = 1                 # 期号 (this year's or the paper's count)
    total_issue: Optional[int] = None   # 总第 N 期
    date: str = ""                 # ISO date 2026-03-16; weekday is derived
    publisher: str = ""            # 主办
    registration: str = ""         # 准印证号 / CN 刊号
    editor_in_chief: str = ""      # 总编辑
    address: str = ""
    phone: str = ""
    price: str = ""                # e.g. 内部资料 免费交流
    website: str = ""
    pages: Optional[int] = None    # 本期 N 版 (defaults to the number of pages)


@dataclass
class PageSetup:
    """Page geometry and the column grid (背景格) shared by every page unless a page overrides it."""
    size: str = "四开"                          # preset name or "custom"
    width: float = 275.0                        # mm (trim)
    height: float = 390.0                       # mm (trim)
    margins: tuple = (20.0, 15.0, 18.0, 15.0)   # mm: top, right, bottom, left (to the type area)
    columns: int = 6                            # basic columns
    column_chars: int = 11                      # characters of the body size per basic column
    gutter_chars: float = 1.0                   # gap between columns, in body characters
    body_size: float = 9.0                      # pt
    leading: float = 13.5                       # pt, baseline to baseline (line pitch)
    bleed: float = 3.0                          # mm
    column_rules: bool = False                  # draw rules in the gutters
    header_space: float = 10.0                  # mm above the type area reserved for the 报眉


@dataclass
class Style:
    """A named paragraph style."""
    name: str
    font: str = "宋体"              # font role or face id (Han face)
    latin_font: Optional[str] = None   # Latin/digit face of a composite font (复合字体); None = same
    size: float = 9.0               # pt
    leading: Optional[float] = None   # pt; None = the grid leading for body, 1.2 × size otherwise
    tracking: float = 0.0           # extra space between characters, in 1/1000 em
    hscale: float = 100.0           # horizontal scale, percent (长/扁 70–130)
    colour: tuple = (0.0, 0.0, 0.0, 1.0)   # CMYK 0..1
    spot: Optional[str] = None      # name of a spot colour (document ``colours``) instead of CMYK
    align: str = "justify"          # justify | left | center | right | distribute
    indent: float = 2.0             # first-line indent in em
    punct: str = "开明"             # 全身 | 半身 | 开明 | 居中
    kinsoku: str = "gb"             # none | basic | gb | strict
    hanging: bool = False           # hanging punctuation at line end
    palt: bool = False              # proportional punctuation (headlines)
    fit: bool = False               # fit a one-line headline to the measure
    min_last_han: int = 2           # no 孤字: at least this many Han characters on a paragraph's last line


DEFAULT_STYLES = {
    "正文": Style("正文", font="宋体", size=9.0, indent=2.0),
    "引题": Style("引题", font="黑体", size=12.0, align="center", indent=0.0),
    "主题": Style("主题", font="黑体粗", size=21.0, align="center", indent=0.0, palt=True),
    "副题": Style("副题", font="楷体", size=12.0, align="center", indent=0.0),
    "署名": Style("署名", font="楷体", size=9.0, align="right", indent=0.0),
    "图说": Style("图说", font="楷体", size=9.0, align="justify", indent=0.0),
    "报眉": Style("报眉", font="宋体", size=9.0, align="left", indent=0.0),
    "标签": Style("标签", font="黑体", size=8.0, align="center", indent=0.0),
}


@dataclass
class GridPlace:
    """Placement on the page grid: 1-based first column, columns spanned, 1-based first body line, lines."""
    column: int = 1
    span: int = 1
    line: int = 1
    lines: int = 10


@dataclass
class MmPlace:
    """Free placement in mm from the top-left corner of the trim."""
    x: float = 0.0
    y: float = 0.0
    w: float = 50.0
    h: float = 30.0


Place = Union[GridPlace, MmPlace]


@dataclass
class Block:
    id: str = ""
    place: Place = field(default_factory=GridPlace)

    kind = "block"


@dataclass
class Article(Block):
    """An article: headline group (引题/主题/副题), byline, body paragraphs, optional box and photo wrap.

    ``body_columns``: how many columns the body is divided into inside the article's rectangle; 0 = the
    grid columns it spans (长栏 when fewer, 破栏 when the count does not divide the span).
    ``headline_span``: grid columns the headline group spans from the article's first column (0 = all).
    ``headline_lines``: body lines the headline group takes (0 = the smallest whole number that fits).
    ``byline_position``: ``end`` (right-aligned after the body), ``head`` (under the headline) or
    ``lead`` (``本报讯（记者 ××）`` before the first paragraph, in bold).
    ``next``: id of the continuation frame where the body continues (串文), or "".
    """
    kicker: str = ""
    title: str = ""
    subtitle: str = ""
    byline: str = ""
    byline_position: str = "end"
    body: list = field(default_factory=list)
    body_columns: int = 0
    headline_span: int = 0
    headline_lines: int = 0
    headline_align: str = "center"
    vertical_title: bool = False
    box: str = ""                   # "" | single | double | a 花边 name
    rule_below: bool = False        # a rule under the article (between articles)
    tint: Optional[tuple] = None    # background CMYK tint
    next: str = ""
    styles: dict = field(default_factory=dict)   # part -> style name: kicker/title/subtitle/byline/body

    kind = "article"


@dataclass
class Frame(Block):
    """A continuation frame (续排块) that receives the overflow of the article or frame linking to it."""
    next: str = ""
    kind = "frame"


@dataclass
class Photo(Block):
    """A photo with caption and credit; ``wrap`` makes article text flow around it (图文互斥)."""
    image: str = ""
    crop: tuple = (0.0, 0.0, 1.0, 1.0)     # fractions of the source image
    fit: str = "fill"                       # fill | fit | manual
    scale: float = 100.0                    # percent, for manual
    caption: str = ""
    credit: str = ""                        # e.g. 倪雯 摄 → printed at the caption's end
    caption_position: str = "below"         # below | right
    wrap: bool = False
    standoff: float = 1.5                   # mm around the photo when wrapping
    bleed: bool = False                     # extend to the bleed edge when touching the trim
    kind = "photo"


@dataclass
class Masthead(Block):
    """报头: the paper's name (in a face or from an image) with the issue metadata."""
    font: str = "黑体粗"
    size: float = 60.0
    colour: tuple = (0.0, 1.0, 1.0, 0.0)    # masthead red M100 Y100
    image: str = ""
    vertical: bool = False
    kind = "masthead"


@dataclass
class Header(Block):
    """报眉: page number, section name, date and editors above the type area."""
    section: str = ""
    editor: str = ""                # 责任编辑
    designer: str = ""              # 美编/版式
    kind = "header"


@dataclass
class QR(Block):
    data: str = ""
    label: str = ""
    kind = "qr"


@dataclass
class RuleBlock(Block):
    style: str = "single"           # single | double | dashed | thick-thin
    width: float = 0.5              # pt
    vertical: bool = False
    colour: tuple = (0.0, 0.0, 0.0, 1.0)
    kind = "rule"


@dataclass
class BoxBlock(Block):
    style: str = "single"           # single | double | a 花边 name
    width: float = 0.5
    tint: Optional[tuple] = None
    colour: tuple = (0.0, 0.0, 0.0, 1.0)
    kind = "box"


@dataclass
class TextBlock(Block):
    text: list = field(default_factory=list)   # paragraphs
    style: str = "正文"
    vertical: bool = False
    kind = "text"


BLOCK_TYPES = {c.kind: c for c in (Article, Frame, Photo, Masthead, Header, QR, RuleBlock, BoxBlock, TextBlock)}


@dataclass
class Page:
    number: int = 0                 # 版次; 0 = position in the issue
    section: str = ""               # 版名, e.g. 要闻
    editor: str = ""
    blocks: list = field(default_factory=list)


@dataclass
class Document:
    version: int = FORMAT_VERSION
    publication: Publication = field(default_factory=Publication)
    page: PageSetup = field(default_factory=PageSetup)
    styles: dict = field(default_factory=dict)      # name -> Style (DEFAULT_STYLES fill the gaps)
    colours: dict = field(default_factory=dict)     # spot colour name -> CMYK alternate
    print_profile: str = "newsprint"
    pages: list = field(default_factory=list)
    unplaced: list = field(default_factory=list)    # 待排稿件: blocks not on any page yet (``unplaced:`` in YAML)
    source: str = ""                                # file it was loaded from (not saved)
    warnings: list = field(default_factory=list, compare=False, repr=False)   # loader Diagnostics (not saved)

    def style(self, name: str) -> Style:
        return self.styles.get(name) or DEFAULT_STYLES.get(name) or DEFAULT_STYLES["正文"]

    def blocks(self):
        """(page_index, block) for every block in reading order."""
        for i, p in enumerate(self.pages):
            for b in p.blocks:
                yield i, b

    def find(self, block_id: str):
        for i, b in self.blocks():
            if b.id == block_id:
                return i, b
        return None, None
