"""Translations: ``paiban_zh_CN.ts`` (source of truth) and the compiled ``.qm``.

``install(app, lang)`` loads the .qm with QTranslator; if the .qm is missing (no lrelease available) a small
QTranslator subclass reads the .ts XML with ElementTree instead, so the window is Chinese either way.
"""
from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator

HERE = Path(__file__).resolve().parent


class TsTranslator(QTranslator):
    """QTranslator backed by a dict parsed from a Qt Linguist .ts file (no .qm needed)."""

    def __init__(self, ts_path, parent=None):
        super().__init__(parent)
        self.table: dict[tuple[str, str], str] = {}
        self.any: dict[str, str] = {}
        try:
            root = ET.parse(ts_path).getroot()
        except (OSError, ET.ParseError):
            return
        for ctx in root.iter("context"):
            name = ctx.findtext("name", "")
            for m in ctx.iter("message"):
                src = m.findtext("source", "")
                tr = m.find("translation")
                if tr is None or not (tr.text or "") or tr.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                self.table[(name, src)] = tr.text
                self.any.setdefault(src, tr.text)

    def translate(self, context, source, disambiguation=None, n=-1):
        # None = "not translated here" (Qt then tries the next translator or keeps the source)
        return self.table.get((context, source))


def wanted_language(cli_lang: str | None = None) -> str:
    lang = cli_lang or os.environ.get("PAIBAN_LANG") or ""
    if lang:
        return "en" if lang.lower().startswith("en") else "zh_CN"
    return "zh_CN"   # the users are Chinese editors: Chinese by default, whatever the system locale


def install(app, lang: str | None = None):
    """Install the Chinese translator unless English was asked for; returns the translator or None."""
    if wanted_language(lang) == "en":
        return None
    qm = HERE / "paiban_zh_CN.qm"
    t = QTranslator(app)
    if qm.exists() and t.load(str(qm)):
        app.installTranslator(t)
    else:
        t = TsTranslator(HERE / "paiban_zh_CN.ts", app)
        app.installTranslator(t)
    qt = QTranslator(app)       # Qt's own dialogs (buttons of message boxes)
    from PySide6.QtCore import QLibraryInfo
    if qt.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
               QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    app._paiban_translators = [t, qt]
    return t
