"""Turn existing configuration backups into a snapshot (offline audits, product.md §2).

Accepted source layouts:

- **Oxidized** (file output): one file per device named by its node name — ``CZ-CORE``, or with a
  ``.cfg``/``.txt``/``.conf``/``.config`` suffix; with groups, one sub-directory per group.
- **RANCID**: a group directory holding ``configs/<host>``; only ``configs/`` is read.

Each file becomes ``<HOST>/display_current-configuration.txt``. Bytes are copied verbatim, with
one exception: RANCID's own marker lines (``!RANCID-CONTENT-TYPE: …``) are dropped. Other ``!``
lines stay, because VRP itself writes ``!Software Version …`` lines that checks may want; a parser
treats them all as comments. The manifest notes every source file, its sha256 and mtime.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from netaudit.errors import SnapshotError
from netaudit.snapshot.naming import RUNNING_CONFIG, check_component
from netaudit.snapshot.store import Snapshot
from netaudit.snapshot.writer import SnapshotWriter

BACKUP_SUFFIXES = (".cfg", ".txt", ".conf", ".config")
_WORK_FILE = re.compile(r"(\.new|\.raw|\.bak|\.orig|\.swp|~)$", re.IGNORECASE)
_RANCID_MARKER = re.compile(rb"^!RANCID-[A-Z-]+:.*(\r?\n|$)", re.MULTILINE)


@dataclass
class ImportResult:
    """What :func:`import_backups` did."""

    snapshot: Snapshot
    imported: dict[str, Path] = field(default_factory=dict)
    """Hostname in the snapshot → the backup file it came from."""
    warnings: list[str] = field(default_factory=list)
    """Files skipped and hosts not matched, one sentence each."""


def host_from_filename(filename: str) -> str:
    """The device name a backup file stands for: its name without a known config suffix.

    >>> host_from_filename("CZ-CORE.cfg")
    'CZ-CORE'
    >>> host_from_filename("cz-core.gov.local")
    'cz-core.gov.local'
    >>> host_from_filename("10.10.0.1.txt")
    '10.10.0.1'
    """
    for suffix in BACKUP_SUFFIXES:
        if filename.lower().endswith(suffix) and len(filename) > len(suffix):
            return filename[: -len(suffix)]
    return filename


def match_hostname(candidate: str, hostnames: set[str]) -> str | None:
    """Find ``candidate`` among inventory ``hostnames``: exact, then ignoring case, then first label.

    >>> match_hostname("cz-core.gov.local", {"CZ-CORE", "CZ-AGG-01"})
    'CZ-CORE'
    >>> match_hostname("CZ-CORE", {"CZ-CORE"})
    'CZ-CORE'
    >>> match_hostname("RP-AGG", {"CZ-CORE"}) is None
    True
    """
    if candidate in hostnames:
        return candidate
    folded = {h.casefold(): h for h in hostnames}
    for key in (candidate.casefold(), candidate.split(".", 1)[0].casefold()):
        if key in folded:
            return folded[key]
    return None


def _backup_files(src: Path) -> tuple[Path, list[Path], list[str]]:
    """(directory read, candidate files, warnings) for an Oxidized or RANCID source."""
    if not src.exists():
        raise SnapshotError(f"{src}: backup directory does not exist")
    if not src.is_dir():
        raise SnapshotError(f"{src}: not a directory of backups")
    root = src / "configs" if (src / "configs").is_dir() else src
    warnings: list[str] = []
    files: list[Path] = []
    try:
        entries = sorted(root.iterdir())
        for entry in entries:
            if entry.name.startswith("."):
                continue  # .git of an Oxidized repo, editor files
            if entry.is_dir():
                # Oxidized with groups: <dir>/<group>/<node>
                files += sorted(p for p in entry.iterdir() if p.is_file() and not p.name.startswith("."))
            elif entry.is_file():
                files.append(entry)
    except OSError as e:
        raise SnapshotError(f"{root}: cannot read backup directory: {e.strerror or e}") from e
    kept: list[Path] = []
    for f in files:
        if _WORK_FILE.search(f.name):
            warnings.append(f"{f}: skipped: looks like a work or backup copy, not a config")
        else:
            kept.append(f)
    return root, kept, warnings


def import_backups(src_dir: Path | str, project_dir: Path | str, name: str,
                   hostnames: set[str] | None = None, *, force: bool = False) -> ImportResult:
    """Import a folder of configuration backups as snapshot ``name`` and return what was done.

    With ``hostnames`` (the inventory), files are matched to those names (see
    :func:`match_hostname`) and the rest are skipped with a warning. Raises SnapshotError when the
    source is missing, unreadable, holds no usable config, maps two files to one host, or the
    snapshot exists and ``force`` is false.
    """
    src = Path(src_dir)
    root, files, warnings = _backup_files(src)
    chosen: dict[str, Path] = {}
    for f in files:
        candidate = host_from_filename(f.name)
        if hostnames is not None:
            host = match_hostname(candidate, hostnames)
            if host is None:
                warnings.append(f"{f}: skipped: {candidate!r} is not a device of the inventory")
                continue
        else:
            host = candidate
        try:
            check_component(host, "hostname")
        except SnapshotError as e:
            warnings.append(f"{f}: skipped: {e}")
            continue
        if host in chosen:
            raise SnapshotError(f"{chosen[host]} and {f} are both backups of {host}; keep one")
        chosen[host] = f

    contents: dict[str, tuple[bytes, Path]] = {}
    for host, f in sorted(chosen.items()):
        try:
            data = f.read_bytes()
        except OSError as e:
            raise SnapshotError(f"{f}: cannot read backup: {e.strerror or e}") from e
        if not data.strip():
            warnings.append(f"{f}: skipped: empty file")
        elif b"\x00" in data[:8192]:
            warnings.append(f"{f}: skipped: binary file (compressed or not a config?)")
        else:
            contents[host] = (data, f)
    if not contents:
        raise SnapshotError(f"{root}: no usable configuration backups found"
                            + (f" ({len(warnings)} files skipped: {warnings[0]} …)" if warnings else ""))
    if hostnames is not None:
        absent = sorted(hostnames - contents.keys())
        if len(absent) > 5:  # one line, not one per device: an import often covers part of the network
            warnings.append(f"{len(absent)} inventory devices have no backup in {root}: "
                            f"{', '.join(absent[:5])}, …")
        else:
            warnings.extend(f"{host}: no backup found in {root}" for host in absent)

    with SnapshotWriter(project_dir, name, replace=force, source=str(src.resolve())) as writer:
        for host, (data, f) in contents.items():
            cleaned, removed = _RANCID_MARKER.subn(b"", data)
            extra: dict[str, str | int] = {"source_sha256": hashlib.sha256(data).hexdigest()}
            if removed:
                extra["rancid_lines_removed"] = removed
            writer.write(host, RUNNING_CONFIG, cleaned, source=str(f.resolve()), extra=extra,
                         finished=datetime.fromtimestamp(f.stat().st_mtime, UTC))
        snapshot = writer.close()
    return ImportResult(snapshot, {h: f for h, (_, f) in contents.items()}, warnings)
