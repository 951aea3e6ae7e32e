"""Platform knowledge as data: syntax variants and defaults per software family.

The builder (:mod:`netaudit.model.build`) is written once; everything that differs between
Huawei VRP5 (S-series), VRP8 (CloudEngine), USG firewalls and H3C Comware lives in the
:class:`Syntax` tables below: which regex recognises a concept, and what the default is when the
configuration says nothing. Sources: ``docs/huawei-vrp.md`` and ``fixtures/real/configs``.
Entries marked UNVERIFIED follow the docs' tolerance rule (accept both forms, note it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from re import Pattern

from netaudit.model.device import Family

__all__ = ["Syntax", "SYNTAX", "family_for", "FAMILY_HINTS", "INTERFACE_TYPES", "split_interface"]


def _rx(pattern: str) -> Pattern[str]:
    return re.compile(pattern)


@dataclass(frozen=True)
class Syntax:
    """How one family prints the concepts the model needs."""

    family: Family
    # Telnet server: regex -> value when the line is present; default when no line matches.
    telnet_on: Pattern[str]
    telnet_off: Pattern[str]
    telnet_default: bool | None
    telnet_note: str
    ssh_on: Pattern[str]
    ssh_off: Pattern[str]
    ssh_default: bool | None
    # user-interface / line headers: groups kind, first, last
    line_header: Pattern[str]
    line_kind_alias: dict[str, str]
    auth_mode_alias: dict[str, str]
    idle_timeout_default_s: int
    # AAA server templates: header regex (group name) and server line regex
    tacacs_header: Pattern[str]
    radius_header: Pattern[str]
    server_line: Pattern[str]          # groups: role?, kind, ip, rest
    shared_key: Pattern[str]
    # interface-level syntax
    trunk_member: Pattern[str]
    trunk_prefix: str
    vlanif_prefix: str
    # lockout default (retry-interval, retry-time, block-time) or None when off by default
    lockout_default: tuple[int, int, int] | None
    local_user_block: bool             # Comware ``local-user NAME class manage`` blocks
    loghost: Pattern[str]              # groups host, rest
    notes: tuple[str, ...] = field(default=())


_HUAWEI = Syntax(
    family="vrp5",
    telnet_on=_rx(r"telnet (?:ipv4 )?server enable$"),
    telnet_off=_rx(r"(?:undo telnet (?:ipv4 )?server enable|telnet (?:ipv4 )?server disable)$"),
    # S-series V200 prints ``telnet server enable`` only when on; off by default.
    telnet_default=False,
    telnet_note="VRP5 S-series: telnet server is off unless 'telnet server enable' is printed",
    ssh_on=_rx(r"stelnet (?:ipv4 )?server enable$"),
    ssh_off=_rx(r"(?:undo stelnet (?:ipv4 )?server enable|stelnet (?:ipv4 )?server disable)$"),
    ssh_default=False,
    line_header=_rx(r"user-interface (con|console|vty|aux|tty|current)\s*(\d+)(?:\s+(\d+))?$"),
    line_kind_alias={"console": "con"},
    auth_mode_alias={},
    idle_timeout_default_s=600,
    tacacs_header=_rx(r"hwtacacs[- ]server template (\S+)"),
    radius_header=_rx(r"radius[- ]server template (\S+)"),
    server_line=_rx(r"(?:hwtacacs|radius)[- ]server (authentication|authorization|accounting) "
                    r"(\S+)(.*)$"),
    shared_key=_rx(r"(?:hwtacacs|radius)[- ]server shared-key (cipher|simple|irreversible-cipher)?"),
    trunk_member=_rx(r"eth-trunk (\d+)"),
    trunk_prefix="Eth-Trunk",
    vlanif_prefix="Vlanif",
    lockout_default=(5, 3, 5),
    local_user_block=False,
    loghost=_rx(r"info-center loghost (?!source)(\S+)(.*)$"),
)

_VRP8 = replace(
    _HUAWEI,
    family="vrp8",
    # UNVERIFIED: CE prints ``telnet server disable`` when off; the default when nothing is
    # printed is not established, so it stays unknown (None) and checks must say so.
    telnet_default=None,
    telnet_note="VRP8/CE: default telnet state is UNVERIFIED when neither "
                "'telnet server disable' nor 'telnet server enable' is printed",
    ssh_default=None,
)

_USG = replace(
    _HUAWEI,
    family="usg",
    # UNVERIFIED: USG prints ``undo telnet server enable`` when off (real 99-fw01 capture);
    # the unprinted default is not established.
    telnet_default=None,
    telnet_note="USG: default telnet state is UNVERIFIED when no telnet server line is printed",
)

_COMWARE = Syntax(
    family="comware",
    telnet_on=_rx(r"telnet server enable$"),
    telnet_off=_rx(r"undo telnet server enable$"),
    telnet_default=False,
    telnet_note="Comware: telnet server is off unless 'telnet server enable' is printed",
    ssh_on=_rx(r"ssh server enable$"),
    ssh_off=_rx(r"undo ssh server enable$"),
    ssh_default=False,
    line_header=_rx(r"line (?:class )?(con|console|vty|aux|tty)\s*(\d+)(?:\s+(\d+))?$"),
    line_kind_alias={"console": "con"},
    auth_mode_alias={"scheme": "aaa"},
    idle_timeout_default_s=600,
    tacacs_header=_rx(r"hwtacacs scheme (\S+)"),
    radius_header=_rx(r"radius scheme (\S+)"),
    server_line=_rx(r"(primary|secondary) (authentication|authorization|accounting) (\S+)(.*)$"),
    shared_key=_rx(r"key (?:authentication|authorization|accounting) (cipher|simple)?"),
    trunk_member=_rx(r"port link-aggregation group (\d+)"),
    trunk_prefix="Bridge-Aggregation",
    vlanif_prefix="Vlan-interface",
    # Comware has no lockout unless password-control is enabled (UNVERIFIED per release).
    lockout_default=None,
    local_user_block=True,
    loghost=_rx(r"info-center loghost (?!source)(?:vpn-instance (\S+) )?(\S+)(.*)$"),
)

SYNTAX: dict[str, Syntax] = {
    "vrp5": _HUAWEI, "vrp8": _VRP8, "usg": _USG, "comware": _COMWARE,
    "unknown": replace(_HUAWEI, family="unknown", telnet_default=None,
                       telnet_note="family unknown: telnet default not applied"),
}

# Inventory platform name -> family (None = decide from the outputs).
PLATFORM_FAMILY: dict[str, Family | None] = {
    "huawei": None, "huawei_vrp": None, "huawei_telnet": None,
    "huawei_vrpv8": "vrp8", "huawei_ce": "vrp8",
    "huawei_usg": "usg", "huawei_firewall": "usg",
    "hp_comware": "comware", "h3c_comware": "comware", "hp_comware_telnet": "comware",
}

# Evidence for a family in the configuration (top-level lines) or ``display version``.
FAMILY_HINTS: tuple[tuple[Pattern[str], Family], ...] = (
    (_rx(r"security-policy$|firewall zone |hrp enable|manager-user "), "usg"),
    (_rx(r"device board \d+ board-type CE|telnet (?:ipv4 |ipv6 )?server disable|interface (?:10GE|GE)\d|"
         r"vm-manager$"),
     "vrp8"),
    (_rx(r"line (?:class )?vty |interface (?:Bridge-Aggregation|Vlan-interface)\d|"
         r"irf member |password-control "), "comware"),
)
_HINT_PREFIXES = ("security-policy", "firewall zone ", "hrp enable", "manager-user ", "device board ",
                  "telnet ", "interface 10GE", "interface GE", "vm-manager", "line ",
                  "interface Bridge-Aggregation", "interface Vlan-interface", "irf member ",
                  "password-control ")
# The prefixes above by their first word (up to the first space): each hint regex begins with one
# of these words followed by a space or the end of the line, so ``family_for`` gives the same
# answer when given only the heads that start with a prefix of their own first word (the lean
# parser picks them so, see ``config_tree._Index``).
_HINT_BY_WORD: dict[str, tuple[str, ...]] = {}
for _p in _HINT_PREFIXES:
    _w = _p.split(" ", 1)[0]
    _HINT_BY_WORD[_w] = (*_HINT_BY_WORD.get(_w, ()), _p)
del _p, _w
VERSION_FAMILY: tuple[tuple[Pattern[str], Family], ...] = (
    (_rx(r"Comware Software|H3C Comware"), "comware"),
    (_rx(r"USG\d|Eudemon"), "usg"),
    (_rx(r"VRP \(R\) software, Version 8\.|CE\d{4,5}|CloudEngine"), "vrp8"),
    (_rx(r"VRP \(R\) software, Version 5\."), "vrp5"),
)


def family_for(platform: str, config_heads: list[str], version_text: str | None) -> Family:
    """Decide the software family from the inventory platform, then the outputs."""
    fixed = PLATFORM_FAMILY.get(platform.lower())
    if fixed is not None:
        return fixed
    if platform.lower().startswith(("hp_", "h3c")):
        return "comware"
    # Every hint regex starts with one of these literals: only such heads can match (cheap filter).
    candidates = [h for h in config_heads if h.startswith(_HINT_PREFIXES)]
    for rx, fam in FAMILY_HINTS:
        if any(map(rx.match, candidates)):
            return fam
    if version_text:
        for rx, fam in VERSION_FAMILY:
            if rx.search(version_text):
                return fam
    return "vrp5" if platform.lower().startswith("huawei") else "unknown"


# Interface name prefix -> (canonical type, physical?)
INTERFACE_TYPES: dict[str, tuple[str, bool]] = {
    "GigabitEthernet": ("GigabitEthernet", True), "GE": ("GigabitEthernet", True),
    "XGigabitEthernet": ("XGigabitEthernet", True), "10GE": ("10GE", True),
    "25GE": ("25GE", True), "40GE": ("40GE", True), "100GE": ("100GE", True),
    "200GE": ("200GE", True), "400GE": ("400GE", True), "MultiGE": ("MultiGE", True),
    "Ethernet": ("Ethernet", True), "FastEthernet": ("Ethernet", True),
    "Ten-GigabitEthernet": ("Ten-GigabitEthernet", True), "FortyGigE": ("FortyGigE", True),
    "HundredGigE": ("HundredGigE", True), "M-GigabitEthernet": ("MEth", True),
    "MEth": ("MEth", True), "Eth-Trunk": ("Eth-Trunk", False),
    "Bridge-Aggregation": ("Eth-Trunk", False), "Route-Aggregation": ("Eth-Trunk", False),
    "Vlanif": ("Vlanif", False), "Vlan-interface": ("Vlanif", False),
    "LoopBack": ("LoopBack", False), "Loopback": ("LoopBack", False), "NULL": ("NULL", False),
    "Stack-Port": ("Stack-Port", False), "Tunnel": ("Tunnel", False),
    "Virtual-if": ("Virtual-if", False), "Virtual-Template": ("Virtual-Template", False),
    "Dialer": ("Dialer", False), "Nve": ("Nve", False), "Vbdif": ("Vbdif", False),
}
_IFNAME = re.compile(r"([A-Za-z][A-Za-z-]*?|\d+GE|MultiGE)(\d[\d/:.]*)$")


def split_interface(name: str) -> tuple[str, str, int | None, int | None, bool]:
    """``(type, number, chassis, slot, physical)`` for an interface name.

    >>> split_interface("XGigabitEthernet1/1/0/1")
    ('XGigabitEthernet', '1/1/0/1', 1, 1, True)
    >>> split_interface("GE1/0/1")
    ('GigabitEthernet', '1/0/1', None, 1, True)
    """
    # Fast path for ASCII names (all real ones): the prefix is what precedes the trailing run of
    # digits, "/", ":" and "."; checked against the shapes ``_IFNAME`` accepts, else the regex
    # decides (same result either way).
    # A known prefix has one of those shapes already.
    prefix = name.rstrip("0123456789/:.") if name.isascii() else ""
    number = name[len(prefix):]
    known = INTERFACE_TYPES.get(prefix)
    if known is None or not (number and number[0].isdigit()):
        if not (prefix and number and number[0].isdigit()
                and ((prefix[0].isalpha() and prefix.replace("-", "").isalpha())
                     or (prefix.endswith("GE") and prefix[:-2].isdigit()))):
            mo = _IFNAME.match(name)
            if not mo:
                return name, "", None, None, False
            prefix, number = mo.group(1), mo.group(2)
        known = INTERFACE_TYPES.get(prefix)
    typ, physical = known if known is not None else (prefix, False)
    core = number
    if "." in core:             # sub-interface
        physical = False
        core = core.split(".", 1)[0]
    if ":" in core:
        core = core.split(":", 1)[0]
    parts = core.split("/")
    chassis = slot = None
    if len(parts) >= 4:
        chassis, slot = int(parts[0]), int(parts[1])
    elif len(parts) == 3:
        slot = int(parts[0])
    return typ, number, chassis, slot, physical
