"""parse_show against real recorded outputs (ntc-templates fixtures, show/ captures, napalm)
and synthetic samples for the layouts no public capture exists for (marked ``-synthetic``)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fixtures_path import DATA, NTC, REAL, SHOW
from ruamel.yaml import YAML

from netaudit.errors import NetauditError, ParseError
from netaudit.parse.shows import NoParserError, find_template, own_templates, parse_show

SYNTHETIC = DATA / "synthetic"

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason=f"real fixtures not found at {REAL}")

# ntc-templates cases that cannot pass through parse_show, each with its reason.
NTC_XFAIL = {
    "huawei_vrp/display_sn_license/huawei_vrp_display_version.raw":
        "ntc index spells the command 'dis[[play]] sn l[[icence]]'; only ntc's bare prefix match "
        "accepts 'license', netaudit requires whole words",
}


def _command(folder: str) -> str:
    """``display_ip_routing-table_verbose`` -> ``display ip routing-table verbose``."""
    return folder.replace("_", " ")


def _ntc_cases() -> list[Any]:
    cases = []
    for platform in ("huawei_vrp", "hp_comware"):
        for raw in sorted((NTC / platform).glob("*/*.raw")):
            key = f"{platform}/{raw.parent.name}/{raw.name}"
            marks = [pytest.mark.xfail(strict=True, reason=NTC_XFAIL[key])] if key in NTC_XFAIL else []
            cases.append(pytest.param(platform, raw, id=key, marks=marks))
    return cases


@pytest.mark.parametrize(("platform", "raw"), _ntc_cases())
def test_ntc_fixture(platform: str, raw: Path) -> None:
    records = parse_show(platform, _command(raw.parent.name), raw.read_bytes().decode("utf-8"),
                         device=raw.stem)
    assert isinstance(records, list)
    assert all(isinstance(r, dict) and all(k == k.lower() for k in r) for r in records)
    expected_file = raw.with_suffix(".yml")
    if expected_file.exists():
        expected = YAML(typ="safe").load(expected_file.read_text(encoding="utf-8"))["parsed_sample"]
        assert records == expected


def test_ntc_fixtures_are_there() -> None:
    assert len(_ntc_cases()) >= 140
    assert set(NTC_XFAIL) <= {c.id for c in _ntc_cases()}


# --- show/ captures -----------------------------------------------------------------------

# Real captures whose command has a template but the (ntc) template rejects the release's layout.
SHOW_XFAIL = {
    "display_device/s5700-24tp-si-v200r001c00spc300-quidway.txt":
        "ntc display_device template rejects the VRP 5.110 '- - - -' ruler line",
    "display_http_server/s5700-24tp-si-v200r001c00spc300-quidway.txt":
        "ntc display_http_server template rejects the empty 'HTTP SSL Policy : ' value",
}


def _show_cases() -> list[Any]:
    cases = []
    for f in sorted(SHOW.glob("*/*.txt")):
        if find_template("huawei_vrp", _command(f.parent.name)) is None:
            continue
        key = f"{f.parent.name}/{f.name}"
        marks = [pytest.mark.xfail(strict=True, raises=ParseError, reason=SHOW_XFAIL[key])] \
            if key in SHOW_XFAIL else []
        cases.append(pytest.param(f, id=key, marks=marks))
    return cases


@pytest.mark.parametrize("path", _show_cases())
def test_show_capture_parses(path: Path) -> None:
    records = parse_show("huawei_vrp", _command(path.parent.name), path.read_text(encoding="utf-8"),
                         device=path.stem)
    assert records, "a real capture with data rows must give records"
    assert all(isinstance(r, dict) for r in records)


def _show(folder: str, name: str, platform: str = "huawei_vrp") -> list[dict[str, Any]]:
    path = SHOW / folder / name
    return parse_show(platform, _command(folder), path.read_text(encoding="utf-8"), device=path.stem)


def test_lldp_brief_old_layout_stack_core() -> None:
    rows = _show("display_lldp_neighbor_brief", "s-series-stack-xge-dk-35f-core.txt")
    assert len(rows) == 21
    assert rows[0] == {"local_interface": "MEth0/0/1", "neighbor_device": "DK-35F-DC-Management",
                       "neighbor_interface": "GE0/0/20", "exptime": "102"}
    last = rows[-1]  # the last row has no padding in the capture
    assert (last["local_interface"], last["neighbor_device"], last["neighbor_interface"],
            last["exptime"]) == ("XGE1/0/19", "DK-22F-Office-Center", "XGE0/0/24", "109")
    assert sum(r["local_interface"].startswith("XGE1/") for r in rows) == 9


def test_lldp_brief_blank_padded_line_after_header() -> None:
    rows = _show("display_lldp_neighbor_brief", "s5731-stack-changsha-huiju.txt")
    assert [(r["local_interface"], r["neighbor_interface"]) for r in rows] == [
        ("GE0/0/5", "GE0/0/48"), ("GE1/0/5", "GE0/0/47")]
    assert {r["neighbor_device"] for r in rows} == {"21-jieru5-shengchan3"}


def test_vrrp_brief_both_switches() -> None:
    sw1 = _show("display_vrrp_brief", "s-series-ensp-vrrp-mstp-sw1.txt")
    sw2 = _show("display_vrrp_brief", "s-series-ensp-vrrp-mstp-sw2.txt")
    assert [(r["vrid"], r["state"], r["interface"]) for r in sw1] == [
        ("10", "Master", "Vlanif10"), ("20", "Master", "Vlanif20"),
        ("30", "Backup", "Vlanif30"), ("40", "Backup", "Vlanif40")]
    assert [r["state"] for r in sw2] == ["Backup", "Backup", "Master", "Master"]
    assert sw1[2]["virtual_ip"] == "192.168.30.1" and sw1[2]["type"] == "Normal"
    assert all(r["extra_virtual_ips"] == [] for r in sw1 + sw2)


def test_stack_two_members() -> None:
    rows = _show("display_stack", "s5720s-52x-li-2member-service-port.txt")
    assert [(r["member_id"], r["role"], r["mac"], r["priority"]) for r in rows] == [
        ("0", "Master", "e000-846b-1072", "150"), ("1", "Standby", "e000-846b-106d", "100")]
    assert {r["device_type"] for r in rows} == {"S5720S-52X-LI-AC"}
    assert rows[0]["stack_mode"] == "Service-port" and rows[1]["stack_topology"] == "Link"
    assert rows[1]["stack_system_mac"] == "e000-846b-1072"


def test_local_user_levels() -> None:
    rows = _show("display_local-user", "s-series-stupin-blog.txt")
    assert [(r["username"], r["state"], r["authmask"], r["adminlevel"]) for r in rows] == [
        ("admin", "A", "TMH", "15"), ("stupin", "A", "S", "15")]
    quidway = _show("display_local-user", "s5700-24tp-si-v200r001c00spc300-quidway.txt")
    assert quidway == [{"username": "admin", "state": "A", "authmask": "H", "adminlevel": "-"}]


def test_ip_interface_brief_ar_pppoe() -> None:
    rows = {r["interface"]: r for r in _show("display_ip_interface_brief", "ar-ensp-pppoe-client.txt")}
    assert list(rows) == ["Dialer1", "GigabitEthernet0/0/0", "GigabitEthernet0/0/1",
                          "GigabitEthernet0/0/2", "NULL0"]
    assert rows["Dialer1"] == {"interface": "Dialer1", "ip_address": "100.100.100.253", "prefix": "32",
                               "mask": "", "physical": "up", "protocol": "up(s)", "vpn": ""}
    assert rows["GigabitEthernet0/0/2"]["ip_address"] == ""  # "unassigned"
    assert rows["GigabitEthernet0/0/2"]["physical"] == "down"


def test_ssh_server_status_vrp5() -> None:
    (row,) = _show("display_ssh_server_status", "s5700-24tp-si-v200r001c00spc300-quidway.txt")
    assert row["ssh_version"] == "1.99"
    assert (row["stelnet_server"], row["sftp_server"], row["scp_server"]) == ("Disable",) * 3
    assert (row["ssh_timeout"], row["ssh_retries"]) == ("60", "3")
    assert row["other_keys"] == ["SSH server key generating interval"]
    assert row["other_values"] == ["0 hours"]


def test_version_and_telnet_from_ntc() -> None:
    (ver,) = _show("display_version", "s5700-24tp-si-v200r001c00spc300-quidway.txt")
    assert ver["vrp_version"] == "5.110" and ver["product_version"] == "S5700 V200R001C00SPC300"
    (tel,) = _show("display_telnet_server_status", "s5700-24tp-si-v200r001c00spc300-quidway.txt")
    assert tel["telnet_ipv4_server"] == "Enable" and tel["telnet_service_port"] == "23"


def test_napalm_interface_brief_vrp8_legend() -> None:
    base = REAL / "napalm-huawei-vrp/test/unit/mocked_data/test_get_facts"
    for flavour in ("ne40e", "vrp5", "vrp8"):
        text = (base / flavour / "display_interface_brief.txt").read_text(encoding="utf-8")
        rows = parse_show("huawei_vrpv8", "display interface brief", text, device=flavour)
        data_lines = [ln for ln in text.splitlines() if re.match(r"\S+\s+\S*(up|down)", ln)
                      and not ln.startswith(("Interface", "*down", "^down"))]
        assert len(rows) == len(data_lines) == 21
        assert rows[0]["interface"] == "Eth-Trunk10" and rows[0]["inuti"] == "0%"
        (ver,) = parse_show("huawei_vrpv8", "display version",
                            (base / flavour / "display_version.txt").read_text(encoding="utf-8"))
        assert ver["product_version"] == "NE40E V800R021C10SPC600"


# --- synthetic samples (layouts with no public capture) -----------------------------------

def _synthetic(folder: str, name: str, platform: str = "huawei_vrp") -> list[dict[str, Any]]:
    assert "synthetic" in name
    path = SYNTHETIC / folder / name
    return parse_show(platform, _command(folder), path.read_text(encoding="utf-8"), device=path.stem)


def test_lldp_brief_new_layout_synthetic() -> None:
    rows = _synthetic("display_lldp_neighbor_brief", "vrp8-ce-new-layout-synthetic.txt")
    assert [r["neighbor_device"] for r in rows] == ["CE-AGG-01", "Access Switch 7", "DC-Management"]
    assert rows[1]["neighbor_interface"] == "GigabitEthernet0/0/1" and rows[1]["exptime"] == "97"


def test_ipv6_interface_brief_synthetic() -> None:
    rows = {r["interface"]: r for r in
            _synthetic("display_ipv6_interface_brief", "vrp8-ce-synthetic.txt")}
    assert rows["Vlanif100"]["addresses"] == ["2409:8C54:1:200::1", "FE80::1"]
    assert rows["Vlanif100"]["vpn"] == "MGMT"
    assert rows["Vlanif200"]["addresses"] == [] and rows["Vlanif200"]["physical"] == "*down"
    vrp5 = _synthetic("display_ipv6_interface_brief", "vrp5-s-series-synthetic.txt")
    assert [(r["interface"], r["addresses"]) for r in vrp5] == [
        ("Vlanif100", ["2409:8C54:1:100::1"]), ("NULL0", [])]


def test_css_status_synthetic() -> None:
    rows = _synthetic("display_css_status", "s12700-css-synthetic.txt")
    assert [(r["member_id"], r["role"], r["priority"], r["enable"]) for r in rows] == [
        ("1", "Master", "200", "Enable"), ("2", "Standby", "100", "Enable")]


def test_stack_ce_layout_synthetic() -> None:
    rows = _synthetic("display_stack", "vrp8-ce-memberid-synthetic.txt")
    assert [(r["member_id"], r["role"], r["login_member"], r["description"]) for r in rows] == [
        ("1", "Master", "+", "rack A12"), ("2", "Standby", "", "")]


def test_ssh_server_status_ipv4_ipv6_synthetic() -> None:
    (row,) = _synthetic("display_ssh_server_status", "v200r019-ipv4-ipv6-synthetic.txt")
    assert (row["ssh_version"], row["stelnet_ipv4_server"], row["stelnet_ipv6_server"]) == (
        "2.0", "Enable", "Disable")
    assert row["ssh_server_port"] == "22" and row["ssh_v1_compatible"] == "Disable"
    assert len(row["other_keys"]) == len(row["other_values"])
    assert dict(zip(row["other_keys"], row["other_values"], strict=True))["ACL name"] == ""


def test_hwtacacs_template_synthetic() -> None:
    rows = _synthetic("display_hwtacacs-server_template", "s-series-two-templates-synthetic.txt")
    assert [r["template"] for r in rows] == ["tac", "tac-mgmt"]
    assert rows[0]["primary_authentication"] == "10.1.6.6:49:-"
    assert rows[0]["secondary_authentication"] == ["10.1.6.7:49:-"]
    assert rows[1]["primary_authorization"] == "10.1.20.6:49:MGMT"
    assert rows[1]["source_ip"] == "10.1.20.1"
    assert "Current-authentication-server" not in rows[1]["other_keys"]


def test_ip_interface_brief_vpn_column_synthetic() -> None:
    rows = _synthetic("display_ip_interface_brief", "vrp8-ce-vpn-column-synthetic.txt")
    assert [(r["interface"], r["ip_address"], r["prefix"], r["vpn"]) for r in rows] == [
        ("LoopBack0", "10.10.0.1", "32", "--"), ("MEth0/0/0", "10.1.20.11", "24", "MGMT"),
        ("Vlanif100", "10.1.1.1", "24", "--"), ("Vlanif200", "", "", "--")]


def test_vrrp_brief_summary_first_two_vips_synthetic() -> None:
    rows = _synthetic("display_vrrp_brief", "vrp8-total-first-two-vips-synthetic.txt")
    assert [(r["vrid"], r["virtual_ip"], r["extra_virtual_ips"]) for r in rows] == [
        ("1", "10.1.1.254", ["10.1.1.253"]), ("2", "10.1.2.254", [])]


# --- lookup, errors -------------------------------------------------------------------------

@pytest.mark.parametrize(("command", "template"), [
    ("dis lldp nei bri", "huawei_vrp_display_lldp_neighbor_brief.textfsm"),
    ("display lldp neighbor", "huawei_vrp_display_lldp_neighbor.textfsm"),
    ("dis ip int bri", "huawei_vrp_display_ip_interface_brief.textfsm"),
    ("dis ipv6 int brief", "huawei_vrp_display_ipv6_interface_brief.textfsm"),
    ("disp vrrp brief", "huawei_vrp_display_vrrp_brief.textfsm"),
    ("display interface brief | no-more", "huawei_vrp_display_interface_brief.textfsm"),
    ("dis inter GigabitEthernet0/0/1", "huawei_vrp_display_interface.textfsm"),
    ("display hwtacacs-server template tac", "huawei_vrp_display_hwtacacs-server_template.textfsm"),
    ("dis eth-trunk 10", "huawei_vrp_display_eth-trunk.textfsm"),
    ("dis ver", "huawei_vrp_display_version.textfsm"),
    ("display arp all", "huawei_vrp_display_arp_all.textfsm"),
])
def test_abbreviations_resolve(command: str, template: str) -> None:
    found = find_template("huawei_vrpv8", command)
    assert found is not None and found.paths[0].name == template


@pytest.mark.parametrize("command", [
    "display current-configuration", "dis cur", "display vrrp", "display stack configuration",
    "display css channel", "display ntp-service status",
])
def test_no_parser(command: str) -> None:
    # ntc's own prefix match would send "display vrrp" to display vlan and "dis cur" to dir.
    with pytest.raises(NoParserError) as info:
        parse_show("huawei_vrp", command, "anything\n", device="sw1")
    assert isinstance(info.value, ParseError) and isinstance(info.value, NetauditError)
    assert (info.value.device, info.value.command) == ("sw1", command)


def test_unknown_platform_has_no_parser() -> None:
    with pytest.raises(NoParserError):
        parse_show("cisco_ios", "show version", "x\n")


def test_comware_uses_ntc_not_own_templates() -> None:
    assert find_template("hp_comware", "display stack") is None
    found = find_template("hp_comware", "display interface brief")
    assert found is not None and found.source == "ntc-templates"


def test_empty_output_is_no_records() -> None:
    assert parse_show("huawei_vrp", "display vrrp brief", "") == []
    assert parse_show("huawei_vrp", "display vrrp brief", "<SW1>display vrrp brief\r\n<SW1>") == []


def test_unexpected_line_names_device_command_and_raw_line() -> None:
    text = ("<SW1>dis vrrp brief\n"
            "VRID  State        Interface                Type     Virtual IP\n"
            "----------------------------------------------------------------\n"
            "10    Master       Vlanif10                 Normal   192.168.10.1\n"
            "Error: something the template does not know\n"
            "<SW1>\n")
    with pytest.raises(ParseError) as info:
        parse_show("huawei_vrp", "dis vrrp brief", text, device="SW1")
    err = info.value
    assert not isinstance(err, NoParserError)
    assert (err.device, err.command, err.line_no) == ("SW1", "dis vrrp brief", 5)
    assert err.line == "Error: something the template does not know"
    assert "SW1: dis vrrp brief: line 5" in str(err)


def test_device_error_message_is_a_parse_error() -> None:
    with pytest.raises(ParseError) as info:
        parse_show("huawei_vrp", "display css status",
                   "              ^\nError: Unrecognized command found at '^' position.\n", device="c1")
    assert info.value.line_no == 1


def test_pager_artifacts_do_not_break_parsing() -> None:
    path = SHOW / "display_lldp_neighbor_brief" / "s-series-stack-xge-dk-35f-core.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[10] = "  ---- More ----\x1b[42D" + " " * 42 + "\x1b[42D" + lines[10]
    text = "<DK-35F-CORE>display lldp neighbor brief\r\n" + "\r\n".join(lines) + "\r\n<DK-35F-CORE>"
    assert parse_show("huawei_vrp", "display lldp neighbor brief", text) == _show(
        "display_lldp_neighbor_brief", path.name)


# --- meta: every own template is tested and ends every state with "^. -> Error" ------------

def _inputs_for(command: str) -> list[Path]:
    folder = command.replace(" ", "_")
    return sorted((SHOW / folder).glob("*.txt")) + sorted((SYNTHETIC / folder).glob("*synthetic*.txt"))


@pytest.mark.parametrize("command", sorted(own_templates()))
def test_own_template_has_inputs_and_error_rule(command: str) -> None:
    path = own_templates()[command]
    assert path.is_file()
    real_ntc = NTC / "huawei_vrp" / command.replace(" ", "_")
    inputs = _inputs_for(command) + sorted(real_ntc.glob("*.raw"))
    assert inputs, f"no real or synthetic test input for {command}"
    for f in inputs:
        assert parse_show("huawei_vrp", command, f.read_text(encoding="utf-8"), device=f.stem)
    states: dict[str, list[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"^[A-Za-z]\w*\s*$", line):
            current = line.strip()
            states[current] = []
        elif current and line.startswith("  ^"):
            states[current].append(line.strip())
    assert "Start" in states
    for state, rules in states.items():
        assert rules and rules[-1] == "^. -> Error", f"{path.name}: state {state}"


def test_every_template_file_is_registered() -> None:
    from netaudit.parse.shows import TEMPLATE_DIR

    assert {p.name for p in TEMPLATE_DIR.glob("*.textfsm")} == {p.name for p in own_templates().values()}


# --- the example snapshot (generated lab data in the real layouts) ------------------------

EXAMPLE = Path(__file__).resolve().parents[1] / "snapshots" / "example"


def _example_files() -> list[Path]:
    return [f for f in sorted(EXAMPLE.glob("*/*.txt"))
            if find_template("huawei_vrp", _command(f.stem)) is not None]


@pytest.mark.skipif(not EXAMPLE.is_dir(), reason="snapshots/example not present")
def test_example_snapshot_outputs_parse() -> None:
    files = _example_files()
    assert len(files) >= 100
    for f in files:
        records = parse_show("huawei_vrp", _command(f.stem), f.read_bytes().decode("utf-8"),
                             device=f.parent.name)
        assert isinstance(records, list)


def test_usg_version_line_without_vendor_word() -> None:
    text = ("Huawei Versatile Routing Platform Software\n"
            "VRP (R) software, Version 5.170 (USG6650E V600R007C20SPC600)\n"
            "Copyright (C) 2014-2023 Huawei Technologies Co., Ltd.\n"
            "USG6650E uptime is 35 weeks, 6 days, 1 hours, 24 minutes\n\n"
            "MPU 0(Master) : uptime is 35 weeks, 6 days, 1 hours, 24 minutes\n")
    (row,) = parse_show("huawei_usg", "display version", text)  # synthetic, modelled on the lab snapshot
    assert (row["model"], row["product_version"]) == ("USG6650E", "USG6650E V600R007C20SPC600")
