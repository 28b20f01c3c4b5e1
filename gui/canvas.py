"""The page canvas: a QGraphicsScene that mirrors one page of the model and its laid-out tree.

``PageItem`` paints the laid page with ``gui.painter`` (the same tree the PDF is made from) plus screen
guides (margins, columns, baselines, bleed and trim). One ``BlockItem`` per model block draws the outline,
handles, the 串文 ports and the red overset marker, and turns mouse drags into grid places; while dragging
the model holds a temporary place and only the page is relaid (live reflow); on release the temporary
place is reverted and one undoable ``SetPlaceCommand`` is pushed.
"""
from __future__ import annotations

import copy

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTransform
from PySide6.QtWidgets import (QApplication, QGraphicsItem, QGraphicsObject, QGraphicsScene,
                               QGraphicsView)

from layout import model

from . import commands, painter

MIME_BLOCK = "application/x-paiban-block"
KIND_COLOURS = {
    "article": QColor(40, 110, 220), "frame": QColor(140, 70, 200), "photo": QColor(20, 150, 90),
    "masthead": QColor(200, 40, 40), "header": QColor(120, 120, 120), "qr": QColor(60, 60, 60),
    "rule": QColor(120, 120, 120), "box": QColor(160, 110, 30), "text": QColor(40, 110, 220),
}
HANDLE_PX = 7.0
PORT_PX = 11.0


def tr(text: str) -> str:
    return QApplication.translate("Canvas", text)


