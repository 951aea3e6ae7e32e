#!/usr/bin/env python3
"""Generate the bundled example snapshot ``snapshots/example/`` from ``inventory/*.yaml``.

The outputs are SYNTHETIC: invented configurations and show outputs of a Chaozhou-like
e-government extranet. Their layouts follow the real captures in the shared fixtures
(``display version`` of an S7700 from ntc-templates, ``display interface brief``,
``display eth-trunk``, ``display lldp neighbor brief`` (old VRP5 layout), ``display ip interface
brief``, ``display vrrp brief`` and ``display stack`` from recorded devices). Two layouts have no
real sample and are UNVERIFIED guesses: ``display ipv6 interface brief`` and ``display css
status``; so is ``display hrp state`` of the USG.

The run is deterministic: every "random" value (cipher strings, MAC addresses, LLDP expiry
timers, uptimes) is derived from a SHA-256 of the hostname and a purpose string.

Deliberate deviations are listed in ``DEVIATIONS`` below and documented, one row per expected
failing check, in ``snapshots/example/DEVIATIONS.md`` (hand-written). Every secret literal that
appears in a config is also written to ``snapshots/example/SECRETS.txt`` so that tests can assert
that reports never leak one.

Usage: ``python tools/gen_example.py [--inventory DIR] [--out DIR]``
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ruamel.yaml import YAML

from netaudit.snapshot.manifest import MANIFEST_NAME, CommandRecord, DeviceRecord, Manifest
from netaudit.snapshot.naming import command_filename

RECORDED = datetime(2026, 11, 30, 2, 0, 0, tzinfo=UTC)

ROOT = Path(__file__).resolve().parents[1]

# ---------------------------------------------------------------------------------------------
# Deliberate deviations (running state that differs from the plan). Keys are hostnames.
# ---------------------------------------------------------------------------------------------
DEVIATIONS: dict[str, set[str]] = {
    "RP-QD-LT-SW": {"telnet"},            # village switch: telnet on, vty protocol inbound all
    "CZ-ACC-WJW-01": {"snmp_v2c"},        # legacy access switch: SNMPv2c community
    "RP-QD-SW": {"no_ipv6"},              # town node never migrated to IPv6
    "CA-CT-SW": {"no_loghost"},           # town node: no info-center loghost
    "XQ-CORE": {"idle_never"},            # county node: vty idle-timeout 0 0
    "CA-CORE": {"weak_ssh_cipher"},       # county node: aes128_cbc still allowed
    "RP-ACC-01": {"reversible_password"},  # local user stored with reversible `password cipher`
    "CZ-ACC-FGW-01": {"http_on"},         # HTTP server left enabled
    "CZ-CLOUD-01": {"one_ntp"},           # only one NTP server
    "CZ-EGR-RT-02": {"admin_account"},    # default `admin` account kept
    "CZ-ACC-ZWFW-02": {"unused_port_open"},  # GE0/0/20 unused and not shut down
    "CZ-EXT-02": {"no_ipv6_vty_acl"},     # vty lacks `acl ipv6 2001 inbound`
    "CZ-FW-01": {"fw_any_any", "fw_rule_nolog"},
    "CZ-FW-02": {"fw_any_any", "fw_rule_nolog"},  # HRP pair: the policy is mirrored
}
# Inventory says CZ-AGG-02:XGigabitEthernet0/0/14 <-> CZ-ACC-CZJ-01:XGigabitEthernet0/0/2, but the
# patch cord actually sits in XGigabitEthernet0/0/15 (config and LLDP show the real port).
CABLING_OVERRIDES: dict[tuple[str, str], str] = {
    ("CZ-AGG-02", "XGigabitEthernet0/0/14"): "XGigabitEthernet0/0/15",
}

# Plan-wide addresses (运维管理区).
MGMT_V4 = ("10.10.250.0", "0.0.0.255")
MGMT_V6 = "2409:8C54:1:FA::/64"
TACACS = ("10.10.250.11", "10.10.250.12")
LOGHOSTS = ("10.10.250.21", "10.10.250.22")
NTP = ("10.10.250.31", "10.10.250.32")
BACKUP_SERVER = "10.10.250.41"
NMS = "10.10.250.51"

SOFTWARE = {
    "S12708": ("S12700", "V200R019C10SPC800", "5.170"),
    "S7706": ("S7700", "V200R019C10SPC800", "5.170"),
    "S6730-H48X6C": ("S6730", "V200R019C10SPC800", "5.170"),
    "S6730-H24X6C": ("S6730", "V200R019C10SPC800", "5.170"),
    "S5735-S24T4X": ("S5735", "V200R019C10SPC800", "5.170"),
    "S5735-L24T4X-A1": ("S5735", "V200R019C10SPC800", "5.170"),
    "S5735-L8T4S-A1": ("S5735", "V200R019C10SPC800", "5.170"),
    "S5720-28X-SI-AC": ("S5720", "V200R011C10SPC600", "5.170"),
    "AR6280": ("AR6280", "V300R019C10SPC300", "5.170"),
    "USG6650E": ("USG6650E", "V600R007C20SPC600", "5.170"),
}


def port_list(model: str, chassis: int) -> list[str]:
    """All physical ports of a model (per member of a CSS/stack)."""
    x, g = "XGigabitEthernet", "GigabitEthernet"
    if model == "S12708":
        return [f"{x}{c}/1/0/{p}" for c in range(1, chassis + 1) for p in range(1, 13)] + [
            f"{g}{c}/2/0/{p}" for c in range(1, chassis + 1) for p in range(1, 9)]
    if model == "S7706":
        return [f"{g}{s}/0/{p}" for s in (1, 2) for p in range(1, 25)]
    if model == "S6730-H48X6C":
        return [f"{x}0/0/{p}" for p in range(1, 49)] + [f"100GE0/0/{p}" for p in range(1, 7)]
    if model == "S6730-H24X6C":
        return [f"{x}0/0/{p}" for p in range(1, 25)] + [f"100GE0/0/{p}" for p in range(1, 7)]
    if model in ("S5735-S24T4X", "S5735-L24T4X-A1", "S5720-28X-SI-AC"):
        return [f"{g}{m}/0/{p}" for m in range(chassis) for p in range(1, 25)] + [
            f"{x}{m}/0/{p}" for m in range(chassis) for p in range(1, 5)]
    if model == "S5735-L8T4S-A1":
        return [f"{g}0/0/{p}" for p in range(1, 13)]
    if model == "AR6280":
        return [f"{g}0/0/{p}" for p in range(0, 8)]
    if model == "USG6650E":
        return [f"{g}0/0/0", f"{x}1/0/0", f"{x}1/0/1"] + [f"{g}1/0/{p}" for p in range(2, 8)]
    raise ValueError(f"unknown model {model}")


# ---------------------------------------------------------------------------------------------
# Deterministic pseudo-random helpers and secrets
# ---------------------------------------------------------------------------------------------
_CIPHER_CHARS = ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                 "!&'()*+,-./:;<=>@[]^_`{|}~")


def _digest(*parts: str) -> bytes:
    return hashlib.shake_256("\x1f".join(parts).encode()).digest(128)


def det_int(lo: int, hi: int, *parts: str) -> int:
    return lo + int.from_bytes(_digest(*parts)[:4], "big") % (hi - lo + 1)


def _chars(n: int, *parts: str) -> str:
    d = _digest(*parts)
    return "".join(_CIPHER_CHARS[b % len(_CIPHER_CHARS)] for b in d[:n])


class Secrets:
    """Collects every secret literal written into a config, in generation order."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def _keep(self, s: str) -> str:
        if s in self.items:
            raise AssertionError(f"secret collision: {s}")
        self.items.append(s)
        return s

    def cipher(self, host: str, purpose: str) -> str:
        return self._keep("%^%#" + _chars(48, host, purpose, "cipher") + "%^%#")

    def irreversible(self, host: str, user: str) -> str:
        return self._keep("$1a$" + _chars(10, host, user, "salt") + "$" + _chars(44, host, user, "hash") + "$")


