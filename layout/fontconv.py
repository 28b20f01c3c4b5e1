"""Font conversion and checks shared by ``tools/build_fonts.py`` and user fonts (``layout.fonts``).

ReportLab embeds only TrueType-outline (``glyf``) fonts. Noto CJK and most OpenType CJK fonts have CFF
outlines, so they are converted here: every glyph's cubic outline goes through fontTools' cu2qu
(max error 1 font unit = 0.001 em) into ``glyf``; ``CFF ``/``VORG`` are dropped, ``hmtx`` left side bearings and
``vmtx`` top side bearings are recomputed from the new outlines, ``maxp`` becomes version 1.0 and ``post``
format 3. Layout tables (GSUB/GPOS/GDEF/BASE) are kept as they are: glyph ids do not change.

Also here: the GBK character set, subsetting with every layout feature kept, renaming (the OFL asks
modified versions to carry a new name), and :func:`check_usable`, which gives a one-line PaibanError for
fonts that cannot be embedded (not a font, bitmap only, restricted licence, CFF2 variable).
"""
from __future__ import annotations

import hashlib
import os
import time
import unicodedata
from functools import lru_cache
from pathlib import Path

from .errors import Diagnostic, PaibanError


def _error(path, message: str) -> PaibanError:
    """A one-line error about a font file: ``<path>: <message>``."""
    return PaibanError(Diagnostic(message, file=str(path)) if path else Diagnostic(message))

CONVERTER_VERSION = 1   # bump when the conversion output changes (invalidates cached user conversions)

# Ranges a newspaper needs besides GBK (all of which is included): ASCII and Latin-1, general punctuation,
# letterlike symbols, number forms, enclosed numbers, CJK symbols and punctuation, enclosed CJK, the whole
# CJK Unified Ideographs block (GBK stops at U+9FA5), vertical forms, CJK compatibility forms, small forms,
# half- and full-width forms.
EXTRA_RANGES = [
    (0x0020, 0x007E), (0x00A0, 0x00FF), (0x2000, 0x206F), (0x2100, 0x214F), (0x2150, 0x218F),
    (0x2460, 0x24FF), (0x3000, 0x303F), (0x3200, 0x32FF), (0x4E00, 0x9FFF),
    (0xFE10, 0xFE19), (0xFE30, 0xFE4F), (0xFE50, 0xFE6F), (0xFF00, 0xFFEF),
]


@lru_cache(maxsize=1)
def gbk_chars() -> frozenset[str]:
    """Every character of the GBK encoding: each valid 2-byte code decoded with Python's 'gbk' codec."""
    out = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            if trail == 0x7F:
                continue
            try:
                out.add(bytes((lead, trail)).decode("gbk"))
            except UnicodeDecodeError:
                pass
    return frozenset(out)


def is_han(ch: str) -> bool:
    name = unicodedata.name(ch, "")
    return name.startswith("CJK UNIFIED IDEOGRAPH") or name.startswith("CJK COMPATIBILITY IDEOGRAPH")


@lru_cache(maxsize=1)
def gbk_hanzi() -> frozenset[str]:
    """The Han characters of GBK (20,902 unified + 21 compatibility ideographs = 20,923 with Python's codec)."""
    return frozenset(c for c in gbk_chars() if is_han(c))


def subset_codepoints() -> set[int]:
    """Code points the bundled subset faces keep: all of GBK plus :data:`EXTRA_RANGES`."""
    cps = {ord(c) for c in gbk_chars()}
    for a, b in EXTRA_RANGES:
        cps.update(range(a, b + 1))
    return cps


# -- reading -------------------------------------------------------------------------------------------

def open_font(path: str | os.PathLike, index: int = 0, lazy: bool | None = None):
    """A fontTools TTFont for face ``index`` of ``path`` (TTF/OTF/TTC/OTC), or a PaibanError."""
    from fontTools.ttLib import TTFont, TTLibError
    try:
        return TTFont(str(path), fontNumber=index, lazy=lazy)
    except (TTLibError, OSError, AssertionError, IndexError, KeyError, ValueError, EOFError) as e:
        msg = str(e) or type(e).__name__
        if "Not a TrueType or OpenType font" in msg:
            msg = "not a font file (no TrueType/OpenType header)"
        raise _error(path, f"cannot use font: {msg}") from None


def face_count(path: str | os.PathLike) -> int:
    with open(path, "rb") as f:
        head = f.read(12)
    if head[:4] == b"ttcf":
        return int.from_bytes(head[8:12], "big")
    return 1


