"""The typed device model (``device``), platform knowledge (``platforms``) and the builder."""

from netaudit.model.build import build_device
from netaudit.model.device import Device, Evidence, Secret

__all__ = ["Device", "Evidence", "Secret", "build_device"]
