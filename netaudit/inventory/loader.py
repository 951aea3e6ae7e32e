"""Load and validate the inventory: every ``inventory/*.yaml`` file of a project, merged.

All errors of all files are collected and raised together as one ``InventoryError`` whose
messages read ``FILE:LINE: FIELD: text`` so an engineer can jump straight to the line.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from netaudit.errors import InventoryError
from netaudit.inventory.models import (
    PLATFORMS,
    ROLES,
    TIERS,
    ZONE_TIERS,
    ZONES,
    Device,
    Group,
    Inventory,
    Link,
    Site,
)
from netaudit.yamlsrc import plain

SECTIONS = ("sites", "devices", "links", "groups", "defaults")
_CHOICES = {"zone": ZONES, "tier": TIERS, "platform": PLATFORMS, "role": ROLES}


@dataclass
class _Item:
    """A raw YAML mapping with where it came from."""

    data: CommentedMap
    file: str
    section: str
    index: int

    def line(self, key: str | None = None) -> int:
        """1-based line of the item, or of one of its keys when present."""
        if key is not None and isinstance(self.data, CommentedMap) and key in self.data:
            return int(self.data.lc.key(key)[0]) + 1
        return int(self.data.lc.line) + 1

    def where(self, key: str | None = None) -> str:
        field = f"{self.section}[{self.index}]" + (f".{key}" if key else "")
        return f"{self.file}:{self.line(key)}: {field}"


class _Collector:
    def __init__(self) -> None:
        self.errors: list[str] = []

    def add(self, where: str, text: str) -> None:
        self.errors.append(f"{where}: {text}")

    def pydantic(self, item: _Item, exc: ValidationError) -> None:
        for err in exc.errors():
            loc = [str(p) for p in err["loc"]]
            key = loc[0] if loc else None
            field = ".".join(loc)
            value = err.get("input")
            if err["type"] == "literal_error" and key in _CHOICES:
                text = f"unknown {key} {value!r} (expected one of: {', '.join(_CHOICES[key])})"
            elif err["type"] == "extra_forbidden":
                text = f"unknown field {key!r}"
            elif err["type"] == "missing":
                text = "required field is missing"
            else:
                text = err["msg"].removeprefix("Value error, ")
            line = item.line(key)
            self.errors.append(f"{item.file}:{line}: {item.section}[{item.index}].{field}: {text}")


def _read_files(inv_dir: Path, col: _Collector, base: Path) -> dict[str, list[_Item]]:
    items: dict[str, list[_Item]] = {s: [] for s in SECTIONS}
    files = sorted(list(inv_dir.glob("*.yaml")) + list(inv_dir.glob("*.yml")))
    if not files:
        col.add(str(inv_dir), "no inventory files (*.yaml) found")
    yaml = YAML(typ="rt")
    for path in files:
        try:
            rel = str(path.relative_to(base))
        except ValueError:
            rel = str(path)
        try:
            doc = yaml.load(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError as e:
            col.add(rel, f"not UTF-8 text ({e.reason} at byte {e.start})")
            continue
        except MarkedYAMLError as e:
            mark = e.problem_mark or e.context_mark
            line = mark.line + 1 if mark is not None else 0
            col.add(f"{rel}:{line}", f"YAML syntax error: {e.problem or e.context}")
            continue
        except Exception as e:  # ruamel raises a few unmarked errors (e.g. duplicate keys)
            col.add(rel, f"YAML error: {e}")
            continue
        if doc is None:
            continue
        if not isinstance(doc, CommentedMap):
            col.add(f"{rel}:1", "the file must be a mapping with keys " + ", ".join(SECTIONS))
            continue
        for key in doc:
            kline = doc.lc.key(key)[0] + 1
            if key not in SECTIONS:
                col.add(f"{rel}:{kline}: {key}", f"unknown section (expected: {', '.join(SECTIONS)})")
                continue
            value = doc[key]
            if key == "defaults":
                if not isinstance(value, CommentedMap):
                    col.add(f"{rel}:{kline}: defaults", "must be a mapping")
                    continue
                items["defaults"].append(_Item(value, rel, "defaults", 0))
                continue
            if value is None:
                continue
            if not isinstance(value, CommentedSeq):
                col.add(f"{rel}:{kline}: {key}", "must be a list")
                continue
            for i, entry in enumerate(value):
                if not isinstance(entry, CommentedMap):
                    line = value.lc.item(i)[0] + 1
                    col.add(f"{rel}:{line}: {key}[{i}]", "each entry must be a mapping")
                    continue
                items[key].append(_Item(entry, rel, key, i))
    return items


def _merge(defaults: dict[str, Any], group: dict[str, Any], host: dict[str, Any]) -> dict[str, Any]:
    """host → group → defaults: scalars from the most specific, vars deep-merged, tags united."""
    out: dict[str, Any] = {}
    for layer in (defaults, group, host):
        for k, v in layer.items():
            if k == "vars" and isinstance(v, dict):
                merged = dict(out.get("vars") or {})
                merged.update(copy.deepcopy(v))
                out["vars"] = merged
            elif k == "tags" and isinstance(v, list):
                out["tags"] = list(dict.fromkeys([*(out.get("tags") or []), *v]))
            else:
                out[k] = copy.deepcopy(v)
    return out


def _validate(model: type[BaseModel], item: _Item, data: dict[str, Any], col: _Collector) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as e:
        col.pydantic(item, e)
        return None


def load_inventory(project_dir: Path | str) -> Inventory:
    """Load, merge and validate ``<project>/inventory/*.yaml``; raise InventoryError with every problem."""
    project = Path(project_dir)
    inv_dir = project / "inventory"
    if not inv_dir.is_dir():
        raise InventoryError([f"{inv_dir}: no inventory directory (is --project right?)"])
    col = _Collector()
    raw = _read_files(inv_dir, col, project)

    defaults: dict[str, Any] = {}
    for item in raw["defaults"]:
        for k in item.data:
            if k not in ("platform", "model", "role", "zone", "tags", "vars", "chassis"):
                col.add(item.where(str(k)).replace("defaults[0]", "defaults"), "not allowed in defaults")
        defaults.update(plain(item.data))

    groups: dict[str, Group] = {}
    for item in raw["groups"]:
        g = _validate(Group, item, plain(item.data), col)
        if g is None:
            continue
        if g.name in groups:
            col.add(item.where("name"), f"duplicate group {g.name!r}")
        groups[g.name] = g

    sites: dict[str, tuple[Site, _Item]] = {}
    for item in raw["sites"]:
        s = _validate(Site, item, plain(item.data), col)
        if s is None:
            continue
        if s.name in sites:
            col.add(item.where("name"), f"duplicate site {s.name!r} (first at {sites[s.name][1].where()})")
            continue
        sites[s.name] = (s, item)
    _check_site_tree(sites, col)

    devices: list[Device] = []
    origins: dict[str, str] = {}
    by_ip: dict[str, _Item] = {}
    by_name: dict[str, _Item] = {}
    for item in raw["devices"]:
        host = plain(item.data)
        gname = host.get("group")
        group: dict[str, Any] = {}
        if gname is not None:
            if gname not in groups:
                col.add(item.where("group"), f"unknown group {gname!r}")
            else:
                group = groups[gname].model_dump(exclude={"name"}, exclude_none=True)
        d = _validate(Device, item, _merge(defaults, group, host), col)
        if d is None:
            continue
        if d.hostname in by_name:
            col.add(item.where("hostname"), f"duplicate hostname {d.hostname!r} (first at {by_name[d.hostname].where()})")
            continue
        if d.mgmt_ip in by_ip:
            col.add(item.where("mgmt_ip"), f"duplicate mgmt IP {d.mgmt_ip} (also {by_ip[d.mgmt_ip].data.get('hostname')})")
        by_ip[d.mgmt_ip] = item
        by_name[d.hostname] = item
        if d.site not in sites:
            col.add(item.where("site"), f"unknown site {d.site!r}")
        else:
            site = sites[d.site][0]
            d.tier = site.tier
            if site.tier not in ZONE_TIERS[d.zone]:
                col.add(item.where("site"), f"zone {d.zone!r} cannot sit in {site.tier}-tier site {d.site!r} "
                        f"(allowed tiers: {', '.join(ZONE_TIERS[d.zone])})")
        devices.append(d)
        origins[d.hostname] = f"{item.file}:{item.line()}"

    links: list[Link] = []
    link_origins: dict[str, str] = {}
    used: dict[str, _Item] = {}
    for item in raw["links"]:
        lk = _validate(Link, item, plain(item.data), col)
        if lk is None:
            continue
        ok = True
        for end, host, intf in (("a", lk.a_host, lk.a_intf), ("b", lk.b_host, lk.b_intf)):
            if host not in by_name:
                col.add(item.where(end), f"link to unknown device {host!r}")
                ok = False
            key = f"{host}:{intf}"
            if key in used:
                col.add(item.where(end), f"interface {key} already used by the link at {used[key].where()}")
                ok = False
            used[key] = item
        if lk.a_host == lk.b_host:
            col.add(item.where("b"), "a link must join two different devices")
            ok = False
        if ok:
            links.append(lk)
            link_origins[lk.label] = f"{item.file}:{item.line()}"

    if col.errors:
        raise InventoryError(col.errors)
    return Inventory(sites=[s for s, _ in sites.values()], devices=devices, links=links,
                     groups=list(groups.values()), origins=origins,
                     link_origins=link_origins)


def _check_site_tree(sites: dict[str, tuple[Site, _Item]], col: _Collector) -> None:
    for name, (site, item) in sites.items():
        if site.parent is None:
            if site.tier != "city":
                col.add(item.where("parent"), f"{site.tier}-tier site {name!r} needs a parent site")
            continue
        if site.parent not in sites:
            col.add(item.where("parent"), f"parent site {site.parent!r} does not exist")
            continue
        parent = sites[site.parent][0]
        if TIERS.index(parent.tier) > TIERS.index(site.tier):
            col.add(item.where("parent"), f"a {site.tier}-tier site cannot sit under {parent.tier}-tier {parent.name!r}")
    # cycles: follow parents from every site
    reported: set[str] = set()
    for name in sites:
        seen: list[str] = []
        cur: str | None = name
        while cur is not None and cur in sites and cur not in seen:
            seen.append(cur)
            cur = sites[cur][0].parent
        if cur is not None and cur in seen:
            cycle = seen[seen.index(cur):]
            key = min(cycle)
            if key not in reported:
                reported.add(key)
                item = sites[key][1]
                col.add(item.where("parent"), "site cycle: " + " → ".join([*cycle, cur]))
