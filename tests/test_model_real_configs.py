"""Every real configuration builds a full Device with the values an auditor reads off the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from netaudit.errors import ParseError
from netaudit.model import Device, build_device
from netaudit.model.build import CONFIG_COMMAND
from tests.fixtures_path import NTC, REAL, SHOW

CONFIGS = sorted((REAL / "configs").glob("*.txt"))
USG = SHOW / "display_current-configuration" / "usg6000v-hrp-99-fw01-lab.txt"


def _build(path: Path, platform: str = "huawei_vrp", **more: str) -> Device:
    outputs = {CONFIG_COMMAND: path.read_text(encoding="utf-8"), **more}
    return build_device(path.stem, platform, outputs)


def _cfg(name: str) -> Device:
    return _build(REAL / "configs" / name)


def _line(path: Path, exact: str) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if line.rstrip() == exact:
            return i
    raise AssertionError(exact)


@pytest.mark.parametrize("path", CONFIGS + [USG], ids=lambda p: p.stem)
def test_every_real_config_builds(path: Path) -> None:
    dev = _build(path)
    assert dev.sysname and dev.interfaces and dev.mgmt.user_interfaces
    assert dev.outputs_present == {CONFIG_COMMAND}
    assert dev.parse_warnings == []
    # evidence lines point at the real line in the stored file
    lines = path.read_text(encoding="utf-8").split("\n")
    for ifc in list(dev.interfaces.values())[:10]:
        ev = ifc.evidence[0]
        assert lines[ev.line - 1].strip() == ev.text


def test_ce8850_stack() -> None:
    d = _cfg("ce8850-v200r002c50-stack-23k0573.txt")
    assert (d.family, d.sysname, d.software_version) == ("vrp8", "23K0573-K2D134-CE8850", "V200R002C50SPC800")
    assert d.last_change == "2019-04-24 01:09:37+09:00"
    assert len(d.interfaces) == 129
    assert len(d.eth_trunks) == 20 and sum(len(t.members) for t in d.eth_trunks.values()) == 53
    t13 = d.eth_trunks[13]
    assert t13.mode == "lacp-dynamic" and sorted(t13.member_chassis) == [1, 2] and len(t13.members) == 5
    assert [(m.member_id, m.priority, m.domain, m.source) for m in d.stack_members] == [
        (1, 200, 100, "config"), (2, 150, 100, "config")]
    m = d.mgmt
    assert m.telnet_enabled is False and m.telnet_ipv6_enabled is False and m.stelnet_enabled is True
    assert m.ssh_ciphers == ["aes256_ctr", "aes128_ctr"] and m.ssh_hmacs == ["sha2_256_96", "sha2_256", "sha1_96"]
    vty = m.vtys()[0]
    assert (vty.authentication_mode, vty.protocols_inbound, vty.idle_timeout_s, vty.privilege_level) == (
        "aaa", ["ssh"], 3600, 3)
    vty_line = _line(REAL / "configs" / "ce8850-v200r002c50-stack-23k0573.txt", "user-interface vty 0 4")
    assert vty.evidence[0].line == vty_line and vty.ev("idle_timeout_s")[0].line == vty_line + 3
    con = m.user_interfaces[0]
    assert con.kind == "con" and con.authentication_mode == "password" and con.password.storage == "irreversible"
    # the commented-out password line is not configuration
    assert d.aaa.local_users["netadmin"].password.present is False
    assert d.aaa.local_users["netadmin"].privilege_level == 3
    assert "authentication" not in d.aaa.local_users
    assert d.snmp.versions == ["v3"] and d.snmp.communities == []
    assert d.snmp.groups[0].security_level == "privacy"
    assert d.snmp.usm_users["network-snmp-user"].group == "network-group"
    assert d.snmp.usm_users["network-snmp-user"].priv_mode is None   # commented out in the capture
    assert [n.address for n in d.ntp_servers][:2] == ["10.25.11.71", "10.25.11.71"]
    assert d.ntp_servers[1].vpn_instance == "management"
    assert d.timezone is not None and d.timezone.offset == "+09:00:00"
    assert d.routing.ospf[0].areas[:2] == ["0.0.0.0", "0.6.0.1"] and len(d.routing.ospf[0].areas) == 18
    assert d.interfaces["Eth-Trunk1"].portswitch is False and d.interfaces["Eth-Trunk1"].shutdown


def test_ce8850_display_stack_overrides_config() -> None:
    stack = (SHOW / "display_stack" / "s5720s-52x-li-2member-service-port.txt").read_text()
    d = _build(REAL / "configs" / "ce8850-v200r002c50-stack-23k0573.txt", **{"display stack": stack})
    assert [(m.member_id, m.role, m.priority, m.source) for m in d.stack_members] == [
        (0, "Master", 150, "display stack"), (1, "Standby", 100, "display stack")]
    assert "display stack" in d.outputs_present


def test_ce6880_telnet_vty_and_hwtacacs() -> None:
    d = _cfg("ce6880-v200r005c10spc800-isp-mohammadpur.txt")
    assert d.family == "vrp8" and d.sysname == "Mohammadpur-Huawei-SW"
    assert d.mgmt.telnet_enabled is None          # CE with no ipv4 telnet line: unknown
    assert "UNVERIFIED" in d.mgmt.telnet_note
    assert d.mgmt.telnet_ipv6_enabled is False
    vtys = d.mgmt.vtys()
    assert [(v.first, v.last, v.authentication_mode, v.protocols_inbound) for v in vtys] == [
        (0, 4, "aaa", None), (5, 14, "password", ["telnet"])]
    assert vtys[1].password.storage == "irreversible"
    tpl = d.aaa.hwtacacs_templates["ht"]
    assert [(s.kind, s.role, s.ip) for s in tpl.servers] == [
        ("authentication", "primary", "172.20.1.206"), ("authorization", "primary", "172.20.1.206"),
        ("accounting", "primary", "172.20.1.206")]
    assert tpl.shared_key.present and tpl.shared_key.storage == "cipher" and tpl.source_ip == "172.16.183.218"
    dom = d.aaa.domains["huawei"]
    assert (dom.authentication_scheme, dom.authorization_scheme, dom.hwtacacs_template) == ("1-h", "hwtacacs", "ht")
    assert d.aaa.default_domain_admin == "huawei"
    assert d.aaa.authentication_schemes["1-h"].modes == ["hwtacacs", "local"]
    assert {u: (x.service_types, x.privilege_level) for u, x in d.aaa.local_users.items()} == {
        "admin": (["telnet", "ssh"], 3), "netxcore": (["telnet", "ssh"], 3)}
    assert d.snmp.versions == ["v2c", "v3"] and len(d.snmp.communities) == 1
    assert d.dot1x_enabled and len(d.interfaces) == 33
    assert d.interfaces["10GE1/0/2"].allowed_vlans == [(345, 348)]
    assert d.interfaces["10GE1/0/3"].speed == "1000"


def test_ce12800_hwtacacs_recording_and_weak_ciphers() -> None:
    d = _cfg("ce12800-sim-v200r005c10spc607-huawei1-hwtacacs.txt")
    assert d.software_version == "V200R005C10SPC607B607"
    tpl = d.aaa.hwtacacs_templates["tacacs_netadmin"]
    assert {s.vpn_instance for s in tpl.servers} == {"__MGMT_VPN__"}
    assert d.aaa.recording_schemes["tac_acct"].template == "tacacs_netadmin"
    dom = d.aaa.domains["default_admin"]
    assert dom.accounting_scheme == "tac_acct" and dom.hwtacacs_template == "tacacs_netadmin"
    assert d.aaa.local_users["admin"].password.storage == "irreversible"   # the odd 2-space line
    assert "3des_cbc" in (d.mgmt.ssh_ciphers or []) and d.mgmt.ssh_dh_min_len == 1024
    assert d.mgmt.netconf_ssh_enabled
    assert d.mgmt.vtys()[0].idle_timeout_s == 900
    assert len(d.interfaces) == 7                    # duplicated blocks merged by name
    assert len(d.interfaces["MEth0/0/0"].evidence) == 3
    assert d.interfaces["MEth0/0/0"].undo_shutdown and d.interfaces["MEth0/0/0"].vpn_instance == "__MGMT_VPN__"


def test_s3328_old_vrp5() -> None:
    d = _cfg("s3328-v100r005c01spc100-huishi.txt")
    assert (d.family, d.sysname, d.software_version) == ("vrp5", "HuiShi-3328", "V100R005C01SPC100")
    assert d.mgmt.telnet_enabled is False and d.mgmt.stelnet_enabled and d.mgmt.ssh_port == 2022
    assert d.mgmt.http_enabled is False
    users = d.aaa.local_users
    assert {u.name: u.password.storage for u in users.values()} == {"admin": "cipher", "jie": "cipher"}
    assert users["admin"].service_types == ["telnet", "terminal", "ssh", "ftp", "web"]
    assert d.snmp.versions == ["v1", "v2c"] and d.snmp.communities[0].acl == "2000"
    assert d.snmp.trap_source == "Vlanif2010"
    con, vty03, vty4 = d.mgmt.user_interfaces
    assert con.idle_timeout_s == 0 and not con.idle_timeout_default
    assert (vty03.acl_inbound, vty03.protocols_inbound, vty03.idle_timeout_s, vty03.idle_timeout_default) == (
        "2001", None, 600, True)
    assert vty4.protocols_inbound == ["all"]
    assert [r.source for r in d.acls["2001"].rules] == ["172.16.16.0", "114.247.217.0", "any"]
    assert d.acls["snmp"] is d.acls["2000"]
    assert len(d.interfaces["Vlanif1000"].ipv4) == 6 and d.interfaces["Vlanif1000"].ipv4[1].secondary
    assert len(d.routing.static_routes) == 4 and d.routing.static_routes[0].next_hop == "61.149.204.137"
    assert d.interfaces["Ethernet0/0/2"].allowed_vlans == [(120, 120), (1000, 1000), (2001, 2001), (2010, 2010)]
    assert d.interfaces["Ethernet0/0/2"].trunk_vlan1_removed


def test_s5700_cipher_formats_and_trunk() -> None:
    d = _cfg("s5700-v200r005c00spc500-s5700b.txt")
    assert {u.name: u.password.storage for u in d.aaa.local_users.values()} == {
        "admin": "irreversible", "cheche": "irreversible"}
    assert d.snmp.versions == ["v1", "v2c", "v3"] and d.snmp.communities[0].secret.storage == "cipher"
    assert d.eth_trunks[0].mode == "lacp" and d.eth_trunks[0].members == [
        "GigabitEthernet0/0/11", "GigabitEthernet0/0/12"]
    assert len(d.interfaces) == 55 and d.mgmt.telnet_enabled is False
    assert d.mgmt.user_interfaces[0].password.storage == "irreversible"   # con0 $1a$
    assert d.aaa.lockout.enabled and d.aaa.lockout.is_default and d.aaa.lockout.retry_time == 3


def test_basabo_telnet_on_and_password_policy() -> None:
    d = _cfg("s67xx-v200r021c00spc600-isp-basabo.txt")
    assert d.family == "vrp5" and d.mgmt.telnet_enabled is True
    assert d.mgmt.ev("telnet_enabled")[0].text == "telnet server enable"
    assert d.mgmt.vtys()[0].protocols_inbound == ["telnet"]
    assert d.snmp.versions == ["v1", "v2c", "v3"]
    assert len(d.eth_trunks) == 15 and sum(1 for t in d.eth_trunks.values() if t.mode == "lacp") == 8
    assert d.eth_trunks[1].members == ["100GE0/0/2", "100GE0/0/3"]
    pp = d.aaa.password_policy
    assert pp.configured and pp.expire_days == 0 and pp.history_count == 0
    assert d.aaa.domains["default"].radius_template == "default"
    assert list(d.aaa.radius_templates) == ["default"] and d.aaa.radius_templates["default"].servers == []
    assert d.ntp_servers[0].kind == "peer"
    assert d.interfaces["XGigabitEthernet0/0/8"].allows_vlan(3930)


def test_havana_backup_and_idle_timeout() -> None:
    d = _cfg("s67xx-v200r022c00spc500-isp-sw2pop13-havana.txt")
    assert d.mgmt.telnet_enabled is False            # S-series, no telnet line
    b = d.config_backups[0]
    assert (b.server, b.transport, b.user, b.password.present) == ("10.244.244.250", "ftp", "backups", True)
    assert d.mgmt.vtys()[0].idle_timeout_s == 3600 * 60 and d.mgmt.vtys()[0].protocols_inbound == ["all"]
    assert d.timezone is not None and d.timezone.offset == "-03:00:00"
    assert d.routing.ospf[0].router_id == "10.244.189.13"


def test_eucaliptos_users() -> None:
    d = _cfg("s67xx-v200r023c00spc500-isp-sw1pop10-eucaliptos.txt")
    assert sorted(d.aaa.local_users) == ["admin", "zandona"]
    assert all(u.privilege_level == 15 and u.service_types == ["ssh", "http"] for u in d.aaa.local_users.values())


def test_ce5810_telnet_only_admin() -> None:
    d = _cfg("ce5810-v100r003c00spc600-netstream-telnet.txt")
    assert d.sysname == "HUAWEI" and d.family == "vrp8"
    assert d.aaa.local_users["admin"].service_types == ["telnet"]
    assert d.mgmt.stelnet_enabled is None and d.mgmt.vtys()[0].privilege_level == 15
    assert d.interfaces["GE1/0/1"].default_vlan == 101 and d.interfaces["GE1/0/1"].slot == 1


def test_usg_firewall() -> None:
    d = _build(USG)
    assert d.family == "usg" and d.sysname == "99-fw01" and d.software_version is None
    fw = d.firewall
    assert fw is not None
    assert {z.name: z.priority for z in fw.zones.values()} == {"local": 100, "trust": 85, "untrust": 5, "dmz": 50}
    assert len(fw.zones["trust"].interfaces) == 6
    assert len(fw.rules) == 2 and fw.default_action is None
    r0, r1 = fw.rules
    assert r0.name == "Underlay" and r0.source_zones == [] and r0.action == "permit"
    assert r0.source_addresses == ["10.99.0.0 16", "10.99.241.0 24"]
    assert (r1.source_zones, r1.destination_zones) == (["dmz"], ["trust"])
    assert fw.hrp.enabled and fw.hrp.interface == "Eth-Trunk23" and fw.hrp.remote == "10.99.241.13"
    assert d.mgmt.telnet_enabled is False and d.mgmt.stelnet_enabled
    assert d.mgmt.web_tls_versions == ["tlsv1", "tlsv1.1"]
    users = d.aaa.local_users
    assert {u.name: (u.source, u.password.storage, u.service_types) for u in users.values()} == {
        "audit-admin": ("manager-user", "cipher", ["web", "terminal"]),
        "api-admin": ("manager-user", "cipher", ["api"]),
        "admin": ("manager-user", "cipher", ["ssh"])}
    assert users["audit-admin"].roles == ["audit-admin"]
    assert "telnet" in d.interfaces["GigabitEthernet0/0/0"].service_manage
    assert d.eth_trunks[23].members == ["GigabitEthernet1/0/2", "GigabitEthernet1/0/3"]
    assert d.routing.bgp is not None and d.routing.bgp.asn == "65098"
    assert d.routing.bgp.families == ["ipv4-family unicast"]


VERSIONS = [
    (NTC / "huawei_vrp/display_version/huawei_vrp_display_version5.raw", "5.170", "V200R010C00SPC600", "S7706"),
    (NTC / "huawei_vrp/display_version/huawei_vrp_display_version.raw", "8.180", "V800R011C00SPC200",
     "NE40E-X2-M8A"),
    (NTC / "huawei_vrp/display_version/huawei_vrp_display_version1.raw", "8.100", "V800R007C10SPC100",
     "CX600-M2E"),
    (SHOW / "display_version/s5700-24tp-si-v200r001c00spc300-quidway.txt", "5.110", "V200R001C00SPC300",
     "S5700-24TP-SI-AC"),
]


@pytest.mark.parametrize(("path", "vrp", "sw", "model"), VERSIONS, ids=lambda v: getattr(v, "stem", str(v)))
def test_display_version(path: Path, vrp: str, sw: str, model: str) -> None:
    text = path.read_bytes().decode("utf-8")
    d = build_device("r1", "huawei_vrp", {"display version": text})
    assert (d.vrp_version, d.software_version, d.model) == (vrp, sw, model)
    assert d.outputs_present == {"display version"} and d.interfaces == {}
    if path.stem.endswith("version1"):
        assert d.patch == "V800R007SPH019"


def test_display_version_beats_config_header() -> None:
    text = (NTC / "huawei_vrp/display_version/huawei_vrp_display_version5.raw").read_bytes().decode()
    d = _build(REAL / "configs" / "s5700-v200r005c00spc500-s5700b.txt", **{"display version": text})
    assert d.software_version == "V200R010C00SPC600" and d.family == "vrp5"


def test_missing_outputs_and_bad_show_output() -> None:
    cfg = (REAL / "configs" / "s5700-v200r005c00spc500-s5700b.txt").read_text()
    d = build_device("s1", "huawei_vrp", {CONFIG_COMMAND: cfg, "display lldp neighbor brief": "garbage\n!!\n"})
    assert not d.has_output("display version") and d.has_output(CONFIG_COMMAND)
    assert d.lldp_neighbors == [] and len(d.parse_warnings) == 1
    assert "display lldp neighbor brief" in d.parse_warnings[0]
    lldp = (SHOW / "display_lldp_neighbor_brief" / "s5731-stack-changsha-huiju.txt").read_text()
    d = build_device("s1", "huawei_vrp", {"display lldp neighbor brief": lldp})
    assert d.lldp_neighbors[0].local_interface == "GE0/0/5"
    assert d.lldp_neighbors[0].neighbor_device == "21-jieru5-shengchan3"


def test_line_offset_is_added() -> None:
    path = REAL / "configs" / "s5700-v200r005c00spc500-s5700b.txt"
    raw = "<S5700B>display current-configuration\n" + path.read_text()
    d = build_device("s1", "huawei_vrp", {CONFIG_COMMAND: raw}, line_offsets={CONFIG_COMMAND: 3})
    # 1 echo line removed by cleaning + 3 from the caller
    assert d.sysname == "S5700B" and d.ev("sysname")[0].line == 3 + 1 + 3


def test_garbage_config_is_parse_error() -> None:
    with pytest.raises(ParseError) as ei:
        build_device("s1", "huawei_vrp", {CONFIG_COMMAND: "\n\n"})
    assert ei.value.device == "s1" and ei.value.command == CONFIG_COMMAND


COMWARE = """\
#
 version 7.1.070, Release 6555P01
