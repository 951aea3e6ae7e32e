"""Check a snapshot against its manifest: modified, missing and extra files."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from netaudit.errors import SnapshotError
from netaudit.snapshot.manifest import MANIFEST_NAME
from netaudit.snapshot.store import Snapshot


@dataclass
class VerifyReport:
    """Outcome of :func:`verify`. ``clean`` only when a manifest exists and everything matches."""

    snapshot: Snapshot
    has_manifest: bool = False
    manifest_error: str | None = None
    """Why the manifest could not be used (invalid JSON, bad schema), if so."""
    checked: int = 0
    """Files whose sha256 matched."""
    modified: list[str] = field(default_factory=list)
    """``HOST/file.txt`` whose content differs from the manifest's sha256."""
    missing: list[str] = field(default_factory=list)
    """Files the manifest names that are not there."""
    extra: list[str] = field(default_factory=list)
    """Files present that the manifest does not name."""
    recorded_errors: list[str] = field(default_factory=list)
    """Collection errors the manifest records (informational: they do not make it unclean)."""

    @property
    def clean(self) -> bool:
        return (self.has_manifest and self.manifest_error is None
                and not (self.modified or self.missing or self.extra))

    def problems(self) -> list[tuple[str, str, str]]:
        """(kind, file, detail) rows, the shape the CLI prints."""
        rows: list[tuple[str, str, str]] = []
        if not self.has_manifest:
            rows.append(("no manifest", MANIFEST_NAME,
                         "nothing to verify against (imported by hand?); contents cannot be vouched for"))
        elif self.manifest_error is not None:
            rows.append(("bad manifest", MANIFEST_NAME, self.manifest_error))
        rows += [("modified", f, "sha256 differs from the manifest") for f in self.modified]
        rows += [("missing", f, "named in the manifest, not on disk") for f in self.missing]
        rows += [("extra", f, "on disk, not in the manifest") for f in self.extra]
        return rows


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _files_on_disk(root: Path) -> set[str]:
    """Every file in a device directory as a ``/``-joined relative path.

    Files at the top of the snapshot (the manifest, notes such as DEVIATIONS.md) are not device
    outputs and are not listed."""
    found: set[str] = set()
    for p in root.rglob("*"):
        if p.is_file() and p.parent != root:
            rel = p.relative_to(root).as_posix()
            if rel != MANIFEST_NAME:
                found.add(rel)
    return found


def verify(snapshot: Snapshot) -> VerifyReport:
    """Compare every file with the manifest's sha256. Never raises for a broken or absent manifest."""
    if not snapshot.path.is_dir():
        raise SnapshotError(f"{snapshot.path}: snapshot directory does not exist")
    report = VerifyReport(snapshot)
    if not snapshot.manifest_path.is_file():
        return report
    report.has_manifest = True
    try:
        manifest = snapshot.manifest()
    except SnapshotError as e:
        report.manifest_error = str(e)
        return report
    assert manifest is not None
    expected = manifest.files()
    on_disk = _files_on_disk(snapshot.path)
    for rel, rec in sorted(expected.items()):
        path = snapshot.path / rel
        if rel not in on_disk:
            report.missing.append(rel)
        elif (rec.size is not None and path.stat().st_size != rec.size) or _sha256(path) != rec.sha256:
            report.modified.append(rel)
        else:
            report.checked += 1
    report.extra = sorted(on_disk - expected.keys())
    for host, dev in sorted(manifest.devices.items()):
        if dev.error:
            report.recorded_errors.append(f"{host}: {dev.error}")
        for command, rec in dev.commands.items():
            if rec.error:
                report.recorded_errors.append(f"{host}: {command}: {rec.error}")
    return report
