"""Policy catalogs, custom rules and waivers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import netaudit.checks.all  # noqa: F401
from netaudit.checks.custom import CustomRule, make_rule_check
from netaudit.errors import PolicyError
from netaudit.policy import apply_waivers, load_policies, load_waivers
from netaudit.results import Finding
from tests.checkutil import host, load, run

ROOT = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_shipped_catalogs_load_and_merge() -> None:
    files = sorted((ROOT / "policies").glob("*.yaml"))
    files = [f for f in files if f.stem != "waivers"]
    policy = load_policies(files)
    assert "topo-dual-homing" in policy.entries
    entry = policy.entries["topo-dual-homing"]
    assert "extranet" in (entry.scope.get("zones") or ())
    load_waivers(ROOT / "policies" / "waivers.yaml", set(policy.entries))


def test_unknown_check_id_names_file_and_line(tmp_path: Path) -> None:
    p = write(tmp_path, "p.yaml", "checks:\n  - id: topo-spof\n  - id: mgmt-telnet-of\n")
    with pytest.raises(PolicyError) as ei:
        load_policies([p])
    assert f"{p}:3: checks[1].id: unknown check 'mgmt-telnet-of'" in str(ei.value)


def test_bad_parameters_name_file_and_line(tmp_path: Path) -> None:
    p = write(tmp_path, "p.yaml", "checks:\n  - id: topo-bandwidth\n    params:\n      city_county: 3G\n"
                                  "  - id: topo-dual-homing\n    params:\n      min_pathz: 2\n")
    with pytest.raises(PolicyError) as ei:
        load_policies([p])
    msg = str(ei.value)
    assert f"{p}:4: topo-bandwidth.params" in msg or f"{p}:3: topo-bandwidth.params" in msg
    assert f"{p}:7: topo-dual-homing.params.min_pathz: unknown parameter" in msg


def test_bad_scope_and_severity(tmp_path: Path) -> None:
    p = write(tmp_path, "p.yaml", "checks:\n  - id: topo-spof\n    zones: [core, moon]\n    severity: dire\n")
    with pytest.raises(PolicyError) as ei:
        load_policies([p])
    assert f"{p}:3: checks[0].zones: unknown 'moon'" in str(ei.value)
    assert f"{p}:4: checks[0].severity: unknown severity 'dire'" in str(ei.value)


def test_yaml_syntax_error_is_clean(tmp_path: Path) -> None:
    p = write(tmp_path, "p.yaml", "checks:\n  - id: [topo-spof\n")
    with pytest.raises(PolicyError) as ei:
        load_policies([p])
    assert str(ei.value).startswith(f"{p}:")


def test_later_catalog_overrides_params(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", "checks:\n  - id: topo-bandwidth\n    params: {county_town: 100M, town_village: 100M}\n")
    b = write(tmp_path, "b.yaml", "checks:\n  - id: topo-bandwidth\n    params: {county_town: 1G}\n    severity: low\n")
    entry = load_policies([a, b]).entries["topo-bandwidth"]
    assert entry.params.county_town == "1G" and entry.params.town_village == "100M"  # type: ignore[attr-defined]
    assert entry.severity == "low" and len(entry.sources) == 2


CONFIG = """#
sysname T-DEV
#
undo telnet server enable
stelnet server enable
#
user-interface vty 0 4
 authentication-mode aaa
 protocol inbound ssh
