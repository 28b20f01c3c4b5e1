"""YAML issue files ⇄ the document model, with every problem reported at once as ``file:line:col: field: message``.

``load_document(path)`` / ``loads_document(text, filename)`` read format ``paiban: 1`` (see ``docs/format.md``)
with ruamel.yaml in round-trip mode, so every node has a line and column; all problems found are raised
together as one :class:`~layout.errors.PaibanError`. Warnings (a missing image file, a frame nothing links
to) do not stop loading: they are in ``doc.warnings`` (Diagnostics with ``severity="warning"``).

``save_document(doc, path)`` / ``dumps_document(doc)`` write the same format back. A document that was loaded
keeps its ruamel tree (``obj._src`` on the document, pages, blocks and styles): only the values that changed
are rewritten, so the user's key order, comments and spellings (``小五`` rather than ``9pt``) survive.
Saving is atomic: a temporary file in the same folder, fsync, ``os.replace``.
"""
from __future__ import annotations

import copy
import datetime as _dt
import io
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.scalarstring import LiteralScalarString

from .errors import Diagnostic, PaibanError
from .model import (ALIGNS, BLOCK_TYPES, DEFAULT_STYLES, FORMAT_VERSION, KINSOKU_LEVELS, PAGE_SIZES,
                    PUNCT_STYLES, Document, GridPlace, MmPlace, Page, PageSetup,
                    Publication, Style)
from .units import (UnitError, _show, cmyk_percent, did_you_mean, fmt_num, grid_lines, grid_width,
                    page_size, parse_cmyk, parse_length, parse_percent, parse_type_size, size_name,
                    type_area)

__all__ = ["load_document", "loads_document", "save_document", "dumps_document", "check_document", "split_paragraphs",
           "grid_lines", "grid_width", "type_area"]

_BAD = object()          # a converter already reported the problem

BLOCK_ORDER = ("article", "frame", "photo", "masthead", "header", "qr", "rule", "box", "text")
ARTICLE_PARTS = ("kicker", "title", "subtitle", "byline", "body")


# ----------------------------------------------------------------------------------------------------
# positions

def _pos(node) -> tuple[int, int]:
    lc = getattr(node, "lc", None)
    if lc is None or lc.line is None:
        return 0, 0
    return lc.line + 1, lc.col + 1


def _kpos(m, k) -> tuple[int, int]:
    try:
        line, col = m.lc.key(k)
        return line + 1, col + 1
    except (AttributeError, KeyError, TypeError):
        return _pos(m)


def _vpos(m, k) -> tuple[int, int]:
    try:
        line, col = m.lc.value(k)
        return line + 1, col + 1
    except (AttributeError, KeyError, TypeError):
        return _kpos(m, k)


def _ipos(s, i) -> tuple[int, int]:
    try:
        line, col = s.lc.item(i)
        return line + 1, col + 1
    except (AttributeError, KeyError, TypeError, IndexError):
        return _pos(s)


@dataclass
class Where:
    field: str
    line: int = 0
    col: int = 0

    def key(self, m, k) -> "Where":
        return Where(_join(self.field, k), *_vpos(m, k))

    def keyname(self, m, k) -> "Where":
        return Where(_join(self.field, k), *_kpos(m, k))

    def item(self, s, i) -> "Where":
        return Where(f"{self.field}[{i}]", *_ipos(s, i))


def _join(path: str, k) -> str:
    return f"{path}.{k}" if path else str(k)


def _at_item(w: Where, value, e: UnitError) -> Where:
    """Point at the list item an error is about (``colour[3]``), when the error says which."""
    if e.index is not None and isinstance(value, list) and e.index < len(value):
        return w.item(value, e.index)
    return w


class _Src:
    """The YAML node an object came from and the values it held when loaded (to see what changed)."""
    __slots__ = ("node", "orig", "extra")

    def __init__(self, node, orig, extra=None):
        self.node, self.orig, self.extra = node, orig, extra or {}


# ----------------------------------------------------------------------------------------------------
# converters: YAML value ⇄ model value

class Conv:
    what = "value"

    def load(self, L: "_Loader", v, w: Where, obj):
        raise NotImplementedError

    def dump(self, v, obj):
        return v


class Text(Conv):
    def __init__(self, nonempty=False):
        self.nonempty = nonempty

    def load(self, L, v, w, obj):
        if isinstance(v, bool) or v is None or not isinstance(v, (str, int)):
            raise UnitError(f"expected text, got {_show(v)}")
        s = str(v)
        if self.nonempty and not s.strip():
            raise UnitError("must not be empty")
        return s


class Id(Text):
    def load(self, L, v, w, obj):
        s = super().load(L, v, w, obj).strip()
        if not s:
            raise UnitError("an id must not be empty")
        if re.search(r"\s", s):
            raise UnitError(f"an id cannot contain spaces: {s!r}")
        return s

    def dump(self, v, obj):
        return v or None            # no id / no next: the key goes


class Int(Conv):
    def __init__(self, min=None, optional=False, what="a whole number"):
        self.min, self.optional, self.what = min, optional, what

    def load(self, L, v, w, obj):
        if v is None and self.optional:
            return None
        if isinstance(v, bool) or not isinstance(v, int):
            if isinstance(v, float) and v.is_integer():
                v = int(v)
            else:
                raise UnitError(f"expected {self.what}, got {_show(v)}")
        v = int(v)
        if self.min is not None and v < self.min:
            raise UnitError(f"must be at least {self.min}, got {v}")
        return v


class Num(Conv):
    def __init__(self, min=None, positive=False, max=None, what="a number"):
        self.min, self.positive, self.max, self.what = min, positive, max, what

    def _check(self, x, text):
        if self.positive and x <= 0:
            raise UnitError(f"must be more than 0, got {text}")
        if self.min is not None and x < self.min:
            raise UnitError(f"must be at least {fmt_num(self.min)}, got {text}")
        if self.max is not None and x > self.max:
            raise UnitError(f"must be at most {fmt_num(self.max)}, got {text}")
        return x

    def load(self, L, v, w, obj):
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise UnitError(f"expected {self.what}, got {_show(v)}")
        return self._check(float(v), fmt_num(float(v)))

    def dump(self, v, obj):
        return _num(v)


class Percent(Num):
    def load(self, L, v, w, obj):
        x = parse_percent(v)
        return self._check(x, f"{fmt_num(x)}%")


class Bool(Conv):
    def load(self, L, v, w, obj):
        if not isinstance(v, bool):
            raise UnitError(f"expected true or false, got {_show(v)}")
        return bool(v)


class Choice(Conv):
    def __init__(self, choices, what="value"):
        self.choices, self.what = tuple(choices), what

    def load(self, L, v, w, obj):
        if not isinstance(v, str) or v not in self.choices:
            shown = repr(v) if isinstance(v, str) else _show(v)
            raise UnitError(f"unknown {self.what} {shown}{did_you_mean(v, self.choices)} "
                            f"(use {' | '.join(self.choices)})")
        return str(v)


class Length(Conv):
    """A length stored in ``unit`` (mm, pt or em); ``em`` gives the size in pt that em/字 refer to."""

    def __init__(self, unit="mm", em=None, positive=False, nonneg=False, optional=False, what="length",
                 bare=False):
        self.unit, self.em, self.positive, self.nonneg, self.bare = unit, em, positive, nonneg, bare
        self.optional, self.what = optional, what

    def load(self, L, v, w, obj):
        if v is None and self.optional:
            return None
        em_pt = self.em(L, obj) if self.em else None
        x = parse_length(v, self.unit, em_pt=em_pt, what=self.what)
        shown = v if isinstance(v, str) else fmt_num(x)
        if self.positive and x <= 0:
            raise UnitError(f"must be more than 0, got {shown}")
        if self.nonneg and x < 0:
            raise UnitError(f"must not be negative, got {shown}")
        return x

    def dump(self, v, obj):
        if v is None:
            return None
        return _num(v) if self.bare else f"{fmt_num(v)}{self.unit}"


