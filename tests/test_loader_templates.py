"""Bundled templates and ``paiban new``: each template is a valid issue; new files are never silently overwritten."""
from __future__ import annotations

import datetime as dt
import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from layout import templates
from layout.loader import dumps_document, load_document
from layout.model import Article, GridPlace, Header, Masthead

NAMES = ["A4-简报", "四开-6栏", "对开-8栏"]


def run(argv):
    from layout import cli
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        rc = cli.main(argv)
    return rc, out.getvalue(), err.getvalue()


def test_the_three_templates_are_there():
    assert templates.available() == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_template_is_a_valid_small_issue(name):
    path = templates.template_path(name)
    doc = load_document(path)
    assert doc.warnings == []
    blocks = [b for _, b in doc.blocks()]
    assert sum(isinstance(b, Masthead) for b in blocks) == 1
    assert any(isinstance(b, Header) for b in blocks)
    assert sum(isinstance(b, Article) for b in blocks) >= 2
    assert all(b.body for b in blocks if isinstance(b, Article))       # placeholder text in every article
    assert dumps_document(doc) == path.read_text(encoding="utf-8")
    # grid blocks on a page never overlap
    for page in doc.pages:
        cells = {}
        for b in page.blocks:
            if isinstance(b, Header) or not isinstance(b.place, GridPlace):
                continue
            p = b.place
            for c in range(p.column, p.column + p.span):
                for ln in range(p.line, p.line + p.lines):
                    assert (c, ln) not in cells, f"{b.id} overlaps {cells[(c, ln)]} at column {c}, line {ln}"
                    cells[(c, ln)] = b.id


@pytest.mark.parametrize("name", NAMES)
def test_template_composes_without_overset(name):
    try:
        from layout.compose import compose_document
    except ImportError:
        pytest.skip("no composer yet")
    laid = compose_document(load_document(templates.template_path(name)))
    boxes = [b for p in laid.pages for b in p.blocks]
    assert boxes and all(b.overset_chars == 0 for b in boxes)


def test_new_writes_a_dated_copy_with_the_comments(tmp_path):
    out = tmp_path / "第1期.yaml"
    rc, _, err = run(["new", "--template", "四开-6栏", str(out)])
    assert rc == 0, err
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# 四开六栏 weekly")
    assert "# 头条: continues on page 2 (next: a1-cont)" in text
    doc = load_document(out)
    assert doc.publication.date == dt.date.today().isoformat()
    assert doc.publication.name == "新区周报"


def test_new_with_date_and_name(tmp_path):
    out = tmp_path / "b.yaml"
    rc, _, err = run(["new", "-t", "A4-简报", "--date", "2026-03-16", "--name", "港湾简报", str(out)])
    assert rc == 0, err
    doc = load_document(out)
    assert (doc.publication.date, doc.publication.name, doc.page.size) == ("2026-03-16", "港湾简报", "A4")


def test_new_refuses_to_overwrite_without_force(tmp_path):
    out = tmp_path / "x.yaml"
    out.write_text("my work", encoding="utf-8")
    rc, _, err = run(["new", "-t", "对开-8栏", str(out)])
    assert rc == 2
    assert err == f"paiban: {out}: already exists; use --force to overwrite it\n"
    assert out.read_text(encoding="utf-8") == "my work"
    rc, _, err = run(["new", "-t", "对开-8栏", "--force", str(out)])
    assert rc == 0 and load_document(out).page.size == "对开"


def test_unknown_template_lists_the_templates(tmp_path):
    rc, _, err = run(["new", "-t", "八开-4栏", str(tmp_path / "y.yaml")])
    assert rc == 2
    assert err.strip() == "paiban: --template: unknown template '八开-4栏' (did you mean '对开-8栏'?); templates: A4-简报, 四开-6栏, 对开-8栏"
    assert not (tmp_path / "y.yaml").exists()


def test_list(tmp_path):
    rc, out, _ = run(["new", "--list"])
    assert rc == 0
    assert [ln.split("\t")[0] for ln in out.splitlines()] == NAMES


@pytest.mark.parametrize("argv, msg", [
    (["new", "-t", "A4-简报", "--date", "2026-13-01"], "paiban: --date: bad date '2026-13-01'"),
    (["new", "-t", "A4-简报"], "paiban: new: give the new file's path"),
])
def test_new_usage_errors(argv, msg, tmp_path):
    if len(argv) == 5:
        argv = argv + [str(tmp_path / "z.yaml")]
    rc, _, err = run(argv)
    assert rc == 2 and err.startswith(msg)
