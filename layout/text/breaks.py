"""Break opportunities: UAX #14 (uniseg, Unicode 16) tailored for Chinese at four strictness levels.

Contract: ``opportunities(text, level)`` returns a tuple ``b`` with ``len(text)`` entries; ``b[i]`` is True
when a line may break before ``text[i]`` (``b[0]`` is always False).  ``uax14(text)`` is the untailored
breaker (passes the Unicode 16 LineBreakTest).  The tailoring is (1) a class reassignment that UAX #14
allows (curly quotes are opening/closing in Chinese, ``·`` and ``～`` are non-starters) and (2) a pass that
applies clreq's prohibition levels (see ``layout.text.rules``).  Runs of Han and CJK punctuation take a
table fast path (pure pairs); only the windows around other characters go through uniseg.
``tests/test_text_breaks.py`` checks the fast path against the full uniseg pass.
"""
from __future__ import annotations

import re

from functools import lru_cache

from uniseg.linebreak import LineBreak as LB
from uniseg.linebreak import line_break, line_break_breakables

from . import rules

_ZH_REMAP = {"“": LB.OP, "‘": LB.OP, "”": LB.CL, "’": LB.CL, "·": LB.NS, "～": LB.NS}


@lru_cache(maxsize=65536)
def zh_property(ch: str) -> LB:
    """UAX #14 class of ``ch`` with the Chinese reassignment (curly quotes open/close, · and ～ NS)."""
    return _ZH_REMAP.get(ch) or line_break(ch)


_PAIR_CLASSES = {LB.ID: "ID", LB.CL: "CL", LB.OP: "OP", LB.NS: "NS", LB.EX: "EX", LB.B2: "B2", LB.IN: "IN"}
_NO_BREAK_BEFORE = frozenset({"CL", "EX", "NS", "IN"})


def _is_cjk_block(cp: int) -> bool:
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0xF900 <= cp <= 0xFAFF
            or 0x20000 <= cp <= 0x3FFFF or 0x3040 <= cp <= 0x30FF or 0x3000 <= cp <= 0x303F
            or 0xFF01 <= cp <= 0xFF60)


@lru_cache(maxsize=65536)
def _fast_class(ch: str) -> str | None:
    """Pair class for the fast path, or None when ``ch`` needs uniseg with context."""
    if ch == "\u3000":
        return None
    if ch in rules.PUNCT_CLASS or _is_cjk_block(ord(ch)):
        return _PAIR_CLASSES.get(zh_property(ch))
    return None


def _pair(a: str, b: str) -> bool:
    """UAX #14 (zh classes) between two fast-path characters: LB13/16/21/22 × before CL EX NS IN,
    LB14 OP ×, LB17 B2 × B2, otherwise LB31 ÷."""
    if b in _NO_BREAK_BEFORE or a == "OP":
        return False
    return not (a == "B2" and b == "B2")


def uax14(text: str) -> list[bool]:
    """Untailored UAX #14 opportunities (uniseg): ``b[i]`` True when a break is allowed before ``text[i]``."""
    b = [bool(x) for x in line_break_breakables(text)]
    if b:
        b[0] = False
    return b


def _zh_uax14_full(text: str) -> list[bool]:
    b = [bool(x) for x in line_break_breakables(text, property=zh_property)]
    if b:
        b[0] = False
    return b


def _zh_uax14_fast(text: str) -> list[bool]:
    n = len(text)
    cls = [_fast_class(c) for c in text]
    out = [False] * n
    for i in range(1, n):
        a, b = cls[i - 1], cls[i]
        if a is not None and b is not None:
            out[i] = _pair(a, b)
    # runs of other characters: an ASCII word/number or a single ASCII stop between two fast-path
    # characters is decided by rule; the rest go to uniseg in windows with two characters of context
    windows = []
    decided = set()        # positions a rule-decided run settled: windows must not overwrite them
    i = 0
    while i < n:
        if cls[i] is None:
            j = i
            while j < n and cls[j] is None:
                j += 1
            if _simple_run(text, cls, out, i, j):
                decided.update(range(i, j + 1))
            else:
                w0, w1 = max(0, i - 2), min(n, j + 2)
                if windows and w0 <= windows[-1][1]:
                    windows[-1][1] = w1
                else:
                    windows.append([w0, w1])
            i = j
        else:
            i += 1
    for w0, w1 in windows:
        sub = list(line_break_breakables(text[w0:w1], property=zh_property))
        for k in range(1, w1 - w0):
            p = w0 + k
            if (cls[p - 1] is None or cls[p] is None) and p not in decided:
                out[p] = bool(sub[k])
    return out


