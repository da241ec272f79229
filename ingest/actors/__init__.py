"""Actor resolution: noun-phrase mentions -> normalized actors (name, ISO3 country, sector kind).

    from ingest.actors import ActorResolver
    resolver = ActorResolver(on=datetime.date(2025, 5, 4))
    resolver.resolve("U.S. President Donald Trump")  # Donald Trump, USA, government, President
    resolver.resolve_with_context("the ministry", "CHN")  # Chinese Ministry, CHN, ministry

Rules, categories and how to add people: docs/actors.md.
"""

from ._data import ActorDataError
from ._resolver import ActorResolver, ResolvedActor

__all__ = [
    "ActorDataError",
    "ActorResolver",
    "ResolvedActor",
]
