"""netaudit — inventory and audit of a Huawei VRP e-government extranet."""

__version__ = "0.1.0"
