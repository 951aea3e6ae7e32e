"""Policy catalogs in ``policies/*.yaml``.

A catalog names the checks to run, their parameters and where they apply, and may declare custom
rules (see ``netaudit.checks.custom``)::

    name: extranet
    checks:
      - id: mgmt-idle-timeout
        params: {max_minutes: 15}
        severity: high                 # optional: overrides the check's default
        zones: [core, aggregation]     # optional: narrows where it runs (also tiers, roles, platforms)
    rules:
      - id: custom-login-banner
        ...

Every catalog in ``policies/`` loads by default (``waivers.yaml`` excepted); ``--policy FILE``
replaces that set. When two catalogs name the same check, their parameters are merged (the later
file's keys win) and a later scope or severity replaces an earlier one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml.comments import CommentedMap

from netaudit.checks import REGISTRY
from netaudit.checks.base import Check
from netaudit.checks.custom import CustomRule, make_rule_check
from netaudit.errors import PolicyError
from netaudit.inventory.models import PLATFORMS, ROLES, TIERS, ZONES
from netaudit.results import SEVERITIES
from netaudit.yamlsrc import line_of, load_yaml, plain, pydantic_messages

_SCOPES = {"zones": ZONES, "tiers": TIERS, "roles": ROLES, "platforms": PLATFORMS}
_ENTRY_KEYS = {"id", "params", "severity", "enabled", *list(_SCOPES)}


@dataclass
class CheckEntry:
    """A check as the policy runs it."""

    check: Check
    params: BaseModel
    severity: str
    scope: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.check.id

    def applies(self, device: Any) -> bool:
        """Whether this check applies to an inventory device (platform, zone, tier, role)."""
        cls = self.check
        for attr, value in (("platforms", device.platform), ("zones", device.zone),
                            ("tiers", device.tier), ("roles", device.role)):
            allowed = self.scope.get(attr, getattr(cls, attr))
            if allowed is not None and value not in allowed:
                return False
        return True


@dataclass
class Policy:
    """All checks that run, in a stable order."""

    entries: dict[str, CheckEntry]
    files: list[str]

    def __iter__(self) -> Iterator[CheckEntry]:
        return iter(self.entries.values())

    def __len__(self) -> int:
        return len(self.entries)


@dataclass
class _Raw:
    params: dict[str, Any] = field(default_factory=dict)
    severity: str | None = None
    scope: dict[str, tuple[str, ...]] = field(default_factory=dict)
    enabled: bool = True
    node: Any = None
    path: Path | None = None
    sources: list[str] = field(default_factory=list)


def default_policy_files(project_dir: Path) -> list[Path]:
    pol = project_dir / "policies"
    if not pol.is_dir():
        return []
    files = sorted(list(pol.glob("*.yaml")) + list(pol.glob("*.yml")))
    return [f for f in files if f.stem not in ("waivers",)]


def load_policies(files: list[Path]) -> Policy:
    """Load catalogs; PolicyError listing every ``file:line`` problem."""
    errors: list[str] = []
    raws: dict[str, _Raw] = {}
    customs: dict[str, type[Check]] = {}
    for path in files:
        doc = load_yaml(path)
        if doc is None:
            continue
        if not isinstance(doc, CommentedMap):
            errors.append(f"{path}:1: a policy catalog must be a mapping with 'checks' and/or 'rules'")
            continue
        for key in doc:
            if key not in ("name", "title", "title_zh", "title_en", "description", "checks", "rules"):
                errors.append(f"{path}:{line_of(doc, key)}: {key}: unknown key")
        for i, rnode in enumerate(doc.get("rules") or []):
            if not isinstance(rnode, CommentedMap):
                errors.append(f"{path}:{line_of(doc['rules'], i)}: rules[{i}]: must be a mapping")
                continue
            try:
                rule = CustomRule.model_validate(plain(rnode))
            except ValidationError as e:
                errors.extend(pydantic_messages(path, rnode, e, f"rules[{i}]"))
                continue
            if rule.id in REGISTRY:
                errors.append(f"{path}:{line_of(rnode, 'id')}: rules[{i}].id: {rule.id!r} is a built-in check id")
                continue
            customs[rule.id] = make_rule_check(rule)
            raw = raws.setdefault(rule.id, _Raw())
            raw.sources.append(f"{path}:{line_of(rnode)}")
        checks = doc.get("checks") or []
        if not isinstance(checks, list):
            errors.append(f"{path}:{line_of(doc, 'checks')}: checks: must be a list")
            continue
        for i, node in enumerate(checks):
            where = f"{path}:{line_of(checks, i)}: checks[{i}]"
            if isinstance(node, str):
                node = CommentedMap({"id": node})
            if not isinstance(node, CommentedMap) or "id" not in node:
                errors.append(f"{where}: each entry needs an 'id'")
                continue
            cid = str(node["id"])
            if cid not in REGISTRY and cid not in customs:
                errors.append(f"{path}:{line_of(node, 'id')}: checks[{i}].id: unknown check {cid!r}")
                continue
            raw = raws.setdefault(cid, _Raw())
            raw.sources.append(f"{path}:{line_of(node)}")
            for k in node:
                if k not in _ENTRY_KEYS:
                    errors.append(f"{path}:{line_of(node, k)}: checks[{i}].{k}: unknown key")
            if "params" in node:
                if not isinstance(node["params"], CommentedMap):
                    errors.append(f"{path}:{line_of(node, 'params')}: checks[{i}].params: must be a mapping")
                else:
                    raw.params.update(plain(node["params"]))
                    raw.node, raw.path = node["params"], path
            if "severity" in node:
                sev = str(node["severity"])
                if sev not in SEVERITIES:
                    errors.append(f"{path}:{line_of(node, 'severity')}: checks[{i}].severity: "
                                  f"unknown severity {sev!r} (one of {', '.join(SEVERITIES)})")
                raw.severity = sev
            if "enabled" in node:
                raw.enabled = bool(node["enabled"])
            for attr, allowed in _SCOPES.items():
                if attr in node:
                    vals = node[attr]
                    vals = [vals] if isinstance(vals, str) else list(vals or [])
                    bad = [v for v in vals if v not in allowed]
                    if bad:
                        errors.append(f"{path}:{line_of(node, attr)}: checks[{i}].{attr}: unknown "
                                      f"{', '.join(map(repr, bad))} (one of {', '.join(allowed)})")
                    raw.scope[attr] = tuple(vals)
    entries: dict[str, CheckEntry] = {}
    for cid, raw in raws.items():
        if not raw.enabled:
            continue
        cls = REGISTRY.get(cid) or customs[cid]
        try:
            params = cls.Params.model_validate(raw.params)
        except ValidationError as e:
            if raw.path is not None:
                errors.extend(pydantic_messages(raw.path, raw.node, e, f"{cid}.params"))
            else:
                errors.append(f"{raw.sources[0]}: {cid}: {e.errors()[0]['msg']}")
            continue
        entries[cid] = CheckEntry(cls(), params, raw.severity or cls.severity, raw.scope, raw.sources)
    if errors:
        raise PolicyError("\n".join(errors))
    return Policy(entries, [str(f) for f in files])
