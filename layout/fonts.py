"""Font catalogue: faces named by role (宋体/黑体/楷体 …), their metrics, glyph coverage and fallback.

Contract: ``catalog().face(name)`` returns a :class:`Face` for a role name, alias or face id;
``Face.advance(ch)`` gives the advance of ``ch`` in em (1.0 = the font size), ``Face.has(ch)`` says whether
the face has a glyph, ``catalog().face_for(ch, face)`` walks the fallback chain. ``Face.path``/``Face.index``
name a TrueType-outline file ReportLab can embed. Metrics are read once with fontTools and cached on disk
in a compact binary file (keyed by path, size and mtime), so a new process gets them in a few milliseconds.

Bundled faces are listed in ``fonts/fonts.yaml`` (see ``fonts/README.md``).

User fonts
----------
* ``FontCatalog.add_user_font(path, roles)`` adds one font file (TTF, OTF, TTC/OTC) under the given role
  names, which take precedence over bundled ones (``roles=['宋体']`` replaces the bundled 宋体).
* ``catalog()`` also scans the user font directories: every entry of the ``PAIBAN_FONTS`` environment
  variable (directories or files, separated by ``os.pathsep``), then ``$XDG_DATA_HOME/paiban/fonts``
  (default ``~/.local/share/paiban/fonts``). A scanned face is known by its family names (all languages,
  e.g. ``方正书宋_GBK``), full name, PostScript name and file stem; these never replace a bundled name.
  A ``fonts.yaml`` in a user directory (same format as the bundled one, files relative to it) gives explicit
  roles, which do replace bundled names, and may list ``fallback`` faces tried before the bundled ones.
* CFF-outline (OTF) faces are converted to TrueType once, with the same code as ``tools/build_fonts.py``
  (:mod:`layout.fontconv`), and cached under ``$PAIBAN_CACHE/converted`` (default ``~/.cache/paiban``)
  keyed by the file's SHA-256. Scanned faces are converted on first use of ``Face.path``; layout metrics
  come from the original file, so composing never waits for a conversion.
* Unusable fonts (not a font, bitmap only, fsType 0x0002 restricted, CFF2 variable, no Unicode cmap) give
  a one-line :class:`PaibanError` from ``add_user_font``; scanned ones are skipped and listed in
  ``FontCatalog.skipped`` (diagnostics with severity "warning").
"""
from __future__ import annotations

import marshal
import os
import struct
import sys
import threading
import zlib
from array import array
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import Diagnostic, PaibanError

ROOT = Path(__file__).resolve().parent.parent
FONTS_DIR = ROOT / "fonts"
CATALOG_FILE = FONTS_DIR / "fonts.yaml"
CACHE_DIR = Path(os.environ.get("PAIBAN_CACHE", Path.home() / ".cache" / "paiban"))
USER_FONT_DIR = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "paiban" / "fonts"
FONT_SUFFIXES = {".ttf", ".otf", ".ttc", ".otc"}
_METRICS_VERSION = 4
_MAGIC = b"PBFM" + bytes([_METRICS_VERSION, 1 if sys.byteorder == "little" else 0, 0, 0])


def _error(path, message: str) -> PaibanError:
    """A one-line error about a font file: ``<path>: <message>``."""
    return PaibanError(Diagnostic(message, file=str(path)))


def _file_key(path, *extra) -> str:
    """A cache file name for ``path`` as it is now (absolute path, size, mtime); no hashlib import needed."""
    st = os.stat(path)
    ap = os.path.abspath(path)
    raw = f"{ap}|{st.st_size}|{st.st_mtime_ns}|{_METRICS_VERSION}|{'|'.join(map(str, extra))}".encode()
    return f"{Path(ap).stem[:40]}-{zlib.crc32(raw):08x}-{zlib.adler32(raw):08x}-{st.st_size:x}"


def cache_dir() -> Path:
    """The cache directory: ``$PAIBAN_CACHE`` if set (read at call time), else ``~/.cache/paiban``."""
    env = os.environ.get("PAIBAN_CACHE")
    return Path(env) if env else CACHE_DIR


