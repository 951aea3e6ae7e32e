"""Policy catalogs (which checks run, with which parameters, where), custom rules and waivers."""

from netaudit.policy.catalog import CheckEntry, Policy, load_policies
from netaudit.policy.waivers import Waiver, apply_waivers, load_waivers

__all__ = ["CheckEntry", "Policy", "Waiver", "apply_waivers", "load_policies", "load_waivers"]
