"""Final pass over ReportLab's PDF with pikepdf: dates, PDF/X-1a:2003 label, unique subset tags, deterministic save.

ReportLab writes the content (CMYK, Separation, embedded TrueType subsets, boxes) but no OutputIntent, no
GTS_PDFX keys and no XMP. :func:`finalize` adds them (print-ready.md §5.2), with the gotchas handled:

* ``/Trapped /False`` as a real name (``Name.False_`` would give ``/False_``);
* the XMP packet is written here, not synced by pikepdf (whose sync mangles dates and adds "now");
* one OutputIntent ``/GTS_PDFX`` whose DestOutputProfile is the print profile's CMYK ICC v2 profile
  (``OutputConditionIdentifier`` ``Custom`` when the condition is not a registered one);
* every font's 6-letter subset tag is derived from its font program, so subsets from different files or faces
  never share a name (ReportLab starts at ``AAAAAA+`` every time; an imposing RIP might merge them);
* PDF 1.4, no object streams, deterministic ``/ID`` from the content: the same input gives the same bytes.

``pdfx='none'`` does everything except the PDF/X label and OutputIntent (for office printing).
"""
from __future__ import annotations

import hashlib
import re
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

from .errors import PaibanError

PRODUCER = "Paiban (ReportLab, pikepdf)"
CST = timezone(timedelta(hours=8))
_TAG = re.compile(r"^[A-Z]{6}\+")


