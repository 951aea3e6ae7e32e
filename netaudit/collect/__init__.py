"""Collect: read-only SSH sessions to the devices, outputs recorded into a snapshot.

Modules, one concern each:

- :mod:`~netaudit.collect.commands` the read-only allowlist gate and the per-platform command lists
- :mod:`~netaudit.collect.session`  one CLI session: login, prompt, paging, read until the prompt
- :mod:`~netaudit.collect.runner`   many devices in parallel into one :class:`~netaudit.snapshot.SnapshotWriter`
"""

from netaudit.collect.commands import ALLOWLIST, SESSION_SETUP, CommandRefused, check_input, commands_for
from netaudit.collect.runner import (
    CollectResult,
    ConnectMapError,
    DeviceOutcome,
    Progress,
    collect,
    load_connect_map,
    resolve_target,
)
from netaudit.collect.session import (
    AuthFailed,
    CliSession,
    CommandResult,
    CommandTimeout,
    ConnectFailed,
    Credentials,
    LoginFailed,
    SessionClosed,
    SessionError,
    SessionLog,
    Target,
    extract_output,
)

__all__ = [
    "ALLOWLIST", "SESSION_SETUP", "AuthFailed", "CliSession", "CollectResult", "CommandRefused",
    "CommandResult", "CommandTimeout", "ConnectFailed", "ConnectMapError", "Credentials",
    "DeviceOutcome", "LoginFailed", "Progress", "SessionClosed", "SessionError", "SessionLog",
    "Target", "check_input", "collect", "commands_for", "extract_output", "load_connect_map",
    "resolve_target",
]
