"""Shared test setup: Qt runs headless unless a display platform was chosen explicitly."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
