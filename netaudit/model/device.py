"""The normalized, typed device model that checks are written against.

Design choice — slotted ``dataclasses`` rather than pydantic models: a device is built from
hundreds of small objects (interfaces, evidence lines) and the parser is benchmarked against
hier_config (``bench/bench_parse.py``). Constructing a slotted dataclass costs a fraction of a
validating ``BaseModel.__init__``, and the builder is the only producer of these objects, so
validation at construction buys nothing. The pydantic-style ``model_dump()`` /
``model_dump_json()`` are provided for the report and snapshot layers.

Conventions
-----------
* Every object built from configuration carries ``evidence`` (the line(s) that define it) and
  ``field_evidence`` (field name -> the lines that set that field). ``obj.ev("field")`` returns
  the field's lines, falling back to the object's own lines. An attribute left at its platform
  default has no field evidence; its ``*_default`` flag says so.
* :class:`Evidence` line numbers are 1-based in the configuration file as stored on disk (the
  builder adds the number of lines cleaning removed at the top). Evidence from show commands has
  ``command`` set and ``line`` 0 when no line is known.
* Secrets never enter the model: only :class:`Secret` (presence and storage kind). Evidence text
  is redacted (``******``) wherever a password, key or community appears.
* ``None`` means "not known from the outputs", never "off".
"""

from __future__ import annotations

import json
from dataclasses import MISSING, dataclass, field, fields, is_dataclass
from typing import Any, Literal

from netaudit.redact import redact

SecretStorage = Literal["irreversible", "cipher", "simple", "none"]
Family = Literal["vrp5", "vrp8", "usg", "comware", "unknown"]


@dataclass(slots=True)
class Evidence:
    """One line of device output. ``line`` is 1-based in the stored file (0 = unknown)."""

    line: int
    text: str
    command: str = "display current-configuration"


class _Dump:
    """pydantic-like serialization for the dataclasses below."""

    __slots__ = ()

    def model_dump(self) -> dict[str, Any]:
        """A JSON-compatible dict (sets become sorted lists, tuples lists)."""
        out = _plain(self)
        assert isinstance(out, dict)
        return out

    def model_dump_json(self, indent: int | None = None) -> str:
        return json.dumps(self.model_dump(), indent=indent, ensure_ascii=False, sort_keys=False)


def _plain(obj: Any) -> Any:
    if is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _plain(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_plain(v) for v in obj]
    if isinstance(obj, set | frozenset):
        return [_plain(v) for v in sorted(obj, key=str)]
    return obj


class _Lines:
    """The configuration lines one device's evidence points into (shared by all its objects).

    The builder records evidence as line numbers: ``n`` > 0 is line ``n`` of the cleaned text,
    shown redacted; ``-n`` is line ``n`` shown verbatim (interface lines, headers). ``off`` is
    added to make the line number the one in the stored file.
    """

    __slots__ = ("lines", "off", "command")

    def __init__(self, lines: list[str], off: int, command: str) -> None:
        self.lines = lines
        self.off = off
        self.command = command

    def evidence(self, n: int) -> Evidence:
        e: Evidence = _new(Evidence)
        if n > 0:
            e.line = n + self.off
            e.text = redact(self.lines[n - 1].strip())
        else:
            e.line = self.off - n
            e.text = self.lines[-n - 1].strip()
        e.command = self.command
        return e

    def materialise(self, raw: int | list[int | Evidence]) -> list[Evidence]:
        if type(raw) is int:
            return [self.evidence(raw)]
        ev = self.evidence
        return [ev(x) if type(x) is int else x for x in raw]  # type: ignore[union-attr, misc]


_new = object.__new__


class _EvidenceSlots(_Dump):
    # ``evidence`` / ``field_evidence`` reserve the names so that the slotted dataclasses below do
    # not add slots of their own for them: the properties on ``_Evidenced`` answer instead (these
    # two slots stay unused). ``_ev``, ``_fev``, ``_src``: the lazy storage (see ``_Evidenced``).
    __slots__ = ("evidence", "field_evidence", "_ev", "_fev", "_src")
    _ev: Any
    _fev: dict[str, Any]
    _src: _Lines | None


