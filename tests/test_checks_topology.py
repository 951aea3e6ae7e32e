"""Topology checks on small hand-built networks (synthetic inventories and configs)."""

from __future__ import annotations

from typing import Any

import pytest

from netaudit.audit import LoadedDevice, NetworkContext, parse_outputs, run_network_checks
from netaudit.checks.base import Check
from netaudit.checks.topo import (
    CoreDual,
    CssTrunk,
    DualHoming,
    GatewayVrrp,
    LinkBandwidth,
    LldpConsistency,
    SinglePoints,
    ZoneBoundary,
)
from netaudit.inventory.models import Device, Inventory, Link, Site
from netaudit.policy.catalog import CheckEntry
from netaudit.results import Finding

SITES = [Site(name="city", tier="city"), Site(name="cnty", tier="county", parent="city"),
         Site(name="town", tier="town", parent="cnty")]


def dev(name: str, zone: str, site: str = "city", *, chassis: int = 1, role: str = "switch",
        tier: str | None = None) -> Device:
    tiers = {s.name: s.tier for s in SITES}
    return Device(hostname=name, mgmt_ip=f"10.0.0.{abs(hash(name)) % 250 + 1}", platform="huawei_vrp",
                  zone=zone, site=site, tier=tier or tiers[site], chassis=chassis, role=role)  # type: ignore[arg-type]


def link(a: str, b: str, bw: str = "10G") -> Link:
    return Link(a=a, b=b, bandwidth=bw)


def network(devices: list[Device], links: list[Link], models: dict[str, dict[str, str]] | None = None) -> NetworkContext:
    inv = Inventory(sites=SITES, devices=devices, links=links)
    loaded: dict[str, LoadedDevice] = {}
    for d in devices:
        outputs = (models or {}).get(d.hostname)
        loaded[d.hostname] = parse_outputs(d, outputs) if outputs else LoadedDevice(d)
    return NetworkContext(inv, devices, loaded)


def run(check: type[Check], net: NetworkContext, params: dict[str, Any] | None = None) -> dict[str, Finding]:
    entry = CheckEntry(check(), check.Params.model_validate(params or {}), check.severity)
    return {f.device: f for f in run_network_checks(net, [entry])}


CORE = dev("CORE", "core", chassis=2)


def test_single_homed_county_node_fails_dual_homing_and_spof() -> None:
    net = network(
        [CORE, dev("CNTY-A", "county", "cnty"), dev("CNTY-B", "county", "cnty")],
        [link("CORE:XGigabitEthernet1/1/0/1", "CNTY-A:XGigabitEthernet0/0/1", "1G"),
         link("CORE:XGigabitEthernet2/1/0/1", "CNTY-A:XGigabitEthernet0/0/2", "1G"),
         link("CORE:XGigabitEthernet1/1/0/2", "CNTY-B:XGigabitEthernet0/0/1", "1G")])
    dh = run(DualHoming, net)
    assert dh["CNTY-A"].status == "pass" and dh["CNTY-A"].data["paths"] == 2
    assert dh["CNTY-B"].status == "fail"
    assert "CORE#1" in dh["CNTY-B"].message
    assert dh["CNTY-B"].data["links"] == ["CORE:XGigabitEthernet1/1/0/2--CNTY-B:XGigabitEthernet0/0/1"]
    assert dh["CNTY-B"].evidence and dh["CNTY-B"].remediation
    assert "CORE" not in dh  # the core itself is not judged
    spof = run(SinglePoints, net)
    assert spof["CNTY-A"].status == "pass"
    assert spof["CNTY-B"].status == "fail" and "bridge" in spof["CNTY-B"].message


def test_two_links_on_one_css_chassis_are_not_dual_homing() -> None:
    net = network([CORE, dev("AGG", "aggregation")],
                  [link("CORE:XGigabitEthernet1/1/0/1", "AGG:XGigabitEthernet0/0/1"),
                   link("CORE:XGigabitEthernet1/2/0/1", "AGG:XGigabitEthernet0/0/2")])
    assert run(DualHoming, net)["AGG"].status == "fail"