def find_face(path: str | os.PathLike, family: str) -> int:
    """Index of the face whose family name (name ID 1 or 16) is ``family`` in a collection."""
    for i in range(face_count(path)):
        f = open_font(path, i, lazy=True)
        names = {f["name"].getDebugName(1), f["name"].getDebugName(16)}
        f.close()
        if family in names:
            return i
    raise _error(path, f"no face with family name {family!r}")


def check_usable(font, path: str | os.PathLike = "") -> str:
    """Raise a one-line PaibanError if ReportLab cannot embed ``font``; return its outline kind.

    Returns ``"glyf"`` (TrueType, usable as is) or ``"cff"`` (needs :func:`cff_to_ttf`)."""
    if "CFF2" in font:
        raise _error(path, f"cannot use font: variable CFF2 (OpenType variable) fonts are not supported; "
                          "install a static OTF/TTF instance instead")
    if "glyf" in font:
        kind = "glyf"
    elif "CFF " in font:
        kind = "cff"
    elif any(t in font for t in ("EBDT", "CBDT", "sbix", "bdat", "bloc")):
        raise _error(path, f"cannot use font: bitmap-only font (no outlines to embed)")
    else:
        raise _error(path, f"cannot use font: no glyph outlines (neither glyf nor CFF table)")
    if "OS/2" in font:
        fs = font["OS/2"].fsType
        if fs & 0x000F == 0x0002:
            raise _error(path, f"cannot use font: its licence forbids embedding "
                              f"(OS/2 fsType 0x{fs:04X}, restricted licence embedding)")
        if fs & 0x0200:
            raise _error(path, f"cannot use font: its licence allows bitmap embedding only "
                              f"(OS/2 fsType 0x{fs:04X})")
        if fs & 0x0100 and font["maxp"].numGlyphs > 255:
            raise _error(path, f"cannot use font: its licence forbids subsetting "
                              f"(OS/2 fsType 0x{fs:04X}) and it is too large to embed whole")
    try:
        cmap = font.getBestCmap()
    except Exception:  # noqa: BLE001 - a broken cmap is just "unusable"
        cmap = None
    if not cmap:
        raise _error(path, f"cannot use font: no Unicode character map (cmap)")
    return kind


# -- transforming ----------------------------------------------------------------------------------------

def subset(font, codepoints) -> None:
    """Subset ``font`` in place to ``codepoints`` plus every glyph its layout features reach.

    All GSUB/GPOS features (vert, vrt2, halt, vhal, palt, locl, aalt …) and scripts are kept, with
    the vertical tables (vhea/vmtx/VORG), BASE and all name records."""
    from fontTools import subset as ftsubset
    opts = ftsubset.Options()
    opts.layout_features = ["*"]
    opts.layout_scripts = ["*"]
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.name_legacy = True
    opts.notdef_outline = True
    opts.notdef_glyph = True
    opts.glyph_names = False
    opts.hinting = False          # CFF hints do not survive conversion to TrueType anyway
    opts.legacy_kern = True
    opts.prune_unicode_ranges = True
    opts.recalc_bounds = True
    sub = ftsubset.Subsetter(opts)
    sub.populate(unicodes=sorted(codepoints))
    sub.subset(font)


