"""Chinese punctuation classes and prohibition sets as data, each entry citing the rule it implements.

Sources: W3C clreq (``#prohibition_rules_for_line_start_end``, ``#table_of_punctuation_marks``,
``#h-punctuation_adjustment_space``), GB/T 15834-2011 §5.1 (via clreq), JLREQ class numbers in brackets.
"""
from __future__ import annotations

# P1 pause/stop marks 点号 (JLREQ cl-04..07): never start a line (basic and up).
SENTENCE_STOPS = "。．！？‼⁇⁈⁉"          # period/question/exclamation: clreq reduction step 7
PAUSES = "，、；："                       # comma, enumeration comma, semicolon, colon: reduction step 5
ASCII_STOPS = ",.;:!?"                   # P1 in mixed text
# P2 closing quotes and brackets (cl-02): never start a line.
CJK_CLOSE = "”’）〕］｝】〗》〉」』"
ASCII_CLOSE = ")]}"
# P3 opening quotes and brackets (cl-01): never end a line.
CJK_OPEN = "“‘（〔［｛【〖《〈「『"
ASCII_OPEN = "([{"
# P4 connector marks 连接号 used singly (一字线, 短横线, 浪纹线): never start a line (basic).
CONNECTORS = "—–～-"
# P5 interpuncts 间隔号: never start a line (basic); 1/2 em, centred (clreq: unadjustable in zh-Hans).
INTERPUNCTS = "·・‧"
# P6 solidus 分隔号: never ends a line at the GB level.
SOLIDI = "/／"
# P7 two-em dash and ellipsis: one unbreakable 2 em unit (GB/T 15834 §5.1.4/5.1.5); never start a line
# at the strict level.  U+2014 and U+2026 come doubled; U+2E3A is the two-em dash as one character.
DASH = "—"
TWO_EM_DASH = "⸺"
ELLIPSES = "…⋯"
# Units that stay with their number (UAX #14 PR×NU, NU×PO; JLREQ cl-12/13/25); kinsoku_check treats
# the postfix ones as line-start faults too.
POSTFIX_UNITS = "%‰℃％"

LEVELS = ("none", "basic", "gb", "strict")

NO_START_BASIC = frozenset(SENTENCE_STOPS + PAUSES + ASCII_STOPS + CJK_CLOSE + ASCII_CLOSE
                           + INTERPUNCTS + POSTFIX_UNITS + "–～")
NO_END_BASIC = frozenset(CJK_OPEN + ASCII_OPEN)
NO_END_GB = NO_END_BASIC | frozenset(SOLIDI)

# Adjustable CJK marks and where their half-em adjustment space sits (clreq
# #h-punctuation_adjustment_space): after stops and closing marks, before opening marks.
PUNCT_CLASS: dict[str, str] = {}
for _c in SENTENCE_STOPS:
    PUNCT_CLASS[_c] = "stop"
for _c in PAUSES:
    PUNCT_CLASS[_c] = "pause"
for _c in CJK_CLOSE:
    PUNCT_CLASS[_c] = "close"
for _c in CJK_OPEN:
    PUNCT_CLASS[_c] = "open"
for _c in INTERPUNCTS:
    PUNCT_CLASS[_c] = "middle"
for _c in "～–":
    PUNCT_CLASS[_c] = "connector"
PUNCT_CLASS["—"] = "dash"
PUNCT_CLASS["⸺"] = "dash"
for _c in ELLIPSES:
    PUNCT_CLASS[_c] = "ellipsis"
PUNCT_CLASS["／"] = "solidus"
del _c

# Punctuation styles (方正 names).  Which classes start at half width before any adjacency or line rule:
#   全身  every mark full width;  开明  sentence stops 。？！ full, all other adjustable marks half;
#   半身  every adjustable mark half;  居中  full width with stops centred in their box (not compressible).
PUNCT_STYLES = ("全身", "半身", "开明", "居中")
HALF_AT_START = {
    "全身": frozenset(),
    "开明": frozenset({"pause", "open", "close"}),
    "半身": frozenset({"pause", "open", "close", "stop"}),
    "居中": frozenset(),
}
