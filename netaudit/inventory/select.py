"""The one ``--limit`` selector every command shares.

``EXPR`` is a comma-separated list of terms; a device matches when any term matches (OR):
a hostname glob (``CZ-CORE*``), ``zone:core``, ``site:raoping``, ``tier:county``, ``tag:x``,
``platform:huawei_usg`` or ``role:firewall``. Matching is case-insensitive.
"""

from __future__ import annotations

import fnmatch

from netaudit.errors import SelectorError
from netaudit.inventory.models import Device

KEYS = ("zone", "site", "tier", "tag", "platform", "role", "host")


def parse_limit(expr: str) -> list[tuple[str, str]]:
    """Split an expression into (key, pattern) terms.

    >>> parse_limit("zone:core,CZ-AGG-*")
    [('zone', 'core'), ('host', 'CZ-AGG-*')]
    """
    terms: list[tuple[str, str]] = []
    for raw in expr.split(","):
        term = raw.strip()
        if not term:
            raise SelectorError(f"--limit {expr!r}: empty term")
        if ":" in term:
            key, _, pat = term.partition(":")
            key = key.strip().lower()
            if key not in KEYS:
                raise SelectorError(f"--limit {expr!r}: unknown key {key!r} (use one of {', '.join(KEYS)})")
            if not pat.strip():
                raise SelectorError(f"--limit {expr!r}: {key}: needs a value")
            terms.append((key, pat.strip()))
        else:
            terms.append(("host", term))
    return terms


def _match(device: Device, key: str, pat: str) -> bool:
    pat = pat.lower()
    if key == "host":
        return fnmatch.fnmatchcase(device.hostname.lower(), pat)
    if key == "tag":
        return any(fnmatch.fnmatchcase(t.lower(), pat) for t in device.tags)
    value = {"zone": device.zone, "site": device.site, "tier": device.tier or "",
             "platform": device.platform, "role": device.role}[key]
    return fnmatch.fnmatchcase(value.lower(), pat)


def select(devices: list[Device], expr: str | None) -> list[Device]:
    """Devices matching the expression (all of them when it is empty)."""
    if not expr:
        return list(devices)
    terms = parse_limit(expr)
    return [d for d in devices if any(_match(d, k, p) for k, p in terms)]


def matches(device: Device, expr: str) -> bool:
    """Whether one device matches an expression (waivers use this)."""
    return any(_match(device, k, p) for k, p in parse_limit(expr))
