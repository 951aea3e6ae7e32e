"""IPv6 readiness checks (IPv6 骨干互联、IPv6 出口、IPv6 安全接入).

The plan asks for IPv6 backbone interconnection, an IPv6 Internet egress and secure IPv6 access.
These checks say, per device, whether IPv6 is switched on, whether routed interfaces are dual
stack, whether IPv6 is routed, whether IPv6 management is as restricted as IPv4, and whether
access switches guard against rogue RAs and DHCPv6 servers. The audit turns their pass/fail
counts into the readiness score; no check here invents a score of its own.

Family differences: S-series VRP5 needs the global ``ipv6`` line before any interface can carry
IPv6; CloudEngine VRP8 and Comware have no such global switch, so there IPv6 is "on" when an
interface has ``ipv6 enable`` or an IPv6 address.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from netaudit.checks.access import PortParams, context_evidence, iface_ev, names, uplinks, user_ports
from netaudit.checks.base import (
    Check,
    DeviceContext,
    Outcome,
    failed,
    not_applicable,
    passed,
    register,
    skipped,
)
from netaudit.model.device import Evidence, Interface

IPV6_ZONES = ("core", "cloud", "aggregation", "county", "egress", "access")
ROUTED_ZONES = ("core", "cloud", "aggregation", "county", "egress", "access")
SWITCH_ROUTER = ("switch", "router")


def global_addresses(ifc: Interface) -> list[str]:
    """The interface's IPv6 addresses other than link-local ones."""
    return [a.address for a in ifc.ipv6 if not a.link_local]


def has_ipv6(dev: DeviceContext) -> bool:
    """True when IPv6 is switched on anywhere (global line, ``ipv6 enable`` or an address)."""
    m = dev.model
    return bool(m.ipv6_global or any(i.ipv6_enabled or i.ipv6 for i in m.interfaces.values()))


def _ipv6_interfaces(dev: DeviceContext) -> list[Interface]:
    return [i for i in dev.model.interfaces.values() if i.ipv6_enabled or i.ipv6]


@register
class Ipv6Enabled(Check):
    id = "ipv6-enabled"
    title_zh = "设备已启用 IPv6"
    title_en = "IPv6 is enabled on the device"
    severity = "medium"
    controls = ("8.1.2.1c",)
    zones = IPV6_ZONES
    roles = SWITCH_ROUTER

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        m = dev.model
        fam = m.family
        on_ifs = _ipv6_interfaces(dev)
        if_ev = [e for i in on_ifs[:5] for e in iface_ev(i, "ipv6_enabled", "ipv6")]
        if fam in ("vrp5", "usg"):
            # S-series: interfaces accept IPv6 only after the global ``ipv6`` line.
            if m.ipv6_global:
                return passed(f"global `ipv6` is on; {len(on_ifs)} interface(s) with IPv6 / 已启用 IPv6",
                              m.ev("ipv6_global") + if_ev)
            extra = f" although {len(on_ifs)} interface(s) carry IPv6 lines" if on_ifs else ""
            return failed(f"the global `ipv6` line is missing{extra} (VRP5 needs it) / 未全局启用 IPv6",
                          context_evidence(dev) + if_ev, ["ipv6"])
        if fam in ("vrp8", "comware"):
            # No global switch on CE/VRP8 (and Comware 7): IPv6 is on per interface.
            if on_ifs:
                return passed(f"{fam}: no global switch on this family; IPv6 on {len(on_ifs)} interface(s): "
                              f"{names(i.name for i in on_ifs)} / 已启用 IPv6", if_ev)
            return failed(f"{fam}: no global ipv6 line exists on this family, and no interface has "
                          "`ipv6 enable` or an IPv6 address / 未启用 IPv6", context_evidence(dev),
                          ["interface <uplink or gateway>\n ipv6 enable\n ipv6 address <prefix>/<len>"])
        return skipped(f"software family {fam!r} not recognised: cannot tell how IPv6 is enabled")


class DualStackParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    mgmt_vpn_instances: list[str] = Field(
        default_factory=lambda: ["MGMT", "__MGMT_VPN__", "management", "mgmt"],
        description="VPN instances of the management plane: their interfaces are not checked")
    exclude_interfaces: list[str] = Field(
        default_factory=lambda: [r"NULL", r"LoopBack", r"Loopback", r"InLoopBack", r"Virtual-if"],
        description="regexes (matched at the start of the name) of interfaces not checked")
    exclude_mgmt_ip: bool = Field(
        True, description="skip the interface that carries the inventory mgmt_ip (in-band management)")


@register
class Ipv6DualStack(Check):
    id = "ipv6-dual-stack"
    title_zh = "三层接口（上行与网关）IPv4/IPv6 双栈"
    title_en = "Routed uplinks and gateway interfaces are dual stack"
    severity = "medium"
    controls = ("8.1.2.1c",)
    zones = ROUTED_ZONES
    roles = SWITCH_ROUTER
    Params = DualStackParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        m = dev.model
        excl = [re.compile(p) for p in params.exclude_interfaces]
        mgmt_vpns = {v.lower() for v in params.mgmt_vpn_instances}
        scope: list[Interface] = []
        down = 0
        for i in m.interfaces.values():
            if not i.ipv4 or i.type == "MEth" or any(p.match(i.name) for p in excl):
                continue
            if i.shutdown:
                down += 1
                continue
            if i.vpn_instance and i.vpn_instance.lower() in mgmt_vpns:
                continue
            if params.exclude_mgmt_ip and any(a.address == dev.host.mgmt_ip for a in i.ipv4):
                continue
            scope.append(i)
        if not scope:
            why = f" ({down} shut down)" if down else ""
            return not_applicable(f"no routed interface in service with an IPv4 address outside management{why} "
                           "/ 无业务三层接口")
        v4only: list[Interface] = []
        for i in scope:
            # A routed link may run OSPFv3/IS-IS on link-local addresses only: that is dual stack.
            link_local_routed = i.ipv6_enabled and (i.ospfv3 or i.isis_ipv6)
            if not global_addresses(i) and not link_local_routed:
                v4only.append(i)
        data = {"interfaces": len(scope), "v4_only": [i.name for i in v4only]}
        if v4only:
            ev = [e for i in v4only[:8] for e in iface_ev(i, "ipv4")]
            return failed(f"{len(v4only)} of {len(scope)} routed interface(s) are IPv4 only: "
                          f"{names((i.name for i in v4only), 8)} / 接口未双栈", ev,
                          [f"interface {i.name}\n ipv6 enable\n ipv6 address <prefix>/<len>" for i in v4only[:8]],
                          data=data)
        ev = [e for i in scope[:8] for e in iface_ev(i, "ipv4", "ipv6")]
        return passed(f"all {len(scope)} routed interface(s) have IPv4 and IPv6 / 三层接口均为双栈", ev, data=data)


