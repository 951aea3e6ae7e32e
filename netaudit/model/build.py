"""Build a :class:`~netaudit.model.device.Device` from recorded command outputs.

One builder for every family: platform differences come from
:mod:`netaudit.model.platforms`. The configuration is parsed with
:mod:`netaudit.parse.config_tree`; show outputs go through :func:`netaudit.parse.shows.parse_show`
and a failure there becomes a ``parse_warnings`` entry, never a lost device. An unparseable
configuration raises :class:`~netaudit.errors.ParseError` naming device, command and line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import MISSING, fields
from typing import Any, Literal

from netaudit.errors import NetauditError, ParseError
from netaudit.model.device import (
    AaaScheme,
    AaaServer,
    Acl,
    AclRule,
    BgpProcess,
    ConfigBackup,
    Device,
    Domain,
    EthTrunk,
    Evidence,
    Firewall,
    Interface,
    IPv4Address,
    IPv6Address,
    IsisProcess,
    LldpNeighbor,
    LocalUser,
    LogHost,
    NtpServer,
    OspfProcess,
    Secret,
    SecretStorage,
    SecurityRule,
    ServerTemplate,
    SnmpCommunity,
    SnmpGroup,
    SnmpTarget,
    StackMember,
    StaticRoute,
    Timezone,
    TrafficFilter,
    UserBind,
    UserInterface,
    UsmUser,
    VlanRanges,
    VrrpGroup,
    Zone,
    _Lines,
)
from netaudit.model.platforms import _HINT_BY_WORD, SYNTAX, Syntax, family_for, split_interface
from netaudit.parse.clean import clean_with_offset, looks_clean
from netaudit.parse.config_tree import ConfigNode, ConfigTree, _Index, _parse
from netaudit.redact import redact

__all__ = ["build_device", "redact", "CONFIG_COMMAND", "KNOWN_COMMANDS"]

CONFIG_COMMAND = "display current-configuration"
KNOWN_COMMANDS = (
    CONFIG_COMMAND, "display version", "display interface brief", "display lldp neighbor brief",
    "display eth-trunk", "display css status", "display stack", "display vrrp brief",
    "display ip interface brief", "display ipv6 interface brief",
)

# --- secrets ---------------------------------------------------------------------------------
def _storage(kw: str | None, value: str | None) -> SecretStorage:
    if value is None and kw is None:
        return "none"
    if kw in ("irreversible-cipher", "hash"):
        return "irreversible"
    if value and value.startswith(("$1a$", "$1b$", "$1c$", "$1d$", "$h$")):
        return "irreversible"   # one-way hash formats even when printed after ``cipher``
    if kw == "simple":
        return "simple"
    return "cipher"


_SECRET_AFTER = re.compile(r"(cipher|irreversible-cipher|simple|hash)\s+(\S+)")


def _secret_in(text: str, missing: SecretStorage | None = None) -> Secret:
    """The secret after the first storage keyword in ``text``. Without one: absent, or (given
    ``missing``) present and stored as ``missing`` (a line that always carries a secret)."""
    mo = _SECRET_AFTER.search(text)
    if not mo:
        return Secret(False, "none") if missing is None else Secret(True, missing)
    return Secret(True, _storage(mo.group(1), mo.group(2)))


# --- small helpers ----------------------------------------------------------------------------
def _vlan_ranges(words: list[str]) -> VlanRanges:
    out: VlanRanges = []
    i, n = 0, len(words)
    while i < n:
        w = words[i]
        if not w.isdigit():
            i += 1
            continue
        a = int(w)
        if i + 2 < n and words[i + 1] == "to" and words[i + 2].isdigit():
            out.append((a, int(words[i + 2])))
            i += 3
        else:
            out.append((a, a))
            i += 1
    return out


def _subtract(ranges: VlanRanges, remove: VlanRanges) -> VlanRanges:
    out = list(ranges)
    for ra, rb in remove:
        nxt: VlanRanges = []
        for a, b in out:
            if rb < a or ra > b:
                nxt.append((a, b))
                continue
            if a < ra:
                nxt.append((a, ra - 1))
            if rb < b:
                nxt.append((rb + 1, b))
        out = nxt
    return out


# Dotted masks of every prefix length -> that length (the answer ``_mask_len`` computes for them).
_MASKS = {".".join(str((0xFFFFFFFF << (32 - n) & 0xFFFFFFFF) >> s & 0xFF) for s in (24, 16, 8, 0)): n
          for n in range(33)}


def _mask_len(mask: str) -> int:
    if mask.isdigit():
        return int(mask)
    known = _MASKS.get(mask)
    if known is not None:
        return known
    try:
        return sum(bin(int(o)).count("1") for o in mask.split("."))
    except ValueError:
        return 0


def _int(s: str | None) -> int | None:
    return int(s) if s is not None and s.isdigit() else None


def _pick(rec: dict[str, Any], *keys: str) -> str | None:
    for k in keys:
        v = rec.get(k)
        if v not in (None, "", []):
            return str(v[0] if isinstance(v, list) else v)
    return None


_RX_IP4 = re.compile(r"ip address (\d+\.\d+\.\d+\.\d+) (\S+)( sub)?")
_RX_IP6 = re.compile(r"ipv6 address (\S+?)(?:/(\d+))?(?: (link-local|eui-64))?$")
_RX_VRRP = re.compile(r"(vrrp6?) vrid (\d+) (virtual-ip|priority) (\S+)(?: (\S+))?")
_RX_TFILTER = re.compile(r"traffic-filter (?:(ipv6) )?(inbound|outbound) acl (?:(ipv6) )?(?:name )?(\S+)")
_RX_OSPF_IF = re.compile(r"(ospfv3|ospf) (?:enable )?(\d+) area (\S+)")
_RX_SCHEME = re.compile(r"(authentication|authorization|accounting|recording)-scheme (\S+)$")
_SSH_LISTS = {"cipher": "ssh_ciphers", "hmac": "ssh_hmacs", "key-exchange": "ssh_kex"}
_SCHEME_KINDS = {f"{k}-scheme": k for k in ("authentication", "authorization", "accounting", "recording")}
_DOMAIN_SCHEMES = {f"{k}-scheme": f"{k}_scheme" for k in ("authentication", "authorization", "accounting")}
_RX_LOCAL_USER = re.compile(r"local-user (\S+) ((?:password|privilege|level|service-type|user-group|state|"
                            r"ftp-directory|access-limit|idle-cut|expire-date|time-range)\b.*)$")
_RX_LOCKOUT = re.compile(r"local-aaa-user wrong-password retry-interval (\d+) retry-time (\d+) "
                         r"block-time (\d+)")
_RX_ROUTE4 = re.compile(r"ip route-static (?:vpn-instance (\S+) )?(\d+\.\d+\.\d+\.\d+) (\S+) (.*)$")
_RX_ROUTE6 = re.compile(r"ipv6 route-static (?:vpn-instance (\S+) )?(\S+) (\d+) (.*)$")
_RX_ACL = re.compile(r"acl (?:(ipv6) )?(?:(?:number|basic|advanced) )?(?:name (\S+)(?: (\d+))?|(\d+))")
_RX_RULE = re.compile(r"rule (?:(\d+) )?(permit|deny)(?: (\S+))?(.*)$")
_RX_RULE_SRC = re.compile(r"source (any|\S+)(?: (\d+\.\d+\.\d+\.\d+|\d+))?")
_RX_RULE_DST = re.compile(r"destination (any|\S+)(?: (\d+\.\d+\.\d+\.\d+|\d+))?")
_RX_USM = re.compile(r"snmp-agent usm-user (v3) (\S+)(.*)$")
_RX_GROUP = re.compile(r"snmp-agent group (v1|v2c|v3) (\S+)(?: (privacy|authentication|noauthentication|noauth))?(.*)$")
_RX_BACKUP = re.compile(r"set save-configuration backup-to-server server (\S+)(.*)$")
_RX_USER_BIND = re.compile(r"user-bind static ip-address (\S+)(?: mac-address (\S+))?(?: interface (\S+))?"
                           r"(?: vlan (\d+))?")
_RX_CLOCK = re.compile(r"clock timezone (\S+) (add|minus) (\S+)")
_RX_VERSION = re.compile(r"VRP \(R\) software, Version (\S+) \((?:(.+?) )?(V\d{3}R\d{3}\S*)\)", re.I)
_RX_COMWARE_VERSION = re.compile(r"Comware Software, Version (\S+), Release (\S+)")
_RX_MODEL = re.compile(r"^(?:HUAWEI|Huawei|Quidway|H3C|HPE)\s+(.+?)\s+(?:Router |Routing Switch |"
                       r"Terabit Routing Switch |Switch )?uptime is", re.M)
_RX_PATCH = re.compile(r"Patch (?:Version|Package Version)\s*:\s*(\S+)", re.I)


_IF_KEYS = frozenset((
    "shutdown", "undo", "description", "port", "port-security", "ip", "ipv4", "ipv6", "eth-trunk",
    "mode", "link-aggregation", "vrrp", "vrrp6", "dhcp", "arp", "dot1x", "mac-authen",
    "mac-authentication", "authentication-profile", "traffic-filter", "packet-filter", "ospf", "ospfv3",
    "isis", "speed", "service-manage", "stack-port"))


# Interface lines whose whole text sets one attribute to a fixed value; the field evidence is
# recorded under the attribute's name. Same effect as the keyword dispatch in
# ``_Builder.interface`` for these exact texts, with a single dict lookup (access ports repeat
# them on every port).
_IF_EXACT: dict[str, tuple[str, object]] = {
    "shutdown": ("shutdown", True),
    "undo portswitch": ("portswitch", False),
    "dhcp snooping enable": ("dhcp_snooping_enable", True),
    "dhcp snooping trusted": ("dhcp_snooping_trusted", True),
    "ip source check user-bind enable": ("ip_source_check", True),
    "ipv4 source check user-bind enable": ("ip_source_check", True),
    "arp anti-attack check user-bind enable": ("arp_anti_attack_user_bind", True),
    "ipv6 enable": ("ipv6_enabled", True),
    "dot1x enable": ("dot1x", True),
    "port-security enable": ("port_security", True),
    "mac-authen": ("mac_authen", True),
    "mac-authentication": ("mac_authen", True),
    **{f"port link-type {lt}": ("link_type", lt) for lt in ("access", "trunk", "hybrid", "dot1q-tunnel")},
    **{f"mode {m}": ("trunk_mode", m) for m in ("lacp", "lacp-static", "lacp-dynamic", "manual")},
}
# Common interface lines the model does not record (their first word is not in ``_IF_KEYS``, so
# the keyword dispatch skips them too): answered by the same lookup.
_IF_IGNORED = ("stp edged-port enable", "stp bpdu-filter enable", "stp disable", "nd snooping trusted",
               "port-isolate enable group 1", "loopback-detect enable", "negotiation auto", "lldp enable")
_IF_EXACT.update(dict.fromkeys(_IF_IGNORED, ("", None)))
_new = object.__new__


def _positional_factory(cls: type[Any], params: tuple[str, ...]) -> Callable[..., Any]:
    """A constructor for the slotted dataclass ``cls`` taking ``params`` positionally.

    Builds the same object as ``cls(**dict(zip(params, args)))`` with its evidence stored lazily
    (``_ev``, ``_src``: see :class:`~netaudit.model.device._Evidenced`); every other field gets its
    default or a fresh ``default_factory`` value; a field the class answers with a property, such
    as :class:`Interface`'s lazily created lists, is left to it) without binding ~40 keyword
    defaults in the generated ``__init__``: the builder makes one :class:`Interface` per interface line.
    Generated from :func:`dataclasses.fields`, so a field added to the class is covered.
    """
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has __post_init__")
    ns: dict[str, Any] = {"_new": _new, "_cls": cls}
    body = ["    o = _new(_cls)"]
    for f in fields(cls):
        if f.name in ("evidence", "field_evidence"):
            continue      # set below, as the lazy storage of ``_Evidenced``
        if f.name in params:
            value = f.name
        elif isinstance(getattr(cls, f.name, None), property):
            continue      # a lazily created list (``device._InterfaceLists``): left unset
        elif f.default is None or type(f.default) in (bool, int, str):
            value = repr(f.default)     # a constant in the generated code (no global lookup)
        elif f.default is not MISSING:
            ns[f"_d_{f.name}"] = f.default
            value = f"_d_{f.name}"
        elif f.default_factory is list:
            value = "[]"
        elif f.default_factory is dict:
            value = "{}"
        elif f.default_factory is not MISSING:
            ns[f"_f_{f.name}"] = f.default_factory
            value = f"_f_{f.name}()"
        else:
            raise TypeError(f"{cls.__name__}.{f.name} has no default")
        body.append(f"    o.{f.name} = {value}")
    body += ["    o._ev = _ev", "    o._fev = {}", "    o._src = _src"]
    exec(f"def make({', '.join(params)}, _ev, _src):\n" + "\n".join(body) + "\n    return o\n", ns)  # noqa: S102
    make: Callable[..., Any] = ns["make"]
    return make


# Interface(name=..., type=..., number=..., chassis=..., slot=..., physical=...), lazy evidence
_make_interface = _positional_factory(Interface, ("name", "type", "number", "chassis", "slot", "physical"))
# The same for the objects the handlers make per line: ``_make_X(fields..., line_no, src)`` is
# ``X(fields...)`` with evidence ``[line line_no]`` (as ``addev`` records it).
_make_local_user = _positional_factory(LocalUser, ("name", "source"))
_make_scheme = _positional_factory(AaaScheme, ("name", "kind"))
_make_domain = _positional_factory(Domain, ("name",))
_make_template = _positional_factory(ServerTemplate, ("name", "protocol"))
_make_server = _positional_factory(AaaServer, ("kind", "role", "ip", "port", "vpn_instance"))
_make_user_interface = _positional_factory(UserInterface, ("kind", "first", "last"))
_make_acl = _positional_factory(Acl, ("name", "number", "ipv6"))
_make_rule = _positional_factory(AclRule, ("rule_id", "action", "text"))
_make_loghost = _positional_factory(LogHost, ("host", "vpn_instance", "ipv6"))
_make_ntp_server = _positional_factory(NtpServer, ("address", "kind", "vpn_instance", "source_interface"))
_make_snmp_group = _positional_factory(SnmpGroup, ("name", "version", "security_level", "acl"))
_make_usm_user = _positional_factory(UsmUser, ("name",))
_make_snmp_target = _positional_factory(SnmpTarget, ("address", "params"))


def _add(fev: dict[str, Any], name: str, e: int) -> None:
    """Record line number ``e`` under ``name`` (an ``int`` for one line, a list for more)."""
    lst = fev.get(name)
    if lst is None:
        fev[name] = e
    elif type(lst) is int:
        fev[name] = [lst, e]
    else:
        lst.append(e)


_Handler = Callable[["_Builder", ConfigNode], None]


class _Builder:
    """Runs the handlers of the configuration's top-level sections once and fills the device."""

    def __init__(self, dev: Device, syn: Syntax, src: _Lines) -> None:
        self.d = dev
        self.s = syn
        self.src = src
        self.telnet_seen = False
        self.ssh_seen = False
        # interface name without its last digits -> split_interface's answer for such names (the
        # number as the length of the name before it): ports of one card share it
        self.if_shapes: dict[str, tuple[str, int, int | None, int | None, bool]] = {}

    # evidence ------------------------------------------------------------------------------------
    # Evidence is recorded as line numbers into the device's ``_Lines`` (see ``_Evidenced``):
    # ``n.line_no`` for a line shown redacted, ``-n.line_no`` for one shown verbatim. One number
    # is stored as an ``int``, several as a list; nothing else is built until a reader asks.
    def addev(self, obj: Any, n: ConfigNode) -> None:
        """Append line ``n`` to ``obj.evidence``."""
        obj._src = self.src
        ev = obj._ev
        if type(ev) is list:
            ev.append(n.line_no)
        else:
            obj._ev = [ev, n.line_no]

    def addev_no(self, obj: Any, line_no: int) -> None:
        """Append line ``line_no`` (shown redacted) to ``obj.evidence``."""
        obj._src = self.src
        ev = obj._ev
        if type(ev) is list:
            ev.append(line_no)
        else:
            obj._ev = [ev, line_no]

    def setev(self, obj: Any, n: ConfigNode) -> None:
        """``obj.evidence = [line n]``."""
        obj._src = self.src
        obj._ev = n.line_no

    def fe(self, obj: Any, name: str, n: ConfigNode) -> None:
        """Append line ``n`` to ``obj.field_evidence[name]``."""
        obj._src = self.src
        fev = obj._fev
        lst = fev.get(name)
        if lst is None:
            fev[name] = n.line_no
        elif type(lst) is int:
            fev[name] = [lst, n.line_no]
        else:
            lst.append(n.line_no)

    def setfe(self, obj: Any, name: str, n: ConfigNode) -> None:
        """``obj.field_evidence[name] = [line n]``."""
        obj._src = self.src
        obj._fev[name] = n.line_no

    def run(self, todo: list[tuple[_Handler, ConfigNode]]) -> None:
        """Run the handler of every top-level line that has one (``todo``: the ``(handler,
        node)`` pairs in file order, as the lean parser's ``_Index`` of ``_HANDLERS`` gives them),
        then :meth:`finish`."""
        iface = _Builder.interface
        batch = []
        for h, n in todo:
            if h is iface:
                batch.append(n)
            else:
                h(self, n)
        self.interfaces(batch)
        self.finish()

    def finish(self) -> None:
        d, s = self.d, self.s
        m = d.mgmt
        if not self.telnet_seen:
            m.telnet_enabled = s.telnet_default
            m.telnet_note = s.telnet_note
        if not self.ssh_seen:
            m.stelnet_enabled = s.ssh_default
        for ui in m.user_interfaces:
            if ui.idle_timeout_default:
                ui.idle_timeout_s = s.idle_timeout_default_s
        if s.lockout_default is None and d.aaa.lockout.is_default:
            lo = d.aaa.lockout
            lo.enabled = False
            lo.retry_interval_min = lo.retry_time = lo.block_time_min = None
        # eth-trunks: every Eth-Trunk/Bridge-Aggregation interface, then the members
        for ifc in d.interfaces.values():
            if ifc.type == "Eth-Trunk" and ifc.number.isdigit():
                tid = int(ifc.number)
                if tid not in d.eth_trunks:
                    new_tr = d.eth_trunks[tid] = EthTrunk(id=tid, name=ifc.name, mode=ifc.trunk_mode)
                    # the interface's lines (stored lazily: numbers and/or Evidence, see addev)
                    ev = ifc._ev
                    new_tr._ev = list(ev) if type(ev) is list else ev
                    new_tr._fev = {"mode": ifc._fev.get("trunk_mode", [])}  # type: ignore[misc]
                    new_tr._src = self.src  # type: ignore[misc]
        for ifc in d.interfaces.values():
            if ifc.eth_trunk is not None:
                tr = d.eth_trunks.get(ifc.eth_trunk)
                if tr is None:
                    tr = d.eth_trunks[ifc.eth_trunk] = EthTrunk(
                        id=ifc.eth_trunk, name=f"{s.trunk_prefix}{ifc.eth_trunk}")
                tr.members.append(ifc.name)
                ch = ifc.chassis if ifc.chassis is not None else ifc.slot
                if ch is not None and ch not in tr.member_chassis:
                    tr.member_chassis.append(ch)

    # identity ------------------------------------------------------------------------------------
    def sysname(self, n: ConfigNode) -> None:
        parts = n.text.split(" ", 1)
        if len(parts) == 2:
            self.d.sysname = parts[1].strip()
            self.fe(self.d, "sysname", n)

    # interfaces ----------------------------------------------------------------------------------
    def interface(self, n: ConfigNode) -> None:
        self.interfaces((n,))

    def interfaces(self, nodes: Iterable[ConfigNode]) -> None:
        """The ``interface ...`` sections, in file order (one call for all: :meth:`run` gathers
        them; no other handler reads or writes interfaces)."""
        d = self.d
        ifaces = d.interfaces
        shapes = self.if_shapes
        src = self.src
        trunk_rx = self.s.trunk_member
        keys = _IF_KEYS
        exact = _IF_EXACT
        for n in nodes:
            # ``interface NAME``: the second word (the text after "interface " when it is one word)
            name = n.text[10:]
            if not name or " " in name or not name.isprintable():
                parts = n.text.split()
                if len(parts) < 2:
                    continue
                name = parts[1]
            ifc = ifaces.get(name)
            # Interface lines are shown verbatim (never redacted): negative line numbers.
            if ifc is None:
                # ``split_interface`` answers the same for names that differ only in their trailing
                # digits (the number's last part), except for the number itself
                stem = name.rstrip("0123456789")
                shape = shapes.get(stem)
                if shape is not None:
                    typ, cut, chassis, slot, phys = shape
                    num = name[cut:]
                else:
                    typ, num, chassis, slot, phys = split_interface(name)
                    if num and len(stem) < len(name):
                        shapes[stem] = (typ, len(name) - len(num), chassis, slot, phys)
                ifc = _make_interface(name, typ, num, chassis, slot, phys, -n.line_no, src)
                ifaces[name] = ifc
            else:
                self.addev(ifc, n)
                ifc._ev[-1] = -n.line_no
            fev = ifc._fev
            kids: Any = n.children
            if kids and type(kids[0]) is not tuple:     # nodes, not the parser's packed pairs
                kids = [(c.text, c.line_no) for c in kids]
            for t, e in kids:
                e = -e
                op = exact.get(t)
                if op is not None:
                    attr = op[0]
                    if not attr:
                        continue
                    setattr(ifc, attr, op[1])
                    lst = fev.get(attr)
                    if lst is None:
                        fev[attr] = e
                    elif type(lst) is int:
                        fev[attr] = [lst, e]
                    else:
                        lst.append(e)
                    continue
                sp = t.find(" ")
                k = t if sp < 0 else t[:sp]
                # the commonest lines of an access port, before the general dispatch below
                if k == "description":
                    ifc.description = t[12:]
                    if "description" in fev:
                        _add(fev, "description", e)
                    else:
                        fev["description"] = e
                    continue
                if k == "authentication-profile":
                    ifc.authentication_profile = t.split()[-1]
                    if "authentication_profile" in fev:
                        _add(fev, "authentication_profile", e)
                    else:
                        fev["authentication_profile"] = e
                    continue
                if k == "port" and t.startswith("port default vlan ") and t[18:].isdigit():
                    ifc.default_vlan = int(t[18:])      # as the general case below
                    _add(fev, "default_vlan", e)
                    continue
                if k not in keys:
                    continue
                w = t.split(" ", 2)
                k2 = w[1] if len(w) > 1 else ""
                if k == "shutdown":
                    ifc.shutdown = True
                    _add(fev, "shutdown", e)
                elif k == "undo":
                    if k2 == "shutdown":
                        ifc.shutdown = False
                        ifc.undo_shutdown = True
                        _add(fev, "shutdown", e)
                    elif k2 == "portswitch":
                        ifc.portswitch = False
                        _add(fev, "portswitch", e)
                    elif t.startswith("undo port trunk allow-pass vlan"):
                        rm = _vlan_ranges(t.split()[5:])
                        ifc.allowed_vlans = _subtract(ifc.allowed_vlans, rm)
                        if any(a <= 1 <= b for a, b in rm):
                            ifc.trunk_vlan1_removed = True
                        _add(fev, "allowed_vlans", e)
                elif k == "port":
                    if k2 == "link-type":
                        ifc.link_type = t.split()[2] if len(t.split()) > 2 else None
                        _add(fev, "link_type", e)
                    elif k2 == "default":
                        ifc.default_vlan = _int(t.split()[-1])
                        _add(fev, "default_vlan", e)
                    elif k2 in ("trunk", "hybrid") and " vlan " in t:
                        ws = t.split()
                        if "permit" in ws or "allow-pass" in ws or "tagged" in ws or "untagged" in ws:
                            ifc.allowed_vlans.extend(_vlan_ranges(ws[ws.index("vlan") + 1:]))
                            _add(fev, "allowed_vlans", e)
                    elif k2 == "access" and t.startswith("port access vlan"):   # Comware
                        ifc.default_vlan = _int(t.split()[-1])
                        _add(fev, "default_vlan", e)
                    elif k2 == "link-mode":
                        pass
                    elif k2 == "link-aggregation":
                        mo = trunk_rx.match(t)
                        if mo:
                            ifc.eth_trunk = int(mo.group(1))
                            _add(fev, "eth_trunk", e)
                    elif k2 == "mode" and "stack" in t:
                        _add(fev, "stack_port", e)
                    elif k2 == "security" or t.startswith("port-security enable"):
                        ifc.port_security = True
                elif k == "port-security" and k2 == "enable":
                    ifc.port_security = True
                    _add(fev, "port_security", e)
                elif k == "ip":
                    if k2 == "address":
                        mo = _RX_IP4.match(t)
                        if mo:
                            ifc.ipv4.append(IPv4Address(mo.group(1), mo.group(2), _mask_len(mo.group(2)),
                                                        bool(mo.group(3))))
                            _add(fev, "ipv4", e)
                    elif k2 == "binding":
                        ifc.vpn_instance = t.split()[-1]
                        _add(fev, "vpn_instance", e)
                    elif k2 == "source" and "user-bind" in t or k2 == "verify" and "source" in t:
                        ifc.ip_source_check = True
                        _add(fev, "ip_source_check", e)
                elif k == "ipv4" and k2 == "source" and "user-bind" in t:
                    ifc.ip_source_check = True
                    _add(fev, "ip_source_check", e)
                elif k == "ipv6":
                    if k2 == "enable":
                        ifc.ipv6_enabled = True
                        _add(fev, "ipv6_enabled", e)
                    elif k2 == "address":
                        mo = _RX_IP6.match(t)
                        if mo:
                            ifc.ipv6.append(IPv6Address(mo.group(1), _int(mo.group(2)),
                                                        mo.group(3) == "link-local", mo.group(3) == "eui-64"))
                            _add(fev, "ipv6", e)
                        if t == "ipv6 address auto link-local":
                            ifc.ipv6.append(IPv6Address("auto", None, True))
                elif k == "eth-trunk" or (k == "port" and k2 == "link-aggregation"):
                    mo = trunk_rx.match(t)
                    if mo:
                        ifc.eth_trunk = int(mo.group(1))
                        _add(fev, "eth_trunk", e)
                elif k == "mode" and (k2.startswith("lacp") or k2 == "manual"):
                    ifc.trunk_mode = k2
                    _add(fev, "trunk_mode", e)
                elif k == "link-aggregation" and k2 == "mode":   # Comware
                    ifc.trunk_mode = "lacp" if "dynamic" in t else "manual"
                    _add(fev, "trunk_mode", e)
                elif k in ("vrrp", "vrrp6"):
                    mo = _RX_VRRP.match(t)
                    if mo:
                        self._vrrp(ifc, mo, -e)
                elif k == "dhcp" and k2 == "snooping":
                    if t.endswith("trusted"):
                        ifc.dhcp_snooping_trusted = True
                        _add(fev, "dhcp_snooping_trusted", e)
                    elif t == "dhcp snooping enable":
                        ifc.dhcp_snooping_enable = True
                        _add(fev, "dhcp_snooping_enable", e)
                elif k == "arp" and "user-bind" in t and "anti-attack" in t:
                    ifc.arp_anti_attack_user_bind = True
                    _add(fev, "arp_anti_attack_user_bind", e)
                elif k == "dot1x" and t.startswith("dot1x enable"):
                    ifc.dot1x = True
                    _add(fev, "dot1x", e)
                elif k in ("mac-authen", "mac-authentication") and len(w) == 1:
                    ifc.mac_authen = True
                    _add(fev, "mac_authen", e)
                elif k == "traffic-filter" or (k == "packet-filter"):
                    mo = _RX_TFILTER.match(t)
                    if mo:
                        ifc.traffic_filters.append(TrafficFilter(mo.group(2), mo.group(4),
                                                                 bool(mo.group(1) or mo.group(3))))
                        _add(fev, "traffic_filters", e)
                elif k in ("ospf", "ospfv3"):
                    mo = _RX_OSPF_IF.match(t)
                    if mo:
                        (ifc.ospf if mo.group(1) == "ospf" else ifc.ospfv3).append((mo.group(2), mo.group(3)))
                        _add(fev, mo.group(1), e)
                elif k == "isis":
                    if k2 == "enable":
                        ifc.isis = t.split()[-1]
                        _add(fev, "isis", e)
                    elif k2 == "ipv6" and "enable" in t:
                        ifc.isis_ipv6 = True
                        _add(fev, "isis_ipv6", e)
                elif k == "speed":
                    ifc.speed = k2 or None
                    _add(fev, "speed", e)
                elif k == "service-manage" and t.endswith(" permit"):
                    ifc.service_manage.append(k2)
                    _add(fev, "service_manage", e)
                elif k == "stack-port":
                    ifc.stack_port = k2
                    _add(fev, "stack_port", e)

    def _vrrp(self, ifc: Interface, mo: re.Match[str], line_no: int) -> None:
        version: Literal[4, 6] = 6 if mo.group(1) == "vrrp6" else 4
        vrid = int(mo.group(2))
        grp = next((g for g in ifc.vrrp if g.vrid == vrid and g.version == version), None)
        if grp is None:
            grp = VrrpGroup(vrid=vrid, version=version)
            ifc.vrrp.append(grp)
        self.addev_no(grp, line_no)
        if mo.group(3) == "virtual-ip":
            grp.virtual_ips.append(mo.group(4))
        else:
            grp.priority = _int(mo.group(4))

    # AAA -------------------------------------------------------------------------------------------
    def aaa(self, n: ConfigNode) -> None:
        a = self.d.aaa
        self.addev(a, n)
        for c in n.children:
            t = c.text
            sp = t.find(" ")
            k = t if sp < 0 else t[:sp]
            if k == "local-user" or (k == "undo" and c.children):
                # CE12800 capture nests a local-user line under ``undo local-user policy ...``
                self._local_user(c)
                for g in c.children:
                    self._local_user(g)
            elif k == "manager-user":
                self._manager_user(c)
            elif k.endswith("-scheme") and k != "cmd":
                self._scheme(c)
            elif k == "cmd" and t.startswith("cmd recording-scheme "):
                a.cmd_recording_scheme = t.split()[-1]
                self.fe(a, "cmd_recording_scheme", c)
            elif k == "domain":
                self._domain(c)
            elif k == "default-domain":
                ws = t.split()
                if len(ws) >= 3 and ws[1] == "admin":
                    a.default_domain_admin = ws[2]
                    self.fe(a, "default_domain_admin", c)
                elif len(ws) >= 2:
                    a.default_domain = ws[-1]
                    self.fe(a, "default_domain", c)
            elif k == "local-aaa-user":
                self._local_aaa_user(c)
            elif k == "undo" and t.startswith("undo local-aaa-user wrong-password"):
                lo = a.lockout
                lo.enabled, lo.is_default = False, False
                lo.retry_interval_min = lo.retry_time = lo.block_time_min = None
                self.setev(lo, c)
            elif k == "bind" and t.startswith("bind manager-user "):
                ws = t.split()
                u = a.local_users.get(ws[2]) if len(ws) > 2 else None
                if u is not None and len(ws) >= 5:
                    u.roles.append(ws[4])
                    self.fe(u, "roles", c)

    def _local_aaa_user(self, c: ConfigNode) -> None:
        a = self.d.aaa
        t = c.text
        mo = _RX_LOCKOUT.match(t)
        if mo:
            lo = a.lockout
            lo.enabled, lo.is_default = True, False
            lo.retry_interval_min, lo.retry_time, lo.block_time_min = (
                int(mo.group(1)), int(mo.group(2)), int(mo.group(3)))
            self.setev(lo, c)
        elif t.startswith("local-aaa-user password policy"):
            pp = a.password_policy
            pp.configured = True
            self.addev(pp, c)
            for g in c.children:
                ws = g.text.split()
                if g.text.startswith("password expire"):
                    pp.expire_days = _int(ws[-1])
                    self.fe(pp, "expire_days", g)
                elif g.text.startswith("password history record number"):
                    pp.history_count = _int(ws[-1])
                    self.fe(pp, "history_count", g)

    def _user(self, name: str, source: str, n: ConfigNode) -> LocalUser:
        """The local user ``name`` (made on first sight), with line ``n`` in its evidence."""
        users = self.d.aaa.local_users
        u = users.get(name)
        if u is None:
            u = users[name] = _make_local_user(name, source, n.line_no, self.src)
        else:
            self.addev(u, n)
        return u

    def _local_user(self, c: ConfigNode) -> None:
        mo = _RX_LOCAL_USER.match(c.text)
        if not mo:
            return
        u = self._user(mo.group(1), "local-user", c)
        rest = mo.group(2)
        ws = rest.split()
        if not ws:
            return
        k = ws[0]
        if k == "password":
            u.password = _secret_in(rest)
            self.fe(u, "password", c)
        elif k in ("privilege", "level"):
            u.privilege_level = _int(ws[-1])
            self.fe(u, "privilege_level", c)
        elif k == "service-type":
            u.service_types = ws[1:]
            self.fe(u, "service_types", c)
        elif k == "user-group":
            u.user_group = ws[-1]
            self.fe(u, "user_group", c)
        elif k == "state":
            u.state = ws[-1]
            self.fe(u, "state", c)

    def _manager_user(self, c: ConfigNode) -> None:
        ws = c.text.split()
        if len(ws) != 2:        # ``manager-user password-modify enable`` etc.
            return
        u = self._user(ws[1], "manager-user", c)
        for g in c.children:
            t = g.text
            gw = t.split()
            if gw[0] == "password":
                u.password = _secret_in(t)
                self.fe(u, "password", g)
            elif gw[0] == "service-type":
                u.service_types = gw[1:]
                self.fe(u, "service_types", g)
            elif gw[0] == "level":
                u.privilege_level = _int(gw[-1])
                self.fe(u, "privilege_level", g)
            elif gw[0] == "state":
                u.state = gw[-1]
                self.fe(u, "state", g)

    def _scheme(self, c: ConfigNode) -> None:
        t = c.text
        sp = t.find(" ")
        kind = _SCHEME_KINDS.get(t[:sp]) if sp > 0 else None
        name = t[sp + 1:]
        # ``_RX_SCHEME``'s answer when the name is plainly one word; the regex decides otherwise
        if kind is None or not name or " " in name or not name.isprintable():
            mo = _RX_SCHEME.match(t)
            if not mo:
                return
            kind, name = mo.group(1), mo.group(2)
        table: dict[str, AaaScheme] = getattr(self.d.aaa, kind + "_schemes")
        sch = table.get(name)
        if sch is None:
            sch = table[name] = _make_scheme(name, kind, c.line_no, self.src)
        else:
            self.addev(sch, c)
        for g in c.children:
            ws = g.text.split()
            if ws[0].endswith("-mode") and len(ws) > 1:
                sch.modes = ws[1:]
                if kind == "recording" and len(ws) > 2:
                    sch.modes, sch.template = [ws[1]], ws[2]
                self.fe(sch, "modes", g)
            elif ws[0] == "authorization-cmd" and len(ws) > 2:
                lvl = _int(ws[1])
                sch.authorization_cmd.append((lvl if lvl is not None else -1, ws[2:]))
                self.fe(sch, "authorization_cmd", g)

    def _domain(self, c: ConfigNode) -> None:
        ws = c.text.split()
        if len(ws) < 2:
            return
        doms = self.d.aaa.domains
        dom = doms.get(ws[1])
        if dom is None:
            dom = doms[ws[1]] = _make_domain(ws[1], c.line_no, self.src)
        else:
            self.addev(dom, c)
        for g in c.children:
            t = g.text
            gw = t.split()
            k = gw[0]
            attr = _DOMAIN_SCHEMES.get(k)
            if attr is not None and len(gw) > 1:
                setattr(dom, attr, gw[1])
                self.fe(dom, attr, g)
            elif k in ("hwtacacs-server", "hwtacacs") and len(gw) > 1:
                dom.hwtacacs_template = gw[-1]
                self.fe(dom, "hwtacacs_template", g)
            elif k in ("radius-server", "radius") and len(gw) > 1:
                dom.radius_template = gw[-1]
                self.fe(dom, "radius_template", g)
            elif k == "service-type":
                dom.service_types = gw[1:]
                self.fe(dom, "service_types", g)
            elif k in ("authentication", "authorization", "accounting") and len(gw) > 2:
                dom.comware_methods[f"{k} {gw[1]}"] = " ".join(gw[2:])
                self.fe(dom, "comware_methods", g)
                for i, word in enumerate(gw):
                    if word == "hwtacacs-scheme" and i + 1 < len(gw):
                        dom.hwtacacs_template = gw[i + 1]
                    elif word == "radius-scheme" and i + 1 < len(gw):
                        dom.radius_template = gw[i + 1]

    def top_domain(self, n: ConfigNode) -> None:
        """Comware ``domain NAME`` at the top level (also tolerated for Huawei odd captures)."""
        if n.children or self.s.family == "comware":
            self._domain(n)

    def top_local_user(self, n: ConfigNode) -> None:
        """Comware ``local-user NAME class manage`` block."""
        ws = n.text.split()
        if len(ws) < 2:
            return
        u = self._user(ws[1], "comware", n)
        for g in n.children:
            t = g.text
            gw = t.split()
            if gw[0] == "password":
                u.password = _secret_in(t)
                self.fe(u, "password", g)
            elif gw[0] == "service-type":
                u.service_types.extend(gw[1:])
                self.fe(u, "service_types", g)
            elif gw[0] == "authorization-attribute" and len(gw) > 2:
                if gw[1] == "user-role":
                    u.roles.append(gw[2])
                    if gw[2] == "network-admin":
                        u.privilege_level = 15
                    self.fe(u, "roles", g)
                elif gw[1] == "level":
                    u.privilege_level = _int(gw[2])
                    self.fe(u, "privilege_level", g)
            elif gw[0] == "state" and len(gw) > 1:
                u.state = gw[1]

    def password_control(self, n: ConfigNode) -> None:
        ws = n.text.split()
        a = self.d.aaa
        if n.text.startswith("password-control login-attempt") and len(ws) >= 3:
            lo = a.lockout
            lo.enabled, lo.is_default = True, False
            lo.retry_time = _int(ws[2])
            lo.retry_interval_min = None
            lo.block_time_min = _int(ws[-1]) if "lock-time" in ws else None
            self.setev(lo, n)
        elif n.text.startswith("password-control aging") and len(ws) >= 3:
            a.password_policy.configured = True
            a.password_policy.expire_days = _int(ws[2])
            self.fe(a.password_policy, "expire_days", n)
        elif n.text.startswith("password-control history") and len(ws) >= 3:
            a.password_policy.configured = True
            a.password_policy.history_count = _int(ws[2])
            self.fe(a.password_policy, "history_count", n)
        elif n.text.startswith("password-control length") and len(ws) >= 3:
            a.password_policy.min_length = _int(ws[2])
            self.fe(a.password_policy, "min_length", n)

    def server_template(self, n: ConfigNode) -> None:
        s = self.s
        t = n.text
        mo = s.tacacs_header.match(t)
        protocol = "hwtacacs"
        if mo is None:
            mo = s.radius_header.match(t)
            protocol = "radius"
        if mo is None:
            return
        name = mo.group(1)
        a = self.d.aaa
        table = a.hwtacacs_templates if protocol == "hwtacacs" else a.radius_templates
        tpl = table.get(name)
        if tpl is None:
            tpl = table[name] = _make_template(name, protocol, n.line_no, self.src)
        else:
            self.addev(tpl, n)
        comware = s.family == "comware"
        for c in n.children:
            ct = c.text
            smo = s.server_line.match(ct)
            if smo:
                if comware:
                    role, kind, ip, rest = smo.group(1), smo.group(2), smo.group(3), smo.group(4)
                else:
                    kind, ip, rest = smo.group(1), smo.group(2), smo.group(3)
                    role = "secondary" if " secondary" in rest else "third" if " third" in rest else "primary"
                rw = rest.split()
                port = None
                for x in rw:
                    if x.isdigit():
                        port = int(x)
                        break
                vpn = rw[rw.index("vpn-instance") + 1] if "vpn-instance" in rw[:-1] else None
                tpl.servers.append(_make_server(kind, role, ip, port, vpn, c.line_no, self.src))
                continue
            if s.shared_key.match(ct):
                tpl.shared_key = _secret_in(ct, "cipher")
                self.fe(tpl, "shared_key", c)
            elif "source-ip" in ct or ct.startswith("nas-ip"):
                tpl.source_ip = ct.split()[-1]
                self.fe(tpl, "source_ip", c)

    # management ----------------------------------------------------------------------------------
    def line(self, n: ConfigNode) -> None:
        s = self.s
        mo = s.line_header.match(n.text)
        if not mo:
            return
        kind = s.line_kind_alias.get(mo.group(1), mo.group(1))
        first = int(mo.group(2))
        last = int(mo.group(3)) if mo.group(3) else first
        ui = _make_user_interface(kind, first, last, n.line_no, self.src)
        self.d.mgmt.user_interfaces.append(ui)
        for c in n.children:
            t = c.text
            ws = t.split()
            k = ws[0]
            if k == "authentication-mode" and len(ws) > 1:
                ui.authentication_mode = s.auth_mode_alias.get(ws[1], ws[1])
                self.fe(ui, "authentication_mode", c)
            elif k == "protocol" and len(ws) > 2 and ws[1] == "inbound":
                ui.protocols_inbound = ws[2:]
                self.fe(ui, "protocols_inbound", c)
            elif k == "acl" and ws[-1] == "inbound":
                if len(ws) > 3 and ws[1] == "ipv6":
                    ui.acl6_inbound = ws[2]
                    self.fe(ui, "acl6_inbound", c)
                elif len(ws) > 2:
                    ui.acl_inbound = ws[1] if ws[1] != "name" else ws[2]
                    self.fe(ui, "acl_inbound", c)
            elif k == "idle-timeout" and len(ws) > 1:
                mins = _int(ws[1]) or 0
                secs = _int(ws[2]) if len(ws) > 2 else 0
                ui.idle_timeout_s = mins * 60 + (secs or 0)
                ui.idle_timeout_default = False
                self.fe(ui, "idle_timeout_s", c)
            elif k == "user-role" and len(ws) > 1:     # Comware
                ui.user_roles.append(ws[1])
                self.fe(ui, "user_roles", c)
            elif k == "user" and len(ws) > 2:
                if ws[1] == "privilege":
                    ui.privilege_level = _int(ws[-1])
                    self.fe(ui, "privilege_level", c)
                elif ws[1] == "role":
                    ui.user_roles.append(ws[2])
                    self.fe(ui, "user_roles", c)
            elif k in ("set", "password") and "password" in t or k == "authentication" and "password" in t:
                ui.password = _secret_in(t)
                self.fe(ui, "password", c)

    def _set_bool(self, attr: str, value: bool | None, n: ConfigNode) -> None:
        m = self.d.mgmt
        setattr(m, attr, value)
        self.setfe(m, attr, n)

    def telnet(self, n: ConfigNode) -> None:
        t = n.text
        s = self.s
        if " ipv6 " in t:
            if t.endswith("disable"):
                self._set_bool("telnet_ipv6_enabled", False, n)
            elif t.endswith("enable"):
                self._set_bool("telnet_ipv6_enabled", True, n)
            return
        if s.telnet_on.match(t):
            self.telnet_seen = True
            self._set_bool("telnet_enabled", True, n)
        elif s.telnet_off.match(t):
            self.telnet_seen = True
            self._set_bool("telnet_enabled", False, n)

    def stelnet(self, n: ConfigNode) -> None:
        t = n.text
        if " ipv6 " in t:
            return
        if self.s.ssh_on.match(t) or t in ("stelnet server enable", "stelnet ipv4 server enable"):
            self.ssh_seen = True
            self._set_bool("stelnet_enabled", True, n)
        elif self.s.ssh_off.match(t):
            self.ssh_seen = True
            self._set_bool("stelnet_enabled", False, n)

    def ssh(self, n: ConfigNode) -> None:
        t = n.text
        m = self.d.mgmt
        ws = t.split()
        if len(ws) < 3:
            return
        if t.endswith("enable") and self.s.ssh_on.match(t):    # every family's ends in "enable$"
            self.ssh_seen = True
            self._set_bool("stelnet_enabled", True, n)
            return
        if ws[1] == "server":
            k = ws[2]
            if k == "secure-algorithms" and len(ws) > 4:
                k, vals = ws[3], ws[4:]
            else:
                vals = ws[3:]
            attr = _SSH_LISTS.get(k)
            if attr is not None:
                setattr(m, attr, vals)
                self.setfe(m, attr, n)
            elif k == "port" and vals:
                m.ssh_port = _int(vals[0])
                self.fe(m, "ssh_port", n)
            elif k == "acl" and vals:
                if vals[0] == "ipv6" and len(vals) > 1:
                    m.ssh_acl6 = vals[1]
                    self.fe(m, "ssh_acl6", n)
                else:
                    m.ssh_acl = vals[-1]
                    self.fe(m, "ssh_acl", n)
            elif k == "dh-exchange" and vals:
                m.ssh_dh_min_len = _int(vals[-1])
                self.fe(m, "ssh_dh_min_len", n)
        elif ws[1] == "server-source":
            m.ssh_server_source = " ".join(ws[2:])
            self.fe(m, "ssh_server_source", n)
        elif ws[1] == "ipv6" and len(ws) > 3 and ws[2] == "server" and ws[3] == "acl":
            m.ssh_acl6 = ws[-1]
            self.fe(m, "ssh_acl6", n)
        elif ws[1] == "user" and len(ws) >= 4 and ws[3] == "service-type":
            m.ssh_users[ws[2]] = ws[4:]
            self.fe(m, "ssh_users", n)
        elif ws[1] == "user":
            m.ssh_users.setdefault(ws[2], [])

    def http(self, n: ConfigNode) -> None:
        t = n.text
        if t == "http server enable" or t == "http server ipv4 enable":
            self._set_bool("http_enabled", True, n)
        elif t.startswith("http secure-server enable") or t == "http secure-server ipv4 enable":
            self._set_bool("https_enabled", True, n)

    def ftp(self, n: ConfigNode) -> None:
        if n.text.startswith("ftp server enable") or n.text == "ftp ipv4 server enable":
            self._set_bool("ftp_enabled", True, n)

    def snetconf(self, n: ConfigNode) -> None:
        if n.text.endswith("enable"):
            self._set_bool("netconf_ssh_enabled", True, n)

    def netconf(self, n: ConfigNode) -> None:
        if any("protocol inbound ssh" in c.text for c in n.children):
            self._set_bool("netconf_ssh_enabled", True, n)

    def web_manager(self, n: ConfigNode) -> None:
        ws = n.text.split()
        if len(ws) > 3 and ws[1] == "security" and ws[2] == "version":
            m = self.d.mgmt
            m.web_tls_versions = ws[3:]
            self.fe(m, "web_tls_versions", n)
        elif n.text == "web-manager enable":
            self._set_bool("http_enabled", True, n)
        elif n.text == "web-manager security enable":
            self._set_bool("https_enabled", True, n)

    def undo(self, n: ConfigNode) -> None:
        t = n.text
        if t.startswith("undo telnet"):
            self.telnet(n)
        elif t.startswith("undo stelnet") or t == "undo ssh server enable":
            self.stelnet(n)
        elif t == "undo http server enable" or t == "undo http server ipv4 enable":
            self._set_bool("http_enabled", False, n)
        elif t.startswith("undo http secure-server enable"):
            self._set_bool("https_enabled", False, n)
        elif t.startswith("undo ftp"):
            self._set_bool("ftp_enabled", False, n)
        elif t == "undo info-center enable":
            lg = self.d.logging
            lg.enabled = False
            self.fe(lg, "enabled", n)
        elif t.startswith("undo snmp-agent sys-info version"):
            sn = self.d.snmp
            for v in t.split()[4:]:
                if v in sn.versions:
                    sn.versions.remove(v)
            self.fe(sn, "versions", n)

    # ACL -------------------------------------------------------------------------------------------
    def acl(self, n: ConfigNode) -> None:
        mo = _RX_ACL.match(n.text)
        if not mo:
            return
        ipv6 = bool(mo.group(1))
        number = mo.group(3) or mo.group(4)
        name = mo.group(2) or number or ""
        # IPv4 and IPv6 ACLs have separate number spaces (``acl number 2001`` and
        # ``acl ipv6 number 2001`` are two ACLs): IPv6 keys carry an ``ipv6 `` prefix
        prefix = "ipv6 " if ipv6 else ""
        key = prefix + name
        acl = self.d.acls.get(key)
        if acl is None:
            acl = _make_acl(name, _int(number), ipv6, n.line_no, self.src)
            self.d.acls[key] = acl
            if mo.group(2) and number:     # named ACL with a number: reachable by both
                self.d.acls.setdefault(prefix + number, acl)
        else:
            self.addev(acl, n)
        for c in n.children:
            t = c.text
            if t.startswith("description "):
                acl.description = t[12:]
                continue
            rmo = _RX_RULE.match(t)
            if not rmo:
                continue
            rule = _make_rule(_int(rmo.group(1)), rmo.group(2), t, c.line_no, self.src)
            rest = " " + (rmo.group(3) or "") + rmo.group(4)
            proto = rmo.group(3)
            if proto and proto not in ("source", "destination", "logging", "time-range", "vpn-instance"):
                rule.protocol = proto
            # (each regex needs its keyword: a rule without one is not searched)
            smo = _RX_RULE_SRC.search(rest) if "source " in rest else None
            if smo:
                rule.source, rule.source_wildcard = smo.group(1), smo.group(2)
            else:
                rule.source = "any"
            dmo = _RX_RULE_DST.search(rest) if "destination " in rest else None
            if dmo:
                rule.destination, rule.destination_wildcard = dmo.group(1), dmo.group(2)
            acl.rules.append(rule)

    # logging / time --------------------------------------------------------------------------------
    def info_center(self, n: ConfigNode) -> None:
        t = n.text
        lg = self.d.logging
        if t.startswith("info-center loghost source "):
            lg.loghost_source = t.split()[-1]
            self.fe(lg, "loghost_source", n)
            return
        mo = self.s.loghost.match(t)
        if mo:
            if self.s.family == "comware":
                vpn, host, rest = mo.group(1), mo.group(2), mo.group(3)
            else:
                host, rest = mo.group(1), mo.group(2)
                rw = rest.split()
                vpn = rw[rw.index("vpn-instance") + 1] if "vpn-instance" in rw[:-1] else None
            ipv6 = host == "ipv6"
            if ipv6:
                host = rest.split()[0] if rest.split() else host
            lg.loghosts.append(_make_loghost(host, vpn, ipv6 or ":" in host, n.line_no, self.src))
        elif t.startswith("info-center timestamp log "):
            lg.timestamp_log = " ".join(t.split()[3:])
            self.fe(lg, "timestamp_log", n)
        elif t == "info-center enable":
            lg.enabled = True
            self.fe(lg, "enabled", n)

    def ntp(self, n: ConfigNode) -> None:
        ws = n.text.split()
        if len(ws) < 3:
            return
        k = ws[1]
        if k == "ipv6" and len(ws) > 3:
            k, ws = ws[2], ws[:1] + ws[2:]
        if k in ("unicast-server", "unicast-peer", "server") and ws[2] not in ("disable", "enable", "source-interface"):
            addr = ws[2]
            vpn = ws[ws.index("vpn-instance") + 1] if "vpn-instance" in ws[:-1] else None
            src = ws[ws.index("source-interface") + 1] if "source-interface" in ws[:-1] else None
            self.d.ntp_servers.append(_make_ntp_server(addr, "peer" if k == "unicast-peer" else "server",
                                                       vpn, src, n.line_no, self.src))

    def clock(self, n: ConfigNode) -> None:
        mo = _RX_CLOCK.match(n.text)
        if mo:
            tz = Timezone(name=mo.group(1), offset=("+" if mo.group(2) == "add" else "-") + mo.group(3))
            self.addev(tz, n)
            self.d.timezone = tz

    # SNMP ----------------------------------------------------------------------------------------------
    def snmp(self, n: ConfigNode) -> None:
        t = n.text
        sn = self.d.snmp
        ws = t.split()
        if len(ws) == 1:
            sn.agent_enabled = True
            self.addev(sn, n)
            return
        k = ws[1]
        if k == "sys-info" and len(ws) > 3 and ws[2] == "version":
            vs = ws[3:]
            new = ["v1", "v2c", "v3"] if "all" in vs else [v for v in vs if v in ("v1", "v2c", "v3")]
            for v in new:
                if v not in sn.versions:
                    sn.versions.append(v)
            sn.versions_explicit = True
            self.fe(sn, "versions", n)
        elif k == "community" and len(ws) > 3:
            com = SnmpCommunity(access="write" if ws[2] == "write" else "read")
            if ws[3] in ("cipher", "simple"):
                com.secret = Secret(True, "cipher" if ws[3] == "cipher" else "simple")
            else:
                com.secret = Secret(True, "simple")
            if "acl" in ws[4:-1]:
                com.acl = ws[ws.index("acl", 4) + 1]
            self.addev(com, n)
            sn.communities.append(com)
        elif k == "group":
            mo = _RX_GROUP.match(t)
            if mo:
                lvl = mo.group(3) or "noauth"
                lvl = "noauth" if lvl.startswith("noauth") else lvl
                if mo.group(1) != "v3":
                    lvl = "noauth"
                rw = mo.group(4).split()
                acl = rw[rw.index("acl") + 1] if "acl" in rw[:-1] else None
                sn.groups.append(_make_snmp_group(mo.group(2), mo.group(1), lvl, acl, n.line_no, self.src))
        elif k == "usm-user":
            mo = _RX_USM.match(t)
            if mo:
                name = mo.group(2)
                u = sn.usm_users.get(name)
                if u is None:
                    u = sn.usm_users[name] = _make_usm_user(name, n.line_no, self.src)
                else:
                    self.addev(u, n)
                rw = mo.group(3).split()
                for i, w in enumerate(rw[:-1]):
                    nxt = rw[i + 1]
                    if w == "group":
                        u.group = nxt
                    elif w == "authentication-mode":
                        u.auth_mode = nxt
                        u.auth_key = _secret_in(mo.group(3).split("privacy-mode")[0]) if (
                            "cipher" in rw or "simple" in rw) else Secret(True, "simple")
                        self.fe(u, "auth_mode", n)
                    elif w == "privacy-mode":
                        u.priv_mode = nxt
                        tail = mo.group(3).split("privacy-mode", 1)[1]
                        u.priv_key = _secret_in(tail, "simple")
                        self.fe(u, "priv_mode", n)
                    elif w == "acl":
                        u.acl = nxt
        elif k == "acl" and len(ws) > 2:
            if ws[2] == "ipv6" and len(ws) > 3:
                sn.acl6 = ws[3]
                self.fe(sn, "acl6", n)
            else:
                sn.acl = ws[-1]
                self.fe(sn, "acl", n)
        elif k == "target-host":
            addr = next((ws[i + 1] for i, w in enumerate(ws[:-1]) if w in ("address", "udp-domain")), "")
            sn.trap_targets.append(_make_snmp_target(addr, redact(" ".join(ws[2:])), n.line_no, self.src))
        elif k == "trap":
            if len(ws) > 3 and ws[2] == "source":
                sn.trap_source = ws[3]
                self.fe(sn, "trap_source", n)
            elif len(ws) > 2 and ws[2] == "enable":
                sn.trap_enabled = True
                self.fe(sn, "trap_enabled", n)

    # misc global ---------------------------------------------------------------------------------------
    def set_cmd(self, n: ConfigNode) -> None:
        mo = _RX_BACKUP.match(n.text)
        if mo:
            rw = mo.group(2).split()
            b = ConfigBackup(server=mo.group(1))
            if "transport-type" in rw[:-1]:
                b.transport = rw[rw.index("transport-type") + 1]
            if "user" in rw[:-1]:
                b.user = rw[rw.index("user") + 1]
            if "password" in rw:
                b.password = _secret_in(mo.group(2), "cipher")
            self.addev(b, n)
            self.d.config_backups.append(b)

    def ipv6(self, n: ConfigNode) -> None:
        t = n.text
        if t == "ipv6":
            self.d.ipv6_global = True
            self.fe(self.d, "ipv6_global", n)
        elif t.startswith("ipv6 route-static"):
            mo = _RX_ROUTE6.match(t)
            if mo:
                rest = mo.group(4).split()
                r = StaticRoute(prefix=mo.group(2), prefix_len=int(mo.group(3)), vpn_instance=mo.group(1),
                                ipv6=True)
                self._route_nh(r, rest)
                self.addev(r, n)
                self.d.routing.static_routes.append(r)

    @staticmethod
    def _route_nh(r: StaticRoute, rest: list[str]) -> None:
        for w in rest:
            if w[0].isdigit() and ("." in w or ":" in w):
                r.next_hop = w
                break
            if w[0].isalpha() and w not in ("preference", "tag", "description", "bfd", "track"):
                if r.interface is None and any(ch.isdigit() for ch in w):
                    r.interface = w
                continue
            if w in ("preference", "tag", "description"):
                break

    def ip(self, n: ConfigNode) -> None:
        t = n.text
        if t.startswith("ip route-static"):
            mo = _RX_ROUTE4.match(t)
            if mo:
                r = StaticRoute(prefix=mo.group(2), prefix_len=_mask_len(mo.group(3)), vpn_instance=mo.group(1))
                self._route_nh(r, mo.group(4).split())
                self.addev(r, n)
                self.d.routing.static_routes.append(r)
        elif t.startswith("ip vpn-instance "):
            self.d.vpn_instances.append(t.split()[2])
        elif t.startswith("ip source binding"):     # Comware static binding
            ws = t.split()
            ip = ws[ws.index("ip-address") + 1] if "ip-address" in ws[:-1] else ""
            mac = ws[ws.index("mac-address") + 1] if "mac-address" in ws[:-1] else None
            ub = UserBind(ip=ip, mac=mac)
            self.addev(ub, n)
            self.d.user_binds.append(ub)

    def dhcp(self, n: ConfigNode) -> None:
        t = n.text
        if t == "dhcp enable":
            self.d.dhcp_enabled = True
            self.fe(self.d, "dhcp_enabled", n)
        elif t == "dhcp snooping enable" or t.startswith("dhcp snooping enable "):
            self.d.dhcp_snooping_enabled = True
            self.fe(self.d, "dhcp_snooping_enabled", n)

    def user_bind(self, n: ConfigNode) -> None:
        mo = _RX_USER_BIND.match(n.text)
        if mo:
            ub = UserBind(ip=mo.group(1), mac=mo.group(2), interface=mo.group(3), vlan=_int(mo.group(4)))
            self.addev(ub, n)
            self.d.user_binds.append(ub)

    def dot1x(self, n: ConfigNode) -> None:
        if n.text == "dot1x enable":
            self.d.dot1x_enabled = True
            self.fe(self.d, "dot1x_enabled", n)

    def vlan(self, n: ConfigNode) -> None:
        ws = n.text.split()
        if len(ws) > 2 and ws[1] == "batch":
            self.d.vlans.extend(_vlan_ranges(ws[2:]))
            self.fe(self.d, "vlans", n)
        elif len(ws) == 2 and ws[1].isdigit():
            v = int(ws[1])
            if not any(a <= v <= b for a, b in self.d.vlans):
                self.d.vlans.append((v, v))

    def stack(self, n: ConfigNode) -> None:
        for c in n.children:
            ws = c.text.split()
            if len(ws) >= 5 and ws[0] == "stack" and ws[1] == "member" and ws[2].isdigit():
                mid = int(ws[2])
                mem = next((m for m in self.d.stack_members if m.member_id == mid), None)
                if mem is None:
                    mem = StackMember(member_id=mid, source="config")
                    self.d.stack_members.append(mem)
                self.addev(mem, c)
                if ws[3] == "priority":
                    mem.priority = _int(ws[4])
                    self.fe(mem, "priority", c)
                elif ws[3] == "domain":
                    mem.domain = _int(ws[4])
                    self.fe(mem, "domain", c)

    def irf(self, n: ConfigNode) -> None:
        ws = n.text.split()
        if len(ws) >= 5 and ws[1] == "member" and ws[2].isdigit() and ws[3] == "priority":
            mem = StackMember(member_id=int(ws[2]), priority=_int(ws[4]), source="config")
            self.addev(mem, n)
            self.d.stack_members.append(mem)

    # routing ----------------------------------------------------------------------------------------
    def router(self, n: ConfigNode) -> None:
        ws = n.text.split()
        if len(ws) == 3 and ws[1] == "id":
            self.d.routing.router_id = ws[2]

    def ospf(self, n: ConfigNode) -> None:
        ws = n.text.split()
        proc = OspfProcess(process=ws[1] if len(ws) > 1 else "1")
        for i, w in enumerate(ws[:-1]):
            if w == "router-id":
                proc.router_id = ws[i + 1]
            elif w == "vpn-instance":
                proc.vpn_instance = ws[i + 1]
        self.addev(proc, n)
        for c in n.children:
            cw = c.text.split()
            if cw[0] == "area" and len(cw) > 1:
                proc.areas.append(cw[1])
                for g in c.children:
                    gw = g.text.split()
                    if gw[0] == "network" and len(gw) >= 3:
                        proc.networks.append((cw[1], gw[1], gw[2]))
            elif cw[0] == "router-id" and len(cw) > 1:
                proc.router_id = cw[1]
        r = self.d.routing
        (r.ospf if ws[0] == "ospf" else r.ospfv3).append(proc)

    def isis(self, n: ConfigNode) -> None:
        ws = n.text.split()
        p = IsisProcess(process=ws[1] if len(ws) > 1 else "1")
        self.addev(p, n)
        for c in n.children:
            t = c.text
            if t.startswith("network-entity "):
                p.network_entities.append(t.split()[1])
            elif t.startswith("ipv6 enable"):
                p.ipv6 = True
                self.fe(p, "ipv6", c)
        self.d.routing.isis.append(p)

    def bgp(self, n: ConfigNode) -> None:
        ws = n.text.split()
        b = BgpProcess(asn=ws[1] if len(ws) > 1 else "")
        self.addev(b, n)
        for c in n.children:
            cw = c.text.split()
            if cw[0] == "peer" and len(cw) >= 4 and cw[2] == "as-number":
                b.peers[cw[1]] = cw[3]
            elif cw[0] == "group" and len(cw) >= 2:
                b.peers.setdefault(cw[1], None)
            elif cw[0] == "router-id" and len(cw) > 1:
                b.router_id = cw[1]
            elif cw[0].endswith("-family"):
                fam = " ".join(cw)
                b.families.append(fam)
                if cw[0] == "ipv6-family":
                    b.ipv6 = True
                self.fe(b, "families", c)
        self.d.routing.bgp = b

    # firewall ----------------------------------------------------------------------------------------
    def _fw(self) -> Firewall:
        if self.d.firewall is None:
            self.d.firewall = Firewall()
        return self.d.firewall

    def firewall_zone(self, n: ConfigNode) -> None:
        ws = n.text.split()
        if len(ws) < 3 or ws[1] != "zone":
            return
        name = ws[-1] if ws[2] != "name" else ws[3]
        fw = self._fw()
        z = fw.zones.get(name)
        if z is None:
            z = fw.zones[name] = Zone(name=name)
        self.addev(z, n)
        for c in n.children:
            cw = c.text.split()
            if cw[:2] == ["set", "priority"] and len(cw) > 2:
                z.priority = _int(cw[2])
                self.fe(z, "priority", c)
            elif cw[:2] == ["add", "interface"] and len(cw) > 2:
                z.interfaces.append(cw[2])
                self.fe(z, "interfaces", c)

    def security_policy(self, n: ConfigNode) -> None:
        fw = self._fw()
        fw.security_policy_present = True
        self.addev(fw, n)
        for c in n.children:
            cw = c.text.split()
            if cw[:2] == ["default", "action"] and len(cw) > 2:
                fw.default_action = cw[2]
                self.fe(fw, "default_action", c)
            elif cw[:2] == ["rule", "name"] and len(cw) > 2:
                fw.rules.append(self._rule(c, " ".join(cw[2:])))

    def _rule(self, c: ConfigNode, name: str) -> SecurityRule:
        r = SecurityRule(name=name)
        self.addev(r, c)
        lists = {"source-zone": r.source_zones, "destination-zone": r.destination_zones,
                 "source-address": r.source_addresses, "destination-address": r.destination_addresses,
                 "service": r.services, "application": r.applications}
        for g in c.children:
            t = g.text
            gw = t.split(" ", 1)
            k = gw[0]
            rest = gw[1] if len(gw) > 1 else ""
            target = lists.get(k)
            if target is not None:
                target.append(rest)
                self.fe(r, k.replace("-", "_") + "s" if not k.endswith("s") else k, g)
            elif k == "action":
                r.action = rest
                self.fe(r, "action", g)
            elif k == "profile" and rest:
                pw = rest.split()
                r.profiles[pw[0]] = pw[-1]
                self.fe(r, "profiles", g)
            elif t == "policy logging":
                r.policy_logging = True
                self.fe(r, "policy_logging", g)
            elif t == "session logging":
                r.session_logging = True
                self.fe(r, "session_logging", g)
            elif t == "disable":
                r.enabled = False
                self.fe(r, "enabled", g)
        return r

    def legacy_policy(self, n: ConfigNode) -> None:
        if n.text.startswith("policy interzone "):
            self._fw().legacy_interzone_policies.append(n.text)

    def hrp(self, n: ConfigNode) -> None:
        t = n.text
        ws = t.split()
        h = self._fw().hrp
        if t == "hrp enable":
            h.enabled = True
            self.fe(h, "enabled", n)
        elif len(ws) > 2 and ws[1] == "interface":
            h.interface = ws[2]
            if "remote" in ws[:-1]:
                h.remote = ws[ws.index("remote") + 1]
            self.fe(h, "interface", n)
        elif t == "hrp standby config enable":
            h.standby_config = True
            self.fe(h, "standby_config", n)


