"""Rendering of intended configurations: inventory → Jinja2 (``<project>/templates``) → config.

See :mod:`netaudit.render.engine` for the template choice, the context and the secret scheme.
"""

from netaudit.render.engine import (
    Rendered,
    RenderError,
    abbrev_intf,
    build_context,
    load_global_vars,
    make_environment,
    render_device,
    secret,
    template_candidates,
)

__all__ = [
    "RenderError", "Rendered", "abbrev_intf", "build_context", "load_global_vars",
    "make_environment", "render_device", "secret", "template_candidates",
]
