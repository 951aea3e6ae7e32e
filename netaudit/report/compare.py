"""Compare two audits: new, fixed and unchanged failures per device (keyed by device + check).

* **new**       fails now, did not fail before (absent, or another status);
* **fixed**     failed before, passes now;
* **unchanged** fails in both;
* **other**     failed before and now is neither pass nor fail (error, skipped, waived, or gone).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.table import Table

from netaudit.report import i18n
from netaudit.results import Finding, Results

Key = tuple[str, str]


@dataclass
class Change:
    device: str
    check: str
    severity: str
    old_status: str | None
    new_status: str | None
    message: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"device": self.device, "check": self.check, "severity": self.severity,
                "old_status": self.old_status, "new_status": self.new_status, "message": self.message}


@dataclass
class Comparison:
    new: list[Change] = field(default_factory=list)
    fixed: list[Change] = field(default_factory=list)
    unchanged: list[Change] = field(default_factory=list)
    other: list[Change] = field(default_factory=list)
    old_snapshot: str = ""
    new_snapshot: str = ""

    def by_device(self) -> dict[str, dict[str, list[Change]]]:
        """device → {"new": [...], "fixed": [...], "unchanged": [...], "other": [...]}."""
        out: dict[str, dict[str, list[Change]]] = {}
        for kind in ("new", "fixed", "unchanged", "other"):
            for c in getattr(self, kind):
                out.setdefault(c.device, {"new": [], "fixed": [], "unchanged": [], "other": []})[kind].append(c)
        return dict(sorted(out.items()))

    def to_json(self) -> str:
        return json.dumps({
            "old_snapshot": self.old_snapshot, "new_snapshot": self.new_snapshot,
            "counts": {k: len(getattr(self, k)) for k in ("new", "fixed", "unchanged", "other")},
            "devices": {d: {k: [c.to_dict() for c in v] for k, v in kinds.items()}
                        for d, kinds in self.by_device().items()},
        }, ensure_ascii=False, indent=2)

    def to_markdown(self, lang: str = "zh") -> str:
        t = lambda key: i18n.t(key, lang)  # noqa: E731
        out = [f"# {t('compare_title')}: `{self.old_snapshot}` → `{self.new_snapshot}`", "",
               f"| {t('new')} | {t('fixed')} | {t('unchanged')} |", "|---|---|---|",
               f"| {len(self.new)} | {len(self.fixed)} | {len(self.unchanged)} |"]
        for dev, kinds in self.by_device().items():
            out += ["", f"## {dev}", ""]
            for kind in ("new", "fixed", "unchanged", "other"):
                for c in kinds[kind]:
                    label = t(kind) if kind != "other" else t("other_devices")
                    out.append(f"- **{label}** `{c.check}` ({c.severity}) {c.old_status or '-'} → "
                               f"{c.new_status or '-'} {c.message}".rstrip())
        return "\n".join(out) + "\n"

    def render_table(self, console: Console, lang: str = "zh") -> None:
        table = Table(title=f"{i18n.t('compare_title', lang)}: {self.old_snapshot} → {self.new_snapshot}")
        for col in (i18n.t("device", lang), i18n.t("check", lang), i18n.t("severity", lang), "", ""):
            table.add_column(col)
        styles = {"new": "bold red", "fixed": "green", "unchanged": "yellow", "other": "dim"}
        for dev, kinds in self.by_device().items():
            for kind, changes in kinds.items():
                for c in changes:
                    table.add_row(dev, c.check, c.severity, f"[{styles[kind]}]{kind}[/]",
                                  f"{c.old_status or '-'} → {c.new_status or '-'}")
        console.print(table)


def _index(results: Results) -> dict[Key, Finding]:
    return {(f.device, f.check): f for f in results.findings}


def compare(old: Results, new: Results) -> Comparison:
    """The failures that appeared, disappeared or stayed between two audits."""
    a, b = _index(old), _index(new)
    cmp = Comparison(old_snapshot=old.snapshot.name, new_snapshot=new.snapshot.name)
    for key in sorted(set(a) | set(b)):
        fa, fb = a.get(key), b.get(key)
        was = fa.status if fa else None
        now = fb.status if fb else None
        ref = fb or fa
        assert ref is not None
        ch = Change(key[0], key[1], ref.severity, was, now, ref.message)
        if now == "fail" and was == "fail":
            cmp.unchanged.append(ch)
        elif now == "fail":
            cmp.new.append(ch)
        elif was == "fail" and now == "pass":
            cmp.fixed.append(ch)
        elif was == "fail":
            cmp.other.append(ch)
    return cmp
