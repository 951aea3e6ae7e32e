"""Import every built-in check module so that each registers itself."""

from netaudit.checks import topo  # noqa: F401
