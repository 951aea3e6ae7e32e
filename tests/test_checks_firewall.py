"""Firewall and egress checks (fw-*) on the real USG6000V lab capture and synthetic snippets
(marked ``synthetic``).

The real 99-fw01 capture: HRP master, 4 zones, ``security-policy`` with two permit rules (``Underlay``
without zones, ``VRF_10_30`` dmz→trust), no ``default action`` line, no logging, no profiles.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from checkutil import assert_finding, load, run
from fixtures_path import SHOW

from netaudit.checks.base import Check
from netaudit.checks.firewall import (
    DefaultDeny,
    EgressCapabilities,
    Hrp,
    NoAnyAny,
    RuleLogging,
    ThreatProfiles,
    ZoneInterfaces,
)

USG_LAB = SHOW / "display_current-configuration" / "usg6000v-hrp-99-fw01-lab.txt"
FW = {"platform": "huawei_usg", "role": "firewall", "zone": "egress"}

# synthetic: an egress USG done as docs/huawei-vrp.md describes
GOOD = """\
sysname SYN-FW-GOOD
#
 hrp enable
 hrp interface GigabitEthernet1/0/6 remote 10.255.9.2
#
interface GigabitEthernet1/0/1
 ip address 10.30.1.1 255.255.255.0
#
interface GigabitEthernet1/0/2
 ip address 202.100.1.2 255.255.255.248
#
interface GigabitEthernet1/0/6
 ip address 10.255.9.1 255.255.255.252
#
firewall zone trust
 set priority 85
 add interface GigabitEthernet1/0/1
#
firewall zone untrust
 set priority 5
 add interface GigabitEthernet1/0/2
#
firewall zone name hrp
 set priority 90
 add interface GigabitEthernet1/0/6
#
security-policy
 default action deny
 rule name cz-to-internet-web
  source-zone trust
  destination-zone untrust
  source-address 10.20.0.0 mask 255.255.0.0
  service http
  service https
  profile av default
  profile ips default
  profile url-filter web-audit
  action permit
  policy logging
  session logging
 rule name block-rest
  source-zone untrust
  destination-zone trust
  action deny
#
return
"""

# synthetic: the shortcuts an audit finds (permit default, any-any rule, unzoned interface, no HRP)
BAD = """\
sysname SYN-FW-BAD
#
interface GigabitEthernet1/0/1
 ip address 10.30.1.1 255.255.255.0
#
interface GigabitEthernet1/0/3
 ip address 10.40.1.1 255.255.255.0
#
firewall zone trust
 set priority 85
 add interface GigabitEthernet1/0/1
#
firewall zone untrust
 set priority 5
#
security-policy
 default action permit
 rule name allow-all
  source-zone trust
  destination-zone untrust
  action permit
#
return
"""

# synthetic: only deny rules
DENY_ONLY = """\
sysname SYN-FW-DENY
#
security-policy
 default action deny
 rule name block
  source-zone untrust
  destination-zone trust
  action deny
#
return
"""

# synthetic: legacy USG2000/5000 interzone policy, no security-policy section
LEGACY = """\
sysname SYN-FW-LEGACY
#
policy interzone trust untrust outbound
 policy 0
  action permit
