"""Image separation (ICC), colour mapping, print profiles and the bundled CMYK profiles."""
from __future__ import annotations

import io
import os

import pytest
from PIL import Image, ImageCms

from layout import color
from layout.errors import PaibanError
from layout.profiles import MM, available, load_profile
from layout.tree import Spot

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PAIBAN_CACHE", str(tmp_path / "cache"))
    color._mem_cache.clear()


def newsprint():
    return load_profile("newsprint")


def test_bundled_profiles_load_and_point_at_v2_cmyk_output_profiles():
    assert available() == ["coated", "newsprint", "office"]
    for name in available():
        p = load_profile(name)
        info = color.icc_info(p.icc)
        assert (info["cls"], info["space"], info["version"]) == ("prtr", "CMYK", 2)
        assert p.min_ppi > 0 and p.tac > 200
    n = newsprint()
    assert (n.tac, n.min_ppi, round(n.bleed / MM, 3), n.overprint_black, n.pdfx) == (260, 170, 3.0, True, "x1a")
    o = load_profile("office")
    assert o.pdfx == "none" and not o.marks and o.bleed == 0
    assert os.path.exists(os.path.join(ROOT, "assets", "icc", "README.md"))
    assert os.access(os.path.join(ROOT, "tools", "build_icc.sh"), os.X_OK)


def test_shop_profile_by_path_with_relative_icc(tmp_path):
    icc = load_profile("coated").icc
    (tmp_path / "icc").mkdir()
    (tmp_path / "icc" / "shop.icc").write_bytes(open(icc, "rb").read())
    y = tmp_path / "shop.yaml"
    y.write_text("name: 印厂A\nicc: icc/shop.icc\ntac: 280\nmin_ppi: 200\nbleed: 5mm\n", encoding="utf-8")
    p = load_profile(str(y))
    assert p.icc == str(tmp_path / "icc" / "shop.icc") and p.tac == 280 and abs(p.bleed - 5 * MM) < 1e-9


def test_bad_profiles_name_file_line_and_field(tmp_path):
    with pytest.raises(PaibanError) as e:
        load_profile("nosuch")
    assert "newsprint" in str(e.value)
    y = tmp_path / "bad.yaml"
    y.write_text("icc: /usr/share/color/icc/sRGB.icc\ntac: lots\nbleed: 3 furlongs\ncolour: red\n", encoding="utf-8")
    with pytest.raises(PaibanError) as e:
        load_profile(str(y))
    d = {x.field: x for x in e.value.diagnostics}
    assert set(d) == {"icc", "tac", "bleed", "colour"}
    assert "CMYK" in d["icc"].message and d["tac"].line == 2 and d["bleed"].line == 3
    assert all(x.file == str(y) for x in e.value.diagnostics)


def test_pdfx_rejects_an_icc_v4_profile(tmp_path):
    from layout.pdfx import finalize
    from layout.profiles import PrintProfile
    data = bytearray(open(load_profile("coated").icc, "rb").read())
    data[8] = 4
    v4 = tmp_path / "v4.icc"
    v4.write_bytes(bytes(data))
    with pytest.raises(PaibanError, match="version 2"):
        finalize(tmp_path / "x.pdf", tmp_path / "y.pdf", profile=PrintProfile(name="v4", icc=str(v4)))


def test_colour_mapping():
    from reportlab.lib.colors import CMYKColor, CMYKColorSep
    k = color.rl_colour((0, 0, 0, 1))
    assert type(k) is CMYKColor and (k.cyan, k.magenta, k.yellow, k.black) == (0, 0, 0, 1)
    s = color.rl_colour(Spot("PANTONE 186 C", (0, 1, 0.8, 0.05), 0.5))
    assert isinstance(s, CMYKColorSep) and s.spotName == "PANTONE 186 C" and s.density == 0.5
    assert color.is_k_only((0, 0, 0, 1)) and not color.is_k_only((0.1, 0, 0, 1))
    with pytest.raises(PaibanError):
        color.rl_colour((1, 0, 0))


def test_rgb_photo_becomes_cmyk_within_the_ink_limit(tmp_path):
    p = tmp_path / "dark.jpg"
    Image.new("RGB", (200, 100), (0, 0, 0)).save(p, quality=95)
    prep = color.prepare_image(p, newsprint().icc)
    assert prep.mode == "CMYK" and prep.profile_used == "sRGB" and prep.path.endswith(".jpg")
    assert 200 < prep.tac <= 262                   # rich black limited by the profile's 260 %
    out = Image.open(prep.path)
    assert out.mode == "CMYK" and out.size == (200, 100)


def test_embedded_profile_is_used(tmp_path):
    p = tmp_path / "tagged.jpg"
    prof = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    Image.new("RGB", (50, 50), (255, 0, 0)).save(p, icc_profile=prof.tobytes())
    assert color.prepare_image(p, newsprint().icc).profile_used == "embedded"


def test_png_alpha_is_flattened_on_white_and_grey_stays_grey(tmp_path):
    p = tmp_path / "a.png"
    im = Image.new("RGBA", (40, 40), (0, 0, 0, 0))
    im.paste((255, 0, 0, 255), (10, 10, 30, 30))
    im.save(p)
    prep = color.prepare_image(p, newsprint().icc)
    assert prep.had_alpha and prep.mode == "CMYK" and prep.path.endswith(".tif")
    out = Image.open(prep.path)
    assert out.getpixel((0, 0)) == (0, 0, 0, 0)            # transparent → paper white, no ink
    c, m, y, k = out.getpixel((20, 20))
    assert m > 200 and y > 150 and c < 40                    # red → M+Y
    g = tmp_path / "g.png"
    Image.linear_gradient("L").save(g)
    gp = color.prepare_image(g, newsprint().icc)
    assert gp.mode == "L" and Image.open(gp.path).mode == "L"
    la = tmp_path / "la.png"
    Image.new("LA", (10, 10), (0, 0)).save(la)
    lp = color.prepare_image(la, newsprint().icc)
    assert lp.mode == "L" and Image.open(lp.path).getpixel((0, 0)) == 255


def test_conversion_is_cached_on_disk_by_content_and_profile(tmp_path):
    p = tmp_path / "big.jpg"
    Image.effect_noise((1500, 1000), 60).convert("RGB").save(p, quality=90)
    a = color.prepare_image(p, newsprint().icc)
    color._mem_cache.clear()                                   # a new process: only the disk cache is left
    mtime = os.stat(a.path).st_mtime_ns
    b = color.prepare_image(p, newsprint().icc)
    assert b.path == a.path and os.stat(b.path).st_mtime_ns == mtime     # read back, not converted again
    c = color.prepare_image(p, load_profile("coated").icc)
    assert c.path != a.path                                    # another profile, another separation
    q = tmp_path / "copy.jpg"
    q.write_bytes(p.read_bytes())
    assert color.prepare_image(q, newsprint().icc).path == a.path   # same content, same cache entry


def test_unreadable_image_is_bad_input(tmp_path):
    p = tmp_path / "x.jpg"
    p.write_bytes(b"not an image")
    with pytest.raises(PaibanError):
        color.prepare_image(p, newsprint().icc)


def test_cmyk_tac_measure():
    im = Image.new("CMYK", (10, 10), (255, 255, 255, 255))
    assert color.measure_tac(im) == 400.0
    im = Image.new("CMYK", (10, 10), (0, 0, 0, 255))
    assert color.measure_tac(im) == 100.0
    buf = io.BytesIO()
    im.save(buf, "JPEG")