#
return
"""


def rule(**kw: object) -> type:
    base = {"id": "custom-x", "title_zh": "测试", "must": "present", "pattern": "^stelnet server enable"}
    base.update(kw)
    return make_rule_check(CustomRule.model_validate(base))


def test_custom_rule_present_absent_within() -> None:
    dev = load(CONFIG)
    f = run(rule(), dev)
    assert f is not None and f.status == "pass" and f.evidence[0].line == 5
    assert f.evidence[0].file == "T-DEV/display_current-configuration.txt"
    # anchored: the negation line does not match "telnet server enable"
    f = run(rule(must="absent", pattern="telnet server enable"), dev)
    assert f is not None and f.status == "pass"
    f = run(rule(must="absent", pattern="undo telnet"), dev)
    assert f is not None and f.status == "fail" and f.evidence[0].text == "undo telnet server enable"
    f = run(rule(pattern="protocol inbound ssh", within="^user-interface vty"), dev)
    assert f is not None and f.status == "pass"
    f = run(rule(pattern="protocol inbound ssh", within="^user-interface con", remediation=["x"]), dev)
    assert f is not None and f.status == "fail" and f.remediation == ["x"]
    f = run(rule(), load(None))
    assert f is not None and f.status == "skipped"


def test_custom_rule_scope_and_validation(tmp_path: Path) -> None:
    f = run(rule(zones=["core"]), load(CONFIG))
    assert f is None  # not applicable to an access device
    p = write(tmp_path, "p.yaml", "rules:\n  - id: custom-y\n    title_zh: 测\n    must: maybe\n    pattern: '('\n"
                                  "checks: [custom-y]\n")
    with pytest.raises(PolicyError) as ei:
        load_policies([p])
    msg = str(ei.value)
    assert f"{p}:4: rules[0].must" in msg and f"{p}:5: rules[0].pattern: bad regex" in msg


def test_custom_rule_from_catalog_runs_in_audit(tmp_path: Path) -> None:
    p = write(tmp_path, "p.yaml", "rules:\n  - id: custom-ssh\n    title_zh: 须启用 SSH\n    must: present\n"
                                  "    pattern: '^stelnet server enable'\n    controls: [8.1.4.1c]\n")
    policy = load_policies([p])
    assert list(policy.entries) == ["custom-ssh"]
    from netaudit.audit import run_device_checks

    [f] = run_device_checks(load(CONFIG), list(policy))
    assert f.check == "custom-ssh" and f.status == "pass" and f.controls == ["8.1.4.1c"]


def finding(check: str = "topo-spof", device: str = "T-DEV", status: str = "fail") -> Finding:
    return Finding(check=check, device=device, status=status, severity="high", message="m")  # type: ignore[arg-type]


def test_waivers_apply_expire_and_validate(tmp_path: Path) -> None:
    p = write(tmp_path, "w.yaml", """waivers:
  - check: topo-spof
    device: T-DEV
    reason: 线路改造中
    approver: 张工
    expires: 2027-01-31
  - check: topo-*
    limit: zone:county
    reason: old
    approver: 李工
    expires: 2026-01-01
""")
    waivers = load_waivers(p, {"topo-spof"})
    devices = {"T-DEV": host("T-DEV"), "C-1": host("C-1", zone="county", tier="county")}
    fs = [finding(), finding(device="C-1"), finding(status="pass")]
    apply_waivers(fs, waivers, devices, today=dt.date(2026, 12, 4))
    assert fs[0].status == "waived" and fs[0].waiver and fs[0].waiver["approver"] == "张工"
    assert fs[1].status == "fail" and "expired" in fs[1].message  # expired: still a failure, and says so
    assert fs[2].status == "pass"
    fs = [finding()]
    apply_waivers(fs, waivers, devices, today=dt.date(2027, 2, 1))
    assert fs[0].status == "fail" and "waiver expired 2027-01-31" in fs[0].message


def test_bad_waivers(tmp_path: Path) -> None:
    p = write(tmp_path, "w.yaml", "waivers:\n  - check: nope-x\n    device: A\n    reason: r\n    approver: a\n"
                                  "    expires: 2027-01-01\n  - check: topo-spof\n    reason: r\n    approver: a\n"
                                  "    expires: someday\n")
    with pytest.raises(PolicyError) as ei:
        load_waivers(p, {"topo-spof"})
    msg = str(ei.value)
    assert f"{p}:2: waivers[0].check: unknown check 'nope-x'" in msg
    assert f"{p}:10: waivers[1].expires" in msg
