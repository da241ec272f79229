"""Judgements in reported speech: the speaker blames or condemns an actor or its act.

"X said Y was responsible for the attack" is X accusing Y (112); "X called the incursion a
provocation by Y" and "X described the strikes as reckless" condemn whoever carried the act out.
The words and framing verbs are data (ingest/data/judgements.tsv). Called by SentenceCoder.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from kg.codebook import codebook

from ._coref import EVENT_ANAPHORA, Mention, RefKey
from ._lexicon import Entry, LexiconError, Match, table_rows

TABLE = "judgements.tsv"
HOSTILE_ROOTS = ("14", "15", "16", "17", "18", "19", "20")
VAGUE_PRONOUNS = frozenset(["it", "this", "that"])
BARE_DEPS = frozenset(["det", "punct", "acl", "predet"])  # "the letter", "attempts to ..."


@dataclass(frozen=True)
class Judgements:
    words: dict[str, tuple[str, bool, int]]  # lemma -> (code, needs a hostile act, line)
    framing: frozenset[str]
    replies: frozenset[tuple[str, str]] = frozenset()  # (lemma, particle or "-")
    addressing: frozenset[str] = frozenset()  # speech verbs whose object hears the judgement
    choosing: frozenset[str] = frozenset()  # "Y had chosen escalation": Y chose what is judged
    framed_only: frozenset[str] = frozenset()  # W lemmas that judge only when called or chosen


def parse_judgements(text: str, name: str = TABLE) -> Judgements:
    book = codebook()
    words: dict[str, tuple[str, bool, int]] = {}
    framing: set[str] = set()
    choosing: set[str] = set()
    framed_only: set[str] = set()
    replies: set[tuple[str, str]] = set()
    addressing: set[tuple[str, str]] = set()
    for n, cols in table_rows(text):
        if len(cols) != 4 or cols[0] not in ("W", "F", "R", "A", "C"):
            raise LexiconError(f"{name}:{n}: expected 'W|F|R|A|C<TAB>lemma<TAB>code<TAB>needs'")
        kind, lemma, code, needs = cols
        if kind in ("F", "C"):
            (framing if kind == "F" else choosing).add(lemma.lower())
            continue
        if kind in ("R", "A"):
            (replies if kind == "R" else addressing).add((lemma.lower(), code.lower()))
            continue
        if code not in book:
            raise LexiconError(f"{name}:{n}: unknown CAMEO code {code!r}")
        if needs not in ("-", "hostile", "framed"):
            raise LexiconError(f"{name}:{n}: needs must be -, hostile or framed, got {needs!r}")
        if needs == "framed":
            framed_only.add(lemma.lower())
        words[lemma.lower()] = (code, needs == "hostile", n)
    told = frozenset(lemma for lemma, _ in addressing)
    chosen = frozenset(choosing)
    return Judgements(
        words, frozenset(framing), frozenset(replies), told, chosen, frozenset(framed_only)
    )


@cache
def judgements() -> Judgements:
    text = resources.files("ingest.data").joinpath(TABLE).read_text(encoding="utf-8")
    return parse_judgements(text)


def _negated(*toks: Any) -> bool:
    return any(c.dep_ == "neg" for t in toks for c in t.children)


def _unasserted(v: Any) -> bool:
    """ "said Y had not chosen", "said Y might choose / would be", "said that if Y ...": a
    negated, modal or conditional clause passes no judgement."""
    if _negated(v) or any(c.dep_ == "aux" and c.lower_ in MODALS for c in v.children):
        return True
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in v.children)


def _phrase(pred: Any) -> list[Any]:
    """The predicate's own words, not entering clauses ("a provocation by Russia that ...")."""
    out, stack = [], [pred]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "ccomp", "advcl", "acl"))
    return sorted(out, key=lambda t: t.i)


def _hostile(tokens: list[Any], lex: Any) -> bool:
    for t in tokens:
        lemma = t.lemma_.lower()
        if EVENT_ANAPHORA.get(lemma) == "attack":
            return True
        if t.pos_ == "NOUN" and any(
            e.code[:2] in HOSTILE_ROOTS for e in lex.entries_for("N", lemma)
        ):
            return True
    return False


def _framed(pred: Any, table: Judgements) -> bool:
    """The predicate is passed by a framing or choosing verb, not by a copula."""
    t = pred
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t.pos_ == "VERB" and t.lemma_.lower() in table.framing | table.choosing


def judgement_in(pred: Any, judged: Any, lex: Any) -> tuple[Match, list[Any]] | None:
    """The judgement a predicate passes (`responsible for the attack`, `an act of aggression`).
    "It is reckless" judges a situation, not an actor: a bare "it"/"this" is only blamed for
    a named hostile act ("it was behind the attack")."""
    table = judgements()
    words = _phrase(pred)
    for t in words:
        row = table.words.get(t.lemma_.lower())
        if row is None or _negated(t):
            continue
        code, needs_hostile, line = row
        if t.lemma_.lower() in table.framed_only and not _framed(pred, table):
            continue  # "said Ukraine's losses were terrible" is sympathy, "called it terrible" not
        if needs_hostile and not _hostile(words, lex):
            return None
        if judged.lower_ in VAGUE_PRONOUNS and not needs_hostile:
            return None
        return Match(Entry("J", t.lemma_.lower(), None, frozenset(), code, None, line), None), words
    return None