def mac(*parts: str) -> str:
    h = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"{h[0:4]}-{h[4:8]}-{h[8:12]}"


# ---------------------------------------------------------------------------------------------
# Model
# ---------------------------------------------------------------------------------------------
@dataclass
class Intf:
    name: str
    lines: list[str] = field(default_factory=list)
    up: bool = False            # physical up
    shutdown: bool = False
    ipv4: str | None = None     # "a.b.c.d/len"
    ipv6: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)   # Eth-Trunk members
    trunk: int | None = None    # member of Eth-Trunk N
    vrrp: tuple[int, str, bool] | None = None           # vrid, vip, master


@dataclass
class Dev:
    host: str
    inv: dict
    kind: str                  # core | pair | county | town | l2 | fw | router
    intfs: dict[str, Intf] = field(default_factory=dict)
    vlans: set[int] = field(default_factory=set)
    ospf_nets: list[str] = field(default_factory=list)
    ipv6: bool = True
    neighbors: list[tuple[str, str, str]] = field(default_factory=list)  # local, peer host, peer port
    user_binds: list[str] = field(default_factory=list)
    statics: list[str] = field(default_factory=list)

    @property
    def dev(self) -> set[str]:
        return DEVIATIONS.get(self.host, set())

    def intf(self, name: str) -> Intf:
        if name not in self.intfs:
            self.intfs[name] = Intf(name)
        return self.intfs[name]


def v4_parts(ip: str) -> list[int]:
    return [int(x) for x in ip.split(".")]


def v6_block(ip: str) -> str:
    o2 = v4_parts(ip)[1]
    return "1" if o2 == 10 else str(o2)


def mask(plen: int) -> str:
    m = (0xFFFFFFFF << (32 - plen)) & 0xFFFFFFFF
    return ".".join(str((m >> s) & 255) for s in (24, 16, 8, 0))


def wildcard(plen: int) -> str:
    m = (0xFFFFFFFF >> plen)
    return ".".join(str((m >> s) & 255) for s in (24, 16, 8, 0))


def network(ip: str, plen: int) -> str:
    n = int.from_bytes(bytes(v4_parts(ip)), "big") & ((0xFFFFFFFF << (32 - plen)) & 0xFFFFFFFF)
    return ".".join(str(b) for b in n.to_bytes(4, "big"))


def kind_of(d: dict) -> str:
    if d["role"] == "firewall":
        return "fw"
    if d["role"] == "router":
        return "router"
    if d["zone"] == "core":
        return "core"
    if d["zone"] in ("cloud", "aggregation", "extranet", "finance"):
        return "pair"
    if d["zone"] == "county":
        if d["hostname"].endswith("-CORE"):
            return "county"
        return "town" if d["hostname"].count("-") == 2 else "l2"
    return "l2"


def natural_key(name: str) -> list:
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name)]


def abbrev(name: str) -> str:
    return name.replace("XGigabitEthernet", "XGE").replace("GigabitEthernet", "GE")


# Per-pair service VLAN with VRRP (gateway of the zone's servers/lines).
PAIR_VLANS = {"cloud": (500, "10.20.0"), "extranet": (310, "10.30.10"), "finance": (410, "10.40.10")}
ACCESS_VLAN = {"CZ-ACC-ZWFW-01": 101, "CZ-ACC-ZWFW-02": 102, "CZ-ACC-FGW-01": 103,
               "CZ-ACC-CZJ-01": 104, "CZ-ACC-SJJ-01": 105, "CZ-ACC-WJW-01": 106}


def load_inventory(inv_dir: Path) -> tuple[list[dict], list[dict], list[dict]]:
    yaml = YAML(typ="safe")
    sites: list[dict] = []
    devices: list[dict] = []
    links: list[dict] = []
    for p in sorted(inv_dir.glob("*.yaml")):
        data = yaml.load(p.read_text(encoding="utf-8")) or {}
        sites += data.get("sites", [])
        devices += data.get("devices", [])
        links += data.get("links", [])
    return sites, devices, links


