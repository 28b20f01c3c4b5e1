"""Break opportunities: clreq's prohibition classes at each level, unbreakable units, and the fast path
checked against uniseg over the whole text."""
import pathlib
import random

import pytest

from layout.text import breaks, rules

SEED = pathlib.Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_0f90a8d1bdc9c7fc.txt"
LEVELS = ("none", "basic", "gb", "strict")


def can_break_before(text, i, level):
    return breaks.opportunities(text, level)[i]


# P1 pause/stop marks, P2 closing marks, P4 single connectors, P5 interpuncts never start a line
NO_START = {
    "P1 pause/stop": "。．，、；：！？‼⁇⁈⁉",
    "P2 closing": "”’）〕］｝】〗》〉」』",
    "P4 connector": "—–～",
    "P5 interpunct": "·・‧",
}


@pytest.mark.parametrize("level", ["basic", "gb", "strict"])
@pytest.mark.parametrize("cls", sorted(NO_START))
def test_kinsoku_no_line_start(cls, level):
    for mark in NO_START[cls]:
        text = f"中文{mark}中文"
        assert not can_break_before(text, 2, level), (mark, level)


@pytest.mark.parametrize("level", ["basic", "gb", "strict"])
def test_ascii_stops_and_closers_in_mixed_text_never_start_a_line(level):
    for mark in ",.;:!?)]}":
        assert not can_break_before(f"中文{mark}中文", 2, level), mark
        assert not can_break_before(f"word{mark} word", 4, level), mark


@pytest.mark.parametrize("level", ["basic", "gb", "strict"])
def test_opening_marks_never_end_a_line(level):
    for mark in "“‘（〔［｛【〖《〈「『([{":
        text = f"中文{mark}中文"
        assert not can_break_before(text, 3, level), (mark, level)
        assert can_break_before(text, 2, level) or mark in "([{", (mark, level)   # before it: allowed


def test_closing_marks_allow_a_break_after_them():
    for mark in NO_START["P2 closing"]:
        assert can_break_before(f"中{mark}中文", 2, "gb"), mark
    assert can_break_before("中”2024年", 2, "gb")          # curly quotes close in Chinese (UAX #14 says ×)
    assert can_break_before("他说：“好”", 3, "gb")         # and a break before an opening quote is fine


@pytest.mark.parametrize("mark", "/／")
def test_solidus_never_ends_a_line_at_gb_and_strict(mark):
    text = f"甲{mark}乙"
    assert not can_break_before(text, 2, "gb")
    assert not can_break_before(text, 2, "strict")
    assert can_break_before(text, 2, "basic")


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("unit", ["——", "……", "⋯⋯"])
def test_dash_and_ellipsis_are_never_split(unit, level):
    text = f"他说{unit}好"
    assert not can_break_before(text, 3, level)


@pytest.mark.parametrize("unit", ["——", "……", "⋯⋯"])
def test_dash_and_ellipsis_may_start_a_line_below_strict(unit):
    text = f"他说{unit}好"
    assert can_break_before(text, 2, "basic")
    assert can_break_before(text, 2, "gb")
    assert not can_break_before(text, 2, "strict")
    assert can_break_before(text, 4, "strict")           # after the unit: fine


def test_two_em_dash_character():
    assert can_break_before("他⸺好", 1, "gb")
    assert not can_break_before("他⸺好", 1, "strict")


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("word", ["2024", "96.4%", "￥100", "30℃", "50％", "1,000", "3.14", "hello", "Paiban"])
def test_numbers_with_units_and_latin_words_stay_whole(word, level):
    text = f"增长{word}了"
    b = breaks.opportunities(text, level)
    inside = [b[i] for i in range(3, 2 + len(word))]
    assert not any(inside), (word, level, inside)


def test_number_followed_by_han_may_break():
    assert can_break_before("2024年", 4, "gb")


def test_none_level_ignores_prohibitions_but_keeps_units():
    assert can_break_before("中文。中文", 2, "none")
    assert can_break_before("中文（中文", 3, "none")
    assert not can_break_before("他说……好", 3, "none")
    assert not can_break_before("增长2024", 4, "none")


def test_han_characters_break_anywhere():
    text = "区委召开理论学习中心组"
    assert all(breaks.opportunities(text, "gb")[1:])


# -- the fast path equals uniseg over the whole text -------------------------------------------------
def _seed_text():
    return SEED.read_text(encoding="utf-8").replace("\n", "")


@pytest.mark.skipif(not SEED.exists(), reason="seed text not available")
@pytest.mark.parametrize("level", LEVELS)
def test_fast_path_equals_uniseg_on_seed_text(level):
    text = _seed_text()
    assert breaks.opportunities(text, level) == breaks.opportunities_reference(text, level)


ALPHABET = ("中文字测试" + "".join(rules.PUNCT_CLASS) + "ab Z09.,;:!?%$()[]{}-/'\"«»„‚\u0301\u200b\u00a0"
            + "￥℃％\u3000ー〜〇ぁア한")


@pytest.mark.parametrize("level", LEVELS)
def test_fast_path_equals_uniseg_on_random_text(level):
    rnd = random.Random(1234 + LEVELS.index(level))
    for _ in range(400):
        text = "".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(1, 24)))
        assert breaks.opportunities(text, level) == breaks.opportunities_reference(text, level), text


def test_fast_pair_table_equals_uniseg_for_every_pair():
    marks = [c for c in rules.PUNCT_CLASS if breaks._fast_class(c)] + ["中", "あ"]
    for a in marks:
        for b in marks:
            text = f"中{a}{b}中"
            assert breaks._zh_uax14_fast(text) == breaks._zh_uax14_full(text), text


TOKENS = ["中", "文", "，", "。", "“", "”", "‘", "’", "（", "）", "《", "》", "——", "……", "、", "：", "！", "？",
          "·", "～", "／", "ab", "Z9", "2024", "x", "7", ",", ".", ";", ":", "!", "?"]


@pytest.mark.parametrize("level", LEVELS)
def test_rule_decided_windows_equal_uniseg(level):
    """ASCII words, numbers and single ASCII stops between Chinese characters are decided without uniseg."""
    rnd = random.Random(99 + LEVELS.index(level))
    for _ in range(600):
        text = "".join(rnd.choice(TOKENS) for _ in range(rnd.randint(2, 12)))
        assert breaks.opportunities(text, level) == breaks.opportunities_reference(text, level), text


@pytest.mark.parametrize("level", LEVELS)
def test_fast_path_equals_uniseg_with_spaces_decimals_and_percent(level):
    """The rule-decided runs (spaces between Chinese, numbers like 96.4% and 1,500, words at a paragraph's
    start or end) agree with uniseg, including where a uniseg window for a neighbouring run overlaps them."""
    alpha = list("中文月日，。、；：！？“”‘’（）《》【】——……·  0123456789.%,abcZ") + list(ALPHABET)
    rnd = random.Random(4321 + LEVELS.index(level))
    for _ in range(3000):
        text = "".join(rnd.choice(alpha) for _ in range(rnd.randint(1, 20)))
        assert breaks.opportunities(text, level) == breaks.opportunities_reference(text, level), text
    for text in ("3月9日下午", "率达96.4%，亿元", "出了100%的努力", "比拼 勇立潮头", "【 ｛中", "0%〈8", "徐超 陈明"):
        assert breaks.opportunities(text, level) == breaks.opportunities_reference(text, level), text
