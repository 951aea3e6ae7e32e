"""Import every built-in check module so that each registers itself."""

from netaudit.checks import aaa, access, firewall, ipv6, logging, mgmt, snmp, topo  # noqa: F401