@dataclass
class _Evidenced(_EvidenceSlots):
    """Base of every object built from configuration lines.

    ``evidence`` and ``field_evidence`` read like (and are) a ``list[Evidence]`` and a
    ``dict[str, list[Evidence]]``. The builder stores line numbers instead (``_ev``: one number or
    a list of numbers and ready :class:`Evidence`; ``_fev``: field -> the same) with the device's
    :class:`_Lines` in ``_src``; the first read of either attribute turns them into
    :class:`Evidence` objects once (``_src`` is then ``None``). A device has ~2 000 evidence lines
    and an audit reads a few: building them all was most of the model's cost.
    """

    __slots__ = ()
    evidence: list[Evidence] = field(default_factory=list)
    field_evidence: dict[str, list[Evidence]] = field(default_factory=dict)

    def _materialise(self) -> None:
        src = self._src
        assert src is not None
        self._src = None
        self._ev = src.materialise(self._ev)
        m = src.materialise
        self._fev = {k: m(v) for k, v in self._fev.items()}

    def _get_evidence(self) -> list[Evidence]:
        if self._src is not None:
            self._materialise()
        return self._ev

    def _set_evidence(self, value: list[Evidence]) -> None:
        if getattr(self, "_src", None) is not None:
            self._materialise()
        self._ev = value
        self._src = None

    def _get_field_evidence(self) -> dict[str, list[Evidence]]:
        if self._src is not None:
            self._materialise()
        return self._fev

    def _set_field_evidence(self, value: dict[str, list[Evidence]]) -> None:
        if getattr(self, "_src", None) is not None:
            self._materialise()
        self._fev = value
        self._src = None

    def ev(self, name: str | None = None) -> list[Evidence]:
        """Evidence for field ``name`` (falls back to the object's own lines)."""
        if name is not None:
            got = self.field_evidence.get(name)
            if got:
                return got
        return self.evidence


_Evidenced.evidence = property(  # type: ignore[assignment, misc]
    _Evidenced._get_evidence, _Evidenced._set_evidence, doc="The lines that define the object.")
_Evidenced.field_evidence = property(  # type: ignore[assignment, misc]
    _Evidenced._get_field_evidence, _Evidenced._set_field_evidence,
    doc="Field name -> the lines that set that field.")


@dataclass(slots=True)
class Secret(_Dump):
    """A password/key/community: whether it is set and how it is stored, never its text."""

    present: bool = False
    storage: SecretStorage = "none"


# --- interfaces ----------------------------------------------------------------------------
@dataclass(slots=True)
class IPv4Address(_Dump):
    address: str
    mask: str
    prefix_len: int
    secondary: bool = False


@dataclass(slots=True)
class IPv6Address(_Dump):
    address: str            # without the prefix length
    prefix_len: int | None
    link_local: bool = False
    eui64: bool = False


@dataclass(slots=True)
class VrrpGroup(_Evidenced):
    vrid: int = 0
    version: Literal[4, 6] = 4
    virtual_ips: list[str] = field(default_factory=list)
    priority: int | None = None      # None = default (100)
    state: str | None = None         # from ``display vrrp brief``


@dataclass(slots=True)
class TrafficFilter(_Dump):
    direction: str                   # inbound | outbound
    acl: str
    ipv6: bool = False


VlanRanges = list[tuple[int, int]]


def vlan_in(ranges: VlanRanges, vlan: int) -> bool:
    """True if ``vlan`` is inside one of the inclusive ``ranges``."""
    return any(a <= vlan <= b for a, b in ranges)


# The list fields of :class:`Interface`. An access port sets none of them: they are created on
# first read or write (see ``_InterfaceLists``), not with every interface.
_IF_LISTS = ("allowed_vlans", "ipv4", "ipv6", "vrrp", "traffic_filters", "ospf", "ospfv3",
             "service_manage")


class _InterfaceLists(_Evidenced):
    # Reserves the list fields' names (so the slotted ``Interface`` adds no slots for them: the
    # properties set below answer instead) and holds their lists in ``_l_<name>``; an unset
    # ``_l_<name>`` (the builder's interfaces) reads as a new empty list, stored on first read.
    __slots__ = _IF_LISTS + tuple(f"_l_{n}" for n in _IF_LISTS)


