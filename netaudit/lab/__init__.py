"""Lab: an SSH server on loopback that impersonates the devices of a snapshot (for tests and demos).

:func:`start_lab` serves each device of a snapshot on its own port, with the prompts, echo,
pager and errors of a VRP user view, plus faults (``hang``, ``drop``, ``slow``, ``badauth``,
``nopaging``, ``pwchange``) to exercise the collector. See :mod:`netaudit.lab.simulator`.
"""

from netaudit.lab.simulator import FAULTS, Lab, LabDevice, LabError, load_devices, parse_fault, start_lab

__all__ = ["FAULTS", "Lab", "LabDevice", "LabError", "load_devices", "parse_fault", "start_lab"]