def build(devices: list[dict], links: list[dict]) -> dict[str, Dev]:
    devs = {d["hostname"]: Dev(d["hostname"], d, kind_of(d)) for d in devices}
    for d in devs.values():
        d.ipv6 = "no_ipv6" not in d.dev
        for p in port_list(d.inv["model"], int(d.inv.get("chassis", 1))):
            d.intf(p)

    # actual cabling = declared links with overrides applied
    actual: list[tuple[str, str, str, str]] = []
    for lk in links:
        ha, pa = lk["a"].split(":", 1)
        hb, pb = lk["b"].split(":", 1)
        pa = CABLING_OVERRIDES.get((ha, pa), pa)
        pb = CABLING_OVERRIDES.get((hb, pb), pb)
        actual.append((ha, pa, hb, pb))

    # group links per device pair, in file order
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for ha, pa, hb, pb in actual:
        groups.setdefault((ha, hb), []).append((pa, pb))
        devs[ha].neighbors.append((pa, hb, pb))
        devs[hb].neighbors.append((pb, ha, pa))

    trunk_no = {h: 0 for h in devs}
    transit = 0
    for (ha, hb), ports in groups.items():
        a, b = devs[ha], devs[hb]

        def attach(d: Dev, peer: Dev, my_ports: list[str], peer_ports: list[str]) -> str:
            """Bundle in an Eth-Trunk when there are 2+ links to the peer; return the logical port."""
            for mp, pp in zip(my_ports, peer_ports, strict=True):
                i = d.intf(mp)
                i.up = True
                i.lines.append(f" description to-{peer.host}-{abbrev(pp)}")
            if len(my_ports) == 1:
                return my_ports[0]
            trunk_no[d.host] += 1
            n = trunk_no[d.host]
            t = d.intf(f"Eth-Trunk{n}")
            t.up = True
            t.members = list(my_ports)
            t.lines.append(f" description to-{peer.host}")
            for mp in my_ports:
                d.intf(mp).trunk = n
                d.intf(mp).lines.append(f" eth-trunk {n}")
            return t.name

        la = attach(a, b, [p for p, _ in ports], [p for _, p in ports])
        lb = attach(b, a, [p for _, p in ports], [p for p, _ in ports])
        l3 = {"core", "pair", "county", "town", "fw", "router"}
        routed = a.kind in l3 and b.kind in l3 and not (a.kind == "pair" and b.kind == "pair") \
            and not (a.kind == "fw" and b.kind == "fw")  # HRP heartbeat is addressed separately
        if routed:
            transit += 1
            sub4 = f"10.254.{transit}"
            sub6 = f"2409:8C54:FF:{transit}"
            for idx, (d, lp) in enumerate(((a, la), (b, lb)), start=1):
                ip4, ip6 = f"{sub4}.{idx}", f"{sub6}::{idx}"
                if d.kind in ("fw", "router"):
                    i = d.intf(lp)
                    i.ipv4 = f"{ip4}/30"
                    if d.ipv6:
                        i.ipv6 = [f"{ip6}/64"]
                    d.ospf_nets.append(f"{sub4}.0 0.0.0.3")
                    continue
                vlan = 3000 + transit
                d.vlans.add(vlan)
                i = d.intf(lp)
                other = b if d is a else a
                if other.kind in ("fw", "router"):
                    i.lines += [" port link-type access", f" port default vlan {vlan}"]
                else:
                    i.lines += [" port link-type trunk", " undo port trunk allow-pass vlan 1",
                                f" port trunk allow-pass vlan {vlan}"]
                v = d.intf(f"Vlanif{vlan}")
                v.up = True
                v.lines.append(f" description to-{other.host}")
                v.ipv4 = f"{ip4}/30"
                if d.ipv6:
                    v.ipv6 = [f"{ip6}/64"]
                d.ospf_nets.append(f"{sub4}.0 0.0.0.3")
        else:
            # layer-2 adjacency: downlink to an L2 switch, or a pair's inter-link
            for d, lp, other in ((a, la, b), (b, lb, a)):
                if d.kind in ("fw", "router"):
                    continue
                vl = l2_vlans(d, other, devs)
                d.vlans.update(vl)
                i = d.intf(lp)
                i.lines += [" port link-type trunk", " undo port trunk allow-pass vlan 1",
                            f" port trunk allow-pass vlan {' '.join(str(v) for v in sorted(vl))}"]
                if d.kind == "l2":
                    i.lines += [" dhcp snooping trusted", " nd snooping trusted"]
    return devs


def l2_vlans(d: Dev, other: Dev, devs: dict[str, Dev]) -> set[int]:
    """VLANs carried on a layer-2 adjacency between d and other."""
    if d.kind == "pair" and other.kind == "pair":
        if d.inv["zone"] == "aggregation":
            return {99} | set(ACCESS_VLAN.values())
        return {PAIR_VLANS[d.inv["zone"]][0]}
    l2 = d if d.kind == "l2" else other
    return {99, user_vlan(l2)}


def user_vlan(d: Dev) -> int:
    if d.host in ACCESS_VLAN:
        return ACCESS_VLAN[d.host]
    if d.inv["zone"] == "access" and d.inv["site"] in ("xiangqiao", "chaoan", "raoping"):
        return 100
    return 200


def add_gateways(devs: dict[str, Dev]) -> None:
    """Loopbacks, gateway Vlanifs (with VRRP on pairs), and L2 management addresses."""
    for d in devs.values():
        ip = d.inv["mgmt_ip"]
        o = v4_parts(ip)
        blk = v6_block(ip)
        if d.kind != "l2":
            lo = d.intf("LoopBack0")
            lo.up = True
            lo.ipv4 = f"{ip}/32"
            if d.ipv6:
                lo.ipv6 = [f"2409:8C54:{blk}::{o[3]}/128"]
            d.ospf_nets.insert(0, f"{ip} 0.0.0.0")
        if d.kind == "pair":
            zone = d.inv["zone"]
            first = d.host.endswith("-01")
            mine = 252 if first else 253
            if zone == "aggregation":
                nets = [(99, "10.10.99")] + [(v, f"10.10.{v}") for v in sorted(ACCESS_VLAN.values())]
            else:
                nets = [(PAIR_VLANS[zone][0], PAIR_VLANS[zone][1])]
            for vlan, net in nets:
                d.vlans.add(vlan)
                v = d.intf(f"Vlanif{vlan}")
                v.up = True
                v.ipv4 = f"{net}.{mine}/24"
                if d.ipv6:
                    v.ipv6 = [f"2409:8C54:1:{vlan}::{mine}/64"]
                master = first == (vlan % 2 == 1 or vlan == 500 or zone != "aggregation")
                v.vrrp = (vlan % 256, f"{net}.254", master)
                d.ospf_nets.append(f"{net}.0 0.0.0.255")
        if d.kind in ("county", "town"):
            # gateway of the L2 switches hanging below (management VLAN 99 and the user VLAN)
            below = [devs[h] for _, h, _ in d.neighbors if devs[h].kind == "l2"]
            if below:
                mg = v4_parts(below[0].inv["mgmt_ip"])
                uv = user_vlan(below[0])
                third_user = mg[2] + 10 if d.kind == "town" else 100
                for vlan, net in ((99, f"10.{mg[1]}.{mg[2]}"), (uv, f"10.{mg[1]}.{third_user}")):
                    d.vlans.add(vlan)
                    v = d.intf(f"Vlanif{vlan}")
                    v.up = True
                    v.ipv4 = f"{net}.254/24"
                    if d.ipv6:
                        v.ipv6 = [f"2409:8C54:{blk}:{v4_parts(net + '.0')[2]}::254/64"]
                    d.ospf_nets.append(f"{net}.0 0.0.0.255")
        if d.kind == "l2":
            d.vlans.update({99, user_vlan(d)})
            v = d.intf("Vlanif99")
            v.up = True
            v.lines.append(" description mgmt")
            v.ipv4 = f"{ip}/24"
            if d.ipv6:
                v.ipv6 = [f"2409:8C54:{blk}:{o[2]}::{o[3]}/64"]
            gw = f"{o[0]}.{o[1]}.{o[2]}.254"
            gw6 = f"2409:8C54:{blk}:{o[2]}::254"
            if d.inv["site"] == "chaozhou":
                gw6 = "2409:8C54:1:99::254"
            d.statics = [f"ip route-static 0.0.0.0 0.0.0.0 {gw}"]
            if d.ipv6:
                d.statics.append(f"ipv6 route-static :: 0 {gw6}")
        if d.kind == "router":
            isp = {"CZ-EGR-RT-01": ("203.0.113", "2001:DB8:113", "to-ChinaTelecom-Internet"),
                   "CZ-EGR-RT-02": ("198.51.100", "2001:DB8:100", "to-ChinaMobile-Internet")}[d.host]
            i = d.intf("GigabitEthernet0/0/0")
            i.up = True
            i.lines.append(f" description {isp[2]}")
            i.ipv4 = f"{isp[0]}.2/30"
            i.ipv6 = [f"{isp[1]}::2/64"]
            d.statics = [f"ip route-static 0.0.0.0 0.0.0.0 {isp[0]}.1",
                         f"ipv6 route-static :: 0 {isp[1]}::1"]
        if d.kind == "fw":
            peer_hb = "10.255.255.2" if d.host.endswith("-01") else "10.255.255.1"
            i = d.intf("GigabitEthernet1/0/6")
            i.ipv4 = f"10.255.255.{1 if d.host.endswith('-01') else 2}/30"
            i.ipv6 = []
            d.statics = [f"hrp interface GigabitEthernet1/0/6 remote {peer_hb}"]


