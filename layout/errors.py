"""Error and diagnostic types shared by every stage: one clear line per problem, naming file:line:col and field."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Diagnostic:
    """One problem found in an input file. ``str()`` gives ``file:line:col: field: message``."""
    message: str
    file: str = ""
    line: int = 0        # 1-based, 0 when unknown
    col: int = 0         # 1-based, 0 when unknown
    field: str = ""      # e.g. "pages[0].blocks[3].span"
    severity: str = "error"

    def __str__(self) -> str:
        where = self.file or "<input>"
        if self.line:
            where += f":{self.line}"
            if self.col:
                where += f":{self.col}"
        return f"{where}: {self.field + ': ' if self.field else ''}{self.message}"


class PaibanError(Exception):
    """Bad input or an impossible request. The CLI prints each diagnostic on one line and exits 2."""

    def __init__(self, diagnostics: list[Diagnostic] | Diagnostic | str):
        if isinstance(diagnostics, str):
            diagnostics = [Diagnostic(diagnostics)]
        elif isinstance(diagnostics, Diagnostic):
            diagnostics = [diagnostics]
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))
