"""Docks around the canvas: page thumbnails, the 稿件 (copy) list, properties, story editor, styles, preflight.

Every widget edit becomes a command on the controller's undo stack; panels refresh from the model when the
controller says it changed (so undo/redo shows up everywhere).
"""
from __future__ import annotations

import copy
import dataclasses
import os

from PySide6.QtCore import QByteArray, QMimeData, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDoubleSpinBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPlainTextEdit, QPushButton, QScrollArea, QSpinBox, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget, QToolButton, QHeaderView)

from layout import model

from . import commands, painter
from .canvas import MIME_BLOCK


def block_title(b) -> str:
    if isinstance(b, model.Article):
        return b.title or b.kicker or (b.body[0][:16] if b.body else b.id)
    if isinstance(b, model.Photo):
        return b.caption[:16] if b.caption else os.path.basename(b.image) or b.id
    return b.id


# -- page thumbnails ---------------------------------------------------------------------------------


def page_signature(lp) -> int | None:
    """A cheap fingerprint of what a laid-out page shows (item kinds, places, sizes, colours and texts)."""
    if lp is None:
        return None
    return hash(tuple((type(it).__name__, getattr(it, "x", 0.0), getattr(it, "y", 0.0),
                       getattr(it, "w", 0.0), getattr(it, "h", 0.0), getattr(it, "size", 0.0),
                       getattr(it, "x1", 0.0), getattr(it, "y1", 0.0), repr(getattr(it, "colour", None)),
                       repr(getattr(it, "fill", None)), getattr(it, "path", ""),
                       it.text if hasattr(it, "glyphs") else len(getattr(it, "subpaths", ())))
                      for it in lp.items) + (lp.width, lp.height))


class ThumbnailPanel(QWidget):
    pageActivated = Signal(int)

    def __init__(self, ctrl, parent=None):
        super().__init__(parent)
        self.ctrl = ctrl
        self.list = QListWidget()
        # list mode (not icon mode) so that drag and drop reorders rows; the caption is in the icon
        self.list.setViewMode(QListWidget.ViewMode.ListMode)
        self.list.setIconSize(QSize(112, 176))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setSpacing(6)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.currentRowChanged.connect(self._row)
        self.list.model().rowsMoved.connect(self._moved)
        add = QToolButton(text="+")
        add.setToolTip(self.tr("Add page"))
        add.clicked.connect(self.add_page)
        rm = QToolButton(text="−")
        rm.setToolTip(self.tr("Delete page"))
        rm.clicked.connect(self.delete_page)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(add)
        bar.addWidget(rm)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(bar)
        lay.addWidget(self.list)
        self._busy = False
        self.rendered = 0          # thumbnails drawn so far (a test checks an edit redraws only its page)
        self._timer = QTimer(self, singleShot=True, interval=400, timeout=self.refresh_images)
        ctrl.structureChanged.connect(self.rebuild)
        ctrl.documentReplaced.connect(self.rebuild)
        ctrl.layoutChanged.connect(lambda _p: self._timer.start())
        self.setMinimumWidth(150)

    def rebuild(self):
        self._busy = True
        cur = max(0, self.list.currentRow())
        self.list.clear()
        for i, p in enumerate(self.ctrl.doc.pages):
            it = QListWidgetItem()
            it.setToolTip(self._label(i, p))
            it.setSizeHint(self.list.iconSize() + QSize(8, 8))   # the row's size before its picture arrives
            self.list.addItem(it)
        self.list.setCurrentRow(min(cur, self.list.count() - 1))
        self._busy = False
        self._timer.start()       # thumbnails after the page itself has been painted (opening stays fast)

    def _label(self, i, p):
        return self.tr("Page %1").replace("%1", str(i + 1)) + (f" {p.section}" if p.section else "")

    def refresh_images(self):
        """Redraw the thumbnails of pages whose picture changed (an edit usually touches one page)."""
        from PySide6.QtGui import QPainter
        W, H = self.list.iconSize().width(), self.list.iconSize().height()
        for i in range(min(self.list.count(), len(self.ctrl.doc.pages))):
            lp = self.ctrl.laid_page(i)
            label = self._label(i, self.ctrl.doc.pages[i])
            key = (label, W, H, page_signature(lp))
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == key and not item.icon().isNull():
                continue
            self.rendered += 1
            pm = QPixmap(W, H)
            pm.fill(Qt.GlobalColor.transparent)
            p = QPainter(pm)
            if lp is not None:
                img = painter.render_page_image(lp, dpi=72 * (W - 8) / lp.width, faces=self.ctrl.laid.faces)
                x = (W - img.width()) // 2
                p.fillRect(x + 2, 4 + 2, img.width(), img.height(), QColor(0, 0, 0, 60))
                p.drawImage(x, 4, img)
                p.setPen(QColor(150, 150, 150))
                p.drawRect(x, 4, img.width() - 1, img.height() - 1)
                y = 4 + img.height() + 2
            else:
                y = H - 20
            p.setPen(self.palette().color(self.foregroundRole()))
            p.drawText(0, y, W, H - y, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)
            p.end()
            item.setIcon(QIcon(pm))
            item.setToolTip(label)
            item.setData(Qt.ItemDataRole.UserRole, key)

    def set_current(self, i):
        self._busy = True
        self.list.setCurrentRow(i)
        self._busy = False

    def _row(self, r):
        if not self._busy and r >= 0:
            self.pageActivated.emit(r)

    def _moved(self, _parent, start, _end, _dest, row):
        if self._busy:
            return
        to = row if row < start else row - 1
        QTimer.singleShot(0, lambda: self.ctrl.push(
            commands.PageCommand(self.ctrl, "move", self.tr("Move page"), start, to)))

    def add_page(self):
        i = self.list.currentRow() + 1 if self.list.currentRow() >= 0 else len(self.ctrl.doc.pages)
        pg = model.Page(number=0, section="")
        pg.blocks = [model.Header(id=self.ctrl.new_id("header"))]
        self.ctrl.push(commands.PageCommand(self.ctrl, "add", self.tr("Add page"), i, page=pg))
        self.set_current(i)
        self.pageActivated.emit(i)

    def delete_page(self):
        i = self.list.currentRow()
        if i < 0 or len(self.ctrl.doc.pages) <= 1:
            return
        self.ctrl.push(commands.PageCommand(self.ctrl, "delete", self.tr("Delete page"), i))