# ---------------------------------------------------------------------------------------------
# Configuration rendering
# ---------------------------------------------------------------------------------------------
def vlan_batch(vlans: set[int]) -> str:
    vs = sorted(vlans)
    out: list[str] = []
    i = 0
    while i < len(vs):
        j = i
        while j + 1 < len(vs) and vs[j + 1] == vs[j] + 1:
            j += 1
        out.append(str(vs[i]) if i == j else f"{vs[i]} to {vs[j]}")
        i = j + 1
    return "vlan batch " + " ".join(out)


def intf_order(d: Dev) -> list[str]:
    def rank(n: str) -> tuple:
        for k, pre in enumerate(("Vlanif", "Eth-Trunk", "GigabitEthernet", "XGigabitEthernet",
                                 "100GE", "LoopBack")):
            if n.startswith(pre):
                return (k, natural_key(n))
        return (9, natural_key(n))
    return sorted(d.intfs, key=rank)


def finish_ports(d: Dev) -> None:
    """Access-port security on L2 switches and `shutdown` on every unused port."""
    access_like = d.kind == "l2"
    user_used = 0
    for name in intf_order(d):
        i = d.intfs[name]
        if name.startswith(("Vlanif", "Eth-Trunk", "LoopBack")) or i.lines or i.ipv4:
            continue
        if d.kind == "l2" and d.inv["model"] != "S5735-L8T4S-A1" and name.startswith("XGigabitEthernet") \
                and name.endswith(("/0/3", "/0/4")) and int(d.inv.get("chassis", 1)) > 1:
            i.up = True
            i.lines.append(f" description iStack-port-{name.split('/')[0][-1]}/1")
            continue
        limit = 6 if d.inv["model"] == "S5735-L8T4S-A1" else 12
        if access_like and name.startswith("GigabitEthernet") and user_used < limit * int(d.inv.get("chassis", 1)) \
                and int(name.rsplit("/", 1)[1]) <= limit:
            user_used += 1
            uv = user_vlan(d)
            i.up = True
            i.lines += [f" description user-{'office' if uv != 200 else 'village'}-{name.rsplit('/', 1)[1]}",
                        " port link-type access", f" port default vlan {uv}", " stp edged-port enable",
                        " dot1x enable", " dhcp snooping enable", " ip source check user-bind enable",
                        " arp anti-attack check user-bind enable"]
            port_no = int(name.rsplit("/", 1)[1])
            if port_no in (1, 2):  # printers / fixed terminals bound statically
                o = v4_parts(d.inv["mgmt_ip"])
                third = {99: o[2]}.get(uv, uv if d.inv["site"] == "chaozhou" else o[2] + 10)
                if uv == 100:
                    third = 100
                ip = f"10.{o[1]}.{third}.{200 + port_no + 10 * int(name[len('GigabitEthernet')])}"
                d.user_binds.append(f"user-bind static ip-address {ip} mac-address {mac(d.host, name)} "
                                    f"interface {name} vlan {uv}")
            continue
        if "unused_port_open" in d.dev and name == "GigabitEthernet0/0/20":
            continue  # deviation: unused port left enabled
        i.shutdown = True
        i.lines.append(" shutdown")


def render_interface(d: Dev, i: Intf) -> list[str]:
    out = [f"interface {i.name}"]
    fw_or_rt = d.kind in ("fw", "router")
    lines = list(i.lines)
    if i.name.startswith("Eth-Trunk") and not fw_or_rt:
        lines.append(" mode lacp")
    if i.name.startswith("Eth-Trunk") and fw_or_rt:
        lines.append(" mode lacp-static")
    out += [ln for ln in lines if ln != " shutdown"]
    if i.ipv4:
        a, plen = i.ipv4.split("/")
        out.append(f" ip address {a} {mask(int(plen))}")
    if i.vrrp:
        vrid, vip, master = i.vrrp
        out.append(f" vrrp vrid {vrid} virtual-ip {vip}")
        if master:
            out += [f" vrrp vrid {vrid} priority 120", f" vrrp vrid {vrid} preempt-mode timer delay 20"]
    if i.ipv6 and d.ipv6:
        out.append(" ipv6 enable")
        out += [f" ipv6 address {a}" for a in i.ipv6]
    if d.kind in ("fw",) and i.name == "Eth-Trunk1":
        out += [" service-manage ssh permit", " service-manage snmp permit", " service-manage enable"]
    if i.ipv6 and d.ipv6 and d.kind != "l2" and not i.ipv6[0].startswith("2001:DB8") \
            and not (d.kind == "fw" and i.name == "GigabitEthernet1/0/6"):
        out.append(" ospfv3 1 area 0.0.0.0")
    if i.shutdown:
        out.append(" shutdown")
    return out


def sw_version(d: Dev) -> str:
    return SOFTWARE[d.inv["model"]][1]


