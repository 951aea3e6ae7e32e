"""Topology and redundancy checks over the declared links (networkx), reconciled with LLDP.

They answer 8.1.2.1 (network architecture): b bandwidth, c/d zoning and isolation, e redundancy
of lines and key devices. Findings name the device whose redundancy is lacking; the links
involved go in ``data.links`` as ``HOST:INTF--HOST:INTF`` labels (the HTML topology highlights
them).
"""

from __future__ import annotations

import ipaddress
from collections import defaultdict
from typing import Any, ClassVar

import networkx as nx
from pydantic import BaseModel, ConfigDict, Field

from netaudit.checks.base import Check, Outcome, failed, passed, register, skipped
from netaudit.inventory.models import BANDWIDTHS, Device, Inventory, Link, bandwidth_mbps
from netaudit.results import Evidence
from netaudit.topology import (
    CORE,
    build_graph,
    canonical_interface,
    chassis_of,
    device_nodes,
    disjoint_paths_to_core,
    with_core_sink,
)

PROTECTED_ZONES = ("aggregation", "cloud", "county")
PROTECTED_TIERS = ("city", "county")


def link_evidence(inv: Inventory, links: list[Link]) -> list[Evidence]:
    out = []
    for lk in links:
        origin = inv.link_origins.get(lk.label, "inventory:0")
        file, _, line = origin.rpartition(":")
        out.append(Evidence(file=file, line=int(line) if line.isdigit() else None,
                            text=f"a: {lk.a}  b: {lk.b}  bandwidth: {lk.bandwidth}"))
    return out


def device_evidence(inv: Inventory, host: str) -> list[Evidence]:
    origin = inv.origins.get(host, "inventory:0")
    file, _, line = origin.rpartition(":")
    return [Evidence(file=file, line=int(line) if line.isdigit() else None, text=f"hostname: {host}")]


def _inv_outcome(status: str, message: str, inv: Inventory, links: list[Link], **kw: Any) -> Outcome:
    return Outcome(status, message, source="inventory", extra_evidence=link_evidence(inv, links), **kw)


def no_links(inv: Inventory, d: Device) -> Outcome | None:
    """Skipped when the inventory declares no link for the device: its topology is unknown."""
    if inv.links_of(d.hostname):
        return None
    return skipped("no link declared for this device in the inventory: topology unknown / 清单中未声明链路",
                   source="inventory", extra_evidence=device_evidence(inv, d.hostname))


class _Net(Check):
    scope: ClassVar[str] = "network"
    needs: ClassVar[tuple[str, ...]] = ()


@register
class CoreDual(_Net):
    id = "topo-core-dual"
    title_zh = "核心双机（CSS 集群两台成员正常，或两台核心设备）"
    title_en = "The core is dual (a healthy 2-member CSS, or two core devices)"
    severity = "critical"
    controls = ("8.1.2.1e", "8.1.4.9c")
    zones = ("core",)

    def evaluate_network(self, net: Any, params: Any) -> dict[str, Outcome]:
        inv: Inventory = net.inventory
        cores = [d for d in inv.devices if d.zone == "core"]
        out: dict[str, Outcome] = {}
        for d in (h for h in net.selected if h.zone == "core"):
            others = [c.hostname for c in cores if c.hostname != d.hostname]
            if others:
                out[d.hostname] = Outcome("pass", f"two core devices: {d.hostname}, {', '.join(others)}",
                                          source="inventory", extra_evidence=device_evidence(inv, d.hostname))
                continue
            if d.chassis < 2:
                out[d.hostname] = Outcome("fail", "a single core device with one chassis / 核心单机",
                                          remediation=["add a second chassis and form a CSS (set css id 2; css enable)"],
                                          source="inventory", extra_evidence=device_evidence(inv, d.hostname))
                continue
            loaded = net.devices.get(d.hostname)
            model = loaded.model if loaded else None
            live = [m for m in (model.stack_members if model else []) if m.source != "config"]
            if not live:
                broken = [c for c in ("display css status", "display stack") if loaded and c in loaded.failed]
                why = "; ".join(loaded.why_unusable(c) for c in broken) if loaded and broken else \
                    "no `display css status` or `display stack` recorded to prove its state / 未采集集群状态"
                out[d.hostname] = skipped(f"{d.chassis}-chassis CSS declared, but {why}")
                continue
            healthy = [m for m in live if (m.state or "").lower() in ("online", "ready", "up", "")
                       and (m.role or "").lower() in ("master", "standby", "slave", "backup")]
            ev = [e for m in live for e in m.evidence]
            if len(healthy) >= 2:
                out[d.hostname] = passed(f"CSS with {len(healthy)} healthy members: "
                                         + ", ".join(f"{m.member_id} {m.role}" for m in healthy), ev,
                                         source="display css status")
            else:
                out[d.hostname] = failed(f"CSS has {len(healthy)} healthy member(s) of {d.chassis} declared / 集群成员异常",
                                         ev, ["display css status", "check CSS links and member power"])
        return out


