"""The network graph: declared links (inventory) as a networkx graph, CSS clusters split per chassis.

A device with ``chassis: N > 1`` (CSS/iStack/IRF) becomes N nodes ``HOST#1 … HOST#N``; a link
lands on the chassis given by the first number of a four-level interface name
(``XGigabitEthernet2/1/0/1`` → chassis 2). Three-level names on a cluster
(``GigabitEthernet1/0/1``, iStack) also carry the member first. So two links onto one chassis
are not redundancy, which is what the redundancy checks need to see.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import networkx as nx

from netaudit.inventory.models import Device, Inventory, Link

CORE = "__core__"

# Huawei abbreviations as LLDP/brief tables print them → full names as configs print them.
_ABBREV = (
    ("XGE", "XGigabitEthernet"), ("GE", "GigabitEthernet"), ("Eth-Trunk", "Eth-Trunk"),
    ("MEth", "MEth"), ("Vlanif", "Vlanif"), ("FE", "Ethernet"), ("Eth", "Ethernet"),
    ("BAGG", "Bridge-Aggregation"), ("XGigabitEthernet", "XGigabitEthernet"),
    ("GigabitEthernet", "GigabitEthernet"), ("Ethernet", "Ethernet"),
    ("Ten-GigabitEthernet", "Ten-GigabitEthernet"),
)
_NAME = re.compile(r"^([A-Za-z][A-Za-z-]*?|\d+GE)\s*(\d[\d/.:]*)$")


def canonical_interface(name: str) -> str:
    """Full interface name from an abbreviation, for comparing LLDP with configs.

    >>> canonical_interface("XGE1/0/1")
    'XGigabitEthernet1/0/1'
    >>> canonical_interface("GE0/0/24")
    'GigabitEthernet0/0/24'
    >>> canonical_interface("100GE1/0/1")
    '100GE1/0/1'
    >>> canonical_interface("xgigabitethernet1/1/0/1")
    'XGigabitEthernet1/1/0/1'
    """
    m = _NAME.match(name.strip())
    if not m:
        return name.strip()
    prefix, num = m.groups()
    for short, full in _ABBREV:
        if prefix.lower() == short.lower():
            return full + num
    return prefix + num


def chassis_of(device: Device, interface: str) -> int | None:
    """Chassis (cluster member) an interface sits on, for a cluster; None for a single chassis."""
    if device.chassis <= 1:
        return None
    m = re.search(r"(\d+)/", interface)
    return int(m.group(1)) if m else None


def node_of(device: Device, interface: str) -> str:
    """Graph node an interface of a device belongs to (``HOST#k`` on a cluster)."""
    c = chassis_of(device, interface)
    if device.chassis > 1 and c is not None and 1 <= c <= device.chassis:
        return f"{device.hostname}#{c}"
    if device.chassis > 1:
        return f"{device.hostname}#1"
    return device.hostname


def device_nodes(device: Device) -> list[str]:
    if device.chassis > 1:
        return [f"{device.hostname}#{i}" for i in range(1, device.chassis + 1)]
    return [device.hostname]


def host_of(node: str) -> str:
    return node.split("#", 1)[0]


def build_graph(inv: Inventory, links: Iterable[Link] | None = None) -> nx.MultiGraph:
    """Devices and links as a multigraph (edge key = link label, attribute ``link``)."""
    g = nx.MultiGraph()
    for d in inv.devices:
        for n in device_nodes(d):
            g.add_node(n, host=d.hostname, zone=d.zone, tier=d.tier)
    for lk in links if links is not None else inv.links:
        a, b = inv.device(lk.a_host), inv.device(lk.b_host)
        if a is None or b is None:
            continue
        g.add_edge(node_of(a, lk.a_intf), node_of(b, lk.b_intf), key=lk.label, link=lk)
    return g


def core_hosts(inv: Inventory) -> list[str]:
    return [d.hostname for d in inv.devices if d.zone == "core"]


def with_core_sink(inv: Inventory, g: nx.MultiGraph) -> nx.Graph:
    """A simple graph where every core node also joins a virtual sink ``CORE``.

    Parallel links collapse (they do not add node-disjoint paths)."""
    h = nx.Graph(g)
    h.add_node(CORE)
    for host in core_hosts(inv):
        d = inv.device(host)
        assert d is not None
        for n in device_nodes(d):
            h.add_edge(n, CORE)
    return h


def disjoint_paths_to_core(inv: Inventory, g: nx.MultiGraph, device: Device) -> tuple[int, list[str]]:
    """Number of node-disjoint paths from a device to the core, and a minimum node cut.

    The device's own chassis act as one source; the core's chassis count separately.
    """
    h = with_core_sink(inv, g)
    src = "__src__"
    for n in device_nodes(device):
        h.add_edge(src, n)
    # the device's chassis are the source, not cut candidates: contract them into src
    for n in device_nodes(device):
        for nb in list(h.neighbors(n)):
            if nb != src:
                h.add_edge(src, nb)
        h.remove_node(n)
    if not nx.has_path(h, src, CORE):
        return 0, []
    if h.has_edge(src, CORE):  # a core device itself
        return 99, []
    k = nx.algorithms.connectivity.local_node_connectivity(h, src, CORE)
    cut: list[str] = []
    if k < 2:
        cut = sorted(nx.minimum_node_cut(h, src, CORE))
    return int(k), cut
