"""Quality columns: kinsoku faults (shared/tools/kinsoku_check.py) and the share of lines flush to their column's right edge."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECK = ROOT.parent / "shared" / "tools" / "kinsoku_check.py"


def kinsoku_faults(pdf: str) -> tuple[int, int]:
    out = subprocess.run([sys.executable, str(CHECK), pdf], capture_output=True, text=True).stdout
    m = re.search(r"lines=(\d+) faults=(\d+)", out)
    return (int(m.group(1)), int(m.group(2))) if m else (0, -1)


PUNCT = set("。，、；：！？”’）》〉」』】〕…—")


def _checker():
    import importlib.util
    spec = importlib.util.spec_from_file_location("kinsoku_check", CHECK)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def flush_share(pdf: str, tolerance: float = 0.6) -> float:
    """Share of column lines (joined from poppler's words the way kinsoku_check.py joins them) whose right
    edge lies within ``tolerance`` pt of their column's right edge. Paragraph-last lines are not flush, so
    a justified setting scores the share of non-last lines (about 0.8 here), a ragged-right one much less."""
    kc = _checker()
    total = flush = 0
    for words in kc.pages_of(pdf):
        lines = kc.lines_of(words)
        starts = sorted({round(l[0], 1) for l in lines})
        clusters, edge = [], None
        for x in starts:
            if edge is None or x - edge > 30:
                clusters.append([x, x])
            else:
                clusters[-1][1] = x
            edge = x
        edges, col_of = {}, []
        for l in lines:
            k = next(i for i, (a, b) in enumerate(clusters) if a - 0.05 <= round(l[0], 1) <= b + 0.05)
            col_of.append(k)
            edges.setdefault(k, []).append(round(l[2]))
        # the column's measure: the most common right edge (poppler gives a line-end mark that was set
        # at half width its full advance, so such lines may reach half an em further)
        right = {k: max(set(v), key=v.count) for k, v in edges.items()}
        for l, k in zip(lines, col_of):
            total += 1
            over = l[2] - right[k]
            h = l[3] - l[1]
            flush += abs(over) <= tolerance + 0.5 or (l[4].strip()[-1:] in PUNCT and -0.6 <= over <= h / 2 + 0.6)
    return flush / total if total else 0.0
