"""Shared test setup: Qt runs headless unless a display platform was chosen explicitly."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Where a skip would hide a missing install step (CI, `make test`), a skipped test counts as a failure:
# `PAIBAN_STRICT=1` is set by the Makefile's test target, so a tool or font missing on a fresh machine
# shows up red instead of quietly green.
import pytest  # noqa: E402

STRICT = os.environ.get("PAIBAN_STRICT") == "1"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if STRICT and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.longrepr = f"skipped under PAIBAN_STRICT=1 (a missing tool, font or module?): {reason}"
