"""CAMEO codebook: label, root, QuadClass, Goldstein score and PLOVER type for every code.

Read once from the reference files in `kg/data` (see its README for sources and licences).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

# Roots 01 and 02 are absent from CAMEO2PLOVER; 02 (appeal) is a PLOVER REQUEST by definition.
_PLOVER_FOR_UNMAPPED_ROOTS = {"01": None, "02": "REQUEST"}
# The upstream lookup file carries one mis-encoded label.
_LABEL_FIXES = {"044": "Meet at a 'third' location"}


@dataclass(frozen=True)
class CameoCode:
    code: str
    label: str
    goldstein: float
    plover: str | None

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def quad_class(self) -> int:
        return quad_class(self.root)


def quad_class(root: str) -> int:
    """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    n = int(root)
    if not 1 <= n <= 20:
        raise ValueError(f"CAMEO root must be 01..20, got {root!r}")
    if n <= 5:
        return 1
    if n <= 9:
        return 2
    if n <= 14:
        return 3
    return 4


def _read_table(name: str) -> dict[str, str]:
    text = resources.files("kg.data").joinpath(name).read_bytes().decode("utf-8", errors="replace")
    rows = {}
    for line in text.splitlines()[1:]:
        if "\t" in line:
            code, value = line.split("\t", 1)
            rows[code.strip()] = value.strip()
    return rows


def _read_plover_map() -> dict[str, str]:
    text = resources.files("kg.data").joinpath("CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")
    mapping: dict[str, str] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or ":" not in line:
            continue
        code, rest = line.split(":", 1)
        plover = rest.split(",", 1)[0].strip()
        # Root 08 is listed twice (CONCEDE, then RETREAT); the first names the root.
        mapping.setdefault(code.strip(), plover)
    return mapping


@cache
def codebook() -> dict[str, CameoCode]:
    labels = _read_table("CAMEO.eventcodes.txt")
    goldstein = _read_table("CAMEO.goldsteinscale.txt")
    plover_map = _read_plover_map()
    book = {}
    for code, label in labels.items():
        plover = next(
            (plover_map[c] for c in (code, code[:3], code[:2]) if c in plover_map),
            _PLOVER_FOR_UNMAPPED_ROOTS.get(code[:2]),
        )
        book[code] = CameoCode(code, _LABEL_FIXES.get(code, label), float(goldstein[code]), plover)
    return book


def lookup(code: str) -> CameoCode:
    """The entry for a CAMEO code; a KeyError names a code the codebook lacks."""
    try:
        return codebook()[code]
    except KeyError:
        raise KeyError(f"unknown CAMEO code {code!r}") from None


def roots() -> list[str]:
    return sorted(c for c in codebook() if len(c) == 2)
