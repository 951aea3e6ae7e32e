"""The audit on the bundled example: it finds every deviation in DEVIATIONS.md and nothing else."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import netaudit.checks.all  # noqa: F401
from netaudit.audit import run_audit
from netaudit.inventory import load_inventory
from netaudit.policy import load_policies, load_waivers
from netaudit.policy.catalog import default_policy_files
from netaudit.results import Results
from netaudit.snapshot.store import open_snapshot

ROOT = Path(__file__).resolve().parents[1]
SNAP = ROOT / "snapshots" / "example"


def deviation_rows() -> list[tuple[str, str, str]]:
    rows = []
    for line in (SNAP / "DEVIATIONS.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("| ") and not line.startswith("| device") and not line.startswith("|---"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            rows.append((cells[0], cells[3], cells[4]))
    return rows


@pytest.fixture(scope="module")
def results() -> Results:
    inv = load_inventory(ROOT)
    policy = load_policies(default_policy_files(ROOT))
    waivers = load_waivers(ROOT / "policies" / "waivers.yaml", set(policy.entries))
    return run_audit(inv, inv.devices, open_snapshot(ROOT, "example"), policy, waivers, workers=2)


@pytest.mark.parametrize("device,check,clause", deviation_rows(), ids=lambda v: str(v))
def test_every_listed_deviation_is_found(results: Results, device: str, check: str, clause: str) -> None:
    hits = [f for f in results.findings if f.device == device and f.check == check]
    assert hits, f"no {check} finding for {device}"
    f = hits[0]
    assert f.status == "fail", f"{device} {check}: {f.status}: {f.message}"
    if clause[0].isdigit():
        assert clause in f.controls, f"{device} {check}: {clause} not in {f.controls}"
    assert f.evidence, f"{device} {check} has no evidence"
    assert f.remediation, f"{device} {check} has no remediation"


def test_no_unexplained_failure(results: Results) -> None:
    listed = {(d, c) for d, c, _ in deviation_rows()}
    unexplained = [(f.device, f.check, f.message) for f in results.findings
                   if f.status in ("fail", "error") and (f.device, f.check) not in listed]
    assert not unexplained, "\n".join(map(str, unexplained))


def test_one_finding_per_device_and_check_and_no_errors(results: Results) -> None:
    keys = [(f.device, f.check) for f in results.findings]
    assert len(keys) == len(set(keys))
    assert results.summary.error == 0
    assert results.snapshot.devices == 42
    assert results.summary.pass_ > 0 and results.summary.fail >= len(deviation_rows())
    # every device got device checks, and every finding carries titles and clauses
    assert {f.device for f in results.findings} == {d.hostname for d in load_inventory(ROOT).devices}
    assert all(f.title_zh and f.controls for f in results.findings)


def test_ipv6_readiness_scores(results: Results) -> None:
    tiers = results.ipv6_readiness["tier"]
    assert set(tiers) <= {"city", "county", "town", "village"}
    assert all(0 <= v <= 100 for v in tiers.values())
    town = {d["hostname"]: d["ipv6_score"] for d in results.devices}
    assert town["RP-QD-SW"] is not None and town["RP-QD-SW"] < 50  # the town without IPv6
    assert town["CZ-AGG-01"] == 100


def test_cli_json_and_fail_on(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    cmd = [sys.executable, "-m", "netaudit", "audit", "--project", str(ROOT), "-f", "json", "-o", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert set(doc) >= {"tool", "snapshot", "summary", "findings"}
    assert set(doc["summary"]) == {"pass", "fail", "error", "skipped", "waived"}
    f = doc["findings"][0]
    assert set(f) >= {"check", "device", "status", "severity", "controls", "message", "evidence", "remediation"}
    proc = subprocess.run([*cmd, "--fail-on", "high"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    proc = subprocess.run([*cmd, "--limit", "zone:nowhere"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_output_with_trailing_slash_is_a_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from netaudit.cli import cli
    from netaudit.cli.common import run_safely

    target = tmp_path / "new" / "dir"
    old = sys.argv
    sys.argv = ["netaudit", "audit", "--project", str(ROOT), "--limit", "XQ-CORE", "-f", "md", "-o", f"{target}/"]
    try:
        assert run_safely(cli) == 0
    finally:
        sys.argv = old
    assert (target / "netaudit-report.md").is_file()
    assert "XQ-CORE" in (target / "netaudit-report.md").read_text(encoding="utf-8")