def render_config(d: Dev, sec: Secrets) -> str:
    h = d.host
    ip = d.inv["mgmt_ip"]
    src_if = "Vlanif99" if d.kind == "l2" else "LoopBack0"
    dv = d.dev
    c: list[str] = [f"!Software Version {sw_version(d)}",
                    f"!Last configuration was updated at 2024-05-{det_int(10, 28, h, 'day'):02d} "
                    f"{det_int(8, 18, h, 'hh'):02d}:{det_int(0, 59, h, 'mm'):02d}:{det_int(0, 59, h, 'ss'):02d}"
                    f"+08:00 by czops", "#", f"sysname {h}", "#"]
    if d.kind == "fw":
        c += ["hrp enable", d.statics[0], "hrp mirror session enable", "#"]
    if d.vlans and d.kind not in ("fw", "router"):
        c += [vlan_batch(d.vlans), "#"]
    if d.kind != "fw":
        c += ["lldp enable", "#"]
    if "telnet" in dv:
        c += ["telnet server enable", "#"]
    if "http_on" in dv:
        c += ["http server enable", "#"]
    else:
        c += ["undo http server enable", "#"]
    c += ["clock timezone BJ add 08:00:00", "#"]
    if d.kind == "l2":
        c += ["dhcp enable", "#", "dhcp snooping enable", "dhcp snooping enable ipv6", "#",
              "nd snooping enable", "#", "dot1x enable", "#"]
    if d.ipv6:
        c += ["ipv6", "#"]
    c += [f"set save-configuration backup-to-server server {BACKUP_SERVER} transport-type sftp user cfgbak "
          f"password {sec.cipher(h, 'backup')} path /czgwan/{h}", "#"]
    c += ["hwtacacs-server template cz-tac",
          f" hwtacacs-server authentication {TACACS[0]}",
          f" hwtacacs-server authentication {TACACS[1]} secondary",
          f" hwtacacs-server authorization {TACACS[0]}",
          f" hwtacacs-server authorization {TACACS[1]} secondary",
          f" hwtacacs-server accounting {TACACS[0]}",
          f" hwtacacs-server accounting {TACACS[1]} secondary",
          f" hwtacacs-server source-ip {ip}",
          f" hwtacacs-server shared-key cipher {sec.cipher(h, 'tacacs')}", "#"]
    c += ["acl number 2000", " description permit-czgwan-mgmt",
          f" rule 5 permit source {MGMT_V4[0]} {MGMT_V4[1]}", " rule 100 deny", "#",
          "acl ipv6 number 2001", " description permit-czgwan-mgmt-v6",
          f" rule 5 permit source {MGMT_V6}", " rule 100 deny", "#"]
    c += ["aaa",
          " authentication-scheme default",
          " authentication-scheme cz-auth",
          "  authentication-mode hwtacacs local",
          " authorization-scheme default",
          " authorization-scheme cz-author",
          "  authorization-mode hwtacacs local",
          "  authorization-cmd 3 hwtacacs local",
          "  authorization-cmd 15 hwtacacs local",
          " accounting-scheme default",
          " accounting-scheme cz-acct",
          "  accounting-mode hwtacacs",
          "  accounting start-fail online",
          " recording-scheme cz-rec",
          "  recording-mode hwtacacs cz-tac",
          " cmd recording-scheme cz-rec",
          " local-aaa-user wrong-password retry-interval 5 retry-time 3 block-time 15",
          " local-aaa-user password policy administrator",
          "  password history record number 5",
          "  password expire 90",
          " domain default",
          "  authentication-scheme default",
          " domain default_admin",
          "  authentication-scheme cz-auth",
          "  authorization-scheme cz-author",
          "  accounting-scheme cz-acct",
          "  hwtacacs-server cz-tac"]
    users = [("czops", 15), ("czaudit", 3)]
    if "admin_account" in dv:
        users.insert(0, ("admin", 15))
    for u, lvl in users:
        if "reversible_password" in dv and u == "czops":
            c.append(f" local-user {u} password cipher {sec.cipher(h, 'pw-' + u)}")
        else:
            c.append(f" local-user {u} password irreversible-cipher {sec.irreversible(h, u)}")
        c += [f" local-user {u} privilege level {lvl}",
              f" local-user {u} service-type {'terminal ssh' if lvl == 15 else 'ssh'}"]
    c.append("#")
    c += ["ntp-service server disable", "ntp-service ipv6 server disable",
          f"ntp-service source-interface {src_if}", f"ntp-service unicast-server {NTP[0]}"]
    if "one_ntp" not in dv:
        c.append(f"ntp-service unicast-server {NTP[1]}")
    c.append("#")
    if d.user_binds:
        c += d.user_binds + ["#"]
    for name in intf_order(d):
        c += render_interface(d, d.intfs[name]) + ["#"]
    c += ["interface NULL0", "#"]
    if d.kind != "l2":
        c += [f"ospf 1 router-id {ip}", " area 0.0.0.0"]
        seen: set[str] = set()
        for n in d.ospf_nets:
            if n not in seen:
                seen.add(n)
                c.append(f"  network {n}")
        c.append("#")
        if d.ipv6:
            c += ["ospfv3 1", f" router-id {ip}", " area 0.0.0.0", "#"]
    statics = [s for s in d.statics if not s.startswith("hrp ")]
    if statics:
        c += statics + ["#"]
    if d.kind == "fw":
        c += fw_sections(d)
    c += [f"info-center loghost source {src_if}"]
    if "no_loghost" not in dv:
        c += [f"info-center loghost {LOGHOSTS[0]}", f"info-center loghost {LOGHOSTS[1]}"]
    c += ["info-center timestamp log date", "#"]
    c += ["snmp-agent", f"snmp-agent local-engineid 800007DB03{mac(h, 'engine').replace('-', '').upper()}",
          "snmp-agent sys-info contact czgwan-noc", f"snmp-agent sys-info location {d.inv['site']}"]
    if "snmp_v2c" in dv:
        c += [f"snmp-agent community read cipher {sec.cipher(h, 'community')}",
              "snmp-agent sys-info version v2c v3"]
    else:
        c.append("snmp-agent sys-info version v3")
    c += ["snmp-agent group v3 cz-nms privacy read-view iso-view notify-view iso-view acl 2000",
          f"snmp-agent target-host trap address udp-domain {NMS} params securityname czsnmpv3 v3 privacy",
          "snmp-agent mib-view included iso-view iso",
          "snmp-agent usm-user v3 czsnmpv3",
          "snmp-agent usm-user v3 czsnmpv3 group cz-nms",
          f"snmp-agent usm-user v3 czsnmpv3 authentication-mode sha2-256 cipher {sec.cipher(h, 'snmp-auth')}",
          f"snmp-agent usm-user v3 czsnmpv3 privacy-mode aes128 cipher {sec.cipher(h, 'snmp-priv')}",
          "snmp-agent trap enable", "#"]
    cipher = "aes256_ctr aes128_ctr aes128_cbc" if "weak_ssh_cipher" in dv else "aes256_ctr aes128_ctr"
    c += ["stelnet server enable", f"ssh server-source -i {src_if}", f"ssh server cipher {cipher}",
          "ssh server hmac sha2_512 sha2_256",
          "ssh server key-exchange dh_group16_sha512 dh_group15_sha512 dh_group14_sha256",
          "ssh server dh-exchange min-len 2048"]
    for u, _ in users:
        c += [f"ssh user {u}", f"ssh user {u} authentication-type password", f"ssh user {u} service-type stelnet"]
    c.append("#")
    c += ["user-interface con 0", " authentication-mode aaa", " idle-timeout 5 0",
          "user-interface vty 0 4", " acl 2000 inbound"]
    if "no_ipv6_vty_acl" not in dv:
        c.append(" acl ipv6 2001 inbound")
    c.append(" authentication-mode aaa")
    c.append(" idle-timeout 0 0" if "idle_never" in dv else " idle-timeout 10 0")
    c.append(" protocol inbound all" if "telnet" in dv else " protocol inbound ssh")
    c += ["#", "return"]
    return "\n".join(c) + "\n"