class TypeSize(Conv):
    def load(self, L, v, w, obj):
        x = parse_type_size(v)
        if x <= 0:
            raise UnitError(f"a type size must be more than 0, got {v if isinstance(v, str) else fmt_num(x)}")
        return x

    def dump(self, v, obj):
        return size_name(v) or f"{fmt_num(v)}pt"


class Colour(Conv):
    """CMYK colour (model 0..1). With ``spot=True`` the model value is ``(cmyk, spot name or None)``."""

    def __init__(self, optional=False, spot=False):
        self.optional, self.spot = optional, spot

    def load(self, L, v, w, obj):
        if v is None and self.optional:
            return None
        if isinstance(v, str) and v.strip() in L.bad_colours:
            return _BAD                 # its definition under colours: was already reported
        cmyk, name = parse_cmyk(v, L.colours)
        return (cmyk, name) if self.spot else cmyk

    def dump(self, v, obj):
        if v is None:
            return None
        if self.spot:
            cmyk, name = v
            if name:
                return name
            v = cmyk
        return _flow_seq(cmyk_percent(v))


class Paragraphs(Conv):
    """A paragraph list: a string with paragraphs separated by blank lines, or a YAML list of strings."""

    def load(self, L, v, w, obj):
        if isinstance(v, str):
            return split_paragraphs(v)
        if isinstance(v, list):
            out = []
            for i, p in enumerate(v):
                if isinstance(p, bool) or not isinstance(p, (str, int)):
                    L.err(w.item(v, i), f"expected the text of a paragraph, got {_show(p)}")
                    return _BAD
                out.append(str(p))
            return out
        if v is None:
            return []
        raise UnitError(f"expected text (paragraphs separated by blank lines) or a list of paragraphs, "
                        f"got {_show(v)}")

    def dump(self, v, obj):
        paras = list(v)
        if paras and all(_plain_para(p) for p in paras):
            return LiteralScalarString("\n\n".join(paras) + "\n")
        return CommentedSeq(paras)


class DateConv(Conv):
    def load(self, L, v, w, obj):
        if isinstance(v, _dt.datetime):
            v = v.date()
        if isinstance(v, _dt.date):
            return v.isoformat()
        if isinstance(v, str):
            s = v.strip()
            if not s:
                return ""
            try:
                return _dt.date.fromisoformat(s).isoformat() if re.fullmatch(r"\d{4}-\d\d-\d\d", s) \
                    else _bad_date(s)
            except ValueError:
                _bad_date(s)
        raise UnitError(f"expected a date like 2026-03-16, got {_show(v)}")

    def dump(self, v, obj):
        try:
            return _dt.date.fromisoformat(v) if v else ""
        except ValueError:
            return v


def _bad_date(s):
    raise UnitError(f"bad date {s!r} (write it as year-month-day, e.g. 2026-03-16)")


_RULE_STYLES = ("single", "double", "dashed", "thick-thin")
_BOX_STYLES = ("single", "double")


def _decor_styles(kind: str) -> tuple:
    """Rule or box style names the composer draws (``layout.compose.decor``), imported only when needed."""
    try:
        from .compose import decor
        return tuple(decor.RULE_STYLES if kind == "rule" else decor.BOX_STYLES)
    except Exception:  # noqa: BLE001 - no composer: the names the format always had
        return _RULE_STYLES if kind == "rule" else _BOX_STYLES


class DecorStyle(Text):
    """A rule style or a box/花边 style; ``allow_empty``: "" means none (an article's ``box``)."""

    def __init__(self, kind: str, allow_empty: bool = False):
        super().__init__(nonempty=not allow_empty)
        self.kind, self.allow_empty = kind, allow_empty

    def load(self, L, v, w, obj):
        s = super().load(L, v, w, obj)
        if not s and self.allow_empty:
            return s
        names = L.decor.get(self.kind)
        if names is None:
            names = L.decor[self.kind] = _decor_styles(self.kind)
        if s not in names:
            raise UnitError(f"unknown {self.kind} style {s!r}{did_you_mean(s, names)} (use {' | '.join(names)})")
        return s


class FontRef(Text):
    def __init__(self, optional=False):
        super().__init__(nonempty=True)
        self.optional = optional

    def load(self, L, v, w, obj):
        if v is None and self.optional:
            return None
        s = super().load(L, v, w, obj)
        L.fonts_used.append((s, w))
        return s


class StyleRef(Text):
    def load(self, L, v, w, obj):
        s = super().load(L, v, w, obj)
        L.styles_used.append((s, w))
        return s


class ImageRef(Text):
    def load(self, L, v, w, obj):
        s = super().load(L, v, w, obj)
        if s:
            L.images_used.append((s, w))
        return s


class Crop(Conv):
    def load(self, L, v, w, obj):
        if not isinstance(v, list) or len(v) != 4:
            got = f"{len(v)} values" if isinstance(v, list) else _show(v)
            raise UnitError(f"crop needs 4 fractions [left, top, right, bottom] from 0 to 1, got {got}")
        vals = []
        for i, x in enumerate(v):
            if isinstance(x, bool) or not isinstance(x, (int, float)) or not 0 <= x <= 1:
                raise UnitError(f"crop values are fractions from 0 to 1, got {_show(x)}", i)
            vals.append(float(x))
        if vals[0] >= vals[2] or vals[1] >= vals[3]:
            raise UnitError("crop must keep some of the image: left < right and top < bottom")
        return tuple(vals)

    def dump(self, v, obj):
        return _flow_seq([_num(x) for x in v])


class PartStyles(Conv):
    def load(self, L, v, w, obj):
        if not isinstance(v, dict):
            raise UnitError(f"expected a mapping of part to style name, e.g. {{title: 主题}}, got {_show(v)}")
        out = {}
        for k, name in v.items():
            if k not in ARTICLE_PARTS:
                L.err(w.keyname(v, k), f"unknown article part {k!r}{did_you_mean(k, ARTICLE_PARTS)} "
                                       f"(use {' | '.join(ARTICLE_PARTS)})")
                continue
            try:
                out[str(k)] = StyleRef(nonempty=True).load(L, name, w.key(v, k), obj)
            except UnitError as e:
                L.err(w.key(v, k), str(e))
        return out

    def dump(self, v, obj):
        m = CommentedMap(v)
        m.fa.set_flow_style()
        return m


def _num(v):
    v = float(v)
    return int(v) if v.is_integer() and abs(v) < 1e15 else v


def _flow_seq(items) -> CommentedSeq:
    s = CommentedSeq(items)
    s.fa.set_flow_style()
    return s


