"""Access-layer security checks (接入安全): DHCP snooping, IP–MAC binding, NAC, unused ports.

They answer 8.1.3.1 (边界防护) a/b: only controlled ports pass traffic, rogue devices and rogue
DHCP servers inside the network are detected and limited. The plan's access layer asks for
IP–MAC binding and endpoint admission (终端准入) on the access switches.

Port roles, decided from the configuration alone:

* a **user port** is a physical port with ``port link-type access`` (Comware: no link-type line,
  which is access by default) that is not shut down, not an Eth-Trunk member and not an uplink;
* an **uplink** is a trunk port, an Eth-Trunk (or Bridge-Aggregation), a port whose name matches
  one of ``uplink_patterns`` or is listed in the inventory ``vars.uplinks``. Eth-Trunk members
  carry no snooping settings themselves (the trunk interface does), so they are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

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
from netaudit.model.device import Evidence, Interface, VlanRanges, vlan_in

#: interface types that are never user ports nor uplinks (management, stacking)
_NOT_PORTS = ("MEth", "Stack-Port")
_SHOW = 5  # names listed in a message before "…"


def names(items: Iterable[str], limit: int = _SHOW) -> str:
    """Comma-separated names, the first ``limit`` of them, then ``(+N more)``.

    >>> names(["a", "b", "c"], 2)
    'a, b (+1 more)'
    """
    lst = list(items)
    head = ", ".join(lst[:limit])
    return head + (f" (+{len(lst) - limit} more)" if len(lst) > limit else "")


def context_evidence(dev: DeviceContext) -> list[Evidence]:
    """Where an absence was looked for: the sysname line (or the version header)."""
    m = dev.model
    return list(m.field_evidence.get("sysname") or m.evidence)[:1]


def iface_ev(ifc: Interface, *fields_: str) -> list[Evidence]:
    """The interface header line plus the lines of the named fields."""
    out = list(ifc.evidence[:1])
    for f in fields_:
        for e in ifc.field_evidence.get(f, []):
            if e not in out:
                out.append(e)
    return out


class PortParams(BaseModel):
    """How to recognise uplinks (shared by the access checks)."""

    model_config = ConfigDict(extra="forbid")

    uplink_patterns: list[str] = Field(
        default_factory=list,
        description="regexes (matched at the start of the interface name) of extra uplink ports, "
                    "e.g. ['XGigabitEthernet0/0/(49|50)$']; trunks and Eth-Trunks are uplinks anyway")


def is_comware(dev: DeviceContext) -> bool:
    return bool(dev.model.family == "comware")


def uplinks(dev: DeviceContext, params: Any) -> list[Interface]:
    """Uplink interfaces: trunks, Eth-Trunks, pattern or inventory matches (members excluded)."""
    pats = [re.compile(p) for p in getattr(params, "uplink_patterns", [])]
    declared = {str(x) for x in (dev.host.vars or {}).get("uplinks", []) or []}
    out = []
    for ifc in dev.model.interfaces.values():
        if ifc.type in _NOT_PORTS or ifc.eth_trunk is not None or "." in ifc.number:
            continue
        # ``evidence`` empty = seen only in a show output, not configured
        if ifc.evidence and (ifc.type == "Eth-Trunk" or ifc.link_type == "trunk" or ifc.name in declared
                             or any(p.match(ifc.name) for p in pats)):
            out.append(ifc)
    return out


def user_ports(dev: DeviceContext, params: Any) -> list[Interface]:
    """Physical access ports that are up administratively and are not uplinks."""
    up = {i.name for i in uplinks(dev, params)}
    comware = is_comware(dev)
    out = []
    for ifc in dev.model.interfaces.values():
        if not ifc.physical or ifc.type in _NOT_PORTS or ifc.shutdown or ifc.eth_trunk is not None:
            continue
        if ifc.name in up or not ifc.evidence or ifc.portswitch is False or ifc.ipv4:
            continue
        if ifc.link_type == "access" or (comware and ifc.link_type is None):
            out.append(ifc)
    return out


def vlan_sections_with(dev: DeviceContext, pattern: str) -> tuple[VlanRanges, list[tuple[int, str]]]:
    """VLANs whose ``vlan N`` view holds a line matching ``pattern`` (and those lines)."""
    rx = re.compile(pattern)
    vlans: VlanRanges = []
    ev: list[tuple[int, str]] = []
    for sec in dev.tree.find_all(r"vlan \d+$"):
        for c in sec.children:
            if rx.match(c.text):
                v = int(sec.text.split()[1])
                vlans.append((v, v))
                ev.append((dev.line(c), f"{sec.text}: {c.text}"))
    return vlans, ev


def pvid(ifc: Interface) -> int:
    """The access VLAN of a port (VLAN 1 when not printed)."""
    return ifc.default_vlan if ifc.default_vlan is not None else 1


def _no_user_ports(dev: DeviceContext) -> Outcome:
    return not_applicable("no user port (physical, link-type access, not shut down, not an uplink) in the "
                   "configuration / 无用户接入端口")


# --- DHCP snooping ---------------------------------------------------------------------------------
@register
class DhcpSnooping(Check):
    id = "access-dhcp-snooping"
    title_zh = "接入交换机启用 DHCP Snooping，上行口设为信任"
    title_en = "DHCP snooping on user ports, uplinks trusted"
    severity = "high"
    controls = ("8.1.3.1b",)
    zones = ("access",)
    roles = ("switch",)
    Params = PortParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        m = dev.model
        users = user_ports(dev, params)
        if not users:
            return _no_user_ports(dev)
        ups = uplinks(dev, params)
        comware = is_comware(dev)
        # VLAN-based enabling: ``vlan 10`` → ``dhcp snooping enable`` (Huawei), or the older
        # global ``dhcp snooping enable vlan 10 to 20``.
        vlans, vlan_ev = vlan_sections_with(dev, r"dhcp snooping enable$")
        for n in dev.tree.find_all(r"dhcp snooping enable vlan "):
            ws = n.text.split()
            vlans.extend((a, b) for a, b in _ranges(ws[4:]))
            vlan_ev.append((dev.line(n), n.text))
        # Comware prints ``dhcp snooping trust``; the model only knows Huawei ``trusted``.
        trusted = {i.name for i in m.interfaces.values() if i.dhcp_snooping_trusted}
        trusted_ev: dict[str, tuple[int, str]] = {}
        for sec in dev.tree.find_all(r"interface \S+$"):
            for c in sec.children:
                if re.match(r"dhcp snooping trust(ed)?$", c.text):
                    name = sec.text.split()[1]
                    trusted.add(name)
                    trusted_ev[name] = (dev.line(c), f"{sec.text}: {c.text}")

        problems: list[str] = []
        ev: list[Any] = []
        fix: list[str] = []
        # ``dhcp snooping enable ipv6`` alone protects DHCPv6 only; the model counts it as on.
        g_lines = [e for e in m.ev("dhcp_snooping_enabled") if e.text != "dhcp snooping enable ipv6"]
        if m.dhcp_snooping_enabled and g_lines:
            ev.extend(g_lines)
        else:
            problems.append("`dhcp snooping enable` is not configured globally")
            ev.extend(context_evidence(dev))
            fix += ["dhcp enable", "dhcp snooping enable"]
        # Comware: the global switch covers every port; Huawei also needs port or VLAN enabling.
        uncovered = [] if comware else [
            i for i in users if not i.dhcp_snooping_enable and not vlan_in(vlans, pvid(i))]
        if uncovered:
            problems.append(f"{len(uncovered)} of {len(users)} user ports without DHCP snooping: "
                            f"{names(i.name for i in uncovered)}")
            ev.extend(e for i in uncovered[:_SHOW] for e in i.evidence[:1])
            fix += [f"interface {i.name}\n dhcp snooping enable" for i in uncovered[:_SHOW]]
        trusted_users = [i for i in users if i.name in trusted]
        if trusted_users:
            problems.append(f"user ports trusted (rogue DHCP servers pass): {names(i.name for i in trusted_users)}")
            ev.extend(e for i in trusted_users[:_SHOW] for e in iface_ev(i, "dhcp_snooping_trusted"))
            fix += [f"interface {i.name}\n undo dhcp snooping trusted" for i in trusted_users[:_SHOW]]
        untrusted_up = [i for i in ups if i.name not in trusted]
        trust_word = "trust" if comware else "trusted"
        if untrusted_up:
            problems.append(f"uplinks not trusted: {names(i.name for i in untrusted_up)}")
            ev.extend(e for i in untrusted_up[:_SHOW] for e in i.evidence[:1])
            fix += [f"interface {i.name}\n dhcp snooping {trust_word}" for i in untrusted_up[:_SHOW]]
        elif not ups and not trusted:
            problems.append("no uplink found and no interface is `dhcp snooping trusted` "
                            "(declare uplinks with uplink_patterns or vars.uplinks)")
            fix.append(f"interface <uplink>\n dhcp snooping {trust_word}")
        if problems:
            return failed("; ".join(problems) + " / DHCP Snooping 未完整启用", ev, fix,
                          data={"user_ports": len(users), "uncovered": [i.name for i in uncovered],
                                "untrusted_uplinks": [i.name for i in untrusted_up]})
        good = [e for i in users[:_SHOW] for e in iface_ev(i, "dhcp_snooping_enable")]
        ev += vlan_ev[:_SHOW] + good + [trusted_ev.get(i.name) or iface_ev(i, "dhcp_snooping_trusted")[-1]
                                        for i in ups[:_SHOW]]
        how = "globally (Comware)" if comware else "on every user port or its VLAN"
        return passed(f"DHCP snooping enabled {how} ({len(users)} user ports); "
                      f"{len(ups)} uplink(s) trusted / 已启用 DHCP Snooping", ev)


def _ranges(words: list[str]) -> VlanRanges:
    out: VlanRanges = []
    i = 0
    while i < len(words):
        if words[i].isdigit():
            a = int(words[i])
            if i + 2 < len(words) and words[i + 1] == "to" and words[i + 2].isdigit():
                out.append((a, int(words[i + 2])))
                i += 3
                continue
            out.append((a, a))
        i += 1
    return out


# --- IP–MAC binding ---------------------------------------------------------------------------------
class BindParams(PortParams):
    require_static_binds: bool = Field(
        True, description="require static `user-bind static` entries (the plan's IP–MAC binding); "
                          "False also accepts the dynamic binding table built by DHCP snooping")
    require_arp_check: bool = Field(
        False, description="also require `arp anti-attack check user-bind enable` on user ports")


@register
class IpMacBinding(Check):
    id = "access-ip-mac-binding"
    title_zh = "接入端口启用 IP–MAC 绑定与 IP 源防护（IPSG）"
    title_en = "IP–MAC binding with IP source guard on user ports"
    severity = "high"
    controls = ("8.1.3.1b", "8.1.3.1a")
    zones = ("access",)
    roles = ("switch",)
    Params = BindParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        m = dev.model
        users = user_ports(dev, params)
        if not users:
            return _no_user_ports(dev)
        comware = is_comware(dev)
        ipsg_cmd = ("ip verify source ip-address mac-address" if comware
                    else "ipv4 source check user-bind enable" if m.family == "vrp8"
                    else "ip source check user-bind enable")
        vlans, vlan_ev = vlan_sections_with(dev, r"ip(v4)? source check user-bind enable$")
        no_ipsg = [i for i in users if not i.ip_source_check and not vlan_in(vlans, pvid(i))]
        no_arp = [i for i in users if not i.arp_anti_attack_user_bind]
        static = [b for b in m.user_binds if b.mac]
        problems: list[str] = []
        ev: list[Any] = []
        fix: list[str] = []
        if not static and (params.require_static_binds or not m.dhcp_snooping_enabled):
            src = "" if params.require_static_binds else " and no DHCP snooping binding table"
            problems.append(f"no static IP–MAC binding (`user-bind static`){src}")
            ev.extend(context_evidence(dev))
            fix.append("ip source binding ip-address <ip> mac-address <mac>" if comware else
                       "user-bind static ip-address <ip> mac-address <mac> interface <port> vlan <vlan>")
        if no_ipsg:
            problems.append(f"{len(no_ipsg)} of {len(users)} user ports without IP source guard: "
                            f"{names(i.name for i in no_ipsg)}")
            ev.extend(e for i in no_ipsg[:_SHOW] for e in i.evidence[:1])
            fix += [f"interface {i.name}\n {ipsg_cmd}" for i in no_ipsg[:_SHOW]]
        if params.require_arp_check and no_arp and not comware:
            problems.append(f"user ports without `arp anti-attack check user-bind enable`: "
                            f"{names(i.name for i in no_arp)}")
            ev.extend(e for i in no_arp[:_SHOW] for e in i.evidence[:1])
            fix += [f"interface {i.name}\n arp anti-attack check user-bind enable" for i in no_arp[:_SHOW]]
        data = {"user_ports": len(users), "static_binds": len(static), "no_ipsg": [i.name for i in no_ipsg],
                "arp_check_ports": len(users) - len(no_arp)}
        if problems:
            return failed("; ".join(problems) + " / 未落实 IP–MAC 绑定", ev, fix, data=data)
        ev += [e for b in static[:_SHOW] for e in b.evidence[:1]] + vlan_ev[:_SHOW]
        ev += [e for i in users[:_SHOW] for e in iface_ev(i, "ip_source_check", "arp_anti_attack_user_bind")]
        binds = (f"{len(static)} static binding(s)" if static else "the DHCP snooping binding table")
        plus = (f"; ARP check on {len(users) - len(no_arp)} of {len(users)} user ports"
                if not comware else "")
        return passed(f"{binds}, IP source guard on all {len(users)} user ports{plus} / 已绑定 IP–MAC", ev,
                      data=data)


# --- NAC ---------------------------------------------------------------------------------------------
@register
class Nac(Check):
    id = "access-nac"
    title_zh = "接入端口启用终端准入认证（802.1X 或 MAC 认证）"
    title_en = "Endpoint admission (802.1X or MAC authentication) on user ports"
    severity = "high"
    controls = ("8.1.3.1b",)
    zones = ("access",)
    roles = ("switch",)
    Params = PortParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        tree = dev.tree
        users = user_ports(dev, params)
        if not users:
            return _no_user_ports(dev)
        comware = is_comware(dev)
        # Global switches. Huawei: ``dot1x enable`` / ``mac-authen``; Comware: ``dot1x`` /
        # ``mac-authentication`` (the model knows only the Huawei dot1x line).
        g_dot1x = tree.find(r"dot1x( enable)?$")
        g_mac = tree.find(r"mac-authen(tication)?$")
        # Unified mode (V200R009+): an authentication profile that names a dot1x or MAC access profile.
        profiles: dict[str, Any] = {}
        for sec in tree.find_all(r"authentication-profile name \S+$"):
            if sec.child(r"(dot1x|mac)-access-profile "):
                profiles[sec.text.split()[2]] = sec
        port_dot1x: dict[str, tuple[int, str]] = {}
        port_mac: dict[str, tuple[int, str]] = {}
        for sec in tree.find_all(r"interface \S+$"):
            name = sec.text.split()[1]
            for c in sec.children:
                if re.match(r"dot1x( enable)?$", c.text):
                    port_dot1x[name] = (dev.line(c), c.text)
                elif re.match(r"mac-authen(tication)?$", c.text):
                    port_mac[name] = (dev.line(c), c.text)
        covered: list[tuple[Interface, Any]] = []
        missing: list[Interface] = []
        dangling: list[Interface] = []
        for i in users:
            if i.name in port_dot1x and g_dot1x is not None:
                covered.append((i, port_dot1x[i.name]))
            elif i.name in port_mac and g_mac is not None:
                covered.append((i, port_mac[i.name]))
            elif i.authentication_profile and i.authentication_profile in profiles:
                covered.append((i, i.ev("authentication_profile")[0]))
            else:
                missing.append(i)
                if i.name in port_dot1x or i.name in port_mac or i.authentication_profile:
                    dangling.append(i)
        if missing:
            ev: list[Any] = [e for i in missing[:_SHOW] for e in i.evidence[:1]]
            extra = ""
            if g_dot1x is not None:
                ev.insert(0, (dev.line(g_dot1x), g_dot1x.text))
                extra = " (802.1X is enabled globally but not on these ports)"
            if profiles:
                sec = next(iter(profiles.values()))
                ev.insert(0, (dev.line(sec), sec.text))
                extra += f" ({len(profiles)} authentication profile(s) defined, not bound to these ports)"
            fix = (["dot1x", *[f"interface {i.name}\n dot1x" for i in missing[:_SHOW]]] if comware else
                   ["dot1x-access-profile name d1x",
                    "authentication-profile name p_dot1x\n dot1x-access-profile d1x",
                    *[f"interface {i.name}\n authentication-profile p_dot1x" for i in missing[:_SHOW]],
                    "(older releases: dot1x enable; interface <port> / dot1x enable)"])
            if dangling:
                # Old (common) access mode: port-level 802.1X / MAC auth does nothing without the
                # global switch; an unknown authentication profile binds nothing.
                extra += (f"; {len(dangling)} port(s) carry port-level 802.1X / MAC / profile lines but the "
                          f"global switch or the profile is missing: {names(i.name for i in dangling)}")
                ev += [e for i in dangling[:_SHOW] for e in
                       ([port_dot1x[i.name]] if i.name in port_dot1x else [])
                       + ([port_mac[i.name]] if i.name in port_mac else [])
                       + (i.ev("authentication_profile") if i.authentication_profile else [])]
                if any(i.name in port_dot1x for i in dangling) and g_dot1x is None:
                    fix.insert(0, "dot1x" if comware else "dot1x enable")
                if any(i.name in port_mac for i in dangling) and g_mac is None:
                    fix.insert(0, "mac-authentication" if comware else "mac-authen")
            return failed(f"{len(missing)} of {len(users)} user ports without 802.1X or MAC authentication: "
                          f"{names(i.name for i in missing)}{extra} / 未启用终端准入", ev, fix,
                          data={"user_ports": len(users), "missing": [i.name for i in missing]})
        ev = [x for _, x in covered[:_SHOW]]
        if g_dot1x is not None:
            ev.insert(0, (dev.line(g_dot1x), g_dot1x.text))
        return passed(f"all {len(users)} user ports authenticate endpoints (802.1X / MAC / profile) "
                      "/ 已启用终端准入", ev, data={"user_ports": len(users)})


# --- unused ports -----------------------------------------------------------------------------------
BRIEF = "display interface brief"
_SUFFIX = re.compile(r"\([^)]*\)$")
_IDLE_LINES = ("undo shutdown", "shutdown")


def _brief_status(dev: DeviceContext) -> dict[str, str]:
    """Interface → PHY status from ``display interface brief`` (names without ``(10G)``/``(v)``)."""
    out: dict[str, str] = {}
    for ifc in dev.model.interfaces.values():
        if ifc.oper_status is not None:
            # the model keeps brief names as printed, suffix included (reported to the model owner)
            out[_SUFFIX.sub("", ifc.name)] = ifc.oper_status
    return out


@register
class UnusedPorts(Check):
    id = "access-unused-ports"
    title_zh = "闲置端口已关闭（shutdown）"
    title_en = "Unused ports are shut down"
    severity = "medium"
    controls = ("8.1.3.1a", "8.1.4.4b")
    zones = ("access",)
    roles = ("switch",)

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
        m = dev.model
        status = _brief_status(dev) if dev.has(BRIEF) else None
        blocks: dict[str, list[Any]] = {}
        for sec in dev.tree.find_all(r"interface \S+$"):
            blocks.setdefault(sec.text.split()[1], []).append(sec)
        considered = 0
        open_unused: list[tuple[str, Any]] = []
        closed = 0
        for name, secs in blocks.items():
            ifc = m.interfaces.get(name)
            if ifc is None or not ifc.physical or ifc.type in _NOT_PORTS or ifc.stack_port:
                continue
            considered += 1
            lines = [c.text for s in secs for c in s.children]
            if ifc.shutdown:
                closed += 1
                continue
            if ifc.description or any(t not in _IDLE_LINES for t in lines):
                continue
            if status is not None:
                st = status.get(name)
                if st is None or not st.lower().startswith("down"):
                    continue   # up, or not in the table: cannot call it unused
            open_unused.append((name, secs[0]))
        if not considered:
            return skipped("no physical port in the configuration / 无物理端口")
        mode = ("no description, no configuration and PHY down in `display interface brief`"
                if status is not None else
                "no description and no configuration (config only: `display interface brief` not recorded)")
        if open_unused:
            return failed(f"{len(open_unused)} unused port(s) not shut down ({mode}): "
                          f"{names((n for n, _ in open_unused), 8)} / 闲置端口未关闭",
                          [(dev.line(s), s.text) for _, s in open_unused[:10]],
                          [f"interface {n}\n shutdown" for n, _ in open_unused[:10]],
                          data={"ports": [n for n, _ in open_unused], "mode": "brief" if status is not None
                                else "config"})
        ev: list[Any] = [e for i in m.interfaces.values() if i.shutdown for e in i.ev("shutdown")][:5]
        if not ev:
            ev = context_evidence(dev)
        return passed(f"no unused open port among {considered} physical ports ({closed} shut down; unused = "
                      f"{mode}) / 闲置端口均已关闭", ev, data={"mode": "brief" if status is not None else "config"})
