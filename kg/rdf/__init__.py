"""RDF for other tools: export (streaming N-Triples/Turtle), import, SHACL shapes, SPARQL.

The vocabulary (SEM, schema.org, SKOS, PROV-O, NIF and a few `kg:` terms) is described in
docs/rdf.md; `_mapping.py` is its code form.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from kg.rdf._export import (
    EXTENSIONS,
    FORMATS,
    MEDIA_TYPES,
    STREAMING_FORMATS,
    ExportStats,
    build_graph,
    export_rdf,
    iter_blocks,
)
from kg.rdf._import import ImportStats, RdfImportError, guess_format, import_rdf
from kg.rdf._sparql import SparqlEngine, SparqlError, SparqlTimeout, SparqlTooLarge, run_query
from kg.rdf._vocab import KG, NIF, SCHEMA, SEM, Iris


def shapes_path() -> Path:
    """The SHACL shapes every export conforms to (kg/rdf/shapes.ttl)."""
    return Path(str(resources.files("kg.rdf").joinpath("shapes.ttl")))


__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "KG",
    "MEDIA_TYPES",
    "NIF",
    "SCHEMA",
    "SEM",
    "STREAMING_FORMATS",
    "ExportStats",
    "ImportStats",
    "Iris",
    "RdfImportError",
    "build_graph",
    "export_rdf",
    "guess_format",
    "import_rdf",
    "iter_blocks",
    "run_query",
    "shapes_path",
    "SparqlEngine",
    "SparqlError",
    "SparqlTimeout",
    "SparqlTooLarge",
]
