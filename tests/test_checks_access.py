"""Access-layer checks (access-*) on real captures and synthetic snippets (marked ``synthetic``).

One table, one generic test (ANTA style): each row is (check, case, config, host, params,
expected status, a substring the message must contain).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from checkutil import assert_finding, load, run
from fixtures_path import REAL

from netaudit.checks.access import DhcpSnooping, IpMacBinding, Nac, UnusedPorts
from netaudit.checks.base import Check

CFG = REAL / "configs"
S5700 = CFG / "s5700-v200r005c00spc500-s5700b.txt"          # access ports, no protection at all
CE12800 = CFG / "ce12800-sim-v200r005c10spc607-huawei1-hwtacacs.txt"  # every GE port shut down
S67_BASABO = CFG / "s67xx-v200r021c00spc600-isp-basabo.txt"  # authentication profiles, unbound
ACCESS = {"zone": "access", "role": "switch"}

# synthetic: an S-series access switch done right (the plan's access-layer design)
GOOD = """\
!Software Version V200R019C10SPC500
#
sysname SYN-ACC-GOOD
#
dhcp enable
dhcp snooping enable
user-bind static ip-address 10.20.1.100 mac-address 5489-9800-0100 interface GigabitEthernet0/0/1 vlan 10
dot1x enable
#
interface GigabitEthernet0/0/1
 port link-type access
 port default vlan 10
 dhcp snooping enable
 ip source check user-bind enable
 arp anti-attack check user-bind enable
 dot1x enable
#
interface GigabitEthernet0/0/2
 shutdown
#
interface GigabitEthernet0/0/3
 description printer-room
 port link-type access
 port default vlan 20
 ip source check user-bind enable
 dot1x enable
#
interface GigabitEthernet0/0/24
 description uplink to CZ-AGG-01
 port link-type trunk
 port trunk allow-pass vlan 10 20 100
 dhcp snooping trusted
#
vlan 20
 dhcp snooping enable
#
return
"""

# synthetic: the same switch with the protections left out or half done
BAD = """\
!Software Version V200R019C10SPC500
#
sysname SYN-ACC-BAD
#
dhcp enable
dhcp snooping enable
dot1x enable
#
interface GigabitEthernet0/0/1
 port link-type access
 port default vlan 10
 dhcp snooping enable
 dhcp snooping trusted
#
interface GigabitEthernet0/0/2
#
interface GigabitEthernet0/0/3
 port link-type access
 port default vlan 20
 dot1x enable
#
interface GigabitEthernet0/0/24
 port link-type trunk
 port trunk allow-pass vlan 10 20
#
return
"""

# synthetic: unified-mode NAC (authentication profile bound to the port)
PROFILE = """\
sysname SYN-ACC-PROFILE
#
dot1x-access-profile name d1x
#
authentication-profile name p_dot1x
 dot1x-access-profile d1x
#
interface GigabitEthernet0/0/1
 port link-type access
 port default vlan 10
 authentication-profile p_dot1x
#
return
"""

# synthetic: only logical interfaces, no physical port
NO_PORTS = """\
sysname SYN-LOGICAL
#
interface Vlanif10
 ip address 10.1.1.1 255.255.255.0
