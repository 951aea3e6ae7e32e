"""Helpers for check tests: build a device context from outputs and run one check as the audit does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from netaudit.audit import LoadedDevice, parse_outputs, run_device_checks
from netaudit.checks.base import Check
from netaudit.inventory.models import Device as InvDevice
from netaudit.policy.catalog import CheckEntry
from netaudit.results import Finding

CONFIG = "display current-configuration"


def host(hostname: str = "T-DEV", *, platform: str = "huawei_vrp", zone: str = "access", tier: str = "city",
         role: str = "switch", chassis: int = 1, **kw: Any) -> InvDevice:
    """An inventory device for tests (synthetic)."""
    return InvDevice(hostname=hostname, mgmt_ip=kw.pop("mgmt_ip", "10.255.0.1"), platform=platform,
                     zone=zone, site=kw.pop("site", "s"), tier=tier, role=role, chassis=chassis, **kw)


def load(config: str | Path | None, *, outputs: dict[str, str | Path] | None = None, **host_kw: Any) -> LoadedDevice:
    """Parse a config (text or a file path) plus other outputs into a LoadedDevice."""
    texts: dict[str, str] = {}
    if config is not None:
        texts[CONFIG] = config.read_text(encoding="utf-8") if isinstance(config, Path) else config
    for cmd, val in (outputs or {}).items():
        texts[cmd] = val.read_text(encoding="utf-8") if isinstance(val, Path) else val
    return parse_outputs(host(**host_kw), texts)


def run(check: type[Check], dev: LoadedDevice, params: dict[str, Any] | None = None,
        severity: str | None = None) -> Finding | None:
    """Run one device check through the audit's runner (skip/error handling included).

    Returns None when the check does not apply to the device."""
    entry = CheckEntry(check(), check.Params.model_validate(params or {}), severity or check.severity)
    found = run_device_checks(dev, [entry])
    return found[0] if found else None


def assert_finding(finding: Finding | None, status: str, substring: str) -> None:
    """The shared assertions of the check tables: status, message, evidence on pass/fail,
    remediation on fail, and a message that redaction did not mangle."""
    assert finding is not None, "the check did not apply"
    assert finding.status == status, finding.message
    assert substring in finding.message, finding.message
    if status in ("pass", "fail"):
        assert finding.evidence, "a pass or fail must carry evidence"
    if status == "fail":
        assert finding.remediation, "a fail must carry remediation"
    assert "******" not in finding.message, "message text was mangled by redaction"


def run_cli(args: list[str], capsys: Any) -> tuple[int, str, str]:
    """Run the CLI in-process as `netaudit ARGS`; (exit code, stdout, stderr)."""
    import sys

    from netaudit.cli import cli
    from netaudit.cli.common import run_safely

    old = sys.argv
    sys.argv = ["netaudit", *args]
    try:
        code = run_safely(cli)
    finally:
        sys.argv = old
    out, err = capsys.readouterr()
    return code, out, err
