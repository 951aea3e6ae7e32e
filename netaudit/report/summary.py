"""Aggregations shared by every report format: clause verdicts, scores, device facts.

Verdict of one item (符合情况) from the findings that carry it in ``controls``:

* some ``fail`` → 部分符合 when some ``pass`` too, else 不符合;
* only ``pass`` → 符合 when the item is device-decidable (``Control.checkable == "yes"``) and
  no finding ended in ``error``/``waived``; otherwise 人工核查 (never 符合 by default);
* no pass or fail: only ``skipped`` findings marked not applicable (``data.not_applicable``
  true) → 不适用; anything else (no finding, errors, waivers, skips for missing output) → 人工核查.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from netaudit.controls import Control, all_controls, resolve
from netaudit.results import Finding, Results

Verdict = Literal["符合", "部分符合", "不符合", "不适用", "人工核查"]
VERDICTS: tuple[Verdict, ...] = ("符合", "部分符合", "不符合", "不适用", "人工核查")
#: 分值 per verdict; the other verdicts have no points (blank)
POINTS: dict[str, float] = {"符合": 1.0, "部分符合": 0.5, "不符合": 0.0}
VERDICT_CLASS: dict[str, str] = {"符合": "v-ok", "部分符合": "v-partial", "不符合": "v-fail",
                                 "不适用": "v-na", "人工核查": "v-manual"}


def is_not_applicable(f: Finding) -> bool:
    """A skipped finding whose check does not apply to the device (not a missing output)."""
    return f.status == "skipped" and bool(f.data.get("not_applicable"))


@dataclass
class ItemResult:
    """The verdict of one item over a set of findings (one device, or all devices)."""

    control: Control
    verdict: Verdict
    findings: list[Finding] = field(default_factory=list)

    @property
    def points(self) -> float | None:
        return POINTS.get(self.verdict)

    def devices_with(self, *statuses: str) -> list[str]:
        return sorted({f.device for f in self.findings if f.status in statuses})


def verdict_for(control: Control, findings: Iterable[Finding]) -> Verdict:
    """符合情况 of ``control`` given the findings that touch it (see module docstring)."""
    fs = list(findings)
    n_pass = sum(f.status == "pass" for f in fs)
    n_fail = sum(f.status == "fail" for f in fs)
    undecided = any(f.status in ("error", "waived") for f in fs)
    if n_fail:
        return "部分符合" if n_pass else "不符合"
    if n_pass:
        return "符合" if control.device_decidable and not undecided else "人工核查"
    if fs and all(is_not_applicable(f) for f in fs):
        return "不适用"
    return "人工核查"


def findings_by_control(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """Catalog item id → the findings whose ``controls`` name it (bare clauses expand to items)."""
    out: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        seen: set[str] = set()
        for cid in f.controls:
            for c in resolve(cid):
                if c.id not in seen:
                    seen.add(c.id)
                    out[c.id].append(f)
    return out


def item_results(findings: Iterable[Finding]) -> list[ItemResult]:
    """One :class:`ItemResult` per catalog item, in standard order."""
    by = findings_by_control(findings)
    return [ItemResult(c, verdict_for(c, by.get(c.id, [])), by.get(c.id, [])) for c in all_controls()]


def unknown_controls(results: Results) -> list[str]:
    """Control ids carried by findings that the catalog does not know."""
    return sorted({cid for f in results.findings for cid in f.controls if not resolve(cid)})


@dataclass
class Score:
    passed: int = 0
    failed: int = 0
    other: int = 0

    @property
    def percent(self) -> float | None:
        """pass / (pass + fail) in percent; None when nothing was decided."""
        n = self.passed + self.failed
        return round(100.0 * self.passed / n, 1) if n else None

    def add(self, f: Finding) -> None:
        if f.status == "pass":
            self.passed += 1
        elif f.status == "fail":
            self.failed += 1
        else:
            self.other += 1


def device_facts(results: Results, inventory: Any = None) -> dict[str, dict[str, Any]]:
    """hostname → {hostname, mgmt_ip, model, software_version, zone, tier, site, chassis}.

    Merged from the inventory, ``results.devices`` and the findings (later sources fill gaps).
    """
    keys = ("hostname", "mgmt_ip", "model", "software_version", "zone", "tier", "site", "role", "chassis")
    facts: dict[str, dict[str, Any]] = {}

    def merge(host: str, src: dict[str, Any]) -> None:
        d = facts.setdefault(host, {k: "" for k in keys} | {"hostname": host, "chassis": 1})
        for k in keys:
            v = src.get(k)
            if v not in (None, "") and d.get(k) in (None, "", 1):
                d[k] = v

    for entry in results.devices:
        host = str(entry.get("hostname") or "")
        if host:
            merge(host, dict(entry))
    if inventory is not None:
        for dev in getattr(inventory, "devices", []):
            merge(dev.hostname, {k: getattr(dev, k, None) for k in keys})
    for f in results.findings:
        merge(f.device, {"zone": f.zone, "tier": f.tier, "site": f.site})
    return facts


def scores_by(results: Results, facts: dict[str, dict[str, Any]], key: str) -> dict[str, Score]:
    """Scores grouped by a device fact (``zone``, ``tier``) or ``severity``/``check``."""
    out: dict[str, Score] = defaultdict(Score)
    for f in results.findings:
        if key in ("severity", "check"):
            k = getattr(f, key)
        else:
            k = getattr(f, key, "") or str(facts.get(f.device, {}).get(key, "")) or "-"
        out[k].add(f)
    return dict(out)


def ipv6_device_scores(results: Results) -> dict[str, float]:
    """hostname → mean ``data.score`` of its ``ipv6-*`` findings (only where a score is present)."""
    acc: dict[str, list[float]] = defaultdict(list)
    for f in results.findings:
        sc = f.data.get("score")
        if f.check.startswith("ipv6-") and isinstance(sc, int | float):
            acc[f.device].append(float(sc))
    return {h: round(sum(v) / len(v), 3) for h, v in sorted(acc.items())}


def as_percent(value: float | None) -> str:
    """0.83 or 83 → '83%'; None → '-'."""
    if value is None:
        return "-"
    v = value * 100 if value <= 1.0 else value
    return f"{v:.0f}%"
