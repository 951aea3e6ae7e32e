"""Benchmark: the full audit of the bundled example project (42 devices, every catalog).

Measures wall time of `run_audit` (parse + model + every check + topology) with 1 and 2 worker
processes, best of N rounds, and the end-to-end CLI (`netaudit audit -f json`) including start-up.
Run: `.venv/bin/python bench/bench_audit.py` (results are written down in bench/README.md).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import netaudit.checks.all  # noqa: E402,F401
from netaudit import _accel  # noqa: E402
from netaudit.audit import run_audit  # noqa: E402
from netaudit.inventory import load_inventory  # noqa: E402
from netaudit.policy import load_policies, load_waivers  # noqa: E402
from netaudit.policy.catalog import default_policy_files  # noqa: E402
from netaudit.snapshot.store import open_snapshot  # noqa: E402

ROUNDS = 5


def main() -> None:
    inv = load_inventory(ROOT)
    policy = load_policies(default_policy_files(ROOT))
    waivers = load_waivers(ROOT / "policies" / "waivers.yaml", set(policy.entries))
    snap = open_snapshot(ROOT, "example")
    lines = sum(len(snap.read_text(d.hostname, "display current-configuration").splitlines()) for d in inv.devices)
    print(f"example: {len(inv.devices)} devices, {lines} config lines, {len(policy)} checks "
          f"(parser and model builder: {_accel.REASON})")
    for workers in (1, 2):
        best = float("inf")
        for _ in range(ROUNDS):
            t0 = time.perf_counter()
            res = run_audit(inv, inv.devices, snap, policy, waivers, workers=workers)
            best = min(best, time.perf_counter() - t0)
        print(f"run_audit workers={workers}: best {best:.3f} s over {ROUNDS} rounds "
              f"({len(res.findings)} findings, {len(inv.devices) / best:.1f} devices/s)")
    with tempfile.TemporaryDirectory() as tmp:
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "netaudit", "audit", "--project", str(ROOT), "-f", "json",
                            "-o", str(Path(tmp) / "r.json")], check=True, capture_output=True)
            best = min(best, time.perf_counter() - t0)
        print(f"CLI `netaudit audit -f json` end to end: best {best:.3f} s over 3 runs")


if __name__ == "__main__":
    main()