def test_bridge_link_and_articulation_point() -> None:
    # town below a single county node: the county node is a single point for nobody protected
    # (towns are not protected), but AGG-2 hangs off AGG-1 only: AGG-1 is a single point for it.
    net = network(
        [CORE, dev("AGG-1", "aggregation"), dev("AGG-2", "aggregation")],
        [link("CORE:XGigabitEthernet1/1/0/1", "AGG-1:XGigabitEthernet0/0/1"),
         link("CORE:XGigabitEthernet2/1/0/1", "AGG-1:XGigabitEthernet0/0/2"),
         link("AGG-1:XGigabitEthernet0/0/3", "AGG-2:XGigabitEthernet0/0/1")])
    spof = run(SinglePoints, net)
    assert spof["AGG-1"].status == "fail"
    assert spof["AGG-1"].data["dependents"] == ["AGG-2"]
    assert spof["AGG-2"].status == "fail"
    assert spof["AGG-2"].data["links"] == ["AGG-1:XGigabitEthernet0/0/3--AGG-2:XGigabitEthernet0/0/1"]


def test_zone_shortcut_and_egress_without_firewall() -> None:
    net = network(
        [CORE, dev("AGG", "aggregation"), dev("EXT", "extranet"), dev("RTR", "egress", role="router"),
         dev("FW", "egress", role="firewall")],
        [link("AGG:XGigabitEthernet0/0/9", "EXT:XGigabitEthernet0/0/9"),
         link("CORE:XGigabitEthernet1/1/0/9", "RTR:GigabitEthernet0/0/1", "1G"),
         link("CORE:XGigabitEthernet2/1/0/9", "FW:GigabitEthernet1/0/1", "1G"),
         link("CORE:XGigabitEthernet1/1/0/1", "AGG:XGigabitEthernet0/0/1")])
    zb = run(ZoneBoundary, net)
    assert zb["AGG"].status == "fail" and "aggregation meets extranet" in zb["AGG"].message
    assert zb["EXT"].status == "fail"
    assert zb["RTR"].status == "fail" and "without a firewall" in zb["RTR"].message
    assert zb["FW"].status == "pass"
    assert zb["CORE"].status == "pass"


CSS_CORE_CFG = """#
sysname CORE
#
interface Eth-Trunk10
 port link-type trunk
 mode lacp
#
interface XGigabitEthernet1/1/0/1
 eth-trunk 10
#
interface XGigabitEthernet1/1/0/2
 eth-trunk 10
#
interface XGigabitEthernet1/1/0/3
 eth-trunk 20
#
interface XGigabitEthernet2/1/0/3
 eth-trunk 20
#
return
"""


def test_css_trunk_members_on_one_chassis() -> None:
    net = network(
        [CORE, dev("FIN", "finance"), dev("EXT", "extranet")],
        [link("CORE:XGigabitEthernet1/1/0/1", "FIN:XGigabitEthernet0/0/1"),
         link("CORE:XGigabitEthernet1/1/0/2", "FIN:XGigabitEthernet0/0/2"),
         link("CORE:XGigabitEthernet1/1/0/3", "EXT:XGigabitEthernet0/0/1"),
         link("CORE:XGigabitEthernet2/1/0/3", "EXT:XGigabitEthernet0/0/2")],
        {"CORE": {"display current-configuration": CSS_CORE_CFG}})
    ct = run(CssTrunk, net)
    assert ct["FIN"].status == "fail" and "chassis [1]" in ct["FIN"].message
    assert len(ct["FIN"].data["links"]) == 2
    assert ct["EXT"].status == "pass"
    assert "CORE" not in ct


def test_css_trunk_skipped_without_configs() -> None:
    net = network([CORE, dev("FIN", "finance")],
                  [link("CORE:XGigabitEthernet1/1/0/1", "FIN:XGigabitEthernet0/0/1"),
                   link("CORE:XGigabitEthernet2/1/0/2", "FIN:XGigabitEthernet0/0/2")])
    assert run(CssTrunk, net)["FIN"].status == "skipped"


LLDP_OLD = """Local Intf       Neighbor Dev             Neighbor Intf             Exptime(s)
XGE0/0/1         CORE                     XGE1/1/0/1                120
XGE0/0/2         OTHER-SW                 XGE0/0/7                  120
"""


