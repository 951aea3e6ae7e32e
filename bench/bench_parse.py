"""Benchmark: netaudit ``build_device`` (configuration only) vs hier_config ``get_hconfig``.

Three sets of configurations (two of ~300-500-line access switches), each measured in the same
process and the same rounds for all contenders:

* ``synthetic``: 200 S5735-style configurations generated below (marked synthetic);
* ``example``: the example project's access switches
  (``snapshots/example/*ACC*/display_current-configuration.txt``, real-shaped text), each built
  ``--repeat`` times per round (nothing is cached between calls: every call parses the text);
* ``real``: the public real captures in ``../shared/fixtures/real/configs`` (or
  ``$NETAUDIT_FIXTURES/configs``) that hier_config accepts, ``--repeat`` times each.

Per set: ``build_device`` (tree + full model; evidence recorded as line numbers, see
``netaudit.model.device._Evidenced``), the same followed by reading every evidence line (each
becomes a redacted ``Evidence``: the most any audit reads), ``parse_config`` (the public tree
alone) and ``get_hconfig(Platform.HUAWEI_VRP, text)``; best of ``--rounds``; devices/s, lines/s
and the ratios. Usage::

    .venv/bin/python bench/bench_parse.py [--devices 200] [--repeat 20] [--rounds 5]

Runtime well under a minute. Only reports (exit status 0).
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from netaudit import _accel  # noqa: E402
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


def _read_all_evidence(obj: object) -> None:
    """Read ``evidence`` and ``field_evidence`` of every model object (turns every recorded line
    into an ``Evidence``, redacted): the most an audit can ask of a device's evidence."""
    if is_dataclass(obj) and not isinstance(obj, type):
        for f in fields(obj):
            v = getattr(obj, f.name)
            if isinstance(v, list | dict) and v or is_dataclass(v):
                _read_all_evidence(v)
    elif isinstance(obj, dict):
        for v in obj.values():
            _read_all_evidence(v)
    elif isinstance(obj, list) and obj and is_dataclass(obj[0]):
        for v in obj:
            _read_all_evidence(v)


REPO = Path(__file__).resolve().parents[1]
EXAMPLE_GLOB = "snapshots/example/*ACC*/display_current-configuration.txt"


def _best(fn: Callable[[int, str], object], texts: list[str], rounds: list[float]) -> None:
    """Time one pass of ``fn`` over ``texts``; nothing it returns is kept. The heap is collected
    first: a contender must not pay for garbage-collector passes over what another left behind
    (a full collection walks every live container, and hier_config allocates enough to trigger
    them: with a large live heap its times rose by a third)."""
    gc.collect()
    t0 = time.perf_counter()
    for k, t in enumerate(texts):
        fn(k, t)
    rounds.append(time.perf_counter() - t0)


def run_set(label: str, texts: list[str], rounds: int) -> dict[str, float]:
    """Time the three contenders on ``texts``, interleaved per round; print and return s/device."""
    from hier_config import Platform, get_hconfig

    from netaudit.parse.config_tree import parse_config

    def ours(k: int, t: str) -> object:
        return build_device(f"d{k}", "huawei_vrp", {"display current-configuration": t})

    def ours_read(k: int, t: str) -> object:
        dev = build_device(f"d{k}", "huawei_vrp", {"display current-configuration": t})
        _read_all_evidence(dev)
        return dev

    def tree(k: int, t: str) -> object:
        return parse_config(t, device=f"d{k}")

    def theirs(k: int, t: str) -> object:
        return get_hconfig(Platform.HUAWEI_VRP, t)

    # The walk that reads the evidence costs time of its own (a generic ``fields()`` walk, much
    # slower than building the lines): timed alone on a device already read, and subtracted.
    walk_s = 0.0

    def walk(k: int, t: str) -> object:
        nonlocal walk_s
        dev = ours_read(k, t)
        t0 = time.perf_counter()
        _read_all_evidence(dev)
        walk_s += time.perf_counter() - t0
        return None

    times: dict[str, list[float]] = {"build": [], "read": [], "walk": [], "tree": [], "hier": []}
    for _ in range(rounds):
        _best(ours, texts, times["build"])
        _best(ours_read, texts, times["read"])
        walk_s = 0.0
        _best(walk, texts, [])
        times["walk"].append(walk_s)
        _best(theirs, texts, times["hier"])
        _best(tree, texts, times["tree"])
    n = len(texts)
    lines = sum(t.count("\n") for t in texts)
    best = {k: min(v) / n for k, v in times.items()}
    best["read"] -= best.pop("walk")
    print(f"[{label}] {n} configs per round, {lines / n:.0f} lines each on average, best of {rounds}")
    names = {"build": "netaudit build_device (tree + model)",
             "read": "  + every evidence line read (net)",
             "tree": "netaudit parse_config (tree only)",
             "hier": "hier_config get_hconfig (tree only)"}
    for k in ("build", "read", "tree", "hier"):
        s = best[k]
        print(f"  {names[k]:38s} {1 / s:8.0f} devices/s {lines / n / s:10.0f} lines/s {s * 1000:7.3f} ms/device")
    print(f"  ratio full model (build_device vs get_hconfig): {best['hier'] / best['build']:.2f}x")
    print(f"  ratio full model, all evidence read:            {best['hier'] / best['read']:.2f}x")
    print(f"  ratio tree only  (parse_config vs get_hconfig): {best['hier'] / best['tree']:.2f}x")
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--devices", type=int, default=200, help="synthetic configurations")
    ap.add_argument("--repeat", type=int, default=20, help="builds of each example config per round")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args(argv)
    print(f"netaudit parser and model builder: {_accel.REASON}")
    rng = random.Random(7)
    synthetic = [access_config(i, rng) for i in range(args.devices)]
    run_set("synthetic S5735 access configs", synthetic, args.rounds)
    files = sorted(REPO.glob(EXAMPLE_GLOB))
    if files:
        example = [f.read_text(encoding="utf-8") for f in files] * args.repeat
        print()
        run_set(f"example project access switches ({len(files)} files x {args.repeat})", example, args.rounds)
    real, skipped = real_captures()
    if real:
        print()
        run_set(f"public real captures, all models ({len(real)} files x {args.repeat})", real * args.repeat,
                args.rounds)
        for why in skipped:
            print(f"  not in this set: {why}")
    return 0


def real_captures() -> tuple[list[str], list[str]]:
    """The real configurations of ``shared/fixtures/real/configs`` (CE and S-series, 210-830 lines;
    not all access switches) that hier_config accepts, and why the others are left out."""
    from hier_config import Platform, get_hconfig

    from tests.fixtures_path import REAL  # ../shared/fixtures/real or $NETAUDIT_FIXTURES

    texts: list[str] = []
    skipped: list[str] = []
    for p in sorted((REAL / "configs").glob("*.txt")):
        text = p.read_text(encoding="utf-8", errors="replace")
        try:
            get_hconfig(Platform.HUAWEI_VRP, text)
        except Exception as exc:  # noqa: BLE001 — reported, not hidden
            skipped.append(f"{p.name} (hier_config: {type(exc).__name__}: {exc})")
            continue
        texts.append(text)
    return texts, skipped


if __name__ == "__main__":
    raise SystemExit(main())