@dataclass
class Face:
    """One TrueType-outline face: file, index in a collection, names, and cached metrics."""
    id: str
    path: str
    index: int = 0
    family: str = ""
    roles: list = field(default_factory=list)
    bold: bool = False
    _cmap: Mapping | None = field(default=None, repr=False)
    _adv: array | None = field(default=None, repr=False)
    upem: int = 1000
    ascent: float = 0.88   # em, from OS/2 typo (or hhea) metrics when loaded
    descent: float = 0.12  # em, positive
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _bmp: array | None = field(default=None, repr=False)       # code point < 0x10000 -> gid (0 = none)
    _astral: dict | None = field(default=None, repr=False)     # code point >= 0x10000 -> gid

    # -- metrics -----------------------------------------------------------------------------------
    def _metrics_source(self) -> tuple[str, int]:
        """The file the metrics are read from (a converted face reads its original)."""
        return self.path, self.index

    def _load(self) -> None:
        with self._lock:
            if self._bmp is not None:
                return
            upem, ascent, descent, bmp, astral, adv = _load_metrics(*self._metrics_source())
            self.upem, self.ascent, self.descent = upem, ascent, descent
            self._adv = adv                       # gid -> advance in font units
            self._astral = astral
            self._bmp = bmp

    def _gid(self, cp: int) -> int:
        if self._bmp is None:
            self._load()
        return self._bmp[cp] if cp < 0x10000 else self._astral.get(cp, 0)

    @property
    def cmap(self) -> "CmapView":
        """Code point → glyph id, as a read-only mapping over the cached arrays (no dict is built)."""
        if self._cmap is None:
            if self._bmp is None:
                self._load()
            self._cmap = CmapView(self._bmp, self._astral)
        return self._cmap

    def has(self, ch: str) -> bool:
        return self._gid(ord(ch[0])) != 0

    def gid(self, ch: str) -> int:
        return self._gid(ord(ch[0]))

    def advance(self, ch: str) -> float | None:
        """Advance of ``ch`` in em, or None when the face has no glyph for it."""
        g = self._gid(ord(ch[0]))
        if not g:
            return None
        return self._adv[g] / self.upem

    def gid_advance(self, gid: int) -> float:
        if self._adv is None:
            self._load()
        if 0 <= gid < len(self._adv):
            return self._adv[gid] / self.upem
        return 1.0

    def coverage(self, chars) -> tuple[int, list[str]]:
        """(number of ``chars`` the face has, the ones it lacks)."""
        missing = [c for c in chars if not self.has(c)]
        return len(chars) - len(missing), missing


class CmapView(Mapping):
    """Read-only ``{code point: glyph id}`` over a face's BMP table and astral dict."""
    __slots__ = ("_bmp", "_astral", "_len")

    def __init__(self, bmp: array, astral: dict):
        self._bmp, self._astral, self._len = bmp, astral, None

    def get(self, cp, default=None):
        if type(cp) is not int:
            return default
        g = self._bmp[cp] if 0 <= cp < 0x10000 else self._astral.get(cp, 0)
        return g if g else default

    def __getitem__(self, cp):
        g = self.get(cp)
        if g is None:
            raise KeyError(cp)
        return g

    def __contains__(self, cp) -> bool:
        return self.get(cp) is not None

    def __iter__(self):
        yield from (cp for cp, g in enumerate(self._bmp) if g)
        yield from self._astral

    def __len__(self) -> int:
        if self._len is None:
            self._len = len(self._bmp) - self._bmp.count(0) + len(self._astral)
        return self._len


class ConvertedFace(Face):
    """A user's CFF (OTF) face: metrics come from the original file; ``path`` is its TrueType conversion,
    made once (cached by the file's hash) the first time ``path`` is asked for."""

    def __init__(self, *, source: str, source_index: int = 0, digest: str | None = None, **kw):
        self.source = source
        self.source_index = source_index
        self.digest = digest
        self._converted: str | None = None
        kw.setdefault("index", 0)
        super().__init__(path="", **kw)

    @property
    def path(self) -> str:  # noqa: D401 - property
        if self._converted is None:
            from .fontconv import ensure_converted
            self._converted = str(ensure_converted(self.source, self.source_index, cache_dir(), self.digest))
        return self._converted

    @path.setter
    def path(self, value: str) -> None:
        if value:
            self._converted = value

    @property
    def converted(self) -> bool:
        """Whether the TrueType file exists already (asking does not convert)."""
        if self._converted is not None:
            return True
        from .fontconv import converted_path
        return converted_path(self.source, self.source_index, cache_dir(), self.digest).exists()

    def _metrics_source(self) -> tuple[str, int]:
        return self.source, self.source_index

    def __repr__(self) -> str:
        return f"ConvertedFace(id={self.id!r}, source={self.source!r}, source_index={self.source_index})"

    __eq__ = object.__eq__
    __hash__ = object.__hash__