@register
class Ipv6Routing(Check):
    id = "ipv6-routing"
    title_zh = "IPv6 路由已部署（OSPFv3、IS-IS IPv6、BGP IPv6 或 IPv6 静态路由）"
    title_en = "IPv6 routing is present (OSPFv3, IS-IS IPv6, BGP IPv6 or IPv6 static routes)"
    severity = "medium"
    controls = ("8.1.2.1c",)
    zones = ROUTED_ZONES
    roles = SWITCH_ROUTER
    Params = DualStackParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        r = dev.model.routing
        mgmt_vpns = {v.lower() for v in params.mgmt_vpn_instances}
        found: list[tuple[str, list[Evidence]]] = []
        for p in r.ospfv3:
            found.append((f"OSPFv3 {p.process}", p.evidence[:1]))
        for p in r.isis:
            if p.ipv6:
                found.append((f"IS-IS {p.process} IPv6", p.ev("ipv6")[:1]))
        bgp = r.bgp
        # Comware prints ``address-family ipv6``; the model's ``ipv6`` flag knows only ``ipv6-family``.
        if bgp is not None and (bgp.ipv6 or any("ipv6" in f.split()[:2] for f in bgp.families)):
            found.append((f"BGP {bgp.asn} IPv6 family", [e for e in bgp.ev("families") if "ipv6" in e.text][:2]))
        statics6 = [s for s in r.static_routes if s.ipv6 and (s.vpn_instance or "").lower() not in mgmt_vpns]
        if statics6:
            found.append((f"{len(statics6)} IPv6 static route(s)", [e for s in statics6[:3] for e in s.evidence]))
        if found:
            return passed("IPv6 routing: " + ", ".join(k for k, _ in found) + " / 已部署 IPv6 路由",
                          [e for _, evs in found for e in evs])
        v4 = bool(r.ospf or [p for p in r.isis if p.network_entities] or (bgp is not None and bgp.peers)
                  or [s for s in r.static_routes if not s.ipv6 and (s.vpn_instance or "").lower() not in mgmt_vpns])
        if not v4 and dev.host.zone == "access":
            return not_applicable("layer-2 access switch: no IPv4 routing either, IPv6 routing not applicable "
                           "/ 二层接入，不适用")
        ev: list[Any] = [e for p in r.ospf[:2] for e in p.evidence[:1]]
        ev += [e for s in r.static_routes if not s.ipv6 for e in s.evidence][:3]
        ev = ev or context_evidence(dev)
        what = "IPv4 is routed but " if v4 else ""
        return failed(f"{what}no OSPFv3, IS-IS IPv6, BGP IPv6 family or `ipv6 route-static` / 未部署 IPv6 路由", ev,
                      ["ospfv3 1\n router-id <router-id>\n area 0.0.0.0",
                       "interface <uplink>\n ospfv3 1 area 0.0.0.0",
                       "ipv6 route-static :: 0 <next-hop>  (egress default route)"])


@register
class Ipv6MgmtAcl(Check):
    id = "ipv6-mgmt-acl"
    title_zh = "IPv6 管理访问控制与 IPv4 一致（VTY 绑定 IPv6 ACL）"
    title_en = "IPv6 management ACLs match the IPv4 ones (vty acl ipv6 inbound)"
    severity = "high"
    controls = ("8.1.4.4c",)
    roles = SWITCH_ROUTER + ("firewall",)

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        m = dev.model
        if not has_ipv6(dev):
            return not_applicable("IPv6 not enabled (no global ipv6, no interface IPv6): nothing to restrict "
                           "/ 未启用 IPv6")
        vtys = m.mgmt.vtys()
        if not vtys:
            return skipped("no vty user-interface in the configuration / 无 VTY 配置")
        line_kw = "line vty" if m.family == "comware" else "user-interface vty"
        missing = [u for u in vtys if not u.acl6_inbound]
        ev: list[Any] = []
        problems: list[str] = []
        fix: list[str] = []
        if missing:
            desc = ", ".join(f"vty {u.first}-{u.last}" + (f" (IPv4 acl {u.acl_inbound})" if u.acl_inbound else "")
                             for u in missing)
            problems.append(f"no `acl ipv6 … inbound` on {desc}")
            ev += [e for u in missing for e in u.ev("acl_inbound")]
            fix += ["acl ipv6 number 2001\n rule 5 permit ipv6 source <mgmt-prefix> <len>\n rule 100 deny ipv6"]
            fix += [f"{line_kw} {u.first} {u.last}\n acl ipv6 2001 inbound" for u in missing]
        mg = m.mgmt
        if mg.ssh_acl and not mg.ssh_acl6:
            problems.append(f"`ssh server acl {mg.ssh_acl}` has no IPv6 counterpart")
            ev += mg.ev("ssh_acl")
            fix.append("ssh ipv6 server acl 2001")
        if problems:
            return failed("; ".join(problems) + " / IPv6 管理访问未限制", ev, fix)
        ev = [e for u in vtys for e in u.ev("acl6_inbound")]
        return passed(f"every vty ({len(vtys)} block(s)) has an IPv6 ACL inbound: "
                      + ", ".join(f"vty {u.first}-{u.last} acl ipv6 {u.acl6_inbound}" for u in vtys)
                      + " / IPv6 管理访问已限制", ev)