def _extraposed(be: Any, subj: Any) -> Any:
    """ "it was unacceptable that Y had failed to stop them": an "it" standing for a that-clause
    judges the clause's doer, when it acts on something (not "that civilians died")."""
    if subj.lower_ != "it":
        return subj
    for c in be.children:
        marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
        if c.dep_ != "ccomp" or "that" not in marks:
            continue
        doer = [s for s in c.children if s.dep_ == "nsubj"]
        if doer and any(o.dep_ in ("dobj", "xcomp") for o in c.children):
            return doer[0]
    return subj


def called_object(obj: Any) -> Any:
    """ "condemned what he called the government's irresponsible suspension": the object is
    what the framing clause names (its owner, when it has one), not the pronoun "what"."""
    head = obj.head
    if (
        obj.lower_ != "what"
        or obj.dep_ != "dobj"
        or head.lemma_.lower() not in judgements().framing
    ):
        return obj
    named = [c for c in head.children if c.dep_ == "oprd"]
    named += [p for c in head.children if c.dep_ == "prep" and c.lower_ == "as"
              for p in c.children if p.dep_ == "pobj"]  # fmt: skip
    if not named:
        return obj
    owner = [c for c in named[0].children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")]
    return owner[0] if owner else named[0]


def framed_what(v: Any) -> list[Any]:
    """ "condemned what he called X's decision": the parser makes the framing clause the
    reacting verb's complement; its named thing is the object."""
    return [
        called_object(w)
        for c in v.children
        if c.dep_ == "ccomp" and c.lemma_.lower() in judgements().framing
        for w in c.children
        if w.dep_ == "dobj" and w.lower_ == "what"
    ]


def framing_what(f: Any, found: list[Any]) -> bool:
    """ "denounced what it described as X's aggression" is one act, the head verb's (its object
    comes from `framed_what`): the framing verb coded on its own would count it twice."""
    v = f.trigger
    return (
        v.dep_ == "ccomp"
        and v.lemma_.lower() in judgements().framing
        and any(c.dep_ == "dobj" and c.lower_ == "what" for c in v.children)
        and any(g.trigger.i == v.head.i for g in found)
    )


def judged_clauses(coder: Any, sent: Any) -> list[tuple[Any, Any, Any]]:
    """(act of judging, what is judged, predicate) for "said Y was responsible for ..." (the
    speech verb judges Y) and "called/described X as ..." (the framing verb judges X)."""
    table = judgements()
    out = []
    for v in sent:
        if v.lemma_.lower() == "be" and v.dep_ == "ccomp":
            speaker = coder._in_speech(v) or replying(v)
            subj = [c for c in v.children if c.dep_ == "nsubj"]
            preds = [c for c in v.children if c.dep_ in ("acomp", "attr", "prep")]
            if speaker is not None and subj and not _unasserted(v):
                judged = _extraposed(v, subj[0])
                out += [(speaker, judged, p) for p in preds]
        elif v.pos_ == "VERB" and v.lemma_.lower() in table.framing and not _negated(v):
            obj = [c for c in v.children if c.dep_ == "dobj"]
            preds = [c for c in v.children if c.dep_ in ("oprd", "acomp")]
            preds += [p for c in v.children if c.dep_ == "prep" and c.lower_ == "as"
                      for p in c.children if p.dep_ == "pobj"]  # fmt: skip
            # "called Y's statements "deplorable"": the parser hangs the quoted judgement on the
            # object as an adjective after it; an English adjective there is the predicate
            preds += [a for o in obj for a in o.children if a.dep_ == "amod" and a.i > o.i]
            if obj:
                out += [(v, obj[0], p) for p in preds]
    return out + _owned_judgements(coder, sent, table) + _chosen(coder, sent, table)


def _chosen(coder: Any, sent: Any, table: Judgements) -> list[tuple[Any, Any, Any]]:
    """ "X said Algeria had chosen escalation / opted for confrontation": in reported speech,
    choosing what a judgement word names is the chooser's fault."""
    out = []
    for v in sent:
        if v.pos_ != "VERB" or v.lemma_.lower() not in table.choosing or _unasserted(v):
            continue
        speaker = coder._in_speech(v)
        subj = [c for c in v.children if c.dep_ == "nsubj"]
        picked = [c for c in v.children if c.dep_ == "dobj"]
        picked += [p for c in v.children if c.dep_ == "prep" and c.lower_ == "for"
                   for p in c.children if p.dep_ == "pobj"]  # fmt: skip
        if speaker is not None and subj and not _negated(speaker):
            out += [(speaker, subj[0], p) for p in picked if p.lemma_.lower() in table.words]
    return out


def _owned_judgements(coder: Any, sent: Any, table: Judgements) -> list[tuple[Any, Any, Any]]:
    """ "X said ... because of the Peruvian minister's reckless statements": a judging adjective
    on something a named owner said or did, inside reported speech, is the speaker's criticism
    of the owner. Only plain judgements (111), not those that need a hostile act."""
    out = []
    for a in sent:
        row = table.words.get(a.lemma_.lower())
        if a.dep_ != "amod" or row is None or row[1] or not row[0].startswith("11"):
            continue
        noun = a.head
        if noun.pos_ != "NOUN" or noun.tag_ == "NNS" and coder.group_mentions(noun):
            continue  # "Mexico's illegal immigrants" are people, not an act of Mexico's
        owner = [c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")]
        clause = noun
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        speaker = coder._in_speech(clause) if clause.pos_ in ("VERB", "AUX") else None
        if owner and speaker is not None and not _negated(clause, speaker):
            out.append((speaker, owner[0], a))
    return out


def replying(v: Any) -> Any:
    """The reply verb whose that-clause holds v ("replied that ...", "shot back that ..."):
    a speech act answering whoever spoke before (see `replied_to`)."""
    head = v.head
    if v.dep_ != "ccomp" or head.pos_ != "VERB":
        return None
    prt = next((c.lower_ for c in head.children if c.dep_ in ("prt", "advmod")), "-")
    replies = judgements().replies
    lemma = head.lemma_.lower()
    return head if (lemma, "-") in replies or (lemma, prt) in replies else None


def replied_to(coder: Any, judge: Any, sources: list[Mention], judged: Any = None) -> list[Mention]:
    """ "Zinoviev replied that attempts to intimidate Russia were unacceptable": a judgement
    with no owner of its own, made in reply, falls on the last speaker of another country;
    told to someone ("told the U.S. envoy the letter was insulting"), on the addressee. Only a
    plain "the letter" / "such threats": "the Western sanctions" belong to someone else."""
    own = {m.ref.country for m in sources}
    if judged is not None and any(
        c.dep_ not in BARE_DEPS and c.lower_ != "such" for c in judged.children
    ):
        return []
    if judge.lemma_.lower() in judgements().addressing:
        heard = [c for c in judge.children if c.dep_ in ("dobj", "dative")]
        ms = [m for c in heard for m in coder.group_mentions(c)]
        return [m for m in ms if m.ref.country is not None and m.ref.country not in own]
    if replying_verb(judge) is None:
        return []
    ref = coder.memory.recent_subject(lambda r: r.country is not None and r.country not in own)
    return [Mention(ref, judge.text, "coref")] if ref is not None else []


def replying_verb(judge: Any) -> Any:
    for c in judge.children:
        if c.dep_ == "ccomp" and replying(c) is not None:
            return judge
    return None


def framed_call(found: list[Any], judge: Any) -> None:
    """`called Y's statements deplorable` judges them: the framing verb made no phone call (04),
    so what the lexicon coded for it as a contact is dropped from `found`."""
    found[:] = [
        f for f in found
        if not (f.code.startswith("04") and judge in (f.trigger, f.trigger.head))
    ]  # fmt: skip


def judged_actors(coder: Any, judged: Any, words: list[Any], exclude: set[RefKey]) -> list[Mention]:
    """Whom a judgement falls on: the agent it names ("a provocation by Russia"), else the
    judged actor itself, its owner, or the doer of the act it points back to."""
    # the agent of a participle on the judgement counts too ("a kidnapping carried out by X")
    agents = [a for t in words for c in t.children if c.dep_ == "acl" for a in c.children]
    for t in words + agents:
        if t.dep_ in ("prep", "agent") and t.lower_ == "by":
            for p in t.children:
                ms = [m for m in coder.group_mentions(p) if m.ref.key not in exclude]
                if p.dep_ == "pobj" and ms:
                    return ms
    found: list[Mention] = coder._object_actors(judged, exclude)[0]
    return found


def posture(coder: Any, v: Any) -> bool:
    """ "Macron stood with Scholz at the news conference" narrates where he stood; "the U.S.
    stands with Ukraine" and "said it stood with Ukraine" declare support (051)."""
    if v.lemma_.lower() != "stand" or not any(c.lower_ == "with" for c in v.children):
        return False
    return v.tag_ not in ("VBZ", "VBP") and coder._in_speech(v) is None


MODALS = frozenset(["would", "could", "might", "may", "will", "shall", "should", "must", "can"])


def warning_made(v: Any) -> bool:
    """A warning verb in the past or present with no modal ("warned X of penalties if they
    fail"): the warning was made, its "if" clause is what it threatens, not a condition on it."""
    if v.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return False
    return not any(c.dep_ == "aux" and c.lower_ in MODALS for c in v.children)