# -- metrics cache ---------------------------------------------------------------------------------------

_HEAD = struct.Struct("<IIIdd")   # upem, number of astral cmap entries, number of glyphs, ascent, descent (em)


def _load_metrics(path: str, index: int):
    """(upem, ascent, descent, bmp, astral, advances) of a face; from the disk cache when it is fresh.

    ``bmp`` is an array of 65,536 glyph ids (0 = no glyph) indexed by code point, ``astral`` a dict for
    code points above U+FFFF, ``advances`` an array indexed by glyph id. The cache file is a header and raw
    arrays, so a new process loads even a 65,535-glyph face with one read and no per-entry Python work."""
    try:
        key = _file_key(path, index)
    except OSError as e:
        raise _error(path, f"cannot read font: {e.strerror or e}") from None
    cache = cache_dir() / "metrics" / f"{key}.bin"
    try:
        with open(cache, "rb") as f:
            data = f.read()
        if data[:8] == _MAGIC:
            upem, n_astral, n_glyphs, ascent, descent = _HEAD.unpack_from(data, 8)
            off = 8 + _HEAD.size
            bmp = array("H")
            bmp.frombytes(data[off:off + 0x20000])
            off += 0x20000
            cps = array("I")
            cps.frombytes(data[off:off + 4 * n_astral])
            off += 4 * n_astral
            gids = array("H")
            gids.frombytes(data[off:off + 2 * n_astral])
            off += 2 * n_astral
            adv = array("H")
            adv.frombytes(data[off:off + 2 * n_glyphs])
            if len(bmp) == 0x10000 and len(gids) == n_astral and len(adv) == n_glyphs:
                return upem, ascent, descent, bmp, dict(zip(cps, gids)), adv
    except OSError:
        pass
    upem, ascent, descent, cps, gids, adv = _read_metrics(path, index)
    bmp = array("H", bytes(0x20000))
    astral_cps, astral_gids = array("I"), array("H")
    for cp, g in zip(cps, gids):
        if cp < 0x10000:
            bmp[cp] = g
        else:
            astral_cps.append(cp)
            astral_gids.append(g)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            f.write(_MAGIC + _HEAD.pack(upem, len(astral_cps), len(adv), ascent, descent))
            for arr in (bmp, astral_cps, astral_gids, adv):
                f.write(arr.tobytes())
        os.replace(tmp, cache)
    except OSError:
        pass  # a read-only cache only costs time
    return upem, ascent, descent, bmp, dict(zip(astral_cps, astral_gids)), adv


def _read_metrics(path: str, index: int):
    from .fontconv import open_font
    tt = open_font(path, index, lazy=True)
    try:
        best = tt.getBestCmap() or {}
        order = tt.getGlyphOrder()
        gid_of = {n: i for i, n in enumerate(order)}
        items = sorted((cp, gid_of[name]) for cp, name in best.items() if name in gid_of)
        cps = array("I", [cp for cp, _ in items])
        gids = array("H", [g for _, g in items])
        hmtx = tt["hmtx"].metrics
        adv = array("H", [hmtx[n][0] if n in hmtx else 0 for n in order])
        upem = tt["head"].unitsPerEm
        os2 = tt["OS/2"] if "OS/2" in tt else None
        if os2 is not None and getattr(os2, "sTypoAscender", 0):
            ascent, descent = os2.sTypoAscender / upem, -os2.sTypoDescender / upem
        else:
            ascent, descent = tt["hhea"].ascent / upem, -tt["hhea"].descent / upem
    except Exception as e:  # noqa: BLE001 - any broken table makes the font unusable
        raise _error(path, f"cannot read font metrics: {e}") from None
    finally:
        tt.close()
    return upem, float(ascent), float(descent), cps, gids, adv