def uplinks(inv: Inventory, h: nx.Graph, d: Device) -> list[Link]:
    """The device's links toward the core: those whose peer still reaches the core without it."""
    without = h.copy()
    without.remove_nodes_from(device_nodes(d))
    reach = nx.node_connected_component(without, CORE) if CORE in without else set()
    out = []
    for lk in inv.links_of(d.hostname):
        peer = lk.b_host if lk.a_host == d.hostname else lk.a_host
        pd = inv.device(peer)
        if pd is not None and any(n in reach for n in device_nodes(pd)):
            out.append(lk)
    return out


class _Protected(BaseModel):
    model_config = ConfigDict(extra="forbid")
    min_paths: int = Field(2, ge=1, le=4, description="node-disjoint paths to the core required")


@register
class DualHoming(_Net):
    id = "topo-dual-homing"
    title_zh = "汇聚、云接入与区县节点至核心至少两条节点不相交路径（双归）"
    title_en = "Aggregation, cloud and county nodes have 2 node-disjoint paths to the core"
    severity = "high"
    controls = ("8.1.2.1e",)
    zones = PROTECTED_ZONES
    tiers = PROTECTED_TIERS
    Params = _Protected

    def evaluate_network(self, net: Any, params: Any) -> dict[str, Outcome]:
        inv: Inventory = net.inventory
        g = build_graph(inv)
        h = with_core_sink(inv, g)
        out: dict[str, Outcome] = {}
        for d in net.selected:
            if d.zone == "core":
                continue
            if (unknown := no_links(inv, d)) is not None:
                out[d.hostname] = unknown
                continue
            k, cut = disjoint_paths_to_core(inv, g, d)
            mine = uplinks(inv, h, d)
            if k >= params.min_paths:
                out[d.hostname] = _inv_outcome("pass", f"{k} node-disjoint paths to the core", inv, mine,
                                               data={"paths": k})
                continue
            where = f" (single point: {', '.join(cut)})" if cut else ""
            msg = (f"only {k} node-disjoint path(s) to the core{where} / 至核心仅 {k} 条独立路径"
                   if k else "no path to the core / 与核心不连通")
            out[d.hostname] = _inv_outcome(
                "fail", msg, inv, mine, data={"paths": k, "cut": cut, "links": [lk.label for lk in mine]},
                remediation=["add a second uplink to another core chassis or a second upstream node "
                             "(主备双链路)"])
        return out


@register
class SinglePoints(_Net):
    id = "topo-spof"
    title_zh = "受保护层级无单点故障（割点或桥链路）"
    title_en = "No articulation point or bridge link in the protected tiers"
    severity = "high"
    controls = ("8.1.2.1e",)
    zones = PROTECTED_ZONES
    tiers = PROTECTED_TIERS

    def evaluate_network(self, net: Any, params: Any) -> dict[str, Outcome]:
        inv: Inventory = net.inventory
        g = build_graph(inv)
        h = with_core_sink(inv, g)
        protected = [d for d in inv.devices if d.zone != "core" and d.zone in PROTECTED_ZONES
                     and d.tier in PROTECTED_TIERS]

        def cut_off(graph: nx.Graph) -> list[str]:
            reach = nx.node_connected_component(graph, CORE) if CORE in graph else set()
            return [p.hostname for p in protected
                    if not any(n in reach for n in device_nodes(p) if n in graph)]

        base_cut = set(cut_off(h))
        multiplicity: dict[frozenset[str], list[Link]] = defaultdict(list)
        for u, v, data in g.edges(data=True):
            multiplicity[frozenset((u, v))].append(data["link"])
        out: dict[str, Outcome] = {}
        for d in net.selected:
            if d.zone == "core":
                continue
            if (unknown := no_links(inv, d)) is not None:
                out[d.hostname] = unknown
                continue
            nodes = device_nodes(d)
            without = h.copy()
            without.remove_nodes_from(nodes)
            dependents = sorted(set(cut_off(without)) - base_cut - {d.hostname})
            bridges: list[Link] = []
            for pair, lks in multiplicity.items():
                if len(lks) != 1 or not pair & set(nodes):
                    continue
                e = tuple(pair)
                if len(e) != 2 or not h.has_edge(*e):
                    continue
                trial = h.copy()
                trial.remove_edge(*e)
                if set(cut_off(trial)) - base_cut:
                    bridges.append(lks[0])
            mine = inv.links_of(d.hostname)
            if not dependents and not bridges:
                out[d.hostname] = _inv_outcome("pass", "neither the device nor any of its links is a single point "
                                                       "of failure for a protected node", inv, mine)
                continue
            parts = []
            if dependents:
                parts.append(f"{', '.join(dependents)} lose the core without it / 为单点")
            if bridges:
                parts.append(f"bridge link(s): {', '.join(lk.label for lk in bridges)} / 桥链路")
            out[d.hostname] = _inv_outcome("fail", "; ".join(parts), inv, bridges or mine,
                                           data={"dependents": dependents, "links": [lk.label for lk in bridges]},
                                           remediation=["add a redundant link or node so that no single element "
                                                        "cuts a protected node from the core"])
        return out


