"""``manifest.json``: what a snapshot holds, when it was taken, and the sha256 of every file.

Shape (product.md §4.3; fields may be added, never removed)::

    {
      "format": 1,
      "tool": {"name": "netaudit", "version": "0.1.0"},
      "name": "2024-05-01",
      "created": "2024-05-01T08:00:00+00:00",     # writer opened
      "completed": "2024-05-01T08:03:10+00:00",   # manifest written
      "source": null,                             # e.g. the backup folder of an import
      "devices": {
        "CZ-CORE": {
          "error": null,                          # device-level failure (login refused, ...)
          "commands": {
            "display current-configuration": {
              "file": "display_current-configuration.txt",   # null when no output was kept
              "sha256": "…", "size": 48213,
              "started": "…", "finished": "…",
              "tool_version": "0.1.0", "error": null,
              "source": null                      # imports: the backup file it came from
            }
          }
        }
      }
    }

Readers accept unknown fields so that a newer tool's manifest still verifies with an older one.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from netaudit import __version__
from netaudit.errors import SnapshotError
from netaudit.snapshot.naming import check_component, is_command_filename

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = 1
TOOL_NAME = "netaudit"


def utcnow() -> datetime:
    return datetime.now(UTC)


class ToolInfo(BaseModel):
    """The program that wrote the snapshot."""

    model_config = ConfigDict(extra="allow")

    name: str = TOOL_NAME
    """Tool name, always ``netaudit`` for snapshots written here."""
    version: str = __version__
    """Tool version (``netaudit.__version__``)."""


class CommandRecord(BaseModel):
    """One command of one device."""

    model_config = ConfigDict(extra="allow")

    file: str | None = None
    """File name inside the device directory; ``None`` when the command produced no output."""
    sha256: str | None = None
    """Hex sha256 of the file's bytes as written."""
    size: int | None = None
    """File size in bytes."""
    started: datetime | None = None
    """When the command was sent (or the backup file's mtime for imports)."""
    finished: datetime | None = None
    """When its output was complete."""
    tool_version: str = __version__
    """Version of the tool that recorded this output."""
    error: str | None = None
    """What went wrong while collecting it (timeout, rejected command, ...), if anything."""
    source: str | None = None
    """For imports: the file the output was copied from."""


class DeviceRecord(BaseModel):
    """One device directory."""

    model_config = ConfigDict(extra="allow")

    error: str | None = None
    """A failure of the device as a whole (unreachable, login refused, ...)."""
    commands: dict[str, CommandRecord] = Field(default_factory=dict)
    """Command text → record."""


class Manifest(BaseModel):
    """The whole ``manifest.json``."""

    model_config = ConfigDict(extra="allow")

    format: int = MANIFEST_FORMAT
    """Manifest format version."""
    tool: ToolInfo = Field(default_factory=ToolInfo)
    """The writing tool."""
    name: str
    """Snapshot name at the time it was written."""
    created: datetime = Field(default_factory=utcnow)
    """When the writer started."""
    completed: datetime | None = None
    """When the manifest was written."""
    source: str | None = None
    """Where the outputs came from when not collected live (an import's folder)."""
    devices: dict[str, DeviceRecord] = Field(default_factory=dict)
    """Hostname → device record."""

    def files(self) -> dict[str, CommandRecord]:
        """Relative path (``HOST/file.txt``) → record, for every command that has a file."""
        out: dict[str, CommandRecord] = {}
        for host, dev in self.devices.items():
            for rec in dev.commands.values():
                if rec.file is not None:
                    out[f"{host}/{rec.file}"] = rec
        return out

    def to_json(self) -> bytes:
        data = self.model_dump(mode="json")
        # sorted, so that the same outputs collected by parallel workers give the same manifest layout
        data["devices"] = {host: {**dev, "commands": dict(sorted(dev["commands"].items()))}
                           for host, dev in sorted(data["devices"].items())}
        return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def load_manifest(path: Path) -> Manifest:
    """Read and validate a manifest; every problem is a SnapshotError naming the file."""
    try:
        raw: Any = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as e:
        raise SnapshotError(f"{path}: cannot read manifest: {e.strerror or e}") from e
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise SnapshotError(f"{path}: manifest is not valid JSON: {e}") from e
    try:
        manifest = Manifest.model_validate(raw)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise SnapshotError(f"{path}: invalid manifest: {where}: {first['msg']}") from e
    # names come from a file anyone can edit: never let them point outside the snapshot
    for host, dev in manifest.devices.items():
        check_component(host, f"hostname in {path}")
        for command, rec in dev.commands.items():
            if rec.file is not None and not is_command_filename(rec.file):
                raise SnapshotError(f"{path}: {host}: {command!r}: invalid file name {rec.file!r}")
    return manifest
