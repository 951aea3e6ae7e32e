"""netaudit — inventory and audit of a Huawei VRP e-government extranet."""

from netaudit import _accel

__version__ = "0.1.0"

# the compiled parser and model builder, when built for these sources (see ``_accel``)
_accel.extend(__path__, "netaudit")
