"""Reading YAML with line numbers (inventory, policies, waivers), for ``file:line`` error messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from netaudit.errors import PolicyError


def load_yaml(path: Path) -> Any:
    """Parse one YAML file (round-trip types keep line numbers); PolicyError on bad syntax."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise PolicyError(f"{path}: cannot read: {e.strerror}") from None
    try:
        return YAML(typ="rt").load(text)
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark is not None else 0
        raise PolicyError(f"{path}:{line}: YAML syntax error: {e.problem or e.context}") from None
    except Exception as e:
        raise PolicyError(f"{path}: YAML error: {e}") from None


def line_of(node: Any, key: str | int | None = None) -> int:
    """1-based line of a mapping/sequence, or of one key/item inside it."""
    try:
        if key is not None and isinstance(node, CommentedMap) and key in node:
            return int(node.lc.key(key)[0]) + 1
        if isinstance(key, int) and isinstance(node, CommentedSeq):
            return int(node.lc.item(key)[0]) + 1
        return int(node.lc.line) + 1
    except (AttributeError, KeyError, IndexError, TypeError):
        return 0


def plain(value: Any) -> Any:
    """Round-trip containers → plain dict/list."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def pydantic_messages(path: Path, node: Any, exc: ValidationError, prefix: str = "") -> list[str]:
    """``file:line: field: message`` for each pydantic error, lines taken from the YAML node."""
    out = []
    for err in exc.errors():
        loc = [str(p) for p in err["loc"]]
        key = loc[0] if loc else None
        line = line_of(node, key)
        field = ".".join(p for p in [prefix, *loc] if p)
        msg = "unknown parameter" if err["type"] == "extra_forbidden" else err["msg"].removeprefix("Value error, ")
        out.append(f"{path}:{line}: {field}: {msg}")
    return out