# The lean parser gives these sections' one-space lines as ``(text, line_no)`` pairs (see
# ``config_tree._Index``): ``_Builder.interfaces`` reads them so.
_PACKED = frozenset({"interface"})
_HANDLERS: dict[str, Callable[[_Builder, ConfigNode], None]] = {
    "sysname": _Builder.sysname, "interface": _Builder.interface, "aaa": _Builder.aaa,
    "hwtacacs-server": _Builder.server_template, "hwtacacs": _Builder.server_template,
    "radius-server": _Builder.server_template, "radius": _Builder.server_template,
    "user-interface": _Builder.line, "line": _Builder.line, "acl": _Builder.acl,
    "info-center": _Builder.info_center, "ntp-service": _Builder.ntp, "ntp": _Builder.ntp,
    "clock": _Builder.clock, "snmp-agent": _Builder.snmp, "set": _Builder.set_cmd,
    "ipv6": _Builder.ipv6, "dhcp": _Builder.dhcp, "user-bind": _Builder.user_bind,
    "dot1x": _Builder.dot1x, "firewall": _Builder.firewall_zone, "security-policy": _Builder.security_policy,
    "hrp": _Builder.hrp, "telnet": _Builder.telnet, "stelnet": _Builder.stelnet, "ssh": _Builder.ssh,
    "http": _Builder.http, "ftp": _Builder.ftp, "undo": _Builder.undo, "web-manager": _Builder.web_manager,
    "ospf": _Builder.ospf, "ospfv3": _Builder.ospf, "isis": _Builder.isis, "bgp": _Builder.bgp,
    "ip": _Builder.ip, "vlan": _Builder.vlan, "stack": _Builder.stack, "irf": _Builder.irf,
    "domain": _Builder.top_domain, "local-user": _Builder.top_local_user,
    "password-control": _Builder.password_control, "snetconf": _Builder.snetconf,
    "netconf": _Builder.netconf, "router": _Builder.router, "policy": _Builder.legacy_policy,
        }


