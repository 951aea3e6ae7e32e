"""Inventory loading, validation messages (file:line:field), inheritance and --limit."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from checkutil import run_cli

from netaudit.errors import InventoryError, SelectorError
from netaudit.inventory import load_inventory, parse_limit, select

DATA = Path(__file__).parent / "data" / "inventory_ok"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path / "proj")
    return tmp_path / "proj"


def edit(project: Path, file: str, old: str, new: str) -> None:
    p = project / "inventory" / file
    text = p.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {file}"
    p.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_valid_inventory_loads_with_inheritance(project: Path) -> None:
    inv = load_inventory(project)
    assert [d.hostname for d in inv.devices] == ["CZ-CORE", "RP-CNTY", "RP-HG-TOWN", "RP-HG-ACC"]
    acc = inv.device("RP-HG-ACC")
    assert acc is not None
    # group gives platform/model/tags/vars, defaults give role, host vars merge on top
    assert acc.platform == "huawei_vrp" and acc.model == "S5735-L48T4X" and acc.role == "switch"
    assert acc.tags == ["access"] and acc.vars == {"uplink_vlan": 100, "port_count": 48}
    assert acc.tier == "town" and acc.mgmt_ip == "2409:8c54:30:1::10"
    core = inv.device("CZ-CORE")
    assert core is not None and core.chassis == 2 and core.tier == "city"
    assert inv.links[0].bandwidth_mbps == 1000 and inv.links[2].bandwidth_mbps == 100
    assert inv.origins["RP-CNTY"] == "inventory/devices.yaml:17"


# (case, file, old, new, field path in the message, text in the message)
BROKEN = [
    ("yaml-syntax", "devices.yaml", "    zone: core\n", "    zone: [core\n", None, "YAML syntax error"),
    ("unknown-zone", "devices.yaml", "zone: county\n    site: raoping", "zone: countyy\n    site: raoping",
     "devices[1].zone", "unknown zone 'countyy'"),
    ("unknown-tier", "sites.yaml", "tier: town", "tier: hamlet", "sites[2].tier", "unknown tier 'hamlet'"),
    ("unknown-platform", "devices.yaml", "platform: huawei_vrp\n    model: S7706",
     "platform: cisco_ios\n    model: S7706", "devices[1].platform", "unknown platform 'cisco_ios'"),
    ("unknown-role", "devices.yaml", "  role: switch", "  role: toaster", "devices[0].role", "unknown role"),
    ("duplicate-hostname", "devices.yaml", "hostname: RP-HG-TOWN", "hostname: RP-CNTY", "devices[2].hostname",
     "duplicate hostname 'RP-CNTY'"),
    ("duplicate-mgmt-ip", "devices.yaml", "mgmt_ip: 10.30.1.1", "mgmt_ip: 10.30.0.1", "devices[2].mgmt_ip",
     "duplicate mgmt IP 10.30.0.1"),
    ("bad-ip", "devices.yaml", "mgmt_ip: 10.30.0.1", "mgmt_ip: 10.30.0.300", "devices[1].mgmt_ip",
     "not an IPv4 or IPv6 address"),
    ("bad-bandwidth", "links.yaml", "bandwidth: 100M", "bandwidth: 100Mbps", "links[2].bandwidth",
     "bandwidth must be one of"),
    ("link-missing-device", "links.yaml", "b: RP-HG-ACC:GigabitEthernet0/0/49", "b: RP-HG-ACC2:GigabitEthernet0/0/49",
     "links[3].b", "link to unknown device 'RP-HG-ACC2'"),
    ("interface-two-links", "links.yaml", "a: RP-HG-TOWN:GigabitEthernet0/0/10", "a: RP-HG-TOWN:GigabitEthernet0/0/1",
     "links[3].a", "already used by the link at"),
    ("site-cycle", "sites.yaml", "  - name: chaozhou\n    tier: city\n",
     "  - name: chaozhou\n    tier: city\n    parent: huanggang\n", "parent", "site cycle"),
    ("missing-parent", "sites.yaml", "parent: raoping", "parent: raopingg", "sites[2].parent",
     "parent site 'raopingg' does not exist"),
    ("no-parent", "sites.yaml", "    parent: raoping\n", "", "sites[2].parent", "needs a parent site"),
    ("zone-tier-mismatch", "devices.yaml", "zone: core\n    site: chaozhou", "zone: core\n    site: raoping",
     "devices[0].site", "zone 'core' cannot sit in county-tier site 'raoping'"),
    ("unknown-site", "devices.yaml", "site: huanggang\n    tags", "site: nowhere\n    tags", "devices[2].site",
     "unknown site 'nowhere'"),
    ("unknown-field", "devices.yaml", "    model: S12708\n", "    modle: S12708\n", "devices[0].modle",
     "unknown field 'modle'"),
    ("missing-field", "devices.yaml", "    mgmt_ip: 10.10.0.1\n", "", "devices[0].mgmt_ip", "required field is missing"),
    ("unknown-group", "devices.yaml", "group: s-access", "group: s-acess", "devices[3].group", "unknown group 's-acess'"),
    ("bad-link-end", "links.yaml", "a: CZ-CORE:GigabitEthernet1/3/0/1", "a: CZ-CORE", "links[0].a", "pattern"),
    ("self-link", "links.yaml", "b: RP-CNTY:GigabitEthernet0/0/1", "b: CZ-CORE:GigabitEthernet1/9/0/1",
     "links[0].b", "two different devices"),
    ("chassis-zero", "devices.yaml", "chassis: 2", "chassis: 0", "devices[0].chassis", "greater than or equal to 1"),
    ("duplicate-site", "sites.yaml", "name: huanggang", "name: raoping", "sites[2].name", "duplicate site 'raoping'"),
    ("not-a-list", "links.yaml", "links:\n", "links: 3\nspare:\n", "links", "must be a list"),
    ("bad-section", "sites.yaml", "sites:\n", "sitez:\n", "sitez", "unknown section"),
]


@pytest.mark.parametrize("case,file,old,new,field,text", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_inventory_reports_file_line_field(project: Path, capsys: pytest.CaptureFixture[str],
                                                  case: str, file: str, old: str, new: str,
                                                  field: str | None, text: str) -> None:
    edit(project, file, old, new)
    code, out, err = run_cli(["inventory", "validate", "--project", str(project)], capsys)
    assert code == 2
    assert "Traceback" not in err + out
    lines = [ln for ln in err.splitlines() if text in ln]
    assert lines, f"expected {text!r} in:\n{err}"
    m = re.match(r"^inventory/(\S+?):(\d+): (\S+?): " if field else r"^inventory/(\S+?):(\d+): ()", lines[0])
    assert m, lines[0]
    assert m.group(1) == file
    if field is not None:
        assert m.group(3).endswith(field), lines[0]
    # the line number points at a line of that file that exists
    n = int(m.group(2))
    content = (project / "inventory" / file).read_text().splitlines()
    assert 1 <= n <= len(content)


def test_all_errors_of_a_file_reported_at_once(project: Path) -> None:
    edit(project, "devices.yaml", "zone: county\n    site: raoping", "zone: countyy\n    site: raoping")
    edit(project, "devices.yaml", "mgmt_ip: 10.30.1.1", "mgmt_ip: 10.30.1.999")
    edit(project, "links.yaml", "bandwidth: 100M", "bandwidth: 3G")
    with pytest.raises(InventoryError) as ei:
        load_inventory(project)
    msgs = ei.value.messages
    assert any("devices[1].zone" in m for m in msgs)
    assert any("devices[2].mgmt_ip" in m for m in msgs)
    assert any("links[2].bandwidth" in m for m in msgs)


def test_error_line_points_at_the_field(project: Path) -> None:
    edit(project, "devices.yaml", "zone: county\n    site: raoping", "zone: countyy\n    site: raoping")
    with pytest.raises(InventoryError) as ei:
        load_inventory(project)
    m = re.match(r"inventory/devices.yaml:(\d+):", ei.value.messages[0])
    assert m
    line = (project / "inventory" / "devices.yaml").read_text().splitlines()[int(m.group(1)) - 1]
    assert line.strip() == "zone: countyy"


def test_limit_selector(project: Path) -> None:
    inv = load_inventory(project)
    names = lambda expr: [d.hostname for d in select(inv.devices, expr)]  # noqa: E731
    assert names("zone:core") == ["CZ-CORE"]
    assert names("tier:town") == ["RP-HG-TOWN", "RP-HG-ACC"]
    assert names("site:raoping,zone:access") == ["RP-CNTY", "RP-HG-ACC"]
    assert names("RP-*") == ["RP-CNTY", "RP-HG-TOWN", "RP-HG-ACC"]
    assert names("tag:access") == ["RP-HG-ACC"]
    assert names("cz-core") == ["CZ-CORE"]
    assert names(None) == [d.hostname for d in inv.devices]
    with pytest.raises(SelectorError):
        parse_limit("colour:blue")
    with pytest.raises(SelectorError):
        parse_limit("zone:core,,")


def test_show_table_and_json(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["inventory", "show", "--project", str(project)], capsys)
    assert code == 0
    assert "CZ-CORE" in out and "county" in out and "区县纵向网络互联区" in out
    code, out, _ = run_cli(["inventory", "show", "--project", str(project), "--format", "json",
                            "--limit", "zone:county"], capsys)
    assert code == 0
    import json

    doc = json.loads(out)
    assert [d["hostname"] for d in doc["devices"]] == ["RP-CNTY", "RP-HG-TOWN"]
    assert len(doc["links"]) == 4


def test_bad_limit_is_a_clean_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(["inventory", "show", "--project", str(project), "--limit", "colour:red"], capsys)
    assert code == 2 and "unknown key 'colour'" in err and "Traceback" not in err


def test_entry_point_subprocess(project: Path) -> None:
    edit(project, "devices.yaml", "zone: county\n    site: raoping", "zone: countyy\n    site: raoping")
    proc = subprocess.run([sys.executable, "-m", "netaudit", "inventory", "validate", "--project", str(project)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "inventory/devices.yaml:" in proc.stderr and "unknown zone 'countyy'" in proc.stderr
    assert "Traceback" not in proc.stderr
