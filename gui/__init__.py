"""Paiban's layout window (PySide6). Imports ``layout``; ``layout`` never imports this package."""
import sys as _sys


def _pin_none() -> None:
    """Work around a PySide6 6.12 bug on CPython < 3.12: many wrapped void methods (``QPainter.setClipRect``,
    ``QImage.setPixel``, ``drawImage`` …) return ``None`` without taking a reference, so each call drops
    one reference to ``None``; after enough calls the interpreter aborts ("none_dealloc"). ``None`` is
    immortal from 3.12 on; here we give it a very large reference count once, which has the same effect."""
    if _sys.version_info >= (3, 12) or getattr(_sys, "_paiban_none_pinned", False):
        return
    try:
        import ctypes
        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
        _sys._paiban_none_pinned = True
    except Exception:  # noqa: BLE001 - non-CPython: nothing to do
        pass


_pin_none()
