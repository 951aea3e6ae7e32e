"""The bundled example project: inventory, synthetic snapshot and its list of deviations."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
SNAP = ROOT / "snapshots" / "example"


def _load(name: str) -> list[dict]:
    data = YAML(typ="safe").load((ROOT / "inventory" / f"{name}.yaml").read_text(encoding="utf-8"))
    return data[name]


DEVICES = _load("devices")
HOSTS = [d["hostname"] for d in DEVICES]


def _generator():
    spec = importlib.util.spec_from_file_location("gen_example", ROOT / "tools" / "gen_example.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look the module up while the class is built
    spec.loader.exec_module(mod)
    return mod


def test_inventory_is_large_enough_and_unique() -> None:
    assert len(DEVICES) >= 40
    assert len(set(HOSTS)) == len(HOSTS)
    ips = [d["mgmt_ip"] for d in DEVICES]
    assert len(set(ips)) == len(ips)
    ends = [e for lk in _load("links") for e in (lk["a"], lk["b"])]
    assert len(set(ends)) == len(ends), "an interface is used by more than one link"
    assert {e.split(":", 1)[0] for e in ends} <= set(HOSTS)


@pytest.mark.parametrize("host", HOSTS)
def test_every_device_has_a_config_with_its_sysname(host: str) -> None:
    cfg = SNAP / host / "display_current-configuration.txt"
    assert cfg.is_file()
    text = cfg.read_text(encoding="utf-8")
    assert re.search(rf"^sysname {re.escape(host)}$", text, re.M)
    assert text.startswith("!Software Version V")
    assert text.rstrip().endswith("return")


def test_generator_is_deterministic(tmp_path: Path) -> None:
    gen = _generator()
    gen.generate(ROOT / "inventory", tmp_path)
    fresh = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.suffix in (".txt", ".json"))
    committed = sorted(p.relative_to(SNAP) for p in SNAP.rglob("*") if p.suffix in (".txt", ".json"))
    assert fresh == committed
    for rel in fresh:
        assert (tmp_path / rel).read_bytes() == (SNAP / rel).read_bytes(), rel


def _deviation_rows() -> list[list[str]]:
    rows = []
    for line in (SNAP / "DEVIATIONS.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("| ") and not line.startswith("| device") and not line.startswith("|---"):
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
    return rows


def test_every_deviation_names_an_existing_device() -> None:
    rows = _deviation_rows()
    assert len(rows) >= 10
    for row in rows:
        assert len(row) == 5, row
        assert row[0] in HOSTS, row[0]
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", row[3]), row[3]


def test_secrets_appear_in_configs_and_are_unique() -> None:
    secrets = (SNAP / "SECRETS.txt").read_text(encoding="utf-8").splitlines()
    assert len(secrets) == len(set(secrets)) > 0
    configs = "".join((SNAP / h / "display_current-configuration.txt").read_text(encoding="utf-8") for h in HOSTS)
    for s in secrets:
        assert configs.count(s) == 1, s
