"""The analyst web UI: `create_app(settings=None, store=None)`; see docs/web.md."""

from web._app import create_app

__all__ = ["create_app"]
