"""The CAMEO codebook read from kg/data: roots, QuadClass, Goldstein, PLOVER, leading zeros."""

from __future__ import annotations

import pytest

from kg.codebook import codebook, lookup, quad_class, roots


def test_all_twenty_roots_present():
    assert roots() == [f"{n:02d}" for n in range(1, 21)]
    for root in roots():
        entry = lookup(root)
        assert entry.label.isupper(), f"root {root} label should be the upper-case root name"
        assert entry.root == root


@pytest.mark.parametrize(
    ("root", "expected"),
    [("01", 1), ("05", 1), ("06", 2), ("09", 2), ("10", 3), ("14", 3), ("15", 4), ("20", 4)],
)
def test_quad_class_boundaries(root, expected):
    assert quad_class(root) == expected
    assert lookup(root).quad_class == expected


@pytest.mark.parametrize("bad", ["00", "21", "99"])
def test_quad_class_rejects_non_roots(bad):
    with pytest.raises(ValueError, match="01..20"):
        quad_class(bad)


def test_leading_zeros_are_kept():
    entry = lookup("0311")
    assert entry.code == "0311" and entry.root == "03" and entry.quad_class == 1
    assert lookup("010").root == "01"
    assert lookup("036").goldstein == pytest.approx(4.0)
    with pytest.raises(KeyError, match="'311'"):
        lookup("311")  # the same code without its leading zero is not a code


def test_every_code_is_consistent():
    book = codebook()
    assert len(book) > 250
    for code, entry in book.items():
        assert code.isdigit() and 2 <= len(code) <= 4
        assert entry.code == code
        assert code[:2] in book, f"{code} has no root entry"
        assert -10.0 <= entry.goldstein <= 10.0
        assert entry.label.strip() == entry.label and entry.label


def test_known_values():
    assert lookup("120").goldstein == pytest.approx(-4.0)
    assert lookup("120").plover == "REJECT"
    assert lookup("190").goldstein == pytest.approx(-10.0)
    assert lookup("190").quad_class == 4
    assert lookup("02").plover == "REQUEST"  # root 02 is not in CAMEO2PLOVER
    assert lookup("0874").plover == "RETREAT"


def test_unknown_code_names_the_code():
    with pytest.raises(KeyError, match="unknown CAMEO code '999'"):
        lookup("999")
