"""The benchmark harness works on a tiny input (CI never runs the real benchmarks)."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_harness_runs_on_a_tiny_input():
    p = subprocess.run([sys.executable, "-m", "bench", "--tiny", "--only", "a-compose", "--only", "a-pdf",
                        "--only", "d-edit"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr[-2000:]
    rows = [ln for ln in p.stdout.splitlines() if ln.startswith("| a-") or ln.startswith("| d-")]
    tools = {ln.split("|")[2].strip() for ln in rows}
    assert {"paiban", "reportlab"} <= tools
    pdf_rows = {ln.split("|")[2].strip(): ln.split("|") for ln in rows if ln.startswith("| a-pdf")}
    # Paiban's PDF has no kinsoku faults; the quality columns were filled from real PDFs
    assert pdf_rows["paiban"][7].strip().startswith("0 / ")
    assert int(pdf_rows["paiban"][7].split("/")[1].split()[0]) > 5
    assert pdf_rows["reportlab"][8].strip().endswith("%")
    assert "ms" in pdf_rows["paiban"][3]
