"""IPv6 readiness checks (ipv6-*) on real captures and synthetic snippets (marked ``synthetic``).

No real capture configures IPv6 (fixtures PROVENANCE): on them the checks fail or skip honestly;
the passes come from synthetic configurations in the documented VRP syntax.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from checkutil import assert_finding, load, run
from fixtures_path import REAL

from netaudit.checks.base import Check
from netaudit.checks.ipv6 import Ipv6AccessGuard, Ipv6DualStack, Ipv6Enabled, Ipv6MgmtAcl, Ipv6Routing

CFG = REAL / "configs"
S5700 = CFG / "s5700-v200r005c00spc500-s5700b.txt"
S3328 = CFG / "s3328-v100r005c01spc100-huishi.txt"
HAVANA = CFG / "s67xx-v200r022c00spc500-isp-sw2pop13-havana.txt"     # OSPF, IPv4 only
CE12800 = CFG / "ce12800-sim-v200r005c10spc607-huawei1-hwtacacs.txt"  # management-only L3
CE6880 = CFG / "ce6880-v200r005c10spc800-isp-mohammadpur.txt"
CE8850 = CFG / "ce8850-v200r002c50-stack-23k0573.txt"                 # L3 Eth-Trunks all shut down

CORE = {"zone": "core", "role": "switch"}
ACCESS = {"zone": "access", "role": "switch"}
CE = {"platform": "huawei_vrpv8"}

# synthetic: an S12700 core, dual stack, OSPF + OSPFv3, IPv6 vty ACL (docs/huawei-vrp.md IPv6 block)
CORE_V6 = """\
!Software Version V200R019C10SPC500
#
sysname SYN-CORE
#
ipv6
#
acl number 2000
 rule 5 permit source 10.255.0.0 0.0.0.255
#
acl ipv6 number 2001
 rule 5 permit ipv6 source 2409:8C54:1:FF::/64
#
interface Vlanif100
 ipv6 enable
 ip address 10.10.100.1 255.255.255.0
 ipv6 address 2409:8C54:1:100::1/64
#
interface XGigabitEthernet1/1/0/1
 undo portswitch
 ipv6 enable
 ip address 10.10.1.1 255.255.255.252
 ipv6 address auto link-local
 ospf enable 1 area 0.0.0.0
 ospfv3 1 area 0.0.0.0
#
interface MEth0/0/1
 ip binding vpn-instance MGMT
 ip address 10.255.0.11 255.255.255.0
#
interface LoopBack0
 ip address 10.10.0.1 255.255.255.255
#
ospf 1 router-id 10.10.0.1
 area 0.0.0.0
  network 10.10.1.0 0.0.0.3
#
ospfv3 1
 router-id 10.10.0.1
 area 0.0.0.0
#
ipv6 route-static :: 0 2409:8C54:1::1
#
user-interface vty 0 4
 acl 2000 inbound
 acl ipv6 2001 inbound
 authentication-mode aaa
 protocol inbound ssh
#
return
"""

# synthetic: IPv6 switched on but only half done (a gateway without IPv6, no IPv6 vty ACL)
HALF_V6 = """\
!Software Version V200R019C10SPC500
#
sysname SYN-AGG
#
ipv6
#
interface Vlanif100
 ipv6 enable
 ip address 10.10.100.1 255.255.255.0
 ipv6 address 2409:8C54:1:100::1/64
#
interface Vlanif200
 ipv6 enable
 ip address 10.10.200.1 255.255.255.0
#
ssh server acl 2000
#
user-interface vty 0 4
 acl 2000 inbound
 authentication-mode aaa
#
return
"""

# synthetic: CloudEngine (VRP8) with IPv6 on an interface and no global line (none exists on CE)
CE_V6 = """\
!Software Version V200R005C10SPC800
#
sysname SYN-CE
#
telnet server disable
#
interface 10GE1/0/1
 undo portswitch
 ipv6 enable
 ip address 10.10.2.1 255.255.255.252
 ipv6 address 2409:8C54:1:2::1/127
#
return
"""

# synthetic: an access switch with IPv6 first-hop security (ND snooping + DHCPv6 snooping)
GUARDED = """\
sysname SYN-ACC-V6
#
ipv6
#
dhcp enable
dhcp snooping enable ipv6
nd snooping enable
#
interface GigabitEthernet0/0/1
 port link-type access
 port default vlan 10
#
interface GigabitEthernet0/0/24
 port link-type trunk
 port trunk allow-pass vlan 10
 dhcp snooping trusted
 nd snooping trusted
