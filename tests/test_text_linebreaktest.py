"""The untailored breaker (layout.text.uax14, uniseg) passes the whole Unicode 16 LineBreakTest."""
import pathlib

from layout.text import uax14

DATA = pathlib.Path(__file__).parent / "data" / "LineBreakTest.txt"


def _cases():
    for n, line in enumerate(DATA.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        toks = line.split()
        chars, expect = [], []
        for t in toks[1:]:
            if t in ("×", "÷"):
                expect.append(t == "÷")
            else:
                chars.append(chr(int(t, 16)))
        yield n, "".join(chars), expect[:-1]      # the break at the end of text is implied


def test_unicode_16_line_break_test_passes_completely():
    total, failures = 0, []
    for n, text, expect in _cases():
        total += 1
        got = uax14(text)
        # expect[k] is the boundary after character k, i.e. before character k + 1
        if got[1:] != expect:
            failures.append((n, text))
    assert total > 16000
    assert failures == [], f"{len(failures)} of {total} lines fail, first: {failures[:5]}"