def cff_to_ttf(font, max_err: float = 1.0) -> None:
    """Convert a CFF-outline font to TrueType outlines in place (fontTools cu2qu)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    if "CFF " not in font:
        raise ValueError("not a CFF font")
    order = font.getGlyphOrder()
    gs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        gs[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph(dropImpliedOnCurves=True)
    vorg = font["VORG"] if "VORG" in font else None
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    glyf.compile(font)             # computes each glyph's bounding box
    hmtx = font["hmtx"]
    vmtx = font["vmtx"] if "vmtx" in font else None
    for name, g in glyf.glyphs.items():
        has_box = hasattr(g, "xMin") and g.numberOfContours != 0
        hmtx[name] = (hmtx[name][0], g.xMin if has_box else 0)
        if vmtx is not None and name in vmtx.metrics:
            adv, tsb = vmtx[name]
            if vorg is not None and has_box:
                origin = vorg.VOriginRecords.get(name, vorg.defaultVertOriginY)
                tsb = origin - g.yMax
            vmtx[name] = (adv, tsb)
    if vorg is not None:
        del font["VORG"]
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements",
                 "maxPoints", "maxContours", "maxCompositePoints", "maxCompositeContours",
                 "maxComponentDepth"):
        setattr(maxp, attr, 1 if attr == "maxZones" else 0)
    maxp.numGlyphs = len(order)
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 3.0
    for attr in ("extraNames", "mapping", "glyphOrder"):
        if hasattr(post, attr):
            delattr(post, attr)
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font, family: str, style: str, ps_name: str, description: str, version_note: str = "") -> None:
    """Give ``font`` a new name (name IDs 1–4, 6, 16, 17 in every language are replaced by English ones)."""
    name = font["name"]
    drop = {1, 2, 3, 4, 6, 16, 17, 18, 20, 21, 22, 25}
    name.names = [r for r in name.names if r.nameID not in drop]
    weight_style = style
    if style in ("Regular", "Bold", "Italic", "Bold Italic"):
        fam1, sub2 = family, style
    else:
        fam1, sub2 = f"{family} {style}", "Regular"
    full = family if style == "Regular" else f"{family} {weight_style}"
    version = name.getDebugName(5) or "Version 1.000"
    if version_note:
        for rec in [r for r in name.names if r.nameID == 5]:
            name.names.remove(rec)
        version = f"{version}; {version_note}"
    values = {1: fam1, 2: sub2, 3: f"{ps_name};{version}", 4: full, 5: version, 6: ps_name, 10: description}
    if fam1 != family:
        values.update({16: family, 17: style})
    for rec in [r for r in name.names if r.nameID == 10]:
        name.names.remove(rec)
    for nid, val in values.items():
        name.setName(val, nid, 3, 1, 0x409)
    # Mac records left over from the source carry the old names; drop every Mac-platform record.
    name.names = [r for r in name.names if r.platformID != 1]
    if "CFF " in font:   # keep the CFF's own names consistent too
        cff = font["CFF "].cff
        cff.fontNames = [ps_name]


def convert_file(src: str | os.PathLike, dst: str | os.PathLike, index: int = 0, *,
                 codepoints=None, names: dict | None = None, max_err: float = 1.0, log=None) -> dict:
    """Read face ``index`` of ``src``, optionally subset, convert CFF to TrueType, rename, write ``dst``.

    ``names`` is a dict for :func:`rename` (family, style, ps_name, description, version_note).
    Returns timings and counts. The output is written atomically."""
    t0 = time.perf_counter()
    font = open_font(src, index, lazy=False)
    kind = check_usable(font, src)
    stats = {"source": str(src), "index": index, "kind": kind,
             "source_glyphs": font["maxp"].numGlyphs}
    t1 = time.perf_counter()
    if codepoints is not None:
        subset(font, codepoints)
    t2 = time.perf_counter()
    if kind == "cff":
        cff_to_ttf(font, max_err)
    t3 = time.perf_counter()
    if names:
        rename(font, **names)
    dst = Path(dst)
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(f".{dst.name}.{os.getpid()}.tmp")
    font.save(str(tmp))
    os.replace(tmp, dst)
    t4 = time.perf_counter()
    stats.update(glyphs=font["maxp"].numGlyphs, size=dst.stat().st_size,
                 t_load=t1 - t0, t_subset=t2 - t1, t_convert=t3 - t2, t_save=t4 - t3, t_total=t4 - t0)
    if log:
        log(f"{dst.name}: {stats['glyphs']} glyphs, {stats['size'] / 1e6:.1f} MB, "
            f"subset {stats['t_subset']:.1f} s, convert {stats['t_convert']:.1f} s, total {stats['t_total']:.1f} s")
    return stats


def file_hash(path: str | os.PathLike) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def converted_path(src: str | os.PathLike, index: int, cache_dir: Path, digest: str | None = None) -> Path:
    """Where the TrueType conversion of face ``index`` of ``src`` is cached (keyed by the file's hash)."""
    digest = digest or file_hash(src)
    return cache_dir / "converted" / f"{digest[:32]}-{index}-v{CONVERTER_VERSION}.ttf"


def ensure_converted(src: str | os.PathLike, index: int, cache_dir: Path, digest: str | None = None) -> Path:
    """The cached TrueType conversion of a CFF face, converting it (once) when missing.

    User fonts keep their names: the converted file stays in the user's cache and is only embedded in
    the user's own documents."""
    out = converted_path(src, index, cache_dir, digest)
    if not out.exists():
        convert_file(src, out, index)
    return out
