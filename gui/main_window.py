"""The main window: page canvas, page thumbnails, 稿件 list, properties / story / style docks, preflight,
menus, toolbar, recent files, autosave and crash recovery.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QComboBox, QDockWidget, QFileDialog, QLabel, QMainWindow, QMessageBox, QStyle,
                               QToolBar)

from layout import model

from . import commands, engine, importers
from .canvas import PageScene, PageView
from .document import DocumentController, new_document, recovery_path
from .panels import CopyPanel, PreflightPanel, PropertiesPanel, StoryEditor, StyleEditor, ThumbnailPanel

AUTOSAVE_MS = 60_000
MAX_RECENT = 8


class MainWindow(QMainWindow):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.ctrl = DocumentController(self)
        self.settings = QSettings("Paiban", "Paiban")
        self.last_error = ""
        self.ask_recover = self._ask_recover          # hooks (tests replace them)
        self.ask_save_changes = self._ask_save_changes
        self.show_error = self._show_error

        self.scene = PageScene(self.ctrl, self)
        self.view = PageView(self.scene, self)
        self.scene.blockDoubleClicked.connect(self.edit_block)
        self.scene.contextMenuRequested.connect(self.block_menu)
        self.setCentralWidget(self.view)
        self._docks()
        self._actions()
        self._menus()
        self._toolbar()
        self._statusbar()

        self.ctrl.fileChanged.connect(self.update_title)
        self.ctrl.layoutChanged.connect(self._layout_status)
        self.ctrl.selectionChanged.connect(self._selection_status)
        self.ctrl.undo.indexChanged.connect(lambda _i: self._update_actions())
        self.ctrl.selectionChanged.connect(self._update_actions)
        self.view.zoomChanged.connect(self._zoom_status)

        self.autosave_timer = QTimer(self, interval=AUTOSAVE_MS, timeout=self.autosave)
        self.autosave_timer.start()
        self.resize(1600, 1000)
        self.ctrl.set_document(new_document(), None)
        self.ctrl.undo.setClean()
        self.update_title()
        QTimer.singleShot(0, self.view.fit_page)

    # -- building ------------------------------------------------------------------------------------
    def _dock(self, widget, title, area, name):
        d = QDockWidget(title, self)
        d.setObjectName(name)
        d.setWidget(widget)
        d.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
                      | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, d)
        return d

    def _docks(self):
        self.thumbs = ThumbnailPanel(self.ctrl)
        self.thumbs.pageActivated.connect(self.go_to_page)
        self.copy = CopyPanel(self.ctrl)
        self.copy.blockActivated.connect(self.reveal_block)
        self.props = PropertiesPanel(self.ctrl)
        self.story = StoryEditor(self.ctrl)
        self.styles = StyleEditor(self.ctrl)
        self.preflight = PreflightPanel(self.ctrl)
        self.preflight.findingActivated.connect(self.reveal)
        L, R, B = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea,
                   Qt.DockWidgetArea.BottomDockWidgetArea)
        self.setCorner(Qt.Corner.BottomLeftCorner, L)
        self.setCorner(Qt.Corner.BottomRightCorner, R)
        self.thumbs_dock = self._dock(self.thumbs, self.tr("Pages"), L, "pages")
        self.copy_dock = self._dock(self.copy, self.tr("Copy"), L, "copy")
        self.splitDockWidget(self.thumbs_dock, self.copy_dock, Qt.Orientation.Horizontal)
        self.props_dock = self._dock(self.props, self.tr("Properties"), R, "properties")
        from PySide6.QtWidgets import QScrollArea
        story_scroll = QScrollArea()          # small screens: the editor scrolls instead of growing the window
        story_scroll.setWidgetResizable(True)
        story_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        story_scroll.setWidget(self.story)
        self.story_dock = self._dock(story_scroll, self.tr("Story editor"), R, "story")
        self.splitDockWidget(self.props_dock, self.story_dock, Qt.Orientation.Vertical)
        self.styles_dock = self._dock(self.styles, self.tr("Styles"), R, "styles")
        self.tabifyDockWidget(self.props_dock, self.styles_dock)
        self.props_dock.raise_()
        self.preflight_dock = self._dock(self.preflight, self.tr("Preflight"), B, "preflight")
        from PySide6.QtWidgets import QUndoView
        self.history = QUndoView(self.ctrl.undo)
        self.history.setEmptyLabel(self.tr("<opened>"))
        self.history_dock = self._dock(self.history, self.tr("History"), R, "history")
        self.tabifyDockWidget(self.styles_dock, self.history_dock)
        self.props_dock.raise_()
        self.resizeDocks([self.thumbs_dock, self.copy_dock], [150, 210], Qt.Orientation.Horizontal)
        self.resizeDocks([self.props_dock], [360], Qt.Orientation.Horizontal)
        self.resizeDocks([self.preflight_dock], [150], Qt.Orientation.Vertical)
        self.resizeDocks([self.props_dock, self.story_dock], [420, 420], Qt.Orientation.Vertical)

    def _act(self, text, slot, shortcut=None, icon=None, checkable=False, checked=False, tip=None):
        a = QAction(text, self)
        if shortcut:
            a.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        if icon is not None:
            a.setIcon(self.style().standardIcon(icon))
        if checkable:
            a.setCheckable(True)
            a.setChecked(checked)
            a.toggled.connect(slot)
        else:
            a.triggered.connect(lambda _c=False: slot())
        if tip:
            a.setToolTip(tip)
        return a

    def _actions(self):
        SP = QStyle.StandardPixmap
        K = QKeySequence.StandardKey
        self.a_new = self._act(self.tr("&New"), self.new_file, K.New, SP.SP_FileIcon)
        self.a_open = self._act(self.tr("&Open…"), self.open_dialog, K.Open, SP.SP_DialogOpenButton)
        self.a_save = self._act(self.tr("&Save"), self.save, K.Save, SP.SP_DialogSaveButton)
        self.a_save_as = self._act(self.tr("Save &As…"), self.save_as, K.SaveAs)
        self.a_import = self._act(self.tr("&Import copy…"), self.import_dialog, "Ctrl+I")
        self.a_export = self._act(self.tr("&Export PDF…"), self.export_dialog, "Ctrl+E", SP.SP_DriveFDIcon)
        self.a_quit = self._act(self.tr("&Quit"), self.close, K.Quit)
        self.a_undo = self.ctrl.undo.createUndoAction(self, self.tr("&Undo"))
        self.a_undo.setShortcuts([QKeySequence(K.Undo)])
        self.a_undo.setIcon(self.style().standardIcon(SP.SP_ArrowBack))
        self.a_redo = self.ctrl.undo.createRedoAction(self, self.tr("&Redo"))
        self.a_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence(K.Redo)])
        self.a_redo.setIcon(self.style().standardIcon(SP.SP_ArrowForward))
        self.a_delete = self._act(self.tr("&Delete"), self.delete_selection, K.Delete)
        self.a_select_all = self._act(self.tr("Select &all"), self.select_all, K.SelectAll)
        self.a_forward = self._act(self.tr("Bring &forward"), lambda: self.z_order(1), "Ctrl+]")
        self.a_backward = self._act(self.tr("Send &backward"), lambda: self.z_order(-1), "Ctrl+[")
        self.a_align = {k: self._act(t, lambda k=k: self.align(k)) for k, t in (
            ("left", self.tr("Align left")), ("right", self.tr("Align right")),
            ("top", self.tr("Align top")), ("bottom", self.tr("Align bottom")))}
        self.a_zoom_in = self._act(self.tr("Zoom &in"), self.view.zoom_in, [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.a_zoom_out = self._act(self.tr("Zoom &out"), self.view.zoom_out, "Ctrl+-")
        self.a_zoom_100 = self._act(self.tr("Actual size"), lambda: self.view.set_zoom(1.0), "Ctrl+1")
        self.a_fit_page = self._act(self.tr("Fit &page"), self.view.fit_page, "Ctrl+0")
        self.a_fit_width = self._act(self.tr("Fit &width"), self.view.fit_width, "Ctrl+2")
        self.a_guides = self._act(self.tr("Show guides"), lambda v: self._toggle("show_guides", v), ";",
                                  checkable=True, checked=True)
        self.a_columns = self._act(self.tr("Column grid"), lambda v: self._toggle("show_columns", v), "Ctrl+;",
                                   checkable=True, checked=True)
        self.a_baselines = self._act(self.tr("Baseline grid"), lambda v: self._toggle("show_baselines", v),
                                     "Ctrl+'", checkable=True, checked=False)
        self.a_outlines = self._act(self.tr("Block outlines"), lambda v: self._toggle("show_outlines", v),
                                    "Ctrl+H", checkable=True, checked=True)
        self.a_prev = self._act(self.tr("Previous page"), lambda: self.go_to_page(self.scene.page_index - 1),
                                "PgUp", SP.SP_ArrowUp)
        self.a_next = self._act(self.tr("Next page"), lambda: self.go_to_page(self.scene.page_index + 1),
                                "PgDown", SP.SP_ArrowDown)
        self.a_add_page = self._act(self.tr("Add page"), self.thumbs.add_page)
        self.a_del_page = self._act(self.tr("Delete page"), self.thumbs.delete_page)
        self.a_new_article = self._act(self.tr("New article"), self.new_article, "Ctrl+Shift+A")
        self.a_new_photo = self._act(self.tr("New photo…"), self.new_photo, "Ctrl+Shift+P")
        self.a_link = self._act(self.tr("Link to frame (串文)"), self.start_link, "Ctrl+L")
        self.a_about = self._act(self.tr("About Paiban"), self.about)

    def _menus(self):
        mb = self.menuBar()
        m = mb.addMenu(self.tr("&File"))
        for a in (self.a_new, self.a_open):
            m.addAction(a)
        self.recent_menu = m.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        m.addSeparator()
        for a in (self.a_save, self.a_save_as):
            m.addAction(a)
        m.addSeparator()
        m.addAction(self.a_import)
        m.addAction(self.a_export)
        m.addSeparator()
        m.addAction(self.a_quit)
        m = mb.addMenu(self.tr("&Edit"))
        for a in (self.a_undo, self.a_redo, None, self.a_delete, self.a_select_all, None, self.a_forward,
                  self.a_backward):
            m.addSeparator() if a is None else m.addAction(a)
        am = m.addMenu(self.tr("Align"))
        for a in self.a_align.values():
            am.addAction(a)
        m = mb.addMenu(self.tr("&View"))
        for a in (self.a_zoom_in, self.a_zoom_out, self.a_zoom_100, self.a_fit_page, self.a_fit_width, None,
                  self.a_guides, self.a_columns, self.a_baselines, self.a_outlines, None, self.a_prev, self.a_next):
            m.addSeparator() if a is None else m.addAction(a)
        m.addSeparator()
        for d in (self.thumbs_dock, self.copy_dock, self.props_dock, self.story_dock, self.styles_dock,
                  self.preflight_dock, self.history_dock):
            m.addAction(d.toggleViewAction())
        m = mb.addMenu(self.tr("&Layout"))
        for a in (self.a_add_page, self.a_del_page, None, self.a_new_article, self.a_new_photo, self.a_link):
            m.addSeparator() if a is None else m.addAction(a)
        m = mb.addMenu(self.tr("&Help"))
        m.addAction(self.a_about)

    def _toolbar(self):
        tb = QToolBar(self.tr("Main"), self)
        tb.setObjectName("main_toolbar")
        tb.setIconSize(QSize(18, 18))
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(tb)
        for a in (self.a_new, self.a_open, self.a_save, None, self.a_undo, self.a_redo, None):
            tb.addSeparator() if a is None else tb.addAction(a)
        tb.addAction(self.a_prev)
        self.page_box = QComboBox()
        self.page_box.setMinimumWidth(120)
        self.page_box.activated.connect(self.go_to_page)
        tb.addWidget(self.page_box)
        tb.addAction(self.a_next)
        tb.addSeparator()
        tb.addAction(self.a_zoom_out)
        self.zoom_box = QComboBox()
        self.zoom_box.setEditable(True)
        self.zoom_box.addItems(["10%", "25%", "50%", "75%", "100%", "150%", "200%", "400%", "800%"])
        self.zoom_box.setMinimumWidth(80)
        self.zoom_box.lineEdit().returnPressed.connect(self._zoom_entered)
        self.zoom_box.activated.connect(lambda _i: self._zoom_entered())
        tb.addWidget(self.zoom_box)
        tb.addAction(self.a_zoom_in)
        tb.addAction(self.a_fit_page)
        tb.addAction(self.a_fit_width)
        tb.addSeparator()
        tb.addAction(self.a_columns)
        tb.addAction(self.a_baselines)
        tb.addSeparator()
        tb.addAction(self.a_link)
        tb.addAction(self.a_export)
        self.ctrl.structureChanged.connect(self._fill_pages)
        self.ctrl.documentReplaced.connect(self._fill_pages)

    def _statusbar(self):
        sb = self.statusBar()
        self.st_sel = QLabel()
        self.st_layout = QLabel()
        self.st_zoom = QLabel()
        self.st_pos = QLabel()
        self.st_pos.setMinimumWidth(230)
        sb.addWidget(self.st_sel, 1)
        sb.addPermanentWidget(self.st_pos)
        sb.addPermanentWidget(self.st_layout)
        self.view.cursorMoved.connect(self._cursor_status)
        sb.addPermanentWidget(self.st_zoom)

    # -- status ----------------------------------------------------------------------------------------
    def _cursor_status(self, x, y):
        g = self.ctrl.grid(self.scene.page_index)
        mm = 25.4 / 72
        inside = g.columns[0][0] <= x <= g.columns[-1][1] and g.top <= y <= g.top + g.lines * g.pitch
        grid = ""
        if inside:
            col = next((i + 1 for i, (x0, x1) in enumerate(g.columns) if x < x1), len(g.columns))
            line = int((y - g.top) // g.pitch) + 1
            grid = self.tr("col %1 · line %2").replace("%1", str(col)).replace("%2", str(line)) + " · "
        self.st_pos.setText(f"{grid}{x * mm:.1f}, {y * mm:.1f} mm")

    def _zoom_status(self, z):
        self.st_zoom.setText(f"{z * 100:.0f}%")
        self.zoom_box.setEditText(f"{z * 100:.0f}%")

    def _zoom_entered(self):
        t = self.zoom_box.currentText().strip().rstrip("%")
        try:
            self.view.set_zoom(float(t) / 100)
        except ValueError:
            pass

    def _layout_status(self, _pages):
        if self.ctrl.layout_error:
            self.st_layout.setText(self.tr("Layout error: %1").replace("%1", self.ctrl.layout_error[:80]))
            return
        over = 0
        if self.ctrl.laid:
            over = sum(bb.overset_chars for lp in self.ctrl.laid.pages for bb in lp.blocks)
        t = self.tr("Layout %1 ms").replace("%1", f"{self.ctrl.last_relayout_ms:.0f}")
        if over:
            t += " · " + self.tr("overset %1").replace("%1", str(over))
        self.st_layout.setText(t)

    def _selection_status(self):
        blocks = self.ctrl.selected_blocks()
        if not blocks:
            self.st_sel.setText(self.tr("Page %1 of %2").replace("%1", str(self.scene.page_index + 1))
                                .replace("%2", str(len(self.ctrl.doc.pages))))
            return
        b = blocks[0]
        pi = self.ctrl.page_index_of(b)
        if pi is None:
            self.st_sel.setText(b.id)
            return
        g = self.ctrl.grid(pi)
        self.st_sel.setText(f"{b.id} · {g.place_label(b.place, self.tr)}"
                            + (f" (+{len(blocks) - 1})" if len(blocks) > 1 else ""))

    def _update_actions(self):
        has = bool(self.ctrl.selection)
        for a in (self.a_delete, self.a_forward, self.a_backward, *self.a_align.values()):
            a.setEnabled(has)

    def _fill_pages(self):
        self.page_box.clear()
        for i, p in enumerate(self.ctrl.doc.pages):
            self.page_box.addItem(self.tr("Page %1").replace("%1", str(i + 1)) + (f" {p.section}" if p.section else ""))
        self.page_box.setCurrentIndex(self.scene.page_index)

    def update_title(self):
        name = os.path.basename(self.ctrl.path) if self.ctrl.path else self.tr("Untitled")
        pub = self.ctrl.doc.publication.name
        self.setWindowTitle(f"{name}[*] — {pub + ' — ' if pub else ''}" + self.tr("Paiban"))
        self.setWindowModified(self.ctrl.modified)

    def _toggle(self, attr, v):
        setattr(self.scene, attr, bool(v))
        self.scene.update()
        self.scene.page_item.update()

    # -- navigation ------------------------------------------------------------------------------------
    def go_to_page(self, i: int):
        if not (0 <= i < len(self.ctrl.doc.pages)):
            return
        self.scene.set_page(i)
        self.thumbs.set_current(i)
        self.props.set_page(i)
        self.page_box.setCurrentIndex(i)
        self._selection_status()

    def reveal_block(self, block_id: str):
        pi, b = self.ctrl.find(block_id)
        if pi is not None:
            self.go_to_page(pi)
        self.ctrl.select([block_id])
        it = self.scene.items_by_id.get(block_id)
        if it is not None:
            self.view.ensureVisible(it.sceneBoundingRect(), 40, 40)

    def reveal(self, page_index: int, block_id: str):
        if block_id:
            self.reveal_block(block_id)
        elif page_index >= 0:
            self.go_to_page(page_index)

    # -- files -----------------------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when it is fine to discard the current document (saved, or the user said so)."""
        if not self.ctrl.modified:
            return True
        ans = self.ask_save_changes()
        if ans == "save":
            return self.save()
        return ans == "discard"

    def _ask_save_changes(self) -> str:
        r = QMessageBox.warning(self, self.tr("Paiban"),
                                self.tr("The document has unsaved changes. Save them?"),
                                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                                | QMessageBox.StandardButton.Cancel)
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(r, "cancel")

    def _show_error(self, title: str, text: str):
        self.last_error = text
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, self)
        box.exec()

    def new_file(self):
        if not self.maybe_save():
            return
        self._drop_recovery()
        self.ctrl.set_document(new_document(), None)
        self.view.fit_page()

    def open_dialog(self):
        if not self.maybe_save():
            return
        start = os.path.dirname(self.ctrl.path) if self.ctrl.path else str(Path.cwd())
        fn, _ = QFileDialog.getOpenFileName(self, self.tr("Open issue"), start,
                                            self.tr("Paiban issues (*.yaml *.yml)"))
        if fn:
            self.open_file(fn)

    def open_file(self, path: str, *, check_recovery: bool = True) -> bool:
        path = os.path.abspath(path)
        rec = recovery_path(path)
        source = path
        recovered = False
        if check_recovery and rec.exists():
            try:
                newer = rec.stat().st_mtime > os.path.getmtime(path)
            except OSError:
                newer = True
            if newer and self.ask_recover(path, str(rec)):
                source, recovered = str(rec), True
        try:
            doc = self._load(source, path if recovered else None)
        except engine.PaibanError as e:
            self.show_error(self.tr("Cannot open %1").replace("%1", os.path.basename(source)),
                            "\n".join(str(d) for d in e.diagnostics))
            return False
        except Exception as e:  # noqa: BLE001 - never a traceback in the window
            self.show_error(self.tr("Cannot open %1").replace("%1", os.path.basename(source)),
                            f"{type(e).__name__}: {e}")
            return False
        self._drop_recovery()
        self.ctrl.set_document(doc, path)
        if recovered:
            # the recovered state differs from the file on disk: mark it modified (one undoable step)
            self.ctrl.undo.resetClean()
        self._add_recent(path)
        self.go_to_page(0)
        QTimer.singleShot(0, self.view.fit_page)
        warnings = getattr(doc, "warnings", None) or []
        if warnings:
            self.statusBar().showMessage("; ".join(str(w) for w in warnings[:3]), 10000)
        return True

    def _load(self, source: str, real_path: str | None):
        if real_path is None:
            return engine.load(source)
        # a recovery file lives in the cache dir: resolve relative image paths against the real document
        from layout.loader import loads_document
        with open(source, encoding="utf-8") as f:
            text = f.read()
        doc = loads_document(text, real_path, base_dir=os.path.dirname(real_path))
        doc.source = real_path
        return doc

    def _ask_recover(self, path: str, rec: str) -> bool:
        r = QMessageBox.question(
            self, self.tr("Recover"),
            self.tr("Paiban found an autosaved copy of %1 that is newer than the file. "
                    "It may hold changes from a session that ended unexpectedly. Recover it?")
            .replace("%1", os.path.basename(path)))
        return r == QMessageBox.StandardButton.Yes

    def save(self) -> bool:
        if not self.ctrl.path:
            return self.save_as()
        return self._save_to(self.ctrl.path)

    def save_as(self) -> bool:
        start = self.ctrl.path or os.path.join(str(Path.cwd()), "untitled.yaml")
        fn, _ = QFileDialog.getSaveFileName(self, self.tr("Save issue"), start, self.tr("Paiban issues (*.yaml *.yml)"))
        if not fn:
            return False
        if not fn.endswith((".yaml", ".yml")):
            fn += ".yaml"
        return self._save_to(fn)

    def _save_to(self, path: str) -> bool:
        self.story.commit()
        try:
            engine.save(self.ctrl.doc, path)
        except engine.PaibanError as e:
            self.show_error(self.tr("Cannot save"), "\n".join(str(d) for d in e.diagnostics))
            return False
        except OSError as e:
            self.show_error(self.tr("Cannot save"), str(e))
            return False
        old = self.ctrl.path
        self.ctrl.path = os.path.abspath(path)
        if old and old != self.ctrl.path:
            self._drop_recovery(old)
        self._drop_recovery()
        self.ctrl.undo.setClean()
        self._add_recent(self.ctrl.path)
        self.update_title()
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", path), 4000)
        return True

    def autosave(self) -> str | None:
        """Write the recovery file when there are unsaved changes; returns its path."""
        if not self.ctrl.modified:
            return None
        self.story.commit()
        text = engine.dumps(self.ctrl.doc)
        if text is None:
            return None
        rec = recovery_path(self.ctrl.path)
        try:
            rec.parent.mkdir(parents=True, exist_ok=True)
            tmp = rec.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, rec)
        except OSError:
            return None
        return str(rec)

    def orphan_recoveries(self) -> list[Path]:
        """Autosaves of untitled documents whose process is gone (a crash before the first save)."""
        from .document import recovery_dir
        out = []
        try:
            files = sorted(recovery_dir().glob("untitled-*.recovery.yaml"), key=lambda p: -p.stat().st_mtime)
        except OSError:
            return []
        mine = recovery_path(None)
        for f in files:
            if f != mine:
                out.append(f)
        return out

    def recover_untitled(self) -> bool:
        """Offer the newest orphaned untitled autosave; on yes, open it as a new modified document."""
        for f in self.orphan_recoveries():
            if not self.ask_recover(self.tr("Untitled"), str(f)):
                return False
            try:
                from layout.loader import loads_document
                doc = loads_document(f.read_text(encoding="utf-8"), str(f), base_dir=str(Path.cwd()))
            except Exception as e:  # noqa: BLE001
                self.show_error(self.tr("Recover"), str(e))
                return False
            self.ctrl.set_document(doc, None)
            self.ctrl.undo.resetClean()
            try:
                f.unlink()
            except OSError:
                pass
            return True
        return False

    def _drop_recovery(self, path: str | None = "__current__"):
        p = recovery_path(self.ctrl.path if path == "__current__" else path)
        try:
            p.unlink()
        except OSError:
            pass

    def recent_files(self) -> list[str]:
        v = self.settings.value("recent", []) or []
        return [v] if isinstance(v, str) else list(v)

    def _add_recent(self, path):
        r = [p for p in self.recent_files() if p != path]
        self.settings.setValue("recent", [path] + r[:MAX_RECENT - 1])

    def _fill_recent(self):
        self.recent_menu.clear()
        for p in self.recent_files():
            a = self.recent_menu.addAction(p)
            a.triggered.connect(lambda _c=False, p=p: self.maybe_save() and self.open_file(p))
        if not self.recent_files():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def import_dialog(self):
        fns, _ = QFileDialog.getOpenFileNames(self, self.tr("Import copy"), "",
                                              self.tr("Copy (*.txt *.docx);;Text (*.txt);;Word (*.docx)"))
        if fns:
            self.import_files(fns)

    def import_files(self, paths) -> list:
        arts = []
        taken = self.ctrl.all_ids()
        for p in paths:
            n = 1
            while f"copy{n}" in taken:
                n += 1
            bid = f"copy{n}"
            taken.add(bid)
            try:
                arts.append(importers.import_file(p, bid))
            except engine.PaibanError as e:
                self.show_error(self.tr("Cannot import"), "\n".join(str(d) for d in e.diagnostics))
        if arts:
            self.ctrl.push(commands.AddUnplacedCommand(self.ctrl, arts, self.tr("Import copy")))
            self.copy_dock.raise_()
        return arts

    def export_dialog(self):
        from .export_dialog import ExportDialog
        self.story.commit()
        dlg = ExportDialog(self.ctrl, self)
        dlg.findingActivated.connect(self.reveal)
        self._export_dialog = dlg
        dlg.show()
        return dlg

    # -- editing ---------------------------------------------------------------------------------------
    def delete_selection(self):
        blocks = self.ctrl.selected_blocks()
        blocks = [b for b in blocks if self.ctrl.page_index_of(b) is not None]
        if not blocks:
            return
        self.ctrl.undo.beginMacro(self.tr("Delete"))
        for b in blocks:
            self.ctrl.push(commands.DeleteBlockCommand(self.ctrl, b, self.tr("Delete")))
        self.ctrl.undo.endMacro()

    def select_all(self):
        page = self.scene.page()
        if page:
            self.ctrl.select([b.id for b in page.blocks])

    def z_order(self, delta):
        for b in self.ctrl.selected_blocks():
            if self.ctrl.page_index_of(b) is not None:
                self.ctrl.push(commands.ZOrderCommand(self.ctrl, b, delta,
                                                      self.tr("Bring forward") if delta > 0 else self.tr("Send backward")))

    def align(self, how):
        import copy as _copy
        blocks = [b for b in self.ctrl.selected_blocks() if isinstance(b.place, model.GridPlace)]
        if len(blocks) < 2:
            return
        moves = []
        if how == "left":
            c = min(b.place.column for b in blocks)
            for b in blocks:
                p = _copy.deepcopy(b.place); p.column = c; moves.append((b, p))  # noqa: E702
        elif how == "right":
            e = max(b.place.column + b.place.span for b in blocks)
            for b in blocks:
                p = _copy.deepcopy(b.place); p.column = e - p.span; moves.append((b, p))  # noqa: E702
        elif how == "top":
            t = min(b.place.line for b in blocks)
            for b in blocks:
                p = _copy.deepcopy(b.place); p.line = t; moves.append((b, p))  # noqa: E702
        else:
            e = max(b.place.line + b.place.lines for b in blocks)
            for b in blocks:
                p = _copy.deepcopy(b.place); p.line = e - p.lines; moves.append((b, p))  # noqa: E702
        self.ctrl.push(commands.SetPlaceCommand(self.ctrl, moves, self.tr("Align")))

    def edit_block(self, block_id: str):
        """Double click: the story editor for text, the image chooser for a photo."""
        self.ctrl.select([block_id])
        _pi, b = self.ctrl.find(block_id)
        if isinstance(b, (model.Article, model.Frame, model.TextBlock)):
            self.story_dock.show()
            self.story_dock.raise_()
            self.story.fields["body"].setFocus()
        elif isinstance(b, model.Photo):
            self.props_dock.raise_()

    def block_menu(self, block_id: str, screen_pos):
        from PySide6.QtWidgets import QMenu
        m = QMenu(self)
        _pi, b = self.ctrl.find(block_id)
        if isinstance(b, (model.Article, model.Frame)):
            m.addAction(self.a_link)
        m.addAction(self.a_forward)
        m.addAction(self.a_backward)
        am = m.addMenu(self.tr("Align"))
        for a in self.a_align.values():
            am.addAction(a)
        m.addSeparator()
        m.addAction(self.a_delete)
        self._menu = m
        m.popup(screen_pos)
        return m

    def new_article(self):
        a = model.Article(id=self.ctrl.new_id("article"), title=self.tr("New article"), body=[])
        self.ctrl.push(commands.AddUnplacedCommand(self.ctrl, [a], self.tr("New article")))
        self.copy_dock.raise_()

    def new_photo(self):
        base = os.path.dirname(self.ctrl.path or "")
        fn, _ = QFileDialog.getOpenFileName(self, self.tr("Choose image"), base,
                                            self.tr("Images (*.jpg *.jpeg *.png *.tif *.tiff)"))
        ph = model.Photo(id=self.ctrl.new_id("photo"), image=(os.path.relpath(fn, base) if fn and base else fn or ""))
        self.ctrl.push(commands.AddUnplacedCommand(self.ctrl, [ph], self.tr("New photo")))

    def start_link(self):
        blocks = [b for b in self.ctrl.selected_blocks() if isinstance(b, (model.Article, model.Frame))]
        if blocks:
            self.scene.start_link(blocks[0])
            self.statusBar().showMessage(self.tr("Click the frame the text continues in (Esc cancels)"), 8000)

    def about(self):
        QMessageBox.about(self, self.tr("About Paiban"),
                          self.tr("Paiban — Chinese newspaper layout.\nScreen and PDF are drawn from the same laid-out tree."))

    # -- lifecycle -------------------------------------------------------------------------------------
    def closeEvent(self, ev):
        dlg = getattr(self, "_export_dialog", None)
        if dlg is not None and dlg.running():
            self.statusBar().showMessage(self.tr("Waiting for the export to finish…"))
            dlg.thread.wait(120000)          # never destroy a running QThread
        if self.maybe_save():
            self._drop_recovery()
            ev.accept()
        else:
            ev.ignore()