def pdf_date(when: datetime) -> str:
    """``D:YYYYMMDDHHmmSS+HH'mm'`` (with the closing apostrophe)."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    off = when.utcoffset() or timedelta(0)
    mins = int(off.total_seconds() // 60)
    sign = "+" if mins >= 0 else "-"
    mins = abs(mins)
    if mins == 0:
        return when.strftime("D:%Y%m%d%H%M%SZ")
    return when.strftime("D:%Y%m%d%H%M%S") + f"{sign}{mins // 60:02d}'{mins % 60:02d}'"


def xmp_date(when: datetime) -> str:
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.isoformat(timespec="seconds")


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xmp(title: str, when: datetime, pdfx: bool, doc_id: str) -> bytes:
    d = xmp_date(when)
    x = ""
    if pdfx:
        x = ("   <pdfx:GTS_PDFXVersion>PDF/X-1:2003</pdfx:GTS_PDFXVersion>\n"
             "   <pdfx:GTS_PDFXConformance>PDF/X-1a:2003</pdfx:GTS_PDFXConformance>\n"
             "   <pdfxid:GTS_PDFXVersion>PDF/X-1:2003</pdfxid:GTS_PDFXVersion>\n")
    body = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{_esc(title)}</rdf:li></rdf:Alt></dc:title>
   <xmp:CreateDate>{d}</xmp:CreateDate>
   <xmp:ModifyDate>{d}</xmp:ModifyDate>
   <xmp:MetadataDate>{d}</xmp:MetadataDate>
   <xmp:CreatorTool>Paiban</xmp:CreatorTool>
   <pdf:Producer>{PRODUCER}</pdf:Producer>
   <pdf:Trapped>False</pdf:Trapped>
   <xmpMM:DocumentID>uuid:{doc_id}</xmpMM:DocumentID>
   <xmpMM:InstanceID>uuid:{doc_id}</xmpMM:InstanceID>
{x}  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return body.encode("utf-8")


def _tag_for(data: bytes, salt: str) -> str:
    h = hashlib.sha1(salt.encode() + data).digest()
    return "".join(chr(ord("A") + b % 26) for b in h[:6])


def _retag_fonts(pdf) -> int:
    """Give every subset font a tag derived from its font program. Returns the number retagged."""
    from pikepdf import Name
    done = {}
    n = 0
    for page in pdf.pages:
        res = page.obj.get(Name.Resources)
        if res is None or Name.Font not in res:
            continue
        for _k, font in res.Font.items():
            key = font.objgen
            if key in done:
                continue
            base = str(font.get(Name.BaseFont, ""))[1:]
            fd = font.get(Name.FontDescriptor)
            if not _TAG.match(base) or fd is None:
                done[key] = None
                continue
            prog = fd.get(Name.FontFile2) or fd.get(Name.FontFile) or fd.get(Name.FontFile3)
            if prog is None:
                done[key] = None
                continue
            tag = _tag_for(prog.read_raw_bytes(), base[7:])
            new = tag + "+" + base[7:]
            font.BaseFont = Name("/" + new)
            fd.FontName = Name("/" + new)
            done[key] = new
            n += 1
    return n


def finalize(src: str | Path, dst: str | Path, *, pdfx: str = "x1a", profile=None, title: str = "",
             when: datetime | None = None) -> None:
    """Write ``dst`` from ReportLab's ``src``: dates, Info, XMP, optional PDF/X-1a:2003 label; deterministic."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name, String

    if pdfx not in ("x1a", "none"):
        raise PaibanError(f"--pdfx must be x1a or none, not {pdfx!r}")
    when = when or datetime(2000, 1, 1, tzinfo=timezone.utc)
    icc = b""
    if pdfx == "x1a":
        if profile is None:
            raise PaibanError("PDF/X-1a needs a print profile with a CMYK output ICC profile")
        try:
            icc = Path(profile.icc).read_bytes()
        except OSError as e:
            raise PaibanError(f"{profile.icc}: cannot read ICC profile: {e.strerror}") from None
        if len(icc) < 128 or icc[16:20] != b"CMYK":
            raise PaibanError(f"{profile.icc}: PDF/X-1a needs a CMYK output profile")
        if icc[8] != 2:
            raise PaibanError(f"{profile.icc}: PDF/X-1a needs an ICC version 2 profile (this one is v{icc[8]}); "
                              "export with --pdfx none or use a v2 profile")

    with pikepdf.open(str(src)) as pdf:
        _retag_fonts(pdf)
        content_hash = hashlib.sha256()
        for page in pdf.pages:
            for cs in (page.obj.Contents if isinstance(page.obj.Contents, pikepdf.Array)
                       else [page.obj.Contents]):
                content_hash.update(cs.read_raw_bytes())
        content_hash.update(title.encode())
        doc_id = str(uuid.UUID(bytes=content_hash.digest()[:16]))

        info = pdf.docinfo
        for k in list(info.keys()):
            del info[k]
        d = pdf_date(when)
        if title:
            info[Name.Title] = String(title)
        info[Name.Creator] = String("Paiban")
        info[Name.Producer] = String(PRODUCER)
        info[Name.CreationDate] = String(d)
        info[Name.ModDate] = String(d)
        info[Name.Trapped] = Name("/False")

        if pdfx == "x1a":
            stream = pdf.make_stream(icc)
            stream.N = 4
            cond_id = profile.output_condition_identifier or "Custom"
            cond = profile.output_condition or profile.title_en or profile.name
            intent = Dictionary(Type=Name.OutputIntent, S=Name.GTS_PDFX,
                                OutputConditionIdentifier=String(cond_id),
                                OutputCondition=String(cond), Info=String(cond),
                                DestOutputProfile=stream)
            if profile.registry:
                intent.RegistryName = String(profile.registry)
            pdf.Root.OutputIntents = Array([pdf.make_indirect(intent)])
            info[Name.GTS_PDFXVersion] = String("PDF/X-1:2003")
            info[Name.GTS_PDFXConformance] = String("PDF/X-1a:2003")
            for page in pdf.pages:
                if Name.TrimBox not in page.obj and Name.ArtBox not in page.obj:
                    page.obj.TrimBox = page.obj.MediaBox
        elif Name.OutputIntents in pdf.Root:
            del pdf.Root.OutputIntents

        meta = pdf.make_stream(_xmp(title, when, pdfx == "x1a", doc_id))
        meta.Type = Name.Metadata
        meta.Subtype = Name.XML
        pdf.Root.Metadata = meta
        pdf.save(str(dst), deterministic_id=True, force_version="1.4", fix_metadata_version=False,
                 object_stream_mode=pikepdf.ObjectStreamMode.disable, compress_streams=True,
                 linearize=False)