@register
class CssTrunk(_Net):
    id = "topo-css-trunk"
    title_zh = "上联 CSS 集群的 Eth-Trunk 成员分布在两台框上"
    title_en = "Eth-Trunks toward a CSS have members on both chassis"
    severity = "high"
    controls = ("8.1.2.1e",)

    def evaluate_network(self, net: Any, params: Any) -> dict[str, Outcome]:
        inv: Inventory = net.inventory
        out: dict[str, Outcome] = {}
        for d in net.selected:
            per_cluster: dict[str, list[tuple[Link, str, str]]] = defaultdict(list)
            for lk in inv.links_of(d.hostname):
                mine, peer, peer_if = ((lk.a_intf, lk.b_host, lk.b_intf) if lk.a_host == d.hostname
                                       else (lk.b_intf, lk.a_host, lk.a_intf))
                pd = inv.device(peer)
                if pd is not None and pd.chassis > 1 and d.chassis <= 1:
                    per_cluster[peer].append((lk, mine, peer_if))
            # a single link to a cluster is not a trunk (topo-dual-homing judges it)
            per_cluster = {c: items for c, items in per_cluster.items() if len(items) >= 2}
            if not per_cluster:
                continue
            fails, passes, unknown = [], [], []
            ev: list[Any] = []
            for cluster, items in per_cluster.items():
                cdev = inv.device(cluster)
                assert cdev is not None
                trunks = _trunk_of_links(net, d.hostname, cluster, items)
                if not trunks:
                    unknown.append(cluster)
                    continue
                for trunk, members in trunks.items():
                    chassis = {chassis_of(cdev, peer_if) for _, _, peer_if in members}
                    ev.extend(_member_evidence(net, d.hostname, cluster, members))
                    label = f"{d.hostname} {trunk} → {cluster}"
                    if len(chassis - {None}) >= 2:
                        passes.append(f"{label}: chassis {sorted(c for c in chassis if c)}")
                    else:
                        fails.append((label, chassis, [lk for lk, _, _ in members]))
            if fails:
                links = [lk for _, _, lks in fails for lk in lks]
                msg = "; ".join(f"{lbl}: all members on chassis {sorted(c for c in ch if c)} / 成员同框"
                                for lbl, ch, _ in fails)
                out[d.hostname] = failed(msg, ev, ["move one member of the Eth-Trunk to a port on the other "
                                                   "CSS chassis (跨框 Eth-Trunk)"],
                                         data={"trunk": fails[0][0], "links": [lk.label for lk in links]},
                                         extra_evidence=link_evidence(inv, links))
            elif passes:
                out[d.hostname] = passed("; ".join(passes), ev)
            elif unknown:
                out[d.hostname] = skipped(f"no Eth-Trunk toward {', '.join(unknown)} seen in the recorded configs "
                                          "(links are single or configs missing)")
        return out


