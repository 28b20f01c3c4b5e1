#!/usr/bin/env python3
"""Build the bundled fonts in ``fonts/`` from Debian's font packages.

    .venv/bin/python tools/build_fonts.py                 # build every missing face, one at a time
    .venv/bin/python tools/build_fonts.py --only hei,kai  # just these
    .venv/bin/python tools/build_fonts.py --check         # only report coverage/sizes of existing files

Sources (Debian 12): fonts-noto-cjk / fonts-noto-cjk-extra 1:20220127+repack1-1 (Noto Serif/Sans CJK SC,
CFF in .ttc collections) and fonts-lxgw-wenkai 1.250+repack-1 (TrueType). Noto faces are converted to
TrueType outlines with :mod:`layout.fontconv` (the same code converts users' OTF fonts) and renamed
"Paiban Song TT" / "Paiban Hei TT" as the SIL OFL asks of modified versions (upstream reserves the name
"Source"; "Noto" is a Google trademark). 宋 regular is converted whole (the fallback face); the other Noto
faces are subset to GBK + :data:`layout.fontconv.EXTRA_RANGES` with every layout feature kept. LXGW WenKai
is copied unmodified (it is TrueType already, and its reserved names "LXGW"/"霞鹜" would force a rename
of any subset). Existing files are never overwritten without ``--force``: the fonts are committed once.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from layout import fontconv  # noqa: E402

NOTO = Path("/usr/share/fonts/opentype/noto")
LXGW = Path("/usr/share/fonts/truetype/lxgw-wenkai")

DESC = ("{family} {style} is a modified version of {source} {style} (version {version}) from Debian package "
        "{package}: {what}. Built by the Paiban project with tools/build_fonts.py. "
        "Licensed under the SIL Open Font License 1.1.")

FACES = {
    "song": dict(src=NOTO / "NotoSerifCJK-Regular.ttc", source="Noto Serif CJK SC", package="fonts-noto-cjk",
                 family="Paiban Song TT", style="Regular", file="PaibanSongTT-Regular.ttf", subset=False),
    "song-bold": dict(src=NOTO / "NotoSerifCJK-Bold.ttc", source="Noto Serif CJK SC", package="fonts-noto-cjk",
                      family="Paiban Song TT", style="Bold", file="PaibanSongTT-Bold.ttf", subset=True),
    "hei": dict(src=NOTO / "NotoSansCJK-Regular.ttc", source="Noto Sans CJK SC", package="fonts-noto-cjk",
                family="Paiban Hei TT", style="Regular", file="PaibanHeiTT-Regular.ttf", subset=True),
    "hei-bold": dict(src=NOTO / "NotoSansCJK-Bold.ttc", source="Noto Sans CJK SC", package="fonts-noto-cjk",
                     family="Paiban Hei TT", style="Bold", file="PaibanHeiTT-Bold.ttf", subset=True),
    "kai": dict(src=LXGW / "LXGWWenKai-Regular.ttf", source="LXGW WenKai", package="fonts-lxgw-wenkai",
                file="LXGWWenKai-Regular.ttf", copy=True),
}


def deb_version(package: str) -> str:
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def build_face(fid: str, spec: dict, out_dir: Path, log) -> dict:
    dst = out_dir / spec["file"]
    out_dir.mkdir(parents=True, exist_ok=True)
    pkg = f"{spec['package']} {deb_version(spec['package'])}"
    if spec.get("copy"):
        t0 = time.perf_counter()
        shutil.copyfile(spec["src"], dst)
        return {"id": fid, "source": str(spec["src"]), "package": pkg, "t_total": time.perf_counter() - t0}
    index = fontconv.find_face(spec["src"], spec["source"])
    src_font = fontconv.open_font(spec["src"], index, lazy=True)
    version = (src_font["name"].getDebugName(5) or "").split(";")[0].replace("Version ", "")
    src_font.close()
    what = "CFF outlines converted to TrueType (cu2qu, max error 1 unit)"
    if spec["subset"]:
        what += ", subset to the GBK character set plus ASCII, Latin-1, punctuation, CJK symbols, vertical, " \
                "small and full-width forms and the whole CJK Unified Ideographs block, all layout features kept"
    ps = spec["family"].replace(" ", "") + "-" + spec["style"].replace(" ", "")
    names = dict(family=spec["family"], style=spec["style"], ps_name=ps, version_note="Paiban TT build",
                 description=DESC.format(family=spec["family"], style=spec["style"], source=spec["source"],
                                         version=version, package=pkg, what=what))
    cps = fontconv.subset_codepoints() if spec["subset"] else None
    stats = fontconv.convert_file(spec["src"], dst, index, codepoints=cps, names=names, log=log)
    stats.update(id=fid, package=pkg, source_face=f"{spec['source']} (face {index})")
    return stats


def check_face(path: Path) -> dict:
    """Glyph count, GBK coverage and ReportLab loadability of a built file."""
    from fontTools.ttLib import TTFont
    from reportlab.pdfbase.ttfonts import TTFont as RLTTFont
    f = TTFont(str(path), lazy=True)
    cmap = f.getBestCmap()
    han = fontconv.gbk_hanzi()
    allg = fontconv.gbk_chars()
    vert = [c for c in list(range(0xFE10, 0xFE1A)) + list(range(0xFE30, 0xFE50)) if c not in cmap]
    info = {
        "file": path.name, "size": path.stat().st_size, "glyphs": f["maxp"].numGlyphs,
        "outlines": "glyf" if "glyf" in f else "CFF",
        "cmap": len(cmap),
        "gbk_hanzi": sum(ord(c) in cmap for c in han), "gbk_hanzi_total": len(han),
        "gbk_all": sum(ord(c) in cmap for c in allg), "gbk_all_total": len(allg),
        "gbk_missing": "".join(sorted(c for c in allg if ord(c) not in cmap)),
        "vertical_forms_missing": "".join(chr(c) for c in vert),
        "ascii": all(c in cmap for c in range(0x20, 0x7F)),
        "fsType": f["OS/2"].fsType, "family": f["name"].getDebugName(1), "ps_name": f["name"].getDebugName(6),
    }
    if "GSUB" in f:
        info["gsub"] = sorted({r.FeatureTag for r in f["GSUB"].table.FeatureList.FeatureRecord})
    if "GPOS" in f:
        info["gpos"] = sorted({r.FeatureTag for r in f["GPOS"].table.FeatureList.FeatureRecord})
    f.close()
    t0 = time.perf_counter()
    RLTTFont("check", str(path))
    info["reportlab_load_s"] = round(time.perf_counter() - t0, 3)
    return info


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", help="comma-separated face ids (" + ", ".join(FACES) + ")")
    ap.add_argument("--out", type=Path, default=ROOT / "fonts")
    ap.add_argument("--force", action="store_true", help="overwrite existing font files")
    ap.add_argument("--check", action="store_true", help="do not build, only check the existing files")
    ap.add_argument("--stats", type=Path, default=ROOT / "build" / "font-stats.json")
    args = ap.parse_args(argv)
    ids = args.only.split(",") if args.only else list(FACES)
    unknown = [i for i in ids if i not in FACES]
    if unknown:
        ap.error(f"unknown face id(s): {', '.join(unknown)}")
    log = lambda s: print(s, flush=True)  # noqa: E731
    try:
        results = json.loads(args.stats.read_text()) if args.stats.exists() else {}
    except ValueError:
        results = {}
    for fid in ids:
        spec = FACES[fid]
        dst = args.out / spec["file"]
        if not args.check:
            if dst.exists() and not args.force:
                log(f"{fid}: {dst.name} exists, not rebuilding (use --force)")
            else:
                log(f"{fid}: building {dst.name} from {spec['src']} …")
                results.setdefault(fid, {})["build"] = build_face(fid, spec, args.out, log)
        if dst.exists():
            info = check_face(dst)
            results.setdefault(fid, {})["check"] = info
            log(f"{fid}: {info['glyphs']} glyphs, {info['size'] / 1e6:.2f} MB, GBK hanzi "
                f"{info['gbk_hanzi']}/{info['gbk_hanzi_total']}, GBK all {info['gbk_all']}/{info['gbk_all_total']}, "
                f"missing vertical forms: {info['vertical_forms_missing'] or 'none'}, "
                f"ReportLab load {info['reportlab_load_s']} s")
    total = sum(p.stat().st_size for p in args.out.iterdir() if p.is_file())
    log(f"fonts/ total: {total / 1e6:.1f} MB")
    args.stats.parent.mkdir(parents=True, exist_ok=True)
    args.stats.write_text(json.dumps(results, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