def _lazy_list(name: str) -> property:
    priv = f"_l_{name}"

    def get(self: Any) -> list[Any]:
        v = getattr(self, priv, None)
        if v is None:
            v = []
            setattr(self, priv, v)
        return v

    def put(self: Any, value: list[Any]) -> None:
        setattr(self, priv, value)

    return property(get, put, doc=f"``{name}`` (a list, created on first use).")


for _n in _IF_LISTS:
    setattr(_InterfaceLists, _n, _lazy_list(_n))
del _n


@dataclass(slots=True)
class Interface(_InterfaceLists):
    """An interface. Names are kept as printed (``GE1/0/1``, ``XGigabitEthernet1/0/0/1``)."""

    name: str = ""
    type: str = ""                   # name prefix: GigabitEthernet, Eth-Trunk, Vlanif, ...
    number: str = ""                 # the rest of the name: "1/0/1", "10", "1/0/1:2", "1/0/0.10"
    chassis: int | None = None       # first number of a 4-level name (CSS); None for 3-level
    slot: int | None = None
    physical: bool = False
    shutdown: bool = False           # ``shutdown`` present
    undo_shutdown: bool = False      # ``undo shutdown`` present
    oper_status: str | None = None   # from ``display interface brief`` (up/down/*down/...)
    protocol_status: str | None = None
    speed: str | None = None         # ``speed 1000`` in config
    description: str | None = None
    portswitch: bool | None = None   # False after ``undo portswitch`` (routed port)
    link_type: str | None = None     # access | trunk | hybrid | dot1q-tunnel
    default_vlan: int | None = None
    allowed_vlans: VlanRanges = field(default_factory=list)   # trunk allow-pass / hybrid vlans
    trunk_vlan1_removed: bool = False  # ``undo port trunk allow-pass vlan 1``
    ipv4: list[IPv4Address] = field(default_factory=list)
    ipv6: list[IPv6Address] = field(default_factory=list)
    ipv6_enabled: bool = False
    vpn_instance: str | None = None
    eth_trunk: int | None = None     # member of Eth-Trunk / Bridge-Aggregation N
    trunk_mode: str | None = None    # on Eth-Trunk itself: lacp, lacp-static, lacp-dynamic, manual
    vrrp: list[VrrpGroup] = field(default_factory=list)
    dhcp_snooping_enable: bool = False
    dhcp_snooping_trusted: bool = False
    ip_source_check: bool = False    # ip/ipv4 source check user-bind enable, Comware ip verify source
    arp_anti_attack_user_bind: bool = False
    dot1x: bool = False
    mac_authen: bool = False
    authentication_profile: str | None = None
    port_security: bool = False
    traffic_filters: list[TrafficFilter] = field(default_factory=list)
    ospf: list[tuple[str, str]] = field(default_factory=list)     # (process, area)
    ospfv3: list[tuple[str, str]] = field(default_factory=list)
    isis: str | None = None
    isis_ipv6: bool = False
    service_manage: list[str] = field(default_factory=list)       # USG: permitted services
    stack_port: str | None = None

    def allows_vlan(self, vlan: int) -> bool:
        return vlan_in(self.allowed_vlans, vlan)


@dataclass(slots=True)
class EthTrunk(_Evidenced):
    id: int = 0
    name: str = ""
    mode: str | None = None          # lacp | lacp-static | lacp-dynamic | manual | None(default manual)
    members: list[str] = field(default_factory=list)
    member_chassis: list[int] = field(default_factory=list)      # distinct chassis of members
    oper_members: list[dict[str, str]] = field(default_factory=list)  # from display eth-trunk


@dataclass(slots=True)
class LldpNeighbor(_Evidenced):
    local_interface: str = ""
    neighbor_device: str = ""
    neighbor_interface: str = ""


