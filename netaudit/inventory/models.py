"""Inventory models (product.md §4.2): sites, devices, links, groups and defaults.

Sites form a tree city → county → town → village. A CSS/stack/IRF cluster is ONE device with
``chassis`` members. A device's tier is its site's tier.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Tier = Literal["city", "county", "town", "village"]
Zone = Literal["core", "cloud", "aggregation", "access", "county", "extranet", "finance", "egress"]
Platform = Literal["huawei_vrp", "huawei_vrpv8", "huawei_usg", "hp_comware"]
Role = Literal["switch", "router", "firewall"]

TIERS: tuple[str, ...] = ("city", "county", "town", "village")
ZONES: tuple[str, ...] = ("core", "cloud", "aggregation", "access", "county", "extranet", "finance", "egress")
PLATFORMS: tuple[str, ...] = ("huawei_vrp", "huawei_vrpv8", "huawei_usg", "hp_comware")
ROLES: tuple[str, ...] = ("switch", "router", "firewall")

#: which site tiers each zone may sit in (product.md §4.2)
ZONE_TIERS: dict[str, tuple[str, ...]] = {
    "core": ("city",), "cloud": ("city",), "aggregation": ("city",), "extranet": ("city",),
    "finance": ("city",), "egress": ("city",),
    "county": ("county", "town", "village"),
    "access": TIERS,
}

ZONE_NAMES_ZH: dict[str, str] = {
    "core": "核心交换区", "cloud": "云平台接入区", "aggregation": "市直单位汇聚区", "access": "接入层",
    "county": "区县纵向网络互联区", "extranet": "外联区", "finance": "金融机构互联区", "egress": "互联网出口",
}
TIER_NAMES_ZH: dict[str, str] = {"city": "市", "county": "县/区", "town": "镇/街", "village": "村/居"}

_BANDWIDTH_RE = re.compile(r"^(\d+)([MG])$")
BANDWIDTHS: tuple[str, ...] = ("100M", "1G", "10G", "25G", "40G", "100G")


def bandwidth_mbps(text: str) -> int:
    """Megabits per second of a bandwidth label.

    >>> bandwidth_mbps("10G")
    10000
    >>> bandwidth_mbps("100M")
    100
    """
    m = _BANDWIDTH_RE.match(text)
    if not m:
        raise ValueError(f"bad bandwidth {text!r}")
    return int(m.group(1)) * (1000 if m.group(2) == "G" else 1)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Site(_Strict):
    """A place in the coverage tree."""

    name: str = Field(min_length=1, description="unique site name")
    tier: Tier
    parent: str | None = Field(None, description="parent site (none for the city)")
    description: str = ""


class Device(_Strict):
    """One managed device (a CSS/stack cluster is one device)."""

    hostname: str = Field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    mgmt_ip: str
    platform: Platform
    model: str = ""
    role: Role = "switch"
    zone: Zone
    site: str
    chassis: int = Field(1, ge=1, le=16)
    tags: list[str] = Field(default_factory=list)
    vars: dict[str, Any] = Field(default_factory=dict)
    group: str | None = None
    description: str = ""
    #: filled from the site by the loader
    tier: Tier | None = None

    @field_validator("mgmt_ip")
    @classmethod
    def _ip(cls, v: str) -> str:
        try:
            return str(ipaddress.ip_address(v))
        except ValueError:
            raise ValueError(f"not an IPv4 or IPv6 address: {v!r}") from None


class Link(_Strict):
    """A declared link between two device interfaces."""

    a: str = Field(pattern=r"^[^:\s]+:\S+$", description="HOST:INTERFACE")
    b: str = Field(pattern=r"^[^:\s]+:\S+$", description="HOST:INTERFACE")
    bandwidth: str
    description: str = ""

    @field_validator("bandwidth")
    @classmethod
    def _bw(cls, v: str) -> str:
        if v not in BANDWIDTHS:
            raise ValueError(f"bandwidth must be one of {', '.join(BANDWIDTHS)}, not {v!r}")
        return v

    @property
    def a_host(self) -> str:
        return self.a.split(":", 1)[0]

    @property
    def a_intf(self) -> str:
        return self.a.split(":", 1)[1]

    @property
    def b_host(self) -> str:
        return self.b.split(":", 1)[0]

    @property
    def b_intf(self) -> str:
        return self.b.split(":", 1)[1]

    @property
    def bandwidth_mbps(self) -> int:
        return bandwidth_mbps(self.bandwidth)

    @property
    def label(self) -> str:
        return f"{self.a}--{self.b}"


class Group(_Strict):
    """Shared settings a device inherits (host → group → defaults)."""

    name: str
    platform: Platform | None = None
    model: str | None = None
    role: Role | None = None
    zone: Zone | None = None
    tags: list[str] = Field(default_factory=list)
    vars: dict[str, Any] = Field(default_factory=dict)


class Inventory(BaseModel):
    """The merged inventory of a project."""

    sites: list[Site] = Field(default_factory=list)
    devices: list[Device] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list)
    #: where each device was declared: hostname -> "file:line"
    origins: dict[str, str] = Field(default_factory=dict)
    #: where each link was declared: link label -> "file:line"
    link_origins: dict[str, str] = Field(default_factory=dict)

    def device(self, hostname: str) -> Device | None:
        for d in self.devices:
            if d.hostname == hostname:
                return d
        return None

    def site(self, name: str) -> Site | None:
        for s in self.sites:
            if s.name == name:
                return s
        return None

    def links_of(self, hostname: str) -> list[Link]:
        return [lk for lk in self.links if hostname in (lk.a_host, lk.b_host)]
