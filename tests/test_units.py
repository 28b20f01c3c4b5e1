"""Units: lengths, Chinese type sizes, percentages, CMYK colours, and the grid counts the loader needs."""
import math

import pytest

from layout.model import PageSetup
from layout.units import (MM_PER_PT, UnitError, cmyk_percent, fmt_num, grid_lines, grid_width, page_size,
                          parse_cmyk, parse_length, parse_percent, parse_type_size, size_name, type_area)


@pytest.mark.parametrize("text, unit, em, want", [
    ("20mm", "mm", None, 20.0),
    ("2cm", "mm", None, 20.0),
    ("72pt", "mm", None, 25.4),
    ("13.5pt", "pt", None, 13.5),
    ("25.4mm", "pt", None, 72.0),
    ("2em", "pt", 9.0, 18.0),
    ("1字", "pt", 10.5, 10.5),
    ("2 字", "em", 9.0, 2.0),
    ("18pt", "em", 9.0, 2.0),
    ("2em", "mm", 9.0, 18 * MM_PER_PT),
    (15, "mm", None, 15.0),          # bare numbers are in the field's unit
    (13.5, "pt", None, 13.5),
    ("3", "mm", None, 3.0),
    (" 1.5 mm ", "mm", None, 1.5),
    ("-2mm", "mm", None, -2.0),
    (".5pt", "pt", None, 0.5),
])
def test_parse_length(text, unit, em, want):
    assert parse_length(text, unit, em_pt=em) == pytest.approx(want)


@pytest.mark.parametrize("text, msg", [
    ("10px", "wrong unit 'px' (use mm, pt, em or 字)"),
    ("2 inches", "wrong unit 'inches' (use mm, pt, em or 字)"),
    ("abc", "expected a length like 20mm or 13.5pt, got 'abc'"),
    ("", "expected a length like 20mm or 13.5pt, got ''"),
    (True, "expected a length like 20mm or 13.5pt, got true (true/false)"),
    (None, "expected a length like 20mm or 13.5pt, got nothing"),
    ([1], "expected a length like 20mm or 13.5pt, got a list"),
    ("2em", "'em' cannot be used for this length (use mm or pt)"),
    (float("nan"), "expected a length like 20mm or 13.5pt, got nan"),
])
def test_parse_length_errors(text, msg):
    with pytest.raises(UnitError) as info:
        parse_length(text, "mm")
    assert str(info.value) == msg


@pytest.mark.parametrize("text, pt", [
    ("小五", 9.0), ("小五号", 9.0), ("五号", 10.5), ("五", 10.5), ("二号", 21.0), ("初号", 42.0), ("小初", 36.0), ("八号", 5.0),
    ("9pt", 9.0), ("10.5", 10.5), (12, 12.0), ("3.175mm", 9.0),
])
def test_type_sizes(text, pt):
    assert parse_type_size(text) == pytest.approx(pt)


def test_type_size_errors():
    with pytest.raises(UnitError) as info:
        parse_type_size("小七")
    assert str(info.value).startswith("unknown size name '小七' (did you mean '七号'?)")
    assert "初号 to 八号" in str(info.value)
    with pytest.raises(UnitError, match="wrong unit 'px' for a type size"):
        parse_type_size("12px")
    with pytest.raises(UnitError, match="cannot be in 'em'"):
        parse_type_size("2em")


def test_size_name_is_the_inverse_for_named_sizes():
    assert size_name(9.0) == "小五" and size_name(10.5) == "五号" and size_name(9.5) is None


def test_percent():
    assert parse_percent("90%") == 90.0 and parse_percent(110) == 110.0 and parse_percent("75") == 75.0
    with pytest.raises(UnitError, match="wrong unit 'mm' for a percentage"):
        parse_percent("90mm")


def test_cmyk():
    assert parse_cmyk([0, 100, 100, 0]) == ((0.0, 1.0, 1.0, 0.0), None)
    assert parse_cmyk([0, 0, 0, 62.5]) == ((0.0, 0.0, 0.0, 0.625), None)
    assert parse_cmyk({"cmyk": [10, 0, 0, 0]}) == ((0.1, 0.0, 0.0, 0.0), None)
    assert parse_cmyk("报头红", {"报头红": (0.0, 1.0, 1.0, 0.0)}) == ((0.0, 1.0, 1.0, 0.0), "报头红")
    assert parse_cmyk("黑") == ((0.0, 0.0, 0.0, 1.0), None)


@pytest.mark.parametrize("value, msg", [
    ([0, 100, 100], "a CMYK colour needs 4 numbers (C, M, Y, K in percent), got 3"),
    ([0, 100, 100, 0, 5], "a CMYK colour needs 4 numbers (C, M, Y, K in percent), got 5"),
    ([0, 120, 0, 0], "M = 120 is out of range (CMYK is in percent, 0 to 100)"),
    ([0, 0, 0, -1], "K = -1 is out of range (CMYK is in percent, 0 to 100)"),
    ([0, "a", 0, 0], "M must be a number from 0 to 100, got text 'a'"),
    ("报头蓝", "unknown colour '报头蓝' (did you mean '报头红'?) (give CMYK in percent like [0, 100, 100, 0] or a name "
              "from colours:)"),
    (5, "expected a CMYK colour like [0, 100, 100, 0] or a colour name, got 5"),
])
def test_cmyk_errors(value, msg):
    with pytest.raises(UnitError) as info:
        parse_cmyk(value, {"报头红": (0.0, 1.0, 1.0, 0.0)})
    assert str(info.value) == msg


def test_cmyk_percent_round_trips_whole_percents():
    for p in range(101):
        c = parse_cmyk([p, 0, 0, 0])[0]
        assert cmyk_percent(c)[0] == p
        assert parse_cmyk(cmyk_percent(c))[0] == c


def test_fmt_num():
    assert fmt_num(20.0) == "20" and fmt_num(13.5) == "13.5" and float(fmt_num(0.1 + 0.2)) == 0.1 + 0.2


def test_page_size_presets():
    assert page_size("四开") == (275.0, 390.0) and page_size("A4") == (210.0, 297.0)
    with pytest.raises(UnitError, match="unknown page size '八开'"):
        page_size("八开")


def test_grid_helpers_on_the_default_setup():
    ps = PageSetup()        # 四开 275 × 390, margins 20/15/18/15, 6 × 11 字 + 5 × 1 字 of 9pt, leading 13.5pt
    assert type_area(ps) == (15.0, 20.0, 245.0, 352.0)
    assert grid_width(ps) == pytest.approx(71 * 9 * MM_PER_PT)         # 225.4 mm
    assert grid_lines(ps) == math.floor(352 / MM_PER_PT / 13.5) == 73
    ps.leading = 352 / MM_PER_PT / 10                                 # exactly 10 lines, despite float error
    assert grid_lines(ps) == 10