# -- 稿件 list ----------------------------------------------------------------------------------------


class CopyListWidget(QListWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)

    def mimeData(self, items):
        md = QMimeData()
        if items:
            md.setData(MIME_BLOCK, QByteArray(items[0].data(Qt.ItemDataRole.UserRole).encode("utf-8")))
        return md

    def mimeTypes(self):
        return [MIME_BLOCK]


class CopyPanel(QWidget):
    """All articles and photos of the issue: placed ones with their page, unplaced ones (待排) in red."""
    blockActivated = Signal(str)

    def __init__(self, ctrl, parent=None):
        super().__init__(parent)
        self.ctrl = ctrl
        self.list = CopyListWidget()
        self.list.itemDoubleClicked.connect(lambda it: self.blockActivated.emit(it.data(Qt.ItemDataRole.UserRole)))
        self.filter = QComboBox()
        self.filter.addItems([self.tr("All copy"), self.tr("Unplaced"), self.tr("Placed")])
        self.filter.currentIndexChanged.connect(self.rebuild)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.filter)
        lay.addWidget(self.list)
        ctrl.structureChanged.connect(self.rebuild)
        ctrl.documentReplaced.connect(self.rebuild)
        ctrl.modelEdited.connect(lambda o: self.rebuild() if isinstance(o, (model.Article, model.Photo)) else None)
        ctrl.layoutChanged.connect(lambda _p: self._oversets())

    def rebuild(self):
        self.list.clear()
        mode = self.filter.currentIndex()
        rows = []
        for b in self.ctrl.unplaced:
            if isinstance(b, (model.Article, model.Photo)):
                rows.append((None, b))
        for i, b in self.ctrl.doc.blocks():
            if isinstance(b, (model.Article, model.Photo)):
                rows.append((i, b))
        for i, b in rows:
            if (mode == 1 and i is not None) or (mode == 2 and i is None):
                continue
            kind = self.tr("Photo") if isinstance(b, model.Photo) else self.tr("Article")
            where = self.tr("Unplaced") if i is None else self.tr("Page %1").replace("%1", str(i + 1))
            chars = sum(len(p) for p in getattr(b, "body", []) or [])
            extra = f" · {chars}" + self.tr(" chars") if chars else ""
            it = QListWidgetItem(f"{block_title(b)}\n{kind} · {where}{extra}")
            it.setData(Qt.ItemDataRole.UserRole, b.id)
            it.setForeground(QColor(190, 30, 30) if i is None else QColor(30, 30, 30))
            it.setToolTip(b.id)
            self.list.addItem(it)
        self._oversets()

    def _oversets(self):
        for r in range(self.list.count()):
            it = self.list.item(r)
            pi, b = self.ctrl.find(it.data(Qt.ItemDataRole.UserRole))
            if pi is None:
                continue
            bb = self.ctrl.block_box(pi, b.id)
            over = bb.overset_chars if bb else 0
            it.setBackground(QColor(255, 225, 225) if over else QColor(0, 0, 0, 0))


