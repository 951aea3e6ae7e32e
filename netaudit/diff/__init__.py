"""Diff of configurations: intended vs running, snapshot vs snapshot (product.md §3).

- :mod:`~netaudit.diff.vrp`    platform rules as data (negation ``undo``, ``quit``, idempotent
  commands, ordered sections, scope keys)
- :mod:`~netaudit.diff.engine` the tree diff, remediation, unified/JSON output, and a small CLI
  model (:func:`apply_commands`) that checks source + remediation == target
"""

from netaudit.diff.engine import (
    Change,
    Diff,
    Line,
    apply_commands,
    canonical,
    config_text,
    diff_configs,
    load_config,
    normalize_target,
    scope_source,
)
from netaudit.diff.vrp import VRP, Platform, mask_secrets

__all__ = [
    "VRP", "Change", "Diff", "Line", "Platform", "apply_commands", "canonical", "config_text",
    "diff_configs", "load_config", "mask_secrets", "normalize_target", "scope_source",
]
