"""Run one workload in this process and print its result as JSON (with peak memory): bench.worker NAME PEER RUNS [--tiny]."""
from __future__ import annotations

import json
import resource
import sys


def main(argv):
    name, peer, runs = argv[0], argv[1], int(argv[2])
    if "--tiny" in argv:
        from . import seedtext
        full = seedtext.seed_paragraphs
        seedtext.seed_paragraphs = lambda *a: full(*a)[3:6]
        from . import workloads
        workloads.seed_paragraphs = seedtext.seed_paragraphs
    from .workloads import WORKLOADS
    fn = dict(WORKLOADS[name])[peer]
    result = fn(runs)
    # workloads that run fresh processes (c, e) report their largest child
    result["peak_mb"] = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
