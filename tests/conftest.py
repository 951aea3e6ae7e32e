"""Shared test setup: helper modules in tests/ importable as `fixtures_path`/`checkutil` or `tests.*`."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))
