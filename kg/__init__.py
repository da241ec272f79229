"""The knowledge graph: domain model, codebook, stores and RDF."""

from kg.model import Actor, Article, Event, GraphBatch, Report

__all__ = ["Actor", "Article", "Event", "GraphBatch", "Report"]
__version__ = "0.1.0"