@dataclass(slots=True)
class StackMember(_Evidenced):
    member_id: int = 0
    role: str | None = None          # Master / Standby / Slave
    state: str | None = None
    priority: int | None = None
    domain: int | None = None
    mac_address: str | None = None
    device_type: str | None = None
    source: str = "config"           # config | display stack | display css status


# --- routing ---------------------------------------------------------------------------------
@dataclass(slots=True)
class OspfProcess(_Evidenced):
    process: str = ""
    router_id: str | None = None
    vpn_instance: str | None = None
    areas: list[str] = field(default_factory=list)
    networks: list[tuple[str, str, str]] = field(default_factory=list)   # (area, net, wildcard)


@dataclass(slots=True)
class IsisProcess(_Evidenced):
    process: str = ""
    network_entities: list[str] = field(default_factory=list)
    ipv6: bool = False


@dataclass(slots=True)
class BgpProcess(_Evidenced):
    asn: str = ""
    router_id: str | None = None
    peers: dict[str, str | None] = field(default_factory=dict)    # peer/group -> remote AS
    families: list[str] = field(default_factory=list)             # "ipv4-family unicast", ...
    ipv6: bool = False


@dataclass(slots=True)
class StaticRoute(_Evidenced):
    prefix: str = ""
    prefix_len: int = 0
    next_hop: str | None = None
    interface: str | None = None
    vpn_instance: str | None = None
    ipv6: bool = False


@dataclass(slots=True)
class Routing(_Dump):
    router_id: str | None = None
    ospf: list[OspfProcess] = field(default_factory=list)
    ospfv3: list[OspfProcess] = field(default_factory=list)
    isis: list[IsisProcess] = field(default_factory=list)
    bgp: BgpProcess | None = None
    static_routes: list[StaticRoute] = field(default_factory=list)


# --- AAA ---------------------------------------------------------------------------------------
@dataclass(slots=True)
class AaaScheme(_Evidenced):
    """authentication/authorization/accounting/recording scheme."""

    name: str = ""
    kind: str = ""                   # authentication | authorization | accounting | recording
    modes: list[str] = field(default_factory=list)                # e.g. ["hwtacacs", "local"]
    template: str | None = None      # recording-mode hwtacacs <template>
    authorization_cmd: list[tuple[int, list[str]]] = field(default_factory=list)


@dataclass(slots=True)
class Domain(_Evidenced):
    name: str = ""
    authentication_scheme: str | None = None
    authorization_scheme: str | None = None
    accounting_scheme: str | None = None
    hwtacacs_template: str | None = None
    radius_template: str | None = None
    service_types: list[str] = field(default_factory=list)
    comware_methods: dict[str, str] = field(default_factory=dict)  # "authentication login" -> text


@dataclass(slots=True)
class AaaServer(_Evidenced):
    kind: str = ""                   # authentication | authorization | accounting
    role: str = "primary"            # primary | secondary | third
    ip: str = ""
    port: int | None = None
    vpn_instance: str | None = None


@dataclass(slots=True)
class ServerTemplate(_Evidenced):
    """hwtacacs-server template / radius-server template / Comware hwtacacs|radius scheme."""

    name: str = ""
    protocol: str = ""               # hwtacacs | radius
    servers: list[AaaServer] = field(default_factory=list)
    shared_key: Secret = field(default_factory=Secret)
    source_ip: str | None = None

    def servers_of(self, kind: str) -> list[AaaServer]:
        return [s for s in self.servers if s.kind == kind]


@dataclass(slots=True)
class LocalUser(_Evidenced):
    name: str = ""
    password: Secret = field(default_factory=Secret)
    privilege_level: int | None = None
    service_types: list[str] = field(default_factory=list)
    user_group: str | None = None
    roles: list[str] = field(default_factory=list)   # Comware user-role, USG bind role
    state: str | None = None         # active | block
    source: str = "local-user"       # local-user | manager-user (USG) | comware


@dataclass(slots=True)
class Lockout(_Evidenced):
    """Login-failure lockout (``local-aaa-user wrong-password`` / Comware password-control)."""

    enabled: bool = True
    retry_interval_min: int | None = 5
    retry_time: int | None = 3
    block_time_min: int | None = 5
    is_default: bool = True


