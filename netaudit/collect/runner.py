"""Collect many devices in parallel into one snapshot.

:func:`collect` opens a :class:`~netaudit.snapshot.SnapshotWriter`, runs one asyncio task per
device (at most ``workers`` sessions at once), writes each output as soon as it arrives, and
publishes the snapshot at the end — also when some devices failed: what was collected is kept
and every failure is in the manifest. A failure never leaves its device: a login refused, a
device that hangs or drops the connection becomes that device's error, the others go on.

What the manifest says (besides file, sha256, size, started, finished per command):

- device ``error``: login failed, or the session ended early (timeout, connection dropped);
- command ``error``: ``rejected by the device: Error: …`` (no file; e.g. ``display stack`` on a
  model without it — this alone does not fail the device), ``no prompt within …`` /
  ``connection closed …`` (no file: a partial output is never stored), or
  ``not collected: …`` for commands after the session ended;
- command extras: ``bytes_received`` (raw, before echo/prompt/pager removal), ``pager_pages``,
  ``prompt``, ``paging`` (``off`` when ``screen-length 0 temporary`` was accepted, ``pager``
  when the output was read page by page).

The session log of every device (events, timings, byte counts; no outputs, no credentials) is
written to ``snapshots/<name>/collect.log``, a top-level file: it travels with the snapshot, and
neither :meth:`Snapshot.devices` nor :func:`~netaudit.snapshot.verify` treat top-level files as
outputs (a ``.logs/`` sub-directory would have been reported as extra files by ``verify``).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from netaudit.collect.commands import commands_for
from netaudit.collect.session import (
    CliSession,
    CommandResult,
    Credentials,
    SessionError,
    SessionLog,
    Target,
    scrub,
)
from netaudit.errors import NetauditError
from netaudit.inventory.models import Device
from netaudit.snapshot import fsutil
from netaudit.snapshot.manifest import utcnow
from netaudit.snapshot.store import Snapshot
from netaudit.snapshot.writer import SnapshotWriter

LOG_NAME = "collect.log"
DEFAULT_TIMEOUT = 60.0
DEFAULT_WORKERS = 8

Phase = Literal["connecting", "command", "done", "failed"]


@dataclass(frozen=True)
class Progress:
    """One progress report: ``done`` of ``total`` commands of ``hostname``."""

    hostname: str
    phase: Phase
    done: int
    total: int
    detail: str = ""


@dataclass
class DeviceOutcome:
    """How one device went."""

    hostname: str
    total: int
    collected: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    error: str | None = None
    log: SessionLog | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class CollectResult:
    """What :func:`collect` did; ``snapshot`` is the published snapshot."""

    snapshot: Snapshot
    devices: dict[str, DeviceOutcome]

    @property
    def failed(self) -> list[str]:
        return sorted(h for h, d in self.devices.items() if not d.ok)

    @property
    def ok(self) -> bool:
        return not self.failed


class ConnectMapError(NetauditError):
    """The ``--connect-map`` file is unreadable or malformed."""


def load_connect_map(path: Path) -> dict[str, Target]:
    """Read ``{hostname: {"host": H, "port": N, "host_key": "ssh-ed25519 …"?}}`` (lab map format)."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConnectMapError(f"{path}: cannot read connect map: {e.strerror or e}") from e
    except ValueError as e:
        raise ConnectMapError(f"{path}: not valid JSON: {e}") from e
    if not isinstance(data, dict):
        raise ConnectMapError(f"{path}: expected an object {{hostname: {{host, port}}}}")
    out: dict[str, Target] = {}
    for host, entry in data.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("host"), str) \
                or not isinstance(entry.get("port"), int) or not 0 < entry["port"] < 65536:
            raise ConnectMapError(f"{path}: {host}: needs \"host\" (string) and \"port\" (1-65535)")
        key = entry.get("host_key")
        if key is not None and not isinstance(key, str):
            raise ConnectMapError(f"{path}: {host}: \"host_key\" must be an OpenSSH public key line")
        out[host] = Target(entry["host"], entry["port"], key)
    return out


def resolve_target(device: Device, connect_map: Mapping[str, Target] | None) -> Target:
    """Where to connect: the connect map when one is given (and nothing else then), else
    ``vars.ssh_host``/``vars.ssh_port``, else ``mgmt_ip:22``."""
    if connect_map is not None:
        if device.hostname not in connect_map:
            raise SessionError("not in the connect map (with --connect-map no other address is used)")
        return connect_map[device.hostname]
    host = device.vars.get("ssh_host", device.mgmt_ip)
    port = device.vars.get("ssh_port", 22)
    if not isinstance(host, str) or not isinstance(port, int):
        raise SessionError("vars.ssh_host must be a string and vars.ssh_port an integer")
    return Target(host, port)


