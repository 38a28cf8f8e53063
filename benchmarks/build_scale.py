"""The scale table: generated estates of about 0.2, 1, 5 and 20 million voxels, each built
(verified, on cleared land) by a process of its own, so that its peak RSS is its own.

    .venv/bin/python benchmarks/build_scale.py "20 M" HOST:PORT [SERVER_PID]   # one row, JSON
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from synthetic_estate import SCALES, synthetic_estate

from minecraft_scripts.generate import generate
from minecraft_scripts.server.build import build_model, clearing_model
from minecraft_scripts.server.connection import GameConnection

AT = (3000, 0, 3000)
"""Far from the estates' test region (0 <= x < 2000) and from the benchmark's own builds."""


def cpu_seconds(pid: int | None) -> float:
    """User + system CPU seconds of a process (all threads); NaN when it is not ours."""
    if pid is None:
        return float("nan")
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one_row(scale: str, address: str, pid: int | None = None) -> dict[str, object]:
    started = time.perf_counter()
    model = generate(synthetic_estate(*SCALES[scale]))
    generated = time.perf_counter() - started
    with GameConnection.from_address(address, timeout=300) as conn:
        build_model(conn, clearing_model(model, AT), at=AT, verify=False)
        building, server_before, client_before = (
            time.perf_counter(),
            cpu_seconds(pid),
            time.process_time(),
        )
        report = build_model(conn, model, at=AT)
        seconds = time.perf_counter() - building
        server_cpu, client_cpu = (
            cpu_seconds(pid) - server_before,
            time.process_time() - client_before,
        )
    return {
        "scale": scale,
        "size": "×".join(str(n) for n in model.size),
        "voxels": int(model.grid.size),
        "generate": round(generated, 3),
        "seconds": round(seconds, 3),
        "server_cpu": round(server_cpu, 2),
        "client_cpu": round(client_cpu, 2),
        "verified": report.verified,
        "mismatches": report.mismatches,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "phases": report.phases,
    }


def table(address: str, pid: int | None = None) -> list[dict[str, object]]:
    """Every row, each from a fresh process."""
    rows = []
    for scale in SCALES:
        result = subprocess.run(
            [sys.executable, __file__, scale, address, *([str(pid)] if pid else [])],
            capture_output=True, text=True, check=True, env={**os.environ},
        )  # fmt: skip
        rows.append(json.loads(result.stdout.strip().splitlines()[-1]))
    return rows


if __name__ == "__main__":
    print(json.dumps(one_row(sys.argv[1], sys.argv[2], int(sys.argv[3]) if sys.argv[3:] else None)))