def test_lldp_contradiction_and_missing_output() -> None:
    net = network(
        [CORE, dev("AGG", "aggregation"), dev("ACC", "access")],
        [link("CORE:XGigabitEthernet1/1/0/1", "AGG:XGigabitEthernet0/0/1"),
         link("CORE:XGigabitEthernet2/1/0/1", "AGG:XGigabitEthernet0/0/2"),
         link("AGG:XGigabitEthernet0/0/3", "ACC:XGigabitEthernet0/0/1")],
        {"AGG": {"display current-configuration": "#\nsysname AGG\n#\nreturn\n",
                 "display lldp neighbor brief": LLDP_OLD}})
    res = run(LldpConsistency, net)
    agg = res["AGG"]
    assert agg.status == "fail"
    assert "OTHER-SW:XGE0/0/7" in agg.message  # another peer
    assert "XGigabitEthernet0/0/3: no LLDP neighbor" in agg.message  # missing
    assert "XGigabitEthernet0/0/1" not in agg.data["links"][0].split("--")[1]
    assert len(agg.data["links"]) == 2
    assert res["ACC"].status == "skipped"  # no LLDP recorded


def test_bandwidth_minimums() -> None:
    net = network(
        [CORE, dev("CLOUD", "cloud"), dev("CNTY", "county", "cnty"), dev("TOWN", "county", "town")],
        [link("CORE:XGigabitEthernet1/1/0/1", "CLOUD:XGigabitEthernet0/0/1", "1G"),
         link("CORE:XGigabitEthernet1/1/0/2", "CNTY:GigabitEthernet0/0/1", "1G"),
         link("CNTY:GigabitEthernet0/0/5", "TOWN:GigabitEthernet0/0/1", "100M")])
    bw = run(LinkBandwidth, net)
    assert bw["CLOUD"].status == "fail" and "needs ≥ 10G" in bw["CLOUD"].message
    assert bw["CNTY"].status == "pass" and bw["TOWN"].status == "pass"
    bw = run(LinkBandwidth, net, {"county_town": "1G"})
    assert bw["TOWN"].status == "fail"


def test_core_dual_needs_css_state() -> None:
    css = ("CSS ID   CSS Status      Chassis Role   Priority  CSS Enable\n"
           "------------------------------------------------------------\n"
           "1        Online          Master         200       Enable\n"
           "2        Offline         --             100       Enable\n")
    cfg = "#\nsysname CORE\n#\nreturn\n"
    base = [link("CORE:XGigabitEthernet1/1/0/1", "AGG:XGigabitEthernet0/0/1")]
    skipped = run(CoreDual, network([CORE, dev("AGG", "aggregation")], base))
    assert skipped["CORE"].status == "skipped"
    failed = run(CoreDual, network([CORE, dev("AGG", "aggregation")], base,
                                   {"CORE": {"display current-configuration": cfg, "display css status": css}}))
    assert failed["CORE"].status == "fail"
    healthy = css.replace("2        Offline         --    ", "2        Online          Standby")
    ok = run(CoreDual, network([CORE, dev("AGG", "aggregation")], base,
                               {"CORE": {"display current-configuration": cfg, "display css status": healthy}}))
    assert ok["CORE"].status == "pass"
    single = run(CoreDual, network([dev("CORE", "core"), dev("AGG", "aggregation")], base))
    assert single["CORE"].status == "fail"


def test_vrrp_on_shared_gateway_subnet() -> None:
    def cfg(name: str, ip: str, vrrp: bool) -> str:
        v = " vrrp vrid 1 virtual-ip 10.9.1.254\n" if vrrp else ""
        return f"#\nsysname {name}\n#\ninterface Vlanif100\n ip address {ip} 255.255.255.0\n{v}#\nreturn\n"

    net = network([CORE, dev("GW-1", "aggregation"), dev("GW-2", "aggregation")], [],
                  {"GW-1": {"display current-configuration": cfg("GW-1", "10.9.1.1", True)},
                   "GW-2": {"display current-configuration": cfg("GW-2", "10.9.1.2", False)}})
    res = run(GatewayVrrp, net)
    assert res["GW-1"].status == "pass"
    assert res["GW-2"].status == "fail" and "Vlanif100" in res["GW-2"].message
    assert res["CORE"].status == "skipped"  # no config recorded: its gateway subnets are unknown


