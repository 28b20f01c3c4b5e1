"""Subcommand registration for ``paiban``: each ``add_*`` adds one subparser whose ``func`` does the work.

Owners add their subcommand here; the implementation lives in the stage's own module.
"""
from __future__ import annotations


def add_all(sub) -> None:
    for add in (add_typeset, add_export, add_preflight, add_check, add_new, add_fonts, add_gui):
        add(sub)


def add_check(sub) -> None:
    p = sub.add_parser("check", help="validate issue files and report every problem")
    from . import loader
    loader.configure(p)


def add_typeset(sub) -> None:
    p = sub.add_parser("typeset", help="break and justify paragraphs (testing seam and editor's tool)")
    from .text import cli as text_cli
    text_cli.configure(p)


def add_export(sub) -> None:
    p = sub.add_parser("export", help="export issues to print-ready PDF (and PNG proofs)")
    from . import export
    export.configure(p)


def add_preflight(sub) -> None:
    p = sub.add_parser("preflight", help="check an issue for problems before printing")
    from . import preflight
    preflight.configure(p)


def add_new(sub) -> None:
    p = sub.add_parser("new", help="start a new issue from a template")
    try:
        from . import templates
    except ImportError:      # not built yet in this checkout
        return
    templates.configure(p)


def add_fonts(sub) -> None:
    p = sub.add_parser("fonts", help="list fonts, install a user font, check coverage")
    from . import fonts
    fonts.configure(p)


def add_gui(sub) -> None:
    p = sub.add_parser("gui", help="open the layout window")
    p.add_argument("file", nargs="?")
    p.add_argument("--screenshot", metavar="OUT.png")
    p.add_argument("--page", type=int, default=1)
    p.add_argument("--size", default="1600x1000", metavar="WxH")
    p.add_argument("--lang", choices=("zh", "en"), help="interface language (default zh; or PAIBAN_LANG)")

    def run(args):
        from gui.app import run as gui_run   # gui imports layout, never the reverse (lazy, at run time)
        return gui_run(args)
    p.set_defaults(func=run)
