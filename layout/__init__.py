"""Paiban's layout package: document model, CJK text engine, page composition, PDF export, preflight, CLI.

Never imports Qt (a test enforces it): the window in ``gui`` imports this package, never the reverse.
"""
__version__ = "0.1.0"
