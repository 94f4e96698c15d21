"""Actor mentions of one sentence, sources left out, names normalised to ACLED style."""

from __future__ import annotations

from spacy.tokens import Span

from ..kb.actors import (
    Country,
    actor_entries,
    country_of_code,
    qualified_name,
    state_name,
)
from ..nlp.actors import actor_spans
from .mention import Mention
from .sources import _is_source


def _belongs_to_named(span: Span, spans: list[Span]) -> bool:
    """ "MiG fighters belonging to the Libyan National Army", "gunmen belonging to Al Shabaab":
    a generic class word (no dictionary country of its own) said to belong to another actor
    names that actor's men or machines, so only the owner is an actor."""
    key = span.kb_id_
    if key.startswith("entry:") and actor_entries()[int(key.split(":")[1])].country_code:
        return False
    for clause in (c for c in span.root.children if c.dep_ == "acl"):
        if clause.lemma_.lower() != "belong":
            continue
        inside = {t.i for t in clause.subtree}
        if any(o is not span and o.start in inside for o in spans):
            return True
    return False


def mentions(sent: Span, default_country: Country | None) -> list[Mention]:
    """Actor mentions in a sentence, sources left out, names normalised."""
    out = []
    spans = list(actor_spans(sent.doc))
    for span in spans:
        if span.start < sent.start or span.end > sent.end or _is_source(span):
            continue
        if _belongs_to_named(span, spans):
            continue
        kind, key = span.label_, span.kb_id_
        if key.startswith("ethnic:"):
            country = default_country
            name = f"{key.split(':', 1)[1]} Ethnic Militia"
            name = f"{name} ({country.name})" if country else name
            code = country.country_code if country else None
        elif key.startswith("group:"):  # an acronym the dictionary does not know
            name, code = key.split(":", 1)[1], None
        elif key.startswith("entry:"):
            entry = actor_entries()[int(key.split(":")[1])]
            country = country_of_code(entry.country_code) if entry.country_code else default_country
            name = qualified_name(entry, country)
            code = entry.country_code or (country.country_code if country else None)
        else:
            country = country_of_code(key)
            name = state_name("police" if kind == "police" else "state", country)
            code = key
        out.append(Mention(span, kind, name, code))
    return out
