"""Model objects -> RDF subject blocks (docs/rdf.md is the human description of this mapping)."""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache
from importlib import resources

import pycountry
from rdflib.namespace import DCTERMS, OWL, PROV, RDFS, SKOS, XSD

from kg import __version__
from kg.codebook import codebook
from kg.model import Actor, Article, Event, short_hash
from kg.rdf._terms import RDF_TYPE, Block, Iri, Lit, Obj, is_safe_iri
from kg.rdf._vocab import EU_COUNTRY, KG, NIF, SCHEMA, SEM, Iris

A = RDF_TYPE
_ID = str(DCTERMS.identifier)
_LABEL = str(RDFS.label)
_INT = str(XSD.integer)
_DOUBLE = str(XSD.double)
_DATE = str(XSD.date)
_DATETIME = str(XSD.dateTime)
_ANYURI = str(XSD.anyURI)
_NONNEG = str(XSD.nonNegativeInteger)

QUAD_CLASS_LABELS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_DATETIME_RE = re.compile(r"-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?\Z")


def _s(value: str) -> Lit:
    return Lit(value)


def _int(value: int) -> Lit:
    return Lit(str(int(value)), _INT)


def _double(value: float) -> Lit:
    return Lit(repr(float(value)), _DOUBLE)


def vocabulary_blocks() -> list[Block]:
    """The few project terms that refine standard ones, so RDFS-aware tools can use them."""
    sub = str(RDFS.subPropertyOf)
    prop = str(OWL.ObjectProperty)
    return [
        (str(KG.source), [(A, Iri(prop)), (sub, Iri(SEM.hasActor)), (_LABEL, _s("source"))]),
        (str(KG.target), [(A, Iri(prop)), (sub, Iri(SEM.hasActor)), (_LABEL, _s("target"))]),
        (str(KG.cameo), [(A, Iri(prop)), (sub, Iri(SEM.eventType)), (_LABEL, _s("CAMEO code"))]),
        (str(KG.root), [(A, Iri(prop)), (sub, Iri(SEM.eventType)), (_LABEL, _s("CAMEO root"))]),
        (str(KG.plover), [(A, Iri(prop)), (sub, Iri(SEM.eventType)), (_LABEL, _s("PLOVER type"))]),
    ]


def run_blocks(iris: Iris, generated_at: datetime, filters: dict[str, str]) -> list[Block]:
    """The export run as a prov:Activity associated with this software version."""
    stamp = generated_at.isoformat(timespec="seconds")
    key = short_hash(stamp, __version__, *(f"{k}={v}" for k, v in sorted(filters.items())))
    run = f"{iris.base}export/{key}"
    software = f"{iris.software()}/{__version__}"
    pairs: list[tuple[str, Obj]] = [
        (A, Iri(PROV.Activity)),
        (_LABEL, _s("diplomacy-kg RDF export")),
        (str(PROV.startedAtTime), Lit(stamp, _DATETIME)),
        (str(PROV.wasAssociatedWith), Iri(software)),
        (str(KG.softwareVersion), _s(__version__)),
    ]
    pairs += [(str(KG[f"filter{k.capitalize()}"]), _s(v)) for k, v in sorted(filters.items())]
    return [
        (run, pairs),
        (
            software,
            [
                (A, Iri(PROV.SoftwareAgent)),
                (A, Iri(SCHEMA.SoftwareApplication)),
                (str(SCHEMA.name), _s("diplomacy-kg")),
                (str(SCHEMA.softwareVersion), _s(__version__)),
            ],
        ),
    ]