# -- properties ---------------------------------------------------------------------------------------

def _decor(name, fallback):
    try:
        from layout.compose import decor
        return tuple(getattr(decor, name))
    except (ImportError, AttributeError):
        return fallback


CHOICES = {
    "byline_position": ("end", "head", "lead"), "fit": ("fill", "fit", "manual"),
    "caption_position": ("below", "right"), "headline_align": ("center", "left", "right"),
}


def choices(obj, name, doc):
    """Allowed values of a field of a model object (None: free entry)."""
    if name == "box" and isinstance(obj, model.Article):
        return ("",) + _decor("BOX_STYLES", ("single", "double"))
    if name == "style":
        if isinstance(obj, model.RuleBlock):
            return _decor("RULE_STYLES", ("single", "double", "dashed", "thick-thin"))
        if isinstance(obj, model.BoxBlock):
            return _decor("BOX_STYLES", ("single", "double"))
        if isinstance(obj, model.TextBlock):
            return tuple(sorted(set(doc.styles) | set(model.DEFAULT_STYLES)))
    if name == "font" and isinstance(obj, model.Masthead):
        try:
            from layout.fonts import catalog
            return tuple(catalog().known_names())
        except Exception:  # noqa: BLE001
            return None
    return CHOICES.get(name)
SKIP = {"id", "place", "body", "styles", "colour", "tint", "text", "crop"}


