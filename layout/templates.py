"""``paiban new``: start an issue from a bundled template (``assets/templates/NAME.yaml``).

A template is an ordinary, valid issue file with a masthead, headers and placeholder articles. ``new_issue``
loads it (so it is validated), sets the date (today unless given) and the paper's name if asked, and saves it
to the new path with the template's comments kept. An existing file is never overwritten without ``force``.
"""
from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path

from .errors import Diagnostic, PaibanError
from .model import Document

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = ROOT / "assets" / "templates"


def available() -> list[str]:
    """Template names, e.g. ``['A4-简报', '四开-6栏', '对开-8栏']``."""
    return sorted(p.stem for p in TEMPLATES_DIR.glob("*.yaml"))


def describe(name: str) -> str:
    """The first comment line of a template (what it is)."""
    for line in template_path(name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            return line.lstrip("# ").strip()
    return ""


def template_path(name: str) -> Path:
    p = TEMPLATES_DIR / f"{name}.yaml"
    if name not in available():
        from .units import did_you_mean
        raise PaibanError(Diagnostic(f"unknown template {name!r}{did_you_mean(name, available())}; "
                                     f"templates: {', '.join(available())}", file="--template"))
    return p


def new_issue(template: str, out: str | Path, *, force: bool = False, date: str | None = None,
              name: str | None = None) -> Document:
    """Write a new issue at ``out`` from ``template``; returns the document as saved."""
    from .loader import load_document, save_document
    out = Path(out)
    src = template_path(template)
    if out.exists() and not force:
        raise PaibanError(Diagnostic("already exists; use --force to overwrite it", str(out)))
    if out.exists() and out.is_dir():
        raise PaibanError(Diagnostic("is a folder; give the path of the new .yaml file", str(out)))
    if not out.parent.is_dir():
        raise PaibanError(Diagnostic(f"no such folder: {out.parent}", str(out)))
    doc = load_document(src)
    if date is None:
        date = _dt.date.today().isoformat()
    try:
        doc.publication.date = _dt.date.fromisoformat(date).isoformat()
    except ValueError:
        raise PaibanError(Diagnostic(f"bad date {date!r} (write it as year-month-day, e.g. 2026-03-16)",
                                     file="--date")) from None
    if name:
        doc.publication.name = name
    save_document(doc, out)
    return doc


def run_cli(args) -> int:
    if args.list:
        for n in available():
            print(f"{n}\t{describe(n)}")
        return 0
    if not args.out:
        raise PaibanError(Diagnostic("give the new file's path: paiban new --template NAME OUT.yaml "
                                     f"(templates: {', '.join(available())})", file="new"))
    doc = new_issue(args.template, args.out, force=args.force, date=args.date, name=args.name)
    blocks = sum(1 for _ in doc.blocks())
    print(f"{args.out}: new issue from {args.template} ({len(doc.pages)} pages, {blocks} blocks)", file=sys.stderr)
    return 0


def configure(parser) -> None:
    """Arguments of ``paiban new``."""
    parser.add_argument("out", nargs="?", metavar="OUT.yaml", help="the new issue file")
    parser.add_argument("-t", "--template", default="四开-6栏", metavar="NAME",
                        help="template name (default 四开-6栏; see --list)")
    parser.add_argument("--list", action="store_true", help="list the templates and exit")
    parser.add_argument("--force", action="store_true", help="overwrite OUT.yaml if it exists")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="issue date (default today)")
    parser.add_argument("--name", metavar="报名", help="the paper's name (default the template's)")
    parser.set_defaults(func=run_cli)
