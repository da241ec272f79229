"""One small module per page type, each a blueprint (SPARQL lives in web/sparql.py)."""

from web import sparql
from web.views import (
    actors,
    api,
    articles,
    auth,
    cypher,
    events,
    graph,
    home,
    ingest,
    rdf,
    relationship,
    search,
    timeline,
)

BLUEPRINTS = [
    home.bp,
    search.bp,
    actors.bp,
    relationship.bp,
    timeline.bp,
    events.bp,
    articles.bp,
    graph.bp,
    ingest.bp,
    cypher.bp,
    api.bp,
    rdf.bp,
    auth.bp,
    sparql.bp,
]