class PropertiesPanel(QScrollArea):
    """Form for the selected block (or the page and issue when nothing is selected)."""

    def __init__(self, ctrl, parent=None):
        super().__init__(parent)
        self.ctrl = ctrl
        self.setWidgetResizable(True)
        self._obj = None
        self._building = False
        self._pending = False
        ctrl.selectionChanged.connect(self.rebuild)
        ctrl.documentReplaced.connect(self.rebuild)
        ctrl.modelEdited.connect(self._edited)
        self.page_index = 0
        self.rebuild()

    def set_page(self, i):
        self.page_index = i
        if not self.ctrl.selection:
            self.rebuild()

    def _edited(self, obj):
        if not self._building and (obj is None or obj is self._obj or obj is getattr(self._obj, "place", None)):
            # later: the widget that emitted the edit may be the one a rebuild would delete
            if not self._pending:
                self._pending = True
                QTimer.singleShot(0, self._rebuild_later)

    def _rebuild_later(self):
        self._pending = False
        self.rebuild()

    def rebuild(self):
        self._building = True
        w = QWidget()
        form = QFormLayout(w)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        blocks = self.ctrl.selected_blocks()
        if len(blocks) == 1:
            b = blocks[0]
            self._obj = b
            form.addRow(QLabel(f"<b>{self._kind_name(b)}</b> · {b.id}"))
            self._place_rows(form, b)
            self._fields(form, b)
            if isinstance(b, model.Photo):
                self._photo_rows(form, b)
        elif len(blocks) > 1:
            self._obj = None
            form.addRow(QLabel(self.tr("%1 blocks selected").replace("%1", str(len(blocks)))))
        else:
            pages = self.ctrl.doc.pages
            if 0 <= self.page_index < len(pages):
                pg = pages[self.page_index]
                self._obj = pg
                form.addRow(QLabel("<b>" + self.tr("Page %1").replace("%1", str(self.page_index + 1)) + "</b>"))
                self._fields(form, pg, only=("section", "editor"))
            form.addRow(QLabel("<b>" + self.tr("Issue") + "</b>"))
            self._fields(form, self.ctrl.doc.publication, pages=None)
            form.addRow(QLabel("<b>" + self.tr("Page setup and grid") + "</b>"))
            self._fields(form, self.ctrl.doc.page, pages=None,
                         only=("columns", "column_chars", "gutter_chars", "body_size", "leading", "bleed",
                               "column_rules", "header_space"))
        self.setWidget(w)
        self._building = False

    def _kind_name(self, b):
        names = {"article": self.tr("Article"), "frame": self.tr("Continuation frame"), "photo": self.tr("Photo"),
                 "masthead": self.tr("Masthead"), "header": self.tr("Page header"), "qr": self.tr("QR code"),
                 "rule": self.tr("Rule"), "box": self.tr("Box"), "text": self.tr("Text")}
        return names.get(b.kind, b.kind)

    def _label(self, name):
        labels = {
            "kicker": self.tr("Kicker"), "title": self.tr("Title"), "subtitle": self.tr("Subtitle"),
            "byline": self.tr("Byline"), "byline_position": self.tr("Byline position"),
            "body_columns": self.tr("Body columns"), "headline_span": self.tr("Headline span"),
            "headline_lines": self.tr("Headline lines"), "headline_align": self.tr("Headline align"),
            "vertical_title": self.tr("Vertical title"), "box": self.tr("Box"), "rule_below": self.tr("Rule below"),
            "next": self.tr("Continues in"), "image": self.tr("Image"), "fit": self.tr("Fit"),
            "scale": self.tr("Scale %"), "caption": self.tr("Caption"), "credit": self.tr("Credit"),
            "caption_position": self.tr("Caption position"), "wrap": self.tr("Text wrap"),
            "standoff": self.tr("Standoff (mm)"), "bleed": self.tr("Bleed"), "section": self.tr("Section"),
            "editor": self.tr("Editor"), "designer": self.tr("Designer"), "font": self.tr("Font"),
            "size": self.tr("Size (pt)"), "vertical": self.tr("Vertical"), "data": self.tr("Data"),
            "label": self.tr("Label"), "style": self.tr("Style"), "width": self.tr("Width (pt)"),
            "name": self.tr("Paper name"), "issue": self.tr("Issue no."), "total_issue": self.tr("Total issue"),
            "date": self.tr("Date"), "publisher": self.tr("Publisher"), "registration": self.tr("Registration"),
            "editor_in_chief": self.tr("Editor in chief"), "address": self.tr("Address"),
            "phone": self.tr("Phone"), "price": self.tr("Price"), "website": self.tr("Website"),
            "pages": self.tr("Pages"), "number": self.tr("Number"), "columns": self.tr("Columns"),
            "column_chars": self.tr("Characters per column"), "gutter_chars": self.tr("Gutter (characters)"),
            "body_size": self.tr("Body size (pt)"), "leading": self.tr("Line pitch (pt)"),
            "column_rules": self.tr("Column rules"), "header_space": self.tr("Header space (mm)"),
        }
        return labels.get(name, name)

    def _set(self, obj, attr, value, pages="auto"):
        if self._building or getattr(obj, attr) == value:
            return
        if pages == "auto":
            pi = self.ctrl.page_index_of(obj) if isinstance(obj, model.Block) else None
            pages = {pi} if pi is not None and attr not in ("next",) else None
        self._building = True
        try:
            self.ctrl.push(commands.SetAttrCommand(self.ctrl, obj, attr, value,
                                                   self.tr("Change %1").replace("%1", self._label(attr)),
                                                   pages=pages, merge=isinstance(value, str)))
        finally:
            self._building = False

    def _fields(self, form, obj, only=None, pages="auto"):
        for f in dataclasses.fields(obj):
            name = f.name
            if name.startswith("_") or name in SKIP or (only and name not in only):
                continue
            val = getattr(obj, name)
            w = None
            allowed = choices(obj, name, self.ctrl.doc)
            if allowed is not None or (name == "next" and isinstance(obj, model.Block)):
                w = QComboBox()
                opts = list(allowed or ())
                if name == "next":
                    opts = [""] + [b.id for _, b in self.ctrl.doc.blocks()
                                   if isinstance(b, (model.Frame, model.Article)) and b is not obj]
                if val not in opts:
                    opts.append(val)
                w.addItems([str(o) for o in opts])
                w.setCurrentText(str(val))
                w.currentTextChanged.connect(lambda v, n=name: self._set(obj, n, v, pages))
            elif isinstance(val, bool):
                w = QCheckBox()
                w.setChecked(val)
                w.toggled.connect(lambda v, n=name: self._set(obj, n, bool(v), pages))
            elif isinstance(val, int) or (val is None and name in ("total_issue", "pages")):
                w = QSpinBox()
                w.setRange(0, 99999)
                w.setValue(int(val or 0))
                none_ok = val is None or name in ("total_issue", "pages")
                w.valueChanged.connect(lambda v, n=name, z=none_ok: self._set(obj, n, (None if (z and v == 0) else int(v)), pages))
            elif isinstance(val, float):
                w = QDoubleSpinBox()
                w.setRange(0, 9999)
                w.setDecimals(2)
                w.setValue(val)
                w.valueChanged.connect(lambda v, n=name: self._set(obj, n, float(v), pages))
            elif isinstance(val, str):
                w = QLineEdit(val)
                w.editingFinished.connect(lambda ww=w, n=name: self._set(obj, n, ww.text(), pages))
            if w is not None:
                w.setObjectName(f"prop_{name}")
                form.addRow(self._label(name), w)

    def _place_rows(self, form, b):
        p = b.place
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        if isinstance(p, model.GridPlace):
            specs = (("column", self.tr("Col")), ("span", self.tr("Span")), ("line", self.tr("Line")),
                     ("lines", self.tr("Lines")))
            for attr, lab in specs:
                sb = QSpinBox()
                sb.setRange(1, 999)
                sb.setValue(getattr(p, attr))
                sb.setToolTip(lab)
                sb.setObjectName(f"place_{attr}")
                sb.valueChanged.connect(lambda v, a=attr: self._set_place(b, a, v))
                h.addWidget(sb)
            g = self.ctrl.grid(self.ctrl.page_index_of(b) or 0)
            form.addRow(self.tr("Grid"), row)
            form.addRow("", QLabel(g.place_label(p, lambda s: self.tr(s))))
        else:
            for attr in ("x", "y", "w", "h"):
                sb = QDoubleSpinBox()
                sb.setRange(-50, 2000)
                sb.setValue(getattr(p, attr))
                sb.setSuffix(" mm")
                sb.valueChanged.connect(lambda v, a=attr: self._set_place(b, a, v))
                h.addWidget(sb)
            form.addRow(self.tr("Position"), row)
        snap = QPushButton(self.tr("Snap to grid") if isinstance(p, model.MmPlace) else self.tr("Free (mm)"))
        snap.clicked.connect(lambda: self._toggle_place(b))
        form.addRow("", snap)

    def _set_place(self, b, attr, v):
        if self._building:
            return
        p = copy.deepcopy(b.place)
        setattr(p, attr, v)
        self.ctrl.push(commands.SetPlaceCommand(self.ctrl, [(b, p)], self.tr("Move")))

    def _toggle_place(self, b):
        g = self.ctrl.grid(self.ctrl.page_index_of(b) or 0)
        r = g.rect(b.place)
        p = g.snap(*r) if isinstance(b.place, model.MmPlace) else g.free(*r)
        self.ctrl.push(commands.SetPlaceCommand(self.ctrl, [(b, p)], self.tr("Move")))

    def _photo_rows(self, form, b):
        btn = QPushButton(self.tr("Choose image…"))
        btn.clicked.connect(lambda: self._choose_image(b))
        form.addRow("", btn)
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        for i in range(4):
            sb = QDoubleSpinBox()
            sb.setRange(0, 1)
            sb.setSingleStep(0.05)
            sb.setDecimals(3)
            sb.setValue(float(b.crop[i]))
            sb.valueChanged.connect(lambda v, k=i: self._set_crop(b, k, v))
            h.addWidget(sb)
        form.addRow(self.tr("Crop"), row)

    def _set_crop(self, b, k, v):
        c = list(b.crop)
        c[k] = v
        self._set(b, "crop", tuple(c))

    def _choose_image(self, b):
        base = os.path.dirname(self.ctrl.path or "")
        fn, _ = QFileDialog.getOpenFileName(self, self.tr("Choose image"), base,
                                            self.tr("Images (*.jpg *.jpeg *.png *.tif *.tiff)"))
        if fn:
            rel = os.path.relpath(fn, base) if base else fn
            self._set(b, "image", rel)