@dataclass(slots=True)
class PasswordPolicy(_Evidenced):
    configured: bool = False
    expire_days: int | None = None
    history_count: int | None = None
    min_length: int | None = None


@dataclass(slots=True)
class Aaa(_Evidenced):
    authentication_schemes: dict[str, AaaScheme] = field(default_factory=dict)
    authorization_schemes: dict[str, AaaScheme] = field(default_factory=dict)
    accounting_schemes: dict[str, AaaScheme] = field(default_factory=dict)
    recording_schemes: dict[str, AaaScheme] = field(default_factory=dict)
    cmd_recording_scheme: str | None = None
    domains: dict[str, Domain] = field(default_factory=dict)
    default_domain_admin: str | None = None
    default_domain: str | None = None
    hwtacacs_templates: dict[str, ServerTemplate] = field(default_factory=dict)
    radius_templates: dict[str, ServerTemplate] = field(default_factory=dict)
    local_users: dict[str, LocalUser] = field(default_factory=dict)
    lockout: Lockout = field(default_factory=Lockout)
    password_policy: PasswordPolicy = field(default_factory=PasswordPolicy)


# --- management plane ---------------------------------------------------------------------------
@dataclass(slots=True)
class UserInterface(_Evidenced):
    """``user-interface vty 0 4`` / Comware ``line vty 0 63``."""

    kind: str = ""                   # con | vty | aux | tty
    first: int = 0
    last: int = 0
    authentication_mode: str | None = None   # aaa | password | none | scheme(->aaa) ; None = default
    password: Secret = field(default_factory=Secret)
    protocols_inbound: list[str] | None = None   # None = not printed (platform default)
    acl_inbound: str | None = None
    acl6_inbound: str | None = None
    idle_timeout_s: int = 600        # effective
    idle_timeout_default: bool = True
    privilege_level: int | None = None
    user_roles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Management(_Evidenced):
    telnet_enabled: bool | None = None
    telnet_ipv6_enabled: bool | None = None
    telnet_note: str = ""
    stelnet_enabled: bool | None = None
    ssh_port: int | None = None
    ssh_ciphers: list[str] | None = None     # None = not configured (platform default list)
    ssh_hmacs: list[str] | None = None
    ssh_kex: list[str] | None = None
    ssh_dh_min_len: int | None = None
    ssh_acl: str | None = None
    ssh_acl6: str | None = None
    ssh_server_source: str | None = None
    ssh_users: dict[str, list[str]] = field(default_factory=dict)   # user -> service types
    http_enabled: bool | None = None
    https_enabled: bool | None = None
    ftp_enabled: bool = False
    netconf_ssh_enabled: bool = False
    web_tls_versions: list[str] = field(default_factory=list)
    user_interfaces: list[UserInterface] = field(default_factory=list)

    def vtys(self) -> list[UserInterface]:
        return [u for u in self.user_interfaces if u.kind == "vty"]


# --- ACLs, logging, time, SNMP ---------------------------------------------------------------------
@dataclass(slots=True)
class AclRule(_Evidenced):
    rule_id: int | None = None
    action: str = ""                 # permit | deny
    protocol: str | None = None
    source: str | None = None        # "any" when absent
    source_wildcard: str | None = None
    destination: str | None = None
    destination_wildcard: str | None = None
    text: str = ""


@dataclass(slots=True)
class Acl(_Evidenced):
    name: str = ""                   # number as text, or the name
    number: int | None = None
    ipv6: bool = False
    description: str | None = None
    rules: list[AclRule] = field(default_factory=list)


@dataclass(slots=True)
class LogHost(_Evidenced):
    host: str = ""
    vpn_instance: str | None = None
    ipv6: bool = False


@dataclass(slots=True)
class Logging(_Evidenced):
    enabled: bool = True             # info-center is on unless ``undo info-center enable``
    loghosts: list[LogHost] = field(default_factory=list)
    loghost_source: str | None = None
    timestamp_log: str | None = None  # e.g. "date", "boot", "format-date"


