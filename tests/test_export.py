"""``paiban export``: outputs, page selection, split, proofs, batch with jobs, failures, atomic writes."""
from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess

import pikepdf
import pytest

from layout.errors import PaibanError
from layout.export import ExportOptions, Progress, configure, export_document, parse_pages
from test_pdf_fixtures import FONT, two_page_doc

HERE = os.path.dirname(os.path.abspath(__file__))
BROKEN = os.path.join(HERE, "broken_print")
CLEAN = os.path.join(BROKEN, "clean.yaml")
THREE = os.path.join(BROKEN, "three-pages.yaml")

pytestmark = [
    pytest.mark.skipif(not os.path.exists(FONT), reason="bundled font missing"),
    pytest.mark.skipif(not all(shutil.which(t) for t in ("qpdf", "pdffonts", "pdftoppm", "pdfinfo")),
                       reason="needs qpdf and poppler-utils"),
]


def cli(*argv) -> int:
    p = argparse.ArgumentParser()
    configure(p)
    args = p.parse_args([str(a) for a in argv])
    return args.func(args)


def pages_of(pdf) -> int:
    with pikepdf.open(pdf) as p:
        return len(p.pages)


def _yaml_ready():
    try:
        from layout.export import prepare
        prepare(CLEAN)
    except Exception as e:  # noqa: BLE001
        pytest.skip(f"loader/composer/fonts not ready: {e}")


@pytest.fixture
def yaml_ready():
    _yaml_ready()


def test_api_progress_and_result(tmp_path):
    calls = []
    res = export_document(two_page_doc(tmp_path), tmp_path / "x.pdf", ExportOptions(),
                          progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1, 2), (2, 2)]
    assert res.written and res.pages == 2 and res.outputs == [str(tmp_path / "x.pdf")]
    assert res.bytes == os.path.getsize(tmp_path / "x.pdf")
    assert res.exit_code == 0
    assert oct(os.stat(tmp_path / "x.pdf").st_mode & 0o777) != "0o600"


def test_api_pages_and_split(tmp_path):
    res = export_document(two_page_doc(tmp_path), tmp_path / "s", ExportOptions(split=True))
    names = sorted(os.path.basename(p) for p in res.outputs)
    assert names == ["test-issue-01.pdf", "test-issue-02.pdf"]     # no issue date on a bare tree: the stem
    assert all(pages_of(p) == 1 for p in res.outputs)
    res = export_document(two_page_doc(tmp_path), tmp_path / "p2.pdf", ExportOptions(pages=[2]))
    assert pages_of(res.outputs[0]) == 1
    with pytest.raises(PaibanError):
        export_document(two_page_doc(tmp_path), tmp_path / "p9.pdf", ExportOptions(pages=[9]))


def test_refused_export_writes_nothing_and_keeps_the_old_file(tmp_path):
    doc = two_page_doc(tmp_path)
    doc.pages[0].blocks[1].overset_chars = 10
    target = tmp_path / "issue.pdf"
    target.write_bytes(b"old")
    res = export_document(doc, target, ExportOptions())
    assert res.refused and not res.written and res.exit_code == 1
    assert target.read_bytes() == b"old"
    assert not [n for n in os.listdir(tmp_path) if n.startswith(".")]
    assert not [n for n in os.listdir(tmp_path) if n.endswith((".part", ".rl"))]
    res = export_document(doc, target, ExportOptions(force=True))
    assert res.written and res.exit_code == 1 and target.read_bytes()[:5] == b"%PDF-"


def test_parse_pages():
    assert parse_pages("1,3-4") == [1, 3, 4]
    assert parse_pages("2, 2,1") == [1, 2]
    for bad in ("0", "3-1", "a", ""):
        with pytest.raises(PaibanError):
            parse_pages(bad)


def test_progress_bar_only_on_a_terminal():
    s = io.StringIO()
    bar = Progress(stream=s)
    bar.update("a", 1, 3)
    bar.close()
    assert s.getvalue() == ""
    s = io.StringIO()
    bar = Progress(stream=s, enabled=True)
    bar.update("a", 1, 3)
    bar.update("b", 2, 2)
    bar.close()
    assert "3/5" in s.getvalue() and s.getvalue().endswith("\n")


# -- the command line on YAML issues -------------------------------------------------------------------------

