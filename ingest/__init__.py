"""News articles in, clean documents (and later coded events) out."""

from ingest.actors import ActorResolver, ResolvedActor
from ingest.dates import parse_published, resolve_relative
from ingest.loaders import Document, LoadError, load_documents, load_text

__all__ = [
    "ActorResolver",
    "Document",
    "LoadError",
    "ResolvedActor",
    "load_documents",
    "load_text",
    "parse_published",
    "resolve_relative",
]