def _plain_para(p: str) -> bool:
    return bool(p) and p == p.strip() and "\n" not in p and "\r" not in p and p.isprintable() \
        and split_paragraphs(p) == [p]


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a block of text: separated by blank lines; the lines of one paragraph are joined
    (with a space only between two Latin letters/digits, as Chinese needs none)."""
    paras, cur = [], []
    for raw in str(text).splitlines():
        line = raw.strip()
        if not line:
            if cur:
                paras.append(_join_lines(cur))
                cur = []
            continue
        cur.append(line)
    if cur:
        paras.append(_join_lines(cur))
    return paras


def _join_lines(lines: list[str]) -> str:
    out = lines[0]
    for line in lines[1:]:
        if out[-1].isascii() and out[-1].isalnum() and line[0].isascii() and line[0].isalnum() \
                or out[-1] in ",.;:!?" and line[0].isascii():
            out += " " + line
        else:
            out += line
    return out


def _size_em(L, obj):
    return getattr(obj, "size", None) or 9.0


def _body_em(L, obj):
    return L.body_size


@dataclass
class F:
    conv: Conv
    attr: str = ""
    early: bool = False


def _specs(**kw) -> dict:
    out = {}
    for k, v in kw.items():
        spec = v if isinstance(v, F) else F(v)
        spec.attr = spec.attr or k
        out[k] = spec
    return out


PUBLICATION = _specs(
    name=Text(), issue=Int(min=1), total_issue=Int(min=1, optional=True), date=DateConv(),
    publisher=Text(), registration=Text(), editor_in_chief=Text(), address=Text(), phone=Text(),
    price=Text(), website=Text(), pages=Int(min=1, optional=True))

GRID = _specs(
    columns=F(Int(min=1), early=True), column_chars=Int(min=1),
    gutter_chars=Length("em", em=_body_em, nonneg=True, what="gutter", bare=True),
    body_size=F(TypeSize(), early=True),
    leading=Length("pt", em=_body_em, positive=True, what="leading"))

PAGE_SETUP = _specs(
    bleed=Length("mm", nonneg=True), column_rules=Bool(), header_space=Length("mm", nonneg=True))

STYLE = _specs(
    font=FontRef(), latin_font=FontRef(optional=True), size=F(TypeSize(), early=True),
    leading=Length("pt", em=_size_em, positive=True, optional=True, what="leading"),
    tracking=Num(what="tracking in 1/1000 em"), hscale=Percent(positive=True, max=1000),
    colour=F(Colour(spot=True), attr="colour+spot"), align=Choice(ALIGNS, "align"),
    indent=Length("em", em=_size_em, what="indent"), punct=Choice(PUNCT_STYLES, "punct style"),
    kinsoku=Choice(KINSOKU_LEVELS, "kinsoku level"), hanging=Bool(), palt=Bool(), fit=Bool(),
    min_last_han=Int(min=0))

PAGE = _specs(number=Int(min=0), section=Text(), editor=Text())

_COMMON = _specs(id=Id())
BLOCK_SPECS = {
    "article": _specs(
        kicker=Text(), title=Text(), subtitle=Text(), byline=Text(),
        byline_position=Choice(("end", "head", "lead"), "byline position"),
        body_columns=Int(min=0), headline_span=Int(min=0), headline_lines=Int(min=0),
        headline_align=Choice(("center", "left", "right"), "headline align"), vertical_title=Bool(),
        box=DecorStyle("box", allow_empty=True), rule_below=Bool(), tint=Colour(optional=True),
        styles=PartStyles(), next=Id(),
        body=Paragraphs()),
    "frame": _specs(next=Id()),
    "photo": _specs(
        image=ImageRef(), crop=Crop(), fit=Choice(("fill", "fit", "manual"), "fit"),
        scale=Percent(positive=True), caption=Text(), credit=Text(),
        caption_position=Choice(("below", "right"), "caption position"), wrap=Bool(),
        standoff=Length("mm", em=_body_em, nonneg=True), bleed=Bool()),
    "masthead": _specs(font=FontRef(), size=TypeSize(), colour=Colour(), image=ImageRef(), vertical=Bool()),
    "header": _specs(section=Text(), editor=Text(), designer=Text()),
    "qr": _specs(data=Text(nonempty=True), label=Text()),
    "rule": _specs(style=DecorStyle("rule"),
                   width=Length("pt", positive=True), vertical=Bool(), colour=Colour()),
    "box": _specs(style=DecorStyle("box"), width=Length("pt", positive=True), tint=Colour(optional=True),
                  colour=Colour()),
    "text": _specs(text=Paragraphs(), style=StyleRef(nonempty=True), vertical=Bool()),
}
for _t, _s in BLOCK_SPECS.items():
    BLOCK_SPECS[_t] = {**_COMMON, **_s}

TOP_KEYS = ("paiban", "publication", "page", "print_profile", "colours", "styles", "pages", "unplaced")
PAGE_KEYS = ("size", "margins", "grid", "bleed", "column_rules", "header_space")
GRID_KEYS = tuple(GRID)
MARGIN_KEYS = ("top", "right", "bottom", "left")


def _get(obj, attr):
    if attr == "colour+spot":
        return (tuple(obj.colour), obj.spot)
    return getattr(obj, attr)


def _set(obj, attr, v):
    if attr == "colour+spot":
        obj.colour, obj.spot = v
    else:
        setattr(obj, attr, v)


# ----------------------------------------------------------------------------------------------------
# loading

class _Loader:
    def __init__(self, filename: str, base_dir: Path):
        self.file = filename
        self.base_dir = base_dir
        self.diags: list[Diagnostic] = []
        self.colours: dict = {}
        self.body_size = 9.0
        self.fonts_used: list = []
        self.styles_used: list = []
        self.images_used: list = []
        self.columns_ok = True
        self.bad_colours: set = set()
        self.decor: dict = {}

    def err(self, w: Where, msg: str, severity: str = "error") -> None:
        self.diags.append(Diagnostic(msg, self.file, w.line, w.col, w.field, severity))

    def warn(self, w: Where, msg: str) -> None:
        self.err(w, msg, "warning")

    # -- generic ---------------------------------------------------------------------------------
    def mapping(self, v, w: Where, what: str) -> bool:
        if isinstance(v, dict):
            return True
        self.err(w, f"expected a mapping ({what}), got {_show(v)}")
        return False

    def unknown_key(self, m, k, w: Where, allowed) -> None:
        self.err(w.keyname(m, k), f"unknown key {str(k)!r}{did_you_mean(k, allowed)}")

    def fields(self, obj, m, w: Where, specs: dict, skip=(), orig=None) -> dict:
        orig = {} if orig is None else orig
        keys = sorted(m.keys(), key=lambda k: 0 if (k in specs and specs[k].early) else 1)
        for k in keys:
            if k in skip:
                continue
            spec = specs.get(k)
            if spec is None:
                self.unknown_key(m, k, w, list(specs) + list(skip))
                continue
            kw = w.key(m, k)
            try:
                val = spec.conv.load(self, m[k], kw, obj)
            except UnitError as e:
                self.err(_at_item(kw, m[k], e), str(e))
                continue
            if val is _BAD:
                continue
            _set(obj, spec.attr, val)
            orig[spec.attr] = copy.deepcopy(val)
        return orig

    # -- document --------------------------------------------------------------------------------
    def document(self, tree) -> Document:
        doc = Document()
        top = Where("", 1, 1)
        if tree is None:
            self.err(top, "the file is empty (expected a Paiban issue starting with 'paiban: 1')")
            return doc
        if not isinstance(tree, dict):
            self.err(Where("", *_pos(tree) if _pos(tree)[0] else (1, 1)),
                     f"the top level must be a mapping of keys (paiban:, publication:, page:, pages: …), "
                     f"got {_show(tree)}")
            return doc
        for k in tree:
            if k not in TOP_KEYS:
                self.unknown_key(tree, k, top, TOP_KEYS)
        if "paiban" not in tree:
            self.err(top, f"missing the format version line 'paiban: {FORMAT_VERSION}' at the top")
        else:
            v = tree["paiban"]
            w = top.key(tree, "paiban")
            if isinstance(v, bool) or not isinstance(v, int):
                self.err(w, f"the format version must be the number {FORMAT_VERSION}, got {_show(v)}")
            elif v != FORMAT_VERSION:
                self.err(w, f"unsupported format version {v} (this Paiban reads version {FORMAT_VERSION})")
        orig = {}
        if "colours" in tree:
            doc.colours = self.colours_map(tree["colours"], top.key(tree, "colours"))
            self.colours = dict(doc.colours)
            orig["colours"] = copy.deepcopy(doc.colours)
        if "publication" in tree:
            w = top.key(tree, "publication")
            if self.mapping(tree["publication"], w, "publication fields"):
                m = tree["publication"]
                doc.publication._src = _Src(m, self.fields(doc.publication, m, w, PUBLICATION))
        page_ok = True
        if "page" in tree:
            page_ok = self.page_setup(doc.page, tree["page"], top.key(tree, "page"))
        self.body_size = doc.page.body_size
        if "print_profile" in tree:
            w = top.key(tree, "print_profile")
            try:
                doc.print_profile = Text(nonempty=True).load(self, tree["print_profile"], w, doc)
                orig["print_profile"] = doc.print_profile
                self.check_profile(doc.print_profile, w)
            except UnitError as e:
                self.err(w, str(e))
        if "styles" in tree:
            w = top.key(tree, "styles")
            if tree["styles"] is not None and self.mapping(tree["styles"], w, "style name → style fields"):
                for name, sm in tree["styles"].items():
                    sw = w.key(tree["styles"], name)
                    if not isinstance(name, str) or not name.strip():
                        self.err(w.keyname(tree["styles"], name), f"a style name must be text, got {_show(name)}")
                        continue
                    st = copy.deepcopy(DEFAULT_STYLES[name]) if name in DEFAULT_STYLES else Style(name)
                    if sm is None:
                        sm = CommentedMap()
                        tree["styles"][name] = sm
                    if self.mapping(sm, sw, f"the fields of style {name}"):
                        st._src = _Src(sm, self.fields(st, sm, sw, STYLE))
                        doc.styles[name] = st
        lines = grid_lines(doc.page) if page_ok else None
        self.columns_ok = not any(d.field == "page.grid.columns" for d in self.diags)
        if "pages" in tree and tree["pages"] is not None:
            w = top.key(tree, "pages")
            pages = tree["pages"]
            if not isinstance(pages, list):
                self.err(w, f"expected a list of pages (each starting with '- '), got {_show(pages)}")
            else:
                for i, pm in enumerate(pages):
                    pw = w.item(pages, i)
                    if self.mapping(pm, pw, "a page: section, editor, blocks"):
                        doc.pages.append(self.page(pm, pw, doc, lines))
        if "unplaced" in tree and tree["unplaced"] is not None:
            w = top.key(tree, "unplaced")
            pool = tree["unplaced"]
            if not isinstance(pool, list):
                self.err(w, f"expected a list of blocks not yet on a page, got {_show(pool)}")
            else:
                for i, bm in enumerate(pool):
                    iw = w.item(pool, i)
                    if self.mapping(bm, iw, "a block: type, id, …"):
                        b = self.block(bm, iw, doc, lines, pool=True)
                        if b is not None:
                            doc.unplaced.append(b)
        doc._src = _Src(tree, orig)
        self.cross_checks(doc)
        return doc

    def check_profile(self, name: str, w: Where) -> None:
        """A bundled profile name (assets/profiles/NAME.yaml) or the path of the shop's own profile file."""
        try:
            from . import profiles
            known = profiles.available()
        except Exception:  # noqa: BLE001 - no profile module: nothing to check against
            return
        if not known or name in known:
            return
        p = Path(name)
        if p.suffix in (".yaml", ".yml") or "/" in name:
            if not (p if p.is_absolute() else self.base_dir / p).is_file():
                self.err(w, f"print profile file not found: {name} (looked for {self.base_dir / p})")
            return
        raise UnitError(f"unknown print profile {name!r}{did_you_mean(name, known)} "
                        f"(use {', '.join(known)} or the path of a profile .yaml file)")

    def colours_map(self, v, w: Where) -> dict:
        out = {}
        if v is None or not self.mapping(v, w, "colour name → {cmyk: [C, M, Y, K]}"):
            return out
        for name, spec in v.items():
            cw = w.key(v, name)
            if not isinstance(name, str):
                self.err(w.keyname(v, name), f"a colour name must be text, got {_show(name)}")
                continue
            if isinstance(spec, dict):
                extra = [k for k in spec if k != "cmyk"]
                for k in extra:
                    self.unknown_key(spec, k, cw, ["cmyk"])
                if "cmyk" not in spec:
                    self.err(cw, "missing 'cmyk: [C, M, Y, K]' (percent)")
                    continue
                cw = cw.key(spec, "cmyk")
                spec = spec["cmyk"]
            if isinstance(spec, str):
                self.err(cw, "a document colour needs its CMYK values, e.g. {cmyk: [0, 100, 100, 0]}")
                continue
            try:
                out[name] = parse_cmyk(spec)[0]
            except UnitError as e:
                self.err(_at_item(cw, spec, e), str(e))
        self.bad_colours = {n for n in v if isinstance(n, str) and n not in out}
        return out

    def page_setup(self, ps: PageSetup, m, w: Where) -> bool:
        """Fill ``ps`` from the ``page:`` mapping; False when the geometry is unusable (skip grid checks)."""
        if not self.mapping(m, w, "page size, margins, grid"):
            return False
        n0 = len([d for d in self.diags if d.severity == "error"])
        orig = {}
        extra = {}
        if "size" in m:
            sw = w.key(m, "size")
            v = m["size"]
            if isinstance(v, dict):
                for k in v:
                    if k not in ("width", "height"):
                        self.unknown_key(v, k, sw, ("width", "height"))
                wh = []
                for k in ("width", "height"):
                    if k not in v:
                        self.err(sw, f"missing '{k}' (a custom page size needs width and height)")
                        continue
                    try:
                        wh.append(Length("mm", positive=True).load(self, v[k], sw.key(v, k), ps))
                    except UnitError as e:
                        self.err(sw.key(v, k), str(e))
                if len(wh) == 2:
                    ps.size, (ps.width, ps.height) = "custom", wh
            elif isinstance(v, str):
                try:
                    ps.width, ps.height = page_size(v.strip())
                    ps.size = v.strip()
                except UnitError as e:
                    self.err(sw, str(e))
            else:
                self.err(sw, f"expected a page size name ({', '.join(PAGE_SIZES)}) or "
                             f"{{width: 280mm, height: 400mm}}, got {_show(v)}")
            orig["size"] = (ps.size, ps.width, ps.height)
        if "grid" in m:
            gw = w.key(m, "grid")
            if self.mapping(m["grid"], gw, "columns, column_chars, gutter_chars, body_size, leading"):
                self.body_size = 9.0
                g = m["grid"]
                keys = sorted(g.keys(), key=lambda k: 0 if k == "body_size" else 1)
                for k in keys:
                    spec = GRID.get(k)
                    if spec is None:
                        self.unknown_key(g, k, gw, GRID)
                        continue
                    try:
                        val = spec.conv.load(self, g[k], gw.key(g, k), ps)
                    except UnitError as e:
                        self.err(gw.key(g, k), str(e))
                        continue
                    setattr(ps, spec.attr, val)
                    orig[spec.attr] = val
                    if k == "body_size":
                        self.body_size = val
        self.body_size = ps.body_size
        if "margins" in m:
            mw = w.key(m, "margins")
            v = m["margins"]
            if isinstance(v, dict):
                vals = list(ps.margins)
                for k in v:
                    if k not in MARGIN_KEYS:
                        self.unknown_key(v, k, mw, MARGIN_KEYS)
                        continue
                    try:
                        vals[MARGIN_KEYS.index(k)] = Length("mm", em=_body_em, nonneg=True).load(
                            self, v[k], mw.key(v, k), ps)
                    except UnitError as e:
                        self.err(mw.key(v, k), str(e))
                ps.margins = tuple(vals)
            else:
                try:
                    x = Length("mm", em=_body_em, nonneg=True).load(self, v, mw, ps)
                    ps.margins = (x, x, x, x)
                except UnitError as e:
                    self.err(mw, f"{e} (margins are {{top: 20mm, right: 15mm, bottom: 18mm, left: 15mm}} "
                                 f"or one length for all four)")
            orig["margins"] = ps.margins
        orig.update(self.fields(ps, m, w, PAGE_SETUP, skip=("size", "grid", "margins")))
        ps._src = _Src(m, orig)
        if len([d for d in self.diags if d.severity == "error"]) > n0:
            return False
        # geometry that only makes sense together
        x, y, tw, th = type_area(ps)
        mw = w.key(m, "margins") if "margins" in m else w
        if tw <= 0:
            self.err(mw, f"the margins leave no type area: left + right = {fmt_num(ps.margins[3] + ps.margins[1])}mm "
                         f"on a page {fmt_num(ps.width)}mm wide")
            return False
        if th <= 0:
            self.err(mw, f"the margins leave no type area: top + bottom = {fmt_num(ps.margins[0] + ps.margins[2])}mm "
                         f"on a page {fmt_num(ps.height)}mm high")
            return False
        gw = grid_width(ps)
        gwhere = w.key(m, "grid") if "grid" in m else w
        if gw > tw + 1e-6:
            chars = ps.columns * ps.column_chars + (ps.columns - 1) * ps.gutter_chars
            self.err(gwhere, f"the grid is wider than the type area: {ps.columns} columns × {ps.column_chars} 字 "
                             f"+ {ps.columns - 1} gutters × {fmt_num(ps.gutter_chars)} 字 = {fmt_num(chars)} 字 of "
                             f"{fmt_num(ps.body_size)}pt = {gw:.1f}mm, but the type area is {tw:.1f}mm wide")
            return False
        if grid_lines(ps) < 1:
            self.err(gwhere, f"the leading {ps.leading:.4g}pt is taller than the type area "
                             f"({th:.1f}mm): not one line fits")
            return False
        return True

    def page(self, m, w: Where, doc: Document, lines: int | None) -> Page:
        page = Page()
        orig = self.fields(page, m, w, PAGE, skip=("blocks",))
        if "blocks" in m and m["blocks"] is not None:
            bw = w.key(m, "blocks")
            blocks = m["blocks"]
            if not isinstance(blocks, list):
                self.err(bw, f"expected a list of blocks (each starting with '- type: …'), got {_show(blocks)}")
            else:
                for i, bm in enumerate(blocks):
                    iw = bw.item(blocks, i)
                    if self.mapping(bm, iw, "a block: type, id, at, …"):
                        b = self.block(bm, iw, doc, lines)
                        if b is not None:
                            page.blocks.append(b)
        page._src = _Src(m, orig)
        return page

    def block(self, m, w: Where, doc: Document, lines: int | None, pool: bool = False):
        """A block of a page, or of the ``unplaced`` pool (``pool``: ``at`` is optional)."""
        if "type" not in m:
            self.err(w, f"missing 'type' (one of {', '.join(BLOCK_ORDER)})")
            return None
        t = m["type"]
        if not isinstance(t, str) or t not in BLOCK_TYPES:
            self.err(w.key(m, "type"), f"unknown block type {t!r}{did_you_mean(t, BLOCK_ORDER)} "
                                      f"(use {', '.join(BLOCK_ORDER)})")
            return None
        b = BLOCK_TYPES[t]()
        specs = BLOCK_SPECS[t]
        orig = self.fields(b, m, w, specs, skip=("type", "at"))
        b._where = w
        b._id_where = w.key(m, "id") if "id" in m else w
        b._next_where = w.key(m, "next") if "next" in m else w
        if t == "article" and "id" not in m:
            self.err(w, "an article needs an id (e.g. id: a1)")
        elif t == "frame" and "id" not in m:
            self.err(w, "a frame needs an id (e.g. id: a1-cont) for next: to name it")
        if "at" in m:
            place = self.place(m["at"], w.key(m, "at"), doc.page, lines)
            if place is not None:
                b.place = place
                orig["place"] = copy.deepcopy(place)
        elif t != "header" and not pool:
            self.err(w, "missing 'at' (grid placement {column, span, line, lines} or mm {x, y, w, h})")
        if t == "article" and b.headline_span and isinstance(b.place, GridPlace) \
                and b.headline_span > b.place.span:
            self.err(w.key(m, "headline_span"), f"the headline spans {b.headline_span} columns but the article "
                                                f"only {b.place.span}")
        b._src = _Src(m, orig)
        return b

    def place(self, v, w: Where, ps: PageSetup, lines: int | None):
        if not isinstance(v, dict):
            self.err(w, f"expected {{column, span, line, lines}} or {{x, y, w, h}}, got {_show(v)}")
            return None
        grid_keys, mm_keys = ("column", "span", "line", "lines"), ("x", "y", "w", "h")
        keys = set(v)
        if keys & set(grid_keys) and keys & set(mm_keys):
            self.err(w, "mixes grid keys (column, span, line, lines) with mm keys (x, y, w, h): use one kind")
            return None
        if keys & set(mm_keys):
            return self.mm_place(v, w, ps)
        for k in v:
            if k not in grid_keys:
                self.unknown_key(v, k, w, grid_keys + mm_keys)
        vals = {}
        missing = [k for k in grid_keys if k not in v]
        if missing:
            self.err(w, f"missing {' and '.join(missing)} (grid placement needs column, span, line and lines)")
        for k in grid_keys:
            if k not in v:
                continue
            try:
                vals[k] = Int(min=1, what="a whole number of " + ("columns" if k in ("column", "span")
                                                                   else "lines")).load(self, v[k], w.key(v, k), None)
            except UnitError as e:
                self.err(w.key(v, k), str(e))
        if len(vals) < 4:
            return None
        p = GridPlace(**vals)
        cols = ps.columns
        if lines is None and not self.columns_ok:
            return p
        if p.column > cols:
            self.err(w.key(v, "column"), f"column {p.column} on a {cols}-column grid")
        elif p.span > cols:
            self.err(w.key(v, "span"), f"{p.span} columns on a {cols}-column grid")
        elif p.column + p.span - 1 > cols:
            self.err(w.key(v, "span"), f"columns {p.column}–{p.column + p.span - 1} run past a {cols}-column grid "
                                       f"(at most span {cols - p.column + 1} from column {p.column})")
        if lines is None:
            pass
        elif p.line > lines:
            self.err(w.key(v, "line"), f"line {p.line} is past the {lines} lines of the page")
        elif p.line + p.lines - 1 > lines:
            self.err(w.key(v, "lines"), f"lines {p.line}–{p.line + p.lines - 1} run past the {lines} lines of the "
                                        f"page (at most {lines - p.line + 1} from line {p.line})")
        return p

    def mm_place(self, v, w: Where, ps: PageSetup):
        vals = {}
        for k in v:
            if k not in ("x", "y", "w", "h"):
                self.unknown_key(v, k, w, ("x", "y", "w", "h"))
        missing = [k for k in ("x", "y", "w", "h") if k not in v]
        if missing:
            self.err(w, f"missing {' and '.join(missing)} (mm placement needs x, y, w and h)")
        for k in ("x", "y", "w", "h"):
            if k not in v:
                continue
            try:
                vals[k] = Length("mm", em=_body_em, positive=k in "wh").load(self, v[k], w.key(v, k), None)
            except UnitError as e:
                self.err(w.key(v, k), str(e))
        if len(vals) < 4:
            return None
        p = MmPlace(**vals)
        if p.x >= ps.width or p.y >= ps.height or p.x + p.w <= 0 or p.y + p.h <= 0:
            self.warn(w, f"the block lies outside the {fmt_num(ps.width)}×{fmt_num(ps.height)}mm page")
        return p

    # -- references across the document ----------------------------------------------------------
    def cross_checks(self, doc: Document) -> None:
        ids: dict = {}
        everything = [b for _, b in doc.blocks()] + list(doc.unplaced)
        for b in everything:
            if not b.id:
                continue
            if b.id in ids:
                first = ids[b.id]
                self.err(b._id_where, f"duplicate id {b.id!r} (first used on line {first._id_where.line})")
            else:
                ids[b.id] = b
        linked_from: dict = {}
        for b in everything:
            nxt = getattr(b, "next", "")
            if not nxt:
                continue
            nw = b._next_where
            target = ids.get(nxt)
            if target is None:
                frames = [i for i, x in ids.items() if x.kind == "frame"]
                self.err(nw, f"no frame with id {nxt!r}{did_you_mean(nxt, frames)}")
                continue
            if target.kind != "frame":
                self.err(nw, f"{nxt!r} is a{'n' if target.kind[0] in 'aeiou' else ''} {target.kind}, "
                             f"but next: must name a frame (type: frame)")
                continue
            if nxt in linked_from:
                other = linked_from[nxt]
                self.err(nw, f"frame {nxt!r} is already linked from {other.id or 'a block'!r} "
                             f"(line {other._next_where.line}); a frame continues one article only")
                continue
            linked_from[nxt] = b
        # loops: a chain that comes back to a frame it passed
        reported = set()
        for b in everything:
            seen, chain, cur = set(), [], b
            while cur is not None and getattr(cur, "next", ""):
                if cur.id in seen:
                    loop = tuple(sorted(seen))
                    if loop not in reported:
                        reported.add(loop)
                        start = chain.index(cur.id)
                        names = " → ".join(chain[start:] + [cur.id])
                        self.err(cur._next_where, f"the chain loops: {names}")
                    break
                seen.add(cur.id)
                chain.append(cur.id)
                nxt = ids.get(cur.next)
                cur = nxt if (nxt is not None and nxt.kind == "frame" and linked_from.get(nxt.id) is cur) else None
        for fid, f in ids.items():
            if f.kind == "frame" and fid not in linked_from:
                self.warn(f._where, f"frame {fid!r} receives no text: no block's next: names it")
        # styles
        known_styles = list(doc.styles) + [s for s in DEFAULT_STYLES if s not in doc.styles]
        for name, w in self.styles_used:
            if name not in known_styles:
                self.err(w, f"unknown style {name!r}{did_you_mean(name, known_styles)} "
                            f"(define it under styles: or use one of {', '.join(known_styles)})")
        # fonts
        names = _font_names()
        if names is not None:
            for name, w in self.fonts_used:
                if not names(name):
                    self.err(w, f"unknown font {name!r}{did_you_mean(name, _known_fonts())} "
                                f"(fonts/fonts.yaml has {', '.join(_main_fonts())})")
        # images: a warning now (the window must still open the issue), an error in preflight
        for rel, w in self.images_used:
            p = Path(rel)
            full = p if p.is_absolute() else self.base_dir / p
            if not full.is_file():
                self.warn(w, f"image file not found: {rel} (looked for {full})")