# --- the table: every topology check has a pass, a fail and a skipped case -------------------------
def _star(extra_devices: list[Device], extra_links: list[Link], models: dict[str, dict[str, str]] | None = None,
          core: Device = CORE) -> NetworkContext:
    """A CSS core, a dual-homed aggregation switch AGG, plus what a case adds (synthetic)."""
    base = [link("CORE:XGigabitEthernet1/1/0/1", "AGG:XGigabitEthernet0/0/1"),
            link("CORE:XGigabitEthernet2/1/0/1", "AGG:XGigabitEthernet0/0/2")]
    return network([core, dev("AGG", "aggregation"), *extra_devices], base + extra_links, models)


_LONE = dev("LONE", "county", "cnty")
_CSS_OK = ("CSS ID   CSS Status      Chassis Role   Priority  CSS Enable\n"
           "------------------------------------------------------------\n"
           "1        Online          Master         200       Enable\n"
           "2        Online          Standby        100       Enable\n")
_CSS_DOWN = _CSS_OK.replace("2        Online          Standby", "2        Offline         --     ")
_CFG = "#\nsysname CORE\n#\nreturn\n"
_TRUNK = CSS_CORE_CFG
_LLDP_AGG = ("Local Intf       Neighbor Dev             Neighbor Intf             Exptime(s)\n"
             "XGE0/0/1         CORE                     XGE1/1/0/1                120\n"
             "XGE0/0/2         CORE                     XGE2/1/0/1                120\n")
_AGG_CFG = "#\nsysname AGG\n#\nreturn\n"


def _gw(name: str, vrrp: bool) -> str:
    v = " vrrp vrid 1 virtual-ip 10.9.1.254\n" if vrrp else ""
    return f"#\nsysname {name}\n#\ninterface Vlanif100\n ip address 10.9.1.{1 if vrrp else 2} 255.255.255.0\n{v}#\nreturn\n"


