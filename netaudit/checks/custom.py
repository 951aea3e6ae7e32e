"""Declarative custom rules: a line that must (or must not) be present, no Python needed.

In a policy catalog::

    rules:
      - id: custom-login-banner            # kebab-case with an area prefix (custom-, mgmt-, ...)
        title_zh: 登录前须显示警示横幅
        title_en: Login banner is configured
        severity: low
        controls: [8.1.4.1a]
        must: present                      # present | absent
        pattern: '^header login information'   # anchored at the start of the stripped line
        within: '^user-interface vty'      # optional: only inside top-level sections matching this
        zones: [core, aggregation]         # optional scoping: zones, tiers, roles, platforms
        remediation: ['header login information "Authorized access only"']

Patterns are anchored at the start of the line, so ``^telnet server enable`` never matches its
negation ``undo telnet server enable``. With ``within``, a section that is absent means the rule
has nothing to judge: ``must: present`` fails (the section is missing), ``must: absent`` passes.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from netaudit.checks.base import AREAS, Check, DeviceContext, NoParams, Outcome, failed, passed, skipped
from netaudit.inventory.models import PLATFORMS, ROLES, TIERS, ZONES
from netaudit.results import Severity


class CustomRule(BaseModel):
    """One declarative rule (validated strictly; unknown keys are errors)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)+$", description="kebab-case id with an area prefix")
    title_zh: str = Field(description="Chinese title")
    title_en: str = Field("", description="English title")
    severity: Severity = Field("medium", description="default severity")
    controls: list[str] = Field(default_factory=list, description="GB/T 22239-2019 clauses, e.g. 8.1.4.1a")
    must: Literal["present", "absent"] = Field(description="whether the pattern must be present or absent")
    pattern: str = Field(description="regex matched at the start of each stripped config line")
    within: str | None = Field(None, description="regex of the top-level sections to look in")
    zones: list[str] | None = None
    tiers: list[str] | None = None
    roles: list[str] | None = None
    platforms: list[str] | None = None
    remediation: list[str] = Field(default_factory=list, description="commands that fix a failure")

    @field_validator("id")
    @classmethod
    def _area(cls, v: str) -> str:
        if v.split("-", 1)[0] not in AREAS:
            raise ValueError(f"id must start with an area prefix: {', '.join(a + '-' for a in AREAS)}")
        return v

    @field_validator("pattern", "within")
    @classmethod
    def _regex(cls, v: str | None) -> str | None:
        if v is not None:
            try:
                re.compile(v)
            except re.error as e:
                raise ValueError(f"bad regex {v!r}: {e}") from None
        return v

    @field_validator("zones", "tiers", "roles", "platforms")
    @classmethod
    def _scope(cls, v: list[str] | None, info: Any) -> list[str] | None:
        allowed = {"zones": ZONES, "tiers": TIERS, "roles": ROLES, "platforms": PLATFORMS}[info.field_name]
        for x in v or []:
            if x not in allowed:
                raise ValueError(f"unknown {info.field_name[:-1]} {x!r} (one of {', '.join(allowed)})")
        return v


def _strip_caret(p: str) -> str:
    return p[1:] if p.startswith("^") else p


def make_rule_check(rule: CustomRule) -> type[Check]:
    """A Check class evaluating one custom rule."""
    pat = re.compile(_strip_caret(rule.pattern))
    within = re.compile(_strip_caret(rule.within)) if rule.within else None

    class RuleCheck(Check):
        id: ClassVar[str] = rule.id
        title_zh: ClassVar[str] = rule.title_zh
        title_en: ClassVar[str] = rule.title_en or rule.title_zh
        severity: ClassVar[Severity] = rule.severity
        controls: ClassVar[tuple[str, ...]] = tuple(rule.controls)
        zones: ClassVar[tuple[str, ...] | None] = tuple(rule.zones) if rule.zones else None
        tiers: ClassVar[tuple[str, ...] | None] = tuple(rule.tiers) if rule.tiers else None
        roles: ClassVar[tuple[str, ...] | None] = tuple(rule.roles) if rule.roles else None
        platforms: ClassVar[tuple[str, ...] | None] = tuple(rule.platforms) if rule.platforms else None
        Params: ClassVar[type[BaseModel]] = NoParams

        def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:
            tree = dev.tree
            if tree is None:
                return skipped("no configuration recorded")
            if within is not None:
                sections = [n for n in tree.top if within.match(n.text)]
                if not sections:
                    if rule.must == "present":
                        return failed(f"no section matching {rule.within!r}", remediation=rule.remediation)
                    return passed(f"no section matching {rule.within!r}, so nothing to forbid")
                nodes = [n for s in sections for n in s.walk()]
            else:
                nodes = list(tree.walk())
            hits = [(dev.line(n), n.text) for n in nodes if pat.match(n.text)]
            if rule.must == "present":
                if hits:
                    return passed(f"found {rule.pattern!r}", hits[:5])
                return failed(f"missing a line matching {rule.pattern!r}", remediation=rule.remediation)
            if hits:
                return failed(f"forbidden line matching {rule.pattern!r}", hits[:5], rule.remediation)
            return passed(f"no line matching {rule.pattern!r}")

    RuleCheck.__name__ = RuleCheck.__qualname__ = "Rule_" + rule.id.replace("-", "_")
    return RuleCheck
