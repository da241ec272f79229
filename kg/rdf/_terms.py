"""Minimal RDF terms and the N-Triples / Turtle text writers used for streaming exports.

Why not rdflib here: serializing through rdflib costs ~36 us per triple for Turtle (issue 5); the
exporter emits millions of triples in subject blocks it already knows, so it writes text directly.
tests/rdf check that rdflib (and pyoxigraph) parse every output into the same graph that the
rdflib serializers produce from the same triples.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple, TextIO

from rdflib import Literal, URIRef
from rdflib.term import Node


class Lit(NamedTuple):
    """A literal: lexical form, optional datatype IRI, optional language tag."""

    lex: str
    dt: str | None = None
    lang: str | None = None


class Iri(str):
    """An IRI in object position (plain `str` objects would be ambiguous with literals)."""

    __slots__ = ()


Obj = Iri | Lit
# One subject and its predicate-object pairs: the unit both writers emit.
Block = tuple[str, list[tuple[str, Obj]]]

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f]')
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
# A conservative subset of Turtle's PN_LOCAL: letters, digits, _ and - (dots inside).
_LOCAL = re.compile(r"[A-Za-z0-9_]([A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?\Z")


def _escape_char(match: re.Match[str]) -> str:
    ch = match.group(0)
    return _ESCAPES.get(ch) or f"\\u{ord(ch):04X}"


def quote_string(text: str) -> str:
    if _NEEDS_ESCAPE.search(text):
        text = _NEEDS_ESCAPE.sub(_escape_char, text)
    return f'"{text}"'


def is_safe_iri(value: str) -> bool:
    """True when `value` can be written as <value> in N-Triples/Turtle and looks absolute."""
    return bool(re.match(r"[A-Za-z][A-Za-z0-9+.\-]*:", value)) and not _IRI_FORBIDDEN.search(value)


def check_iri(value: str) -> str:
    if _IRI_FORBIDDEN.search(value):
        raise ValueError(f"not a writable IRI: {value!r}")
    return value


def nt_term(term: str | Obj) -> str:
    if isinstance(term, Lit):
        text = quote_string(term.lex)
        if term.lang:
            return f"{text}@{term.lang}"
        if term.dt:
            return f"{text}^^<{term.dt}>"
        return text
    return f"<{term}>"


def write_nt(out: TextIO, blocks: Iterable[Block]) -> int:
    """Write blocks as N-Triples; returns the number of triples written."""
    n = 0
    lines: list[str] = []
    for subject, pairs in blocks:
        s = f"<{subject}>"
        for p, o in pairs:
            lines.append(f"{s} <{p}> {nt_term(o)} .\n")
        n += len(pairs)
    out.write("".join(lines))
    return n


class TurtleWriter:
    """Writes subject blocks as Turtle with prefixed names where the local part allows."""

    def __init__(self, prefixes: dict[str, str]):
        self.prefixes = prefixes
        self._by_ns = {ns: p for p, ns in prefixes.items()}
        self._cache: dict[str, str] = {}

    def header(self) -> str:
        return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in self.prefixes.items()) + "\n"

    def iri(self, iri: str) -> str:
        cached = self._cache.get(iri)
        if cached is not None:
            return cached
        cut = max(iri.rfind("/"), iri.rfind("#")) + 1
        prefix = self._by_ns.get(iri[:cut])
        local = iri[cut:]
        text = f"{prefix}:{local}" if prefix is not None and _LOCAL.match(local) else f"<{iri}>"
        if len(self._cache) < 50_000:
            self._cache[iri] = text
        return text

    def term(self, term: str | Obj) -> str:
        if isinstance(term, Lit):
            text = quote_string(term.lex)
            if term.lang:
                return f"{text}@{term.lang}"
            if term.dt:
                return f"{text}^^{self.iri(term.dt)}"
            return text
        return self.iri(term)

    def write(self, out: TextIO, blocks: Iterable[Block]) -> int:
        n = 0
        parts: list[str] = []
        for subject, pairs in blocks:
            if not pairs:
                continue
            lines = []
            for p, o in pairs:
                pred = "a" if p == RDF_TYPE else self.iri(p)
                lines.append(f"{pred} {self.term(o)}")
            parts.append(self.iri(subject) + " " + " ;\n    ".join(lines) + " .\n\n")
            n += len(pairs)
        out.write("".join(parts))
        return n


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def to_rdflib(term: str | Obj) -> Node:
    if isinstance(term, Lit):
        if term.lang:
            return Literal(term.lex, lang=term.lang)
        return Literal(term.lex, datatype=URIRef(term.dt) if term.dt else None)
    return URIRef(term)