#
return
"""
RA_ONLY = GUARDED.replace("dhcp snooping enable ipv6\n", "").replace("nd snooping enable\n", "").replace(
    " port default vlan 10\n", " port default vlan 10\n ipv6 nd raguard role host\n")

Cfg = str | Path | None
CASES: list[tuple[type[Check], str, Cfg, dict[str, Any], dict[str, Any], str, str]] = [
    # ipv6-enabled
    (Ipv6Enabled, "synthetic-vrp5-global", CORE_V6, CORE, {}, "pass", "global `ipv6` is on"),
    (Ipv6Enabled, "synthetic-vrp8-interface", CE_V6, {**CORE, **CE}, {}, "pass", "no global switch on this family"),
    (Ipv6Enabled, "real-s5700-vrp5", S5700, ACCESS, {}, "fail", "the global `ipv6` line is missing"),
    (Ipv6Enabled, "real-ce6880-vrp8", CE6880, {**CORE, **CE}, {}, "fail", "vrp8: no global ipv6 line exists"),
    (Ipv6Enabled, "no-config", None, CORE, {}, "skipped", "not recorded"),
    # ipv6-dual-stack
    (Ipv6DualStack, "synthetic-gateway-and-link-local-uplink", CORE_V6, CORE, {}, "pass",
     "all 2 routed interface(s) have IPv4 and IPv6"),
    (Ipv6DualStack, "synthetic-one-gateway-v4-only", HALF_V6, CORE, {}, "fail", "1 of 2 routed interface(s) are IPv4 only: Vlanif200"),
    (Ipv6DualStack, "real-s3328", S3328, CORE, {}, "fail", "13 of 13 routed interface(s) are IPv4 only"),
    (Ipv6DualStack, "real-ce12800-mgmt-only", CE12800, {**CORE, **CE}, {}, "skipped", "no routed interface"),
    (Ipv6DualStack, "real-ce8850-all-shut", CE8850, {**CORE, **CE}, {}, "skipped", "shut down"),
    # ipv6-routing
    (Ipv6Routing, "synthetic-ospfv3-and-static", CORE_V6, CORE, {}, "pass", "OSPFv3 1"),
    (Ipv6Routing, "real-havana-ospf-only", HAVANA, CORE, {}, "fail", "IPv4 is routed but no OSPFv3"),
    (Ipv6Routing, "synthetic-core-no-routing", HALF_V6, CORE, {}, "fail", "no OSPFv3"),
    (Ipv6Routing, "real-ce12800-access-l2", CE12800, {**ACCESS, **CE}, {}, "skipped", "layer-2 access switch"),
    # ipv6-mgmt-acl
    (Ipv6MgmtAcl, "synthetic-vty-acl6", CORE_V6, CORE, {}, "pass", "vty 0-4 acl ipv6 2001"),
    (Ipv6MgmtAcl, "synthetic-vty-v4-only", HALF_V6, CORE, {}, "fail", "no `acl ipv6 … inbound` on vty 0-4 (IPv4 acl 2000)"),
    (Ipv6MgmtAcl, "synthetic-ssh-acl-parity", HALF_V6, CORE, {}, "fail", "`ssh server acl 2000` has no IPv6"),
    (Ipv6MgmtAcl, "real-s3328-no-ipv6", S3328, CORE, {}, "skipped", "IPv6 not enabled"),
    # ipv6-access-guard
    (Ipv6AccessGuard, "synthetic-nd-and-dhcpv6-snooping", GUARDED, ACCESS, {}, "pass",
     "dhcpv6-snooping, nd-snooping, ra-guard"),
    (Ipv6AccessGuard, "synthetic-ra-guard-only", RA_ONLY, ACCESS, {}, "fail", "missing IPv6 first-hop protection: dhcpv6-snooping"),
    (Ipv6AccessGuard, "synthetic-ra-guard-only-enough", RA_ONLY, ACCESS, {"require": ["ra-guard"]}, "pass", "ra-guard"),
    (Ipv6AccessGuard, "real-s5700", S5700, ACCESS, {}, "fail", "ra-guard, dhcpv6-snooping"),
    (Ipv6AccessGuard, "real-ce12800-no-user-port", CE12800, {**ACCESS, **CE}, {}, "skipped", "no user port"),
]

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason=f"real fixtures not found at {REAL}")


@pytest.mark.parametrize(("check", "case", "config", "host_kw", "params", "status", "substring"), CASES,
                         ids=[f"{c[0].id}:{c[1]}" for c in CASES])
def test_ipv6_checks(check: type[Check], case: str, config: Cfg, host_kw: dict[str, Any], params: dict[str, Any],
                     status: str, substring: str) -> None:
    assert_finding(run(check, load(config, **host_kw), params), status, substring)


def test_dual_stack_lists_v4_only_and_excludes_management() -> None:
    finding = run(Ipv6DualStack, load(HALF_V6, **CORE))
    assert finding is not None and finding.data["v4_only"] == ["Vlanif200"]
    assert any("ipv6 address" in r for r in finding.remediation)
    # the MGMT vpn-instance MEth and the loopback are not in scope
    ok = run(Ipv6DualStack, load(CORE_V6, **CORE))
    assert ok is not None and ok.data["interfaces"] == 2


def test_mgmt_acl_never_passes_without_ipv6() -> None:
    for cfg in (S5700, S3328, HAVANA):
        finding = run(Ipv6MgmtAcl, load(cfg, **CORE))
        assert finding is not None and finding.status == "skipped"


def test_guard_params_reject_unknown_protection() -> None:
    with pytest.raises(ValueError):
        Ipv6AccessGuard.Params.model_validate({"require": ["savi"]})