# -- catalogue -------------------------------------------------------------------------------------------

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
        self.skipped: list[Diagnostic] = []    # user fonts that could not be used (scan only)

    def known_names(self) -> list[str]:
        return sorted(self.names)

    def has_name(self, name: str) -> bool:
        return name in self.names or self._fold(name) is not None

    def _fold(self, name: str) -> str | None:
        """Case- and space-insensitive match (``Song`` → ``song``, ``Paiban Song TT`` → ``paibansongtt``)."""
        want = name.casefold().replace(" ", "")
        for n, fid in self.names.items():
            if n.casefold().replace(" ", "") == want:
                return fid
        return None

    def face(self, name: str) -> Face:
        fid = self.names.get(name) or self._fold(name)
        if fid is None:
            hint = ""
            for d in self.skipped:
                if Path(d.file).stem.casefold() == str(name).casefold():
                    hint = f" ({d.file} was skipped: {d.message})"
            raise PaibanError(f"unknown font {name!r}{hint}; known: {', '.join(self.known_names())}")
        return self.faces[fid]

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

    def _add_scanned(self, face: Face) -> None:
        """Add a face found by scanning: its automatic names never replace an existing name."""
        self.faces[face.id] = face
        self.names.setdefault(face.id, face.id)
        for r in face.roles:
            self.names.setdefault(r, face.id)

    def _unique_id(self, base: str) -> str:
        fid, n = base, 2
        while fid in self.faces:
            fid, n = f"{base}-{n}", n + 1
        return fid

    def add_user_font(self, path, roles=(), index: int | None = None, id: str | None = None,  # noqa: A002
                      convert: bool = True) -> Face:
        """Add a user's font file under ``roles`` (which replace existing names) and return its Face.

        ``index`` picks a face of a collection (default 0). A CFF (OTF) face is converted to TrueType now
        (``convert=False`` defers it to the first use of ``Face.path``), once: the result is cached by the
        file's hash. Raises a one-line PaibanError if the font cannot be used."""
        path = Path(path).expanduser()
        if not path.is_file():
            raise _error(path, "cannot use font: no such file")
        faces = _describe_file(path)
        if index is None:
            index = 0
        if not 0 <= index < len(faces):
            raise _error(path, f"cannot use font: no face {index} (the file has {len(faces)})")
        info = faces[index]
        if info.get("problem"):
            raise _error(path, info["problem"])
        face = _make_user_face(info, path, self._unique_id(id or info["id"]), list(roles))
        if convert and isinstance(face, ConvertedFace):
            face.path  # noqa: B018 - converts now (or finds the cached conversion)
        face.roles = list(roles) + [n for n in info["names"] if n not in roles]
        self.faces[face.id] = face
        self.names[face.id] = face.id
        for r in info["names"]:
            self.names.setdefault(r, face.id)
        for r in roles:
            self.names[r] = face.id
        return face

    def scan_user_fonts(self, dirs=None) -> None:
        """Add the fonts of the user font directories (see the module doc); unusable files go to ``skipped``."""
        for d in (user_font_dirs() if dirs is None else [Path(x) for x in dirs]):
            if d.is_file():
                self._scan_file(d)
                continue
            if not d.is_dir():
                continue
            explicit = d / "fonts.yaml"
            listed: set[Path] = set()
            if explicit.is_file():
                listed = self._load_user_yaml(explicit)
            for p in sorted(d.rglob("*")):
                if p.suffix.lower() in FONT_SUFFIXES and p.is_file() and p.resolve() not in listed:
                    self._scan_file(p)

    def _scan_file(self, path: Path) -> None:
        try:
            faces = _describe_file(path)
        except PaibanError as e:
            self.skipped.append(Diagnostic(e.diagnostics[0].message, file=str(path), severity="warning"))
            return
        for info in faces:
            if info.get("problem"):
                self.skipped.append(Diagnostic(info["problem"], file=str(path), severity="warning"))
                continue
            names = list(info["names"])
            if len(faces) == 1:
                names.append(path.stem)
            face = _make_user_face(info, path, self._unique_id(info["id"]), names)
            self._add_scanned(face)

    def _load_user_yaml(self, path: Path) -> set[Path]:
        import yaml
        try:
            with open(path, encoding="utf-8") as f:
                data = yaml.safe_load(f) or {}
        except (OSError, yaml.YAMLError) as e:
            self.skipped.append(Diagnostic(f"cannot read: {e}", file=str(path), severity="warning"))
            return set()
        listed = set()
        for fid, spec in (data.get("faces") or {}).items():
            p = Path(str(spec.get("file", "")))
            if not p.is_absolute():
                p = path.parent / p
            listed.add(p.resolve())
            try:
                self.add_user_font(p, roles=list(spec.get("roles", [])), index=int(spec.get("index", 0)),
                                   id=str(fid), convert=False)
            except PaibanError as e:
                d = e.diagnostics[0]
                self.skipped.append(Diagnostic(f"{d.file}: {d.message}" if d.file else d.message, file=str(path),
                                               field=f"faces.{fid}", severity="warning"))
        extra = [self.faces[i] for i in data.get("fallback") or [] if i in self.faces]
        self.fallback = extra + [f for f in self.fallback if f not in extra]
        return listed