@dataclass(slots=True)
class NtpServer(_Evidenced):
    address: str = ""
    kind: str = "server"             # server | peer
    vpn_instance: str | None = None
    source_interface: str | None = None


@dataclass(slots=True)
class Timezone(_Evidenced):
    name: str = ""
    offset: str = ""                 # "+08:00:00" / "-03:00:00"


@dataclass(slots=True)
class SnmpCommunity(_Evidenced):
    access: str = "read"             # read | write
    secret: Secret = field(default_factory=Secret)
    acl: str | None = None


@dataclass(slots=True)
class SnmpGroup(_Evidenced):
    name: str = ""
    version: str = "v3"
    security_level: str = "noauth"   # privacy | authentication | noauth
    acl: str | None = None


@dataclass(slots=True)
class UsmUser(_Evidenced):
    name: str = ""
    group: str | None = None
    auth_mode: str | None = None
    priv_mode: str | None = None
    auth_key: Secret = field(default_factory=Secret)
    priv_key: Secret = field(default_factory=Secret)
    acl: str | None = None


@dataclass(slots=True)
class SnmpTarget(_Evidenced):
    address: str = ""
    params: str = ""                 # rest of the line, redacted


@dataclass(slots=True)
class Snmp(_Evidenced):
    agent_enabled: bool = False      # ``snmp-agent`` present
    versions: list[str] = field(default_factory=list)      # v1 v2c v3 (``all`` expanded)
    versions_explicit: bool = False  # a ``sys-info version`` line was seen
    communities: list[SnmpCommunity] = field(default_factory=list)
    groups: list[SnmpGroup] = field(default_factory=list)
    usm_users: dict[str, UsmUser] = field(default_factory=dict)
    acl: str | None = None
    acl6: str | None = None
    trap_targets: list[SnmpTarget] = field(default_factory=list)
    trap_source: str | None = None
    trap_enabled: bool = False


@dataclass(slots=True)
class ConfigBackup(_Evidenced):
    server: str = ""
    transport: str | None = None     # sftp | ftp | tftp | scp
    user: str | None = None
    password: Secret = field(default_factory=Secret)


@dataclass(slots=True)
class UserBind(_Evidenced):
    ip: str = ""
    mac: str | None = None
    interface: str | None = None
    vlan: int | None = None


# --- firewall --------------------------------------------------------------------------------------
@dataclass(slots=True)
class Zone(_Evidenced):
    name: str = ""
    priority: int | None = None
    interfaces: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SecurityRule(_Evidenced):
    name: str = ""
    source_zones: list[str] = field(default_factory=list)
    destination_zones: list[str] = field(default_factory=list)
    source_addresses: list[str] = field(default_factory=list)
    destination_addresses: list[str] = field(default_factory=list)
    services: list[str] = field(default_factory=list)
    applications: list[str] = field(default_factory=list)
    action: str | None = None
    profiles: dict[str, str] = field(default_factory=dict)      # av/ips/url-filter/... -> name
    policy_logging: bool = False
    session_logging: bool = False
    enabled: bool = True


@dataclass(slots=True)
class Hrp(_Evidenced):
    enabled: bool = False
    interface: str | None = None
    remote: str | None = None
    standby_config: bool = False


@dataclass(slots=True)
class Firewall(_Evidenced):
    zones: dict[str, Zone] = field(default_factory=dict)
    security_policy_present: bool = False
    default_action: str | None = None   # None = not printed (device default: deny)
    rules: list[SecurityRule] = field(default_factory=list)
    hrp: Hrp = field(default_factory=Hrp)
    legacy_interzone_policies: list[str] = field(default_factory=list)


