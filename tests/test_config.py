"""Settings: defaults, kg.toml, environment over file, and clear errors naming the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.config import ENV_VARS, ConfigError, Settings


def test_defaults_without_file_or_env(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no ./kg.toml here
    s = Settings.load(env={})
    assert s == Settings()
    assert s.backend == "embedded"
    assert s.port == 5000 and s.host == "127.0.0.1"
    assert s.neo4j_database == "neo4j" and s.neo4j_user == "neo4j"


def test_every_env_var_maps_to_a_field():
    names = {f for f in Settings.__dataclass_fields__}
    assert set(ENV_VARS.values()) <= names


def test_environment_overrides(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    env = {
        "KG_STORE": "neo4j",
        "KG_DATA_DIR": str(tmp_path / "d"),
        "NEO4J_URI": "bolt://db:7687",
        "NEO4J_USER": "u",
        "NEO4J_PASSWORD": "secret123",
        "NEO4J_DATABASE": "kg",
        "KG_WRITE_TOKEN": "w",
        "KG_READ_TOKEN": "r",
        "KG_HOST": "0.0.0.0",
        "KG_PORT": "8080",
        "KG_RDF_BASE": "https://x.example/id/",
        "KG_MAX_INPUT_BYTES": "1000",
        "KG_MAX_CONCURRENT_QUERIES": "4",
        "KG_MAX_RESULT_BYTES": "65536",
    }
    s = Settings.load(env=env)
    assert s.store == "neo4j" and s.backend == "neo4j"
    assert s.data_dir == tmp_path / "d"
    assert (s.neo4j_uri, s.neo4j_user, s.neo4j_password, s.neo4j_database) == (
        "bolt://db:7687",
        "u",
        "secret123",
        "kg",
    )
    assert (s.write_token, s.read_token, s.host, s.port) == ("w", "r", "0.0.0.0", 8080)
    assert s.rdf_base == "https://x.example/id/" and s.max_input_bytes == 1000
    assert s.max_concurrent_queries == 4 and s.max_result_bytes == 65536


def test_neo4j_uri_alone_selects_neo4j(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert Settings.load(env={"NEO4J_URI": "bolt://x:7687"}).backend == "neo4j"
    both = Settings.load(env={"NEO4J_URI": "bolt://x:7687", "KG_STORE": "embedded"})
    assert both.backend == "embedded"


def test_toml_file_then_env_wins(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kg.toml").write_text('port = 7000\nhost = "0.0.0.0"\ndata_dir = "~/kgdata"\n')
    s = Settings.load(env={"KG_PORT": "7100"})
    assert s.port == 7100  # env over file
    assert s.host == "0.0.0.0"  # from file
    assert s.data_dir == Path("~/kgdata").expanduser()


def test_kg_config_points_at_a_file(tmp_path):
    cfg = tmp_path / "elsewhere.toml"
    cfg.write_text('store = "neo4j"\nneo4j_uri = "bolt://h:1"\n')
    s = Settings.load(env={"KG_CONFIG": str(cfg)})
    assert s.backend == "neo4j" and s.neo4j_uri == "bolt://h:1"


def test_missing_config_file_is_named(tmp_path):
    missing = tmp_path / "nope.toml"
    with pytest.raises(ConfigError, match=r"nope\.toml: config file not found"):
        Settings.load(env={"KG_CONFIG": str(missing)})


def test_invalid_toml_is_named(tmp_path):
    cfg = tmp_path / "bad.toml"
    cfg.write_text("port = = 3\n")
    with pytest.raises(ConfigError, match=r"bad\.toml: not valid TOML"):
        Settings.load(config_file=cfg, env={})


def test_unknown_setting_is_named(tmp_path):
    cfg = tmp_path / "kg.toml"
    cfg.write_text("prot = 5000\n")
    with pytest.raises(ConfigError, match=r"unknown settings \['prot'\]"):
        Settings.load(config_file=cfg, env={})


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"KG_PORT": "http"}, "port must be a whole number"),
        ({"KG_MAX_INPUT_BYTES": "1MB"}, "max_input_bytes must be a whole number"),
        ({"KG_STORE": "sqlite"}, "KG_STORE must be 'neo4j' or 'embedded'"),
        ({"KG_MAX_CONCURRENT_QUERIES": "two"}, "max_concurrent_queries must be a whole number"),
        ({"KG_MAX_CONCURRENT_QUERIES": "0"}, "max_concurrent_queries must be at least 1"),
        ({"KG_MAX_RESULT_BYTES": "-5"}, "max_result_bytes must be at least 1"),
    ],
)
def test_bad_values_are_named(tmp_path, monkeypatch, env, message):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match=message):
        Settings.load(env=env)
