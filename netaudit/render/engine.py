"""Render intended configurations from the inventory with Jinja2 (product.md §3).

Templates live in ``<project>/templates/``. The template of a device is the first that exists of

1. ``<platform>/<role>-<zone>.j2``   e.g. ``huawei_vrp/switch-core.j2`` for the S12708 CSS
2. ``<platform>/<role>.j2``          e.g. ``huawei_vrp/switch.j2``
3. ``<platform>/base.j2``

Context of every template:

``device``      the inventory device as a dict (hostname, mgmt_ip, platform, model, role, zone,
                site, tier, chassis, tags, vars, description); also ``hostname``
``site``        the device's site (name, tier, parent, description)
``links``       one dict per declared link of the device, sorted by local interface:
                ``interface``, ``peer``, ``peer_interface``, ``bandwidth``, ``bandwidth_mbps``,
                ``description`` (the link's own note); ``interfaces`` maps interface → link
``vars``        ``templates/vars.yaml`` (global) overlaid with the device's vars (which the
                inventory already merged host → group → defaults); ``group`` the group or None
``inventory``   the whole :class:`~netaudit.inventory.Inventory` (peer lookups)

Helpers: ``secret(name)`` renders the placeholder ``<secret:NAME>`` — templates never hold
secrets and the diff compares secret-bearing lines with the value masked (see
:func:`netaudit.diff.vrp.mask_secrets`); filter ``abbrev_intf`` (``XGigabitEthernet0/0/1`` →
``XGE0/0/1``).

Undefined variables are errors (``StrictUndefined``): :class:`RenderError` names the template,
the line and the variable. The output is normalised to the saved-config style (no blank lines,
no trailing blanks, single ``#`` separators, ``return`` at the end) and must parse.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from netaudit.errors import NetauditError, ParseError
from netaudit.inventory.models import Device, Inventory
from netaudit.parse.config_tree import parse_config
from netaudit.yamlsrc import load_yaml, plain

__all__ = ["RenderError", "Rendered", "abbrev_intf", "build_context", "load_global_vars", "make_environment",
           "render_device", "secret", "template_candidates"]

TEMPLATES_DIR = "templates"
VARS_FILE = "vars.yaml"


class RenderError(NetauditError):
    """A template is missing, malformed, uses an undefined variable or renders an unparsable config."""


@dataclass(frozen=True)
class Rendered:
    hostname: str
    template: str   # relative to the templates directory
    text: str


def secret(name: str) -> str:
    """Placeholder for a secret the template must not contain.

    >>> secret("tacacs-key")
    '<secret:tacacs-key>'
    """
    if not re.fullmatch(r"[A-Za-z0-9_.-]+", name):
        raise ValueError(f"bad secret name {name!r}")
    return f"<secret:{name}>"


_ABBREV = (("XGigabitEthernet", "XGE"), ("GigabitEthernet", "GE"), ("Eth-Trunk", "Eth-Trunk"),
           ("40GE", "40GE"), ("100GE", "100GE"), ("25GE", "25GE"))


def abbrev_intf(name: str) -> str:
    """Short interface name as used in descriptions.

    >>> abbrev_intf("XGigabitEthernet1/1/0/1")
    'XGE1/1/0/1'
    >>> abbrev_intf("GigabitEthernet0/0/11")
    'GE0/0/11'
    """
    for long, short in _ABBREV:
        if name.startswith(long):
            return short + name[len(long):]
    return name


def template_candidates(device: Device) -> list[str]:
    """Template names tried for ``device``, most specific first."""
    p = device.platform
    return [f"{p}/{device.role}-{device.zone}.j2", f"{p}/{device.role}.j2", f"{p}/base.j2"]


def make_environment(templates_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.globals["secret"] = secret
    env.filters["abbrev_intf"] = abbrev_intf
    return env


def load_global_vars(templates_dir: Path) -> dict[str, Any]:
    path = templates_dir / VARS_FILE
    if not path.is_file():
        return {}
    try:
        data = plain(load_yaml(path))
    except NetauditError as e:   # load_yaml names file:line
        raise RenderError(str(e)) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise RenderError(f"{path}: must be a mapping of variable names to values")
    return data


def build_context(inv: Inventory, device: Device, global_vars: dict[str, Any]) -> dict[str, Any]:
    """The template context of one device (see the module docstring)."""
    links: list[dict[str, Any]] = []
    for lk in inv.links_of(device.hostname):
        mine_a = lk.a_host == device.hostname
        links.append({
            "interface": lk.a_intf if mine_a else lk.b_intf,
            "peer": lk.b_host if mine_a else lk.a_host,
            "peer_interface": lk.b_intf if mine_a else lk.a_intf,
            "bandwidth": lk.bandwidth,
            "bandwidth_mbps": lk.bandwidth_mbps,
            "description": lk.description,
        })
    links.sort(key=lambda d: _natural(d["interface"]))
    site = inv.site(device.site)
    group = next((g for g in inv.groups if g.name == device.group), None)
    merged = {**global_vars, **device.vars}
    return {
        "device": device.model_dump(),
        "hostname": device.hostname,
        "site": site.model_dump() if site is not None else {"name": device.site},
        "links": links,
        "interfaces": {d["interface"]: d for d in links},
        "vars": merged,
        "group": group.model_dump() if group is not None else None,
        "inventory": inv,
    }


def _natural(name: str) -> list[Any]:
    return [(0, int(t)) if t.isdigit() else (1, t) for t in re.split(r"(\d+)", name)]


def _template_location(exc: BaseException, templates_dir: Path) -> tuple[str, int] | None:
    """(template, line) of the innermost template frame of a rendering exception."""
    root = str(templates_dir.resolve())
    found: tuple[str, int] | None = None
    for fr in traceback.extract_tb(exc.__traceback__):
        fn = fr.filename
        if fn.endswith(".j2") or fn.startswith(root):
            try:
                rel = str(Path(fn).resolve().relative_to(root))
            except ValueError:
                rel = fn
            found = (rel, fr.lineno or 0)
    return found


def normalize_output(text: str) -> str:
    """Saved-config style: no blank lines, no trailing blanks, single ``#`` separators, ends
    with ``#`` / ``return``."""
    out: list[str] = []
    for line in text.splitlines():
        line = line.rstrip()
        if not line.strip():
            continue
        if line == "#" and (not out or out[-1] == "#"):
            continue
        if line.strip() == "return":
            continue
        out.append(line)
    if not out or out[-1] != "#":
        out.append("#")
    out.append("return")
    return "\n".join(out) + "\n"