# --- the device --------------------------------------------------------------------------------------
@dataclass(slots=True)
class Device(_Evidenced):
    """Everything the checks may look at for one device."""

    hostname: str = ""               # inventory name
    platform: str = ""               # inventory platform (huawei_vrp, huawei_vrpv8, hp_comware, ...)
    family: Family = "unknown"
    sysname: str | None = None
    model: str | None = None
    software_version: str | None = None   # V200R019C10SPC500
    vrp_version: str | None = None        # 5.170
    patch: str | None = None
    last_change: str | None = None        # "!Last configuration was updated at ..."
    outputs_present: set[str] = field(default_factory=set)
    parse_warnings: list[str] = field(default_factory=list)
    #: command -> short reason, for outputs that are present but could not be parsed (also in
    #: ``parse_warnings``); checks treat them as missing
    outputs_failed: dict[str, str] = field(default_factory=dict)
    config_lines: int = 0
    interfaces: dict[str, Interface] = field(default_factory=dict)
    eth_trunks: dict[int, EthTrunk] = field(default_factory=dict)
    lldp_neighbors: list[LldpNeighbor] = field(default_factory=list)
    stack_members: list[StackMember] = field(default_factory=list)
    vrrp_status: list[dict[str, str]] = field(default_factory=list)   # display vrrp brief rows
    vlans: VlanRanges = field(default_factory=list)
    vpn_instances: list[str] = field(default_factory=list)
    routing: Routing = field(default_factory=Routing)
    aaa: Aaa = field(default_factory=Aaa)
    mgmt: Management = field(default_factory=Management)
    acls: dict[str, Acl] = field(default_factory=dict)   # "2000", "ipv6 2001", names
    logging: Logging = field(default_factory=Logging)
    ntp_servers: list[NtpServer] = field(default_factory=list)
    timezone: Timezone | None = None
    snmp: Snmp = field(default_factory=Snmp)
    config_backups: list[ConfigBackup] = field(default_factory=list)
    ipv6_global: bool = False
    dhcp_enabled: bool = False
    dhcp_snooping_enabled: bool = False
    dot1x_enabled: bool = False
    user_binds: list[UserBind] = field(default_factory=list)
    firewall: Firewall | None = None

    def has_output(self, command: str) -> bool:
        return command in self.outputs_present

    def interface(self, name: str) -> Interface | None:
        return self.interfaces.get(name)

    def acl(self, name: str | int | None, *, ipv6: bool = False) -> Acl | None:
        """An ACL by number or name; IPv6 ACLs live in their own number space."""
        if name is None:
            return None
        return self.acls.get(("ipv6 " if ipv6 else "") + str(name))


# --- faster constructors for the evidenced classes -------------------------------------------
class _Factory:
    """Default of a ``default_factory`` parameter (shown like the dataclass's own)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def _direct_init(cls: type[_Evidenced]) -> None:
    """Replace the dataclass ``__init__`` of ``cls`` by one with the same parameters and the same
    result that stores the lazy evidence slots (``_ev``, ``_fev``, ``_src``) directly instead of
    going through the ``evidence`` / ``field_evidence`` properties (whose setters first look for
    pending lazy evidence: on a new object that lookup fails, and the failure is most of the
    cost of building a small object). Generated from :func:`dataclasses.fields`."""
    flds = fields(cls)
    if hasattr(cls, "__post_init__") or any(not f.init or f.kw_only for f in flds):
        return                          # keep the dataclass's own
    ns: dict[str, Any] = {"_FACTORY": _FACTORY}
    params: list[str] = []
    body: list[str] = []
    for f in flds:
        if f.default is not MISSING:
            ns[f"_d_{f.name}"] = f.default
            params.append(f"{f.name}=_d_{f.name}")
            value = f.name
        elif f.default_factory is not MISSING:
            ns[f"_f_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_FACTORY")
            value = f"_f_{f.name}() if {f.name} is _FACTORY else {f.name}"
        else:
            params.append(f.name)
            value = f.name
        target = {"evidence": "_ev", "field_evidence": "_fev"}.get(f.name, f.name)
        body.append(f"    self.{target} = {value}")
    body.append("    self._src = None")
    exec(f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body) + "\n", ns)  # noqa: S102
    init = ns["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__doc__ = cls.__init__.__doc__
    init.__annotations__ = dict(cls.__init__.__annotations__)
    cls.__init__ = init  # type: ignore[method-assign]


for _cls in list(globals().values()):
    if (isinstance(_cls, type) and issubclass(_cls, _Evidenced) and _cls is not _Evidenced
            and "__dataclass_fields__" in _cls.__dict__):
        _direct_init(_cls)
del _cls