def user_font_dirs() -> list[Path]:
    """``PAIBAN_FONTS`` entries (directories or files, ``os.pathsep``-separated), then the user font dir."""
    out = [Path(p).expanduser() for p in os.environ.get("PAIBAN_FONTS", "").split(os.pathsep) if p.strip()]
    out.append(USER_FONT_DIR)
    return out


def _describe_file(path: Path) -> list[dict]:
    """Per face of a font file: names, outline kind, a usability problem; cached by path, size and mtime."""
    import json
    cache = cache_dir() / "fontinfo" / f"{_file_key(path)}.json"
    try:
        return json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    from . import fontconv
    try:
        n = fontconv.face_count(path)
    except OSError as e:
        raise _error(path, f"cannot use font: {e.strerror or e}") from None
    faces = []
    for i in range(n):
        info = {"index": i, "names": [], "id": f"{path.stem}-{i}" if n > 1 else path.stem, "kind": None}
        try:
            font = fontconv.open_font(path, i, lazy=True)
            try:
                info["kind"] = fontconv.check_usable(font, path)
                name = font["name"]
                seen = []
                for rec in name.names:
                    if rec.nameID in (1, 4, 6, 16, 21):
                        try:
                            s = rec.toUnicode().strip()
                        except UnicodeDecodeError:
                            continue
                        if s and s not in seen:
                            seen.append(s)
                info["names"] = seen
                ps = name.getDebugName(6)
                if ps:
                    info["id"] = ps
                info["family"] = name.getDebugName(16) or name.getDebugName(1) or path.stem
                info["bold"] = bool(font["head"].macStyle & 1) if "head" in font else False
            finally:
                font.close()
        except PaibanError as e:
            info["problem"] = e.diagnostics[0].message
        faces.append(info)
    if any(f["kind"] == "cff" for f in faces):
        from .fontconv import file_hash
        digest = file_hash(path)
        for f in faces:
            f["digest"] = digest
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(faces, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, cache)
    except OSError:
        pass
    return faces


def _make_user_face(info: dict, path: Path, fid: str, roles: list) -> Face:
    common = dict(id=fid, family=info.get("family", ""), roles=roles, bold=bool(info.get("bold")))
    if info["kind"] == "cff":
        return ConvertedFace(source=str(path), source_index=info["index"], digest=info.get("digest"), **common)
    return Face(path=str(path), index=info["index"], **common)


def load_catalog(path: Path = CATALOG_FILE) -> FontCatalog:
    """The catalogue described by a ``fonts.yaml`` (bundled faces only; no user fonts)."""
    data = _read_catalog_file(Path(path))
    faces = []
    for fid, spec in data["faces"].items():
        p = Path(spec["file"])
        if not p.is_absolute():
            p = path.parent / p
        faces.append(Face(id=fid, path=str(p), index=int(spec.get("index", 0)),
                          family=spec.get("family", ""), roles=list(spec.get("roles", [])),
                          bold=bool(spec.get("bold", False))))
    return FontCatalog(faces, list(data.get("fallback", [])))


def _read_catalog_file(path: Path) -> dict:
    """Parsed ``fonts.yaml``; a marshal copy in the cache spares new processes the YAML import and parse."""
    try:
        cache = cache_dir() / "catalog" / f"{_file_key(path)}.marshal"
    except OSError as e:
        raise _error(path, f"cannot read font catalogue: {e.strerror or e}") from None
    try:
        with open(cache, "rb") as f:
            return marshal.load(f)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    import yaml
    try:
        with open(path, encoding="utf-8") as f:
            data = yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as e:
        raise _error(path, f"cannot read font catalogue: {e.strerror or e}") from None
    except yaml.YAMLError as e:
        raise _error(path, f"cannot read font catalogue: {e}".replace("\n", " ")) from None
    if not isinstance(data, dict) or not isinstance(data.get("faces"), dict):
        raise _error(path, "font catalogue has no 'faces' mapping")
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            marshal.dump(data, f)
        os.replace(tmp, cache)
    except (OSError, ValueError):
        pass
    return data


