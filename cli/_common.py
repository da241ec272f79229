"""What several subcommands share: settings and the store they name, with clean errors."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import click

from kg.config import ConfigError, Settings
from kg.stores import Store, StoreError, open_store


def load_settings() -> Settings:
    try:
        return Settings.load()
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None


@contextlib.contextmanager
def store_from_context(settings: Settings | None = None) -> Iterator[Store]:
    """Open the configured store, turning store errors into one-line CLI errors."""
    settings = settings or load_settings()
    try:
        store = open_store(settings)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        yield store
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        store.close()
