"""Shared loaders for the report tests: the synthetic sample, and the real example project if present."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from netaudit.results import Results

DATA = Path(__file__).parent / "data" / "reports"
REPO = Path(__file__).resolve().parent.parent


def sample_results() -> Results:
    """The SYNTHETIC sample results (tests/data/reports/make_sample.py)."""
    return Results.model_validate_json((DATA / "sample_results.json").read_text(encoding="utf-8"))


def sample_inventory() -> Any:
    """The sample inventory as real inventory models (tiers filled from sites, as the loader does)."""
    from netaudit.inventory.models import Inventory

    inv = Inventory.model_validate(json.loads((DATA / "sample_inventory.json").read_text(encoding="utf-8")))
    tiers = {s.name: s.tier for s in inv.sites}
    for d in inv.devices:
        d.tier = tiers[d.site]  # type: ignore[assignment]
    return inv


def example_inventory() -> Any | None:
    """The repository's example project inventory, when the loader and the files exist."""
    try:
        from netaudit.inventory import load_inventory
    except ImportError:
        return None
    if not any((REPO / "inventory").glob("*.yaml")):
        return None
    return load_inventory(REPO)
