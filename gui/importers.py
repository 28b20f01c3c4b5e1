"""Import submitted copy (稿件) as new unplaced articles: plain text (UTF-8 or GB18030) and Word .docx
(``word/document.xml`` read with zipfile + ElementTree; Heading/Title/标题 styles → title, others → body).
No Qt here; the window wraps the result in an undoable command.
"""
from __future__ import annotations

import os
import re
import zipfile
import xml.etree.ElementTree as ET

from layout import model
from layout.errors import PaibanError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_text_file(path: str) -> str:
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError as e:
            raise PaibanError(f"{path}: not UTF-8 or GB18030 text ({e})") from None


def _paragraphs(text: str) -> list[str]:
    """Paragraphs of plain copy: one per non-empty line (Chinese copy indents with spaces, not blank lines)."""
    out = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        s = line.strip().strip("\u3000").strip()
        if s:
            out.append(s)
    return out


def article_from_text(text: str, block_id: str) -> model.Article:
    paras = _paragraphs(text)
    a = model.Article(id=block_id)
    if paras and len(paras[0]) <= 40 and not re.search(r"[。！？；]$", paras[0]):
        a.title = paras.pop(0)
    # a line like 记者 王明 / 通讯员 李华 right after the title is the byline
    if paras and len(paras[0]) <= 24 and re.match(r"^(本报)?(记者|通讯员|文[/／]|作者)", paras[0]):
        a.byline = paras.pop(0)
    a.body = paras
    return a


def import_text(path: str, block_id: str) -> model.Article:
    return article_from_text(read_text_file(path), block_id)


def docx_paragraphs(path: str) -> list[tuple[str, str]]:
    """(style id, text) of each paragraph of a .docx body."""
    try:
        with zipfile.ZipFile(path) as z:
            xml = z.read("word/document.xml")
            styles_xml = z.read("word/styles.xml") if "word/styles.xml" in z.namelist() else None
    except (zipfile.BadZipFile, KeyError, OSError) as e:
        raise PaibanError(f"{path}: not a Word .docx file ({e})") from None
    names = {}
    if styles_xml:
        try:
            for st in ET.fromstring(styles_xml).iter(W + "style"):
                sid = st.get(W + "styleId", "")
                n = st.find(W + "name")
                names[sid] = n.get(W + "val", sid) if n is not None else sid
        except ET.ParseError:
            pass
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as e:
        raise PaibanError(f"{path}: word/document.xml: {e}") from None
    out = []
    for p in root.iter(W + "p"):
        ps = p.find(f"{W}pPr/{W}pStyle")
        sid = ps.get(W + "val", "") if ps is not None else ""
        parts = []
        for node in p.iter():
            if node.tag == W + "t" and node.text:
                parts.append(node.text)
            elif node.tag == W + "tab":
                parts.append(" ")
            elif node.tag in (W + "br", W + "cr"):
                parts.append("\n")
        text = "".join(parts)
        out.append((names.get(sid, sid), text))
    return out


def _is_heading(style: str) -> bool:
    s = style.lower().replace(" ", "")
    return s.startswith(("heading", "title", "subtitle")) or "标题" in style or s in ("1", "2", "3")


def import_docx(path: str, block_id: str) -> model.Article:
    a = model.Article(id=block_id)
    headings = []
    body = []
    for style, text in docx_paragraphs(path):
        text = text.strip()
        if not text:
            continue
        if _is_heading(style) and not body:
            headings.append((style, text))
        else:
            body.extend(_paragraphs(text))
    if headings:
        a.title = headings[0][1]
        if len(headings) > 1:
            a.subtitle = headings[1][1]
    elif body and len(body[0]) <= 40:
        a.title = body.pop(0)
    a.body = body
    return a


def import_file(path: str, block_id: str) -> model.Article:
    if os.path.splitext(path)[1].lower() == ".docx":
        return import_docx(path, block_id)
    return import_text(path, block_id)