def render_device(inv: Inventory, device: Device, templates_dir: Path, *,
                  env: jinja2.Environment | None = None,
                  global_vars: dict[str, Any] | None = None) -> Rendered:
    """Render the intended configuration of ``device``; RenderError on any template problem."""
    if not templates_dir.is_dir():
        raise RenderError(f"{templates_dir}: no templates directory (is --project right?)")
    env = env or make_environment(templates_dir)
    if global_vars is None:
        global_vars = load_global_vars(templates_dir)
    names = template_candidates(device)
    name = next((n for n in names if (templates_dir / n).is_file()), None)
    if name is None:
        raise RenderError(f"{device.hostname}: no template ({device.platform} {device.role} "
                          f"{device.zone}); tried {', '.join(names)} under {templates_dir}")
    try:
        text = env.get_template(name).render(build_context(inv, device, global_vars))
    except jinja2.TemplateSyntaxError as e:
        raise RenderError(f"{e.filename or e.name or name}:{e.lineno}: template syntax error: "
                          f"{e.message}") from None
    except jinja2.UndefinedError as e:
        loc = _template_location(e, templates_dir)
        where = f"templates/{loc[0]}:{loc[1]}" if loc else f"templates/{name}"
        raise RenderError(f"{device.hostname}: {where}: undefined variable: {e.message}") from None
    except jinja2.TemplateError as e:
        loc = _template_location(e, templates_dir)
        where = f"templates/{loc[0]}:{loc[1]}" if loc else f"templates/{name}"
        raise RenderError(f"{device.hostname}: {where}: {type(e).__name__}: {e}") from None
    except (TypeError, ValueError, KeyError, AttributeError) as e:
        loc = _template_location(e, templates_dir)
        where = f"templates/{loc[0]}:{loc[1]}" if loc else f"templates/{name}"
        raise RenderError(f"{device.hostname}: {where}: {type(e).__name__}: {e}") from None
    text = normalize_output(text)
    try:
        parse_config(text, device=device.hostname, command=f"render {name}")
    except ParseError as e:
        raise RenderError(f"templates/{name} renders an unparsable config: {e}") from None
    return Rendered(device.hostname, name, text)