TABLE = [
    (CoreDual, "pass-css-healthy", lambda: _star([], [], {"CORE": {"display current-configuration": _CFG,
                                                                     "display css status": _CSS_OK}}),
     "CORE", "pass", "2 healthy members"),
    (CoreDual, "fail-css-member-down", lambda: _star([], [], {"CORE": {"display current-configuration": _CFG,
                                                                         "display css status": _CSS_DOWN}}),
     "CORE", "fail", "1 healthy member"),
    (CoreDual, "skipped-no-css-output", lambda: _star([], []), "CORE", "skipped", "no `display css status`"),
    (DualHoming, "pass", lambda: _star([], []), "AGG", "pass", "2 node-disjoint paths"),
    (DualHoming, "fail-single-link", lambda: _star([_LONE], [link("CORE:GigabitEthernet1/3/0/1", "LONE:GigabitEthernet0/0/1", "1G")]),
     "LONE", "fail", "only 1 node-disjoint path"),
    (DualHoming, "skipped-no-links", lambda: _star([_LONE], []), "LONE", "skipped", "no link declared"),
    (SinglePoints, "pass", lambda: _star([], []), "AGG", "pass", "neither the device"),
    (SinglePoints, "fail-bridge", lambda: _star([_LONE], [link("CORE:GigabitEthernet1/3/0/1", "LONE:GigabitEthernet0/0/1", "1G")]),
     "LONE", "fail", "bridge link"),
    (SinglePoints, "skipped-no-links", lambda: _star([_LONE], []), "LONE", "skipped", "no link declared"),
    (CssTrunk, "pass-both-chassis", lambda: _star([dev("EXT", "extranet")],
                                                  [link("CORE:XGigabitEthernet1/1/0/3", "EXT:XGigabitEthernet0/0/1"),
                                                   link("CORE:XGigabitEthernet2/1/0/3", "EXT:XGigabitEthernet0/0/2")],
                                                  {"CORE": {"display current-configuration": _TRUNK}}),
     "EXT", "pass", "chassis [1, 2]"),
    (CssTrunk, "fail-one-chassis", lambda: _star([dev("FIN", "finance")],
                                                 [link("CORE:XGigabitEthernet1/1/0/1", "FIN:XGigabitEthernet0/0/1"),
                                                  link("CORE:XGigabitEthernet1/1/0/2", "FIN:XGigabitEthernet0/0/2")],
                                                 {"CORE": {"display current-configuration": _TRUNK}}),
     "FIN", "fail", "all members on chassis [1]"),
    (CssTrunk, "skipped-no-configs", lambda: _star([], []), "AGG", "skipped", "no Eth-Trunk toward CORE"),
    (LinkBandwidth, "pass", lambda: _star([], []), "AGG", "pass", "10G ≥ 1G"),
    (LinkBandwidth, "fail-thin-county-link", lambda: _star([_LONE], [link("CORE:GigabitEthernet1/3/0/1", "LONE:GigabitEthernet0/0/1", "100M")]),
     "LONE", "fail", "needs ≥ 1G"),
    (LinkBandwidth, "skipped-no-links", lambda: _star([_LONE], []), "LONE", "skipped", "no link declared"),
    (ZoneBoundary, "pass", lambda: _star([], []), "AGG", "pass", "meets the core"),
    (ZoneBoundary, "fail-shortcut", lambda: _star([dev("EXT", "extranet")], [link("AGG:XGigabitEthernet0/0/9", "EXT:XGigabitEthernet0/0/9")]),
     "EXT", "fail", "extranet meets aggregation"),
    (ZoneBoundary, "skipped-no-links", lambda: _star([_LONE], []), "LONE", "skipped", "no link declared"),
    (LldpConsistency, "pass", lambda: _star([], [], {"AGG": {"display current-configuration": _AGG_CFG,
                                                           "display lldp neighbor brief": _LLDP_AGG}}),
     "AGG", "pass", "all 2 declared links seen"),
    (LldpConsistency, "fail-missing-neighbor", lambda: _star([], [], {"AGG": {"display current-configuration": _AGG_CFG,
                                                                            "display lldp neighbor brief": _LLDP_AGG.splitlines()[0] + "\n"}}),
     "AGG", "fail", "no LLDP neighbor"),
    (LldpConsistency, "skipped-not-recorded", lambda: _star([], []), "AGG", "skipped", "not recorded"),
    (GatewayVrrp, "pass", lambda: network([CORE, dev("GW-1", "aggregation"), dev("GW-2", "aggregation")], [],
                                          {"GW-1": {"display current-configuration": _gw("GW-1", True)},
                                           "GW-2": {"display current-configuration": _gw("GW-2", False)}}),
     "GW-1", "pass", "has VRRP"),
    (GatewayVrrp, "fail-no-vrrp", lambda: network([CORE, dev("GW-1", "aggregation"), dev("GW-2", "aggregation")], [],
                                                  {"GW-1": {"display current-configuration": _gw("GW-1", True)},
                                                   "GW-2": {"display current-configuration": _gw("GW-2", False)}}),
     "GW-2", "fail", "without VRRP"),
    (GatewayVrrp, "skipped-no-config", lambda: _star([], []), "AGG", "skipped", "not recorded or not parsed"),
]


@pytest.mark.parametrize("check,case,build,device,status,text", TABLE, ids=[f"{t[0].id}-{t[1]}" for t in TABLE])
def test_topology_table(check: type[Check], case: str, build: Any, device: str, status: str, text: str) -> None:
    found = run(check, build())
    f = found[device]
    assert f.status == status, f"{f.status}: {f.message}"
    assert text in f.message, f.message
    if status in ("pass", "fail"):
        assert f.evidence, "a verdict needs evidence"
    if status == "fail":
        assert f.remediation


def test_every_topology_check_has_pass_fail_and_skipped() -> None:
    import netaudit.checks.all  # noqa: F401
    from netaudit.checks import REGISTRY

    topo = {cid for cid in REGISTRY if cid.startswith("topo-")}
    covered = {(t[0].id, t[4]) for t in TABLE}
    for cid in topo:
        for status in ("pass", "fail", "skipped"):
            assert (cid, status) in covered, (cid, status)