def fw_sections(d: Dev) -> list[str]:
    zones = {"trust": (85, ["Eth-Trunk1"]), "untrust": (5, ["GigabitEthernet1/0/2", "GigabitEthernet1/0/3"]),
             "dmz": (50, ["GigabitEthernet1/0/6"])}
    c = ["firewall zone local", " set priority 100", "#"]
    for z, (prio, ifs) in zones.items():
        c += [f"firewall zone {z}", f" set priority {prio}"] + [f" add interface {i}" for i in ifs] + ["#"]
    rules = [
        ("czgwan-to-internet-web", ["source-zone trust", "destination-zone untrust",
                                    "source-address 10.10.0.0 mask 255.255.0.0",
                                    "source-address 10.11.0.0 mask 255.255.0.0",
                                    "source-address 10.12.0.0 mask 255.255.0.0",
                                    "source-address 10.13.0.0 mask 255.255.0.0",
                                    "source-address 10.14.0.0 mask 255.255.0.0",
                                    "service http", "service https"], True, True),
        ("czgwan-to-internet-dns", ["source-zone trust", "destination-zone untrust",
                                    "source-address 10.10.0.0 mask 255.255.0.0",
                                    "destination-address 202.96.128.86 mask 255.255.255.255",
                                    "destination-address 202.96.134.133 mask 255.255.255.255",
                                    "service dns"], True, "fw_rule_nolog" not in d.dev),
        ("mgmt-to-fw", ["source-zone trust", "destination-zone local",
                        f"source-address {MGMT_V4[0]} mask 255.255.255.0", "service ssh", "service snmp"],
         True, True),
        ("hrp-heartbeat", ["source-zone dmz", "source-zone local", "destination-zone dmz",
                           "destination-zone local", "source-address 10.255.255.0 mask 255.255.255.252",
                           "destination-address 10.255.255.0 mask 255.255.255.252"], True, True),
    ]
    if "fw_any_any" in d.dev:
        rules.append(("temp-any-permit", [], True, True))
    c += ["security-policy", " default action deny"]
    for name, conds, profiles, logging in rules:
        c.append(f" rule name {name}")
        c += [f"  {x}" for x in conds]
        if profiles:
            c += ["  profile av default", "  profile ips default"]
        c.append("  action permit")
        if logging:
            c += ["  policy logging", "  session logging"]
    c.append("#")
    return c


# ---------------------------------------------------------------------------------------------
# Show outputs (layouts copied from the real fixtures; see module docstring)
# ---------------------------------------------------------------------------------------------
def uptime(h: str) -> str:
    w = det_int(5, 80, h, "weeks")
    return (f"{w} weeks, {det_int(0, 6, h, 'd')} days, {det_int(0, 23, h, 'h')} hours, "
            f"{det_int(1, 59, h, 'm')} minutes")


def show_version(d: Dev) -> str:
    fam, ver, vrp = SOFTWARE[d.inv["model"]]
    model = d.inv["model"]
    h = d.host
    up = uptime(h)
    head = ["Huawei Versatile Routing Platform Software",
            f"VRP (R) software, Version {vrp} ({fam} {ver})"]
    if d.kind == "router":
        return "\n".join(head + [
            "Copyright (C) 2011-2020 HUAWEI TECH CO., LTD",
            f"Huawei {model} Router uptime is {up}",
            "BKP 0 version information:", "1. PCB      Version  : AR01BAK2B VER.A",
            "2. If Supporting PoE : Yes", f"3. Board    Type     : {model}", "4. MPU Slot Quantity : 1",
            "5. LPU Slot Quantity : 8", "",
            f"MPU 11(Master) : uptime is {up}", "SDRAM Memory Size    : 8192    M bytes",
            "Flash 0 Memory Size  : 2048    M bytes", "Flash 1 Memory Size  : 32      M bytes",
            "MPU version information :", "1. PCB      Version  : SRU-400H VER.A", "2. MAB      Version  : 1",
            "3. Board    Type     : SRU-400H", "4. CPLD0    Version  : 124", "5. BootROM  Version  : 1", ""]) + "\n"
    if d.kind == "fw":
        return "\n".join(head + [
            "Copyright (C) 2014-2023 Huawei Technologies Co., Ltd.",
            f"{model} uptime is {up}", "",
            f"MPU 0(Master) : uptime is {up}", "SDRAM Memory Size    : 16384   M bytes",
            "Flash 0 Memory Size  : 4096    M bytes", ""]) + "\n"
    chassis_box = model in ("S12708", "S7706")
    lines = head + ["Copyright (C) 2000-2020 HUAWEI TECH CO., LTD"]
    if chassis_box:
        lines += [f"HUAWEI {model} Terabit Routing Switch uptime is {up}",
                  "BKP 0 version information:", "1. PCB      Version  : LE02BAKI VER.E",
                  "2. Support  PoE      : No", "3. Board    Type     : ES0B00770600",
                  "4. MPU Slot Quantity : 2", f"5. LPU Slot Quantity : {8 if model == 'S12708' else 6}", "",
                  f"MPU 9(Master)  : uptime is {up}", "SDRAM Memory Size    : 4096    M bytes",
                  "Flash Memory Size    : 512     M bytes", "NVRAM Memory Size    : 512     K bytes",
                  "MPU version information : ", "1. PCB      Version  : LE02SRUA VER.D", "2. MAB      Version  : 8",
                  "3. Board    Type     : ES0D00SRUA00", "4. CPLD0    Version  : 1411.2116",
                  "5. BootROM  Version  : 020a.010f", "6. BootLoad Version  : 020a.012d", ""]
    else:
        lines += [f"HUAWEI {model} Routing Switch uptime is {up}", ""]
        for m in range(int(d.inv.get("chassis", 1))):
            lines += [f"ES5D2T28S{m:03d} {m}({'Master' if m == 0 else 'Standby'}) : uptime is {up}",
                      "DDR             Memory Size : 2048    M bytes",
                      "FLASH Total     Memory Size : 1024    M bytes",
                      "MPU version information : ", "1. PCB      Version  : ES5D2T28S001 VER.A",
                      "2. MAB      Version  : 1", f"3. Board    Type     : {model}",
                      "4. CPLD0    Version  : 0105", "5. BootROM  Version  : 0213.0000", ""]
    return "\n".join(lines) + "\n"