#
return
"""

Cfg = str | Path | None
CASES: list[tuple[type[Check], str, Cfg, dict[str, Any], dict[str, Any], str, str]] = [
    # fw-default-deny
    (DefaultDeny, "synthetic-explicit-deny", GOOD, FW, {}, "pass", "`default action deny`"),
    (DefaultDeny, "synthetic-permit", BAD, FW, {}, "fail", "`default action permit`"),
    (DefaultDeny, "real-lab-not-printed", USG_LAB, FW, {}, "skipped", "default (deny) is not printed"),
    (DefaultDeny, "real-lab-absent-means-deny", USG_LAB, FW, {"absent_means_deny": True}, "pass",
     "platform default (deny), UNVERIFIED"),
    (DefaultDeny, "synthetic-legacy", LEGACY, FW, {}, "skipped", "legacy `policy interzone`"),
    # fw-no-any-any
    (NoAnyAny, "real-lab-addresses-set", USG_LAB, FW, {}, "pass", "all 2 permit rule(s) restrict"),
    (NoAnyAny, "synthetic-deny-only", DENY_ONLY, FW, {}, "pass", "no enabled permit rule"),
    (NoAnyAny, "synthetic-allow-all", BAD, FW, {}, "fail", "allow-all (zones trust→untrust)"),
    (NoAnyAny, "synthetic-legacy", LEGACY, FW, {}, "skipped", "legacy"),
    # fw-rule-logging
    (RuleLogging, "synthetic-both-logged", GOOD, FW, {"require": "both"}, "pass", "all 1 permit rule(s) log (both)"),
    (RuleLogging, "real-lab-no-logging", USG_LAB, FW, {}, "fail", "2 of 2 permit rule(s) without either logging"),
    (RuleLogging, "synthetic-deny-only", DENY_ONLY, FW, {}, "skipped", "no enabled permit rule"),
    # fw-zone-interfaces
    (ZoneInterfaces, "real-lab-all-zoned", USG_LAB, FW, {}, "pass", "all 7 interface(s) with an IP address are in a zone"),
    (ZoneInterfaces, "synthetic-hrp-zone", GOOD, FW, {}, "pass", "GigabitEthernet1/0/6→hrp"),
    (ZoneInterfaces, "synthetic-unzoned", BAD, FW, {}, "fail", "in no zone: GigabitEthernet1/0/3"),
    (ZoneInterfaces, "synthetic-no-zones", LEGACY, FW, {}, "skipped", "no `firewall zone`"),
    # fw-threat-profiles
    (ThreatProfiles, "synthetic-ips-av", GOOD, FW, {}, "pass", "reference ips, av"),
    (ThreatProfiles, "real-lab-zoneless-rule", USG_LAB, FW, {}, "fail", "Underlay (no zone: matches untrust too) without ips, av"),
    (ThreatProfiles, "synthetic-allow-all", BAD, FW, {}, "fail", "allow-all (untrust) without ips, av"),
    (ThreatProfiles, "real-lab-zoned-only", USG_LAB, FW, {"zoneless_rules": False}, "skipped",
     "no enabled permit rule to or from an untrust zone"),
    # fw-hrp
    (Hrp, "real-lab-hrp-master", USG_LAB, FW, {}, "pass", "heartbeat Eth-Trunk23 to 10.99.241.13"),
    (Hrp, "synthetic-hrp", GOOD, FW, {}, "pass", "not verified"),
    (Hrp, "synthetic-single", BAD, FW, {}, "fail", "`hrp enable` is not configured"),
    (Hrp, "no-config", None, FW, {}, "skipped", "not recorded"),
    # fw-egress-capabilities
    (EgressCapabilities, "synthetic-all-in-config", GOOD, FW, {}, "pass", "from config: av, content-audit, firewall, ips"),
    (EgressCapabilities, "real-lab-firewall-only", USG_LAB, FW, {}, "fail", "egress lacks ips, av, content-audit"),
    (EgressCapabilities, "real-lab-declared", USG_LAB, {**FW, "vars": {"capabilities": ["ips", "av", "content-audit"]}},
     {}, "pass", "declared in inventory: ips, av, content-audit"),
    (EgressCapabilities, "real-lab-ips-av-only-required", USG_LAB, FW, {"required": ["firewall"]}, "pass",
     "egress has firewall"),
    (EgressCapabilities, "no-config", None, FW, {}, "skipped", "not recorded"),
]

pytestmark = pytest.mark.skipif(not USG_LAB.is_file(), reason=f"real USG capture not found at {USG_LAB}")


@pytest.mark.parametrize(("check", "case", "config", "host_kw", "params", "status", "substring"), CASES,
                         ids=[f"{c[0].id}:{c[1]}" for c in CASES])
def test_firewall_checks(check: type[Check], case: str, config: Cfg, host_kw: dict[str, Any], params: dict[str, Any],
                         status: str, substring: str) -> None:
    assert_finding(run(check, load(config, **host_kw), params), status, substring)


def test_rule_evidence_points_at_the_real_lines() -> None:
    finding = run(RuleLogging, load(USG_LAB, **FW))
    assert finding is not None
    texts = {(e.line, e.text) for e in finding.evidence}
    assert (311, "rule name Underlay") in texts
    assert (322, "action permit") in texts
    assert any("policy logging" in r for r in finding.remediation)


def test_declared_capabilities_are_cited_from_inventory() -> None:
    dev = load(USG_LAB, **{**FW, "vars": {"capabilities": ["ips", "av", "content-audit"]}})
    finding = run(EgressCapabilities, dev)
    assert finding is not None
    assert any(e.file == "inventory" for e in finding.evidence)
    assert finding.data["declared"] == ["ips", "av", "content-audit"]


def test_applicability() -> None:
    # firewall-syntax checks need a USG; the egress check applies to the egress zone only
    assert run(NoAnyAny, load(GOOD, platform="huawei_vrp", role="switch", zone="egress")) is None
    assert run(EgressCapabilities, load(GOOD, **{**FW, "zone": "core"})) is None
