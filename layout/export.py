"""Export: issue → print-ready PDF (and PNG proofs), the one pipeline the CLI and the window share.

``export_document(doc_or_path, out_pdf, options, progress=cb) -> ExportResult``:

1. load (YAML path) and compose (:func:`layout.compose.compose_document`), or take a ``LaidDocument``;
2. paint with ReportLab (:mod:`layout.render_pdf`) into a temporary file next to the target;
3. finalize with pikepdf (:mod:`layout.pdfx`): dates, PDF/X-1a:2003 label and OutputIntent (or ``--pdfx none``);
4. preflight (:mod:`layout.preflight`) the tree and the finished PDF; errors refuse the export unless ``force``;
5. rename into place atomically (never a half-written PDF), then optional PNG proofs (:mod:`layout.proofs`).

Dates are deterministic: ``SOURCE_DATE_EPOCH`` when set, else the issue date (00:00 China time); the same input
gives a byte-identical PDF.

CLI: ``paiban export a.yaml b.yaml … -o DIR`` (or ``-o x.pdf`` for one input), ``--png DPI``, ``--pages 1,3-4``,
``--split`` (``20260316-01.pdf`` …), ``--jobs N``, ``--pdfx x1a|none``, ``--profile P``, ``--force``. Exit codes:
0 all written, 1 preflight errors refused a file, 2 bad input.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from .errors import Diagnostic, PaibanError
from .pdfx import CST
from .tree import LaidDocument


@dataclass
class ExportOptions:
    pdfx: str | None = None          # x1a | none; None = the print profile's default
    profile: str | None = None       # print profile name or YAML path; overrides the document's
    force: bool = False              # write even with preflight errors
    pages: list | None = None        # 1-based page numbers (版次) to export; None = all
    marks: bool | None = None        # crop/registration marks + slug; None = the profile's default
    png_dpi: int | None = None       # PNG proofs at this resolution
    png_dir: str | None = None       # where proofs go (default: next to the PDF)
    split: bool = False              # one PDF per page, named <issue date>-<page>.pdf
    check: bool = True               # run preflight (export always does; tests may switch it off)


@dataclass
class ExportResult:
    source: str = ""
    outputs: list = field(default_factory=list)   # PDFs written
    pngs: list = field(default_factory=list)
    findings: list = field(default_factory=list)  # preflight.Finding
    pages: int = 0
    seconds: float = 0.0
    preflight_seconds: float = 0.0
    bytes: int = 0
    written: bool = False
    refused: bool = False            # preflight errors and not forced: nothing written
    error: str = ""                  # bad input (the PaibanError text)
    diagnostics: list = field(default_factory=list)

    @property
    def errors(self) -> list:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def exit_code(self) -> int:
        return 2 if self.error else 1 if (self.refused or self.errors) else 0


@dataclass
class Job:
    """A document ready to paint: the laid-out tree plus what the painter and preflight need."""
    laid: LaidDocument
    profile: object
    when: datetime
    source: str = ""
    stem: str = "issue"
    date_tag: str = ""               # YYYYMMDD of the issue, for --split names
    title: str = ""
    faces: dict | None = None


# -- preparing --------------------------------------------------------------------------------------------

def issue_datetime(doc) -> datetime:
    """The timestamp written into the PDF: SOURCE_DATE_EPOCH, else the issue date at 00:00 +08:00."""
    sde = os.environ.get("SOURCE_DATE_EPOCH")
    if sde:
        try:
            return datetime.fromtimestamp(int(sde), tz=timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise PaibanError(Diagnostic(f"SOURCE_DATE_EPOCH={sde!r} is not a Unix time", field="SOURCE_DATE_EPOCH"))
    d = _issue_date(doc)
    if d:
        return datetime(d.year, d.month, d.day, tzinfo=CST)
    return datetime(2000, 1, 1, tzinfo=timezone.utc)


def _issue_date(doc) -> date | None:
    if doc is None:
        return None
    raw = getattr(getattr(doc, "publication", None), "date", "")
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw)[:10]) if raw else None
    except ValueError:
        return None


def resolve_profile(doc, override=None):
    from .profiles import PrintProfile, load_profile
    if isinstance(override, PrintProfile):
        return override
    base = os.path.dirname(getattr(doc, "source", "") or "") or None
    name = override or getattr(doc, "print_profile", None) or "newsprint"
    return load_profile(name, base_dir=base if not override else None)


def prepare(source, *, profile=None, faces: dict | None = None) -> Job:
    """Load and compose ``source`` (YAML path, ``Document`` or ``LaidDocument``; a ``Job`` is returned as is)."""
    if isinstance(source, Job):
        if profile is not None:
            source.profile = resolve_profile(None, profile)
        return source
    doc = None
    if isinstance(source, LaidDocument):
        laid = source
        src = laid.source
    else:
        if isinstance(source, (str, os.PathLike)):
            src = str(source)
            if not os.path.exists(src):
                raise PaibanError(Diagnostic("no such file", file=src))
            from .loader import load_document
            doc = load_document(src)
            if not getattr(doc, "source", ""):
                doc.source = src
        else:
            doc = source
            src = getattr(doc, "source", "") or ""
        from .compose import compose_document
        laid = compose_document(doc)
        if not laid.source:
            laid.source = src
    prof = resolve_profile(doc, profile)
    d = _issue_date(doc)
    title = laid.title
    if not title and doc is not None:
        pub = doc.publication
        title = " ".join(x for x in (pub.name, f"第{pub.issue}期" if pub.issue else "", pub.date and str(pub.date)) if x)
    stem = Path(src).stem if src else (laid.title or "issue")
    return Job(laid=laid, profile=prof, when=issue_datetime(doc), source=src, stem=stem or "issue",
               date_tag=d.strftime("%Y%m%d") if d else "", title=title or stem, faces=faces)


# -- building ---------------------------------------------------------------------------------------------

def _render_options(job: Job, opts: ExportOptions):
    from .render_pdf import RenderOptions
    prof = job.profile
    marks = prof.marks if opts.marks is None else opts.marks
    return RenderOptions(marks=marks, colour_bar=marks, info_line=marks,
                         bleed=0.0 if prof.bleed <= 0 else None,
                         overprint_black=prof.overprint_black, icc=prof.icc, when=job.when, title=job.title)


def build_checked(job: Job, out_pdf: str, opts: ExportOptions, progress=None):
    """Paint + finalize ``job`` into ``out_pdf`` (not atomic) and preflight it. Returns (findings, report, pages)."""
    from .pdfx import finalize
    from .preflight import check_pdf, check_tree
    from .render_pdf import render_pdf
    pdfx = opts.pdfx or job.profile.pdfx
    raw = out_pdf + ".rl"
    try:
        report = render_pdf(job.laid, raw, _render_options(job, opts), faces=job.faces, pages=opts.pages,
                            progress=progress)
        finalize(raw, out_pdf, pdfx=pdfx, profile=job.profile, title=job.title, when=job.when)
    finally:
        try:
            os.unlink(raw)
        except OSError:
            pass
    nums = [p.number for p in job.laid.pages if opts.pages is None or p.number in opts.pages]
    findings = []
    if opts.check:
        findings = check_tree(job.laid, job.profile, pages=opts.pages, render_report=report)
        findings += check_pdf(out_pdf, job.profile, page_numbers=nums, pdfx=pdfx, deep=False)
    return findings, report, nums


def _tmp_next_to(target: str) -> str:
    d = os.path.dirname(os.path.abspath(target))
    os.makedirs(d, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(target) + ".", suffix=".part", dir=d)
    os.close(fd)
    return tmp


def _umask() -> int:
    m = os.umask(0o022)
    os.umask(m)
    return m


def split_name(job: Job, page_number: int) -> str:
    return f"{job.date_tag or job.stem}-{page_number:02d}.pdf"


def export_document(doc_or_path, out_pdf, options: ExportOptions | None = None, progress=None) -> ExportResult:
    """Export one issue to ``out_pdf`` (with ``options.split``: a directory for one PDF per page).

    Bad input raises :class:`PaibanError`. Preflight errors leave nothing written (``result.refused``) unless
    ``options.force``. ``progress(done_pages, total_pages)`` is called as pages are painted.
    """
    opts = options or ExportOptions()
    t0 = time.perf_counter()
    job = prepare(doc_or_path, profile=opts.profile)
    res = ExportResult(source=job.source or str(doc_or_path))
    sel = [p.number for p in job.laid.pages if opts.pages is None or p.number in opts.pages]
    if not sel:
        raise PaibanError(Diagnostic(f"no pages to export (the issue has pages "
                                     f"{[p.number for p in job.laid.pages]}, asked for {opts.pages})",
                                     file=res.source, field="--pages"))
    out_pdf = str(out_pdf)
    if opts.split:
        out_dir = out_pdf[:-4] if out_pdf.lower().endswith(".pdf") else out_pdf
        plan = [(os.path.join(out_dir, split_name(job, n)), [n]) for n in sel]
    else:
        plan = [(out_pdf, opts.pages)]
    total = len(sel)
    done_before = 0
    temps: list = []
    try:
        for target, pages in plan:
            tmp = _tmp_next_to(target)
            temps.append((tmp, target))
            sub = ExportOptions(**{**opts.__dict__, "pages": pages})
            base = done_before

            def cb(done, _tot, base=base):
                if progress:
                    progress(base + done, total)
            tp = time.perf_counter()
            findings, report, nums = build_checked(job, tmp, sub, progress=cb)
            res.preflight_seconds += time.perf_counter() - tp
            res.findings.extend(findings)
            done_before += len(nums)
        res.pages = done_before
        if any(f.severity == "error" for f in res.findings) and not opts.force:
            res.refused = True
            return res
        mode = 0o666 & ~_umask()
        for tmp, target in temps:
            os.chmod(tmp, mode)
            os.replace(tmp, target)
            res.outputs.append(target)
            res.bytes += os.path.getsize(target)
        temps = []
        res.written = True
    finally:
        for tmp, _target in temps:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        res.seconds = time.perf_counter() - t0
    if opts.png_dpi:
        from .proofs import png_proofs
        png_dir = opts.png_dir or os.path.dirname(os.path.abspath(res.outputs[0]))
        for out, (_t, pages) in zip(res.outputs, plan):
            nums = [n for n in sel if pages is None or n in pages]
            res.pngs += png_proofs(out, png_dir, job.stem, opts.png_dpi, nums)
        res.seconds = time.perf_counter() - t0
    return res


# -- page lists -------------------------------------------------------------------------------------------

def parse_pages(spec: str) -> list[int]:
    """``"1,3-4"`` → ``[1, 3, 4]``."""
    out: list[int] = []
    try:
        for part in str(spec).replace("，", ",").split(","):
            part = part.strip()
            if not part:
                continue
            if "-" in part:
                a, b = part.split("-", 1)
                a, b = int(a), int(b)
                if a < 1 or b < a:
                    raise ValueError
                out.extend(range(a, b + 1))
            else:
                n = int(part)
                if n < 1:
                    raise ValueError
                out.append(n)
    except ValueError:
        raise PaibanError(Diagnostic(f"bad page list {spec!r}; use e.g. 1,3-4", field="--pages")) from None
    if not out:
        raise PaibanError(Diagnostic(f"empty page list {spec!r}", field="--pages"))
    return sorted(set(out))


# -- CLI --------------------------------------------------------------------------------------------------

def configure(parser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="issue YAML files")
    parser.add_argument("-o", "--output", default=".", metavar="DIR|FILE.pdf",
                        help="output directory (default: current), or a .pdf path for a single input")
    parser.add_argument("--png", type=int, metavar="DPI", help="also write PNG proofs <stem>-<page>.png")
    parser.add_argument("--pages", metavar="LIST", help="only these pages (版次), e.g. 1,3-4")
    parser.add_argument("--split", action="store_true", help="one PDF per page, named <date>-<page>.pdf")
    parser.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="export N files in parallel")
    parser.add_argument("--pdfx", choices=("x1a", "none"), help="PDF/X-1a:2003 (default for press) or plain PDF")
    parser.add_argument("--profile", metavar="P", help="print profile (newsprint, coated, office or a .yaml)")
    parser.add_argument("--force", action="store_true", help="write the PDF even when preflight finds errors")
    parser.add_argument("--no-marks", action="store_true", help="no crop marks, colour bar or slug")
    parser.set_defaults(func=run_cli)


class Progress:
    """``导出 [######----] 12/40 页`` on stderr; silent when stderr is not a terminal."""

    def __init__(self, stream=None, enabled: bool | None = None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.per_file: dict = {}
        self.last = ""

    def update(self, key, done: int, total: int) -> None:
        self.per_file[key] = (done, total)
        if not self.enabled:
            return
        d = sum(v[0] for v in self.per_file.values())
        t = sum(v[1] for v in self.per_file.values()) or 1
        width = 30
        fill = int(width * d / t)
        line = f"\r导出 export [{'#' * fill}{'-' * (width - fill)}] {d}/{t} 页 pages"
        if line != self.last:
            self.stream.write(line)
            self.stream.flush()
            self.last = line

    def close(self) -> None:
        if self.enabled and self.last:
            self.stream.write("\n")
            self.stream.flush()


def _targets(files: list[str], output: str, split: bool) -> list[str]:
    if output.lower().endswith(".pdf") and not split:
        if len(files) != 1:
            raise PaibanError(Diagnostic("-o FILE.pdf takes exactly one input; use -o DIR for several",
                                         field="-o"))
        return [output]
    if split:   # one directory per input when several issues are split, so their page files never collide
        return [output if len(files) == 1 else os.path.join(output, Path(f).stem) for f in files]
    return [os.path.join(output, Path(f).stem + ".pdf") for f in files]


def _export_one(path: str, target: str, opts: ExportOptions, queue=None, key=None) -> ExportResult:
    def cb(done, total):
        if queue is not None:
            queue.put((key, done, total))
    try:
        return export_document(path, target, opts, progress=cb)
    except PaibanError as e:
        for d in e.diagnostics:
            if not d.file:
                d.file = path
        return ExportResult(source=path, error=str(e), diagnostics=[str(d) for d in e.diagnostics])
    except Exception as e:  # noqa: BLE001 - one broken file must not stop a batch
        return ExportResult(source=path, error=f"internal error: {type(e).__name__}: {e}",
                            diagnostics=[f"{path}: internal error: {type(e).__name__}: {e}"])


def run_cli(args) -> int:
    pages = parse_pages(args.pages) if args.pages else None
    opts = ExportOptions(pdfx=args.pdfx, profile=args.profile, force=args.force, pages=pages,
                         marks=False if args.no_marks else None, png_dpi=args.png, split=args.split)
    if args.png is not None and not (10 <= args.png <= 1200):
        raise PaibanError(Diagnostic(f"--png {args.png}: use a resolution between 10 and 1200 dpi", field="--png"))
    targets = _targets(args.files, args.output, args.split)
    bar = Progress()
    results: list = [None] * len(args.files)
    jobs = max(1, int(args.jobs or 1))
    if jobs == 1 or len(args.files) == 1:
        for i, (f, t) in enumerate(zip(args.files, targets)):
            results[i] = _export_one(f, t, opts, _Direct(bar), i)
    else:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor
        ctx = mp.get_context("spawn" if sys.platform == "win32" else "fork")
        with mp.Manager() as mgr:
            q = mgr.Queue()
            with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
                futs = {pool.submit(_export_one, f, t, opts, q, i): i
                        for i, (f, t) in enumerate(zip(args.files, targets))}
                pending = set(futs)
                while pending:
                    done = {f for f in pending if f.done()}
                    for f in done:
                        results[futs[f]] = f.result()
                    pending -= done
                    _drain(q, bar)
                    if pending:
                        time.sleep(0.05)
                _drain(q, bar)
    bar.close()
    return _summary(results)


class _Direct:
    def __init__(self, bar):
        self.bar = bar

    def put(self, item):
        self.bar.update(*item)


def _drain(q, bar) -> None:
    import queue as _queue
    while True:
        try:
            item = q.get_nowait()
        except (_queue.Empty, EOFError, OSError):
            return
        bar.update(*item)


def _summary(results: list) -> int:
    from .preflight import sort_findings
    err = sys.stderr
    n_ok = n_refused = n_bad = 0
    for r in results:
        if r.error:
            n_bad += 1
            for d in r.diagnostics or [r.error]:
                print(f"paiban: {d}", file=err)
            continue
        shown = sort_findings(r.findings)
        for fd in shown:
            if fd.severity == "error" or r.written:
                print(f"{r.source}: {fd}", file=err)
        if r.refused:
            n_refused += 1
            print(f"{r.source}: 印前检查有 {len(r.errors)} 个错误，未导出（--force 可强制导出） "
                  f"(preflight found {len(r.errors)} errors; nothing written, use --force)", file=err)
        else:
            n_ok += 1
            outs = ", ".join(r.outputs) if len(r.outputs) <= 3 else f"{r.outputs[0]} … ({len(r.outputs)} files)"
            print(f"{r.source} → {outs}: {r.pages} pages, {r.bytes / 1e6:.2f} MB, {r.seconds:.2f} s"
                  + (f", {len(r.pngs)} PNG" if r.pngs else ""), file=err)
    total = len(results)
    forced = sum(1 for r in results if not r.error and not r.refused and r.errors)
    print(f"导出 {total} 个文件：{n_ok} 成功，{n_refused} 因印前错误未导出，{n_bad} 输入有误 "
          f"({total} files: {n_ok} exported, {n_refused} refused by preflight, {n_bad} bad input)", file=err)
    return 2 if n_bad else 1 if (n_refused or forced) else 0