# --- IPv6 access guard ---------------------------------------------------------------------------------
#: what guards against rogue RAs / DHCPv6 servers, tolerant of Huawei and Comware spellings.
#: Huawei S-series: ``nd snooping enable`` (global, interface or VLAN) with ``nd snooping trusted``
#: uplinks — untrusted ports drop RA (UNVERIFIED per release: treated as RA protection);
#: ``dhcp snooping enable ipv6`` (or ``… enable`` covering both stacks on newer releases).
#: Comware: ``ipv6 nd raguard role host``, ``ipv6 nd snooping enable``, ``ipv6 dhcp snooping enable``.
_RA_GUARD = re.compile(r"(?:ipv6 )?(?:nd )?ra-?guard\b")
_ND_SNOOP = re.compile(r"(?:ipv6 )?nd snooping enable\b")
_DHCP6_SNOOP = re.compile(r"(?:dhcp snooping enable ipv6\b|ipv6 dhcp snooping enable\b|dhcpv6 snooping\b"
                          r"|dhcp snooping enable ipv4 ipv6\b)")
GUARDS = ("ra-guard", "dhcpv6-snooping", "nd-snooping")


class GuardParams(PortParams):
    require: list[str] = Field(
        default_factory=lambda: ["ra-guard", "dhcpv6-snooping"],
        description="protections required: ra-guard (RA guard, or ND snooping which drops RAs on "
                    "untrusted ports), dhcpv6-snooping, nd-snooping")

    def model_post_init(self, _: Any) -> None:
        bad = [g for g in self.require if g not in GUARDS]
        if bad:
            raise ValueError(f"unknown protection {bad} (one of {', '.join(GUARDS)})")


@register
class Ipv6AccessGuard(Check):
    id = "ipv6-access-guard"
    title_zh = "接入交换机防护 IPv6 仿冒（RA Guard、ND Snooping、DHCPv6 Snooping）"
    title_en = "IPv6 first-hop security on access switches (RA guard, ND / DHCPv6 snooping)"
    severity = "medium"
    controls = ("8.1.3.1b",)
    zones = ("access",)
    roles = ("switch",)
    Params = GuardParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        users = user_ports(dev, params)
        if not users:
            return not_applicable("no user port (physical, link-type access, not shut down) / 无用户接入端口")
        hits: dict[str, list[tuple[int, str]]] = {g: [] for g in GUARDS}
        for n in dev.tree.walk():
            t = n.text
            if t.startswith("undo "):
                continue
            for g, rx in (("ra-guard", _RA_GUARD), ("nd-snooping", _ND_SNOOP), ("dhcpv6-snooping", _DHCP6_SNOOP)):
                if rx.match(t):
                    where = f"{n.parent.text}: " if n.parent is not None else ""
                    hits[g].append((dev.line(n), where + t))
        have = {g for g, h in hits.items() if h}
        if "nd-snooping" in have:
            have.add("ra-guard")
        missing = [g for g in params.require if g not in have]
        ev = [e for g in GUARDS for e in hits[g][:3]]
        if missing:
            comware = dev.model.family == "comware"
            up = names(i.name for i in uplinks(dev, params)) or "<uplink>"
            fix = {
                "ra-guard": (["interface <user port>\n ipv6 nd raguard role host"] if comware else
                             ["nd snooping enable", f"interface {up}\n nd snooping trusted"]),
                "nd-snooping": (["ipv6 nd snooping enable (in the user VLANs)"] if comware else
                                ["nd snooping enable", f"interface {up}\n nd snooping trusted"]),
                "dhcpv6-snooping": (["ipv6 dhcp snooping enable", f"interface {up}\n ipv6 dhcp snooping trust"]
                                    if comware else
                                    ["dhcp enable", "dhcp snooping enable ipv6", f"interface {up}\n dhcp snooping trusted"]),
            }
            rem = [c for g in missing for c in fix[g]]
            present = f" (present: {', '.join(sorted(have))})" if have else ""
            return failed(f"missing IPv6 first-hop protection: {', '.join(missing)}{present} on a switch with "
                          f"{len(users)} user port(s) / 未启用 IPv6 接入防护", ev or context_evidence(dev),
                          list(dict.fromkeys(rem)))
        return passed(f"IPv6 first-hop protection present: {', '.join(sorted(have))} / 已启用 IPv6 接入防护", ev)