def _trunk_of_links(net: Any, host: str, cluster: str,
                    items: list[tuple[Link, str, str]]) -> dict[str, list[tuple[Link, str, str]]]:
    """Group the links to a cluster by the Eth-Trunk they belong to (from either side's config)."""
    groups: dict[str, list[tuple[Link, str, str]]] = defaultdict(list)
    mine = net.devices.get(host)
    theirs = net.devices.get(cluster)
    for item in items:
        _, my_if, peer_if = item
        trunk = None
        for loaded, intf in ((mine, my_if), (theirs, peer_if)):
            model = loaded.model if loaded else None
            if model is None:
                continue
            i = model.interfaces.get(canonical_interface(intf))
            if i is not None and i.eth_trunk is not None:
                trunk = f"Eth-Trunk{i.eth_trunk}" if loaded is mine else f"{cluster} Eth-Trunk{i.eth_trunk}"
                break
        if trunk is not None:
            groups[trunk].append(item)
    # a trunk with one link toward the cluster is still a trunk on one chassis
    return dict(groups)


def _member_evidence(net: Any, host: str, cluster: str, members: list[tuple[Link, str, str]]) -> list[Any]:
    """The ``eth-trunk N`` lines of the member ports, from whichever side's config was recorded."""
    out: list[Any] = []
    for name, own_side in ((host, True), (cluster, False)):
        loaded = net.devices.get(name)
        model = loaded.model if loaded else None
        if model is None:
            continue
        for _, my_if, peer_if in members:
            i = model.interfaces.get(canonical_interface(my_if if own_side else peer_if))
            if i is not None and i.eth_trunk is not None:
                out.extend(i.ev("eth_trunk")[:1])
    return out


class _Bandwidth(BaseModel):
    model_config = ConfigDict(extra="forbid")
    core_cloud: str = Field("10G", description="minimum between the core and cloud access")
    city_county: str = Field("1G", description="minimum from city-tier devices to a county node")
    county_town: str = Field("100M", description="minimum from a county node to a town node")
    town_village: str = Field("100M", description="minimum from a town node to a village node")
    city_internal: str = Field("1G", description="minimum between city-tier zones (core, aggregation, …)")

    def model_post_init(self, _: Any) -> None:
        for v in (self.core_cloud, self.city_county, self.county_town, self.town_village, self.city_internal):
            if v not in BANDWIDTHS:
                raise ValueError(f"bandwidth must be one of {', '.join(BANDWIDTHS)}")


_TIER_RANK = {"city": 0, "county": 1, "town": 2, "village": 3}


def _link_requirement(a: Device, b: Device, p: _Bandwidth) -> tuple[str, Device] | None:
    """(minimum, the lower device) for a link, or None when no tier rule applies (access ports)."""
    if "access" in (a.zone, b.zone):
        return None
    zones = {a.zone, b.zone}
    if zones == {"core", "cloud"}:
        return p.core_cloud, (a if a.zone == "cloud" else b)
    ra, rb = _TIER_RANK.get(a.tier or "", 0), _TIER_RANK.get(b.tier or "", 0)
    low, high = (a, b) if ra >= rb else (b, a)
    pair = (high.tier, low.tier)
    if pair == ("city", "county"):
        return p.city_county, low
    if pair == ("county", "town"):
        return p.county_town, low
    if pair == ("town", "village"):
        return p.town_village, low
    if pair == ("city", "city"):
        return p.city_internal, (low if low.zone != "core" else high)
    if pair in (("county", "county"), ("town", "town"), ("village", "village")):
        return None
    # skipping a tier (city → town): the stricter of the two steps
    return p.county_town, low


@register
class LinkBandwidth(_Net):
    id = "topo-bandwidth"
    title_zh = "链路带宽满足分级要求（核心至云 10G、至区县 1G、至镇村 100M）"
    title_en = "Link bandwidth meets the tier minimum (core–cloud 10G, city–county 1G, town/village 100M)"
    severity = "medium"
    controls = ("8.1.2.1b",)
    Params = _Bandwidth

    def evaluate_network(self, net: Any, params: Any) -> dict[str, Outcome]:
        inv: Inventory = net.inventory
        checked: dict[str, list[tuple[Link, str]]] = defaultdict(list)
        for lk in inv.links:
            a, b = inv.device(lk.a_host), inv.device(lk.b_host)
            if a is None or b is None:
                continue
            req = _link_requirement(a, b, params)
            if req is None:
                continue
            minimum, low = req
            checked[low.hostname].append((lk, minimum))
        out: dict[str, Outcome] = {}
        for d in net.selected:
            items = checked.get(d.hostname)
            if not items:
                if (unknown := no_links(inv, d)) is not None:
                    out[d.hostname] = unknown
                continue
            under = [(lk, m) for lk, m in items if lk.bandwidth_mbps < bandwidth_mbps(m)]
            if under:
                msg = "; ".join(f"{lk.label} is {lk.bandwidth}, needs ≥ {m}" for lk, m in under)
                out[d.hostname] = _inv_outcome("fail", msg + " / 带宽不足", inv, [lk for lk, _ in under],
                                               data={"links": [lk.label for lk, _ in under]},
                                               remediation=["upgrade the link or its module to the tier minimum"])
            else:
                out[d.hostname] = _inv_outcome(
                    "pass", "; ".join(f"{lk.label} {lk.bandwidth} ≥ {m}" for lk, m in items), inv,
                    [lk for lk, _ in items])
        return out


