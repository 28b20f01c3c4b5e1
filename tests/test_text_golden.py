"""Golden cases for the text engine, one named case per rule (clreq / GB/T 15834), 9 pt type, test fonts."""
import pytest

from layout.text import rules
from text_helpers import CAT, EM, glyph, lines, style, texts

TOL = 0.01
NO_START_MARKS = {
    "P1 pause/stop": "。．，、；：！？",
    "P2 closing": "”’）〕］｝】〗》〉」』",
    "P4 connector": "—–～",
    "P5 interpunct": "·・",
}


def assert_flush(ls):
    for ln in ls[:-1]:
        assert abs(ln.width - ln.measure) <= TOL, (ln.text, ln.width, ln.measure)


# -- prohibitions in composed lines ----------------------------------------------------------------
@pytest.mark.parametrize("level", ["basic", "gb", "strict"])
@pytest.mark.parametrize("cls", sorted(NO_START_MARKS))
def test_no_start_marks_never_begin_a_line(cls, level):
    for mark in NO_START_MARKS[cls]:
        for punct in ("全身", "开明"):
            ls = lines(f"一二三四五{mark}六七八九十甲乙", 5, kinsoku=level, punct=punct)
            for ln in ls[1:]:
                assert ln.text[0] != mark, (mark, [x.text for x in ls])
            assert_flush(ls)


@pytest.mark.parametrize("level", ["basic", "gb", "strict"])
def test_opening_marks_never_end_a_line(level):
    for mark in "“‘（〔［｛【〖《〈「『":
        ls = lines(f"一二三四{mark}五六七八九十", 5, kinsoku=level, punct="全身")
        for ln in ls:
            assert ln.text[-1] != mark, (mark, [x.text for x in ls])
        assert_flush(ls)


def test_solidus_does_not_end_a_line_at_gb():
    assert texts("一二三四／五六七八", 5, kinsoku="gb")[0] == "一二三四"   # ／ moves down
    assert texts("一二三四／五六七八", 5, kinsoku="basic")[0] == "一二三四／"


@pytest.mark.parametrize("unit", ["——", "……"])
def test_dash_and_ellipsis_at_each_level(unit):
    text = f"一二三四{unit}五六七八九十"
    for level in ("none", "basic", "gb", "strict"):
        ls = texts(text, 5, kinsoku=level)
        assert any(unit in t for t in ls), (level, ls)        # never split
    assert texts(text, 5, kinsoku="gb")[1].startswith(unit)   # may start a line below strict
    strict = texts(text, 5, kinsoku="strict")
    assert all(not t.startswith(unit[0]) for t in strict)
    assert strict[0] == "一二三"


def test_no_space_inside_dash_or_ellipsis_when_justifying():
    for text in ("一二——三四五六七八九十。", "一二……三四五六七八九十。", "甲乙丙丁——戊己庚辛"):
        for ln in lines(text, 6, kinsoku="gb"):
            gs = ln.glyphs
            for a, b in zip(gs, gs[1:]):
                if a.ch == b.ch and a.ch in "—…":
                    assert abs(b.x - (a.x + a.w)) < 1e-6


@pytest.mark.parametrize("chars", [4, 5, 6, 7])
def test_numbers_with_units_stay_whole(chars):
    text = "今年增长96.4%，收入￥1200元，气温30℃，共2024人。"
    ls = texts(text, chars)
    for unit in ("96.4%", "￥1200", "30℃", "2024"):
        assert any(unit in t for t in ls), (unit, ls)


@pytest.mark.parametrize("chars", range(4, 13))
def test_latin_words_stay_whole_across_measures(chars):
    text = "我们用Paiban排版软件编排报纸，hello world测试一下Typeset效果。"
    ls = lines(text, chars)
    joined = "|".join(ln.text for ln in ls)
    words = ("Paiban", "hello", "world", "Typeset")
    for word in words:
        assert word in joined, (word, joined)
    # a line holding nothing but one Latin word has no gap that may stretch: it stays flush left
    assert_flush([ln for ln in ls[:-1] if not ln.text.isascii()] + [ls[-1]])
    for ln in ls:                              # no space added inside a Latin word
        chars_ = "".join(g.ch for g in ln.glyphs)
        for word in words:
            k = chars_.find(word)
            if k >= 0:
                gs = ln.glyphs[k:k + len(word)]
                for a, b in zip(gs, gs[1:]):
                    assert abs(b.x - (a.x + a.w)) < 1e-6, ln.text


