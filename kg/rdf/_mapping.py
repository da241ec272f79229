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

# Vocabulary IRIs as plain strings, computed once (rdflib Namespace lookups are slow).
_DCTERMS_isPartOf = Iri(DCTERMS.isPartOf)
_DCTERMS_title = Iri(DCTERMS.title)
_KG_IsoCountry = Iri(KG.IsoCountry)
_KG_actionText = Iri(KG.actionText)
_KG_cameo = Iri(KG.cameo)
_KG_confidence = Iri(KG.confidence)
_KG_country = Iri(KG.country)
_KG_countryCode = Iri(KG.countryCode)
_KG_goldstein = Iri(KG.goldstein)
_KG_iso3166Alpha2 = Iri(KG.iso3166Alpha2)
_KG_iso3166Alpha3 = Iri(KG.iso3166Alpha3)
_KG_iso3166Numeric = Iri(KG.iso3166Numeric)
_KG_kind = Iri(KG.kind)
_KG_mode = Iri(KG.mode)
_KG_outlet = Iri(KG.outlet)
_KG_plover = Iri(KG.plover)
_KG_quadClass = Iri(KG.quadClass)
_KG_root = Iri(KG.root)
_KG_source = Iri(KG.source)
_KG_sourceText = Iri(KG.sourceText)
_KG_target = Iri(KG.target)
_KG_targetText = Iri(KG.targetText)
_KG_textHash = Iri(KG.textHash)
_NIF_Sentence = Iri(NIF.Sentence)
_NIF_anchorOf = Iri(NIF.anchorOf)
_NIF_beginIndex = Iri(NIF.beginIndex)
_NIF_endIndex = Iri(NIF.endIndex)
_PROV_Derivation = Iri(PROV.Derivation)
_PROV_Entity = Iri(PROV.Entity)
_PROV_entity = Iri(PROV.entity)
_PROV_qualifiedDerivation = Iri(PROV.qualifiedDerivation)
_PROV_wasDerivedFrom = Iri(PROV.wasDerivedFrom)
_SCHEMA_Action = Iri(SCHEMA.Action)
_SCHEMA_Country = Iri(SCHEMA.Country)
_SCHEMA_NewsArticle = Iri(SCHEMA.NewsArticle)
_SCHEMA_Organization = Iri(SCHEMA.Organization)
_SCHEMA_articleBody = Iri(SCHEMA.articleBody)
_SCHEMA_datePublished = Iri(SCHEMA.datePublished)
_SCHEMA_name = Iri(SCHEMA.name)
_SCHEMA_publisher = Iri(SCHEMA.publisher)
_SCHEMA_url = Iri(SCHEMA.url)
_SEM_Actor = Iri(SEM.Actor)
_SEM_Event = Iri(SEM.Event)
_SEM_eventType = Iri(SEM.eventType)
_SEM_hasActor = Iri(SEM.hasActor)
_SEM_hasTimeStamp = Iri(SEM.hasTimeStamp)
_SKOS_altLabel = Iri(SKOS.altLabel)
_SKOS_exactMatch = Iri(SKOS.exactMatch)
_SKOS_notation = Iri(SKOS.notation)


_ACTOR_CLASS = {"person": SCHEMA.Person, "country": SCHEMA.Country, "government": None}


