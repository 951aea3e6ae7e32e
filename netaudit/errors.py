"""The project's exception tree.

    NetauditError                 base of everything the tool raises on purpose
    ├── InventoryError            inventory YAML is malformed or inconsistent (carries all messages)
    ├── SnapshotError             a snapshot is missing, unreadable or inconsistent
    ├── ParseError                a device output could not be understood (device, command, line)
    ├── PolicyError               a policy catalog or waiver file is malformed (file:line)
    └── SelectorError             a --limit expression is malformed

The CLI turns every NetauditError into one clear message and exit code 2, never a traceback.
"""

from __future__ import annotations


class NetauditError(Exception):
    """Base class: a user-facing error with a clear message."""


class InventoryError(NetauditError):
    """Inventory problems; ``messages`` holds every ``file:line: field: text`` found."""

    def __init__(self, messages: list[str]):
        self.messages = list(messages)
        super().__init__("\n".join(self.messages))


class SnapshotError(NetauditError):
    """A snapshot cannot be read, written or verified."""


class ParseError(NetauditError):
    """A device output could not be parsed.

    Names the device, the command, the 1-based line number and the offending line text.
    """

    def __init__(self, message: str, *, device: str = "?", command: str = "?",
                 line_no: int | None = None, line: str | None = None):
        self.reason = message
        self.device = device
        self.command = command
        self.line_no = line_no
        self.line = line
        where = f"{device}: {command}"
        if line_no is not None:
            where += f": line {line_no}"
        text = f"{where}: {message}"
        if line is not None:
            text += f": {line.strip()[:120]!r}"
        super().__init__(text)


class PolicyError(NetauditError):
    """A policy catalog, custom rule or waiver is invalid (message names file:line)."""


class SelectorError(NetauditError):
    """A --limit expression is invalid."""
