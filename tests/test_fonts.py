"""Bundled fonts and the font catalogue: files, coverage, roles, fallback, user fonts, PDF embedding."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from layout import fontconv
from layout.errors import PaibanError
from layout.fonts import FONTS_DIR, ConvertedFace, catalog, load_catalog

ROOT = Path(__file__).resolve().parent.parent
FACE_IDS = ["song", "song-bold", "hei", "hei-bold", "kai"]
NOTO_SANS = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
VERTICAL_FORMS = [chr(c) for c in list(range(0xFE10, 0xFE1A)) + list(range(0xFE30, 0xFE50))]
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』—…·～"
# LXGW WenKai 1.250 lacks these; fonts/README.md says so and the fallback faces draw them.
KAI_MISSING_VERTICAL = set("︗︘︴﹉﹊﹋﹌﹍﹎﹏")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A private cache dir (metrics, font info, conversions) for tests that add fonts."""
    d = tmp_path / "cache"
    monkeypatch.setenv("PAIBAN_CACHE", str(d))
    monkeypatch.setenv("PAIBAN_FONTS", "")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    return d


@pytest.fixture(scope="session")
def small_otf(tmp_path_factory) -> Path:
    """A small CFF (OTF) font: Noto Sans CJK SC subset to a few characters, outlines kept as CFF."""
    if not NOTO_SANS.exists():
        pytest.skip("fonts-noto-cjk is not installed")
    from fontTools import subset
    out = tmp_path_factory.mktemp("otf") / "TinySans.otf"
    font = TTFont(str(NOTO_SANS), fontNumber=fontconv.find_face(NOTO_SANS, "Noto Sans CJK SC"))
    opts = subset.Options()
    opts.layout_features = []
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    s = subset.Subsetter(opts)
    s.populate(text="排版测试中文，。ABC abc")
    s.subset(font)
    font.save(str(out))
    return out


# -- bundled files ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("fid", FACE_IDS)
def test_face_is_truetype_and_loads_in_reportlab(fid):
    from reportlab.pdfbase.ttfonts import TTFont as RLTTFont
    face = catalog().face(fid)
    assert Path(face.path).parent == FONTS_DIR
    f = TTFont(face.path, lazy=True)
    assert "glyf" in f and "CFF " not in f and f.sfntVersion == "\x00\x01\x00\x00"
    assert f["OS/2"].fsType & 0x030F == 0          # installable: embedding and subsetting allowed
    rl = RLTTFont(f"t-{fid}", face.path)             # raises for CFF ("postscript outlines are not supported")
    assert rl.face.numGlyphs == f["maxp"].numGlyphs


@pytest.mark.parametrize("fid", FACE_IDS)
def test_face_covers_gbk_and_punctuation(fid):
    face = catalog().face(fid)
    han = sorted(fontconv.gbk_hanzi())
    assert len(han) == 20923
    n, missing = face.coverage(han)
    assert (n, missing) == (20923, [])
    ascii_ = [chr(c) for c in range(0x20, 0x7F)]
    fullwidth = [chr(c) for c in range(0xFF01, 0xFF5F)]
    assert face.coverage(ascii_ + fullwidth + list(CJK_PUNCT))[1] == []
    missing_v = set(face.coverage(VERTICAL_FORMS)[1])
    assert missing_v == (KAI_MISSING_VERTICAL & set(VERTICAL_FORMS) if fid == "kai" else set())


def test_glyph_counts_and_sizes():
    """song is the whole Noto face (fallback); the others are GBK subsets; fonts/ stays under 150 MB."""
    counts = {fid: TTFont(catalog().face(fid).path, lazy=True)["maxp"].numGlyphs for fid in FACE_IDS}
    assert counts["song"] == 65535
    for fid in ("song-bold", "hei", "hei-bold"):
        assert 30000 < counts[fid] < 50000, (fid, counts[fid])
    total = sum(p.stat().st_size for p in FONTS_DIR.iterdir() if p.is_file())
    assert total < 150e6


