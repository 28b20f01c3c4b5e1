"""Entry point of the window: ``paiban gui [FILE] [--screenshot OUT.png] [--page N] [--size WxH] [--lang en]``.

With ``--screenshot`` the window opens, lays out, grabs itself (QWidget.grab) to OUT.png and exits; this
works with ``QT_QPA_PLATFORM=offscreen``.
"""
from __future__ import annotations

import os
import sys


def _size(s: str | None) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in (s or "1600x1000").lower().split("x"))
        return max(w, 400), max(h, 300)
    except ValueError:
        return 1600, 1000


def make_app(lang: str | None = None):
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Paiban")
    app.setOrganizationName("Paiban")
    from . import i18n
    if not getattr(app, "_paiban_translators", None):
        i18n.install(app, lang)
    _ui_font(app)
    return app


def _ui_font(app):
    """A CJK-capable UI font (Noto Sans CJK SC if installed)."""
    from PySide6.QtGui import QFont, QFontDatabase
    fams = set(QFontDatabase.families())
    for fam in ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei"):
        if fam in fams:
            f = QFont(fam)
            f.setPointSizeF(9.5)
            app.setFont(f)
            break


def screenshot(win, out: str, page: int = 1) -> str:
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance()
    win.thumbs.refresh_images()     # in the window they are drawn just after the first paint
    win.show()
    for _ in range(5):
        app.processEvents()
    win.go_to_page(max(0, page - 1))
    # show the tools at work: the page's first article selected (handles, properties, story editor)
    pg = win.scene.page()
    arts = [b.id for b in (pg.blocks if pg else []) if getattr(b, "kind", "") == "article"]
    if arts:
        win.ctrl.select(arts[:1])
    win.view.fit_page()
    from PySide6.QtCore import QDeadlineTimer, QEventLoop
    for _ in range(10):      # let docks, tab bars and the deferred fit settle before grabbing
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, QDeadlineTimer(50))
    win.view.fit_page()
    app.processEvents()
    img = win.grab()
    img.save(out)
    return out


def run(args) -> int:
    lang = getattr(args, "lang", None)
    if (getattr(args, "screenshot", None) and not os.environ.get("QT_QPA_PLATFORM")
            and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"     # a screenshot needs no display
    app = make_app(lang)
    from .main_window import MainWindow
    win = MainWindow()
    w, h = _size(getattr(args, "size", None))
    win.resize(w, h)
    f = getattr(args, "file", None)
    shot = getattr(args, "screenshot", None)
    if shot:
        win.ask_recover = lambda *_a: False
        win.show_error = lambda title, text: print(f"paiban: {title}: {text}", file=sys.stderr)
    if f and not win.open_file(f):
        if shot:
            return 2
    if not f and not shot:
        win.recover_untitled()
    if shot:
        win.ctrl.undo.setClean()
        screenshot(win, shot, getattr(args, "page", 1) or 1)
        win.close()
        return 0
    win.show()
    return app.exec()


def main(argv=None) -> int:
    import argparse
    p = argparse.ArgumentParser(prog="paiban-gui")
    p.add_argument("file", nargs="?")
    p.add_argument("--screenshot")
    p.add_argument("--page", type=int, default=1)
    p.add_argument("--size", default="1600x1000")
    p.add_argument("--lang")
    return run(p.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