def _font_names():
    """``has_name`` of the font catalogue, or None when there is no catalogue to check against."""
    try:
        from . import fonts
        cat = fonts.catalog()
    except Exception:  # noqa: BLE001 - no catalogue yet: skip the check rather than reject every font
        return None
    return cat.has_name


def _main_fonts() -> list:
    """The first role name of each catalogue face (宋体, 黑体, 楷体 …): what a user would pick from."""
    try:
        from . import fonts
        return [f.roles[0] if f.roles else f.id for f in fonts.catalog().faces.values()]
    except Exception:  # noqa: BLE001
        return []


def _known_fonts() -> list:
    try:
        from . import fonts
        return list(fonts.catalog().known_names())
    except Exception:  # noqa: BLE001
        return []


class _Constructor(RoundTripConstructor):
    """Round-trip constructor that keeps an impossible date (2026-02-30) as text for the loader to report."""

    def construct_yaml_timestamp(self, node, values=None):
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            return str(node.value)


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.Constructor = _Constructor
    y.allow_unicode = True
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)
    y.preserve_quotes = True
    return y


def loads_document(text: str, filename: str = "<input>", *, base_dir: str | os.PathLike | None = None) -> Document:
    """Parse and validate issue text; ``filename`` names it in diagnostics and (unless ``base_dir``) is the
    folder that image paths are relative to. Raises :class:`PaibanError` listing every error."""
    if base_dir is None:
        base_dir = Path(filename).resolve().parent if filename and not filename.startswith("<") else Path.cwd()
    L = _Loader(filename, Path(base_dir))
    if text.startswith("\ufeff"):
        text = text[1:]
    crlf = "\r\n" in text
    if crlf:
        text = text.replace("\r\n", "\n")
    try:
        tree = _yaml().load(text)
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
        problem = (e.problem or e.context or "cannot be read").strip()
        if "duplicate key" in problem:
            m = re.match(r'found duplicate key "(.*?)"', problem)
            problem = f"duplicate key {m.group(1)!r}" if m else problem
        msg = f"YAML syntax error: {problem}"
        if e.context and e.problem and "duplicate" not in problem:
            ctx = e.context.strip()
            cm = e.context_mark
            if cm is not None and cm.line + 1 != line:
                ctx += f" that starts on line {cm.line + 1}"
            msg += f" ({ctx})"
        raise PaibanError(Diagnostic(msg, filename, line, col)) from None
    except YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = getattr(e, "line", None)
        pos = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
        raise PaibanError(Diagnostic(f"YAML error: {str(e).splitlines()[0] if str(e) else type(e).__name__}",
                                     filename, *pos)) from None
    except RecursionError:
        raise PaibanError(Diagnostic("YAML nesting is too deep", filename)) from None
    except (ValueError, TypeError, OverflowError) as e:   # a scalar ruamel cannot construct
        raise PaibanError(Diagnostic(f"YAML error: {e}", filename)) from None
    doc = L.document(tree)
    errors = [d for d in L.diags if d.severity == "error"]
    if errors:
        errors.sort(key=lambda d: (d.line or 10**9, d.col))
        err = PaibanError(errors)
        err.warnings = sorted((d for d in L.diags if d.severity != "error"), key=lambda d: (d.line or 10**9, d.col))
        raise err
    doc.source = filename if filename and not filename.startswith("<") else ""
    if crlf:
        doc._src.extra["newline"] = "\r\n"            # a Windows file is saved with Windows line ends
    doc.warnings = sorted((d for d in L.diags if d.severity != "error"), key=lambda d: (d.line or 10**9, d.col))
    _strip_private(doc)
    return doc


