"""The seed page's text as paragraphs (column-break fragments joined), for benchmarks and tests."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_0f90a8d1bdc9c7fc.txt"
_END = "。！？”）…"


def seed_paragraphs(path: Path = SEED) -> list[str]:
    """Non-empty lines of the seed; a long line that stops mid-sentence is joined with the next one
    (the original page broke it between columns). Latin commas become Chinese ones (the extraction
    lost the full-width forms)."""
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    lines = [ln.replace(",", "，").replace("(", "（").replace(")", "）").replace(":", "：") for ln in lines]
    paras: list[str] = []
    joining = False
    for ln in lines:
        if joining and paras:
            paras[-1] += ln
        else:
            paras.append(ln)
        joining = len(paras[-1]) > 20 and " " not in paras[-1] and paras[-1][-1] not in _END
    return paras


def seed_text_size() -> int:
    return sum(len(p) for p in seed_paragraphs())


if __name__ == "__main__":
    ps = seed_paragraphs()
    print(len(ps), "paragraphs,", sum(map(len, ps)), "characters")
    for p in ps:
        print(p[:30], "…", len(p))
