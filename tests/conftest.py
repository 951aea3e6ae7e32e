"""Shared test setup: helper modules in tests/ importable as `fixtures_path`/`checkutil` or `tests.*`."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))


def pytest_sessionstart(session: object) -> None:
    """In CI the real captures must be there: tests that need them would otherwise skip quietly."""
    import os

    import pytest
    from fixtures_path import REAL

    if not REAL.is_dir() and os.environ.get("CI"):
        raise pytest.UsageError(f"real device fixtures not found at {REAL} (set NETAUDIT_FIXTURES)")
