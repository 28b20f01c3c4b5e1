"""Colour for print: tree colours → ReportLab colours, and images → CMYK (or grey) through an ICC profile.

* :func:`rl_colour` maps a tree colour (CMYK tuple 0..1 or :class:`layout.tree.Spot`) to a ReportLab
  ``CMYKColor`` (DeviceCMYK) or ``CMYKColorSep`` (a Separation, for spot colours and the registration
  colour ``All``). No RGB colour ever reaches the canvas (the canvas also runs with ``sep_cmyk``).
* :func:`prepare_image` converts a raster file for press: RGB (and palette, YCbCr …) to CMYK with Pillow
  ImageCms from the image's embedded ICC profile (sRGB when it has none) to the print profile's CMYK
  output profile; alpha flattened on white (PDF/X-1a has no transparency); greyscale stays grey (DeviceGray);
  CMYK is re-saved through Pillow so the Adobe JPEG convention ReportLab assumes holds. Results are cached on
  disk, keyed by the file's content hash and the profile's hash, so re-exports cost nothing. It also measures the
  total area coverage (TAC, 总墨量) of the converted image for preflight.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from .errors import PaibanError
from .fontconv import file_hash   # one content hash for every disk cache

CONVERT_VERSION = 1          # bump when the conversion recipe changes (invalidates the disk cache)
JPEG_QUALITY = 92

REGISTRATION = "All"          # the registration colour: 100 % on every plate


def cache_dir() -> Path:
    base = os.environ.get("PAIBAN_CACHE") or str(Path.home() / ".cache" / "paiban")
    return Path(base) / "images"


# -- vector colours ---------------------------------------------------------------------------------------

def is_k_only(colour) -> bool:
    """True for a process colour with no C, M or Y (the 单黑 that should overprint)."""
    if colour is None or not isinstance(colour, tuple) or len(colour) != 4:
        return False
    c, m, y, k = colour
    return c <= 0.001 and m <= 0.001 and y <= 0.001 and k > 0


def rl_colour(colour):
    """A ReportLab colour for a tree colour: ``CMYKColor`` for process colours, ``CMYKColorSep`` for spots."""
    from reportlab.lib.colors import CMYKColor, CMYKColorSep
    from .tree import Spot
    if isinstance(colour, Spot):
        c, m, y, k = (_clamp(v) for v in colour.alternate)
        return CMYKColorSep(c, m, y, k, spotName=spot_name(colour.name), density=_clamp(colour.tint))
    if isinstance(colour, (tuple, list)) and len(colour) == 4:
        c, m, y, k = (_clamp(float(v)) for v in colour)
        return CMYKColor(c, m, y, k)
    raise PaibanError(f"not a CMYK colour or spot: {colour!r}")


def spot_name(name: str) -> str:
    """The spot name as ReportLab needs it to write a correct PDF name for any Unicode text.

    ReportLab's ``PDFName`` escapes each character outside ``!``..``~`` as ``#`` + ``hex(ord(c))``, which is
    right for a byte (two hex digits) and garbage for a CJK character (``报`` → ``#62a5``). Passing the UTF-8
    bytes as Latin-1 characters makes it write ``#E6#8A#A5``: the UTF-8 name PDF 1.2+ expects, so the plate is
    called 报头红 in Acrobat and Ghostscript.
    """
    return name.encode("utf-8").decode("latin-1")


def registration_colour(density: float = 1.0):
    """The registration colour ``All`` (Separation), for crop and registration marks."""
    from reportlab.lib.colors import CMYKColorSep
    return CMYKColorSep(1, 1, 1, 1, spotName=REGISTRATION, density=density)


def _clamp(v: float) -> float:
    return 0.0 if v < 0 else 1.0 if v > 1 else float(v)


# -- images -----------------------------------------------------------------------------------------------

@dataclass
class PreparedImage:
    """A press-ready copy of an image file."""
    source: str
    path: str            # the converted file to embed (JPEG or TIFF, CMYK or L)
    mode: str            # "CMYK" or "L"
    width: int           # pixels
    height: int
    source_mode: str     # Pillow mode of the original ("RGB", "RGBA", "CMYK", "L", "P" …)
    tac: float           # maximum total area coverage of the converted image, percent (0..400)
    had_alpha: bool = False
    profile_used: str = ""   # "embedded" | "sRGB" | "" (no conversion)


_mem_cache: dict = {}
_xf_cache: dict = {}
_lock = threading.Lock()


def prepare_image(path: str | os.PathLike, icc_path: str | os.PathLike) -> PreparedImage:
    """Convert ``path`` for the press with the CMYK output profile ``icc_path`` (cached on disk).

    Raises :class:`PaibanError` when the file cannot be read as an image.
    """
    path = str(path)
    icc_path = str(icc_path)
    try:
        st = os.stat(path)
    except OSError as e:
        raise PaibanError(f"{path}: cannot read image: {e.strerror}") from None
    mkey = (os.path.abspath(path), st.st_size, st.st_mtime_ns, os.path.abspath(icc_path))
    hit = _mem_cache.get(mkey)
    if hit is not None and os.path.exists(hit.path):
        return hit
    key = hashlib.sha256(
        f"{file_hash(path)}|{_icc_hash(icc_path)}|{CONVERT_VERSION}".encode()).hexdigest()[:40]
    d = cache_dir()
    meta_file = d / f"{key}.json"
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        out = d / meta["file"]
        if out.exists():
            meta.update(source=path, path=str(out))
            meta.pop("file", None)
            prep = PreparedImage(**meta)
            _mem_cache[mkey] = prep
            return prep
    except (OSError, ValueError, KeyError, TypeError):
        pass
    prep = _convert(path, icc_path, d, key)
    _mem_cache[mkey] = prep
    return prep


def _icc_hash(icc_path: str) -> str:
    try:
        return file_hash(icc_path)
    except OSError as e:
        raise PaibanError(f"{icc_path}: cannot read ICC profile: {e.strerror}") from None


def _convert(path: str, icc_path: str, d: Path, key: str) -> PreparedImage:
    from PIL import Image, ImageCms, UnidentifiedImageError
    try:
        im = Image.open(path)
        im.load()
    except (OSError, UnidentifiedImageError, ValueError) as e:
        raise PaibanError(f"{path}: cannot read image: {e}") from None
    src_mode = im.mode
    fmt = im.format or ""
    had_alpha = False
    used = ""
    embedded = im.info.get("icc_profile")

    if im.mode == "P":
        im = im.convert("RGBA" if "transparency" in im.info else "RGB")
    if im.mode in ("RGBA", "LA", "PA", "La", "RGBa"):
        had_alpha = True
        base_mode = "L" if im.mode in ("LA", "La") else "RGB"
        rgba = im.convert("RGBA") if base_mode == "RGB" else im.convert("LA")
        bg = Image.new(rgba.mode, rgba.size, (255, 255, 255, 255) if base_mode == "RGB" else (255, 255))
        bg.alpha_composite(rgba)
        im = bg.convert(base_mode)
    if im.mode == "1":
        im = im.convert("L")
    elif im.mode.startswith("I"):   # 16-bit / 32-bit grey
        im = im.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    elif im.mode == "F":
        im = im.convert("L")

    if im.mode == "L":
        out_mode = "L"
    elif im.mode == "CMYK":
        out_mode = "CMYK"
    else:
        if im.mode != "RGB":
            im = im.convert("RGB")
        src_prof = None
        if embedded:
            try:
                src_prof = ImageCms.ImageCmsProfile(io.BytesIO(embedded))
                if src_prof.profile.xcolor_space.strip() != "RGB":
                    src_prof = None
            except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
                src_prof = None
        used = "embedded" if src_prof is not None else "sRGB"
        xf = _transform(embedded if src_prof is not None else None, src_prof, icc_path)
        im = ImageCms.applyTransform(im, xf)
        out_mode = "CMYK"

    d.mkdir(parents=True, exist_ok=True)
    dpi = im.info.get("dpi") or (300, 300)
    if fmt == "JPEG":
        name = f"{key}.jpg"
        save_kw = dict(format="JPEG", quality=JPEG_QUALITY, dpi=tuple(int(round(x)) for x in dpi),
                       optimize=False, progressive=False)
    else:
        name = f"{key}.tif"
        save_kw = dict(format="TIFF", compression="tiff_deflate")
    im.info.pop("icc_profile", None)
    out = d / name
    tmp = d / f"{name}.{os.getpid()}.{threading.get_ident()}.tmp"
    im.save(tmp, **save_kw)
    os.replace(tmp, out)
    tac = measure_tac(im)
    meta = dict(mode=out_mode, width=im.width, height=im.height, source_mode=src_mode,
                tac=tac, had_alpha=had_alpha, profile_used=used)
    mtmp = d / f"{key}.json.{os.getpid()}.tmp"
    mtmp.write_text(json.dumps(dict(meta, file=name)), encoding="utf-8")
    os.replace(mtmp, d / f"{key}.json")
    return PreparedImage(source=path, path=str(out), **meta)


def _transform(embedded: bytes | None, src_prof, icc_path: str):
    from PIL import ImageCms
    k = (hashlib.sha1(embedded).hexdigest() if embedded else "sRGB", os.path.abspath(icc_path))
    with _lock:
        xf = _xf_cache.get(k)
        if xf is None:
            src = src_prof if src_prof is not None else ImageCms.createProfile("sRGB")
            try:
                dst = ImageCms.getOpenProfile(icc_path)
            except (ImageCms.PyCMSError, OSError) as e:
                raise PaibanError(f"{icc_path}: cannot open ICC profile: {e}") from None
            xf = ImageCms.buildTransform(
                src, dst, "RGB", "CMYK",
                renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
                flags=ImageCms.Flags.BLACKPOINTCOMPENSATION)
            _xf_cache[k] = xf
    return xf


def measure_tac(im) -> float:
    """Maximum total area coverage (percent) of a CMYK image, on a ~0.5 mm grid (box-averaged thumbnail)."""
    if im.mode != "CMYK":
        if im.mode == "L":
            lo, _hi = im.getextrema()
            return round((255 - lo) / 2.55, 1)
        return 0.0
    from PIL import Image, ImageMath
    small = im
    if max(im.size) > 600:
        small = im.copy()
        small.thumbnail((600, 600), Image.Resampling.BOX)
    c, m, y, k = small.split()
    total = ImageMath.lambda_eval(lambda a: a["c"] + a["m"] + a["y"] + a["k"], c=c, m=m, y=y, k=k)
    _lo, hi = total.getextrema()
    return round(hi / 2.55, 1)


def image_pixels(path: str) -> tuple[int, int] | None:
    """Pixel size of an image file without decoding it, or None when unreadable."""
    from PIL import Image, UnidentifiedImageError
    try:
        with Image.open(path) as im:
            return im.size
    except (OSError, UnidentifiedImageError, ValueError):
        return None


def icc_info(icc_path: str | os.PathLike) -> dict:
    """Header facts of an ICC profile: class, colour space, major version, description."""
    try:
        data = Path(icc_path).read_bytes()
    except OSError as e:
        raise PaibanError(f"{icc_path}: cannot read ICC profile: {e.strerror}") from None
    if len(data) < 128 or data[36:40] != b"acsp":
        raise PaibanError(f"{icc_path}: not an ICC profile")
    desc = ""
    try:
        from PIL import ImageCms
        desc = ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(data))).strip()
    except Exception:  # noqa: BLE001 - the description is cosmetic
        pass
    return dict(cls=data[12:16].decode("latin-1"), space=data[16:20].decode("latin-1").strip(),
                version=data[8], description=desc, size=len(data))
