"""Settings, from environment variables over an optional TOML file over defaults.

The one place every setting is defined; docs/configuration.md lists them for users.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

# Environment variable -> Settings field.
ENV_VARS = {
    "KG_STORE": "store",
    "KG_DATA_DIR": "data_dir",
    "NEO4J_URI": "neo4j_uri",
    "NEO4J_USER": "neo4j_user",
    "NEO4J_PASSWORD": "neo4j_password",
    "NEO4J_DATABASE": "neo4j_database",
    "KG_WRITE_TOKEN": "write_token",
    "KG_READ_TOKEN": "read_token",
    "KG_HOST": "host",
    "KG_PORT": "port",
    "KG_RDF_BASE": "rdf_base",
    "KG_MAX_INPUT_BYTES": "max_input_bytes",
    "KG_NEO4J_RETRIES": "neo4j_retries",
    "KG_MAX_CONCURRENT_QUERIES": "max_concurrent_queries",
    "KG_MAX_RESULT_BYTES": "max_result_bytes",
}


_WHOLE_NUMBERS = (
    "port",
    "max_input_bytes",
    "neo4j_retries",
    "max_concurrent_queries",
    "max_result_bytes",
)


class ConfigError(ValueError):
    """A setting has a value the program cannot use; the message names the setting."""


@dataclass(frozen=True)
class Settings:
    store: str = ""  # "neo4j" or "embedded"; empty means: neo4j if NEO4J_URI is set, else embedded
    data_dir: Path = Path.home() / ".local" / "share" / "diplomacy-kg"
    neo4j_uri: str = ""
    neo4j_user: str = "neo4j"
    neo4j_password: str = ""
    neo4j_database: str = "neo4j"
    write_token: str = ""  # empty: writes through the web API are refused
    read_token: str = ""  # empty: reads are open
    host: str = "127.0.0.1"
    port: int = 5000
    rdf_base: str = "https://diplomacy-kg.example.org/id/"
    max_input_bytes: int = 20 * 1024 * 1024
    neo4j_retries: int = 3  # attempts per store call when Neo4j is unreachable (back-off doubles)
    max_concurrent_queries: int = 2  # SPARQL and Cypher queries running at once; more get 429
    max_result_bytes: int = 4 * 1024 * 1024  # largest SPARQL or Cypher result sent back

    @property
    def backend(self) -> str:
        if self.store:
            return self.store
        return "neo4j" if self.neo4j_uri else "embedded"

    @classmethod
    def load(cls, config_file: Path | None = None, env: dict[str, str] | None = None) -> Settings:
        """Defaults, then the config file (KG_CONFIG, else ./kg.toml if present), then env."""
        env = dict(os.environ) if env is None else env
        values: dict[str, object] = {}
        path = config_file or (Path(env["KG_CONFIG"]) if env.get("KG_CONFIG") else Path("kg.toml"))
        if config_file is not None or env.get("KG_CONFIG") or path.exists():
            try:
                values.update(tomllib.loads(path.read_text(encoding="utf-8")))
            except FileNotFoundError:
                raise ConfigError(f"{path}: config file not found") from None
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"{path}: not valid TOML: {exc}") from None
            known = {f.name for f in fields(cls)}
            unknown = sorted(set(values) - known)
            if unknown:
                raise ConfigError(f"{path}: unknown settings {unknown}; known: {sorted(known)}")
        for var, name in ENV_VARS.items():
            if env.get(var):
                values[name] = env[var]
        return cls()._with(values)

    def _with(self, values: dict[str, object]) -> Settings:
        converted: dict[str, Any] = {}
        for f in fields(self):
            if f.name not in values:
                continue
            raw = values[f.name]
            if f.name == "data_dir":
                converted[f.name] = Path(str(raw)).expanduser()
            elif f.name in _WHOLE_NUMBERS:
                try:
                    converted[f.name] = int(str(raw))
                except ValueError:
                    raise ConfigError(f"{f.name} must be a whole number, got {raw!r}") from None
            else:
                converted[f.name] = str(raw)
        settings = replace(self, **converted)
        for name in ("neo4j_retries", "max_concurrent_queries", "max_result_bytes"):
            if getattr(settings, name) < 1:
                raise ConfigError(f"{name} must be at least 1, got {getattr(settings, name)}")
        if settings.store not in ("", "neo4j", "embedded"):
            raise ConfigError(f"KG_STORE must be 'neo4j' or 'embedded', got {settings.store!r}")
        return settings
