"""One small QUndoCommand per edit (orange-canvas-core style). Each mutates the *model* and tells the
controller which pages changed; the controller relays out and the scene mirrors the result.
"""
from __future__ import annotations

import copy

from PySide6.QtGui import QUndoCommand

from layout import model

_MERGE_TEXT = 4711


class _Cmd(QUndoCommand):
    def __init__(self, ctrl, text: str):
        super().__init__(text)
        self.ctrl = ctrl


class SetAttrCommand(_Cmd):
    """Set ``obj.attr`` (any model object: block, page, style, publication, page setup).

    ``merge`` makes consecutive edits of the same object and attribute one undo step (typing)."""

    def __init__(self, ctrl, obj, attr: str, value, text: str, *, pages=None, merge: bool = False,
                 structure: bool = False):
        super().__init__(ctrl, text)
        self.obj, self.attr = obj, attr
        self.old = copy.deepcopy(getattr(obj, attr))
        self.new = copy.deepcopy(value)
        self.pages = pages
        self.merge = merge
        self.structure = structure

    def redo(self):
        setattr(self.obj, self.attr, copy.deepcopy(self.new))
        self.ctrl.changed(self.pages, structure=self.structure, obj=self.obj)

    def undo(self):
        setattr(self.obj, self.attr, copy.deepcopy(self.old))
        self.ctrl.changed(self.pages, structure=self.structure, obj=self.obj)

    def id(self):
        return _MERGE_TEXT if self.merge else -1

    def mergeWith(self, other):
        if not (isinstance(other, SetAttrCommand) and other.merge and other.obj is self.obj
                and other.attr == self.attr):
            return False
        self.new = other.new
        return True


class SetPlaceCommand(_Cmd):
    """Move and/or resize blocks: ``moves`` is [(block, new_place)]."""

    def __init__(self, ctrl, moves, text: str):
        super().__init__(ctrl, text)
        self.moves = [(b, copy.deepcopy(b.place), copy.deepcopy(p)) for b, p in moves]

    def redo(self):
        for b, _old, new in self.moves:
            b.place = copy.deepcopy(new)
        self.ctrl.changed(self._pages(), geometry=True)

    def undo(self):
        for b, old, _new in self.moves:
            b.place = copy.deepcopy(old)
        self.ctrl.changed(self._pages(), geometry=True)

    def _pages(self):
        return {self.ctrl.page_index_of(b) for b, _, _ in self.moves}


class AddBlockCommand(_Cmd):
    """Put a block on a page (from the 稿件 pool when it was unplaced, or a new one)."""

    def __init__(self, ctrl, page: model.Page, block: model.Block, text: str, index: int | None = None):
        super().__init__(ctrl, text)
        self.page, self.block = page, block
        self.index = len(page.blocks) if index is None else index
        self.pool_index = next((i for i, b in enumerate(ctrl.unplaced) if b is block), None)

    def redo(self):
        if self.pool_index is not None:
            self.ctrl.unplaced.remove(self.block)
        self.page.blocks.insert(self.index, self.block)
        self.ctrl.changed(None, structure=True)

    def undo(self):
        self.page.blocks.remove(self.block)
        if self.pool_index is not None:
            self.ctrl.unplaced.insert(self.pool_index, self.block)
        self.ctrl.changed(None, structure=True)


class DeleteBlockCommand(_Cmd):
    """Take a block off its page. Articles and photos go back to the 稿件 pool (copy is not lost);
    links pointing at the block are cleared."""

    def __init__(self, ctrl, block: model.Block, text: str):
        super().__init__(ctrl, text)
        self.block = block
        self.page = ctrl.doc.pages[ctrl.page_index_of(block)]
        self.index = self.page.blocks.index(block)
        self.to_pool = isinstance(block, (model.Article, model.Photo))
        self.links = [b for _, b in ctrl.doc.blocks() if getattr(b, "next", "") == block.id]

    def redo(self):
        self.page.blocks.remove(self.block)
        for b in self.links:
            b.next = ""
        if self.to_pool:
            self.ctrl.unplaced.append(self.block)
        self.ctrl.changed(None, structure=True)

    def undo(self):
        if self.to_pool:
            self.ctrl.unplaced.remove(self.block)
        for b in self.links:
            b.next = self.block.id
        self.page.blocks.insert(self.index, self.block)
        self.ctrl.changed(None, structure=True)