def _strip_private(doc: Document) -> None:
    for b in [b for _, b in doc.blocks()] + list(doc.unplaced):
        for a in ("_where", "_id_where", "_next_where"):
            b.__dict__.pop(a, None)


def load_document(path: str | os.PathLike) -> Document:
    """Read and validate an issue file. Raises :class:`PaibanError` (file, line, column, field per problem)."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise PaibanError(Diagnostic("no such file", name)) from None
    except IsADirectoryError:
        raise PaibanError(Diagnostic("is a folder, not an issue file", name)) from None
    except PermissionError:
        raise PaibanError(Diagnostic("permission denied: cannot read the file", name)) from None
    except OSError as e:
        raise PaibanError(Diagnostic(f"cannot read the file: {e.strerror or e}", name)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        hint = ""
        try:
            data.decode("gb18030")
            hint = " (it looks like GBK/GB18030)"
        except UnicodeDecodeError:
            pass
        raise PaibanError(Diagnostic(f"not UTF-8 text: byte 0x{data[e.start]:02x} cannot be read{hint}; "
                                     f"save the file as UTF-8", name, line, col)) from None
    return loads_document(text, name)


# ----------------------------------------------------------------------------------------------------
# saving

def _put(m: CommentedMap, key, value, order) -> None:
    """Set ``m[key]``; a new key goes after the keys that precede it in ``order``."""
    if key in m:
        if m[key] is not value:
            m[key] = value
        return
    if key in order:
        before = set(order[:order.index(key)])
        pos = 0
        for i, k in enumerate(m):
            if k in before:
                pos = i + 1
        if pos < len(m):
            m.insert(pos, key, value)
            return
    m[key] = value


def _same(a, b) -> bool:
    try:
        return bool(a == b) and isinstance(a, bool) == isinstance(b, bool)
    except Exception:  # noqa: BLE001
        return False


def _obj_node(obj, specs: dict, base, skip=(), order=None, old=None) -> CommentedMap:
    """The node of ``obj``: its loaded node with changed values rewritten, or a new one with the fields that
    differ from ``base`` (``base=None``: every field). ``old``: the node at the same place in the file, reused
    (for its comments) when ``obj`` is a new object that replaced the loaded one."""
    src = getattr(obj, "_src", None)
    if src is not None:
        node, orig = src.node, src.orig
    elif isinstance(old, CommentedMap):
        node, orig = old, {}
    else:
        node, orig = CommentedMap(), {}
    order = list(order or specs)
    for key, spec in specs.items():
        if key in skip:
            continue
        v = _get(obj, spec.attr)
        if key in node:
            if spec.attr in orig and _same(orig[spec.attr], v):
                continue
            dv = spec.conv.dump(v, obj)
            if dv is None:
                del node[key]
            else:
                _put(node, key, dv, order)
        elif base is None or v != _get(base, spec.attr):
            dv = spec.conv.dump(v, obj)
            if dv is not None:
                _put(node, key, dv, order)
    return node


def _remember(obj, specs: dict, node, extra_attrs=()) -> None:
    orig = {s.attr: copy.deepcopy(_get(obj, s.attr)) for s in specs.values()}
    for a in extra_attrs:
        orig[a] = copy.deepcopy(getattr(obj, a))
    obj._src = _Src(node, orig)


def _seq(old, nodes: list) -> CommentedSeq:
    if isinstance(old, CommentedSeq) and len(old) == len(nodes) and all(a is b for a, b in zip(old, nodes)):
        return old
    new = CommentedSeq(nodes)
    if isinstance(old, CommentedSeq):
        new.ca.comment = old.ca.comment
        if getattr(old.ca, "end", None):
            new.ca.end = old.ca.end
        index = {id(n): i for i, n in enumerate(old)}
        for j, n in enumerate(nodes):
            i = index.get(id(n))
            if i is not None and i in old.ca.items:
                new.ca.items[j] = old.ca.items[i]
        if old.fa.flow_style():
            new.fa.set_flow_style()
    return new


def _place_node(b, node, optional: bool = False) -> None:
    src = getattr(b, "_src", None)
    orig = src.orig.get("place") if src is not None else None
    if (optional or b.kind == "header") and "at" not in node and b.place == GridPlace():
        return
    p = b.place
    if "at" in node and orig is not None and orig == p:
        return
    keys = ("column", "span", "line", "lines") if isinstance(p, GridPlace) else ("x", "y", "w", "h")
    vals = [getattr(p, k) for k in keys]
    if isinstance(p, MmPlace):
        vals = [f"{fmt_num(x)}mm" for x in vals]
    old = node.get("at")
    if isinstance(old, CommentedMap) and set(old) == set(keys):
        for k, x in zip(keys, vals):
            if isinstance(p, MmPlace) and orig is not None and isinstance(orig, MmPlace) \
                    and getattr(orig, k) == getattr(p, k):
                continue
            old[k] = x
        return
    at = CommentedMap(zip(keys, vals))
    at.fa.set_flow_style()
    _put(node, "at", at, ["type", "id", "at"])


def _block_node(b, pool: bool = False) -> CommentedMap:
    specs = BLOCK_SPECS[b.kind]
    base = type(b)()
    src = getattr(b, "_src", None)
    node = src.node if src is not None else CommentedMap()
    if "type" not in node:
        node.insert(0, "type", b.kind)
    if b.id and "id" not in node:
        node.insert(1, "id", b.id)
    b._src = _Src(node, src.orig if src is not None else {})
    _obj_node(b, specs, base, order=["type", "id", "at"] + list(specs))
    _place_node(b, node, optional=pool)
    _remember(b, specs, node, ("place",))
    return node


class _Never:
    """A base whose every attribute differs from any value: write all fields of a new page setup."""
    def __getattr__(self, name):
        return object()


_NEVER = _Never()


def _page_setup_node(ps: PageSetup, node) -> CommentedMap:
    src = getattr(ps, "_src", None)
    node, orig = (src.node, src.orig) if src is not None else (node or CommentedMap(), {})
    fresh_setup = src is None and not len(node)
    base = _NEVER if fresh_setup else PageSetup()
    size = (ps.size, ps.width, ps.height)
    if size != orig.get("size") or "size" not in node:
        if "size" in node or fresh_setup or size != (base.size, base.width, base.height):
            if ps.size in PAGE_SIZES and PAGE_SIZES[ps.size] == (ps.width, ps.height):
                _put(node, "size", ps.size, PAGE_KEYS)
            else:
                wh = CommentedMap(width=f"{fmt_num(ps.width)}mm", height=f"{fmt_num(ps.height)}mm")
                wh.fa.set_flow_style()
                _put(node, "size", wh, PAGE_KEYS)
    if ps.margins != orig.get("margins") or "margins" not in node:
        if "margins" in node or fresh_setup or tuple(ps.margins) != tuple(PageSetup().margins):
            old = node.get("margins")
            if isinstance(old, CommentedMap):
                for k, x, o in zip(MARGIN_KEYS, ps.margins, orig.get("margins") or (None,) * 4):
                    if x != o or k not in old:
                        _put(old, k, f"{fmt_num(x)}mm", MARGIN_KEYS)
            else:
                mm = CommentedMap(zip(MARGIN_KEYS, (f"{fmt_num(x)}mm" for x in ps.margins)))
                mm.fa.set_flow_style()
                _put(node, "margins", mm, PAGE_KEYS)
    grid = node.get("grid")
    fresh = not isinstance(grid, CommentedMap)
    if fresh:
        grid = CommentedMap()
        grid.fa.set_flow_style()
    for k, spec in GRID.items():
        v = getattr(ps, k)
        if k in grid:
            if k in orig and orig[k] == v:
                continue
            _put(grid, k, spec.conv.dump(v, ps), GRID_KEYS)
        elif fresh_setup or v != getattr(base, k):
            _put(grid, k, spec.conv.dump(v, ps), GRID_KEYS)
    if len(grid) and fresh:
        _put(node, "grid", grid, PAGE_KEYS)
    ps._src = _Src(node, orig)
    _obj_node(ps, PAGE_SETUP, None if fresh_setup else base, order=PAGE_KEYS)
    new_orig = {k: getattr(ps, k) for k in GRID}
    new_orig.update({k: getattr(ps, k) for k in PAGE_SETUP})
    new_orig["size"], new_orig["margins"] = size, tuple(ps.margins)
    ps._src = _Src(node, new_orig)
    return node


def _tree(doc: Document) -> CommentedMap:
    src = getattr(doc, "_src", None)
    top, orig = (src.node, src.orig) if src is not None else (CommentedMap(), {})
    if top.get("paiban") != FORMAT_VERSION:
        _put(top, "paiban", FORMAT_VERSION, TOP_KEYS)
    # publication
    if "publication" in top or doc.publication != Publication():
        pnode = _obj_node(doc.publication, PUBLICATION, Publication(), old=top.get("publication"))
        _remember(doc.publication, PUBLICATION, pnode)
        _put(top, "publication", pnode, TOP_KEYS)
    # page setup: spelled out in a new file; left out of a loaded file that relied on the defaults
    if src is None or "page" in top or doc.page != PageSetup():
        _put(top, "page", _page_setup_node(doc.page, top.get("page")), TOP_KEYS)
    if "print_profile" in top or doc.print_profile != Document().print_profile:
        if orig.get("print_profile") != doc.print_profile or "print_profile" not in top:
            _put(top, "print_profile", doc.print_profile, TOP_KEYS)
    # colours
    if doc.colours or "colours" in top:
        cnode = top.get("colours")
        if not isinstance(cnode, CommentedMap):
            cnode = CommentedMap()
        old = orig.get("colours") or {}
        for name in [n for n in cnode if n not in doc.colours]:
            del cnode[name]
        for name, cmyk in doc.colours.items():
            if name in cnode and tuple(old.get(name, ())) == tuple(cmyk):
                continue
            spec = CommentedMap(cmyk=_flow_seq(cmyk_percent(cmyk)))
            spec.fa.set_flow_style()
            cnode[name] = spec
        _put(top, "colours", cnode, TOP_KEYS)
    # styles
    if doc.styles or "styles" in top:
        snode = top.get("styles")
        if not isinstance(snode, CommentedMap):
            snode = CommentedMap()
        for name in [n for n in snode if n not in doc.styles]:
            del snode[name]
        for name, st in doc.styles.items():
            base = DEFAULT_STYLES.get(name) or Style(name)
            if getattr(st, "_src", None) is not None and st._src.node is not snode.get(name):
                st._src = None
            n = _obj_node(st, STYLE, base, old=snode.get(name))
            if not len(n):
                n.fa.set_flow_style()
            _remember(st, STYLE, n)
            if snode.get(name) is not n:
                snode[name] = n
        _put(top, "styles", snode, TOP_KEYS)
    # pages
    page_nodes = []
    for page in doc.pages:
        pn = _obj_node(page, PAGE, Page())
        bnodes = [_block_node(b) for b in page.blocks]
        if bnodes or "blocks" in pn:
            _put(pn, "blocks", _seq(pn.get("blocks"), bnodes), list(PAGE) + ["blocks"])
        _remember(page, PAGE, pn)
        page_nodes.append(pn)
    _put(top, "pages", _seq(top.get("pages"), page_nodes), TOP_KEYS)
    if doc.unplaced or "unplaced" in top:
        pool = [_block_node(b, pool=True) for b in doc.unplaced]
        _put(top, "unplaced", _seq(top.get("unplaced"), pool), TOP_KEYS)
    doc._src = _Src(top, {"colours": copy.deepcopy(doc.colours), "print_profile": doc.print_profile},
                    src.extra if src is not None else None)
    return top


def dumps_document(doc: Document) -> str:
    """The document as format-1 YAML text (the loaded file's comments and key order kept)."""
    top = _tree(doc)
    buf = io.StringIO()
    _yaml().dump(top, buf)
    return buf.getvalue()


def _rebase_paths(doc: Document, old_dir: Path, new_dir: Path) -> None:
    """Keep relative image (and print profile) paths pointing at the same files when saving elsewhere."""
    def rebase(rel: str) -> str:
        if not rel or Path(rel).is_absolute():
            return rel
        return Path(os.path.relpath(old_dir / rel, new_dir)).as_posix()

    for b in [b for _, b in doc.blocks()] + list(doc.unplaced):
        if getattr(b, "image", ""):
            b.image = rebase(b.image)
    p = doc.print_profile
    if p and (p.endswith((".yaml", ".yml")) or "/" in p):
        doc.print_profile = rebase(p)


def save_document(doc: Document, path: str | os.PathLike) -> None:
    """Write ``doc`` to ``path`` atomically: the old file stays whole if anything fails. Saving to another
    folder than the one it was loaded from rewrites relative image paths so they still find the files."""
    path = given = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))      # replace the file the link points at, keep the link
    if doc.source:
        old_dir, new_dir = Path(doc.source).resolve().parent, path.resolve().parent
        if old_dir != new_dir:
            _rebase_paths(doc, old_dir, new_dir)
    text = dumps_document(doc)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise PaibanError(Diagnostic(f"cannot save: {e.strerror or e}", str(path))) from None
    try:
        src = getattr(doc, "_src", None)
        newline = src.extra.get("newline", "\n") if src is not None else "\n"
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        try:
            mode = os.stat(path).st_mode & 0o7777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError):
            raise PaibanError(Diagnostic(f"cannot save: {e.strerror or e}", str(path))) from None
        raise
    try:
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass
    doc.source = str(given)


