"""Namespaces and IRI minting: the one place that decides what every node is called.

Vocabulary terms (classes and properties) live in a fixed namespace so the same SPARQL query works
against every deployment's export; instance IRIs (actors, events, ...) live under the configurable
base (Settings.rdf_base / KG_RDF_BASE) so each deployment owns its identifiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.model import short_hash, slugify

SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
# The project's own terms; fixed across deployments (see docs/rdf.md).
KG = Namespace("https://diplomacy-kg.example.org/ns#")
# The EU Publications Office country authority table uses ISO 3166-1 alpha-3 codes.
EU_COUNTRY = "http://publications.europa.eu/resource/authority/country/"

STANDARD_PREFIXES: dict[str, str] = {
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "sem": str(SEM),
    "schema": str(SCHEMA),
    "nif": str(NIF),
    "kg": str(KG),
    "eucountry": EU_COUNTRY,
}

# Instance namespaces under the base: prefix -> path segment.
_INSTANCE_PATHS = {
    "actor": "actor/",
    "event": "event/",
    "article": "article/",
    "sentence": "sentence/",
    "mention": "mention/",
    "outlet": "outlet/",
    "country": "country/",
    "cameo": "cameo/",
    "plover": "plover/",
}


_SAFE_SEGMENT = re.compile(r"[A-Za-z0-9._~-]*\Z")


def _seg(value: str) -> str:
    """Percent-encode anything that is not safe in an IRI path segment."""
    return value if _SAFE_SEGMENT.match(value) else quote(value, safe="-._~")


@dataclass(frozen=True)
class Iris:
    """Mints instance IRIs under one base; the same store id always gives the same IRI."""

    base: str

    def __post_init__(self) -> None:
        if not self.base.startswith(("http://", "https://", "urn:")):
            raise ValueError(f"KG_RDF_BASE must be an http(s) or urn IRI, got {self.base!r}")
        if not self.base.endswith(("/", "#", ":")):
            object.__setattr__(self, "base", self.base + "/")

    @property
    def prefixes(self) -> dict[str, str]:
        ours = {"id": self.base, **{p: self.base + path for p, path in _INSTANCE_PATHS.items()}}
        return {**STANDARD_PREFIXES, **ours}

    def actor(self, actor_id: str) -> str:
        return f"{self.base}actor/{_seg(actor_id)}"

    def event(self, event_id: str) -> str:
        return f"{self.base}event/{_seg(event_id)}"

    def article(self, article_id: str) -> str:
        return f"{self.base}article/{_seg(article_id)}"

    def sentence(self, article_id: str, start: int, end: int) -> str:
        return f"{self.base}sentence/{_seg(article_id)}-{start}-{end}"

    def mention(self, event_id: str, article_id: str, start: int, end: int) -> str:
        """How one event was named in one sentence (a qualified derivation of the event)."""
        return f"{self.base}mention/{_seg(event_id)}-{_seg(article_id)}-{start}-{end}"

    def outlet(self, name: str) -> str:
        # Slug for readability, hash of the exact name so "BBC" and "bbc" stay distinct nodes.
        return f"{self.base}outlet/{slugify(name)}-{short_hash('outlet', name, length=8)}"

    def country(self, code: str) -> str:
        return f"{self.base}country/{_seg(code)}"

    def cameo_scheme(self) -> str:
        return f"{self.base}cameo"

    def cameo(self, code: str) -> str:
        return f"{self.base}cameo/{_seg(code)}"

    def plover_scheme(self) -> str:
        return f"{self.base}plover"

    def plover(self, name: str) -> str:
        return f"{self.base}plover/{_seg(name)}"

    def software(self) -> str:
        return f"{self.base}software/diplomacy-kg"