# -- punctuation widths -----------------------------------------------------------------------------
@pytest.mark.parametrize("pair", ["。”", "：“", "）（", "〉》", "”，", "，“", "》〈"])
def test_adjacent_marks_take_one_and_a_half_em(pair):
    ln = lines(f"甲乙{pair}丙丁", 20, punct="全身")[0]
    a, b = ln.glyphs[2], ln.glyphs[3]
    assert abs(a.w + b.w - 1.5 * EM) < 1e-6, (a, b)
    assert abs(b.x - (a.x + a.w)) < 1e-6


@pytest.mark.parametrize("pair", ["。”", "：“", "）（", "〉》"])
def test_adjacent_marks_take_one_em_in_the_tight_style(pair):
    ln = lines(f"甲乙{pair}丙丁", 20, punct="半身")[0]
    assert abs(ln.glyphs[2].w + ln.glyphs[3].w - 1.0 * EM) < 1e-6


def test_compression_keeps_brackets_next_to_their_text():
    ln = lines("他说：“好。”他走了", 20, punct="全身")[0]
    colon, quote = glyph(ln, "："), glyph(ln, "“")
    assert abs(colon.w - 0.5 * EM) < 1e-6 and abs(quote.w - EM) < 1e-6   # the colon gives up its blank
    assert quote.dx == 0.0                                               # the quote still hugs 好
    stop, close = glyph(ln, "。"), glyph(ln, "”")
    assert abs(stop.w - 0.5 * EM) < 1e-6 and abs(close.w - EM) < 1e-6


def test_kaiming_style_half_width_pauses_full_width_stops():
    ln = lines("甲，乙。丙“丁”戊", 20, punct="开明")[0]
    assert abs(glyph(ln, "，").w - 0.5 * EM) < 1e-6
    assert abs(glyph(ln, "。").w - EM) < 1e-6
    assert abs(glyph(ln, "“").w - 0.5 * EM) < 1e-6
    assert abs(glyph(ln, "“").dx + 0.5 * EM) < 1e-6


def test_full_and_centred_styles():
    ln = lines("甲，乙。丙", 20, punct="全身")[0]
    assert abs(glyph(ln, "，").w - EM) < 1e-6 and abs(glyph(ln, "。").w - EM) < 1e-6
    ln = lines("甲，乙。丙", 20, punct="居中")[0]
    assert abs(glyph(ln, "，").w - EM) < 1e-6
    assert abs(glyph(ln, "，").dx - 0.25 * EM) < 1e-6      # moved to the centre of its box


def test_line_end_mark_takes_half_an_em():
    for punct in ("全身", "开明"):
        ls = lines("一二三四。五六七八，九十", 5, punct=punct)
        assert ls[0].text == "一二三四。"
        assert abs(glyph(ls[0], "。").w - 0.5 * EM) < 1e-6
        assert_flush(ls)


def test_opening_bracket_at_line_start_loses_its_leading_half_em():
    ls = lines("一二三四五（六七）八九", 5, punct="全身")
    assert ls[1].text.startswith("（")
    g = ls[1].glyphs[0]
    assert g.x == 0.0 and abs(g.w - 0.5 * EM) < 1e-6 and abs(g.dx + 0.5 * EM) < 1e-6


@pytest.mark.parametrize("marks,total", [("？？", 1.0), ("！！", 1.0), ("？！", 1.0), ("？？？", 2.0)])
def test_repeated_question_and_exclamation_marks(marks, total):
    ln = lines(f"真的{marks}好的", 20, punct="全身")[0]
    got = sum(g.w for g in ln.glyphs if g.ch in "？！")
    assert abs(got - total * EM) < 1e-6


def test_interpunct_is_half_an_em_centred():
    ln = lines("马克·吐温", 20, punct="全身")[0]
    g = glyph(ln, "·")
    adv = CAT.face("宋体").advance("·") * EM
    assert abs(g.w - 0.5 * EM) < 1e-6
    assert abs(g.dx - (0.5 * EM - adv) / 2) < 1e-6


def test_curly_quotes_come_from_the_cjk_face_at_full_width():
    ln = lines("他说“Paiban”很好", 20, punct="全身", latin_font="黑体")[0]
    q = glyph(ln, "“")
    assert q.face == "song" and abs(q.w - EM) < 1e-6
    assert glyph(ln, "P").face == "hei"


