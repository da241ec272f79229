"""A small hand-made graph (built with kg.model objects) that the query and web tests share.

Every number the tests assert is countable by reading this file.
"""

from __future__ import annotations

from kg.model import Actor, Article, Event, GraphBatch, Report

TRUMP = Actor.create("Donald Trump", "USA", "person", ("Trump", "President Trump"))
US_GOV = Actor.create("United States", "USA", "government", ("Washington", "U.S."))
PENTAGON = Actor.create("Pentagon", "USA", "military", ("U.S. military",))
SHEINBAUM = Actor.create("Claudia Sheinbaum", "MEX", "person", ("Sheinbaum",))
MEX_GOV = Actor.create("Mexico", "MEX", "government", ("Mexican government",))
AMLO = Actor.create("Andrés Manuel López Obrador", "MEX", "person", ("AMLO",))
CHINA = Actor.create("China", "CHN", "government", ("Beijing",))
CARTEL = Actor.create("Sinaloa Cartel", None, "group", ())
ACTORS = [TRUMP, US_GOV, PENTAGON, SHEINBAUM, MEX_GOV, AMLO, CHINA, CARTEL]

ART1 = Article(
    Article.make_id("https://news.example/trump-offer", "a1"),
    "https://news.example/trump-offer",
    "Trump offers troops; Sheinbaum says no",
    "Example News",
    "2025-05-05T06:42:00+00:00",
    "h1",
)
ART2 = Article(
    Article.make_id("https://wire.example/mexico", "a2"),
    "https://wire.example/mexico",
    "Mexico and Washington",
    "Example Wire",
    "2025-06-02T10:00:00+00:00",
    "h2",
)
ART3 = Article(
    Article.make_id(None, "a3"), None, "<script>alert('x')</script> headline", "Other", None, "h3"
)
ARTICLES = [ART1, ART2, ART3]


def event(
    src: Actor,
    tgt: Actor | None,
    cameo: str,
    day: str,
    action: str,
    sentence: str,
    article: Article = ART1,
    confidence: float = 0.9,
    mode: str | None = None,
    more_reports: tuple[Report, ...] = (),
) -> Event:
    return Event.coded(
        src.id,
        tgt.id if tgt else None,
        cameo,
        day,
        action_text=action,
        confidence=confidence,
        mode=mode,
        reports=(Report(article.id, sentence, 0, len(sentence)), *more_reports),
    )


OFFER_SENTENCE = "Donald Trump offered to send U.S. troops to Mexico to fight the cartels."
REJECT_SENTENCE = "Claudia Sheinbaum rejected the offer of troops from Trump on Saturday."

OFFER = event(TRUMP, SHEINBAUM, "0331", "2025-05-03", "offered", OFFER_SENTENCE)
REJECT = event(
    SHEINBAUM,
    TRUMP,
    "125",
    "2025-05-03",
    "rejected",
    REJECT_SENTENCE,
    more_reports=(Report(ART2.id, "Sheinbaum rejected Trump's offer, the wire said.", 10, 58),),
)
VISIT = event(US_GOV, MEX_GOV, "042", "2025-05-20", "visited", "Washington visited Mexico.", ART2)
ACCUSE = event(
    MEX_GOV, US_GOV, "112", "2025-06-01", "accused", "Mexico accused Washington of spying.", ART2
)
SIGN = event(
    US_GOV, MEX_GOV, "057", "2025-04-10", "signed", "The United States signed a pact.", ART2, 0.5
)
# A hypothetical event: kept, but out of every query unless include_modes.
THREAT = event(
    PENTAGON,
    MEX_GOV,
    "190",
    "2025-05-10",
    "could strike",
    "The Pentagon could strike.",
    ART2,
    mode="hypothetical",
)
CHINA_US = event(
    CHINA, US_GOV, "036", "2025-05-15", "offered talks", "Beijing offered talks.", ART2
)
CARTEL_EV = event(
    MEX_GOV,
    CARTEL,
    "173",
    "2025-05-25",
    "arrested",
    "Mexico arrested Sinaloa Cartel members.",
    ART2,
)
AMLO_EV = event(
    AMLO, MEX_GOV, "051", "2024-12-01", "praised", "López Obrador praised Mexico.", ART3
)
XSS = event(
    CHINA,
    MEX_GOV,
    "043",
    "2025-03-01",
    "hosted",
    "China hosted Mexico <script>alert('xss')</script> & co.",
    ART3,
)
EVENTS = [OFFER, REJECT, VISIT, ACCUSE, SIGN, THREAT, CHINA_US, CARTEL_EV, AMLO_EV, XSS]


def build(store) -> None:
    """Write the graph in one batch, then the rejection again (idempotent re-write)."""
    store.upsert(GraphBatch(articles=list(ARTICLES), actors=list(ACTORS), events=list(EVENTS)))
    store.upsert(GraphBatch(articles=[ART2], actors=[], events=[REJECT]))
