"""Subcommands filled in by their issue's work (see DEVELOPERS.md)."""

COMMANDS: list = []
