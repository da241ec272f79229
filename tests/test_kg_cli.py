"""The `kg` command: help for every subcommand, `kg stats`, and `kg neo4j` error paths."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from cli.main import kg
from kg.model import Actor, Article, Event, GraphBatch, Report
from kg.stores import EmbeddedStore

# The subcommands issue 2 promises a newcomer.
REQUIRED = {"extract", "ingest", "serve", "export", "neo4j", "demo", "stats"}


def _all_commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _all_commands(command, (*prefix, name))


ALL = list(_all_commands(kg))


@pytest.fixture
def runner(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no kg.toml from the developer's checkout
    for var in ("NEO4J_URI", "KG_CONFIG", "KG_STORE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("KG_DATA_DIR", str(tmp_path / "data"))
    return CliRunner()


def test_top_level_help_lists_subcommands(runner):
    result = runner.invoke(kg, ["--help"])
    assert result.exit_code == 0, result.output
    assert "Usage: kg" in result.output
    listed = {line.split()[0] for line in result.output.split("Commands:")[1].splitlines() if line}
    assert listed >= REQUIRED


def test_required_subcommands_exist():
    assert set(kg.commands) >= REQUIRED


@pytest.mark.parametrize("path", [p for p, _ in ALL], ids=[" ".join(p) for p, _ in ALL])
def test_every_subcommand_has_useful_help(runner, path):
    result = runner.invoke(kg, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert f"Usage: kg {' '.join(path)}" in result.output
    # A sentence of description, not just the usage line.
    description = result.output.split("\n\n")[1].strip()
    assert len(description) > 20, f"`kg {' '.join(path)} --help` has no description"


def test_version(runner):
    result = runner.invoke(kg, ["--version"])
    assert result.exit_code == 0 and "kg, version" in result.output


def test_stats_json_on_empty_embedded_store(runner):
    result = runner.invoke(kg, ["stats", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data == {
        "backend": "embedded",
        "nodes": {"Actor": 0, "Event": 0, "Article": 0},
        "relationships": {"SOURCE_OF": 0, "TARGET": 0, "REPORTED_IN": 0},
        "derived": {},
    }


def test_stats_counts_what_was_written(runner, tmp_path):
    src = Actor.create("Mexican government", "MEX", "government")
    tgt = Actor.create("United States government", "USA", "government")
    art = Article("a-1", "https://example.org/1", "t", "example.org", None, "h")
    ev = Event(
        Event.make_id(src.id, tgt.id, "120", "2025-05-04"),
        src.id,
        tgt.id,
        "2025-05-04",
        "120",
        "12",
        "Reject",
        3,
        -4.0,
        "REJECT",
        "rejected",
        0.9,
        reports=(Report("a-1", "Mexico rejected it.", 0, 19),),
    )
    with EmbeddedStore(tmp_path / "data") as store:
        store.upsert(GraphBatch(articles=[art], actors=[src, tgt], events=[ev]))
    data = json.loads(runner.invoke(kg, ["stats", "--format", "json"]).output)
    assert data["nodes"] == {"Actor": 2, "Event": 1, "Article": 1}
    assert data["relationships"] == {"SOURCE_OF": 1, "TARGET": 1, "REPORTED_IN": 1}
    table = runner.invoke(kg, ["stats"])
    assert table.exit_code == 0 and "REPORTED_IN" in table.output


def test_stats_with_bad_setting_is_one_clear_line(runner, monkeypatch):
    monkeypatch.setenv("KG_STORE", "mongo")
    result = runner.invoke(kg, ["stats"])
    assert result.exit_code == 1
    assert "KG_STORE must be 'neo4j' or 'embedded'" in result.output
    assert "Traceback" not in result.output


def test_stats_with_unreachable_neo4j_is_one_clear_line(runner, monkeypatch):
    monkeypatch.setenv("KG_STORE", "neo4j")
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")  # discard port: nothing listens
    result = runner.invoke(kg, ["stats"])
    assert result.exit_code == 1
    assert "unreachable" in result.output and "kg neo4j start" in result.output


def test_neo4j_status_when_not_running(runner, tmp_path):
    result = runner.invoke(kg, ["neo4j", "status", "--home", str(tmp_path / "n4j")])
    assert result.exit_code == 1
    assert "not running" in result.output and "not installed" in result.output
    as_json = runner.invoke(kg, ["neo4j", "status", "--json", "--home", str(tmp_path / "n4j")])
    info = json.loads(as_json.output)
    assert info["running"] is False and info["bolt_uri"] == "bolt://127.0.0.1:7687"


def test_neo4j_start_without_jars_says_install(runner, tmp_path):
    home = tmp_path / "n4j"
    result = runner.invoke(kg, ["neo4j", "start", "--no-install", "--home", str(home)])
    assert result.exit_code == 1
    assert "kg neo4j install" in result.output


def test_neo4j_stop_when_not_running(runner, tmp_path):
    result = runner.invoke(kg, ["neo4j", "stop", "--home", str(tmp_path / "n4j")])
    assert result.exit_code == 0 and "was not running" in result.output


def test_neo4j_config_and_command_for_an_instance(tmp_path):
    from kg import neo4jlocal as local

    inst = local.Instance(tmp_path / "home", tmp_path / "data", bolt_port=7701, http_port=7702)
    conf = local.write_config(inst, heap="256m", pagecache="128m").read_text()
    assert "server.bolt.listen_address=127.0.0.1:7701" in conf
    assert "server.http.listen_address=127.0.0.1:7702" in conf
    assert "dbms.security.auth_enabled=false" in conf
    assert "server.memory.heap.max_size=256m" in conf
    assert f"server.directories.data={(tmp_path / 'data').as_posix()}/data" in conf
    assert "${" not in conf
    cmd = local.java_command(inst, heap="256m")
    assert cmd[-3] == local.ENTRY_POINT
    assert cmd[-1] == f"--config-dir={inst.conf_dir}"
    assert "-Xmx256m" in cmd and "--add-opens=java.base/java.nio=ALL-UNNAMED" in cmd


def test_neo4j_home_and_data_dir_defaults(tmp_path, monkeypatch):
    from kg import neo4jlocal as local

    monkeypatch.delenv("KG_NEO4J_HOME", raising=False)
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "sub").mkdir()
    assert local.default_home(tmp_path / "repo" / "sub") == tmp_path / "repo" / ".neo4j"
    monkeypatch.setenv("KG_NEO4J_HOME", str(tmp_path / "elsewhere"))
    assert local.default_home(tmp_path / "repo") == tmp_path / "elsewhere"
    assert local.default_data_dir(tmp_path, 7691) == tmp_path / "data-7691"
