"""Checks: the registry of built-in checks (import the area modules to register them)."""

from netaudit.checks.base import REGISTRY, Check, DeviceContext, Outcome, failed, passed, register, skipped

__all__ = ["REGISTRY", "Check", "DeviceContext", "Outcome", "failed", "passed", "register", "skipped"]