@pytest.mark.parametrize("fid", ["song-bold", "hei"])
def test_subset_keeps_layout_features(fid):
    f = TTFont(catalog().face(fid).path, lazy=True)
    gsub = {r.FeatureTag for r in f["GSUB"].table.FeatureList.FeatureRecord}
    gpos = {r.FeatureTag for r in f["GPOS"].table.FeatureList.FeatureRecord}
    assert {"vert", "vrt2", "locl"} <= gsub
    assert {"halt", "palt", "vhal", "vpal"} <= gpos
    # vert maps ， to its vertical form glyph, which the subset kept
    cmap = f.getBestCmap()
    subst = {}
    for lookup in f["GSUB"].table.LookupList.Lookup:
        for st in lookup.SubTable:
            st = getattr(st, "ExtSubTable", st)
            if hasattr(st, "mapping"):
                subst.update(st.mapping)
    assert subst.get(cmap[ord("，")]) in f.getGlyphOrder()
    assert "vmtx" in f and "vhea" in f


def test_renamed_as_the_ofl_asks():
    for fid, family in [("song", "Paiban Song TT"), ("hei-bold", "Paiban Hei TT")]:
        name = TTFont(catalog().face(fid).path, lazy=True)["name"]
        assert name.getDebugName(1) == family
        for nid in (1, 3, 4, 6, 16, 17):
            for rec in name.names:
                if rec.nameID == nid:
                    s = rec.toUnicode()
                    assert "Source" not in s and "Noto" not in s and "思源" not in s, (nid, s)
        assert "Noto" in name.getDebugName(10)          # the description says where it came from
    for lic in ("OFL.txt", "LICENSE-LXGW-WenKai.txt", "README.md"):
        assert (FONTS_DIR / lic).stat().st_size > 1000


def test_vertical_metrics_survive_conversion():
    """vmtx top side bearings are recomputed from VORG: the ideographic em box sits at 880/-120."""
    face = catalog().face("song")
    f = TTFont(face.path, lazy=True)
    g = face.gid("中")
    name = f.getGlyphName(g)
    adv, tsb = f["vmtx"][name]
    assert adv == 1000
    assert tsb + f["glyf"][name].yMax == 880
    assert (face.ascent, face.descent) == (0.88, 0.12)


@pytest.mark.parametrize("fid,src,family", [
    ("song", "NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC"),
    ("hei-bold", "NotoSansCJK-Bold.ttc", "Noto Sans CJK SC"),
])
def test_outlines_match_the_cff_source(fid, src, family):
    """Converted outlines keep the source's shape: bounds within 2 units, same advances, same contours."""
    from fontTools.pens.boundsPen import BoundsPen
    src = Path("/usr/share/fonts/opentype/noto") / src
    if not src.exists():
        pytest.skip("fonts-noto-cjk is not installed")
    a = TTFont(str(src), fontNumber=fontconv.find_face(src, family), lazy=True)
    b = TTFont(catalog().face(fid).path, lazy=True)
    ca, cb = a.getBestCmap(), b.getBestCmap()
    ga, gb = a.getGlyphSet(), b.getGlyphSet()
    for ch in "中国報龘鬱永。，“A&g":
        pa, pb = BoundsPen(ga), BoundsPen(gb)
        ga[ca[ord(ch)]].draw(pa)
        gb[cb[ord(ch)]].draw(pb)
        assert all(abs(x - y) <= 2 for x, y in zip(pa.bounds, pb.bounds)), (ch, pa.bounds, pb.bounds)
        assert a["hmtx"][ca[ord(ch)]][0] == b["hmtx"][cb[ord(ch)]][0]


# -- catalogue ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name,fid", [
    ("宋体", "song"), ("书宋", "song"), ("宋", "song"), ("song", "song"), ("serif", "song"), ("Song", "song"),
    ("粗宋", "song-bold"), ("宋体粗", "song-bold"), ("小标宋", "song-bold"),
    ("黑体", "hei"), ("黑", "hei"), ("hei", "hei"), ("sans", "hei"),
    ("黑体粗", "hei-bold"), ("粗黑", "hei-bold"), ("大黑", "hei-bold"),
    ("楷体", "kai"), ("楷", "kai"), ("kai", "kai"),
])
def test_roles_resolve(name, fid):
    assert catalog().has_name(name)
    assert catalog().face(name).id == fid


def test_unknown_font_message():
    with pytest.raises(PaibanError) as e:
        catalog().face("方正书宋")
    msg = e.value.diagnostics[0].message
    assert "\n" not in str(e.value)
    assert msg.startswith("unknown font '方正书宋'; known: ")
    assert "宋体" in msg and "黑体" in msg


def test_metrics():
    song = catalog().face("宋体")
    assert song.advance("中") == 1.0
    assert song.advance("，") == 1.0
    assert 0.2 < song.advance("a") < 0.7
    assert song.advance("\U000F0000") is None and not song.has("\U000F0000")
    assert song.gid("中") > 0 and song.gid("\U000F0000") == 0