class PageItem(QGraphicsItem):
    """The paper: laid items and screen guides."""

    def __init__(self, scene: "PageScene"):
        super().__init__()
        self.pscene = scene
        self.setZValue(0)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)   # exposedRect

    def boundingRect(self) -> QRectF:
        lp = self.pscene.laid_page()
        g = self.pscene.grid()
        w, h = (lp.width, lp.height) if lp else (g.width, g.height)
        b = (lp.bleed if lp else 8.5) + 20
        return QRectF(-b, -b, w + 2 * b, h + 2 * b)

    def paint(self, p: QPainter, option, widget=None):
        s = self.pscene
        lp = s.laid_page()
        g = s.grid()
        w, h = (lp.width, lp.height) if lp else (g.width, g.height)
        bleed = lp.bleed if lp else s.ctrl.doc.page.bleed * 72 / 25.4
        # shadow + paper
        p.fillRect(QRectF(4, 4, w, h), QColor(0, 0, 0, 60))
        if lp is not None:
            painter.paint_page(p, lp, s.ctrl.laid.faces if s.ctrl.laid else None, visible=option.exposedRect)
        else:
            p.fillRect(QRectF(0, 0, w, h), Qt.GlobalColor.white)
        if s.drop_preview is not None:
            pen = QPen(QColor(230, 120, 0), 0, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            pen.setWidthF(2)
            p.setPen(pen)
            p.setBrush(QColor(255, 160, 0, 50))
            p.drawRect(s.drop_preview)
        if s.show_outlines:
            self._threads(p)
        if not s.show_guides:
            return
        cos = QPen(QColor(0, 0, 0), 0)
        cos.setCosmetic(True)
        # bleed (red) and trim (black)
        pen = QPen(QColor(230, 60, 60), 0, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(-bleed, -bleed, w + 2 * bleed, h + 2 * bleed))
        p.setPen(cos)
        p.drawRect(QRectF(0, 0, w, h))
        # margins (magenta)
        top, right, bottom, left = g.margins
        pen = QPen(QColor(210, 60, 200, 170), 0)
        pen.setCosmetic(True)
        p.setPen(pen)
        p.drawRect(QRectF(left, top, w - left - right, h - top - bottom))
        y0, y1 = g.top, g.top + g.lines * g.pitch
        if s.show_columns:
            pen = QPen(QColor(70, 140, 255, 110), 0)
            pen.setCosmetic(True)
            p.setPen(pen)
            for x0, x1 in g.columns:
                p.drawLine(QPointF(x0, y0), QPointF(x0, y1))
                p.drawLine(QPointF(x1, y0), QPointF(x1, y1))
        if s.show_baselines:
            pen = QPen(QColor(0, 170, 200, 70), 0)
            pen.setCosmetic(True)
            p.setPen(pen)
            x0, x1 = g.columns[0][0], g.columns[-1][1]
            for i in range(g.lines + 1):
                y = g.top + i * g.pitch
                p.drawLine(QPointF(x0, y), QPointF(x1, y))


    def _threads(self, p: QPainter):
        """串文 links on this page: a line from each linked block's out-port to its continuation's top-left
        (to the page edge with a page number when the continuation is on another page)."""
        s = self.pscene
        page = s.page()
        if page is None:
            return
        pen = QPen(QColor(140, 70, 200, 200), 0, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        pen.setWidthF(1.4)
        for b in page.blocks:
            nxt = getattr(b, "next", "")
            src = s.items_by_id.get(b.id)
            if not nxt or src is None:
                continue
            a = src.mapToScene(src.port_rect().center())
            dst = s.items_by_id.get(nxt)
            p.setPen(pen)
            if dst is not None:
                t = dst.mapToScene(dst.r.topLeft())
                p.drawLine(a, t)
                p.setBrush(QColor(140, 70, 200))
                p.drawEllipse(t, 2.0, 2.0)
                p.setBrush(Qt.BrushStyle.NoBrush)
            else:
                pi, _blk = s.ctrl.find(nxt)
                if pi is not None:
                    p.save()
                    f = QFont()
                    f.setPointSizeF(7)
                    p.setFont(f)
                    p.setPen(QColor(140, 70, 200))
                    p.drawText(QPointF(a.x() + 8, a.y() + 3), f"→ {pi + 1}")
                    p.restore()


class BlockItem(QGraphicsObject):
    """Outline, handles, ports and overset marker of one model block; drag to move/resize."""

    def __init__(self, scene: "PageScene", block: model.Block):
        super().__init__()
        self.pscene = scene
        self.block = block
        self.r = QRectF(0, 0, 10, 10)
        self.overset = 0
        self.label = ""
        self._drag = None
        self.setZValue(10)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, True)
        self.setAcceptHoverEvents(True)

    def set_base_z(self, z: float):
        self._base_z = z
        self.setZValue(z + (100 if self.isSelected() else 0))

    def itemChange(self, change, value):
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            # selected blocks are on top, so their handles win over a neighbour's edge
            self.setZValue(getattr(self, "_base_z", 10) + (100 if value else 0))
        return super().itemChange(change, value)

    # geometry
    def _px(self) -> float:
        v = self.pscene.views()
        return 1.0 / v[0].transform().m11() if v else 1.0

    def set_rect(self, x, y, w, h):
        self.prepareGeometryChange()
        self.setPos(x, y)
        self.r = QRectF(0, 0, max(w, 1), max(h, 1))
        self.update()

    def boundingRect(self) -> QRectF:
        m = (HANDLE_PX + PORT_PX + 60) * self._px()
        return self.r.adjusted(-m, -m, m, m)

    def shape(self):
        from PySide6.QtGui import QPainterPath
        path = QPainterPath()
        m = HANDLE_PX * self._px()
        path.addRect(self.r.adjusted(-m, -m, m + PORT_PX * self._px(), m + PORT_PX * self._px()))
        return path

    def port_rect(self) -> QRectF:
        s = PORT_PX * self._px()
        return QRectF(self.r.right() - s, self.r.bottom() - s, s, s)

    def handles(self) -> dict:
        r, s = self.r, HANDLE_PX * self._px()
        pts = {"tl": r.topLeft(), "t": QPointF(r.center().x(), r.top()), "tr": r.topRight(),
               "r": QPointF(r.right(), r.center().y()), "br": r.bottomRight(),
               "b": QPointF(r.center().x(), r.bottom()), "bl": r.bottomLeft(),
               "l": QPointF(r.left(), r.center().y())}
        return {k: QRectF(p.x() - s / 2, p.y() - s / 2, s, s) for k, p in pts.items()}

    def has_port(self) -> bool:
        return isinstance(self.block, (model.Article, model.Frame))

    # painting
    def paint(self, p: QPainter, option, widget=None):
        if not self.pscene.show_outlines and not self.isSelected() and not self.overset:
            return
        px = self._px()
        col = KIND_COLOURS.get(self.block.kind, QColor(40, 110, 220))
        pen = QPen(col, 0, Qt.PenStyle.SolidLine if self.isSelected() else Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        pen.setWidthF(1.6 if self.isSelected() else 1.0)
        p.setPen(pen)
        p.setBrush(QColor(col.red(), col.green(), col.blue(), 18) if self.isSelected() else Qt.BrushStyle.NoBrush)
        p.drawRect(self.r)
        if self.isSelected():
            p.setBrush(Qt.GlobalColor.white)
            hp = QPen(col, 0)
            hp.setCosmetic(True)
            p.setPen(hp)
            for hr in self.handles().values():
                p.drawRect(hr)
        if self.has_port():
            pr = self.port_rect()
            if self.overset:
                p.setBrush(QColor(220, 0, 0))
                p.setPen(Qt.PenStyle.NoPen)
                p.drawRect(pr)
                p.setPen(QPen(Qt.GlobalColor.white, 0))
                self._text(p, pr, "⊞", 9, Qt.GlobalColor.white, centre=True)
                self._text(p, QRectF(pr.right() + 2 * px, pr.top(), 60 * px, pr.height()),
                           str(self.overset), 9, QColor(220, 0, 0), bold=True)
            else:
                p.setBrush(Qt.GlobalColor.white)
                pp = QPen(col, 0)
                pp.setCosmetic(True)
                p.setPen(pp)
                p.drawRect(pr)
                if getattr(self.block, "next", ""):
                    self._text(p, pr, "▸", 8, col, centre=True)
        if self.label:
            self._badge(p, self.label)

    def _text(self, p, rect, text, px_size, colour, centre=False, bold=False):
        px = self._px()
        f = QFont()
        f.setPixelSize(max(1, round(px_size)))
        f.setBold(bold)
        p.save()
        p.translate(rect.topLeft())
        p.scale(px, px)
        p.setFont(f)
        p.setPen(QColor(colour))
        r = QRectF(0, 0, rect.width() / px, rect.height() / px)
        p.drawText(r, (Qt.AlignmentFlag.AlignCenter if centre else Qt.AlignmentFlag.AlignLeft
                       | Qt.AlignmentFlag.AlignVCenter), text)
        p.restore()

    def _badge(self, p, text):
        px = self._px()
        f = QFont()
        f.setPixelSize(12)
        fm = QFontMetricsF(f)
        w, h = fm.horizontalAdvance(text) + 12, fm.height() + 6
        p.save()
        p.translate(self.r.left(), self.r.top() - (h + 4) * px)
        p.scale(px, px)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(30, 30, 30, 220))
        p.drawRoundedRect(QRectF(0, 0, w, h), 3, 3)
        p.setFont(f)
        p.setPen(Qt.GlobalColor.white)
        p.drawText(QRectF(0, 0, w, h), Qt.AlignmentFlag.AlignCenter, text)
        p.restore()

    # interaction
    def hoverMoveEvent(self, ev):
        h = self._handle_at(ev.pos()) if self.isSelected() else None
        cur = {"tl": Qt.CursorShape.SizeFDiagCursor, "br": Qt.CursorShape.SizeFDiagCursor,
               "tr": Qt.CursorShape.SizeBDiagCursor, "bl": Qt.CursorShape.SizeBDiagCursor,
               "t": Qt.CursorShape.SizeVerCursor, "b": Qt.CursorShape.SizeVerCursor,
               "l": Qt.CursorShape.SizeHorCursor, "r": Qt.CursorShape.SizeHorCursor}.get(h)
        if cur is None and self.has_port() and self.port_rect().contains(ev.pos()):
            cur = Qt.CursorShape.PointingHandCursor
        self.setCursor(cur or Qt.CursorShape.SizeAllCursor)

    def _handle_at(self, pos):
        for k, hr in self.handles().items():
            if hr.adjusted(-1 * self._px(), -1 * self._px(), self._px(), self._px()).contains(pos):
                return k
        return None

    def mousePressEvent(self, ev):
        sc = self.pscene
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        if sc.link_source is not None:
            sc.finish_link(self.block)
            ev.accept()
            return
        if self.has_port() and self.port_rect().contains(ev.pos()) and not self._handle_at(ev.pos()):
            sc.start_link(self.block)
            ev.accept()
            return
        mods = ev.modifiers()
        if mods & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier):
            self.setSelected(not self.isSelected())
            ev.accept()
            return
        handle = self._handle_at(ev.pos()) if self.isSelected() else None
        if not self.isSelected():
            sc.clearSelection()
            self.setSelected(True)
        items = [self] if handle else [i for i in sc.selectedItems() if isinstance(i, BlockItem)]
        self._drag = {
            "handle": handle, "start": ev.scenePos(),
            "items": [(i, QRectF(i.pos(), i.r.size()), copy.deepcopy(i.block.place)) for i in items],
            "moved": False,
        }
        ev.accept()

    def mouseMoveEvent(self, ev):
        d = self._drag
        if d is None:
            return
        delta = ev.scenePos() - d["start"]
        if not d["moved"] and (abs(delta.x()) + abs(delta.y())) < 3 * self._px():
            return
        d["moved"] = True
        free = bool(ev.modifiers() & Qt.KeyboardModifier.AltModifier)
        g = self.pscene.grid()
        for item, r0, place0 in d["items"]:
            r = QRectF(r0)
            h = d["handle"]
            if h is None:
                r.translate(delta)
            else:
                if "l" in h:
                    r.setLeft(min(r.left() + delta.x(), r.right() - 5))
                if "r" in h:
                    r.setRight(max(r.right() + delta.x(), r.left() + 5))
                if h.startswith("t") or h == "t":
                    r.setTop(min(r.top() + delta.y(), r.bottom() - 5))
                if h.startswith("b") or h == "b":
                    r.setBottom(max(r.bottom() + delta.y(), r.top() + 5))
            if free:
                place = g.free(r.x(), r.y(), r.width(), r.height())
            else:
                keep = place0 if (h is None and isinstance(place0, model.GridPlace)) else None
                if h is not None and isinstance(place0, model.GridPlace):
                    # edges that were not dragged stay where they were
                    x0 = r0.left() if "l" not in h else r.left()
                    y0 = r0.top() if not h.startswith("t") else r.top()
                    r = QRectF(x0, y0, r.right() - x0, r.bottom() - y0)
                place = g.snap(r.x(), r.y(), r.width(), r.height(), keep_size_of=keep)
            item.block.place = place
            item.label = g.place_label(place, tr)
        self.pscene.preview_relayout()
        ev.accept()

    def mouseDoubleClickEvent(self, ev):
        self.pscene.blockDoubleClicked.emit(self.block.id)
        ev.accept()

    def contextMenuEvent(self, ev):
        if not self.isSelected():
            self.pscene.clearSelection()
            self.setSelected(True)
        self.pscene.contextMenuRequested.emit(self.block.id, ev.screenPos())
        ev.accept()

    def mouseReleaseEvent(self, ev):
        d, self._drag = self._drag, None
        if d is None:
            return
        moves = []
        for item, _r0, place0 in d["items"]:
            item.label = ""
            if d["moved"] and item.block.place != place0:
                moves.append((item.block, copy.deepcopy(item.block.place)))
            item.block.place = place0            # revert the preview; the command applies it
        if moves:
            text = tr("Resize") if d["handle"] else tr("Move")
            self.pscene.ctrl.push(commands.SetPlaceCommand(self.pscene.ctrl, moves, text))
        elif d["moved"]:
            self.pscene.ctrl.relayout({self.pscene.page_index})
        self.update()
        ev.accept()