# --- show outputs ----------------------------------------------------------------------------------
def _parse_show(dev: Device, command: str, text: str) -> list[dict[str, Any]] | None:
    """The rows of a show output, or None when it cannot be parsed: then a ``parse_warnings``
    entry and ``outputs_failed[command]`` (a short reason) say so."""
    try:
        from netaudit.parse.shows import parse_show
    except ImportError:       # shows.py not available: say so instead of guessing
        dev.parse_warnings.append(f"{command}: no show parser available")
        dev.outputs_failed[command] = "no show parser available"
        return None
    try:
        rows = parse_show(dev.platform, command, text, dev.hostname)
    except NetauditError as exc:
        dev.parse_warnings.append(str(exc))
        dev.outputs_failed[command] = _short_reason(exc)
        return None
    except Exception as exc:  # a broken parser must not lose the device  # noqa: BLE001
        dev.parse_warnings.append(f"{dev.hostname}: {command}: {type(exc).__name__}: {exc}")
        dev.outputs_failed[command] = f"parser error: {type(exc).__name__}: {exc}"[:120]
        return None
    return [{str(k).lower(): v for k, v in r.items()} for r in rows]


def _short_reason(exc: NetauditError) -> str:
    """The reason of a parse error without the device/command prefix (those are the key)."""
    reason = getattr(exc, "reason", None)
    text = reason if isinstance(reason, str) and reason else str(exc)
    line_no = getattr(exc, "line_no", None)
    if isinstance(line_no, int):
        text = f"line {line_no}: {text}"
    return text[:120]


