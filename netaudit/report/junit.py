"""JUnit XML for CI: a testsuite per device, a testcase per device × check.

classname = device, name = check; fail → ``<failure>``, error → ``<error>``,
skipped/waived → ``<skipped>``. The counts on ``testsuites`` and each ``testsuite`` add up.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from netaudit.results import Finding, Results


def _body(f: Finding) -> str:
    lines = [f.message] if f.message else []
    if f.controls:
        lines.append("controls: " + ", ".join(f.controls))
    lines += [f"{ev.file}:{ev.line or '-'}: {ev.text}" for ev in f.evidence]
    if f.remediation:
        lines.append("remediation:")
        lines += [f"  {r}" for r in f.remediation]
    return "\n".join(lines)


def render_junit(results: Results) -> str:
    """The JUnit XML document as text (UTF-8, with declaration)."""
    by_device: dict[str, list[Finding]] = {}
    for f in results.findings:
        by_device.setdefault(f.device, []).append(f)
    root = ET.Element("testsuites", name="netaudit")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for host in sorted(by_device):
        fs = sorted(by_device[host], key=lambda f: f.check)
        counts = {"tests": len(fs), "failures": sum(f.status == "fail" for f in fs),
                  "errors": sum(f.status == "error" for f in fs),
                  "skipped": sum(f.status in ("skipped", "waived") for f in fs)}
        suite = ET.SubElement(root, "testsuite", {"name": host, **{k: str(v) for k, v in counts.items()}})
        if results.generated_at:
            suite.set("timestamp", results.generated_at)
        for f in fs:
            case = ET.SubElement(suite, "testcase", classname=host, name=f.check)
            if f.status == "fail":
                el = ET.SubElement(case, "failure", message=f.message or f.check, type=f.severity)
                el.text = _body(f)
            elif f.status == "error":
                el = ET.SubElement(case, "error", message=f.message or f.check, type="error")
                el.text = _body(f)
            elif f.status in ("skipped", "waived"):
                reason = f.message
                if f.status == "waived" and f.waiver:
                    reason = f"waived: {f.waiver.get('reason', '')}".strip()
                ET.SubElement(case, "skipped", message=reason or f.status)
        for k in totals:
            totals[k] += counts[k]
    for k, v in totals.items():
        root.set(k, str(v))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
