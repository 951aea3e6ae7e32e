"""File and directory names inside a snapshot (product.md §4.3)."""

from __future__ import annotations

import re

from netaudit.errors import SnapshotError

_UNSAFE_RUN = re.compile(r"[^A-Za-z0-9.-]+")

#: the command every device directory is expected to hold (bring-your-own-backups minimum)
RUNNING_CONFIG = "display current-configuration"


def command_filename(command: str) -> str:
    """The file name holding a command's output: unsafe runs become ``_``, plus ``.txt``.

    Every run of characters outside ``[A-Za-z0-9.-]`` is replaced by one ``_``; nothing is
    trimmed or lower-cased, so the mapping is the one other tools of the contract apply.

    >>> command_filename("display current-configuration")
    'display_current-configuration.txt'
    >>> command_filename("display lldp neighbor brief")
    'display_lldp_neighbor_brief.txt'
    >>> command_filename("display current-configuration | include sysname")
    'display_current-configuration_include_sysname.txt'
    >>> command_filename("display  ip  interface brief")
    'display_ip_interface_brief.txt'
    >>> command_filename("display version")
    'display_version.txt'
    """
    if not command.strip():
        raise ValueError("empty command")
    return _UNSAFE_RUN.sub("_", command) + ".txt"


def is_command_filename(text: str) -> bool:
    """True when ``text`` already is a command file name (a fixed point of :func:`command_filename`).

    >>> is_command_filename("display_version.txt")
    True
    >>> is_command_filename("display version")
    False
    >>> is_command_filename("display file flash:/a.txt")
    False
    """
    return (text.endswith(".txt") and len(text) > 4
            and _UNSAFE_RUN.sub("_", text[:-4]) + ".txt" == text)


def to_filename(command_or_file: str) -> str:
    """Accept a command (``display version``) or its file name (``display_version.txt``).

    >>> to_filename("display version")
    'display_version.txt'
    >>> to_filename("display_version.txt")
    'display_version.txt'
    """
    if is_command_filename(command_or_file):
        return command_or_file
    return command_filename(command_or_file)


def check_component(value: str, what: str) -> str:
    """Return ``value`` when it is safe as one directory name of a snapshot, else raise SnapshotError.

    Names starting with ``.`` are reserved for the store's own staging directories and temp files,
    so they are refused too.

    >>> check_component("CZ-CORE", "hostname")
    'CZ-CORE'
    >>> check_component("../etc", "hostname")
    Traceback (most recent call last):
    ...
    netaudit.errors.SnapshotError: invalid hostname '../etc': must be one path component not starting with '.'
    """
    if (not value or value.strip() != value or value.startswith(".")
            or any(c in value for c in "/\\\x00") or value in (".", "..")):
        raise SnapshotError(
            f"invalid {what} {value!r}: must be one path component not starting with '.'")
    return value
