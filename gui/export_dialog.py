"""Export dialog: preflight first (click a finding to select its block), then PDF (and PNG proofs) through
``layout.export.export_document`` in a worker thread with a progress bar, so the window stays responsive.
"""
from __future__ import annotations

import copy
import os

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QProgressBar, QPushButton, QSpinBox, QVBoxLayout)

from . import engine
from .panels import PreflightPanel


class ExportWorker(QObject):
    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, doc, out_pdf, options):
        super().__init__()
        self.doc, self.out_pdf, self.options = doc, out_pdf, options

    @Slot()
    def run(self):
        def cb(*a):
            frac, msg = 0.0, ""
            for v in a:
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    frac = float(v)
                elif isinstance(v, str):
                    msg = v
            if len(a) >= 2 and all(isinstance(v, int) for v in a[:2]) and a[1]:
                frac = a[0] / a[1]
            self.progress.emit(frac if frac <= 1 else frac / 100.0, msg)
        try:
            res = engine.export(self.doc, self.out_pdf, self.options, progress=cb)
            self.finished.emit(res)
        except engine.PaibanError as e:
            self.failed.emit("\n".join(str(d) for d in e.diagnostics))
        except Exception as e:  # noqa: BLE001 - shown in the dialog, never a traceback
            self.failed.emit(f"{type(e).__name__}: {e}")


class ExportDialog(QDialog):
    findingActivated = Signal(int, str)

    def __init__(self, ctrl, parent=None):
        super().__init__(parent)
        self.ctrl = ctrl
        self.setWindowTitle(self.tr("Export PDF"))
        self.resize(760, 520)
        self.thread = None
        self.worker = None
        self.result = None
        self.error = ""
        base = os.path.splitext(ctrl.path)[0] if ctrl.path else os.path.join(os.getcwd(), "untitled")
        self.out = QLineEdit(base + ".pdf")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.out, 1)
        row.addWidget(browse)
        self.png = QCheckBox(self.tr("PNG proofs"))
        self.dpi = QSpinBox()
        self.dpi.setRange(20, 600)
        self.dpi.setValue(100)
        self.dpi.setSuffix(" dpi")
        self.marks = QCheckBox(self.tr("Crop marks and bleed"))
        self.marks.setChecked(True)
        self.force = QCheckBox(self.tr("Export even with preflight errors"))
        form = QFormLayout()
        form.addRow(self.tr("PDF file"), row)
        prow = QHBoxLayout()
        prow.addWidget(self.png)
        prow.addWidget(self.dpi)
        prow.addStretch(1)
        form.addRow(self.tr("Proofs"), prow)
        form.addRow("", self.marks)
        form.addRow("", self.force)
        self.preflight = PreflightPanel(ctrl)
        self.preflight.findingActivated.connect(self.findingActivated)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.status = QLabel(self.tr("Preflight runs before export."))
        self.buttons = QDialogButtonBox()
        self.export_btn = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_btn.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(QLabel(self.tr("Preflight")))
        lay.addWidget(self.preflight, 1)
        lay.addWidget(self.bar)
        lay.addWidget(self.status)
        lay.addWidget(self.buttons)
        self.preflight.run()

    def _browse(self):
        fn, _ = QFileDialog.getSaveFileName(self, self.tr("Export PDF"), self.out.text(), "PDF (*.pdf)")
        if fn:
            self.out.setText(fn)

    def options(self) -> dict:
        opts = {"marks": self.marks.isChecked(), "force": self.force.isChecked()}
        if self.png.isChecked():
            opts["png"] = self.dpi.value()
        return opts

    def start(self):
        if self.thread is not None:
            return
        self.result, self.error = None, ""
        self.export_btn.setEnabled(False)
        self.bar.setValue(0)
        self.status.setText(self.tr("Exporting…"))
        doc = copy.deepcopy(self.ctrl.doc)     # the worker gets a snapshot; editing may go on
        self.thread = QThread(self)
        self.worker = ExportWorker(doc, self.out.text(), self.options())
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.worker.finished.connect(self.thread.quit)
        self.worker.failed.connect(self.thread.quit)
        self.thread.finished.connect(self._cleanup)
        self.thread.start()

    def _progress(self, frac, msg):
        self.bar.setValue(round(max(0.0, min(1.0, frac)) * 1000))
        if msg:
            self.status.setText(msg)

    def _done(self, res):
        self.result = res
        findings = list(getattr(res, "findings", []) or [])
        if findings:
            self.preflight.findings = findings
            self.preflight.show_findings(findings)
        if getattr(res, "refused", False):
            self.status.setText(self.tr("Not exported: preflight found errors (see the list; "
                                        "tick the box to export anyway)."))
            return
        self.bar.setValue(1000)
        extra = ""
        if getattr(res, "pngs", None):
            extra = " + " + self.tr("%1 PNG proofs").replace("%1", str(len(res.pngs)))
        self.status.setText(self.tr("Exported to %1").replace("%1", self.out.text()) + extra)

    def _failed(self, msg):
        self.error = msg
        self.status.setText(self.tr("Export failed: %1").replace("%1", msg))

    def _cleanup(self):
        self.export_btn.setEnabled(True)
        self.thread.deleteLater()
        self.worker.deleteLater()
        self.thread = None
        self.worker = None

    def running(self) -> bool:
        return self.thread is not None

    def reject(self):
        if self.thread is not None:
            self.thread.quit()
            self.thread.wait(30000)
        super().reject()
