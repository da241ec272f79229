"""No GPL code among our installed dependencies; LGPL ones are named in the README.

The set checked is every installed distribution reachable from diplomacy-kg's own
requirements (with the test and dev extras), following each one's Requires-Dist.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[1]
# LGPL dependencies, allowed (we import them unmodified) and named in README.md "Licences".
LGPL_NOTED = {"pycountry"}

_LGPL = re.compile(r"\bLGPL|Lesser General Public|Library General Public", re.I)
_GPL = re.compile(r"(?<![LA])GPL|(?<!Lesser )(?<!Library )General Public License|\bAGPL", re.I)


def licence_kind(meta: dict[str, str | list[str]]) -> str | None:
    """'gpl', 'lgpl' or None from core metadata. An SPDX expression with a non-GPL alternative
    ("MPL-1.1 OR GPL-2.0-only") lets us choose that one."""
    expression = meta.get("License-Expression")
    if isinstance(expression, str) and expression.strip():
        options = [o.strip(" ()") for o in re.split(r"\bOR\b", expression)]
        kinds = {"lgpl" if _LGPL.search(o) else "gpl" if _GPL.search(o) else None for o in options}
        if None in kinds:
            return None
        return "gpl" if kinds == {"gpl"} else "lgpl"
    classifiers = meta.get("Classifier") or []
    texts = [c for c in classifiers if c.startswith("License ::")]
    licence = meta.get("License")
    if isinstance(licence, str) and licence.strip():
        texts.append(licence.strip().splitlines()[0])
    if any(_GPL.search(t) and not _LGPL.search(t) for t in texts):
        return "gpl"
    if any(_LGPL.search(t) for t in texts):
        return "lgpl"
    return None


def _meta(dist: metadata.Distribution) -> dict[str, str | list[str]]:
    m = dist.metadata
    return {
        "License-Expression": m.get("License-Expression") or "",
        "License": m.get("License") or "",
        "Classifier": m.get_all("Classifier") or [],
    }


def installed_dependencies(root: str, extras: set[str]) -> dict[str, metadata.Distribution]:
    """Installed distributions reachable from `root` with `extras` (markers evaluated)."""
    found: dict[str, metadata.Distribution] = {}
    done: set[tuple[str, frozenset[str]]] = set()
    todo = [(root, frozenset(extras))]
    while todo:
        name, wanted = todo.pop()
        key = canonicalize_name(name)
        if (key, wanted) in done:
            continue
        done.add((key, wanted))
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a requirement for another platform or Python, not installed here
        found[key] = dist
        for line in dist.requires or []:
            req = Requirement(line)
            envs = [{"extra": e} for e in wanted] or [{"extra": ""}]
            if req.marker is None or any(req.marker.evaluate(env) for env in envs):
                todo.append((req.name, frozenset(req.extras)))
    return found


@pytest.mark.parametrize(
    ("meta", "kind"),
    [
        ({"License-Expression": "GPL-2.0-or-later"}, "gpl"),
        ({"License-Expression": "AGPL-3.0-only"}, "gpl"),
        ({"License-Expression": "MIT AND GPL-3.0-only"}, "gpl"),
        ({"License": "GPL"}, "gpl"),
        (
            {"Classifier": ["License :: OSI Approved :: GNU General Public License v2 (GPLv2)"]},
            "gpl",
        ),
        ({"License-Expression": "LGPL-2.1-only"}, "lgpl"),
        (
            {"Classifier": ["License :: OSI Approved :: GNU Lesser General Public License v3"]},
            "lgpl",
        ),
        ({"License": "GNU Library General Public License"}, "lgpl"),
        ({"License-Expression": "MPL-1.1 OR GPL-2.0-only OR LGPL-2.1-or-later"}, None),
        ({"License-Expression": "MIT"}, None),
        ({"License": "BSD", "Classifier": ["License :: OSI Approved :: BSD License"]}, None),
        ({}, None),
    ],
)
def test_licence_kind(meta: dict[str, str | list[str]], kind: str | None) -> None:
    assert licence_kind(meta) == kind


def test_no_installed_dependency_is_gpl() -> None:
    deps = installed_dependencies("diplomacy-kg", {"test", "dev"})
    # The walk reaches the runtime, test and dev requirements and their own dependencies.
    assert {"spacy", "flask", "pycountry", "pytest", "mypy", "thinc", "blinker"} <= set(deps)
    kinds = {name: licence_kind(_meta(dist)) for name, dist in deps.items()}
    gpl = sorted(name for name, kind in kinds.items() if kind == "gpl")
    assert not gpl, f"GPL-licensed dependencies (our package is MIT): {gpl}"
    lgpl = {name for name, kind in kinds.items() if kind == "lgpl"}
    assert lgpl == LGPL_NOTED, (
        f"LGPL dependencies {sorted(lgpl)} differ from those the README names"
        f" {sorted(LGPL_NOTED)}: update README.md 'Licences and data' and LGPL_NOTED"
    )


def test_readme_names_the_lgpl_dependencies() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in LGPL_NOTED:
        assert re.search(rf"`?{name}`?[^.]*LGPL", readme), name


def test_wheel_metadata_states_both_licences_and_ships_their_files() -> None:
    meta = metadata.metadata("diplomacy-kg")
    assert meta["License-Expression"] == "MIT AND CC-BY-SA-4.0"
    files = set(meta.get_all("License-File") or [])
    assert files == {"LICENSE", "kg/data/README.md"}
    assert "CC BY-SA 4.0" in (REPO / "kg/data/README.md").read_text(encoding="utf-8")