_ALLOWED_ZONE_PAIRS = {
    frozenset(("access", "aggregation")), frozenset(("access", "county")), frozenset(("access", "cloud")),
    frozenset(("access", "extranet")), frozenset(("access", "finance")),
}


@register
class ZoneBoundary(_Net):
    id = "topo-zone-boundary"
    title_zh = "各功能区仅在核心交汇，互联网出口须经防火墙"
    title_en = "Zones meet only at the core; the Internet egress only through a firewall"
    severity = "high"
    controls = ("8.1.2.1d", "8.1.3.1a")

    def evaluate_network(self, net: Any, params: Any) -> dict[str, Outcome]:
        inv: Inventory = net.inventory
        bad: dict[str, list[tuple[Link, str]]] = defaultdict(list)
        seen: dict[str, list[Link]] = defaultdict(list)
        for lk in inv.links:
            a, b = inv.device(lk.a_host), inv.device(lk.b_host)
            if a is None or b is None:
                continue
            for x in (a, b):
                seen[x.hostname].append(lk)
            if "egress" in (a.zone, b.zone) and a.zone != b.zone:
                e, other = (a, b) if a.zone == "egress" else (b, a)
                if e.role != "firewall" and other.role != "firewall":
                    bad[e.hostname if other.zone == "core" else other.hostname].append(
                        (lk, f"{e.hostname} (egress) reaches {other.hostname} ({other.zone}) without a firewall"))
                continue
            if a.zone == b.zone or "core" in (a.zone, b.zone) or frozenset((a.zone, b.zone)) in _ALLOWED_ZONE_PAIRS:
                continue
            for x, y in ((a, b), (b, a)):
                bad[x.hostname].append((lk, f"{x.zone} meets {y.zone} at {y.hostname}, not at the core"))
        out: dict[str, Outcome] = {}
        for d in net.selected:
            if d.hostname in bad:
                items = bad[d.hostname]
                out[d.hostname] = _inv_outcome("fail", "; ".join(m for _, m in items) + " / 区域越界互联", inv,
                                               [lk for lk, _ in items],
                                               data={"links": [lk.label for lk, _ in items]},
                                               remediation=["move the link to the core, or put a firewall between "
                                                            "the zones"])
            elif seen.get(d.hostname):
                out[d.hostname] = _inv_outcome("pass", "every link stays in the zone or meets the core", inv,
                                               seen[d.hostname])
            elif (unknown := no_links(inv, d)) is not None:
                out[d.hostname] = unknown
        return out


