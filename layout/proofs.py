"""PNG proofs of exported pages with poppler's ``pdftoppm``: one ``<stem>-<page>.png`` per page, trim area only.

Proofs show the page as it will be cut (the TrimBox), at the requested resolution; they are written to a
temporary name and renamed, like the PDFs.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from .errors import PaibanError


def png_proofs(pdf_path: str, out_dir: str, stem: str, dpi: int, page_numbers: list[int] | None = None,
               box: str = "trim") -> list[str]:
    """Render every page of ``pdf_path``; page *i* of the file is named after ``page_numbers[i]``.

    ``box``: ``trim`` (default: as cut), ``bleed`` or ``media`` (with marks).
    """
    if not shutil.which("pdftoppm"):
        raise PaibanError("PNG proofs need pdftoppm (Debian package poppler-utils)")
    import pikepdf
    os.makedirs(out_dir, exist_ok=True)
    with pikepdf.open(pdf_path) as pdf:
        boxes = []
        for page in pdf.pages:
            media = [float(v) for v in page.obj.MediaBox]
            want = {"trim": "/TrimBox", "bleed": "/BleedBox"}.get(box)
            b = [float(v) for v in page.obj[want]] if want and want in page.obj else media
            boxes.append((media, b))
    outs = []
    scale = dpi / 72.0
    for i, (media, b) in enumerate(boxes):
        n = page_numbers[i] if page_numbers and i < len(page_numbers) else i + 1
        x = round((b[0] - media[0]) * scale)
        y = round((media[3] - b[3]) * scale)
        w = round((b[2] - b[0]) * scale)
        h = round((b[3] - b[1]) * scale)
        target = os.path.join(out_dir, f"{stem}-{n}.png")
        with tempfile.TemporaryDirectory(dir=out_dir, prefix=".proof-") as tmp:
            base = os.path.join(tmp, "p")
            cmd = ["pdftoppm", "-png", "-r", str(dpi), "-f", str(i + 1), "-l", str(i + 1), "-singlefile",
                   "-x", str(x), "-y", str(y), "-W", str(w), "-H", str(h), pdf_path, base]
            r = subprocess.run(cmd, capture_output=True, text=True)
            if r.returncode != 0 or not os.path.exists(base + ".png"):
                raise PaibanError(f"{pdf_path}: pdftoppm failed on page {i + 1}: {r.stderr.strip()}")
            os.replace(base + ".png", target)
        outs.append(target)
    return outs
