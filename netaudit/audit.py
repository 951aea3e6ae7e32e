"""The audit: inventory + snapshot + policy → findings (product.md §4.5).

Devices are processed in parallel worker processes (parse, build the model, run device checks);
network checks (topology) then run once over all models. One broken device or check never stops
the run: it becomes ``error`` findings for that device only.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from netaudit import __version__
from netaudit.checks.base import CONFIG, DeviceContext, Outcome
from netaudit.errors import NetauditError, ParseError
from netaudit.inventory.models import Device as InvDevice
from netaudit.inventory.models import Inventory
from netaudit.policy.catalog import CheckEntry, Policy
from netaudit.policy.waivers import Waiver, apply_waivers
from netaudit.redact import redact
from netaudit.results import Evidence, Finding, Results, SnapshotInfo, ToolInfo
from netaudit.snapshot.naming import command_filename
from netaudit.snapshot.store import Snapshot

#: the outputs the model builder reads, when recorded
COMMANDS = (
    "display current-configuration", "display version", "display interface brief",
    "display lldp neighbor brief", "display eth-trunk", "display css status", "display stack",
    "display vrrp brief", "display ip interface brief", "display ipv6 interface brief",
)


@dataclass
class LoadedDevice:
    """A device after parsing: its model and tree, or the reason it could not be parsed."""

    host: InvDevice
    model: Any = None
    tree: Any = None
    outputs: frozenset[str] = frozenset()
    error: str | None = None
    #: lines cleaning removed above the config text (tree line + offset = line in the file)
    line_offset: int = 0
    #: recorded outputs that could not be parsed: command → reason (checks treat them as missing)
    failed: dict[str, str] = field(default_factory=dict)

    def usable(self, command: str) -> bool:
        """Recorded and parsed: a check may rely on what the model took from it."""
        return command in self.outputs and command not in self.failed

    def why_unusable(self, command: str) -> str:
        if command in self.failed:
            return f"`{command}` could not be parsed ({self.failed[command]}) / 输出无法解析"
        return f"`{command}` not recorded / 未采集"


@dataclass
class NetworkContext:
    """What network (topology) checks see."""

    inventory: Inventory
    selected: list[InvDevice]
    devices: dict[str, LoadedDevice] = field(default_factory=dict)


def parse_outputs(host: InvDevice, outputs: dict[str, str]) -> LoadedDevice:
    """Build the model and config tree of one device from its outputs (command → text)."""
    from netaudit.model import build_device
    from netaudit.parse.clean import clean_with_offset, looks_clean
    from netaudit.parse.config_tree import parse_config

    present = frozenset(outputs)
    if CONFIG not in outputs:
        return LoadedDevice(host, outputs=present)
    try:
        model = build_device(host.hostname, host.platform, outputs)
        raw = outputs[CONFIG]
        text, offset = (raw, 0) if looks_clean(raw) else clean_with_offset(raw, CONFIG)
        tree = parse_config(text, device=host.hostname, command=CONFIG)
    except ParseError as e:
        where = f"{host.hostname}/{command_filename(e.command)}" if e.command in outputs else host.hostname
        if e.line_no:
            where += f":{e.line_no}"
        text = f"{where}: {e.reason}" + (f": {redact(e.line.strip())[:80]!r}" if e.line else "")
        return LoadedDevice(host, outputs=present, error=text)
    except NetauditError as e:
        return LoadedDevice(host, outputs=present, error=str(e))
    return LoadedDevice(host, model=model, tree=tree, outputs=present, line_offset=offset,
                        failed=dict(getattr(model, "outputs_failed", {}) or {}))


def load_device(snapshot: Snapshot, host: InvDevice) -> LoadedDevice:
    """Read the recorded outputs of one device and build its model."""
    outputs: dict[str, str] = {}
    for cmd in COMMANDS:
        if snapshot.has(host.hostname, cmd):
            outputs[cmd] = snapshot.read_text(host.hostname, cmd)
    dev = parse_outputs(host, outputs)
    if dev.tree is not None and dev.error is None:
        problem = config_problem(dev.tree)
        if problem:
            file = snapshot.relpath(host.hostname, CONFIG)
            dev.error = f"{file}: {problem}"
    return dev


def config_problem(tree: Any) -> str | None:
    """Why a recorded configuration cannot be trusted as complete, or None.

    Every saved VRP/Comware configuration names the device (``sysname``) and ends with
    ``return``; without them the file is garbled or was cut off, and checks reading it would
    report absences that are not real."""
    if not any(n.text.startswith("sysname ") for n in tree.top):
        return "not a device configuration: no `sysname` line (garbled or wrong file?)"
    if not tree.ended:
        last = max((n.line_no for n in tree.walk()), default=0)
        return f"truncated: no closing `return` after line {last} (cut-off capture?)"
    return None


def _finding(entry: CheckEntry, host: InvDevice, out: Outcome) -> Finding:
    cls = entry.check
    src = out.source
    file = src if src == "inventory" else f"{host.hostname}/{command_filename(src)}"
    evidence = []
    for item in out.evidence:
        if isinstance(item, tuple):
            ln, text = item
            evidence.append(Evidence(file=file, line=ln, text=redact(text)))
        else:  # a model Evidence: carries its own command
            evidence.append(Evidence(file=f"{host.hostname}/{command_filename(item.command)}",
                                     line=item.line or None, text=redact(item.text)))
    evidence += [e.model_copy(update={"text": redact(e.text)}) for e in out.extra_evidence]
    return Finding(
        check=cls.id, device=host.hostname, status=out.status,
        severity=out.severity or entry.severity,
        controls=list(cls.controls), message=redact(out.message), evidence=evidence,
        remediation=[redact(r) for r in out.remediation], title_zh=cls.title_zh, title_en=cls.title_en,
        zone=host.zone, tier=host.tier or "", site=host.site, data=out.data,
    )


def run_device_checks(dev: LoadedDevice, entries: list[CheckEntry]) -> list[Finding]:
    """Every applicable device check on one device: one finding each, passes included."""
    findings: list[Finding] = []
    usable = frozenset(c for c in dev.outputs if c not in dev.failed)
    ctx = DeviceContext(dev.host, dev.model, dev.tree, usable, dev.line_offset)
    for entry in entries:
        if entry.check.scope != "device" or not entry.applies(dev.host):
            continue
        missing = [c for c in entry.check.needs if c not in dev.outputs]
        broken = [c for c in entry.check.needs if c in dev.failed]
        if dev.error is not None and CONFIG in dev.outputs:
            out = Outcome("error", f"the device could not be parsed: {dev.error}")
        elif missing:
            out = Outcome("skipped", "not recorded: " + ", ".join(missing) + " / 缺少输出")
        elif broken:
            out = Outcome("skipped", "; ".join(dev.why_unusable(c) for c in broken))
        else:
            try:
                out = entry.check.evaluate(ctx, entry.params)
            except Exception as e:  # a broken check is an error for this device only
                out = Outcome("error", f"check failed: {type(e).__name__}: {e}")
        findings.append(_finding(entry, dev.host, out))
    return findings


def run_network_checks(net: NetworkContext, entries: list[CheckEntry]) -> list[Finding]:
    findings: list[Finding] = []
    for entry in entries:
        if entry.check.scope != "network":
            continue
        targets = [h for h in net.selected if entry.applies(h)]
        if not targets:
            continue
        try:
            outcomes = entry.check.evaluate_network(net, entry.params)
        except Exception as e:
            outcomes = {h.hostname: Outcome("error", f"check failed: {type(e).__name__}: {e}") for h in targets}
        for h in targets:
            if h.hostname in outcomes:
                findings.append(_finding(entry, h, outcomes[h.hostname]))
    return findings


# Worker state is inherited through fork: custom-rule classes are not picklable.
_STATE: dict[str, Any] = {}


def _work(hostname: str) -> tuple[LoadedDevice, list[Finding]]:
    host = _STATE["hosts"][hostname]
    dev = load_device(_STATE["snapshot"], host)
    findings = run_device_checks(dev, _STATE["entries"])
    dev.tree = None  # not needed by network checks; keeps the pickle small
    return dev, findings


def ipv6_readiness(findings: list[Finding], hosts: list[InvDevice]) -> tuple[dict[str, dict[str, float]],
                                                                         dict[str, float]]:
    """Share of passed IPv6 checks (pass / (pass + fail)) by zone, tier and device, 0–100."""
    per_dev: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for f in findings:
        if f.check.startswith("ipv6-") and f.status in ("pass", "fail", "waived"):
            per_dev[f.device][0] += f.status != "fail"
            per_dev[f.device][1] += 1
    device_score = {h: round(100 * p / n, 1) for h, (p, n) in per_dev.items() if n}
    out: dict[str, dict[str, float]] = {"zone": {}, "tier": {}}
    for key in ("zone", "tier"):
        groups: dict[str, list[float]] = defaultdict(list)
        for h in hosts:
            if h.hostname in device_score:
                groups[getattr(h, key) or ""].append(device_score[h.hostname])
        out[key] = {g: round(sum(v) / len(v), 1) for g, v in groups.items()}
    return out, device_score


def run_audit(inventory: Inventory, selected: list[InvDevice], snapshot: Snapshot, policy: Policy,
              waivers: list[Waiver], *, workers: int | None = None, today: dt.date | None = None,
              progress: Callable[[str], None] | None = None, project: str = "") -> Results:
    """Audit the selected devices of a snapshot with a policy; returns the results document."""
    entries = list(policy)
    hosts = {h.hostname: h for h in selected}
    loaded: dict[str, LoadedDevice] = {}
    findings: list[Finding] = []
    workers = workers or os.cpu_count() or 1
    names = [h.hostname for h in selected]
    _STATE.update(hosts=hosts, snapshot=snapshot, entries=entries)
    try:
        if workers > 1 and len(names) > 4:
            ctx = mp.get_context("fork")
            with ctx.Pool(min(workers, len(names))) as pool:
                for dev, fs in pool.imap_unordered(_work, names):
                    loaded[dev.host.hostname] = dev
                    findings.extend(fs)
                    if progress:
                        progress(dev.host.hostname)
        else:
            for name in names:
                dev, fs = _work(name)
                loaded[name] = dev
                findings.extend(fs)
                if progress:
                    progress(name)
    finally:
        _STATE.clear()
    net = NetworkContext(inventory, selected, loaded)
    findings.extend(run_network_checks(net, entries))
    order = {n: i for i, n in enumerate(names)}
    check_order = {e.id: i for i, e in enumerate(entries)}
    findings.sort(key=lambda f: (order.get(f.device, 1 << 30), check_order.get(f.check, 1 << 30)))
    apply_waivers(findings, waivers, hosts, today)
    readiness, dev_scores = ipv6_readiness(findings, selected)
    devices = []
    for h in selected:
        m = loaded[h.hostname].model if h.hostname in loaded else None
        devices.append({
            "hostname": h.hostname, "mgmt_ip": h.mgmt_ip, "platform": h.platform,
            "model": (getattr(m, "model", None) or h.model) if m is not None else h.model,
            "software_version": getattr(m, "software_version", None) or "" if m is not None else "",
            "zone": h.zone, "tier": h.tier or "", "site": h.site, "chassis": h.chassis,
            "parse_error": loaded[h.hostname].error if h.hostname in loaded else None,
            "warnings": [redact(w) for w in getattr(m, "parse_warnings", [])] if m is not None else [],
            "outputs": sorted(loaded[h.hostname].outputs) if h.hostname in loaded else [],
            "ipv6_score": dev_scores.get(h.hostname),
        })
    results = Results(
        tool=ToolInfo(name="netaudit", version=__version__),
        snapshot=SnapshotInfo(name=snapshot.name, devices=len(selected)),
        findings=findings, generated_at=dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        project=project, ipv6_readiness=readiness, devices=devices,
    )
    results.recount()
    return results
