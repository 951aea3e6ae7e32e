"""The typed device model (``device``), platform knowledge (``platforms``) and the builder."""

from netaudit import _accel

_accel.extend(__path__, "netaudit.model")   # before any submodule is imported

from netaudit.model.build import build_device  # noqa: E402  (after the path change above)
from netaudit.model.device import Device, Evidence, Secret  # noqa: E402

__all__ = ["Device", "Evidence", "Secret", "build_device"]
