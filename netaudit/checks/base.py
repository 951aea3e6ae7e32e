"""The check framework: one class per check, a registry, and outcomes.

A check declares a stable kebab-case ``id`` with an area prefix, zh/en titles, a default
severity, the GB/T 22239-2019 clauses it serves (``controls``), the outputs it needs and where it
applies (platforms, zones, tiers, roles). Its parameters are a strict pydantic ``Params`` model.

Device checks implement ``evaluate(dev, params)`` on a ``DeviceContext``; network checks (topology) implement
``evaluate_network(net, params)`` and return one outcome per applicable device. The runner turns
an exception inside a check into an ``error`` finding for that device only, and a check whose
outputs are missing into ``skipped`` — a check never passes without seeing its evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from netaudit.results import Evidence, Severity

CONFIG = "display current-configuration"


class NoParams(BaseModel):
    """This check takes no parameters."""

    model_config = ConfigDict(extra="forbid")


@dataclass
class Outcome:
    """What a check concluded for one device (the runner adds device, ids and evidence files)."""

    status: str  # pass | fail | skipped | error
    message: str
    #: (line, text) in ``source``, or model Evidence objects (which name their own command)
    evidence: list[Any] = field(default_factory=list)
    remediation: list[str] = field(default_factory=list)
    #: evidence file: a command (its snapshot file) or "inventory" for topology facts
    source: str = CONFIG
    data: dict[str, Any] = field(default_factory=dict)
    severity: Severity | None = None
    extra_evidence: list[Evidence] = field(default_factory=list)


def passed(message: str, evidence: Iterable[Any] = (), **kw: Any) -> Outcome:
    return Outcome("pass", message, list(evidence), **kw)


def failed(message: str, evidence: Iterable[Any] = (),
           remediation: Iterable[str] = (), **kw: Any) -> Outcome:
    return Outcome("fail", message, list(evidence), list(remediation), **kw)


def skipped(message: str, **kw: Any) -> Outcome:
    """The check could not see its evidence: reports show it as manual review (人工核查)."""
    return Outcome("skipped", message, **kw)


def not_applicable(message: str, **kw: Any) -> Outcome:
    """The check has nothing to judge on this device (e.g. no user port): reports show 不适用."""
    data = {**kw.pop("data", {}), "not_applicable": True}
    return Outcome("skipped", message, data=data, **kw)


@dataclass
class DeviceContext:
    """What a device check sees: the inventory entry, the parsed model and the config tree."""

    host: Any  # netaudit.inventory.Device
    model: Any  # netaudit.model.Device (None when the config is missing)
    tree: Any  # netaudit.parse.config_tree.ConfigTree (None when the config is missing)
    outputs: frozenset[str] = frozenset()
    #: add to a tree node's ``line_no`` to get the line in the stored file
    line_offset: int = 0

    def line(self, node: Any) -> int:
        """Line in the stored config file of a config-tree node."""
        return int(node.line_no) + self.line_offset

    def has(self, command: str) -> bool:
        return command in self.outputs


class Check:
    """Base class of every check. Subclasses set the class attributes and one evaluate method."""

    id: ClassVar[str]
    title_zh: ClassVar[str]
    title_en: ClassVar[str]
    severity: ClassVar[Severity] = "medium"
    controls: ClassVar[tuple[str, ...]] = ()
    #: commands whose outputs the check reads (missing → skipped)
    needs: ClassVar[tuple[str, ...]] = (CONFIG,)
    platforms: ClassVar[tuple[str, ...] | None] = None
    zones: ClassVar[tuple[str, ...] | None] = None
    tiers: ClassVar[tuple[str, ...] | None] = None
    roles: ClassVar[tuple[str, ...] | None] = None
    #: "device" checks see one device model; "network" checks see the whole network
    scope: ClassVar[str] = "device"
    Params: ClassVar[type[BaseModel]] = NoParams

    def evaluate(self, dev: DeviceContext, params: Any) -> Outcome:  # pragma: no cover - abstract
        raise NotImplementedError

    def evaluate_network(self, net: Any, params: Any) -> dict[str, Outcome]:  # pragma: no cover
        raise NotImplementedError


REGISTRY: dict[str, type[Check]] = {}

AREAS = ("aaa", "mgmt", "log", "snmp", "ipv6", "access", "fw", "topo", "custom")


def register(cls: type[Check]) -> type[Check]:
    """Class decorator: add a check to the registry (ids must be unique and well-formed)."""
    cid = cls.id
    area = cid.split("-", 1)[0]
    if area not in AREAS or cid != cid.lower() or " " in cid:
        raise ValueError(f"bad check id {cid!r}")
    if cid in REGISTRY and REGISTRY[cid] is not cls:
        raise ValueError(f"duplicate check id {cid!r}")
    REGISTRY[cid] = cls
    return cls
