"""Writing snapshots so that a crash at any point leaves nothing half-done.

Design (staging + swap):

1. ``SnapshotWriter(project, name)`` creates a hidden staging directory
   ``snapshots/.<name>.tmp-<pid>-<token>`` and removes work directories left by dead writers.
2. :meth:`SnapshotWriter.write` puts each output into the staging directory with
   :func:`~netaudit.snapshot.fsutil.atomic_write` (temp file in the same directory, fsync,
   ``os.replace``) and records its sha256 for the manifest. Nothing at ``snapshots/<name>`` changes.
3. :meth:`SnapshotWriter.close` writes ``manifest.json`` *last* (atomically, after every output is
   durable), then swaps the staging directory into place with
   :func:`~netaudit.snapshot.fsutil.swap_into_place` and deletes the previous snapshot.

Consequences, for a crash (SIGKILL, power loss) at any instant:

- before the swap, ``snapshots/<name>`` is the previous snapshot, untouched — it still verifies;
- the swap is one ``renameat2(RENAME_EXCHANGE)`` on Linux, so the name always holds a complete
  snapshot; elsewhere two renames are used and a crash between them is undone on the next
  :func:`~netaudit.snapshot.store.list_snapshots`/``open_snapshot``/writer;
- a manifest never names a missing file, because it is written after all files and travels
  with them in the same directory;
- leftovers are dot-directories, invisible to :func:`~netaudit.snapshot.store.list_snapshots`,
  and removed by the next writer of the same name.

Writing files straight into an existing snapshot was rejected: overwriting one output and dying
before the manifest makes the old manifest call that file modified.

``write`` and ``record_error`` may be called from several threads (``collect --workers``).
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import threading
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from types import TracebackType

from netaudit import __version__
from netaudit.errors import SnapshotError
from netaudit.snapshot import fsutil
from netaudit.snapshot.manifest import MANIFEST_NAME, CommandRecord, DeviceRecord, Manifest, utcnow
from netaudit.snapshot.naming import check_component, command_filename
from netaudit.snapshot.store import Snapshot, snapshots_dir


class SnapshotWriter:
    """Record outputs into ``<project>/snapshots/<name>``; usable as a context manager.

    On normal exit of the ``with`` block the snapshot is published; on an exception the staging
    directory is removed and any previous snapshot of that name stays as it was.

    ``replace=False`` refuses to overwrite an existing snapshot (checked at open and at close).
    ``source`` is noted in the manifest (e.g. the folder backups were imported from).
    """

    def __init__(self, project_dir: Path | str, name: str, *, replace: bool = True,
                 source: str | None = None):
        self.name = check_component(name, "snapshot name")
        self.replace = replace
        base = snapshots_dir(project_dir)
        self.target = base / name
        if not replace and self.target.exists():
            raise SnapshotError(f"snapshot {name!r} already exists ({self.target}); use --force to replace it")
        try:
            base.mkdir(parents=True, exist_ok=True)
            fsutil.sweep(base, name)
            self.staging = fsutil.side_dir(base, name, "tmp")
            self.staging.mkdir()
        except OSError as e:
            raise SnapshotError(f"{base}: cannot create snapshot {name!r}: {e.strerror or e}") from e
        self._manifest = Manifest(name=name, source=source)
        self._lock = threading.Lock()
        self._closed = False
        self._result: Snapshot | None = None

    # -- recording -----------------------------------------------------------------------------

    def write(self, host: str, command: str, data: bytes, *, error: str | None = None,
              started: datetime | None = None, finished: datetime | None = None,
              source: str | None = None, extra: Mapping[str, str | int] | None = None) -> str:
        """Store the output of ``command`` on ``host``; returns its relative path ``HOST/file.txt``.

        ``error`` marks a partial or suspicious output (kept, and flagged in the manifest);
        ``source`` and ``extra`` (more manifest fields) note where an imported output came from.
        Writing the same command again replaces it; a *different* command that maps to the same
        file name is refused, since one file cannot hold two outputs.
        """
        self._check_open()
        check_component(host, "hostname")
        filename = command_filename(command)
        finished = finished or utcnow()
        digest = hashlib.sha256(data).hexdigest()
        with self._lock:
            dev = self._manifest.devices.setdefault(host, DeviceRecord())
            for other, rec in dev.commands.items():
                if rec.file == filename and other != command:
                    raise SnapshotError(
                        f"{host}: commands {other!r} and {command!r} both map to {filename}")
            # reserve the name so a concurrent writer of a clashing command sees it
            dev.commands[command] = CommandRecord(file=filename)
        device_dir = self.staging / host
        try:
            device_dir.mkdir(exist_ok=True)
            fsutil.atomic_write(device_dir / filename, data)
        except OSError as e:
            with self._lock:
                dev.commands.pop(command, None)
            raise SnapshotError(f"{device_dir / filename}: cannot write: {e.strerror or e}") from e
        with self._lock:
            dev.commands[command] = CommandRecord(
                file=filename, sha256=digest, size=len(data), started=started, finished=finished,
                tool_version=__version__, error=error, source=source, **dict(extra or {}))
        return f"{host}/{filename}"

    def record_error(self, host: str, error: str, *, command: str | None = None,
                     started: datetime | None = None, finished: datetime | None = None) -> None:
        """Note a failure without output: of one command, or (``command=None``) of the whole device."""
        self._check_open()
        check_component(host, "hostname")
        with self._lock:
            dev = self._manifest.devices.setdefault(host, DeviceRecord())
            if command is None:
                dev.error = error if dev.error is None else f"{dev.error}; {error}"
            elif dev.commands.get(command, CommandRecord()).file is None:
                dev.commands[command] = CommandRecord(
                    file=None, started=started, finished=finished or utcnow(), error=error)
            else:  # output already written: keep it, flag it
                dev.commands[command].error = error

    # -- finishing -----------------------------------------------------------------------------

    def close(self) -> Snapshot:
        """Write the manifest last, publish the snapshot at its name, and return it."""
        if self._result is not None:
            return self._result
        self._check_open()
        if not self.replace and self.target.exists():
            self.abort()
            raise SnapshotError(f"snapshot {self.name!r} appeared while writing; not replaced")
        with self._lock:
            self._closed = True
            self._manifest.completed = utcnow()
            payload = self._manifest.to_json()
        try:
            for host in self._manifest.devices:
                if (self.staging / host).is_dir():
                    fsutil.fsync_dir(self.staging / host)
            fsutil.atomic_write(self.staging / MANIFEST_NAME, payload)
            fsutil.swap_into_place(self.staging, self.target)
        except OSError as e:
            self.abort()
            raise SnapshotError(f"{self.target}: cannot publish snapshot: {e.strerror or e}") from e
        self._result = Snapshot(self.name, self.target)
        return self._result

    def abort(self) -> None:
        """Discard everything written; the previous snapshot of the name is untouched."""
        self._closed = True
        with contextlib.suppress(OSError):
            if self.staging.exists():
                shutil.rmtree(self.staging, ignore_errors=True)

    @property
    def manifest(self) -> Manifest:
        """The manifest as recorded so far (a copy)."""
        with self._lock:
            return self._manifest.model_copy(deep=True)

    def _check_open(self) -> None:
        if self._closed:
            raise SnapshotError(f"snapshot writer for {self.name!r} is already closed")

    def __enter__(self) -> SnapshotWriter:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()