def _show_ev(command: str, rec: dict[str, Any]) -> Evidence:
    text = " ".join(str(v) for v in rec.values() if v not in (None, "", []))
    return Evidence(_int(str(rec.get("line", rec.get("line_no", 0)))) or 0, text[:200], command)


def _apply_version(dev: Device, text: str) -> None:
    mo = _RX_VERSION.search(text)
    if mo:
        dev.vrp_version = mo.group(1)
        dev.software_version = mo.group(3)
        if mo.group(2) and dev.model is None:
            dev.model = mo.group(2)
    else:
        cmo = _RX_COMWARE_VERSION.search(text)
        if cmo:
            dev.vrp_version, dev.software_version = cmo.group(1), cmo.group(2)
    mmo = _RX_MODEL.search(text)
    if mmo:
        dev.model = mmo.group(1).strip()
    pmo = _RX_PATCH.search(text)
    if pmo:
        dev.patch = pmo.group(1)


def _apply_shows(dev: Device, outputs: dict[str, str]) -> None:
    brief = outputs.get("display interface brief")
    if brief:
        rows = _parse_show(dev, "display interface brief", brief)
        for r in rows or []:
            name = _pick(r, "interface", "intf", "name")
            if not name:
                continue
            ifc = dev.interfaces.get(name)
            if ifc is None:
                typ, num, chassis, slot, phys = split_interface(name)
                ifc = dev.interfaces[name] = Interface(name=name, type=typ, number=num, chassis=chassis,
                                                       slot=slot, physical=phys)
            ifc.oper_status = _pick(r, "phy", "physical", "link_status", "status", "link")
            ifc.protocol_status = _pick(r, "protocol", "protocol_status")
            ifc._fev["oper_status"] = [_show_ev("display interface brief", r)]   # lazy or not: same
    lldp = outputs.get("display lldp neighbor brief")
    if lldp:
        for r in _parse_show(dev, "display lldp neighbor brief", lldp) or []:
            nb = LldpNeighbor(local_interface=_pick(r, "local_interface", "local_intf", "local_port") or "",
                              neighbor_device=_pick(r, "neighbor_device", "neighbor_dev", "neighbor_name",
                                                    "system_name") or "",
                              neighbor_interface=_pick(r, "neighbor_interface", "neighbor_intf",
                                                       "neighbor_port", "port_id") or "")
            nb.evidence.append(_show_ev("display lldp neighbor brief", r))
            dev.lldp_neighbors.append(nb)
    for cmd in ("display stack", "display css status"):
        text = outputs.get(cmd)
        if not text:
            continue
        rows = _parse_show(dev, cmd, text)
        if rows is None:
            continue
        shown: list[StackMember] = []
        for r in rows:
            mid = _int(_pick(r, "slot", "member", "member_id", "chassis_id", "chassis", "id"))
            if mid is None:
                continue
            mem = StackMember(member_id=mid, role=_pick(r, "role"), state=_pick(r, "state", "status"),
                              priority=_int(_pick(r, "priority")), mac_address=_pick(r, "mac_address", "mac"),
                              device_type=_pick(r, "device_type", "type"), source=cmd)
            mem.evidence.append(_show_ev(cmd, r))
            shown.append(mem)
        if shown:   # operational state beats configuration
            dev.stack_members = shown
    trunk = outputs.get("display eth-trunk")
    if trunk:
        for r in _parse_show(dev, "display eth-trunk", trunk) or []:
            tid = _int(_pick(r, "trunk_id", "id", "eth_trunk", "trunk"))
            if tid is not None and tid in dev.eth_trunks:
                dev.eth_trunks[tid].oper_members.append({k: str(v) for k, v in r.items()})
    vrrp = outputs.get("display vrrp brief")
    if vrrp:
        rows = _parse_show(dev, "display vrrp brief", vrrp) or []
        dev.vrrp_status = [{k: str(v) for k, v in r.items()} for r in rows]
        for r in rows:
            ifc = dev.interfaces.get(_pick(r, "interface") or "")
            vrid = _int(_pick(r, "vrid", "vr_id"))
            if ifc is not None:
                for g in ifc.vrrp:
                    if g.vrid == vrid:
                        g.state = _pick(r, "state")
    for cmd in ("display ip interface brief", "display ipv6 interface brief"):
        text = outputs.get(cmd)
        if text:
            _parse_show(dev, cmd, text)   # validated for warnings; addresses come from config


