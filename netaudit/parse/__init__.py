"""Parsing of recorded outputs: cleaning (:mod:`.clean`) and show-command tables (:mod:`.shows`).

The configuration tree lives in :mod:`netaudit.parse.config_tree`.
"""

from netaudit import _accel

_accel.extend(__path__, "netaudit.parse")   # before any submodule is imported

from netaudit.parse.clean import clean_output, clean_with_offset, decode_output, is_prompt_line  # noqa: E402
from netaudit.parse.shows import NoParserError, find_template, own_templates, parse_show  # noqa: E402

__all__ = [
    "NoParserError",
    "clean_output",
    "clean_with_offset",
    "decode_output",
    "find_template",
    "is_prompt_line",
    "own_templates",
    "parse_show",
]
