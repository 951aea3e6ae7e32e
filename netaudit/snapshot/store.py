"""Reading snapshots: ``snapshots/<name>/<HOST>/<command-file>.txt`` (product.md §4.3).

A :class:`Snapshot` is a directory of device directories, each holding one raw output file per
command, plus an optional ``manifest.json`` (see :mod:`netaudit.snapshot.manifest`). Reading never
changes a byte on disk; text is decoded tolerantly because VRP prints GBK on older releases.

Names beginning with ``.`` are the writer's staging and retired directories and temp files
(:mod:`netaudit.snapshot.fsutil`); they are never snapshots, devices or outputs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from netaudit.errors import SnapshotError
from netaudit.snapshot import fsutil
from netaudit.snapshot.manifest import MANIFEST_NAME, Manifest, load_manifest
from netaudit.snapshot.naming import check_component, to_filename

SNAPSHOTS_DIR = "snapshots"


def decode_output(data: bytes) -> tuple[str, str]:
    """Decode device output: UTF-8 (BOM dropped), else GBK, else latin-1; returns (text, encoding).

    Latin-1 maps every byte, so decoding never fails and no byte is silently lost.

    >>> decode_output("sysname 潮州核心".encode("gbk"))
    ('sysname 潮州核心', 'gbk')
    >>> decode_output("description 潮州".encode("utf-8"))
    ('description 潮州', 'utf-8')
    >>> decode_output(b"\\xff\\xfe\\xff")
    ('ÿþÿ', 'latin-1')
    """
    for encoding in ("utf-8-sig", "gbk"):
        try:
            return data.decode(encoding), ("utf-8" if encoding == "utf-8-sig" else encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1", errors="replace"), "latin-1"


def snapshots_dir(project_dir: Path | str) -> Path:
    return Path(project_dir) / SNAPSHOTS_DIR


@dataclass(frozen=True)
class Snapshot:
    """One recorded set of device outputs.

    ``command`` arguments accept either the command (``display version``) or its file name
    (``display_version.txt``).
    """

    name: str
    path: Path

    @property
    def manifest_path(self) -> Path:
        return self.path / MANIFEST_NAME

    def manifest(self) -> Manifest | None:
        """The parsed manifest; ``None`` when there is none (imports may omit it).

        Raises SnapshotError when the manifest exists but is unreadable or invalid.
        """
        if not self.manifest_path.is_file():
            return None
        return load_manifest(self.manifest_path)

    def devices(self) -> list[str]:
        """Hostnames: the device sub-directories, sorted."""
        try:
            entries = list(self.path.iterdir())
        except OSError as e:
            raise SnapshotError(f"{self.path}: cannot list snapshot: {e.strerror or e}") from e
        return sorted(p.name for p in entries if p.is_dir() and not p.name.startswith("."))

    def commands(self, host: str) -> list[str]:
        """File names of the outputs recorded for ``host``, sorted (empty for an unknown host)."""
        d = self._device_dir(host)
        if not d.is_dir():
            return []
        return sorted(p.name for p in d.iterdir() if p.is_file() and not p.name.startswith("."))

    def path_of(self, host: str, command: str) -> Path:
        """Where the output of ``command`` on ``host`` is (or would be) stored."""
        return self._device_dir(host) / to_filename(command)

    def relpath(self, host: str, command: str) -> str:
        """``HOST/display_current-configuration.txt`` — the evidence file name used in findings."""
        check_component(host, "hostname")
        return f"{host}/{to_filename(command)}"

    def has(self, host: str, command: str) -> bool:
        return self.path_of(host, command).is_file()

    def read_bytes(self, host: str, command: str) -> bytes:
        """The raw output, exactly as recorded; SnapshotError when it is missing."""
        path = self.path_of(host, command)
        try:
            return path.read_bytes()
        except FileNotFoundError as e:
            raise SnapshotError(
                f"snapshot {self.name!r}: no output {self.relpath(host, command)}") from e
        except OSError as e:
            raise SnapshotError(f"{path}: cannot read: {e.strerror or e}") from e

    def read_text(self, host: str, command: str) -> str:
        """The output decoded with :func:`decode_output` (line endings untouched)."""
        return decode_output(self.read_bytes(host, command))[0]

    def _device_dir(self, host: str) -> Path:
        return self.path / check_component(host, "hostname")


def list_snapshots(project_dir: Path | str) -> list[Snapshot]:
    """Every snapshot under ``<project>/snapshots``, sorted by name (hidden work dirs excluded)."""
    base = snapshots_dir(project_dir)
    if not base.is_dir():
        return []
    fsutil.recover(base)
    return sorted((Snapshot(p.name, p) for p in base.iterdir()
                   if p.is_dir() and not p.name.startswith(".")), key=lambda s: s.name)


def open_snapshot(project_dir: Path | str, name_or_path: str | Path) -> Snapshot:
    """Open a snapshot by name (``<project>/snapshots/NAME``) or by directory path.

    A name is looked up first; anything else is taken as a path. Raises SnapshotError naming
    the snapshots that do exist when neither is found.
    """
    base = snapshots_dir(project_dir)
    text = str(name_or_path)
    if not text.strip():
        raise SnapshotError("empty snapshot name")
    is_name = isinstance(name_or_path, str) and not any(c in text for c in "/\\") \
        and not text.startswith(".")
    if is_name:
        candidate = base / text
        if not candidate.is_dir() and base.is_dir():
            fsutil.recover(base)
        if candidate.is_dir():
            return Snapshot(text, candidate)
    path = Path(name_or_path)
    if path.is_dir():
        return Snapshot(path.resolve().name, path)
    if path.exists():
        raise SnapshotError(f"{path}: not a snapshot directory")
    known = [s.name for s in list_snapshots(project_dir)]
    hint = f"; snapshots in {base}: {', '.join(known)}" if known else f"; no snapshots in {base}"
    raise SnapshotError(f"snapshot {text!r} not found{hint}")