# -- story editor ------------------------------------------------------------------------------------


class StoryEditor(QWidget):
    """Kicker, title, subtitle, byline and body of the selected article; the page follows as you type
    (debounced 150 ms, one undo step per field and burst of typing). Qt's standard widgets handle input
    methods, including preedit."""
    PARTS = ("kicker", "title", "subtitle", "byline", "body")

    def __init__(self, ctrl, parent=None):
        super().__init__(parent)
        self.ctrl = ctrl
        self.article = None
        self._loading = False
        form = QFormLayout(self)
        self.fields = {}
        self.style_boxes = {}
        for part in self.PARTS:
            w = QPlainTextEdit() if part == "body" else QLineEdit()
            w.setObjectName(f"story_{part}")
            if part == "body":
                w.setPlaceholderText(self.tr("One paragraph per line"))
                w.textChanged.connect(lambda p=part: self._typed(p))
            else:
                w.textEdited.connect(lambda _t, p=part: self._typed(p))
            self.fields[part] = w
            sb = QComboBox()
            sb.setObjectName(f"story_style_{part}")
            sb.currentTextChanged.connect(lambda v, p=part: self._style(p, v))
            self.style_boxes[part] = sb
            row = QWidget()
            h = QHBoxLayout(row)
            h.setContentsMargins(0, 0, 0, 0)
            if part == "body":
                v = QVBoxLayout()
                v.addWidget(sb)
                form.addRow(self._label(part), sb)
                form.addRow(w)
                continue
            h.addWidget(w, 1)
            h.addWidget(sb)
            form.addRow(self._label(part), row)
        self.info = QLabel()
        form.addRow(self.info)
        self._dirty = set()
        self._timer = QTimer(self, singleShot=True, interval=150, timeout=self.commit)
        ctrl.selectionChanged.connect(self.on_selection)
        ctrl.documentReplaced.connect(self.on_selection)
        ctrl.modelEdited.connect(self._edited)
        ctrl.layoutChanged.connect(lambda _p: self._info())
        self.on_selection()

    def _label(self, part):
        return {"kicker": self.tr("Kicker"), "title": self.tr("Title"), "subtitle": self.tr("Subtitle"),
                "byline": self.tr("Byline"), "body": self.tr("Body")}[part]

    def on_selection(self):
        self.commit()
        sel = self.ctrl.selected_blocks()
        target = None
        if len(sel) == 1:
            b = sel[0]
            if isinstance(b, (model.Article, model.TextBlock)):
                target = b
            elif isinstance(b, model.Frame):
                target = self._article_flowing_into(b.id)   # a 串文 frame edits its article
        self.article = target
        self.load()

    def _article_flowing_into(self, frame_id):
        by_id = {b.id: b for _, b in self.ctrl.doc.blocks()}
        for _, b in self.ctrl.doc.blocks():
            if not isinstance(b, model.Article):
                continue
            seen, nxt = set(), b.next
            while nxt and nxt not in seen:
                if nxt == frame_id:
                    return b
                seen.add(nxt)
                nxt = getattr(by_id.get(nxt), "next", "")
        return None

    def _attr(self, part):
        """Model attribute of an editor part (a text block keeps its paragraphs in ``text``)."""
        if isinstance(self.article, model.TextBlock):
            return "text" if part == "body" else None
        return part

    def _edited(self, obj):
        if obj is self.article and not self._timer.isActive():
            self.load(keep_cursor=True)

    def load(self, keep_cursor=False):
        self._loading = True
        a = self.article
        names = sorted(set(self.ctrl.doc.styles) | set(model.DEFAULT_STYLES))
        defaults = {"kicker": "引题", "title": "主题", "subtitle": "副题", "byline": "署名", "body": "正文"}
        for part, w in self.fields.items():
            attr = self._attr(part) if a is not None else None
            w.setEnabled(attr is not None)
            val = "" if attr is None else ("\n".join(getattr(a, attr)) if part == "body" else getattr(a, attr))
            cur = w.toPlainText() if part == "body" else w.text()
            if cur != val and not (keep_cursor and self._value(part) == self._model_value(part)):
                if part == "body":
                    w.setPlainText(val)
                else:
                    w.setText(val)
                    w.setCursorPosition(0)
            sb = self.style_boxes[part]
            sb.clear()
            sb.addItems(names)
            if isinstance(a, model.TextBlock):
                sb.setCurrentText(a.style if part == "body" else defaults[part])
            else:
                sb.setCurrentText((a.styles.get(part) if a else None) or defaults[part])
            sb.setEnabled(attr is not None)
        self._loading = False
        self._info()

    def _value(self, part):
        w = self.fields[part]
        if part == "body":
            return [p for p in (s.strip() for s in w.toPlainText().split("\n")) if p]
        return w.text()

    def _model_value(self, part):
        attr = None if self.article is None else self._attr(part)
        return None if attr is None else getattr(self.article, attr)

    def _typed(self, part):
        if self._loading or self.article is None:
            return
        self._dirty.add(part)
        self._timer.start()

    def commit(self):
        self._timer.stop()
        a = self.article
        if a is None:
            self._dirty.clear()
            return
        for part in sorted(self._dirty):
            attr = self._attr(part)
            if attr is None:
                continue
            val = self._value(part)
            if val != getattr(a, attr):
                pi = self.ctrl.page_index_of(a)
                self.ctrl.push(commands.SetAttrCommand(self.ctrl, a, attr, val,
                                                       self.tr("Edit %1").replace("%1", self._label(part)),
                                                       pages=None if pi is None else {pi}, merge=True))
        self._dirty.clear()

    def _style(self, part, name):
        a = self.article
        if self._loading or a is None or not name:
            return
        if isinstance(a, model.TextBlock):
            if part == "body" and a.style != name:
                self.ctrl.push(commands.SetAttrCommand(self.ctrl, a, "style", name, self.tr("Paragraph style")))
            return
        if a.styles.get(part) == name:
            return
        st = dict(a.styles)
        st[part] = name
        self.ctrl.push(commands.SetAttrCommand(self.ctrl, a, "styles", st, self.tr("Paragraph style")))

    def _info(self):
        a = self.article
        if a is None:
            self.info.setText(self.tr("Select an article to edit its text."))
            return
        chars = sum(len(p) for p in (a.text if isinstance(a, model.TextBlock) else a.body))
        pi = self.ctrl.page_index_of(a)
        bb = self.ctrl.block_box(pi, a.id) if pi is not None else None
        over = bb.overset_chars if bb else 0
        t = self.tr("%1 characters").replace("%1", str(chars))
        if over:
            t += " · <span style='color:#c00'>" + self.tr("overset %1").replace("%1", str(over)) + "</span>"
        self.info.setText(t)


