"""Benchmark: netaudit ``build_device`` (configuration only) vs hier_config ``get_hconfig``.

Both parse the same synthetic ~400-line S5735 access-switch configurations (generated below,
marked synthetic) in the same process, interleaved, best of several rounds. Usage::

    .venv/bin/python bench/bench_parse.py [--devices 200] [--rounds 5]

Prints devices/s and lines/s for both and the speed ratio. Runtime well under a minute.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from netaudit.model.build import build_device  # noqa: E402


def access_config(i: int, rng: random.Random) -> str:
    """A realistic S5735-S48 access-switch running config (SYNTHETIC), about 400 lines."""
    mgmt_vlan = 100 + i % 50
    user_vlans = [200 + (i % 20) * 4 + k for k in range(3)]
    host = f"CZ-AS-{i:04d}"
    L: list[str] = [
        "!Software Version V200R022C00SPC500",
        "!Last configuration was updated at 2024-05-11 10:22:31+08:00",
        "#", f"sysname {host}", "#",
        f"vlan batch {mgmt_vlan} {' '.join(map(str, user_vlans))}", "#",
        "stp mode rstp", "stp edged-port default", "#",
        "authentication-profile name default_authen_profile",
        "authentication-profile name dot1x_authen_profile", "#",
        "ipv6", "#", "dhcp enable", "dhcp snooping enable", "#",
        "clock timezone BJ add 08:00:00", "#",
        "hwtacacs-server template tac",
        " hwtacacs-server authentication 10.1.6.6 vpn-instance MGMT",
        " hwtacacs-server authentication 10.1.6.7 vpn-instance MGMT secondary",
        " hwtacacs-server authorization 10.1.6.6 vpn-instance MGMT",
        " hwtacacs-server accounting 10.1.6.6 vpn-instance MGMT",
        " hwtacacs-server shared-key cipher %^%#SYNTHETICKEYSYNTHETICKEY%^%#", "#",
        "acl number 2000", " rule 5 permit source 10.1.20.0 0.0.0.255", " rule 100 deny", "#",
        "acl ipv6 number 2001", " rule 5 permit source 2409:8C54:1:20::/64", " rule 100 deny", "#",
        "aaa",
        " authentication-scheme tac-auth", "  authentication-mode hwtacacs local",
        " authorization-scheme tac-author", "  authorization-mode hwtacacs local",
        "  authorization-cmd 15 hwtacacs local",
        " accounting-scheme tac-acct", "  accounting-mode hwtacacs",
        " recording-scheme rec", "  recording-mode hwtacacs tac",
        " cmd recording-scheme rec",
        " local-aaa-user password policy administrator", "  password history record number 5",
        "  password expire 90",
        " domain default_admin", "  authentication-scheme tac-auth", "  authorization-scheme tac-author",
        "  accounting-scheme tac-acct", "  hwtacacs-server tac",
        " local-user admin password irreversible-cipher $1c$SYNTHETIC$SYNTHETIC$",
        " local-user admin privilege level 15", " local-user admin service-type terminal ssh", "#",
        "ntp-service unicast-server 10.1.20.5", "ntp-service unicast-server 10.1.20.6", "#",
        "info-center loghost 10.1.20.10 vpn-instance MGMT", "info-center loghost source Vlanif" + str(mgmt_vlan),
        "info-center timestamp log date", "#",
    ]
    L += [f"interface Vlanif{mgmt_vlan}", f" ip address 10.{i // 250}.{i % 250}.2 255.255.255.0",
          " ipv6 enable", f" ipv6 address 2409:8C54:{i:x}::2/64", "#",
          "interface MEth0/0/1", " shutdown", "#",
          "interface Eth-Trunk1", " port link-type trunk", " undo port trunk allow-pass vlan 1",
          f" port trunk allow-pass vlan {mgmt_vlan} {' '.join(map(str, user_vlans))}", " mode lacp",
          " dhcp snooping trusted", "#"]
    for p in range(1, 49):
        vlan = user_vlans[p % 3]
        L.append(f"interface GigabitEthernet0/0/{p}")
        if rng.random() < 0.4:
            L += [" shutdown", "#"]
            continue
        L += [f" description user-port-{p:02d}", " port link-type access", f" port default vlan {vlan}",
              " stp edged-port enable", " dhcp snooping enable", " ip source check user-bind enable",
              " arp anti-attack check user-bind enable", " authentication-profile dot1x_authen_profile", "#"]
    for p in (1, 2, 3, 4):
        L += [f"interface XGigabitEthernet0/0/{p}", " eth-trunk 1" if p <= 2 else " shutdown", "#"]
    L += ["interface NULL0", "#", f"ip route-static 0.0.0.0 0.0.0.0 10.{i // 250}.{i % 250}.1", "#",
          "snmp-agent", "snmp-agent local-engineid 800007DB03SYNTHETIC",
          "snmp-agent sys-info version v3",
          "snmp-agent group v3 nms privacy read-view iso write-view iso notify-view iso acl 2000",
          "snmp-agent usm-user v3 nmsuser group nms",
          "snmp-agent usm-user v3 nmsuser authentication-mode sha cipher %^%#SYNTHETIC1%^%#",
          "snmp-agent usm-user v3 nmsuser privacy-mode aes128 cipher %^%#SYNTHETIC2%^%#", "#",
          "stelnet server enable", "ssh server cipher aes256_ctr aes128_ctr", "ssh server hmac sha2_256",
          f"ssh server-source -i Vlanif{mgmt_vlan}", "ssh server acl 2000", "#",
          "set save-configuration backup-to-server server 10.1.20.8 transport-type sftp user bk "
          "password %^%#SYNTHETIC3%^%#", "#",
          "user-interface con 0", " authentication-mode aaa", " idle-timeout 5 0",
          "user-interface vty 0 4", " acl 2000 inbound", " acl ipv6 2001 inbound", " authentication-mode aaa",
          " protocol inbound ssh", " idle-timeout 10 0", "user-interface vty 16 20", "#", "return"]
    return "\n".join(L) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devices", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args(argv)
    from hier_config import Platform, get_hconfig

    rng = random.Random(7)
    texts = [access_config(i, rng) for i in range(args.devices)]
    lines = sum(t.count("\n") for t in texts)
    from netaudit.parse.config_tree import parse_config

    ours: list[float] = []
    theirs: list[float] = []
    tree_only: list[float] = []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for k, t in enumerate(texts):
            build_device(f"d{k}", "huawei_vrp", {"display current-configuration": t})
        ours.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for t in texts:
            get_hconfig(Platform.HUAWEI_VRP, t)
        theirs.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for t in texts:
            parse_config(t)
        tree_only.append(time.perf_counter() - t0)
    o, h = min(ours), min(theirs)
    n = len(texts)
    print(f"configs: {n} synthetic S5735 access configs, {lines / n:.0f} lines each, best of {args.rounds}")
    print(f"netaudit build_device : {n / o:8.0f} devices/s {lines / o:10.0f} lines/s ({o / n * 1000:.3f} ms/device)")
    print(f"hier_config get_hconfig: {n / h:8.0f} devices/s {lines / h:10.0f} lines/s ({h / n * 1000:.3f} ms/device)")
    p = min(tree_only)
    print(f"netaudit parse_config  : {n / p:8.0f} devices/s {lines / p:10.0f} lines/s ({p / n * 1000:.3f} ms/device)")
    print(f"ratio full model (build_device vs get_hconfig): {h / o:.2f}x")
    print(f"ratio tree only (parse_config vs get_hconfig):  {h / p:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
