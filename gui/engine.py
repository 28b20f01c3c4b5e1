"""The window's only door into ``layout``: load/save, compose (whole issue or one page, cached), preflight,
export. Everything else in ``gui`` calls these so API details of the engine live in one place.
"""
from __future__ import annotations

import copy
import time

from layout import model, tree
from layout.errors import PaibanError

MM = 72.0 / 25.4


def load(path: str) -> model.Document:
    from layout.loader import load_document
    doc = load_document(path)
    if not doc.source:
        doc.source = str(path)
    return doc


def save(doc: model.Document, path: str) -> None:
    from layout.loader import save_document
    save_document(doc, path)


def dumps(doc: model.Document) -> str | None:
    """The YAML text of ``doc`` if the loader offers a string writer (used for autosave)."""
    try:
        from layout import loader
    except ImportError:
        return None
    for name in ("dumps_document", "dumps", "dump_document", "document_to_yaml", "to_yaml"):
        f = getattr(loader, name, None)
        if callable(f):
            try:
                out = f(doc)
                if isinstance(out, str):
                    return out
            except Exception:  # noqa: BLE001
                pass
    return None


class Layouter:
    """Composes the document with one ``layout.compose.Composer`` kept for the document's lifetime, so a
    relayout after an edit recomposes only the blocks whose content or geometry changed."""

    def __init__(self):
        self.composer = None
        self.last_ms = 0.0

    def compose(self, doc: model.Document, pages=None, previous: tree.LaidDocument | None = None
                ) -> tree.LaidDocument:
        """Lay out ``doc``. With ``pages`` (a set of indices) and a ``previous`` tree of the same shape,
        only those pages are recomposed (live reflow while dragging); otherwise all (cached blocks reused)."""
        from layout.compose import Composer
        t = time.perf_counter()
        try:
            if self.composer is None:
                self.composer = Composer()
            if (pages and previous is not None and len(previous.pages) == len(doc.pages)
                    and all(0 <= i < len(doc.pages) for i in pages)):
                out = tree.LaidDocument(list(previous.pages), title=previous.title, source=previous.source,
                                        faces=previous.faces)
                for i in pages:
                    out.pages[i] = self.composer.compose_page(doc, i)
                return out
            return self.composer.compose(doc)
        finally:
            self.last_ms = (time.perf_counter() - t) * 1000

    def reset(self):
        self.composer = None


def preflight(doc: model.Document, laid: tree.LaidDocument | None) -> list:
    """Fast findings from the laid-out tree (overset, missing glyphs and images, thin rules …), sorted.
    The export runs the full preflight (tree + PDF) again."""
    from layout import export as ex
    from layout import preflight as pf
    if laid is None:
        return []
    prof = ex.resolve_profile(doc)
    return pf.sort_findings(pf.check_tree(laid, prof))


def export(doc, out_pdf: str, options: dict | None, progress=None):
    from layout.export import ExportOptions, export_document
    o = options or {}
    opts = ExportOptions(marks=o.get("marks"), png_dpi=o.get("png") or None, force=bool(o.get("force")),
                         pdfx=o.get("pdfx"))
    return export_document(doc, out_pdf, opts, progress=progress)


def clone(obj):
    return copy.deepcopy(obj)


__all__ = ["PaibanError", "load", "save", "dumps", "Layouter", "preflight", "export", "MM"]
