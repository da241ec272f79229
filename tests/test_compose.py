"""docker-compose.yml and Dockerfile, checked by parsing: CI has no Docker engine to run them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))


def _expand(value: str) -> str:
    """What compose substitutes for ${VAR:-default} when VAR is unset."""
    return re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", value)


def test_services(compose):
    assert set(compose["services"]) == {"neo4j", "app"}
    assert set(compose["volumes"]) == {"neo4j-data", "neo4j-logs", "kg-data"}


def test_neo4j_image_plugins_and_auth(compose):
    neo = compose["services"]["neo4j"]
    assert neo["image"] == "neo4j:5.26-community"
    env = neo["environment"]
    assert json.loads(env["NEO4J_PLUGINS"]) == ["apoc"]
    user, _, password = _expand(env["NEO4J_AUTH"]).partition("/")
    assert user == "neo4j"
    assert len(password) >= 8 and password != "neo4j"  # the image refuses anything else


def test_neo4j_ports_and_volumes(compose):
    neo = compose["services"]["neo4j"]
    published = {p.rsplit(":", 1)[-1] for p in neo["ports"]}
    assert published == {"7474", "7687"}
    mounts = {v.split(":")[1] for v in neo["volumes"]}
    assert {"/data", "/logs"} <= mounts


def test_neo4j_healthcheck(compose):
    health = compose["services"]["neo4j"]["healthcheck"]
    test = health["test"]
    assert test[0] == "CMD" and test[1] == "wget"
    assert "--spider" in test and test[-1] == "http://localhost:7474"
    for key in ("interval", "timeout", "start_period"):
        assert re.fullmatch(r"\d+s", health[key]), key
    assert health["retries"] >= 3


def test_app_waits_for_healthy_neo4j(compose):
    app = compose["services"]["app"]
    assert app["depends_on"] == {"neo4j": {"condition": "service_healthy"}}
    assert app["build"]["context"] == "."
    assert (REPO / app["build"]["dockerfile"]).is_file()


def test_app_environment_points_at_neo4j(compose):
    app_env = compose["services"]["app"]["environment"]
    neo_env = compose["services"]["neo4j"]["environment"]
    assert app_env["KG_STORE"] == "neo4j"
    assert app_env["NEO4J_URI"] == "bolt://neo4j:7687"
    assert app_env["NEO4J_USER"] == "neo4j"
    # The app logs in with the password the server was given.
    assert _expand(neo_env["NEO4J_AUTH"]) == "neo4j/" + _expand(app_env["NEO4J_PASSWORD"])
    assert app_env["KG_HOST"] == "0.0.0.0"
    assert [p.rsplit(":", 1)[-1] for p in compose["services"]["app"]["ports"]] == [
        app_env["KG_PORT"]
    ]


def test_dockerfile_installs_and_serves():
    text = (REPO / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.1[1-9]", text, re.M)
    for package in ("kg", "ingest", "queries", "web", "cli"):
        assert re.search(rf"^COPY {package} \./{package}$", text, re.M), package
        assert (REPO / package).is_dir()
    assert "pip install ." in text
    assert re.search(r"^USER \w+", text, re.M), "the app should not run as root"
    cmd = re.search(r"^CMD (\[.*\])$", text, re.M)
    assert cmd and json.loads(cmd.group(1)) == ["kg", "serve"]


def _dockerfile_env() -> dict[str, str]:
    text = (REPO / "Dockerfile").read_text(encoding="utf-8")
    env = {}
    for line in re.findall(r"^ENV (.+(?:\\\n.+)*)", text, re.M):
        for key, value in re.findall(r"(\w+)=(\S+)", line):
            env[key] = value
    return env


def test_job_history_lives_on_a_named_volume(compose):
    app = compose["services"]["app"]
    data_dir = app["environment"]["KG_DATA_DIR"]
    assert data_dir == _dockerfile_env()["KG_DATA_DIR"]
    mounts = dict(v.split(":", 1) for v in app["volumes"])
    assert mounts == {"kg-data": data_dir}  # a named volume, not a bind mount or anonymous one
    assert "kg-data" in compose["volumes"]
    # The directory exists in the image, owned by the app's user, so a new volume is writable.
    dockerfile = (REPO / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(rf"install -d -o kg -g kg {re.escape(data_dir)}\b", dockerfile)


def _ignored(patterns: list[str], path: str) -> bool:
    from fnmatch import fnmatch

    return any(fnmatch(path, p) or fnmatch(path.split("/")[0], p) for p in patterns)


def test_dockerignore_keeps_local_state_out_and_the_sources_in():
    lines = (REPO / ".dockerignore").read_text(encoding="utf-8").splitlines()
    patterns = [p.strip() for p in lines if p.strip() and not p.startswith("#")]
    for heavy in (".venv", ".neo4j", ".git", "test-artifacts", "kg.toml"):
        assert _ignored(patterns, heavy), heavy
    dockerfile = (REPO / "Dockerfile").read_text(encoding="utf-8")
    copied = [
        src for line in re.findall(r"^COPY (.+) \S+$", dockerfile, re.M) for src in line.split()
    ]
    assert {"pyproject.toml", "README.md", "LICENSE", "kg", "web"} <= set(copied)
    for src in copied:
        assert not _ignored(patterns, src), (
            f".dockerignore drops {src}, which the Dockerfile copies"
        )


def test_dockerfile_copies_the_licence_files_the_build_needs():
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    dockerfile = (REPO / "Dockerfile").read_text(encoding="utf-8")
    copied = [
        src for line in re.findall(r"^COPY (.+) \S+$", dockerfile, re.M) for src in line.split()
    ]
    for name in project["license-files"]:
        assert name in copied or name.split("/")[0] in copied, name


def test_compose_notes_the_password_volume_trap_and_how_to_load_articles():
    text = (REPO / "docker-compose.yml").read_text(encoding="utf-8")
    assert "only when the neo4j-data volume is first created" in text
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "docker compose run --rm" in readme and "kg ingest /articles" in readme
    assert "first created" in readme