def show_interface_brief(d: Dev) -> str:
    hdr = ["PHY: Physical", "*down: administratively down", "^down: standby", "(l): loopback", "(s): spoofing",
           "(E): E-Trunk down", "(b): BFD down", "(B): Bit-error-detection down", "(e): ETHOAM down",
           "(d): Dampening Suppressed", "InUti/OutUti: input utility/output utility",
           "Interface                   PHY   Protocol  InUti OutUti   inErrors  outErrors"]
    rows: list[str] = []

    def row(name: str, phy: str, proto: str, util: bool) -> str:
        iu = f"{det_int(0, 40, d.host, name, 'in') / 100:.2f}%" if util and phy == "up" else ("0%" if util else "--")
        ou = f"{det_int(0, 40, d.host, name, 'out') / 100:.2f}%" if util and phy == "up" else ("0%" if util else "--")
        iu = iu.replace("0.00%", "0%")
        ou = ou.replace("0.00%", "0%")
        w = max(28, len(name) + 1)
        return f"{name:<{w}}{phy:<6}{proto:<8}{iu:>7}{ou:>7}{0:>11}{0:>11}"

    def state(i: Intf) -> tuple[str, str]:
        if i.shutdown:
            return "*down", "down"
        return ("up", "up") if i.up else ("down", "down")

    names = intf_order(d)
    trunks = [n for n in names if n.startswith("Eth-Trunk")]
    members = {m for t in trunks for m in d.intfs[t].members}
    listing = sorted([n for n in names if n not in members and not n.startswith("Eth-Trunk")] + trunks
                     + ["NULL0"], key=natural_key)
    for n in listing:
        if n == "NULL0":
            rows.append(row(n, "up", "up(s)", False))
            continue
        i = d.intfs[n]
        phy, proto = state(i)
        if n.startswith("LoopBack"):
            proto = "up(s)"
        rows.append(row(n, phy, proto, not n.startswith(("Vlanif", "LoopBack"))))
        for m in i.members:
            p, q = state(d.intfs[m])
            rows.append(row("  " + m, p, q, True))
    return "\n".join(hdr + rows) + "\n"


def show_eth_trunk(d: Dev, devs: dict[str, Dev]) -> str:
    trunks = [n for n in intf_order(d) if n.startswith("Eth-Trunk")]
    if not trunks:
        return "Info: No valid trunk in the system.\n"
    out: list[str] = []
    sysid = mac(d.host, "sysmac")
    for t in trunks:
        n = int(t[len("Eth-Trunk"):])
        members = d.intfs[t].members
        peer_host = next(ph for lp, ph, _ in d.neighbors if lp == members[0])
        peer_ports = {lp: pp for lp, ph, pp in d.neighbors}
        peer_trunk = devs[peer_host].intfs[peer_ports[members[0]]].trunk or 0
        out += [f"{t}'s state information is:", "Local:",
                f"{'LAG ID: ' + str(n):<28}{'WorkingMode: LACP':<50}",
                f"{'Preempt Delay: Disabled':<28}{'Hash arithmetic: According to SIP-XOR-DIP':<50}",
                f"{'System Priority: 32768':<28}{'System ID: ' + sysid:<50}",
                f"{'Least Active-linknumber: 1':<28}{'Max Active-linknumber: 8':<50}",
                f"{'Operate status: up':<28}{'Number Of Up Port In Trunk: ' + str(len(members)):<50}",
                "-" * 80,
                "ActorPortName          Status   PortType PortPri PortNo PortKey PortState Weight"]
        for k, m in enumerate(members, start=1):
            ptype = "10GE" if m.startswith("XGigabit") else "1GE"
            w = max(23, len(m) + 1)
            out.append(f"{m:<{w}}{'Selected':<9}{ptype:<9}{'32768':<8}{k:<7}{n * 256 + 49:<8}{'10111100':<10}{'1':<6}")
        out += ["", "Partner:", "-" * 80,
                "ActorPortName          SysPri   SystemID        PortPri PortNo PortKey PortState"]
        psys = mac(peer_host, "sysmac")
        for k, m in enumerate(members, start=1):
            w = max(23, len(m) + 1)
            out.append(f"{m:<{w}}{'32768':<9}{psys:<16}{'32768':<8}{k:<7}{peer_trunk * 256 + 49:<8}10111100")
        out.append("")
    return "\n".join(out[:-1]) + "\n"


def show_lldp_brief(d: Dev) -> str:
    out = ["Local Intf       Neighbor Dev             Neighbor Intf             Exptime(s)"]
    for lp, ph, pp in sorted(d.neighbors, key=lambda x: natural_key(x[0])):
        exp = det_int(90, 120, d.host, lp, "lldp")
        out.append(f"{abbrev(lp):<17}{ph:<25}{abbrev(pp):<26}{exp:<7}")
    return "\n".join(out) + "\n"


def show_ip_interface_brief(d: Dev) -> str:
    rows: list[tuple[str, str, str, str]] = []
    for n in sorted(d.intfs, key=natural_key):
        i = d.intfs[n]
        routed_port = d.kind in ("fw", "router") and not i.trunk
        if not (n.startswith(("Vlanif", "LoopBack")) or routed_port):
            continue
        addr = i.ipv4 or "unassigned"
        phy = "*down" if i.shutdown else ("up" if i.up or i.ipv4 else "down")
        proto = "up(s)" if n.startswith("LoopBack") else ("up" if phy == "up" else "down")
        rows.append((n, addr, phy, proto))
    rows.append(("NULL0", "unassigned", "up", "up(s)"))
    rows.sort(key=lambda r: natural_key(r[0]))
    up_phy = sum(r[2] == "up" for r in rows)
    up_proto = sum(r[3].startswith("up") for r in rows)
    out = ["*down: administratively down", "^down: standby", "(l): loopback", "(s): spoofing",
           f"The number of interface that is UP in Physical is {up_phy}",
           f"The number of interface that is DOWN in Physical is {len(rows) - up_phy}",
           f"The number of interface that is UP in Protocol is {up_proto}",
           f"The number of interface that is DOWN in Protocol is {len(rows) - up_proto}", "",
           "Interface                         IP Address/Mask      Physical   Protocol  "]
    out += [f"{n:<34}{a:<21}{p:<11}{q:<10}" for n, a, p, q in rows]
    return "\n".join(out) + "\n"