def collect(project_dir: Path | str, name: str, devices: list[Device], credentials: Credentials, *,
            connect_map: Mapping[str, Target] | None = None, workers: int = DEFAULT_WORKERS,
            timeout: float = DEFAULT_TIMEOUT, replace: bool = True,
            progress: Callable[[Progress], None] | None = None) -> CollectResult:
    """Collect ``devices`` into snapshot ``name`` of ``project_dir`` and publish it.

    ``timeout`` bounds each step absolutely: the SSH login, reaching the first prompt, and each
    command from sending it to its closing prompt. Interrupting (Ctrl-C) discards the snapshot.
    """
    if workers < 1:
        raise NetauditError("--workers must be at least 1")
    if timeout <= 0:
        raise NetauditError("--timeout must be positive")
    writer = SnapshotWriter(project_dir, name, replace=replace)
    started = utcnow()
    try:
        outcomes = asyncio.run(_collect_all(devices, credentials, writer, connect_map, workers,
                                            timeout, progress or (lambda p: None)))
        header = (f"# netaudit collect: snapshot {name}, started {started.isoformat()}, "
                  f"{len(devices)} devices, workers {workers}, timeout {timeout:g} s\n")
        body = "".join(o.log.text() for o in sorted(outcomes, key=lambda o: o.hostname) if o.log)
        fsutil.atomic_write(writer.staging / LOG_NAME,
                            scrub(header + body, credentials.secrets).encode("utf-8"))
        snapshot = writer.close()
    except BaseException:
        writer.abort()
        raise
    return CollectResult(snapshot, {o.hostname: o for o in outcomes})


async def _collect_all(devices: list[Device], credentials: Credentials, writer: SnapshotWriter,
                       connect_map: Mapping[str, Target] | None, workers: int, timeout: float,
                       progress: Callable[[Progress], None]) -> list[DeviceOutcome]:
    gate = asyncio.Semaphore(workers)

    async def one(device: Device) -> DeviceOutcome:
        async with gate:
            return await _collect_device(device, credentials, writer, connect_map, timeout, progress)

    return list(await asyncio.gather(*(one(d) for d in devices)))


async def _collect_device(device: Device, credentials: Credentials, writer: SnapshotWriter,
                          connect_map: Mapping[str, Target] | None, timeout: float,
                          progress: Callable[[Progress], None]) -> DeviceOutcome:
    host = device.hostname
    commands = commands_for(device)
    log = SessionLog(host)
    outcome = DeviceOutcome(host, len(commands), log=log)
    secrets = credentials.secrets

    async def fail(message: str) -> DeviceOutcome:
        outcome.error = scrub(message, secrets)
        log.add(f"device failed: {outcome.error}")
        await asyncio.to_thread(writer.record_error, host, outcome.error)
        progress(Progress(host, "failed", len(outcome.collected), len(commands), outcome.error))
        return outcome

    progress(Progress(host, "connecting", 0, len(commands)))
    session: CliSession | None = None
    try:
        try:
            target = resolve_target(device, connect_map)
            session = await CliSession.open(host, device.platform, target, credentials,
                                            timeout=timeout, log=log)
        except SessionError as e:
            return await fail(str(e))
        paging = "off" if session.paging_off else "pager"
        for i, command in enumerate(commands):
            progress(Progress(host, "command", i, len(commands), command))
            try:
                result = await session.run(command)
            except SessionError as e:
                msg = scrub(str(e), secrets)
                await asyncio.to_thread(writer.record_error, host, msg, command=command)
                for later in commands[i + 1:]:
                    await asyncio.to_thread(writer.record_error, host,
                                            f"not collected: the session ended at {command!r}",
                                            command=later)
                return await fail(f"session ended at {command!r}: {msg}")
            await asyncio.to_thread(_record, writer, host, result, session.prompt, paging)
            (outcome.rejected if result.output is None else outcome.collected).append(command)
        progress(Progress(host, "done", len(commands), len(commands)))
        return outcome
    except Exception as e:  # a bug or an odd library error stays with this device
        return await fail(f"unexpected {type(e).__name__}: {e}")
    finally:
        if session is not None:
            session.close()
            await session.wait_closed()


def _record(writer: SnapshotWriter, host: str, result: CommandResult, prompt: str, paging: str) -> None:
    if result.output is None:
        writer.record_error(host, f"rejected by the device: {result.rejected}", command=result.command,
                            started=result.started, finished=result.finished)
        return
    writer.write(host, result.command, result.output, started=result.started, finished=result.finished,
                 extra={"bytes_received": result.bytes_received, "pager_pages": result.pager_pages,
                        "prompt": prompt, "paging": paging})
