"""Bad recorded outputs: one clear message per device, the other devices audited, nothing damaged."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HOSTS = ["CZ-CORE", "CZ-AGG-01", "CZ-AGG-02", "CZ-CLOUD-01", "CZ-CLOUD-02", "XQ-CORE"]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    proj = tmp_path_factory.mktemp("bad")
    shutil.copytree(ROOT / "inventory", proj / "inventory")
    shutil.copytree(ROOT / "policies", proj / "policies")
    snap = proj / "snapshots" / "example"
    for h in HOSTS:
        shutil.copytree(ROOT / "snapshots" / "example" / h, snap / h)
    cfg = "display_current-configuration.txt"
    (snap / "CZ-AGG-01" / cfg).write_bytes(bytes(range(256)) * 12)  # random-looking bytes
    lines = (snap / "CZ-AGG-02" / cfg).read_text(encoding="utf-8").splitlines(keepends=True)
    (snap / "CZ-AGG-02" / cfg).write_text("".join(lines[:40]), encoding="utf-8")  # cut off
    (snap / "CZ-CLOUD-01" / cfg).unlink()  # never recorded
    (snap / "CZ-CORE" / "display_lldp_neighbor_brief.txt").write_text(
        "garbage line here\n\x1b[42D  ---- More ----\x1b[42D\n", encoding="utf-8")  # unparseable table
    return proj


def digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def run(project: Path) -> tuple[subprocess.CompletedProcess[str], dict[str, list[dict[str, object]]], bool]:
    before = digest(project / "snapshots")
    out = project / "reports" / "r.json"
    proc = subprocess.run([sys.executable, "-m", "netaudit", "audit", "--project", str(project), "-f", "json",
                           "-o", str(out), "--limit", ",".join(HOSTS)], capture_output=True, text=True, timeout=120)
    unchanged = digest(project / "snapshots") == before
    doc = json.loads(out.read_text(encoding="utf-8"))
    by_dev: dict[str, list[dict[str, object]]] = {}
    for f in doc["findings"]:
        by_dev.setdefault(f["device"], []).append(f)
    return proc, by_dev, unchanged


def test_run_completes_and_names_each_bad_file_once(run) -> None:  # type: ignore[no-untyped-def]
    proc, _, unchanged = run
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("warning: CZ-AGG-01: CZ-AGG-01/display_current-configuration.txt") == 1
    assert proc.stderr.count("CZ-AGG-02/display_current-configuration.txt: truncated") == 1
    assert "after line 40" in proc.stderr
    assert proc.stderr.count("CZ-CORE: display lldp neighbor brief: line 1") == 1
    assert unchanged  # the audit never writes into the snapshot


def test_bad_devices_get_errors_not_failures(run) -> None:  # type: ignore[no-untyped-def]
    _, by_dev, _ = run
    for host in ("CZ-AGG-01", "CZ-AGG-02"):
        device_checks = [f for f in by_dev[host] if not str(f["check"]).startswith("topo-")]
        assert device_checks and all(f["status"] == "error" for f in device_checks), host
    missing = [f for f in by_dev["CZ-CLOUD-01"] if not str(f["check"]).startswith("topo-")]
    assert missing and all(f["status"] == "skipped" for f in missing)
    assert all("not recorded" in str(f["message"]) for f in missing)


def test_other_devices_are_audited_normally(run) -> None:  # type: ignore[no-untyped-def]
    _, by_dev, _ = run
    for host in ("CZ-CORE", "CZ-CLOUD-02"):
        statuses = {f["status"] for f in by_dev[host]}
        assert "error" not in statuses and "pass" in statuses
    lldp = next(f for f in by_dev["CZ-CORE"] if f["check"] == "topo-lldp-consistency")
    assert lldp["status"] == "skipped" and "could not be parsed" in str(lldp["message"])
    xq = {f["check"]: f["status"] for f in by_dev["XQ-CORE"]}
    assert xq["mgmt-idle-timeout"] == "fail"  # the real deviation is still found