def test_fallback_finds_rare_character():
    cat = catalog()
    hei = cat.face("黑体")
    for rare in ("\U0002000B", "\u3400", "\u4DAE"):   # Ext-B 𠀋, Ext-A 㐀 䶮: not in GBK, in the whole 宋 face
        assert not hei.has(rare)
        assert cat.face_for(rare, hei).id == "song"
    assert cat.face_for("中", hei) is hei
    assert cat.face_for("\U000F0000", hei) is None
    assert [f.id for f in cat.fallback] == ["song", "hei", "kai"]
    # ≒ (GBK) is in neither Noto face: the 楷 face at the end of the chain draws it
    assert not cat.face("宋体").has("\u2252") and cat.face_for("\u2252", hei).id == "kai"


def test_warm_metrics_load_comes_from_the_disk_cache(tmp_path):
    """A fresh process gets 宋体's metrics from the disk cache: the font file is not parsed again (fontTools'
    table reader is never imported). Its speed is measured in bench/ (font loading row)."""
    env = dict(os.environ, PAIBAN_CACHE=str(tmp_path / "c"), PAIBAN_FONTS="", XDG_DATA_HOME=str(tmp_path))
    code = ("import sys; from layout.fonts import catalog; "
            "a=catalog().face('宋体').advance('中'); print(a, 'fontTools.ttLib.ttFont' in sys.modules)")
    run = lambda: subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,  # noqa: E731
                                 capture_output=True, text=True, check=True).stdout.split()
    assert run() == ["1.0", "True"]           # cold: parsed with fontTools, cache written
    assert list((tmp_path / "c").rglob("*"))
    assert run() == ["1.0", "False"]          # warm: from the cache


# -- user fonts -------------------------------------------------------------------------------------------

def test_user_cff_font_is_converted_once_and_usable(cache, small_otf, tmp_path):
    from reportlab.pdfbase.ttfonts import TTFont as RLTTFont
    cat = load_catalog()
    face = cat.add_user_font(small_otf, roles=["测试黑", "宋体"])
    assert isinstance(face, ConvertedFace)
    assert cat.face("测试黑") is face and cat.face("宋体") is face     # explicit roles replace bundled ones
    assert cat.face("Noto Sans CJK SC") is face                       # its own family name works too
    path = Path(face.path)
    assert path.parent == cache / "converted" and path.suffix == ".ttf"
    f = TTFont(str(path), lazy=True)
    assert "glyf" in f and "CFF " not in f
    RLTTFont("tiny", str(path))
    assert face.advance("中") == 1.0 and face.has("排") and not face.has("龙")
    src = TTFont(str(small_otf), lazy=True)
    assert face.gid("排") == src.getGlyphID(src.getBestCmap()[ord("排")])
    # a second catalogue finds the cached conversion instead of converting again
    mtime = path.stat().st_mtime_ns
    copy = tmp_path / "again" / "TinySans.otf"
    copy.parent.mkdir()
    shutil.copy(small_otf, copy)
    face2 = load_catalog().add_user_font(copy, roles=["x"])
    assert face2.path == str(path) and path.stat().st_mtime_ns == mtime   # not converted again


def test_user_font_directory_is_scanned(cache, small_otf, tmp_path, monkeypatch):
    d = tmp_path / "myfonts"
    d.mkdir()
    shutil.copy(small_otf, d / "TinySans.otf")
    (d / "broken.ttf").write_bytes(b"this is not a font")
    monkeypatch.setenv("PAIBAN_FONTS", str(d))
    cat = load_catalog()
    cat.scan_user_fonts()
    face = cat.face("TinySans")
    assert cat.face("Noto Sans CJK SC") is face
    assert cat.face("宋体").id == "song"              # scanned names never replace bundled ones
    assert isinstance(face, ConvertedFace) and not face.converted   # converted on first use only
    assert face.advance("版") == 1.0
    assert [Path(s.file).name for s in cat.skipped] == ["broken.ttf"]
    assert "not a font file" in cat.skipped[0].message
    with pytest.raises(PaibanError, match="broken.ttf was skipped: cannot use font: not a font file"):
        cat.face("broken")
    # explicit roles from a fonts.yaml in the directory replace bundled names
    (d / "fonts.yaml").write_text("faces:\n  tiny:\n    file: TinySans.otf\n    roles: [黑体]\n"
                                  "fallback: [tiny]\n", encoding="utf-8")
    cat = load_catalog()
    cat.scan_user_fonts()
    assert cat.face("黑体").id == "tiny" and cat.fallback[0].id == "tiny"