def check_document(doc: Document) -> list[Diagnostic]:
    """Problems of an in-memory document (e.g. after edits in the window), errors then warnings, exactly as
    loading its saved form would report them. Fields name the block; lines refer to the text it would be saved
    as. Updates the document's kept YAML tree like a save does, without writing anything."""
    text = dumps_document(doc)
    name = doc.source or "<document>"
    base = Path(doc.source).resolve().parent if doc.source else Path.cwd()
    try:
        again = loads_document(text, name, base_dir=base)
    except PaibanError as e:
        return list(e.diagnostics) + list(getattr(e, "warnings", []))
    return list(again.warnings)


def check_main(args) -> int:
    """``paiban check FILE…``: load each file and print its problems; exit 2 on errors, 0 otherwise."""
    import sys
    bad = 0
    for f in args.files:
        try:
            doc = load_document(f)
        except PaibanError as e:
            bad += 1
            for d in e.diagnostics:
                print(f"paiban: {d}", file=sys.stderr)
            continue
        for d in doc.warnings:
            print(f"paiban: {d} (warning)", file=sys.stderr)
        if not args.quiet:
            print(f"{f}: ok ({len(doc.pages)} pages, {sum(1 for _ in doc.blocks())} blocks)")
    return 2 if bad else 0


def configure(parser) -> None:
    """Arguments of ``paiban check`` (the lead wires it in ``layout/commands.py``)."""
    parser.add_argument("files", nargs="+", metavar="ISSUE.yaml")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    parser.set_defaults(func=check_main)
