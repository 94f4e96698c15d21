"""Word lists shared by role assignment: words of violence, things and people that can be hit,
force nouns, and the prepositions that introduce what an act is done to.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

PLACE_NOUNS = frozenset(
    [
        "area",
        "areas",
        "neighbourhood",
        "neighbourhoods",
        "neighborhood",
        "neighborhoods",
        "district",
    ]
)
OBJECT_PREPS = frozenset(
    {"on", "against", "at", "in", "into", "upon", "targeting", "outside", "inside"}
)
# Words of doing violence to someone or something: their subject or "by" agent is the doer, their
# object the target (or victim, when people). Chosen from ACLED's definitions of battles,
# explosions/remote violence and violence against civilians (ACLED Codebook 2023: "attack",
# "abduct", "kill", "shell", "loot", "burn") and MUC-4's incident types (attack, bombing, arson,
# kidnapping, murder; MUC-4 task definition, INCIDENT: TYPE), with the verbs that deliver a bomb
# or grenade at something ("hurled grenades at the offices") and of sabotage ("knocked down").
VIOLENCE = frozenset(
    """attack kill murder assassinate massacre execute behead shoot gun stab hack wound injure
    kidnap abduct seize capture ambush raid storm bomb shell dynamite blow detonate plant fire
    torch burn loot destroy damage hit strike target spray assault machinegun rape beat lynch
    assassination murder killing bombing attack ambush kidnapping abduction raid arson massacre
    shooting explosion explode sabotage harass knock hurl throw lob""".split()  # noqa: SIM905
)
# Head nouns of physical targets, one or more per MUC-4 physical target type (MUC-4 task
# definition, PHYS TGT: TYPE: civilian residence, commercial, communications, diplomat office or
# residence, energy, financial, government office or residence, law enforcement facility,
# military, organization office, transport vehicle, transportation route, transportation facility,
# water; government and organisation offices are often named by the body: "an attack on the
# Central Elections Council", "a bomb at the Agrarian Board") and ACLED's "Looting/property
# destruction" objects (ACLED Codebook 2023).
STRUCTURES = frozenset(
    """house houses home homes residence residences building buildings headquarters office
    offices embassy consulate store stores shop shops market bank banks hotel hotels inn inns
    restaurant mall factory plant warehouse church mosque school university hospital clinic
    station substation tower towers pylon pylons pole poles post posts line lines pipeline
    pipelines transformer transformers dam aqueduct bridge bridges road highway railway
    railroad track tracks airport port terminal vehicle vehicles car cars bus buses truck
    trucks train trains jeep helicopter aircraft plane boat convoy garrison barracks base
    outpost checkpoint installation installations facility facilities premises property
    properties center centre facilities warehouse farm farms ranch estate antenna network park
    branch branches
    system booth box boxes court courthouse prison jail ministry cathedral temple stadium
    council board commission agency institute""".split()  # noqa: SIM905
)


def _place_like(span: Span) -> bool:
    return span.root.lower_ in PLACE_NOUNS


# Nouns that end a place's name ("Galera Quemada canton", "San Jose village"): a name the
# tagger reads as a person's but ending in one is a place, never a victim.
SETTLEMENT_NOUNS = frozenset(
    """canton village hamlet town city municipality department province district
    neighborhood neighbourhood street avenue square""".split()  # noqa: SIM905
)
# Adverbs that make a word of violence one of words only ("verbally attacked the president").
VERBAL = frozenset({"verbally"})


def _in_words_only(tok: Token) -> bool:
    """ "verbally attacked", "verbally assaulted": an act of words, done to no one's body."""
    return any(c.dep_ == "advmod" and c.lower_ in VERBAL for c in tok.children)


def _is_violence(tok: Token) -> bool:
    if _in_words_only(tok):
        return False
    return tok.lemma_.lower() in VIOLENCE or tok.lower_ in VIOLENCE