def test_paiban_fonts_command_installs_and_reports(cache, small_otf, tmp_path, monkeypatch, capsys):
    import argparse
    from layout import fonts
    user_dir = tmp_path / "user-fonts"
    monkeypatch.setattr(fonts, "USER_FONT_DIR", user_dir)
    parser = argparse.ArgumentParser()
    fonts.configure(parser)
    args = parser.parse_args(["--add", str(small_otf), "--role", "小标宋"])
    assert args.func(args) == 0
    out = capsys.readouterr().out
    assert out.startswith("installed ") and "小标宋" in out
    assert (user_dir / small_otf.name).is_file() and "小标宋" in (user_dir / "fonts.yaml").read_text("utf-8")
    cat = load_catalog()
    cat.scan_user_fonts()
    face = cat.face("小标宋")
    assert isinstance(face, ConvertedFace) and face.converted
    args = parser.parse_args(["--coverage", "排版䶮", "--font", "小标宋"])
    monkeypatch.setattr(fonts, "catalog", lambda: cat)
    assert args.func(args) == 0
    out = capsys.readouterr().out
    assert "2/3 distinct characters" in out and "䶮 U+4DAE: from song" in out
    with pytest.raises(PaibanError, match="not a font file"):
        bad = tmp_path / "bad.otf"
        bad.write_bytes(b"\x00" * 100)
        fonts.install_user_font(bad, roles=["x"], directory=user_dir)
    assert not (user_dir / "bad.otf").exists()


def _bad_variant(small_otf: Path, tmp_path: Path, kind: str) -> Path:
    from fontTools.ttLib.tables.DefaultTable import DefaultTable
    f = TTFont(str(small_otf))
    if kind == "restricted":
        f["OS/2"].fsType = 0x0002
    elif kind == "bitmap":
        del f["CFF "]
        t = DefaultTable("EBDT")
        t.data = b"\x00\x02\x00\x00"
        f["EBDT"] = t
    elif kind == "cff2":                 # the table variable OTFs carry instead of CFF
        f.recalcBBoxes = False
        del f["CFF "]
        t = DefaultTable("CFF2")
        t.data = b"\x02\x00\x05\x00\x00"
        f["CFF2"] = t
    out = tmp_path / f"{kind}.otf"
    f.save(str(out))
    return out


@pytest.mark.parametrize("kind,message", [
    ("notafont", "cannot use font: not a font file"),
    ("restricted", "cannot use font: its licence forbids embedding (OS/2 fsType 0x0002"),
    ("bitmap", "cannot use font: bitmap-only font"),
    ("cff2", "cannot use font: variable CFF2"),
])
def test_unusable_font_gives_one_line_message(cache, small_otf, tmp_path, kind, message):
    if kind == "notafont":
        bad = tmp_path / "notes.ttf"
        bad.write_text("宋体 is a font name, not a font\n", encoding="utf-8")
    else:
        bad = _bad_variant(small_otf, tmp_path, kind)
    with pytest.raises(PaibanError) as e:
        load_catalog().add_user_font(bad, roles=["x"])
    msg = str(e.value)
    assert "\n" not in msg and "Traceback" not in msg
    assert msg.startswith(f"{bad}: {message}"), msg


# -- PDF -------------------------------------------------------------------------------------------------------

@pytest.mark.skipif(not shutil.which("pdffonts"), reason="poppler-utils not installed")
def test_pdf_with_bundled_song_embeds_and_extracts(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont as RLTTFont
    from reportlab.pdfgen import canvas
    face = catalog().face("宋体")
    pdfmetrics.registerFont(RLTTFont("PaibanSong", face.path, subfontIndex=face.index))
    text = "港湾新区举行春季植树活动，居民踊跃参加。"
    out = tmp_path / "song.pdf"
    c = canvas.Canvas(str(out), pagesize=(400, 200), initialFontName="PaibanSong")
    c.setFont("PaibanSong", 12)
    c.drawString(20, 150, text)
    c.drawString(20, 120, "ABC 123，“引号”《书名》")
    c.save()
    rows = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    rows = rows.splitlines()[2:]
    assert rows and all("PaibanSongTT-Regular" in r for r in rows)
    for r in rows:
        emb, sub, uni = r.split()[-5:-2]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), r
    txt = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert text in txt and "“引号”《书名》" in txt