#
interface NULL0
#
return
"""

# synthetic `display interface brief` for BAD: GE0/0/2 is down, GE0/0/3 up
BRIEF_BAD = """\
PHY: Physical
*down: administratively down
^down: standby
(l): loopback
(s): spoofing
(b): BFD down
(e): ETHOAM down
(v): VirtualPort
InUti/OutUti: input utility/output utility
Interface                   PHY   Protocol  InUti OutUti   inErrors  outErrors
GigabitEthernet0/0/1        up    up           0%     0%          0          0
GigabitEthernet0/0/2        down  down         0%     0%          0          0
GigabitEthernet0/0/3        up    up           0%     0%          0          0
GigabitEthernet0/0/24       up    up           0%     0%          0          0
NULL0                       up    up(s)        --     --          0          0
"""
BRIEF_UP = BRIEF_BAD.replace("GigabitEthernet0/0/2        down  down", "GigabitEthernet0/0/2        up    up  ")

Cfg = str | Path | None
CASES: list[tuple[type[Check], str, Cfg, dict[str, Any], dict[str, Any], str, str]] = [
    # access-dhcp-snooping
    (DhcpSnooping, "synthetic-port-and-vlan-enabled", GOOD, ACCESS, {}, "pass", "1 uplink(s) trusted"),
    (DhcpSnooping, "real-s5700-none", S5700, ACCESS, {}, "fail", "not configured globally"),
    (DhcpSnooping, "synthetic-trusted-user-port", BAD, ACCESS, {}, "fail", "user ports trusted"),
    (DhcpSnooping, "synthetic-uplink-untrusted", BAD, ACCESS, {}, "fail", "uplinks not trusted: GigabitEthernet0/0/24"),
    (DhcpSnooping, "synthetic-uplink-pattern", GOOD, ACCESS, {"uplink_patterns": ["GigabitEthernet0/0/3$"]},
     "fail", "uplinks not trusted: GigabitEthernet0/0/3"),
    (DhcpSnooping, "real-ce12800-all-shut", CE12800, ACCESS, {}, "skipped", "no user port"),
    # access-ip-mac-binding
    (IpMacBinding, "synthetic-bound", GOOD, ACCESS, {}, "pass", "1 static binding(s), IP source guard on all 2"),
    (IpMacBinding, "synthetic-arp-check-required", GOOD, ACCESS, {"require_arp_check": True}, "fail",
     "arp anti-attack check user-bind enable"),
    (IpMacBinding, "real-s5700-none", S5700, ACCESS, {}, "fail", "no static IP–MAC binding"),
    (IpMacBinding, "synthetic-dynamic-table-accepted", BAD, ACCESS, {"require_static_binds": False}, "fail",
     "2 of 2 user ports without IP source guard"),
    (IpMacBinding, "real-ce12800-all-shut", CE12800, ACCESS, {}, "skipped", "no user port"),
    # access-nac
    (Nac, "synthetic-dot1x", GOOD, ACCESS, {}, "pass", "all 2 user ports authenticate"),
    (Nac, "synthetic-authentication-profile", PROFILE, ACCESS, {}, "pass", "all 1 user ports"),
    (Nac, "real-s5700-none", S5700, ACCESS, {}, "fail", "20 of 20 user ports without 802.1X"),
    (Nac, "synthetic-one-port-missing", BAD, ACCESS, {}, "fail", "enabled globally but not on these ports"),
    (Nac, "real-basabo-no-user-port", S67_BASABO, ACCESS, {}, "skipped", "no user port"),
    # access-unused-ports
    (UnusedPorts, "real-ce12800-all-shut", CE12800, ACCESS, {}, "pass", "6 shut down"),
    (UnusedPorts, "synthetic-described-or-configured", GOOD, ACCESS, {}, "pass", "no unused open port"),
    (UnusedPorts, "real-s5700-open", S5700, ACCESS, {}, "fail", "25 unused port(s) not shut down"),
    (UnusedPorts, "synthetic-config-only", BAD, ACCESS, {}, "fail", "config only"),
    (UnusedPorts, "synthetic-no-physical-port", NO_PORTS, ACCESS, {}, "skipped", "no physical port"),
    (UnusedPorts, "no-config", None, ACCESS, {}, "skipped", "not recorded"),
]

# cases that add a recorded `display interface brief`
BRIEF_CASES: list[tuple[str, str, str, str]] = [
    ("synthetic-brief-down", BRIEF_BAD, "fail", "PHY down"),
    ("synthetic-brief-up", BRIEF_UP, "pass", "PHY down in `display interface brief`"),
]

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason=f"real fixtures not found at {REAL}")


@pytest.mark.parametrize(("check", "case", "config", "host_kw", "params", "status", "substring"), CASES,
                         ids=[f"{c[0].id}:{c[1]}" for c in CASES])
def test_access_checks(check: type[Check], case: str, config: Cfg, host_kw: dict[str, Any], params: dict[str, Any],
                       status: str, substring: str) -> None:
    assert_finding(run(check, load(config, **host_kw), params), status, substring)


@pytest.mark.parametrize(("case", "brief", "status", "substring"), BRIEF_CASES, ids=[c[0] for c in BRIEF_CASES])
def test_unused_ports_with_brief(case: str, brief: str, status: str, substring: str) -> None:
    dev = load(BAD, outputs={"display interface brief": brief}, **ACCESS)
    finding = run(UnusedPorts, dev)
    assert_finding(finding, status, substring)
    if status == "fail":
        assert finding is not None and finding.data["ports"] == ["GigabitEthernet0/0/2"]


def test_unused_ports_lists_real_names() -> None:
    finding = run(UnusedPorts, load(S5700, **ACCESS))
    assert finding is not None
    assert "GigabitEthernet0/0/1" in finding.data["ports"]
    assert "GigabitEthernet0/0/44" not in finding.data["ports"]   # has a description
    assert finding.evidence[0].text == "interface GigabitEthernet0/0/1"
    assert finding.evidence[0].line == 44   # the line in the stored file


def test_not_applicable_outside_access_zone() -> None:
    assert run(DhcpSnooping, load(GOOD, zone="core", role="switch")) is None
    assert run(Nac, load(GOOD, zone="access", role="router")) is None


def test_params_are_strict() -> None:
    with pytest.raises(ValueError):
        IpMacBinding.Params.model_validate({"uplink_pattern": []})


def test_area_checks_are_well_formed() -> None:
    """Every ipv6-/access-/fw- check names known level-3 items and has strict, documented params."""
    import netaudit.checks.firewall
    import netaudit.checks.ipv6  # noqa: F401
    from netaudit.checks.base import REGISTRY
    from netaudit.controls import is_known

    mine = {cid: cls for cid, cls in REGISTRY.items() if cid.split("-", 1)[0] in ("ipv6", "access", "fw")}
    assert len(mine) == 16
    for cid, cls in mine.items():
        assert cls.controls and all(is_known(c) for c in cls.controls), cid
        assert cls.title_zh and cls.title_en, cid
        assert cls.Params.model_config.get("extra") == "forbid", cid
        assert all(f.description for f in cls.Params.model_fields.values()), cid


# synthetic: 802.1X on the port but not globally (old access mode needs both)
PORT_ONLY = GOOD.replace("dot1x enable\n#\ninterface", "#\ninterface", 1)


def test_nac_port_dot1x_without_global_switch() -> None:
    assert "\ndot1x enable\n" not in PORT_ONLY
    finding = run(Nac, load(PORT_ONLY, **ACCESS))
    assert finding is not None and finding.status == "fail"
    assert "global switch or the profile is missing" in finding.message
    assert finding.remediation[0] == "dot1x enable"
    assert any(e.text == "dot1x enable" for e in finding.evidence)