class PageScene(QGraphicsScene):
    linkModeChanged = Signal(bool)
    blockDoubleClicked = Signal(str)
    contextMenuRequested = Signal(str, object)

    def __init__(self, ctrl, parent=None):
        super().__init__(parent)
        self.ctrl = ctrl
        self.page_index = 0
        self.show_guides = True
        self.show_columns = True
        self.show_baselines = False
        self.show_outlines = True
        self.link_source = None
        self.drop_preview: QRectF | None = None      # where a block dragged from the 稿件 list would land
        self.items_by_id: dict[str, BlockItem] = {}
        self.page_item = PageItem(self)
        self.addItem(self.page_item)
        self._syncing = False
        self.setBackgroundBrush(QColor(96, 99, 104))
        ctrl.layoutChanged.connect(self.on_layout)
        ctrl.structureChanged.connect(self.rebuild)
        ctrl.documentReplaced.connect(self.on_document)
        ctrl.selectionChanged.connect(self.sync_selection)
        self.selectionChanged.connect(self.on_scene_selection)

    # model ↔ scene
    def page(self) -> model.Page | None:
        pages = self.ctrl.doc.pages
        return pages[self.page_index] if 0 <= self.page_index < len(pages) else None

    def laid_page(self):
        return self.ctrl.laid_page(self.page_index)

    def grid(self):
        return self.ctrl.grid(self.page_index)

    def set_page(self, i: int):
        self.page_index = max(0, min(i, len(self.ctrl.doc.pages) - 1))
        self.rebuild()

    def on_document(self):
        self.page_index = 0
        self.rebuild()

    def rebuild(self):
        self.page_index = max(0, min(self.page_index, len(self.ctrl.doc.pages) - 1))
        self._syncing = True
        for it in self.items_by_id.values():
            self.removeItem(it)
        self.items_by_id = {}
        page = self.page()
        if page is not None:
            for b in page.blocks:
                it = BlockItem(self, b)
                self.addItem(it)
                self.items_by_id[b.id] = it
        self._syncing = False
        self.page_item.prepareGeometryChange()
        self.setSceneRect(self.page_item.boundingRect())
        self.on_layout(None)
        self.sync_selection()

    def on_layout(self, pages):
        page = self.page()
        if page is None:
            return
        if len(page.blocks) != len(self.items_by_id) or any(b.id not in self.items_by_id for b in page.blocks):
            return self.rebuild()
        g = self.grid()
        for i, b in enumerate(page.blocks):
            it = self.items_by_id[b.id]
            it.block = b
            it.set_base_z(10 + i * 0.01)
            bb = self.ctrl.block_box(self.page_index, b.id)
            if bb is not None and it._drag is None and not any(x.label for x in self.items_by_id.values()):
                it.set_rect(bb.x, bb.y, bb.w, bb.h)
            else:
                it.set_rect(*g.rect(b.place))
            it.overset = bb.overset_chars if bb is not None else 0
        self.page_item.update()
        self.update()

    def sync_selection(self):
        if self._syncing:
            return
        self._syncing = True
        for bid, it in self.items_by_id.items():
            it.setSelected(bid in self.ctrl.selection)
        self._syncing = False

    def on_scene_selection(self):
        if self._syncing:
            return
        ids = [i.block.id for i in self.selectedItems() if isinstance(i, BlockItem)]
        self._syncing = True
        self.ctrl.select(ids)
        self._syncing = False

    def preview_relayout(self):
        """Live reflow while dragging: relay out only this page (the composer caches the rest)."""
        self.ctrl.relayout({self.page_index})
        g = self.grid()
        for it in self.items_by_id.values():
            if it.label:
                it.set_rect(*g.rect(it.block.place))

    # 串文 linking
    def start_link(self, block):
        self.link_source = block
        for v in self.views():
            v.viewport().setCursor(Qt.CursorShape.CrossCursor)
        self.linkModeChanged.emit(True)

    def cancel_link(self):
        self.link_source = None
        for v in self.views():
            v.viewport().unsetCursor()
        self.linkModeChanged.emit(False)

    def finish_link(self, target, at: QPointF | None = None):
        src = self.link_source
        self.cancel_link()
        if src is None:
            return
        ctrl = self.ctrl
        if target is None and at is not None:
            # clicked on empty page: make a new continuation frame there and link to it
            g = self.grid()
            place = g.snap(at.x(), at.y(), 0, 0, keep_size_of=model.GridPlace(1, 1, 1, 20))
            frame = model.Frame(id=ctrl.new_id(f"{src.id}-cont"), place=place)
            ctrl.undo.beginMacro(tr("Link to new frame"))
            ctrl.push(commands.AddBlockCommand(ctrl, self.page(), frame, tr("Add frame")))
            ctrl.push(commands.SetAttrCommand(ctrl, src, "next", frame.id, tr("Link"), pages=None, structure=True))
            ctrl.undo.endMacro()
            ctrl.select([frame.id])
            return
        if target is src or not isinstance(target, (model.Frame, model.Article)):
            return
        ctrl.push(commands.SetAttrCommand(ctrl, src, "next", target.id, tr("Link"), pages=None, structure=True))

    def mousePressEvent(self, ev):
        if self.link_source is not None and ev.button() == Qt.MouseButton.LeftButton:
            items = [i for i in self.items(ev.scenePos()) if isinstance(i, BlockItem)]
            if not items:
                self.finish_link(None, ev.scenePos())
                ev.accept()
                return
        super().mousePressEvent(ev)

    # drop from the 稿件 list
    def drop_place(self, block_id: str, at: QPointF):
        """The grid place a block from the copy list would get when dropped at ``at``."""
        _pi, block = self.ctrl.find(block_id)
        if block is None:
            return None
        default = model.GridPlace(1, 2, 1, 14) if isinstance(block, model.Photo) else model.GridPlace(1, 2, 1, 30)
        if isinstance(block.place, model.GridPlace) and block.place != model.GridPlace():   # was placed before
            default = block.place
        return self.grid().snap(at.x(), at.y(), 0, 0, keep_size_of=default)

    def show_drop_preview(self, block_id: str | None, at: QPointF | None = None):
        place = self.drop_place(block_id, at) if block_id else None
        self.drop_preview = QRectF(*self.grid().rect(place)) if place is not None else None
        self.page_item.update()

    def place_block(self, block_id: str, at: QPointF):
        ctrl = self.ctrl
        page_i, block = ctrl.find(block_id)
        page = self.page()
        if block is None or page is None:
            return None
        g = self.grid()
        if page_i is not None:            # already placed: move it here (keeps its size)
            keep = block.place if isinstance(block.place, model.GridPlace) else model.GridPlace(1, 2, 1, 20)
            place = g.snap(at.x(), at.y(), 0, 0, keep_size_of=keep)
            if page_i == self.page_index:
                ctrl.push(commands.SetPlaceCommand(ctrl, [(block, place)], tr("Move")))
            return block
        block.place = self.drop_place(block_id, at)
        ctrl.push(commands.AddBlockCommand(ctrl, page, block, tr("Place %1").replace("%1", block.id)))
        ctrl.select([block.id])
        return block