def show_ipv6_interface_brief(d: Dev) -> str:
    # UNVERIFIED layout: no real capture of `display ipv6 interface brief` is available.
    out = ["*down: administratively down", "(l): loopback", "(s): spoofing",
           "Interface                         Physical          Protocol VPN"]
    if d.ipv6:
        for n in sorted(d.intfs, key=natural_key):
            i = d.intfs[n]
            if not i.ipv6:
                continue
            out.append(f"{n:<34}{'up':<18}{'up':<9}--")
            out += [f"[IPv6 Address] {a.split('/')[0]}" for a in i.ipv6]
    return "\n".join(out) + "\n"


def show_vrrp_brief(d: Dev) -> str | None:
    vr = [(d.intfs[n].vrrp, n) for n in sorted(d.intfs, key=natural_key) if d.intfs[n].vrrp]
    if not vr:
        return None
    out = ["VRID  State        Interface                Type     Virtual IP     ", "-" * 64]
    masters = 0
    for (vrid, vip, master), n in sorted(vr, key=lambda x: x[0][0]):
        masters += master
        out.append(f"{vrid:<6}{'Master' if master else 'Backup':<13}{n:<25}{'Normal':<9}{vip:<15}")
    out += ["-" * 64, f"Total:{len(vr):<6}Master:{masters:<6}Backup:{len(vr) - masters:<6}Non-active:0 "]
    return "\n".join(out) + "\n"


def show_stack(d: Dev) -> str:
    m0 = mac(d.host, "stack0")
    out = ["Stack mode: Service-port", "Stack topology type: Link", f"Stack system MAC: {m0}",
           "MAC switch delay time: 10 min", "Stack reserved VLAN: 4093", "Slot of the active management port: --",
           "Slot      Role        MAC Address      Priority   Device Type",
           "-------------------------------------------------------------"]
    for m in range(int(d.inv["chassis"])):
        role = "Master" if m == 0 else "Standby"
        out.append(f"{m:<10}{role:<12}{mac(d.host, f'stack{m}'):<17}{200 - 50 * m:<11}{d.inv['model']}-AC")
    return "\n".join(out) + "\n"


def show_css_status(d: Dev) -> str:
    # UNVERIFIED layout: no real capture of `display css status` is available.
    out = ["CSS ID   CSS Status      Chassis Role   Priority  CSS Enable",
           "------------------------------------------------------------"]
    for m in range(1, int(d.inv["chassis"]) + 1):
        role = "Master" if m == 1 else "Standby"
        out.append(f"{m:<9}{'Online':<16}{role:<15}{(200 if m == 1 else 100):<10}Enable")
    return "\n".join(out) + "\n"


def show_hrp_state(d: Dev) -> str:
    # UNVERIFIED layout of USG `display hrp state`.
    active = d.host.endswith("-01")
    me, peer = ("active", "standby") if active else ("standby", "active")
    return "\n".join([
        f" Role: {me}, peer: {peer}",
        " Running priority: 45000, peer: 45000",
        " Backup channel usage: 0.02%",
        f" Stable time: {det_int(10, 90, 'CZ-FW', 'stable')} days, 4 hours, 12 minutes",
        " Last state change information: 2024-04-14 02:11:35 HRP core state changed, "
        f"old_state = normal({'standby' if active else 'active'}), new_state = normal({me}), "
        "local_priority = 45000, peer_priority = 45000.", ""])


def generate(inv_dir: Path, out_dir: Path) -> list[Path]:
    _, devices, links = load_inventory(inv_dir)
    devs = build(devices, links)
    add_gateways(devs)
    for d in devs.values():
        finish_ports(d)
    sec = Secrets()
    written: list[Path] = []
    # a fixed recording time keeps the generated manifest byte-identical between runs
    manifest = Manifest(name="example", created=RECORDED, completed=RECORDED, source="tools/gen_example.py")
    for d in devs.values():
        outputs: dict[str, str | None] = {"display current-configuration": render_config(d, sec),
                                          "display version": show_version(d),
                                          "display interface brief": show_interface_brief(d),
                                          "display ip interface brief": show_ip_interface_brief(d),
                                          "display ipv6 interface brief": show_ipv6_interface_brief(d)}
        if d.kind == "fw":
            outputs["display hrp state"] = show_hrp_state(d)
            outputs["display eth-trunk"] = show_eth_trunk(d, devs)
        else:
            outputs["display lldp neighbor brief"] = show_lldp_brief(d)
            outputs["display eth-trunk"] = show_eth_trunk(d, devs)
            outputs["display vrrp brief"] = show_vrrp_brief(d)
        if d.kind == "core" and int(d.inv.get("chassis", 1)) > 1:
            outputs["display css status"] = show_css_status(d)
        elif int(d.inv.get("chassis", 1)) > 1:
            outputs["display stack"] = show_stack(d)
        ddir = out_dir / d.host
        ddir.mkdir(parents=True, exist_ok=True)
        for cmd, text in outputs.items():
            if text is None:
                continue
            p = ddir / command_filename(cmd)
            data = text.encode("utf-8")
            p.write_bytes(data)
            written.append(p)
            rec = manifest.devices.setdefault(d.host, DeviceRecord())
            rec.commands[cmd] = CommandRecord(file=p.name, sha256=hashlib.sha256(data).hexdigest(), size=len(data),
                                              started=RECORDED, finished=RECORDED, source="tools/gen_example.py")
    (out_dir / MANIFEST_NAME).write_bytes(manifest.to_json())
    written.append(out_dir / MANIFEST_NAME)
    sp = out_dir / "SECRETS.txt"
    sp.write_bytes(("\n".join(sec.items) + "\n").encode("utf-8"))
    written.append(sp)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inventory", type=Path, default=ROOT / "inventory")
    ap.add_argument("--out", type=Path, default=ROOT / "snapshots" / "example")
    args = ap.parse_args(argv)
    files = generate(args.inventory, args.out)
    print(f"wrote {len(files)} files under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