_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_ASCII_IS_EX = frozenset(",.;:!?")


_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)*%?\Z")


def _simple_run(text, cls, out, i, j) -> bool:
    """Decide the run text[i:j] by rule when it is one ASCII word, one number (with decimals and a
    trailing %), one ASCII stop or a run of spaces, next to fast-path characters or the paragraph's ends
    (the common cases in Chinese copy); False when uniseg must look at it."""
    n = len(text)
    a = cls[i - 1] if i > 0 else None
    b = cls[j] if j < n else None
    if (i > 0 and a is None) or (j < n and b is None):
        return False
    run = text[i:j]
    if run[0] == " " and run.strip(" ") == "":
        if i == 0 or j == n:
            return False
        for k in range(i, j):
            out[k] = False                                          # LB7 × SP
        out[j] = not (b in ("CL", "EX") or a == "OP"                # LB13 × CL/EX; LB14 OP SP* ×
                      or (a == "CL" and b == "NS") or (a == "B2" and b == "B2"))   # LB16, LB17; else LB18
        return True
    word = all(c in _ALNUM for c in run)
    if word or _NUMBER.match(run):
        if run[-1] == "%" and b == "OP":
            return False                                            # LB25 PO × OP NU: needs the context
        if i > 0:
            out[i] = a != "OP"                                      # LB14 OP ×, else LB31
        for k in range(i + 1, j):
            out[k] = False                                          # LB28/LB25/LB23 inside
        if j < n:
            # LB30: AL/NU × non-East-Asian OP (curly quotes are ambiguous width); a % (PO) has no such rule
            out[j] = b not in _NO_BREAK_BEFORE and (run[-1] == "%" or text[j] not in "“‘")
        return True
    if i < 1 or j >= n:
        return False
    if len(run) == 1 and run in _ASCII_IS_EX:
        out[i] = False                                              # LB13 × IS, × EX
        out[j] = b not in _NO_BREAK_BEFORE
        return True
    return False


def tailor(text: str, b: list[bool], level: str) -> list[bool]:
    """Apply clreq's prohibition level to UAX #14 opportunities ``b`` (modified and returned)."""
    n = len(text)
    no_end = rules.NO_END_GB if level in ("gb", "strict") else rules.NO_END_BASIC
    no_start = rules.NO_START_BASIC
    strict = level == "strict"
    for i in range(1, n):
        a, c = text[i - 1], text[i]
        if a == c and a in "—…⋯":
            b[i] = False                      # —— and …… are one unit (GB/T 15834 §5.1.4-5)
            continue
        if level == "none":
            if _fast_class(a) is not None and _fast_class(c) is not None:
                b[i] = True
            continue
        r = b[i]
        if c in rules.ELLIPSES:
            # UAX #14 forbids a break before IN; clreq allows …… to start a line below strict
            r = not strict and not a.isspace() or (a.isspace() and r)
        elif c == "—":
            if text[i + 1:i + 2] == "—":
                r = r and not strict          # a two-em dash may start a line below strict
            else:
                r = False                     # a single connector never starts a line
        elif c == "⸺":
            r = r and not strict
        elif c in no_start or c == "-":
            r = False
        if a in no_end:
            r = False
        b[i] = r
    return b


_CACHE: dict = {}
_CACHE_MAX = 4096


def opportunities(text: str, level: str = "gb") -> tuple:
    """Tailored break opportunities (cached per text and level)."""
    key = (text, level)
    hit = _CACHE.get(key)
    if hit is not None:
        return hit
    if level not in rules.LEVELS:
        raise ValueError(f"unknown kinsoku level {level!r}")
    res = tuple(tailor(text, _zh_uax14_fast(text), level))
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.clear()
    _CACHE[key] = res
    return res


def opportunities_reference(text: str, level: str = "gb") -> tuple:
    """The same result computed with uniseg over the whole text (slow; for tests)."""
    return tuple(tailor(text, _zh_uax14_full(text), level))


def clear_cache() -> None:
    _CACHE.clear()