#
 sysname CZ-H3C-01
#
 telnet server enable
#
 password-control login-attempt 3 exceed lock-time 10
 password-control aging 90
#
interface Bridge-Aggregation1
 link-aggregation mode dynamic
#
interface Vlan-interface10
 ip address 10.1.10.1 255.255.255.0
#
interface GigabitEthernet1/0/1
 port link-aggregation group 1
#
 ssh server enable
#
 info-center loghost vpn-instance MGMT 10.1.20.10
#
hwtacacs scheme tac
 primary authentication 10.1.6.6
 secondary authentication 10.1.6.7
 key authentication cipher $c$3$SYNTHETIC==
#
domain system
 authentication login hwtacacs-scheme tac local
#
line vty 0 63
 authentication-mode scheme
 user-role network-admin
 idle-timeout 5 0
#
local-user admin class manage
 password hash $h$6$SYNTHETIC==
 service-type ssh
 authorization-attribute user-role network-admin
#
return
"""


def test_comware_basics_synthetic() -> None:
    """SYNTHETIC Comware 7 config (no real Comware configuration capture is available)."""
    d = build_device("h1", "hp_comware", {CONFIG_COMMAND: COMWARE})
    assert d.family == "comware" and d.sysname == "CZ-H3C-01"
    assert d.mgmt.telnet_enabled is True and d.mgmt.stelnet_enabled is True
    vty = d.mgmt.vtys()[0]
    assert (vty.first, vty.last, vty.authentication_mode, vty.idle_timeout_s, vty.user_roles) == (
        0, 63, "aaa", 300, ["network-admin"])
    tpl = d.aaa.hwtacacs_templates["tac"]
    assert [(s.role, s.kind, s.ip) for s in tpl.servers] == [
        ("primary", "authentication", "10.1.6.6"), ("secondary", "authentication", "10.1.6.7")]
    assert tpl.shared_key.present
    assert d.aaa.domains["system"].hwtacacs_template == "tac"
    u = d.aaa.local_users["admin"]
    assert (u.password.storage, u.service_types, u.privilege_level) == ("irreversible", ["ssh"], 15)
    lo = d.aaa.lockout
    assert (lo.enabled, lo.retry_time, lo.block_time_min, lo.is_default) == (True, 3, 10, False)
    assert d.aaa.password_policy.expire_days == 90
    assert d.logging.loghosts[0].host == "10.1.20.10" and d.logging.loghosts[0].vpn_instance == "MGMT"
    assert d.eth_trunks[1].mode == "lacp" and d.eth_trunks[1].members == ["GigabitEthernet1/0/1"]
    assert d.interfaces["Vlan-interface10"].type == "Vlanif"


def test_outputs_failed_names_unparseable_shows() -> None:
    cfg = (REAL / "configs" / CONFIGS[0].name).read_text(encoding="utf-8")
    garbage = "this is not\na show output\x00 at all\n"
    dev = build_device("d1", "huawei_vrp", {CONFIG_COMMAND: cfg, "display interface brief": garbage,
                                            "display lldp neighbor brief": garbage})
    assert set(dev.outputs_failed) == {"display interface brief", "display lldp neighbor brief"}
    assert all(reason and len(reason) <= 120 for reason in dev.outputs_failed.values())
    assert len(dev.parse_warnings) == 2                       # still warned
    assert "display interface brief" in dev.outputs_present   # present, but failed
    assert dev.model_dump()["outputs_failed"] == dev.outputs_failed
    ok = build_device("d1", "huawei_vrp", {CONFIG_COMMAND: cfg})
    assert ok.outputs_failed == {}


def test_ipv4_and_ipv6_acls_with_the_same_number_stay_apart() -> None:
    # synthetic: VRP keeps separate number spaces for IPv4 and IPv6 ACLs
    cfg = ("#\nsysname T\n#\nacl number 2001\n rule 5 permit source 10.0.0.0 0.0.0.255\n#\n"
           "acl ipv6 number 2001\n rule 5 permit source 2409:8c54::/32\n rule 10 deny\n#\nreturn\n")
    dev = build_device("T", "huawei_vrp", {"display current-configuration": cfg})
    v4, v6 = dev.acl(2001), dev.acl(2001, ipv6=True)
    assert v4 is not None and v6 is not None and v4 is not v6
    assert not v4.ipv6 and v6.ipv6
    assert [r.action for r in v4.rules] == ["permit"] and [r.action for r in v6.rules] == ["permit", "deny"]
