"""Snapshots: recorded device outputs, hashed, under ``snapshots/<name>/<HOST>/<command>.txt``.

Modules, one concern each:

- :mod:`~netaudit.snapshot.naming`   command → file name (``display_version.txt``), name checks
- :mod:`~netaudit.snapshot.store`    :class:`Snapshot`, :func:`open_snapshot`, :func:`list_snapshots`
- :mod:`~netaudit.snapshot.manifest` ``manifest.json`` model
- :mod:`~netaudit.snapshot.writer`   :class:`SnapshotWriter` (staging dir + atomic swap; see there)
- :mod:`~netaudit.snapshot.verify`   :func:`verify` → :class:`VerifyReport`
- :mod:`~netaudit.snapshot.importer` :func:`import_backups` from Oxidized or RANCID folders
"""

from netaudit.snapshot.importer import ImportResult, import_backups
from netaudit.snapshot.manifest import MANIFEST_NAME, CommandRecord, DeviceRecord, Manifest, load_manifest
from netaudit.snapshot.naming import RUNNING_CONFIG, command_filename
from netaudit.snapshot.store import Snapshot, decode_output, list_snapshots, open_snapshot
from netaudit.snapshot.verify import VerifyReport, verify
from netaudit.snapshot.writer import SnapshotWriter

__all__ = [
    "MANIFEST_NAME", "RUNNING_CONFIG", "CommandRecord", "DeviceRecord", "ImportResult", "Manifest",
    "Snapshot", "SnapshotWriter", "VerifyReport", "command_filename", "decode_output",
    "import_backups", "list_snapshots", "load_manifest", "open_snapshot", "verify",
]
