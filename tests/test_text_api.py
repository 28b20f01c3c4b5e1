"""The text engine's API as the page composer uses it: ParagraphComposer, Line.runs, caches, the CLI."""
import argparse
import io
import json
import sys

import pytest

from layout.errors import PaibanError
from layout.text import Line, ParagraphComposer, clear_caches, compose_paragraph
from layout.tree import GlyphRun
from text_helpers import CAT, EM, lines, style

TEXT = "截至2月24日，港闸区规上工业企业复工率达96.4%，其中重点企业已全部复工。“保持这个‘0’，是我们的目标。”"


def test_paragraph_composer_sets_lines_into_changing_widths():
    pc = ParagraphComposer(TEXT, style(indent=2.0), catalog=CAT)
    widths = [10 * EM, 10 * EM, 6 * EM, 6 * EM, 12 * EM, 12 * EM, 12 * EM, 12 * EM, 12 * EM]
    out = []
    for w in widths:
        ln = pc.next_line(w)
        if ln is None:
            break
        out.append(ln)
        assert ln.measure == w
    assert pc.done and pc.next_line(10 * EM) is None
    assert "".join(ln.text for ln in out) == TEXT
    assert out[0].first and out[-1].last and not out[0].last
    assert out[0].glyphs[0].x == 2 * EM                   # indent on the first line only
    for ln in out[:-1]:
        assert abs(ln.width - ln.measure) <= 0.01


def test_composer_position_seek_and_remaining_lines():
    pc = ParagraphComposer(TEXT, style(), catalog=CAT)
    n = pc.remaining_lines(10 * EM)
    first = pc.next_line(10 * EM)
    token = pc.position
    assert pc.remaining_lines(10 * EM) == n - 1
    second = pc.next_line(10 * EM)
    pc.seek(token, 1)
    again = pc.next_line(10 * EM)
    assert again.text == second.text and not again.first
    assert first.text + second.text == TEXT[: len(first.text) + len(second.text)]


def test_keep_hint_pushes_a_line_over():
    text = "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未"   # 10 + 10 + 8 characters, 10 em lines
    pc = ParagraphComposer(text, style(min_last_han=0), catalog=CAT)
    a = pc.next_line(10 * EM)
    assert pc.remaining_lines(10 * EM) == 2
    b = pc.next_line(10 * EM, keep=2)          # the rest would be one line: set this one looser
    assert pc.remaining_lines(10 * EM) == 2 and len(b.text) < 10 and not b.last
    assert abs(b.width - 10 * EM) <= 0.01      # still flush
    rest = [pc.next_line(10 * EM), pc.next_line(10 * EM)]
    assert rest[-1].last and a.text + b.text + "".join(x.text for x in rest) == text


def test_compose_paragraph_with_a_width_function():
    ls = compose_paragraph(TEXT, style(), lambda i: (8 if i % 2 else 12) * EM, catalog=CAT)
    assert [ln.measure for ln in ls] == [(8 if i % 2 else 12) * EM for i in range(len(ls))]


def test_runs_group_glyphs_by_face_at_the_line_origin():
    ln = lines("港闸2024年GDP增长", 20, latin_font="黑体")[0]
    runs = ln.runs(100.0, 200.0)
    assert all(isinstance(r, GlyphRun) for r in runs)
    assert [r.face for r in runs] == ["song", "hei", "song", "hei", "song"]
    assert all(r.x == 100.0 and r.y == 200.0 and r.size == 9.0 for r in runs)
    flat = [g for r in runs for g in r.glyphs]
    assert [(g.ch, g.x, g.w) for g in flat] == [(g.ch, g.x, g.w) for g in ln.glyphs]
    assert "".join(r.text for r in runs) == "港闸2024年GDP增长"


def test_composing_an_unchanged_paragraph_again_is_a_cache_hit():
    clear_caches()
    st = style(indent=2.0)
    a = compose_paragraph(TEXT, st, 13 * EM, catalog=CAT)
    b = compose_paragraph(TEXT, st, 13 * EM, catalog=CAT)
    assert [x.text for x in a] == [x.text for x in b]
    assert all(x is y for x, y in zip(a, b))          # the same Line objects: served from the cache
    clear_caches()
    c = compose_paragraph(TEXT, st, 13 * EM, catalog=CAT)
    assert [x.text for x in c] == [x.text for x in a] and c[0] is not a[0]
    edited = compose_paragraph(TEXT.replace("重点", "骨干"), st, 13 * EM, catalog=CAT)
    assert "骨干" in "".join(x.text for x in edited)


