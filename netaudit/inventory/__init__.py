"""Inventory: sites, devices and links of the extranet, loaded from ``inventory/*.yaml``."""

from netaudit.inventory.loader import load_inventory
from netaudit.inventory.models import (
    PLATFORMS,
    TIERS,
    ZONES,
    Device,
    Group,
    Inventory,
    Link,
    Site,
    bandwidth_mbps,
)
from netaudit.inventory.select import matches, parse_limit, select

__all__ = [
    "PLATFORMS", "TIERS", "ZONES", "Device", "Group", "Inventory", "Link", "Site", "bandwidth_mbps",
    "load_inventory", "matches", "parse_limit", "select",
]
