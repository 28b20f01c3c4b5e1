"""The named golden corpus (tests/data/text-golden.yaml): line texts, and every line but the last flush."""
import pathlib

import pytest
import yaml

from text_helpers import lines

CORPUS = yaml.safe_load((pathlib.Path(__file__).parent / "data" / "text-golden.yaml").read_text(encoding="utf-8"))
CASES = CORPUS["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden_case(case):
    ls = lines(case["text"], case["chars"], **(case.get("style") or {}))
    assert [ln.text for ln in ls] == [str(x) for x in case["lines"]]
    for ln in ls[:-1]:
        assert abs(ln.width - ln.measure) <= 0.01, ln.text
    assert ls[-1].last and not any(ln.emergency for ln in ls)
