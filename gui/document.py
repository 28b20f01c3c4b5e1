"""The document controller: the model, its undo stack, the laid-out tree and the selection.

Widgets never mutate the model directly: they push commands (``gui.commands``) on ``undo``; commands call
:meth:`DocumentController.changed`, which relays out and emits signals the scene and panels mirror.
"""
from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QUndoStack

from layout import model, tree

from . import engine
from .grid import Grid


def recovery_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation) or \
        os.path.join(Path.home(), ".cache", "paiban")
    d = Path(os.environ.get("PAIBAN_RECOVERY_DIR", os.path.join(base, "recovery")))
    return d


def recovery_path(doc_path: str | None) -> Path:
    """Per-document recovery file in the user's cache dir (untitled documents: per process)."""
    if not doc_path:
        return recovery_dir() / f"untitled-{os.getpid()}.recovery.yaml"
    h = hashlib.sha1(os.path.abspath(doc_path).encode("utf-8")).hexdigest()[:16]
    return recovery_dir() / f"{Path(doc_path).stem}-{h}.recovery.yaml"


def new_document() -> model.Document:
    doc = model.Document()
    doc.publication.name = "新报"
    doc.pages = [model.Page(number=1, section="要闻", blocks=[
        model.Masthead(id="masthead", place=model.GridPlace(1, doc.page.columns, 1, 8))])]
    return doc


class DocumentController(QObject):
    documentReplaced = Signal()          # a new document (open/new)
    layoutChanged = Signal(object)       # set of page indices relaid (None = all)
    structureChanged = Signal()          # pages/blocks/pool changed: thumbnails, copy list
    selectionChanged = Signal()
    modelEdited = Signal(object)         # the model object a command changed (panels refresh)
    fileChanged = Signal()               # path or modified state changed

    def __init__(self, parent=None):
        super().__init__(parent)
        self.undo = QUndoStack(self)
        self.undo.cleanChanged.connect(self._clean_changed)
        self.layouter = engine.Layouter()
        self.doc: model.Document = new_document()
        self.path: str | None = None
        self.unplaced: list = []
        self.laid: tree.LaidDocument | None = None
        self.selection: list[str] = []
        self.layout_error: str = ""
        self.last_relayout_ms = 0.0
        self._pending: set | None = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.flush)

    def _clean_changed(self, _clean):
        self.fileChanged.emit()

    # -- document ---------------------------------------------------------------------------------
    def set_document(self, doc: model.Document, path: str | None):
        self.doc = doc
        self.path = str(path) if path else None
        self.unplaced = getattr(doc, "unplaced", None)
        if self.unplaced is None:
            self.unplaced = []
            try:
                doc.unplaced = self.unplaced      # the loader may persist it (see report)
            except AttributeError:
                pass
        self.undo.clear()
        self.undo.setClean()
        self.selection = []
        self.layouter.reset()
        self.laid = None
        self.relayout(None)
        self.documentReplaced.emit()
        self.fileChanged.emit()

    @property
    def modified(self) -> bool:
        return not self.undo.isClean()

    def push(self, cmd):
        self.undo.push(cmd)

    # -- layout -----------------------------------------------------------------------------------
    def relayout(self, pages=None) -> None:
        t = time.perf_counter()
        try:
            self.laid = self.layouter.compose(self.doc, pages=pages, previous=self.laid)
            self.layout_error = ""
        except Exception as e:  # noqa: BLE001 - the window shows a layout error, never a traceback
            self.layout_error = f"{type(e).__name__}: {e}"
            if os.environ.get("PAIBAN_DEBUG"):
                raise
        self.last_relayout_ms = (time.perf_counter() - t) * 1000
        self.layoutChanged.emit(pages)

    def changed(self, pages=None, *, structure=False, obj=None, geometry=False, style=False):
        """Called by commands after they mutated the model. The whole issue is relaid (the composer reuses
        every block whose inputs did not change, so this costs little) because an edit can move text
        along a 串文 chain onto other pages; ``pages`` only tells listeners where the edit was."""
        self.relayout(None)
        if structure:
            self.selection = [i for i in self.selection if self.find(i)[1] is not None]
            self.structureChanged.emit()
        self.modelEdited.emit(obj)

    def flush(self):
        pass

    # -- queries ----------------------------------------------------------------------------------
    def find(self, block_id: str):
        for i, b in self.doc.blocks():
            if b.id == block_id:
                return i, b
        for b in self.unplaced:
            if b.id == block_id:
                return None, b
        return None, None

    def page_index_of(self, block) -> int | None:
        for i, p in enumerate(self.doc.pages):
            if any(b is block for b in p.blocks):
                return i
        return None

    def laid_page(self, i: int) -> tree.LaidPage | None:
        if self.laid is None or i is None or not (0 <= i < len(self.laid.pages)):
            return None
        return self.laid.pages[i]

    def block_box(self, page_index: int, block_id: str) -> tree.BlockBox | None:
        lp = self.laid_page(page_index)
        if lp is None:
            return None
        for bb in lp.blocks:
            if bb.block_id == block_id:
                return bb
        return None

    def grid(self, page_index: int) -> Grid:
        return Grid.for_page(self.doc.page, self.laid_page(page_index))

    def all_ids(self) -> set:
        return {b.id for _, b in self.doc.blocks()} | {b.id for b in self.unplaced}

    def new_id(self, prefix: str) -> str:
        ids = self.all_ids()
        n = 1
        while f"{prefix}{n}" in ids:
            n += 1
        return f"{prefix}{n}"

    # -- selection --------------------------------------------------------------------------------
    def select(self, ids, *, emit=True):
        ids = [i for i in ids if i]
        if ids != self.selection:
            self.selection = list(ids)
            if emit:
                self.selectionChanged.emit()

    def selected_blocks(self):
        out = []
        for i in self.selection:
            _, b = self.find(i)
            if b is not None:
                out.append(b)
        return out