@lru_cache(maxsize=1)
def catalog() -> FontCatalog:
    """The bundled catalogue (``fonts/fonts.yaml``) plus the user's fonts, loaded once per process."""
    cat = load_catalog()
    cat.scan_user_fonts()
    return cat


def reload_catalog() -> FontCatalog:
    """Forget the cached catalogue (after fonts were added to a user directory) and load it again."""
    catalog.cache_clear()
    return catalog()


# -- ``paiban fonts`` ------------------------------------------------------------------------------------------

def install_user_font(path, roles=(), directory: Path | None = None) -> Face:
    """Copy a font file into the user font directory (default ``USER_FONT_DIR``), record ``roles`` in that
    directory's ``fonts.yaml``, convert it now if it is CFF, and return the Face. The file is checked first,
    so nothing is copied when it cannot be used."""
    import shutil
    src = Path(path).expanduser()
    directory = Path(directory) if directory else USER_FONT_DIR
    face = load_catalog().add_user_font(src, roles=roles, convert=False)   # checks the file
    directory.mkdir(parents=True, exist_ok=True)
    dst = directory / src.name
    if src.resolve() != dst.resolve():
        shutil.copy2(src, dst)
    if roles:
        import yaml
        conf = directory / "fonts.yaml"
        data = {}
        if conf.is_file():
            data = yaml.safe_load(conf.read_text(encoding="utf-8")) or {}
        faces = data.setdefault("faces", {}) or {}
        data["faces"] = faces
        faces[face.id] = {"file": dst.name, "roles": list(roles)}
        tmp = conf.with_name(f".fonts.yaml.{os.getpid()}.tmp")
        tmp.write_text("# User fonts for Paiban (see layout/fonts.py). Roles here replace bundled names.\n"
                       + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        os.replace(tmp, conf)
    cat = load_catalog()
    cat.scan_user_fonts([directory])
    new = cat.face(roles[0]) if roles else cat.face(face.id)
    new.path  # noqa: B018 - convert a CFF font now, once
    return new


def configure(parser) -> None:
    """Arguments of ``paiban fonts`` (registered in ``layout/commands.py``)."""
    parser.add_argument("--add", metavar="FONT", help="install a font file (TTF/OTF/TTC) as a user font")
    parser.add_argument("--role", action="append", default=[], metavar="NAME",
                        help="with --add: a style name the font answers to, e.g. 宋体 (repeatable)")
    parser.add_argument("--coverage", metavar="TEXT|FILE",
                        help="which characters of a text (or a UTF-8 file) each face lacks, and the fallback")
    parser.add_argument("--font", default="宋体", help="with --coverage: the face to check (default 宋体)")
    parser.set_defaults(func=fonts_main)


def fonts_main(args) -> int:
    import time
    if args.add:
        t = time.perf_counter()
        face = install_user_font(args.add, roles=args.role)
        print(f"installed {face.id} ({face.family}) as {', '.join(face.roles[:6]) or face.id}; "
              f"file {face.path} ({time.perf_counter() - t:.1f} s)")
        return 0
    cat = catalog()
    if args.coverage:
        p = Path(args.coverage)
        text = p.read_text(encoding="utf-8") if p.is_file() else args.coverage
        face = cat.face(args.font)
        chars = sorted({c for c in text if not c.isspace()})
        n, missing = face.coverage(chars)
        print(f"{face.id}: {n}/{len(chars)} distinct characters")
        for c in missing:
            fb = cat.face_for(c, face)
            print(f"  {c} U+{ord(c):04X}: {'from ' + fb.id if fb else 'MISSING (not in the face or its fallbacks)'}")
        return 1 if any(cat.face_for(c, face) is None for c in missing) else 0
    from .fontconv import gbk_hanzi
    han = sorted(gbk_hanzi())
    for face in cat.faces.values():
        try:
            n, _ = face.coverage(han)
            cov = f"GBK hanzi {n}/{len(han)}"
        except PaibanError as e:
            cov = f"unusable: {e.diagnostics[0].message}"
        kind = " (converted from CFF)" if isinstance(face, ConvertedFace) else ""
        print(f"{face.id:12} {', '.join(face.roles[:6]):28} {cov}  {face._metrics_source()[0]}{kind}")
    print(f"fallback: {', '.join(f.id for f in cat.fallback)}")
    for d in cat.skipped:
        print(f"skipped: {d}")
    return 0
