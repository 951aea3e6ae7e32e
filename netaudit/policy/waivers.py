"""Waivers (``policies/waivers.yaml``): accepted deviations with a reason, an approver and an expiry.

::

    waivers:
      - check: mgmt-ssh-only
        device: CZ-FX-V-DONGJIN          # a hostname, or `limit:` with a --limit expression
        reason: 村级交换机待更换，已加 ACL 限制
        approver: 张工 (市政数局)
        expires: 2027-06-30

A waived finding keeps its evidence and gets status ``waived``; an expired waiver no longer
applies and the finding's message says so. Only failing findings are waived.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from ruamel.yaml.comments import CommentedMap

from netaudit.errors import PolicyError, SelectorError
from netaudit.inventory.models import Device
from netaudit.inventory.select import matches, parse_limit
from netaudit.results import Finding
from netaudit.yamlsrc import line_of, load_yaml, plain, pydantic_messages


class Waiver(BaseModel):
    """One accepted deviation."""

    model_config = ConfigDict(extra="forbid")

    check: str = Field(description="check id (or a glob such as mgmt-*)")
    device: str | None = Field(None, description="hostname the waiver covers")
    limit: str | None = Field(None, description="--limit expression of the devices it covers")
    reason: str = Field(min_length=1, description="why the deviation is accepted")
    approver: str = Field(min_length=1, description="who accepted it")
    expires: dt.date = Field(description="last day the waiver applies")
    where: str = Field("", description="file:line (filled by the loader)")

    @model_validator(mode="after")
    def _target(self) -> Waiver:
        if not self.device and not self.limit:
            raise ValueError("needs a 'device' or a 'limit'")
        if self.limit:
            try:
                parse_limit(self.limit)
            except SelectorError as e:
                raise ValueError(str(e)) from None
        return self

    def covers(self, finding: Finding, device: Device | None) -> bool:
        import fnmatch

        if not fnmatch.fnmatchcase(finding.check, self.check):
            return False
        if self.device and finding.device == self.device:
            return True
        return bool(self.limit and device is not None and matches(device, self.limit))


def load_waivers(path: Path, known_checks: set[str] | None = None) -> list[Waiver]:
    """Read a waiver file (absent file → no waivers); PolicyError naming file:line."""
    if not path.exists():
        return []
    doc = load_yaml(path)
    if doc is None:
        return []
    if not isinstance(doc, CommentedMap) or not isinstance(doc.get("waivers", []), list):
        raise PolicyError(f"{path}:1: expected a mapping with a 'waivers' list")
    out: list[Waiver] = []
    errors: list[str] = []
    for i, node in enumerate(doc.get("waivers") or []):
        data: dict[str, Any] = plain(node) if isinstance(node, dict) else {}
        data["where"] = f"{path}:{line_of(node)}"
        try:
            w = Waiver.model_validate(data)
        except ValidationError as e:
            errors.extend(pydantic_messages(path, node, e, f"waivers[{i}]"))
            continue
        if known_checks is not None and "*" not in w.check and w.check not in known_checks:
            errors.append(f"{path}:{line_of(node, 'check')}: waivers[{i}].check: unknown check {w.check!r}")
            continue
        out.append(w)
    if errors:
        raise PolicyError("\n".join(errors))
    return out


def apply_waivers(findings: list[Finding], waivers: list[Waiver], devices: dict[str, Device],
                  today: dt.date | None = None) -> None:
    """Mark covered failing findings ``waived`` in place; note expired waivers in the message."""
    today = today or dt.date.today()
    for f in findings:
        if f.status != "fail":
            continue
        for w in waivers:
            if not w.covers(f, devices.get(f.device)):
                continue
            info = {"reason": w.reason, "approver": w.approver, "expires": w.expires.isoformat(),
                    "source": w.where}
            if w.expires < today:
                info["expired"] = "true"
                f.waiver = info
                f.message += f" (waiver expired {w.expires.isoformat()}: no longer applies / 豁免已过期)"
                continue
            f.status = "waived"
            f.waiver = info
            break
