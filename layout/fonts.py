"""Font catalogue: faces named by role (宋体/黑体/楷体 …), their metrics, glyph coverage and fallback.

Contract: ``catalog().face(name)`` returns a :class:`Face` for a role name, alias or face id;
``Face.advance(ch)`` gives the advance of ``ch`` in em (1.0 = the font size), ``Face.has(ch)`` says whether
the face has a glyph, ``catalog().face_for(ch, face)`` walks the fallback chain. Metrics are read once with
fontTools and cached on disk (keyed by file size and mtime), so a new process gets them in milliseconds.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import PaibanError

ROOT = Path(__file__).resolve().parent.parent
FONTS_DIR = ROOT / "fonts"
CATALOG_FILE = FONTS_DIR / "fonts.yaml"
CACHE_DIR = Path(os.environ.get("PAIBAN_CACHE", Path.home() / ".cache" / "paiban"))
_METRICS_VERSION = 2


@dataclass
class Face:
    """One TrueType-outline face: file, index in a collection, names, and cached metrics."""
    id: str
    path: str
    index: int = 0
    family: str = ""
    roles: list = field(default_factory=list)
    bold: bool = False
    _cmap: dict | None = field(default=None, repr=False)
    _adv: dict | None = field(default=None, repr=False)
    upem: int = 1000
    ascent: float = 0.88   # em, from hhea/OS2 (typo) when loaded
    descent: float = 0.12  # em, positive
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    # -- metrics -----------------------------------------------------------------------------------
    def _load(self) -> None:
        with self._lock:
            if self._cmap is not None:
                return
            data = _load_metrics(self.path, self.index)
            self._cmap = data["cmap"]            # codepoint -> gid
            self._adv = data["adv"]              # gid -> advance in font units
            self.upem = data["upem"]
            self.ascent = data["ascent"]
            self.descent = data["descent"]

    @property
    def cmap(self) -> dict:
        if self._cmap is None:
            self._load()
        return self._cmap

    def has(self, ch: str) -> bool:
        return ord(ch[0]) in self.cmap

    def gid(self, ch: str) -> int:
        return self.cmap.get(ord(ch[0]), 0)

    def advance(self, ch: str) -> float | None:
        """Advance of ``ch`` in em, or None when the face has no glyph for it."""
        g = self.cmap.get(ord(ch[0]))
        if g is None:
            return None
        return self._adv[g] / self.upem

    def gid_advance(self, gid: int) -> float:
        if self._adv is None:
            self._load()
        return self._adv.get(gid, self.upem) / self.upem


def _cache_key(path: str, index: int) -> str:
    st = os.stat(path)
    raw = f"{os.path.abspath(path)}|{index}|{st.st_size}|{int(st.st_mtime)}|{_METRICS_VERSION}"
    return hashlib.sha1(raw.encode()).hexdigest()


def _load_metrics(path: str, index: int) -> dict:
    """cmap, advances and vertical metrics of a face; from the disk cache when it is fresh."""
    key = _cache_key(path, index)
    cache = CACHE_DIR / "metrics" / f"{key}.pickle"
    try:
        with open(cache, "rb") as f:
            return pickle.load(f)
    except (OSError, pickle.PickleError, EOFError):
        pass
    from fontTools.ttLib import TTFont, TTLibError
    try:
        tt = TTFont(path, fontNumber=index, lazy=True)
    except (TTLibError, OSError) as e:
        raise PaibanError(f"{path}: cannot read font: {e}") from None
    cmap = dict(tt.getBestCmap() or {})
    order = tt.getGlyphOrder()
    gid_of = {n: i for i, n in enumerate(order)}
    cmap = {cp: gid_of[name] for cp, name in cmap.items() if name in gid_of}
    hmtx = tt["hmtx"].metrics
    adv = {gid_of[n]: m[0] for n, m in hmtx.items() if n in gid_of}
    upem = tt["head"].unitsPerEm
    os2 = tt["OS/2"] if "OS/2" in tt else None
    if os2 is not None and getattr(os2, "sTypoAscender", 0):
        ascent, descent = os2.sTypoAscender / upem, -os2.sTypoDescender / upem
    else:
        ascent, descent = tt["hhea"].ascent / upem, -tt["hhea"].descent / upem
    data = {"cmap": cmap, "adv": adv, "upem": upem, "ascent": ascent, "descent": descent}
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    except OSError:
        pass  # a read-only cache only costs time
    return data


class FontCatalog:
    """Faces by id, role names and aliases; the fallback chain for characters a face lacks."""

    def __init__(self, faces: list[Face], fallback: list[str]):
        self.faces = {f.id: f for f in faces}
        self.names: dict[str, str] = {}
        for f in faces:
            self.names[f.id] = f.id
            for r in f.roles:
                self.names.setdefault(r, f.id)
        self.fallback = [self.faces[i] for i in fallback if i in self.faces]

    def known_names(self) -> list[str]:
        return sorted(self.names)

    def has_name(self, name: str) -> bool:
        return name in self.names

    def face(self, name: str) -> Face:
        try:
            return self.faces[self.names[name]]
        except KeyError:
            raise PaibanError(f"unknown font {name!r}; known: {', '.join(self.known_names())}") from None

    def face_for(self, ch: str, face: Face) -> Face | None:
        """The face that draws ``ch``: ``face`` itself, else the first fallback that has it, else None."""
        if face.has(ch):
            return face
        for f in self.fallback:
            if f.has(ch):
                return f
        return None

    def add_face(self, face: Face) -> None:
        self.faces[face.id] = face
        self.names[face.id] = face.id
        for r in face.roles:
            self.names[r] = face.id


def load_catalog(path: Path = CATALOG_FILE) -> FontCatalog:
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    faces = []
    for fid, spec in data["faces"].items():
        p = Path(spec["file"])
        if not p.is_absolute():
            p = path.parent / p
        faces.append(Face(id=fid, path=str(p), index=int(spec.get("index", 0)),
                          family=spec.get("family", ""), roles=list(spec.get("roles", [])),
                          bold=bool(spec.get("bold", False))))
    return FontCatalog(faces, list(data.get("fallback", [])))


@lru_cache(maxsize=1)
def catalog() -> FontCatalog:
    """The bundled catalogue (``fonts/fonts.yaml``), loaded once per process."""
    return load_catalog()