# -- CLI ------------------------------------------------------------------------------------------------
def _cli(argv, stdin=""):
    from layout.text import cli
    p = argparse.ArgumentParser()
    cli.configure(p)
    args = p.parse_args(argv + ["--fonts", str(__import__("text_helpers").DATA / "text-fonts.yaml")])
    old_out, old_in = sys.stdout, sys.stdin
    sys.stdout, sys.stdin = io.StringIO(), io.StringIO(stdin)
    try:
        rc = args.func(args)
        return rc, sys.stdout.getvalue()
    finally:
        sys.stdout, sys.stdin = old_out, old_in


def test_cli_plain_output_is_one_line_per_line():
    rc, out = _cli(["--measure", "6.17em", "--size", "10.5pt", "这是一个测试段落，看看效果。他说：“好的。”"])
    assert rc == 0
    got = out.strip().splitlines()
    assert "".join(got) == "这是一个测试段落，看看效果。他说：“好的。”"
    assert len(got) >= 3 and not any(g[0] in "，。”：" for g in got)


def test_cli_json_schema_and_units():
    rc, out = _cli(["--measure", "13字", "--size", "小五", "--json", "-"], stdin="第一段文字。\n第二段，有English。\n")
    data = json.loads(out)
    assert data["measure"] == 13 * 9.0 and data["size"] == 9.0
    assert len(data["paragraphs"]) == 2
    line = data["paragraphs"][1]["lines"][0]
    assert set(line) == {"text", "width", "glyphs"}
    g = line["glyphs"][0]
    assert set(g) == {"ch", "x", "w", "font"} and g["x"] == 18.0      # 2 em indent
    for unit, pt in (("30mm", 30 * 72 / 25.4), ("80pt", 80.0), ("6em", 54.0)):
        rc, out = _cli(["--measure", unit, "--size", "9pt", "--json", "甲乙"])
        assert abs(json.loads(out)["measure"] - pt) < 1e-3


def test_cli_options_reach_the_style():
    rc, out = _cli(["--measure", "5字", "--size", "9pt", "--indent", "0", "--kinsoku", "strict", "一二三四——五六七"])
    assert out.splitlines()[0] == "一二三"
    rc, out = _cli(["--measure", "5字", "--size", "9pt", "--indent", "0", "--hanging", "一二三四五，六七八九十"])
    assert out.splitlines()[0] == "一二三四五，"


def test_cli_bad_input_is_a_diagnostic():
    with pytest.raises(PaibanError) as e:
        _cli(["--measure", "13furlongs", "甲"])
    assert "--measure" in str(e.value)
    with pytest.raises(PaibanError) as e:
        _cli(["--font", "没有", "甲"])
    assert "--font" in str(e.value)


def test_line_is_the_public_type():
    ln = lines("甲乙丙", 5)[0]
    assert isinstance(ln, Line) and ln.to_json()["text"] == "甲乙丙"


def test_paiban_typeset_command_line():
    import os
    import subprocess
    root = __import__("pathlib").Path(__file__).resolve().parent.parent
    env = dict(os.environ, PYTHONPATH=str(root))
    r = subprocess.run([sys.executable, "-m", "layout", "typeset", "--measure", "6.17em", "--size", "10.5pt",
                        "--fonts", str(root / "tests" / "data" / "text-fonts.yaml"), "这是一个测试段落，看看效果。"],
                       capture_output=True, text=True, cwd=root, env=env)
    if r.returncode != 0 and "ImportError" in r.stderr:
        pytest.skip("another subcommand's module is not importable yet")
    assert r.returncode == 0, r.stderr
    assert "".join(r.stdout.split()) == "这是一个测试段落，看看效果。"
    r = subprocess.run([sys.executable, "-m", "layout", "typeset", "--measure", "13 furlongs", "甲"],
                       capture_output=True, text=True, cwd=root, env=env)
    assert r.returncode == 2 and "--measure" in r.stderr and "Traceback" not in r.stderr