def actor_block(iris: Iris, actor: Actor) -> Block:
    pairs: list[tuple[str, Obj]] = [(A, _SEM_Actor)]
    schema_class = _ACTOR_CLASS.get(actor.kind, SCHEMA.Organization)
    if schema_class is not None:
        pairs.append((A, Iri(schema_class)))
    pairs += [
        (_ID, _s(actor.id)),
        (_LABEL, _s(actor.name)),
        (_SCHEMA_name, _s(actor.name)),
        (_KG_kind, _s(actor.kind)),
    ]
    pairs += [(_SKOS_altLabel, _s(alias)) for alias in actor.aliases]
    if actor.country:
        pairs.append((_KG_countryCode, _s(actor.country)))
        if iso_country(actor.country) is not None:
            pairs.append((_KG_country, Iri(iris.country(actor.country))))
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
            (A, _SCHEMA_Country),
            (A, _KG_IsoCountry),
            (_SCHEMA_name, Lit(name, lang="en")),
            (_SKOS_notation, _s(alpha3)),
            (_KG_iso3166Alpha3, _s(alpha3)),
            (_KG_iso3166Alpha2, _s(alpha2)),
            (_KG_iso3166Numeric, _s(numeric)),
            (_SKOS_exactMatch, Iri(EU_COUNTRY + alpha3)),
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
        (A, _SCHEMA_NewsArticle),
        (A, _PROV_Entity),
        (_ID, _s(article.id)),
    ]
    if article.url:
        url = article.url.strip()
        pairs.append((_SCHEMA_url, Iri(url) if is_safe_iri(url) else Lit(article.url, _ANYURI)))
    if article.title:
        pairs.append((_DCTERMS_title, _s(article.title)))
    if article.outlet:
        pairs.append((_SCHEMA_publisher, Iri(iris.outlet(article.outlet))))
        pairs.append((_KG_outlet, _s(article.outlet)))
    if article.published:
        pairs.append((_SCHEMA_datePublished, _published(article.published)))
    if article.text_hash:
        pairs.append((_KG_textHash, _s(article.text_hash)))
    if article.text is not None:
        pairs.append((_SCHEMA_articleBody, _s(article.text)))
    return (iris.article(article.id), pairs)


def outlet_block(iris: Iris, outlet: str) -> Block:
    return (
        iris.outlet(outlet),
        [(A, _SCHEMA_Organization), (_SCHEMA_name, _s(outlet))],
    )


def event_blocks(iris: Iris, event: Event) -> list[Block]:
    """The event node and one node per sentence it was derived from."""
    source = Iri(iris.actor(event.source_id))
    pairs: list[tuple[str, Obj]] = [
        (A, _SEM_Event),
        (A, _SCHEMA_Action),
        (_ID, _s(event.id)),
        (_KG_source, source),
        (_SEM_hasActor, source),
    ]
    if event.target_id:
        target = Iri(iris.actor(event.target_id))
        pairs += [(_KG_target, target), (_SEM_hasActor, target)]
    cameo = Iri(iris.cameo(event.cameo))
    pairs += [
        (_SEM_hasTimeStamp, Lit(event.date, _DATE)),
        (_KG_cameo, cameo),
        (_SEM_eventType, cameo),
        (_KG_root, Iri(iris.cameo(event.root))),
        (_LABEL, _s(event.label)),
        (_KG_actionText, _s(event.action_text)),
        (_KG_quadClass, _int(event.quad_class)),
        (_KG_goldstein, _double(event.goldstein)),
        (_KG_confidence, _double(event.confidence)),
    ]
    if event.plover:
        plover = Iri(iris.plover(event.plover))
        pairs += [(_KG_plover, plover), (_SEM_eventType, plover)]
    if event.mode:
        pairs.append((_KG_mode, _s(event.mode)))
    blocks: list[Block] = [(iris.event(event.id), pairs)]
    for report in event.reports:
        sentence = iris.sentence(report.article_id, report.start, report.end)
        pairs.append((_PROV_wasDerivedFrom, Iri(sentence)))
        blocks.append(
            (
                sentence,
                [
                    (A, _NIF_Sentence),
                    (A, _PROV_Entity),
                    (_NIF_anchorOf, _s(report.sentence)),
                    (_NIF_beginIndex, Lit(str(report.start), _NONNEG)),
                    (_NIF_endIndex, Lit(str(report.end), _NONNEG)),
                    (_DCTERMS_isPartOf, Iri(iris.article(report.article_id))),
                ],
            )
        )
        if report.source_text is None and report.target_text is None:
            continue
        # The words that named the actors are per event and sentence, so they sit on a
        # qualified derivation rather than on the sentence (which other events share).
        mention = iris.mention(event.id, report.article_id, report.start, report.end)
        pairs.append((_PROV_qualifiedDerivation, Iri(mention)))
        said: list[tuple[str, Iri | Lit]] = [(A, _PROV_Derivation), (_PROV_entity, Iri(sentence))]
        if report.source_text is not None:
            said.append((_KG_sourceText, _s(report.source_text)))
        if report.target_text is not None:
            said.append((_KG_targetText, _s(report.target_text)))
        blocks.append((mention, said))
    return blocks
