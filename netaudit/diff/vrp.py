"""Huawei VRP platform rules for the diff, as data (the hier_config way).

Everything the diff engine knows about VRP is in :data:`VRP`: the negation prefix, the command
that leaves a view, which lines replace each other instead of being added next to the old one
(idempotent commands), which sections keep their children in order, which negations the saved
configuration shows, and how a line is scoped when the intended config is only a partial
baseline. Every regex is matched with ``fullmatch`` on the stripped line, so a rule for
``idle-timeout …`` can never match the negation line ``undo idle-timeout …`` (the anti-pattern
style.md warns about).

>>> VRP.negate("telnet server enable")
'undo telnet server enable'
>>> VRP.negate("undo http server enable")
'http server enable'
>>> VRP.idempotent_key("idle-timeout 0 0", ("user-interface vty 0 4",)) == \\
...     VRP.idempotent_key("idle-timeout 10 0", ("user-interface vty 0 4",))
True
>>> VRP.idempotent_key("undo idle-timeout 0 0", ("user-interface vty 0 4",)) is None
True
>>> VRP.scope_key("info-center loghost 10.10.250.21", depth=0, section=False)
'info-center'
>>> VRP.scope_key("ipv6 route-static :: 0 2409:8C54::1", depth=0, section=False)
'ipv6 route-static'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from re import Pattern

from netaudit.redact import redact

__all__ = ["Platform", "VRP", "mask_secrets", "SECRET_PLACEHOLDER"]

#: how templates write a secret: ``{{ secret("tacacs-key") }}`` renders ``<secret:tacacs-key>``
SECRET_PLACEHOLDER = re.compile(r"<secret:[A-Za-z0-9_.-]+>")
_MASK = "******"


def mask_secrets(line: str) -> str:
    """The line with every secret value replaced by one mask, for comparison.

    A real cipher in the running config and a ``<secret:NAME>`` placeholder in the intended
    config compare equal; the kind of storage (``cipher`` vs ``irreversible-cipher``) still counts.

    >>> mask_secrets("hwtacacs-server shared-key cipher %^%#abc%^%#") == \\
    ...     mask_secrets("hwtacacs-server shared-key cipher <secret:tacacs-key>")
    True
    >>> mask_secrets("local-user u password cipher %^%#x%^%#") == \\
    ...     mask_secrets("local-user u password irreversible-cipher <secret:u>")
    False
    """
    return redact(SECRET_PLACEHOLDER.sub(_MASK, line))


def _re(*patterns: str) -> tuple[Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


@dataclass(frozen=True)
class IdempotentRule:
    """Lines matching ``line`` (fullmatch) inside a view matching ``context`` replace each other.

    Two lines share a key when they match the same rule with the same captured groups: entering
    ``idle-timeout 10 0`` in ``user-interface vty 0 4`` replaces ``idle-timeout 0 0``. ``context``
    ``None`` means any view; ``"^$"`` means the top level.
    """

    line: Pattern[str]
    context: Pattern[str] | None = None


def _idem(line: str, context: str | None = None) -> IdempotentRule:
    return IdempotentRule(re.compile(line), re.compile(context) if context is not None else None)


@dataclass(frozen=True)
class Platform:
    """Rules of one CLI family. See the module docstring."""

    name: str
    negation: str
    section_exit: str
    idempotent: tuple[IdempotentRule, ...]
    #: sections whose children are order-sensitive (compared as sequences)
    ordered_sections: tuple[Pattern[str], ...]
    #: lines that open a view even when they have no children in a given config
    section_headers: tuple[Pattern[str], ...]
    #: ``undo X`` stays in the saved config for these X (the feature is on by default)
    negation_shown: tuple[Pattern[str], ...]
    #: X is off by default and the saved config prints nothing when off: an intended
    #: ``undo X`` means "X must be absent", not a line to add
    absent_when_negated: tuple[Pattern[str], ...]
    #: longer scope keys than the first word (``ipv6 route-static`` is not ``ipv6``)
    scope_keys: tuple[Pattern[str], ...]
    #: device-generated lines a template cannot know: out of the managed scope
    unmanaged: tuple[Pattern[str], ...]
    #: views that cannot be deleted with ``undo``: removing one clears its children instead
    undeletable: tuple[Pattern[str], ...] = ()
    _cache: dict[tuple[str, tuple[str, ...]], tuple[int, tuple[str | None, ...]] | None] = field(
        default_factory=dict, compare=False, repr=False)

    # --- negation ------------------------------------------------------------------------
    def is_negation(self, line: str) -> bool:
        return line.startswith(self.negation)

    def negate(self, line: str) -> str:
        """The exact negation: ``X`` ↔ ``undo X``."""
        if line.startswith(self.negation):
            return line[len(self.negation):]
        return self.negation + line

    def positive(self, line: str) -> str:
        return line[len(self.negation):] if line.startswith(self.negation) else line

    def shows_negation(self, positive: str) -> bool:
        return any(p.fullmatch(positive) for p in self.negation_shown)

    def absent_when_off(self, positive: str) -> bool:
        return any(p.fullmatch(positive) for p in self.absent_when_negated)

    # --- structure -----------------------------------------------------------------------
    def is_section_header(self, line: str) -> bool:
        return any(p.fullmatch(line) for p in self.section_headers)

    def is_ordered(self, header: str) -> bool:
        return any(p.fullmatch(header) for p in self.ordered_sections)

    def idempotent_key(self, line: str, path: tuple[str, ...]) -> tuple[int, tuple[str | None, ...]] | None:
        """Key shared by lines that replace each other in the view ``path`` (None: not idempotent)."""
        ck = (line, path[-1:] if path else ())
        if ck in self._cache:
            return self._cache[ck]
        parent = path[-1] if path else ""
        out: tuple[int, tuple[str | None, ...]] | None = None
        for i, rule in enumerate(self.idempotent):
            if rule.context is not None and not rule.context.fullmatch(parent):
                continue
            m = rule.line.fullmatch(line)
            if m:
                out = (i, m.groups())
                break
        self._cache[ck] = out
        return out

    # --- scope ---------------------------------------------------------------------------
    def scope_key(self, line: str, *, depth: int, section: bool) -> str:
        """What a line is "about", to decide whether a partial baseline manages it.

        Top-level sections are keyed by their whole header (``interface Vlanif10``); every other
        line by its first word (``info-center``), or a longer key from :attr:`scope_keys`, with
        ``undo `` removed so ``undo http server enable`` and ``http server enable`` share a key.
        """
        text = self.positive(line)
        if section and depth == 0:
            return text
        for p in self.scope_keys:
            m = p.match(text)
            if m:
                return m.group(0)
        return text.split(" ", 1)[0]

    def is_undeletable(self, header: str) -> bool:
        return any(p.fullmatch(header) for p in self.undeletable)

    def is_unmanaged(self, line: str) -> bool:
        return any(p.fullmatch(line) for p in self.unmanaged)


_TOP = "^$"
_VTY = r"user-interface (?:vty|con|console) .*"
_INTF = r"interface \S+"
_AAA_SCHEME = r"(?:authentication|authorization|accounting)-scheme \S+|recording-scheme \S+"

VRP = Platform(
    name="huawei_vrp",
    negation="undo ",
    section_exit="quit",
    idempotent=(
        # global
        _idem(r"sysname \S.*", _TOP),
        _idem(r"clock timezone .*", _TOP),
        _idem(r"info-center timestamp (log|debugging|trap) .*", _TOP),
        _idem(r"info-center loghost source \S+", _TOP),
        _idem(r"ntp-service source-interface \S+", _TOP),
        _idem(r"ssh server-source -i \S+", _TOP),
        _idem(r"ssh server-source ipv6 -i \S+", _TOP),
        _idem(r"ssh server cipher .*", _TOP),
        _idem(r"ssh server hmac .*", _TOP),
        _idem(r"ssh server key-exchange .*", _TOP),
        _idem(r"ssh server dh-exchange min-len \d+", _TOP),
        _idem(r"ssh user (\S+) authentication-type \S+", _TOP),
        _idem(r"ssh user (\S+) service-type .*", _TOP),
        _idem(r"snmp-agent sys-info version .*", _TOP),
        _idem(r"snmp-agent sys-info contact .*", _TOP),
        _idem(r"snmp-agent sys-info location .*", _TOP),
        _idem(r"snmp-agent trap source \S+", _TOP),
        _idem(r"snmp-agent usm-user v3 (\S+) authentication-mode .*", _TOP),
        _idem(r"snmp-agent usm-user v3 (\S+) privacy-mode .*", _TOP),
        _idem(r"snmp-agent usm-user v3 (\S+) group \S+", _TOP),
        _idem(r"set save-configuration backup-to-server server (\S+) .*", _TOP),
        # views
        _idem(r"idle-timeout \d+(?: \d+)?", _VTY),
        _idem(r"authentication-mode \S+", _VTY),
        _idem(r"protocol inbound \S+", _VTY),
        _idem(r"acl \d+ inbound", _VTY),
        _idem(r"acl ipv6 \d+ inbound", _VTY),
        _idem(r"user privilege level \d+", _VTY),
        _idem(r"description .*", _INTF + r"|acl .*"),
        _idem(r"ip address \S+ \S+", _INTF),
        _idem(r"port link-type \S+", _INTF),
        _idem(r"port default vlan \d+", _INTF),
        _idem(r"eth-trunk \d+", _INTF),
        _idem(r"mode lacp\S*|mode manual.*", _INTF),
        _idem(r"hwtacacs-server source-ip \S+", r"hwtacacs-server template \S+"),
        _idem(r"hwtacacs-server shared-key .*", r"hwtacacs-server template \S+"),
        _idem(r"radius-server shared-key .*", r"radius-server template \S+"),
        _idem(r"rule (\d+) .*", r"acl .*"),
        _idem(r"authentication-mode .*", _AAA_SCHEME),
        _idem(r"authorization-mode .*", _AAA_SCHEME),
        _idem(r"authorization-cmd (\d+) .*", _AAA_SCHEME),
        _idem(r"accounting-mode .*", _AAA_SCHEME),
        _idem(r"recording-mode .*", _AAA_SCHEME),
        _idem(r"(authentication|authorization|accounting)-scheme \S+", r"domain \S+"),
        _idem(r"hwtacacs-server \S+", r"domain \S+"),
        _idem(r"radius-server \S+", r"domain \S+"),
        _idem(r"local-aaa-user wrong-password .*", r"aaa"),
        _idem(r"cmd recording-scheme \S+", r"aaa"),
        _idem(r"local-user (\S+) password .*", r"aaa"),
        _idem(r"local-user (\S+) privilege level \d+", r"aaa"),
        _idem(r"local-user (\S+) service-type .*", r"aaa"),
        _idem(r"password expire \d+", r"local-aaa-user password policy .*"),
        _idem(r"password history record number \d+", r"local-aaa-user password policy .*"),
        _idem(r"router-id \S+", r"ospfv3 .*|ospf .*"),
    ),
    ordered_sections=_re(r"security-policy", r"route-policy .*", r"traffic-policy .*",
                         r"nat-policy", r"ip ip-prefix .*"),
    section_headers=_re(
        _INTF, r"aaa", r"user-interface .*",
        r"acl(?: ipv6)? (?:number|name) \S+.*", r"acl(?: ipv6)? \d+(?: match-order \S+)?", r"hwtacacs-server template \S+",
        r"radius-server template \S+", _AAA_SCHEME, r"domain \S+",
        r"local-aaa-user password policy .*", r"ospf(?:v3)? \d+.*", r"area \S+", r"bgp \d+",
        r"isis \d+", r"vlan \d+", r"security-policy", r"rule name .*", r"firewall zone .*",
        r"stp region-configuration", r"ip vpn-instance \S+",
        r"route-policy .*", r"traffic-policy .*", r"traffic classifier .*",
        r"traffic behavior .*", r"dhcp server group \S+", r"ip pool \S+", r"nat-policy",
    ),
    negation_shown=_re(r"http server enable", r"http secure-server enable",
                       r"port trunk allow-pass vlan 1", r"info-center enable", r"stp enable"),
    absent_when_negated=_re(r"telnet server enable", r"telnet ipv6 server enable",
                            r"ftp server enable", r"ftp ipv6 server enable",
                            r"snmp-agent community .*"),
    scope_keys=_re(r"ipv6 route-static", r"ip route-static", r"ip vpn-instance",
                   r"snmp-agent local-engineid", r"ntp-service (?:ipv6 )?server",
                   r"set save-configuration"),
    unmanaged=_re(r"snmp-agent local-engineid \S+", r"interface NULL0"),
    undeletable=_re(r"interface (?!Vlanif|Eth-Trunk|LoopBack|Tunnel|Vbdif)\S+", r"aaa",
                    r"user-interface .*", r"interface NULL0"),
)
