"""What ``collect`` may send to a device: the read-only allowlist and the per-platform command lists.

The gate
--------
:func:`check_input` is the only way text reaches a device (see
:meth:`netaudit.collect.session.CliSession._send`). It accepts exactly:

- a command of :data:`ALLOWLIST` (``display …`` commands that only read state), written in its
  canonical form — no abbreviations, no pipes (``|``), no ``;``, no control characters;
- a session-setup command of :data:`SESSION_SETUP` (``screen-length 0 temporary`` on Huawei, which
  changes the pager of the current terminal only, and ``screen-length disable`` on Comware, its
  user-view twin);
- the answer ``N`` to a login question (``Change now? [Y/N]``) and a single space to turn a
  ``---- More ----`` page.

Everything else raises :class:`CommandRefused` before one byte is written. The allowlist is an
exact-match set, not a pattern: ``display current-configuration | include x; reboot`` is refused
because it is not in the set, whatever it contains.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from netaudit.errors import NetauditError
from netaudit.inventory.models import Device

CONFIG = "display current-configuration"

#: Read-only commands ``collect`` may send (canonical spelling, single spaces, lower case).
ALLOWLIST: frozenset[str] = frozenset({
    CONFIG,
    "display version",
    "display interface brief",
    "display interface description",
    "display lldp neighbor brief",
    "display eth-trunk",
    "display ip interface brief",
    "display ipv6 interface brief",
    "display vrrp brief",
    "display css status",
    "display css channel",
    "display stack",
    "display hrp state",
    "display hrp state verbose",
    "display ssh server status",
    "display local-user",
    "display hwtacacs-server template",
    "display device",
    "display patch-information",
    "display ntp status",
    "display clock",
    # H3C Comware
    "display irf",
    "display link-aggregation summary",
    "display lldp neighbor-information list",
    "display vrrp",
})

#: Session setup: turn the pager off for this terminal only (no configuration change).
SESSION_SETUP: dict[str, str] = {
    "huawei_vrp": "screen-length 0 temporary",
    "huawei_vrpv8": "screen-length 0 temporary",
    "huawei_usg": "screen-length 0 temporary",
    "hp_comware": "screen-length disable",
}

#: Answers the collector may type at a login question, and the pager's "next page" key.
ANSWERS: frozenset[str] = frozenset({"N"})
PAGER_KEY = " "

InputKind = Literal["command", "setup", "answer", "pager"]

_FORBIDDEN = re.compile(r"[\x00-\x1f\x7f;|]")


class CommandRefused(NetauditError):
    """A text was about to be sent to a device but is not on the read-only allowlist."""


def check_input(text: str, kind: InputKind) -> str:
    """Return ``text`` when it may be sent as ``kind``; raise :class:`CommandRefused` otherwise.

    >>> check_input("display version", "command")
    'display version'
    >>> check_input("undo telnet server enable", "command")
    Traceback (most recent call last):
    ...
    netaudit.collect.commands.CommandRefused: refused to send 'undo telnet server enable': not a read-only command of the allowlist
    """
    if kind == "pager":
        if text == PAGER_KEY:
            return text
        raise CommandRefused(f"refused to send {text!r} as a pager key: only a space is allowed")
    if _FORBIDDEN.search(text):
        raise CommandRefused(
            f"refused to send {text!r}: control characters, ';' and '|' are never sent")
    if text != text.strip() or "  " in text:
        raise CommandRefused(f"refused to send {text!r}: not in canonical form (single spaces, no padding)")
    if kind == "answer":
        if text in ANSWERS:
            return text
        raise CommandRefused(f"refused to answer {text!r}: the only answer allowed is 'N'")
    if kind == "setup":
        if text in SESSION_SETUP.values():
            return text
        raise CommandRefused(f"refused to send {text!r}: not a session-setup command "
                             f"({', '.join(sorted(set(SESSION_SETUP.values())))})")
    if kind == "command":
        if text in ALLOWLIST:
            return text
        raise CommandRefused(f"refused to send {text!r}: not a read-only command of the allowlist")
    raise CommandRefused(f"refused to send {text!r}: unknown input kind {kind!r}")


def commands_for(device: Device) -> list[str]:
    """The commands recorded for ``device``: what the audit reads for its platform and role.

    Cluster status: ``display css status`` for a core CSS (``zone: core`` and ``chassis > 1``),
    ``display stack`` for other clusters; firewalls (``huawei_usg``) add ``display hrp state``
    and skip LLDP and VRRP (the USG answers for HRP instead).
    """
    if device.platform == "hp_comware":
        cmds = [CONFIG, "display version", "display interface brief",
                "display lldp neighbor-information list", "display link-aggregation summary",
                "display ip interface brief", "display ipv6 interface brief", "display vrrp"]
        if device.chassis > 1:
            cmds.append("display irf")
        return _checked(cmds)
    cmds = [CONFIG, "display version", "display interface brief"]
    if device.platform == "huawei_usg":
        cmds += ["display eth-trunk", "display ip interface brief", "display ipv6 interface brief",
                 "display hrp state"]
        return _checked(cmds)
    cmds += ["display lldp neighbor brief", "display eth-trunk", "display ip interface brief",
             "display ipv6 interface brief", "display vrrp brief"]
    if device.chassis > 1:
        cmds.append("display css status" if device.zone == "core" else "display stack")
    return _checked(cmds)


def setup_command(platform: str) -> str:
    """The pager-off command of ``platform`` (Huawei ``screen-length 0 temporary`` by default)."""
    return SESSION_SETUP.get(platform, SESSION_SETUP["huawei_vrp"])


def _checked(cmds: Iterable[str]) -> list[str]:
    return [check_input(c, "command") for c in cmds]