def test_cli_directory_output_pages_png(tmp_path, capsys, yaml_ready):
    rc = cli(THREE, "-o", tmp_path, "--pages", "2-3", "--png", "30")
    err = capsys.readouterr().err
    assert rc == 0, err
    pdf = tmp_path / "three-pages.pdf"
    assert pages_of(pdf) == 2
    pngs = sorted(n for n in os.listdir(tmp_path) if n.endswith(".png"))
    assert pngs == ["three-pages-2.png", "three-pages-3.png"]
    from PIL import Image
    w, h = Image.open(tmp_path / pngs[0]).size
    assert abs(w - 210 / 25.4 * 30) <= 1 and abs(h - 297 / 25.4 * 30) <= 1     # trim size at 30 dpi
    assert "1 exported" in err
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "社区图书室开放" in text and "春季植树活动举行" not in text


def test_cli_split_names_from_issue_date(tmp_path, capsys, yaml_ready):
    rc = cli(THREE, "-o", tmp_path, "--split")
    assert rc == 0, capsys.readouterr().err
    assert sorted(os.listdir(tmp_path)) == ["20260316-01.pdf", "20260316-02.pdf", "20260316-03.pdf"]
    with pikepdf.open(tmp_path / "20260316-02.pdf") as p:
        assert len(p.pages) == 1 and len(p.Root.OutputIntents) == 1
        assert str(p.docinfo.CreationDate) == "D:20260316000000+08'00'"


def test_cli_single_pdf_path_and_overrides(tmp_path, capsys, yaml_ready):
    out = tmp_path / "office.pdf"
    assert cli(CLEAN, "-o", out, "--profile", "office") == 0
    with pikepdf.open(out) as p:
        assert "/OutputIntents" not in p.Root
    out = tmp_path / "coated.pdf"
    assert cli(CLEAN, "-o", out, "--profile", "coated") == 0
    with pikepdf.open(out) as p:
        assert str(p.Root.OutputIntents[0].OutputConditionIdentifier) == "FOGRA39"
    out = tmp_path / "plain.pdf"
    assert cli(CLEAN, "-o", out, "--pdfx", "none") == 0
    with pikepdf.open(out) as p:
        assert "/OutputIntents" not in p.Root and "/GTS_PDFXVersion" not in p.docinfo
        assert "/TrimBox" in p.pages[0] and "/BleedBox" in p.pages[0]
    with pytest.raises(PaibanError):
        cli(CLEAN, THREE, "-o", tmp_path / "two.pdf")


def test_cli_batch_jobs_one_bad_file_does_not_stop_the_rest(tmp_path, capsys, yaml_ready):
    bad = tmp_path / "bad.yaml"
    bad.write_text("paiban: 1\npages: [\n", encoding="utf-8")
    out = tmp_path / "out"
    rc = cli(CLEAN, bad, THREE, os.path.join(BROKEN, "overset.yaml"), "-o", out, "--jobs", "2")
    err = capsys.readouterr().err
    assert rc == 2
    assert sorted(os.listdir(out)) == ["clean.pdf", "three-pages.pdf"]      # overset refused, bad failed
    assert re.search(r"bad\.yaml:\d+", err)
    assert "overset" in err
    assert "4 files: 2 exported, 1 refused by preflight, 1 bad input" in err


def test_cli_refused_then_forced(tmp_path, capsys, yaml_ready):
    over = os.path.join(BROKEN, "overset.yaml")
    assert cli(over, "-o", tmp_path) == 1
    assert os.listdir(tmp_path) == []
    assert cli(over, "-o", tmp_path, "--force") == 1
    assert os.listdir(tmp_path) == ["overset.pdf"]


def test_cli_reexport_is_byte_identical(tmp_path, yaml_ready):
    assert cli(THREE, "-o", tmp_path / "a.pdf") == 0
    assert cli(THREE, "-o", tmp_path / "b.pdf") == 0
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_cli_split_several_issues_into_their_own_directories(tmp_path, capsys, yaml_ready):
    assert cli(THREE, CLEAN, "-o", tmp_path, "--split", "--pages", "1") == 0
    assert sorted(os.listdir(tmp_path)) == ["clean", "three-pages"]
    assert os.listdir(tmp_path / "clean") == ["20260316-01.pdf"]
    assert os.listdir(tmp_path / "three-pages") == ["20260316-01.pdf"]


def test_through_the_paiban_command(tmp_path, capsys, yaml_ready):
    from layout.cli import main
    assert main(["export", CLEAN, "-o", str(tmp_path)]) == 0
    assert os.listdir(tmp_path) == ["clean.pdf"]
    assert main(["preflight", os.path.join(BROKEN, "overset.yaml")]) == 1
    assert "overset" in capsys.readouterr().out
    assert main(["export", str(tmp_path / "nope.yaml"), "-o", str(tmp_path)]) == 2
    assert "nope.yaml" in capsys.readouterr().err
    assert main(["export", CLEAN, "--pages", "x"]) == 2