class AddUnplacedCommand(_Cmd):
    """New copy (imported text or Word file) into the 稿件 pool."""

    def __init__(self, ctrl, blocks, text: str):
        super().__init__(ctrl, text)
        self.blocks = list(blocks)

    def redo(self):
        self.ctrl.unplaced.extend(self.blocks)
        self.ctrl.changed(set(), structure=True)

    def undo(self):
        for b in self.blocks:
            self.ctrl.unplaced.remove(b)
        self.ctrl.changed(set(), structure=True)


class ZOrderCommand(_Cmd):
    """Move a block forward (+1) or backward (-1) in its page's paint order."""

    def __init__(self, ctrl, block, delta: int, text: str):
        super().__init__(ctrl, text)
        self.block, self.delta = block, delta
        self.page = ctrl.doc.pages[ctrl.page_index_of(block)]
        self.old = self.page.blocks.index(block)
        self.new = max(0, min(len(self.page.blocks) - 1, self.old + delta))

    def _move(self, to):
        self.page.blocks.remove(self.block)
        self.page.blocks.insert(to, self.block)
        self.ctrl.changed({self.ctrl.doc.pages.index(self.page)}, structure=True)

    def redo(self):
        self._move(self.new)

    def undo(self):
        self._move(self.old)


class PageCommand(_Cmd):
    """Add (``op='add'``), delete (``'delete'``) or move (``'move'``) a page."""

    def __init__(self, ctrl, op: str, text: str, index: int, to: int | None = None, page=None):
        super().__init__(ctrl, text)
        self.op, self.index, self.to = op, index, to
        self.page = page if page is not None else (ctrl.doc.pages[index] if op != "add" else model.Page())

    def redo(self):
        pages = self.ctrl.doc.pages
        if self.op == "add":
            pages.insert(self.index, self.page)
        elif self.op == "delete":
            pages.remove(self.page)
        else:
            pages.remove(self.page)
            pages.insert(self.to, self.page)
        self.ctrl.changed(None, structure=True)

    def undo(self):
        pages = self.ctrl.doc.pages
        if self.op == "add":
            pages.remove(self.page)
        elif self.op == "delete":
            pages.insert(self.index, self.page)
        else:
            pages.remove(self.page)
            pages.insert(self.index, self.page)
        self.ctrl.changed(None, structure=True)


class SetStyleAttrCommand(_Cmd):
    """Change a paragraph style; a built-in style edited for the first time is copied into the document."""

    def __init__(self, ctrl, name: str, attr: str, value, text: str):
        super().__init__(ctrl, text)
        self.name, self.attr, self.value = name, attr, value
        self.added = name not in ctrl.doc.styles
        self.old = copy.deepcopy(getattr(ctrl.doc.style(name), attr))

    def _style(self):
        if self.name not in self.ctrl.doc.styles:
            self.ctrl.doc.styles[self.name] = copy.deepcopy(model.DEFAULT_STYLES.get(self.name)
                                                            or model.Style(self.name))
        return self.ctrl.doc.styles[self.name]

    def redo(self):
        setattr(self._style(), self.attr, copy.deepcopy(self.value))
        self.ctrl.changed(None, style=True)

    def undo(self):
        if self.added:
            self.ctrl.doc.styles.pop(self.name, None)
        else:
            setattr(self._style(), self.attr, copy.deepcopy(self.old))
        self.ctrl.changed(None, style=True)
