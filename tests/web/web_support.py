"""Helpers the web tests share (a module, not conftest, so test directories never clash)."""

from __future__ import annotations

from kg.config import Settings
from web import create_app

WRITE_TOKEN = "write-secret-token"
READ_TOKEN = "read-secret-token"


def make_app(store, tmp_path, **settings):
    app = create_app(Settings(data_dir=tmp_path, **settings), store)
    app.config["TESTING"] = True
    return app