# -- style editor --------------------------------------------------------------------------------------


class StyleEditor(QWidget):
    def __init__(self, ctrl, parent=None):
        super().__init__(parent)
        self.ctrl = ctrl
        self._loading = False
        lay = QVBoxLayout(self)
        self.names = QComboBox()
        self.names.setObjectName("style_names")
        self.names.currentTextChanged.connect(self.load)
        lay.addWidget(self.names)
        form = QFormLayout()
        lay.addLayout(form)
        lay.addStretch(1)
        self.font = QComboBox()            # only catalogue names: an unknown font cannot be typed in
        self.size = QComboBox()
        self.size.setEditable(True)
        self.size.addItems(list(model.HAO_SIZES))
        self.leading = QDoubleSpinBox(decimals=2, maximum=200, suffix=" pt")
        self.tracking = QDoubleSpinBox(decimals=0, minimum=-500, maximum=1000)
        self.hscale = QDoubleSpinBox(decimals=0, minimum=50, maximum=200, suffix=" %")
        self.indent = QDoubleSpinBox(decimals=1, maximum=10, suffix=" em")
        self.punct = QComboBox()
        self.punct.addItems(list(model.PUNCT_STYLES))
        self.align = QComboBox()
        self.align.addItems(list(model.ALIGNS))
        self.kinsoku = QComboBox()
        self.kinsoku.addItems(list(model.KINSOKU_LEVELS))
        for lab, w in ((self.tr("Font"), self.font), (self.tr("Size (pt or 号)"), self.size),
                       (self.tr("Leading"), self.leading), (self.tr("Tracking (1/1000 em)"), self.tracking),
                       (self.tr("Horizontal scale"), self.hscale), (self.tr("Indent"), self.indent),
                       (self.tr("Punctuation"), self.punct), (self.tr("Alignment"), self.align),
                       (self.tr("Line breaking"), self.kinsoku)):
            form.addRow(lab, w)
        self.font.currentTextChanged.connect(lambda v: self._set("font", v))
        self.size.currentTextChanged.connect(self._size)
        self.leading.valueChanged.connect(lambda v: self._set("leading", float(v) if v else None))
        self.tracking.valueChanged.connect(lambda v: self._set("tracking", float(v)))
        self.hscale.valueChanged.connect(lambda v: self._set("hscale", float(v)))
        self.indent.valueChanged.connect(lambda v: self._set("indent", float(v)))
        self.punct.currentTextChanged.connect(lambda v: self._set("punct", v))
        self.align.currentTextChanged.connect(lambda v: self._set("align", v))
        self.kinsoku.currentTextChanged.connect(lambda v: self._set("kinsoku", v))
        ctrl.documentReplaced.connect(self.reload_names)
        ctrl.modelEdited.connect(lambda o: self.load(self.names.currentText()) if o is None else None)
        self.reload_names()

    def reload_names(self):
        self._loading = True
        cur = self.names.currentText()
        self.names.clear()
        self.names.addItems(sorted(set(self.ctrl.doc.styles) | set(model.DEFAULT_STYLES)))
        try:
            from layout.fonts import catalog
            fonts = catalog().known_names()
        except Exception:  # noqa: BLE001
            fonts = ["宋体", "黑体", "楷体", "仿宋"]
        self.font.clear()
        self.font.addItems(fonts)
        self.names.setCurrentText(cur or "正文")
        self.load(self.names.currentText())
        self._loading = False

    def load(self, name):
        if not name:
            return
        st = self.ctrl.doc.style(name) if name in self.ctrl.doc.styles or name in model.DEFAULT_STYLES else None
        if st is None:
            return
        was, self._loading = self._loading, True
        self.font.setCurrentText(st.font)
        hao = next((k for k, v in model.HAO_SIZES.items() if abs(v - st.size) < 1e-6), None)
        self.size.setCurrentText(hao or f"{st.size:g}")
        self.leading.setValue(st.leading or 0)
        self.tracking.setValue(st.tracking)
        self.hscale.setValue(st.hscale)
        self.indent.setValue(st.indent)
        self.punct.setCurrentText(st.punct)
        self.align.setCurrentText(st.align)
        self.kinsoku.setCurrentText(st.kinsoku)
        self._loading = was

    def _size(self, text):
        t = text.strip().replace("pt", "")
        v = model.HAO_SIZES.get(t)
        if v is None:
            try:
                v = float(t)
            except ValueError:
                return
        if v > 0:
            self._set("size", v)

    def _set(self, attr, value):
        name = self.names.currentText()
        if self._loading or not name:
            return
        if getattr(self.ctrl.doc.style(name), attr) == value and name in self.ctrl.doc.styles:
            return
        self.ctrl.push(commands.SetStyleAttrCommand(self.ctrl, name, attr, value,
                                                    self.tr("Style %1").replace("%1", name)))


