"""Crash-safe file-system steps the snapshot writer is built from.

- :func:`atomic_write` — temp file in the same directory, fsync, ``os.replace``, fsync the directory:
  a reader sees the old file or the new one, never a prefix.
- :func:`swap_into_place` — put a finished staging directory at a snapshot's name. On Linux it uses
  ``renameat2(RENAME_EXCHANGE)``, which swaps two directories in one step, so *some* complete
  snapshot is at the name at every instant. Elsewhere it renames the old one to ``.<name>.old-…``
  first; a crash between the two renames is undone by :func:`recover`, which puts the old directory
  back when its writer is dead and nothing took its place.
- Staging and retired directories are dot-names (``.<name>.tmp-<pid>-<token>``,
  ``.<name>.old-<pid>-<token>``): :func:`netaudit.snapshot.store.list_snapshots` never shows them,
  and :func:`sweep` removes those whose process is gone.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import secrets
import shutil
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2

_SIDE_DIR = re.compile(r"^\.(?P<name>.+)\.(?P<kind>tmp|old)-(?P<pid>\d+)-[0-9a-f]+$")


def fsync_dir(path: Path) -> None:
    """Make a directory's entries (renames, new files) durable; a no-op where unsupported."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that ``path`` is never seen half-written."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}")
    try:
        with open(tmp, "xb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def side_dir(snapshots_dir: Path, name: str, kind: str) -> Path:
    """A fresh hidden sibling for snapshot ``name``: ``kind`` is ``tmp`` (staging) or ``old``."""
    return snapshots_dir / f".{name}.{kind}-{os.getpid()}-{secrets.token_hex(4)}"


def pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    except OSError:
        return True
    return True


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two existing paths; False when the platform or file system cannot."""
    try:
        fn = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int
    if fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(a))


def swap_into_place(staging: Path, target: Path) -> None:
    """Make the complete directory ``staging`` appear at ``target``; remove what was there."""
    parent = target.parent
    if not target.exists():
        os.rename(staging, target)
        fsync_dir(parent)
        return
    if _exchange(staging, target):
        fsync_dir(parent)
        shutil.rmtree(staging, ignore_errors=True)  # now holds the previous snapshot
        return
    retired = side_dir(parent, target.name, "old")
    os.rename(target, retired)
    # a crash here leaves no directory at `target`: recover() renames `retired` back
    os.rename(staging, target)
    fsync_dir(parent)
    shutil.rmtree(retired, ignore_errors=True)


def recover(snapshots_dir: Path) -> None:
    """Undo an interrupted non-atomic swap: put a retired snapshot back if its name is empty."""
    try:
        entries = list(snapshots_dir.iterdir())
    except OSError:
        return
    for entry in entries:
        m = _SIDE_DIR.match(entry.name)
        if not m or m["kind"] != "old" or pid_alive(int(m["pid"])):
            continue
        target = snapshots_dir / m["name"]
        if not target.exists():
            with contextlib.suppress(OSError):  # read-only project: leave it, nothing is lost
                os.rename(entry, target)
                fsync_dir(snapshots_dir)


def sweep(snapshots_dir: Path, name: str) -> None:
    """Remove staging and retired directories of ``name`` left by dead writers (after recover)."""
    recover(snapshots_dir)
    try:
        entries = list(snapshots_dir.iterdir())
    except OSError:
        return
    for entry in entries:
        m = _SIDE_DIR.match(entry.name)
        if m and m["name"] == name and not pid_alive(int(m["pid"])):
            shutil.rmtree(entry, ignore_errors=True)