class PageView(QGraphicsView):
    zoomChanged = Signal(float)
    cursorMoved = Signal(float, float)     # page coordinates (pt) under the mouse
    MIN_ZOOM, MAX_ZOOM = 0.10, 8.0

    def __init__(self, scene: PageScene, parent=None):
        super().__init__(scene, parent)
        self.pscene = scene
        self.zoom = 1.0
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self._pan = None

    def _dpi_scale(self) -> float:
        return self.logicalDpiX() / 72.0

    def set_zoom(self, z: float, anchor_mouse=False):
        z = max(self.MIN_ZOOM, min(self.MAX_ZOOM, z))
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse if anchor_mouse
                                     else QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.zoom = z
        s = z * self._dpi_scale()
        self.setTransform(QTransform.fromScale(s, s))
        self.zoomChanged.emit(z)

    def zoom_in(self):
        self.set_zoom(self.zoom * 1.25)

    def zoom_out(self):
        self.set_zoom(self.zoom / 1.25)

    def _page_size(self):
        lp = self.pscene.laid_page()
        g = self.pscene.grid()
        return (lp.width, lp.height) if lp else (g.width, g.height)

    def fit_page(self):
        w, h = self._page_size()
        vp = self.viewport().size()
        self.set_zoom(min((vp.width() - 30) / w, (vp.height() - 30) / h) / self._dpi_scale())
        self.centerOn(w / 2, h / 2)

    def fit_width(self):
        w, h = self._page_size()
        self.set_zoom((self.viewport().width() - 30) / w / self._dpi_scale())
        self.centerOn(w / 2, 0)

    def wheelEvent(self, ev):
        if ev.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = ev.angleDelta().y() / 120.0
            self.set_zoom(self.zoom * (1.15 ** steps), anchor_mouse=True)
            ev.accept()
        else:
            super().wheelEvent(ev)

    def mousePressEvent(self, ev):
        if ev.button() == Qt.MouseButton.MiddleButton:
            self._pan = ev.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            ev.accept()
            return
        super().mousePressEvent(ev)

    def mouseMoveEvent(self, ev):
        sp = self.mapToScene(ev.position().toPoint())
        self.cursorMoved.emit(sp.x(), sp.y())
        if self._pan is not None:
            d = ev.position() - self._pan
            self._pan = ev.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - round(d.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - round(d.y()))
            ev.accept()
            return
        super().mouseMoveEvent(ev)

    def mouseReleaseEvent(self, ev):
        if self._pan is not None and ev.button() == Qt.MouseButton.MiddleButton:
            self._pan = None
            self.viewport().unsetCursor()
            return
        super().mouseReleaseEvent(ev)

    def keyPressEvent(self, ev):
        key = ev.key()
        if key == Qt.Key.Key_Escape and self.pscene.link_source is not None:
            self.pscene.cancel_link()
            return
        arrows = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1),
                  Qt.Key.Key_Down: (0, 1)}
        if key in arrows and self.pscene.ctrl.selection:
            dx, dy = arrows[key]
            self.nudge(dx, dy, resize=bool(ev.modifiers() & Qt.KeyboardModifier.ShiftModifier),
                       free=bool(ev.modifiers() & Qt.KeyboardModifier.AltModifier))
            ev.accept()
            return
        if key == Qt.Key.Key_Space and not ev.isAutoRepeat():
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            return
        super().keyPressEvent(ev)

    def keyReleaseEvent(self, ev):
        if ev.key() == Qt.Key.Key_Space and not ev.isAutoRepeat():
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            return
        super().keyReleaseEvent(ev)

    def nudge(self, dx: int, dy: int, resize=False, free=False):
        """Arrow keys: one column / one body line on the grid (Shift: resize; Alt: 1 mm, free place)."""
        ctrl = self.pscene.ctrl
        g = self.pscene.grid()
        moves = []
        for b in ctrl.selected_blocks():
            p = copy.deepcopy(b.place)
            if free and isinstance(p, model.GridPlace):
                p = g.free(*g.rect(p))
            if isinstance(p, model.GridPlace):
                if resize:
                    p.span = max(1, min(len(g.columns) - p.column + 1, p.span + dx))
                    p.lines = max(1, min(g.lines - p.line + 1, p.lines + dy))
                else:
                    p.column = max(1, min(len(g.columns) - p.span + 1, p.column + dx))
                    p.line = max(1, min(g.lines - p.lines + 1, p.line + dy))
            else:
                if resize:
                    p.w, p.h = max(2.0, p.w + dx), max(2.0, p.h + dy)
                else:
                    p.x, p.y = p.x + dx, p.y + dy
            if p != b.place:
                moves.append((b, p))
        if moves:
            ctrl.push(commands.SetPlaceCommand(ctrl, moves, tr("Resize") if resize else tr("Move")))

    # drag and drop from the copy list
    def dragEnterEvent(self, ev):
        if ev.mimeData().hasFormat(MIME_BLOCK):
            ev.acceptProposedAction()
        else:
            super().dragEnterEvent(ev)

    def dragMoveEvent(self, ev):
        md = ev.mimeData()
        if md.hasFormat(MIME_BLOCK):
            bid = bytes(md.data(MIME_BLOCK)).decode("utf-8")
            self.pscene.show_drop_preview(bid, self.mapToScene(ev.position().toPoint()))
            ev.acceptProposedAction()
        else:
            super().dragMoveEvent(ev)

    def dragLeaveEvent(self, ev):
        self.pscene.show_drop_preview(None)
        super().dragLeaveEvent(ev)

    def dropEvent(self, ev):
        md = ev.mimeData()
        self.pscene.show_drop_preview(None)
        if md.hasFormat(MIME_BLOCK):
            bid = bytes(md.data(MIME_BLOCK)).decode("utf-8")
            self.pscene.place_block(bid, self.mapToScene(ev.position().toPoint()))
            ev.acceptProposedAction()
        else:
            super().dropEvent(ev)