# --- entry point --------------------------------------------------------------------------------------
def _clean(text: str, command: str) -> tuple[str, int, bool]:
    """``(cleaned text, lines removed at the top, True if the text is known to hold no control
    characters)``."""
    if looks_clean(text):  # no terminal noise, prompts or echo: nothing to clean
        return text, 0, True
    return (*clean_with_offset(text, command), False)


def build_device(hostname: str, platform: str, outputs: dict[str, str], *,
                 line_offsets: dict[str, int] | None = None) -> Device:
    """Build the model of one device from its recorded outputs (command -> raw text).

    ``outputs_present`` lists the commands given; a missing command leaves the dependent part
    of the model empty so checks can report ``skipped``. ``line_offsets[command]`` is added to
    every configuration line number (lines cleaning removed before the text was passed in);
    lines removed by the cleaning done here are added too.

    Raises :class:`ParseError` (device and command set) if the configuration is unusable.
    Show outputs that fail to parse become ``parse_warnings`` and ``outputs_failed`` entries
    (command -> short reason; the command stays in ``outputs_present``).
    """
    dev = Device(hostname=hostname, platform=platform)
    dev.outputs_present = {c for c, t in outputs.items() if t is not None}
    version_text = outputs.get("display version")
    if version_text:
        try:
            _apply_version(dev, version_text)
        except Exception as exc:  # noqa: BLE001 — regexes only; belt and braces
            dev.parse_warnings.append(f"{hostname}: display version: {exc}")
            dev.outputs_failed["display version"] = f"parser error: {type(exc).__name__}: {exc}"[:120]
    cfg = outputs.get(CONFIG_COMMAND)
    tree: ConfigTree | None = None
    offset = (line_offsets or {}).get(CONFIG_COMMAND, 0)
    if cfg is not None:
        try:
            text, removed, checked = _clean(cfg, CONFIG_COMMAND)
        except Exception as exc:  # noqa: BLE001
            raise ParseError(f"cannot clean output: {exc}", device=hostname, command=CONFIG_COMMAND) from exc
        # The builder needs neither parent links nor per-leaf child lists: the lean tree is
        # acyclic, so it is freed by reference counting as soon as the model is built.
        lines: list[str] = []
        index: _Index[_Handler] = _Index(_HANDLERS, _HINT_BY_WORD, _PACKED)
        tree = _parse(text, hostname, CONFIG_COMMAND, False, lines, checked, index)
        offset += removed
        dev.config_lines = tree.line_count
        if tree.software_version and dev.software_version is None:
            dev.software_version = tree.software_version
        for h in tree.headers:
            if h.text.startswith("!Last configuration was updated at "):
                dev.last_change = h.text[len("!Last configuration was updated at "):]
        if tree.lines_after_return:
            dev.parse_warnings.append(f"{hostname}: {CONFIG_COMMAND}: {tree.lines_after_return} "
                                      "line(s) after 'return' ignored")
    dev.family = family_for(platform, index.hint_heads if tree is not None else [], version_text)
    syn = SYNTAX[dev.family]
    if tree is not None:
        src = _Lines(lines, offset, CONFIG_COMMAND)
        if tree.software_version:
            dev._src = src  # type: ignore[misc]
            dev._ev = [-tree.headers[0].line_no]    # verbatim
        try:
            _Builder(dev, syn, src).run(index.keyed)
        except ParseError:
            raise
        except Exception as exc:
            raise ParseError(f"cannot build model: {type(exc).__name__}: {exc}", device=hostname,
                             command=CONFIG_COMMAND) from exc
    else:
        dev.mgmt.telnet_note = "no configuration output"
    _apply_shows(dev, outputs)
    return dev
