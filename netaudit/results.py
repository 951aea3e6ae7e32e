"""Audit results: the findings and the results JSON of product.md §4.5 (an external contract).

Fields may be added, never removed or renamed.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Status = Literal["pass", "fail", "error", "skipped", "waived"]
Severity = Literal["critical", "high", "medium", "low", "info"]
STATUSES: tuple[Status, ...] = ("pass", "fail", "error", "skipped", "waived")
SEVERITIES: tuple[Severity, ...] = ("critical", "high", "medium", "low", "info")


def severity_rank(sev: str) -> int:
    """Higher is worse: critical=4 … info=0."""
    return {"critical": 4, "high": 3, "medium": 2, "low": 1, "info": 0}[sev]


class Evidence(BaseModel):
    """One evidence line: the snapshot-relative file, 1-based line, and the (redacted) text."""

    file: str
    line: int | None = None
    text: str = ""


class Finding(BaseModel):
    """One device × check result."""

    check: str
    device: str
    status: Status
    severity: Severity
    controls: list[str] = Field(default_factory=list)
    message: str = ""
    evidence: list[Evidence] = Field(default_factory=list)
    remediation: list[str] = Field(default_factory=list)
    # extensions (allowed by the contract): titles, context for reports
    title_zh: str = ""
    title_en: str = ""
    zone: str = ""
    tier: str = ""
    site: str = ""
    waiver: dict[str, str] | None = None
    data: dict[str, object] = Field(default_factory=dict)


class ToolInfo(BaseModel):
    name: str = "netaudit"
    version: str = ""


class SnapshotInfo(BaseModel):
    name: str = ""
    devices: int = 0


class Summary(BaseModel):
    pass_: int = Field(0, alias="pass")
    fail: int = 0
    error: int = 0
    skipped: int = 0
    waived: int = 0

    model_config = {"populate_by_name": True}


class Results(BaseModel):
    """The whole results document."""

    tool: ToolInfo = Field(default_factory=ToolInfo)
    snapshot: SnapshotInfo = Field(default_factory=SnapshotInfo)
    summary: Summary = Field(default_factory=Summary)
    findings: list[Finding] = Field(default_factory=list)
    # extensions
    generated_at: str = ""
    project: str = ""
    ipv6_readiness: dict[str, dict[str, float]] = Field(default_factory=dict)
    devices: list[dict[str, object]] = Field(default_factory=list)

    def recount(self) -> None:
        counts = {s: 0 for s in STATUSES}
        for f in self.findings:
            counts[f.status] += 1
        self.summary = Summary.model_validate(counts)

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True, indent=2)
