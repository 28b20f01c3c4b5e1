"""The ``paiban`` command line: a thin shell over the same pipeline the window uses.

Exit codes: 0 ok, 1 preflight errors, 2 bad input or usage. Errors go to stderr, one line each;
``--debug`` shows tracebacks. Each subcommand lives in its own module; this file only parses and dispatches.
"""
from __future__ import annotations

import argparse
import sys

from . import __version__
from .errors import PaibanError


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="paiban", description="Paiban 排版: Chinese newspaper layout")
    p.add_argument("--version", action="version", version=f"paiban {__version__}")
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    from . import commands
    commands.add_all(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:          # argparse: usage errors exit 2, --help/--version exit 0
        return int(e.code or 0)
    if not args.command:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except PaibanError as e:
        for d in e.diagnostics:
            print(f"paiban: {d}", file=sys.stderr)
        if args.debug:
            raise
        return 2
    except KeyboardInterrupt:
        print("paiban: interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # noqa: BLE001 - last resort: never a traceback without --debug
        if args.debug:
            raise
        print(f"paiban: internal error: {type(e).__name__}: {e} (run with --debug for details)", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
