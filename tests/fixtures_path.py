"""Where the shared real-device fixtures live (``shared/fixtures/real`` beside the repo).

Order: ``$NETAUDIT_FIXTURES``; ``<repo>/../shared/fixtures/real`` (the layout both on the
workstation and in CI, where a copy of ``shared/`` sits next to the fresh clone).
"""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"


def _real() -> Path:
    env = os.environ.get("NETAUDIT_FIXTURES")
    if env:
        return Path(env).expanduser().resolve()
    return REPO.parent / "shared" / "fixtures" / "real"


REAL = _real()
NTC = REAL / "ntc-templates"
SHOW = REAL / "show"