@register
class LldpConsistency(_Net):
    id = "topo-lldp-consistency"
    title_zh = "声明的链路与 LLDP 邻居一致"
    title_en = "Declared links agree with LLDP neighbors"
    severity = "medium"
    controls = ("8.1.2.1c", "8.1.3.1b")

    def evaluate_network(self, net: Any, params: Any) -> dict[str, Outcome]:
        inv: Inventory = net.inventory
        out: dict[str, Outcome] = {}
        for d in net.selected:
            mine = inv.links_of(d.hostname)
            if not mine:
                unknown = no_links(inv, d)
                assert unknown is not None
                out[d.hostname] = unknown
                continue
            loaded = net.devices.get(d.hostname)
            model = loaded.model if loaded else None
            lldp = "display lldp neighbor brief"
            if model is None or not loaded.usable(lldp):
                out[d.hostname] = skipped(loaded.why_unusable(lldp) if loaded else f"`{lldp}` not recorded")
                continue
            table: dict[str, list[Any]] = defaultdict(list)
            for n in model.lldp_neighbors:
                table[canonical_interface(n.local_interface)].append(n)
            problems: list[tuple[Link, str]] = []
            ev: list[Any] = []
            for lk in mine:
                my_if, peer, peer_if = ((lk.a_intf, lk.b_host, lk.b_intf) if lk.a_host == d.hostname
                                        else (lk.b_intf, lk.a_host, lk.a_intf))
                seen = table.get(canonical_interface(my_if), [])
                ev.extend(e for n in seen for e in n.evidence[:1])
                if not seen:
                    problems.append((lk, f"{my_if}: no LLDP neighbor, declared {peer}:{peer_if}"))
                    continue
                if not any(n.neighbor_device.lower() == peer.lower()
                           and canonical_interface(n.neighbor_interface).lower() == canonical_interface(peer_if).lower()
                           for n in seen):
                    got = ", ".join(f"{n.neighbor_device}:{n.neighbor_interface}" for n in seen)
                    problems.append((lk, f"{my_if}: LLDP sees {got}, declared {peer}:{peer_if}"))
            if problems:
                out[d.hostname] = failed("; ".join(m for _, m in problems) + " / 链路与 LLDP 不符", ev,
                                         ["correct the inventory or the cabling, then re-collect"],
                                         source="display lldp neighbor brief",
                                         data={"links": [lk.label for lk, _ in problems]},
                                         extra_evidence=link_evidence(inv, [lk for lk, _ in problems]))
            else:
                out[d.hostname] = passed(f"all {len(mine)} declared links seen by LLDP", ev,
                                         source="display lldp neighbor brief")
        return out


class _Vrrp(BaseModel):
    model_config = ConfigDict(extra="forbid")
    max_prefix: int = Field(29, ge=8, le=30, description="only subnets at least this large count as "
                                                         "gateway subnets (/30 and /31 are point-to-point)")


@register
class GatewayVrrp(_Net):
    id = "topo-vrrp"
    title_zh = "两台网关共享网段时配置 VRRP"
    title_en = "VRRP where two gateways share a subnet"
    severity = "medium"
    controls = ("8.1.2.1e", "8.1.4.9c")
    Params = _Vrrp

    def evaluate_network(self, net: Any, params: Any) -> dict[str, Outcome]:
        subnets: dict[ipaddress.IPv4Network, list[tuple[str, Any]]] = defaultdict(list)
        for host, loaded in net.devices.items():
            if loaded.model is None:
                continue
            mgmt_ip = loaded.host.mgmt_ip
            for i in loaded.model.interfaces.values():
                # the management address (its VLAN holds every device) and out-of-band ports
                # are not user gateways
                if i.type == "MEth" or any(a.address == mgmt_ip for a in i.ipv4):
                    continue
                for a in i.ipv4:
                    if a.prefix_len <= params.max_prefix:
                        subnets[ipaddress.IPv4Network(f"{a.address}/{a.prefix_len}", strict=False)].append((host, i))
        per_host: dict[str, list[tuple[ipaddress.IPv4Network, Any, bool]]] = defaultdict(list)
        for net_, members in subnets.items():
            if len({h for h, _ in members}) < 2:
                continue
            for host, i in members:
                ok = any(any(ipaddress.ip_address(v) in net_ for v in g.virtual_ips if ":" not in v)
                         for g in i.vrrp if g.version == 4)
                per_host[host].append((net_, i, ok))
        out: dict[str, Outcome] = {}
        for d in net.selected:
            items = per_host.get(d.hostname)
            if not items:
                loaded = net.devices.get(d.hostname)
                if (loaded is None or loaded.model is None) and d.role in ("switch", "router") \
                        and d.zone not in ("access", "egress"):
                    out[d.hostname] = skipped("configuration not recorded or not parsed: gateway subnets unknown "
                                              "/ 未采集配置")
                continue
            bad = [(n, i) for n, i, ok in items if not ok]
            ev = [e for _, i, _ in items for e in (i.ev("vrrp") or i.evidence)[:2]]
            if bad:
                out[d.hostname] = failed("; ".join(f"{i.name} {n} is shared with another gateway without VRRP"
                                                   for n, i in bad) + " / 网关无 VRRP", ev,
                                         [f"interface {i.name}\n vrrp vrid <N> virtual-ip <gateway IP>" for _, i in bad])
            else:
                out[d.hostname] = passed("; ".join(f"{i.name} {n} has VRRP" for n, i, _ in items), ev)
        return out
