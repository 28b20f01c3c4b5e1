"""Grid (背景格) arithmetic: basic columns, 长栏 spans, 破栏 re-division, body line grid."""
import pytest

from layout.compose.grid import Grid, broken_columns, span_chars, split_span, split_width
from layout.model import GridPlace, MmPlace, PageSetup


def test_thirteen_character_column_at_9pt_is_117pt():
    g = Grid.from_setup(PageSetup(columns=8, column_chars=13, gutter_chars=1, body_size=9.0, leading=13.5,
                                  width=390, height=550, margins=(25, 19, 24, 19)))
    assert g.column_width == pytest.approx(117.0)
    assert g.span_width(1) == pytest.approx(117.0)


def test_long_columns_count_the_gutters():
    assert span_chars(2, 13, 1) == 27
    assert span_chars(3, 13, 1) == 41
    assert span_chars(8, 13, 1) == 111           # 8 × 13 + 7: the broadsheet type area
    g = Grid.from_setup(PageSetup(columns=8, column_chars=13, gutter_chars=1, body_size=9.0))
    assert g.span_width(2) == pytest.approx(27 * 9.0)


def test_broken_columns_three_into_two_and_five_into_three():
    assert split_span(3, 2, 13, 1) == [20, 20]                 # 三破二: (41 − 1) / 2
    assert split_span(5, 3, 13, 1) == [22, 22, 23]             # 五破三: remainder to the last column (相对)
    assert broken_columns(20, 2, 1) == [9, 10]                 # 飞腾's example: 相对 9 + 10, gap 1
    assert split_span(4, 2, 11, 1) == [23, 23]                 # 长栏: two basic columns and a gutter each
    assert split_span(6, 4, 11, 1) == [17, 17, 17, 17]


def test_split_positions_keep_fixed_gutters_and_fill_the_span():
    cols = split_width(100.0, 41, 2, 1, 9.0)
    assert cols == [(100.0, 100.0 + 180.0), (100.0 + 189.0, 100.0 + 369.0)]
    five = split_width(0.0, 69, 3, 1, 9.0)
    assert [round((b - a) / 9.0) for a, b in five] == [22, 22, 23]
    assert five[-1][1] == pytest.approx(69 * 9.0)
    assert five[1][0] - five[0][1] == pytest.approx(9.0)


def test_column_positions_and_baselines():
    ps = PageSetup(columns=6, column_chars=11, gutter_chars=1, body_size=9.0, leading=13.5,
                   width=275, height=390, margins=(20, 24.7, 17, 24.7))
    g = Grid.from_setup(ps)
    assert g.width == pytest.approx(71 * 9.0)
    xs = g.column_xs()
    assert len(xs) == 6
    assert all(b[0] - a[1] == pytest.approx(9.0) for a, b in zip(xs, xs[1:]))
    assert g.lines == 74
    bl = g.baselines()
    assert all(b - a == pytest.approx(13.5) for a, b in zip(bl, bl[1:]))
    assert bl[0] == pytest.approx(g.y0 + 0.88 * 9.0)
    # a grid block's rectangle is whole bands; its bottom is its last line's em box bottom
    x, y, w, h = g.rect(GridPlace(column=2, span=2, line=3, lines=4))
    assert (x, w) == (pytest.approx(xs[1][0]), pytest.approx(23 * 9.0))
    assert y == pytest.approx(g.line_top(3)) and h == pytest.approx(3 * 13.5 + 9.0)
    # mm placements snap to the grid cells they cover
    mm = MmPlace(x * 25.4 / 72, y * 25.4 / 72, w * 25.4 / 72, h * 25.4 / 72)
    assert g.cell(mm) == (2, 2, 3, 4)