# -- preflight ----------------------------------------------------------------------------------------


def finding_text(f, lang_zh=True) -> str:
    return (getattr(f, "message_zh", "") if lang_zh else getattr(f, "message_en", "")) or \
        getattr(f, "message_en", "") or getattr(f, "message", "") or str(f)


class PreflightPanel(QWidget):
    findingActivated = Signal(int, str)     # page index (0-based), block id

    def __init__(self, ctrl, parent=None):
        super().__init__(parent)
        self.ctrl = ctrl
        self.zh = True
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Severity"), self.tr("Page"), self.tr("Block"), self.tr("Code"),
                                   self.tr("Message")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.tree.itemActivated.connect(self._activate)
        self.tree.itemClicked.connect(self._activate)
        self.status = QLabel()
        run = QPushButton(self.tr("Run preflight"))
        run.clicked.connect(self.run)
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(run)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.addLayout(bar)
        lay.addWidget(self.tree)
        self.findings = []
        self._timer = QTimer(self, singleShot=True, interval=1500, timeout=self.run)
        ctrl.layoutChanged.connect(lambda _p: self._timer.start())
        ctrl.documentReplaced.connect(self.run)

    def run(self):
        from . import engine
        try:
            self.findings = engine.preflight(self.ctrl.doc, self.ctrl.laid)
            err = ""
        except ImportError:
            self.findings = self._overset_findings()
            err = ""
        except Exception as e:  # noqa: BLE001
            self.findings = self._overset_findings()
            err = f" ({type(e).__name__}: {e})"
        if self.ctrl.layout_error:
            from types import SimpleNamespace
            self.findings = [SimpleNamespace(severity="error", code="layout", page=None, block="",
                                             message_zh="排版失败：" + self.ctrl.layout_error,
                                             message_en="layout failed: " + self.ctrl.layout_error)] + self.findings
        self.show_findings(self.findings)
        n = len(self.findings)
        self.status.setText((self.tr("%1 findings").replace("%1", str(n)) if n else self.tr("No problems found"))
                            + err)

    def _overset_findings(self):
        """Used only if layout.preflight is not available: overset text from the tree."""
        from types import SimpleNamespace
        out = []
        if self.ctrl.laid:
            for i, lp in enumerate(self.ctrl.laid.pages):
                for bb in lp.blocks:
                    if bb.overset_chars:
                        out.append(SimpleNamespace(severity="error", code="overset", page=i + 1, block=bb.block_id,
                                                   message_zh=f"{bb.block_id} 有 {bb.overset_chars} 字排不下",
                                                   message_en=f"{bb.block_id}: {bb.overset_chars} characters overset"))
        return out

    def show_findings(self, findings):
        self.tree.clear()
        colours = {"error": QColor(200, 0, 0), "warning": QColor(190, 120, 0), "info": QColor(60, 60, 60)}
        sev_names = {"error": self.tr("Error"), "warning": self.tr("Warning"), "info": self.tr("Info")}
        for f in findings:
            sev = str(getattr(f, "severity", "info")).lower()
            sev = getattr(getattr(f, "severity", None), "value", sev) if not isinstance(getattr(f, "severity", ""), str) else sev
            page = getattr(f, "page", None)
            it = QTreeWidgetItem([sev_names.get(str(sev), str(sev)), "" if page in (None, 0) else str(page),
                                  getattr(f, "block", "") or "", getattr(f, "code", ""), finding_text(f, self.zh)])
            it.setForeground(0, colours.get(str(sev), QColor(60, 60, 60)))
            it.setData(0, Qt.ItemDataRole.UserRole, (page, getattr(f, "block", "") or ""))
            self.tree.addTopLevelItem(it)
        for c in range(4):
            self.tree.resizeColumnToContents(c)

    def _activate(self, item, _col=0):
        page, block = item.data(0, Qt.ItemDataRole.UserRole)
        pi = (int(page) - 1) if page else -1
        if block:
            found, _b = self.ctrl.find(block)
            if found is not None:
                pi = found
        self.findingActivated.emit(pi, block)
