"""``paiban typeset``: break and justify paragraphs from the command line (the engine's testing seam).

Contract: ``configure(parser)`` adds the options and sets ``func``; each TEXT argument (or each line of
stdin with ``-``) is one paragraph.  Plain output prints one composed line per output line (a blank line
between paragraphs); ``--json`` prints measure, size and every line's glyphs (x, w in pt).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import Diagnostic, PaibanError
from ..model import Style
from . import rules


def configure(parser) -> None:
    parser.add_argument("text", nargs="*", metavar="TEXT", help="paragraphs; '-' reads one per line from stdin")
    parser.add_argument("--measure", default="13字", help="line length: 6.17em, 80pt, 30mm or 13字 (default 13字)")
    parser.add_argument("--size", default="10.5pt", help="type size: 10.5pt or a 号 name like 小五 (default 10.5pt)")
    parser.add_argument("--font", default="宋体", help="font role or face id (default 宋体)")
    parser.add_argument("--latin-font", default=None, help="face for Latin letters and digits (composite font)")
    parser.add_argument("--indent", default="2em", help="first-line indent (default 2em)")
    parser.add_argument("--kinsoku", default="gb", choices=rules.LEVELS, help="prohibition level (default gb)")
    parser.add_argument("--punct", default="开明", choices=rules.PUNCT_STYLES, help="punctuation style (default 开明)")
    parser.add_argument("--align", default="justify", choices=("justify", "left", "center", "right", "distribute"))
    parser.add_argument("--tracking", type=float, default=0.0, help="extra space between characters, 1/1000 em")
    parser.add_argument("--hscale", type=float, default=100.0, help="horizontal scale in percent (70-130)")
    parser.add_argument("--hanging", action="store_true", help="let a line-end stop hang outside the measure")
    parser.add_argument("--fit", action="store_true", help="fit a one-line title to the measure")
    parser.add_argument("--json", action="store_true", help="print lines and glyph positions as JSON")
    parser.add_argument("--fonts", default=None, metavar="FONTS.yaml", help="font catalogue (default fonts/fonts.yaml)")
    parser.set_defaults(func=run)


def _length(value: str, size: float, field: str) -> float:
    from ..units import UnitError, parse_length
    try:
        return parse_length(value, "pt", em_pt=size, what=field.lstrip("-"))
    except UnitError as e:
        raise PaibanError(Diagnostic(str(e), file="<command line>", field=field)) from None


def run(args) -> int:
    from .. import fonts
    from ..units import UnitError, parse_type_size
    from . import compose_paragraph
    try:
        size = parse_type_size(args.size)
    except UnitError as e:
        raise PaibanError(Diagnostic(str(e), file="<command line>", field="--size")) from None
    if size <= 0:
        raise PaibanError(Diagnostic("the size must be positive", file="<command line>", field="--size"))
    measure = _length(args.measure, size, "--measure")
    if measure <= 0:
        raise PaibanError(Diagnostic("the measure must be positive", file="<command line>", field="--measure"))
    indent = _length(args.indent, size, "--indent") / size
    if not 70 <= args.hscale <= 130:
        raise PaibanError(Diagnostic("horizontal scale must be 70-130 %", file="<command line>", field="--hscale"))
    cat = fonts.load_catalog(Path(args.fonts)) if args.fonts else fonts.catalog()
    if not cat.has_name(args.font):
        raise PaibanError(Diagnostic(f"unknown font {args.font!r}; known: {', '.join(cat.known_names())}",
                                     file="<command line>", field="--font"))
    if args.latin_font and not cat.has_name(args.latin_font):
        raise PaibanError(Diagnostic(f"unknown font {args.latin_font!r}", file="<command line>", field="--latin-font"))
    style = Style("typeset", font=args.font, latin_font=args.latin_font, size=size, indent=indent,
                  kinsoku=args.kinsoku, punct=args.punct, align=args.align, tracking=args.tracking,
                  hscale=args.hscale, hanging=args.hanging, fit=args.fit)
    paras = []
    for t in args.text or ["-"]:
        if t == "-":
            paras.extend(line.rstrip("\r\n") for line in sys.stdin)
        else:
            paras.append(t)
    paras = [p for p in paras if p.strip()]
    out = {"measure": round(measure, 4), "size": size, "paragraphs": []}
    for i, p in enumerate(paras):
        lines = compose_paragraph(p, style, measure, catalog=cat)
        for ln in lines:
            for ch, idx in ln.missing:
                print(f"paiban: paragraph {i + 1}: no font has {ch!r} (U+{ord(ch):04X}) at character {idx + 1}",
                      file=sys.stderr)
        if args.json:
            out["paragraphs"].append({"lines": [ln.to_json() for ln in lines]})
        else:
            if i:
                print()
            for ln in lines:
                print(ln.text)
    if args.json:
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        print()
    return 0
