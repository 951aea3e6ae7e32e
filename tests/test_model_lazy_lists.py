"""``Interface`` list fields created on first use (``device._InterfaceLists``)."""

from __future__ import annotations

import copy
import dataclasses
import pickle

from netaudit.model import build_device
from netaudit.model.device import _IF_LISTS, Interface

CONFIG = """sysname A
#
interface GigabitEthernet0/0/1
 description user
 port link-type access
 port default vlan 10
#
interface Vlanif10
 ip address 10.0.0.1 255.255.255.0
#
return
"""


def _built() -> dict[str, Interface]:
    return build_device("a", "huawei_vrp", {"display current-configuration": CONFIG}).interfaces


def test_fields_and_order_unchanged() -> None:
    names = [f.name for f in dataclasses.fields(Interface)]
    assert set(_IF_LISTS) <= set(names)
    assert names.index("allowed_vlans") < names.index("ipv4") < names.index("stack_port")


def test_unset_list_reads_as_a_stable_empty_list() -> None:
    ifc = _built()["GigabitEthernet0/0/1"]
    for name in _IF_LISTS:
        got = getattr(ifc, name)
        assert got == [] and type(got) is list
        assert getattr(ifc, name) is got           # created once, then kept
    ifc.service_manage.append("ssh")
    assert ifc.service_manage == ["ssh"]
    ifc.allowed_vlans = [(1, 2)]
    assert ifc.allowed_vlans == [(1, 2)]


def test_set_lists_and_equality_with_an_eager_interface() -> None:
    ifcs = _built()
    assert ifcs["Vlanif10"].ipv4[0].address == "10.0.0.1"
    port = ifcs["GigabitEthernet0/0/1"]
    eager = Interface(name=port.name, type=port.type, number=port.number, chassis=port.chassis,
                      slot=port.slot, physical=port.physical, description="user", link_type="access",
                      default_vlan=10, evidence=port.evidence, field_evidence=port.field_evidence)
    assert port == eager
    assert port.model_dump() == eager.model_dump()


def test_pickle_and_copy_keep_the_lists() -> None:
    for ifc in _built().values():
        for other in (pickle.loads(pickle.dumps(ifc)), copy.deepcopy(ifc), copy.copy(ifc)):
            assert other == ifc
            assert other.model_dump_json() == ifc.model_dump_json()


def test_direct_init_matches_the_dataclass_signature_and_result() -> None:
    """The evidenced classes' generated ``__init__`` (``device._direct_init``)."""
    import inspect

    from netaudit.model.device import AaaScheme, Device, Evidence

    sig = inspect.signature(AaaScheme)
    assert list(sig.parameters) == [f.name for f in dataclasses.fields(AaaScheme)]
    assert str(sig.parameters["modes"].default) == "<factory>"
    a, b = AaaScheme(name="x", kind="authentication"), AaaScheme(name="y")
    assert a.modes == [] and a.modes is not b.modes and a.evidence == [] and a.field_evidence == {}
    ev = [Evidence(3, "aaa")]
    c = AaaScheme([*ev], {"modes": [*ev]}, "n", "accounting", ["local"])
    assert (c.evidence, c.field_evidence, c.name, c.kind, c.modes) == (ev, {"modes": ev}, "n", "accounting",
                                                                      ["local"])
    assert dataclasses.replace(c, name="m").name == "m"
    d = Device(hostname="h", platform="huawei_vrp")
    assert d.aaa is not Device(hostname="h", platform="huawei_vrp").aaa
    assert d.ev() == [] and d.model_dump()["hostname"] == "h"