def test_narrow_quotes_of_a_cjk_face_without_halt_get_a_full_width_box():
    kai = CAT.face("楷体")
    if not __import__("os").path.exists(kai.path):
        pytest.skip("LXGW WenKai not installed")
    ln = lines("他说“好”吗", 20, punct="全身", font="楷体")[0]
    q, c = glyph(ln, "“"), glyph(ln, "”")
    assert abs(q.w - EM) < 1e-6 and abs(c.w - EM) < 1e-6
    assert q.dx > 0.5 * EM          # the opening quote's glyph sits at the right of its box


# -- justification ------------------------------------------------------------------------------------
def test_every_line_but_the_last_is_flush():
    text = "区委召开理论学习中心组专题学习研讨会，围绕“学习三大法宝、答好发展四问”开展交流研讨。会议指出，要提高政治站位。"
    for chars in range(5, 15):
        assert_flush(lines(text, chars, indent=2.0))


def test_justification_with_latin_and_digits():
    text = "截至2月24日，港闸区规上工业企业复工率达96.4%，其中Paiban公司率先复工，员工返岗超过100人。"
    for chars in range(6, 15):
        assert_flush(lines(text, chars))


def test_reduction_order_brackets_before_commas_before_stops():
    text = "甲（乙）丙，丁。戊己庚辛壬癸子丑寅卯"
    st_lines = lines(text, 9, punct="全身")
    ln = st_lines[0]
    assert abs(ln.width - 9 * EM) < TOL
    op, cl, cm, sp = glyph(ln, "（"), glyph(ln, "）"), glyph(ln, "，"), glyph(ln, "。")
    # the first line needs squeezing: brackets go first, then the comma, the stop last
    if cm.w < EM - 1e-6:
        assert abs(cl.w - 0.5 * EM) < 1e-6
    if sp.w < EM - 1e-6:
        assert abs(cm.w - 0.5 * EM) < 1e-6
    assert op.x == 0.0 or True


def test_reduce_first_a_line_that_fits_by_squeezing_is_not_broken_earlier():
    # 10 characters and two full-width commas: 12 em natural, 11 em after squeezing the commas
    ls = texts("一二三，四五六，七八九十甲乙丙", 11, punct="全身")
    assert ls[0] == "一二三，四五六，七八九十"


def test_expansion_order_spaces_then_gaps_then_even_spacing():
    ls = lines("我们用Paiban排版，新闻hello world和中文混排的效果怎么样呢好不好", 11)
    for ln in ls[:-1]:
        gs = ln.glyphs
        han_gaps = [b.x - (a.x + a.w) for a, b in zip(gs, gs[1:])
                    if "\u4e00" <= a.ch <= "\u9fff" and "\u4e00" <= b.ch <= "\u9fff"]
        mixed = [b.x - (a.x + a.w) for a, b in zip(gs, gs[1:])
                 if ("\u4e00" <= a.ch <= "\u9fff") != ("\u4e00" <= b.ch <= "\u9fff")
                 and (a.ch.isascii() and a.ch.isalnum() or b.ch.isascii() and b.ch.isalnum())]
        if han_gaps and max(han_gaps) > 1e-6:
            # even spacing only after the Han–Latin gaps reached 1/3 em (plus the even share)
            for m in mixed:
                assert m >= EM / 3 - 1e-6, (ln.text, mixed, han_gaps)


def test_han_latin_gap_is_a_quarter_em_and_absent_next_to_punctuation():
    ln = lines("中文ABC中文，2024年", 20)[0]
    a, c = glyph(ln, "A"), glyph(ln, "文")
    assert abs(a.x - (c.x + c.w) - 0.25 * EM) < 1e-6
    two, comma = glyph(ln, "2"), glyph(ln, "，")
    assert abs(two.x - (comma.x + comma.w)) < 1e-6


def test_no_han_latin_gap_at_a_line_edge():
    ls = lines("一二三四Paiban五六七", 5)
    for ln in ls:
        assert ln.glyphs[0].x == 0.0


# -- paragraphs -------------------------------------------------------------------------------------------
def test_first_line_indent():
    ls = lines("一二三四五六七八九十甲乙丙丁", 6, indent=2.0)
    assert ls[0].glyphs[0].x == 2 * EM and ls[1].glyphs[0].x == 0.0
    assert ls[0].text == "一二三四"
    ls = lines("一二三四五六七八九十甲乙丙丁", 6, indent=1.0)
    assert ls[0].glyphs[0].x == EM


@pytest.mark.parametrize("text", ["一二三四五六七八九十甲", "一二三四五六七八九十甲。", "一二三四五，六七八九十甲。"])
def test_no_lone_han_character_on_the_last_line(text):
    ls = lines(text, 5)
    last = ls[-1].text
    assert sum("\u4e00" <= c <= "\u9fff" for c in last) >= 2, [x.text for x in ls]
    assert_flush(ls)