@cache
def plover_types() -> tuple[tuple[str, str], ...]:
    """(PLOVER type, quad category) for the event types of the PLOVER manual, in its order."""
    text = resources.files("kg.data").joinpath("plover_event_types_modes.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) >= 3 and cols[0] and not cols[1]:
            rows.append((cols[0], cols[2]))
    known = {name for name, _ in rows}
    extra = sorted({c.plover for c in codebook().values() if c.plover and c.plover not in known})
    return tuple(rows) + tuple((name, "") for name in extra)


def scheme_blocks(iris: Iris) -> list[Block]:
    """CAMEO and PLOVER as SKOS concept schemes (the whole codebook, once per export)."""
    in_scheme, notation, pref = str(SKOS.inScheme), str(SKOS.notation), str(SKOS.prefLabel)
    cameo_scheme, plover_scheme = iris.cameo_scheme(), iris.plover_scheme()
    blocks: list[Block] = [
        (
            cameo_scheme,
            [
                (A, Iri(SKOS.ConceptScheme)),
                (pref, Lit("CAMEO event codes", lang="en")),
                (str(DCTERMS.source), _s("GDELT CAMEO lookup files (see kg/data/README.md)")),
            ],
        ),
        (
            plover_scheme,
            [
                (A, Iri(SKOS.ConceptScheme)),
                (pref, Lit("PLOVER event types", lang="en")),
                (str(DCTERMS.source), _s("openeventdata/PLOVER (CC BY-SA 4.0)")),
            ],
        ),
    ]
    for code, entry in sorted(codebook().items()):
        pairs: list[tuple[str, Obj]] = [
            (A, Iri(SKOS.Concept)),
            (in_scheme, Iri(cameo_scheme)),
            (notation, _s(code)),
            (pref, Lit(entry.label, lang="en")),
            (str(KG.goldstein), _double(entry.goldstein)),
            (str(KG.quadClass), _int(entry.quad_class)),
        ]
        if len(code) == 2:
            pairs.append((str(SKOS.topConceptOf), Iri(cameo_scheme)))
        else:
            parent = code[:-1] if code[:-1] in codebook() else code[:2]
            pairs.append((str(SKOS.broader), Iri(iris.cameo(parent))))
        if entry.plover:
            pairs.append((str(SKOS.related), Iri(iris.plover(entry.plover))))
        blocks.append((iris.cameo(code), pairs))
    for name, category in plover_types():
        pairs = [
            (A, Iri(SKOS.Concept)),
            (in_scheme, Iri(plover_scheme)),
            (notation, _s(name)),
            (pref, Lit(name.lower(), lang="en")),
            (str(SKOS.topConceptOf), Iri(plover_scheme)),
        ]
        if category:
            pairs.append((str(SKOS.scopeNote), Lit(category.lower(), lang="en")))
        blocks.append((iris.plover(name), pairs))
    return blocks


def extra_concept_block(iris: Iris, scheme: str, code: str) -> Block:
    """A concept the codebook does not list (e.g. an older code in imported data)."""
    if scheme == "cameo":
        iri, scheme_iri = iris.cameo(code), iris.cameo_scheme()
    else:
        iri, scheme_iri = iris.plover(code), iris.plover_scheme()
    return (
        iri,
        [
            (A, Iri(SKOS.Concept)),
            (str(SKOS.inScheme), Iri(scheme_iri)),
            (str(SKOS.notation), _s(code)),
            (str(SKOS.prefLabel), Lit(code, lang="en")),
        ],
    )


# "government" actors are sometimes institutions, sometimes their leaders (CAMEO codes heads of
# state as GOV), so they get no schema.org class beyond sem:Actor.
_ACTOR_CLASS = {"person": SCHEMA.Person, "country": SCHEMA.Country, "government": None}


def actor_block(iris: Iris, actor: Actor) -> Block:
    pairs: list[tuple[str, Obj]] = [(A, Iri(SEM.Actor))]
    schema_class = _ACTOR_CLASS.get(actor.kind, SCHEMA.Organization)
    if schema_class is not None:
        pairs.append((A, Iri(schema_class)))
    pairs += [
        (_ID, _s(actor.id)),
        (_LABEL, _s(actor.name)),
        (str(SCHEMA.name), _s(actor.name)),
        (str(KG.kind), _s(actor.kind)),
    ]
    pairs += [(str(SKOS.altLabel), _s(alias)) for alias in actor.aliases]
    if actor.country:
        pairs.append((str(KG.countryCode), _s(actor.country)))
        if iso_country(actor.country) is not None:
            pairs.append((str(KG.country), Iri(iris.country(actor.country))))
    return (iris.actor(actor.id), pairs)


@cache
def iso_country(code: str) -> tuple[str, str, str, str] | None:
    """(alpha-3, alpha-2, numeric, name) from pycountry, or None for non-ISO codes like IGO."""
    if len(code) != 3:
        return None
    found = pycountry.countries.get(alpha_3=code.upper())
    if found is None:
        return None
    return (found.alpha_3, found.alpha_2, found.numeric, found.name)


def country_block(iris: Iris, code: str) -> Block | None:
    iso = iso_country(code)
    if iso is None:
        return None
    alpha3, alpha2, numeric, name = iso
    return (
        iris.country(code),
        [
            (A, Iri(SCHEMA.Country)),
            (A, Iri(KG.IsoCountry)),
            (str(SCHEMA.name), Lit(name, lang="en")),
            (str(SKOS.notation), _s(alpha3)),
            (str(KG.iso3166Alpha3), _s(alpha3)),
            (str(KG.iso3166Alpha2), _s(alpha2)),
            (str(KG.iso3166Numeric), _s(numeric)),
            (str(SKOS.exactMatch), Iri(EU_COUNTRY + alpha3)),
        ],
    )


def _published(value: str) -> Lit:
    if _DATETIME_RE.match(value):
        return Lit(value, _DATETIME)
    if _DATE_RE.match(value):
        return Lit(value, _DATE)
    try:  # e.g. "2025-05-05T06:42+05:30" (no seconds): normalize to a valid xsd:dateTime
        return Lit(datetime.fromisoformat(value).isoformat(), _DATETIME)
    except ValueError:
        return Lit(value)


def article_block(iris: Iris, article: Article) -> Block:
    pairs: list[tuple[str, Obj]] = [
        (A, Iri(SCHEMA.NewsArticle)),
        (A, Iri(PROV.Entity)),
        (_ID, _s(article.id)),
    ]
    if article.url:
        url = article.url.strip()
        pairs.append((str(SCHEMA.url), Iri(url) if is_safe_iri(url) else Lit(article.url, _ANYURI)))
    if article.title:
        pairs.append((str(DCTERMS.title), _s(article.title)))
    if article.outlet:
        pairs.append((str(SCHEMA.publisher), Iri(iris.outlet(article.outlet))))
        pairs.append((str(KG.outlet), _s(article.outlet)))
    if article.published:
        pairs.append((str(SCHEMA.datePublished), _published(article.published)))
    if article.text_hash:
        pairs.append((str(KG.textHash), _s(article.text_hash)))
    return (iris.article(article.id), pairs)


def outlet_block(iris: Iris, outlet: str) -> Block:
    return (
        iris.outlet(outlet),
        [(A, Iri(SCHEMA.Organization)), (str(SCHEMA.name), _s(outlet))],
    )


def event_blocks(iris: Iris, event: Event) -> list[Block]:
    """The event node and one node per sentence it was derived from."""
    source = Iri(iris.actor(event.source_id))
    pairs: list[tuple[str, Obj]] = [
        (A, Iri(SEM.Event)),
        (A, Iri(SCHEMA.Action)),
        (_ID, _s(event.id)),
        (str(KG.source), source),
        (str(SEM.hasActor), source),
    ]
    if event.target_id:
        target = Iri(iris.actor(event.target_id))
        pairs += [(str(KG.target), target), (str(SEM.hasActor), target)]
    cameo = Iri(iris.cameo(event.cameo))
    pairs += [
        (str(SEM.hasTimeStamp), Lit(event.date, _DATE)),
        (str(KG.cameo), cameo),
        (str(SEM.eventType), cameo),
        (str(KG.root), Iri(iris.cameo(event.root))),
        (_LABEL, _s(event.label)),
        (str(KG.actionText), _s(event.action_text)),
        (str(KG.quadClass), _int(event.quad_class)),
        (str(KG.goldstein), _double(event.goldstein)),
        (str(KG.confidence), _double(event.confidence)),
    ]
    if event.plover:
        plover = Iri(iris.plover(event.plover))
        pairs += [(str(KG.plover), plover), (str(SEM.eventType), plover)]
    if event.mode:
        pairs.append((str(KG.mode), _s(event.mode)))
    blocks: list[Block] = [(iris.event(event.id), pairs)]
    for report in event.reports:
        sentence = iris.sentence(report.article_id, report.start, report.end)
        pairs.append((str(PROV.wasDerivedFrom), Iri(sentence)))
        blocks.append(
            (
                sentence,
                [
                    (A, Iri(NIF.Sentence)),
                    (A, Iri(PROV.Entity)),
                    (str(NIF.anchorOf), _s(report.sentence)),
                    (str(NIF.beginIndex), Lit(str(report.start), _NONNEG)),
                    (str(NIF.endIndex), Lit(str(report.end), _NONNEG)),
                    (str(DCTERMS.isPartOf), Iri(iris.article(report.article_id))),
                ],
            )
        )
    return blocks