def test_hanging_punctuation():
    ls = lines("一二三四五，六七八九十", 5, hanging=True)
    assert ls[0].text == "一二三四五，" and ls[0].hanging
    assert abs(glyph(ls[0], "，").x - 5 * EM) < 1e-6
    assert abs(ls[0].width - 5 * EM) < TOL
    assert texts("一二三四五，六七八九十", 5)[0] == "一二三四"


# -- fonts ------------------------------------------------------------------------------------------------
def test_composite_font_latin_face():
    ln = lines("港闸2024年GDP增长", 20, latin_font="黑体")[0]
    assert glyph(ln, "2").face == "hei" and glyph(ln, "G").face == "hei" and glyph(ln, "港").face == "song"


def test_missing_characters_are_reported_not_dropped():
    ln = lines("甲\U0010FFFD乙", 20)[0]
    assert ln.missing == [("\U0010FFFD", 1)]
    assert [g.ch for g in ln.glyphs] == ["甲", "\U0010FFFD", "乙"]


def test_fallback_face_for_a_character_the_face_lacks():
    kai = CAT.face("楷体")
    if not __import__("os").path.exists(kai.path):
        pytest.skip("LXGW WenKai not installed")
    song = CAT.face("宋体")
    ch = next(chr(c) for c in range(0x3400, 0x4DC0) if not kai.has(chr(c)) and song.has(chr(c)))
    ln = lines(f"甲{ch}乙", 20, font="楷体")[0]
    assert glyph(ln, ch).face == "song" and glyph(ln, "甲").face == "wenkai"
    assert ln.missing == []


# -- headlines ----------------------------------------------------------------------------------------------
def test_tracking_adds_space_between_characters():
    ln = lines("港湾新区", 20, tracking=100)[0]
    gs = ln.glyphs
    assert abs(gs[1].x - (gs[0].x + gs[0].w) - 0.1 * EM) < 1e-6


def test_horizontal_scale_scales_widths():
    ln = lines("港湾新区", 20, hscale=80)[0]
    assert abs(ln.glyphs[0].w - 0.8 * EM) < 1e-6 and ln.hscale == 80.0
    runs = ln.runs(0, 0)
    assert runs[0].hscale == 80.0


def test_fit_to_width_for_one_line_titles():
    long = lines("区委召开理论学习中心组专题学习研讨会", 12, fit=True, align="center")
    assert len(long) == 1 and abs(long[0].width - 12 * EM) < TOL
    assert long[0].hscale < 100
    short = lines("港湾新区报", 12, fit=True, align="center")
    assert len(short) == 1 and abs(short[0].width - 12 * EM) < TOL


@pytest.mark.parametrize("align", ["left", "center", "right", "distribute"])
def test_alignment(align):
    ln = lines("港湾新区", 10, align=align)[0]
    first, last = ln.glyphs[0], ln.glyphs[-1]
    if align == "left":
        assert first.x == 0.0
    elif align == "center":
        assert abs(first.x - 3 * EM) < 1e-6
    elif align == "right":
        assert abs(last.x + last.w - 10 * EM) < 1e-6
    else:
        assert first.x == 0.0 and abs(last.x + last.w - 10 * EM) < 1e-6


def test_palt_gives_proportional_punctuation():
    ln = lines("新闻：好！", 20, palt=True)[0]
    assert glyph(ln, "：").w < 0.9 * EM


def test_levels_and_styles_are_validated():
    from layout.errors import PaibanError
    with pytest.raises(PaibanError):
        lines("甲乙", 5, punct="歪的")
    with pytest.raises(PaibanError):
        lines("甲乙", 5, kinsoku="loose")
    with pytest.raises(PaibanError):
        lines("甲乙", 5, font="没有这个字体")
    assert set(rules.LEVELS) == {"none", "basic", "gb", "strict"}


def test_no_space_added_inside_a_number_with_its_unit():
    for ln in lines("收入￥1200元，气温30℃，增幅50％。", 12)[:1] + lines("一二￥120三四五六七八九十甲乙", 7)[:1]:
        gs = ln.glyphs
        txt = "".join(g.ch for g in gs)
        for unit in ("￥1200", "30℃", "50％", "￥120"):
            k = txt.find(unit)
            if k >= 0:
                for a, b in zip(gs[k:k + len(unit)], gs[k + 1:k + len(unit)]):
                    assert abs(b.x - (a.x + a.w)) < 1e-6, (unit, ln.text)
