"""Sources of information: "Armenian sources", "according to X", subjects of reporting verbs and
those spoken for ("on behalf of the army") are no actors in the event, unless the reporter tells
of its own deed ("the army said it had retaken ...").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .role_syntax import _owns_up

REPORTING = frozenset(
    [
        "say",
        "tell",
        "report",
        "claim",
        "announce",
        "state",
        "confirm",
        "deny",
        "corroborate",
        "denounce",
        "document",
        "accord",
        "quote",
        "add",
        "note",
        "warn",
        "allege",
        "publish",
        "film",
        "show",
        "call",
        "urge",
        "condemn",
        "recall",
    ]
)
SOURCE_NOUNS = frozenset(
    ["source", "sources", "official", "officials", "spokesman", "spokesperson", "statement",
     "report", "reports", "bulletin", "communique", "spokesmen"]
)  # fmt: skip


def _is_source(span: Span) -> bool:
    root = span.root
    if root.dep_ == "compound" and root.head.lemma_.lower() in SOURCE_NOUNS:
        return True
    if root.lemma_.lower() in SOURCE_NOUNS:
        return True
    if _owns_up(root):  # "the FMLN claimed responsibility": the doer, not a source
        return False
    if root.dep_ in ("nsubj", "agent", "pobj") and root.head.lemma_.lower() in REPORTING:
        return not _reports_own_deed(root)
    head = root.head
    if _spoken_for(root):
        return True
    if root.dep_ == "pobj" and head.lower_ == "from":  # "reports from the Antioquia police"
        return head.head.lemma_.lower() in SOURCE_NOUNS or head.head.lower_ in SOURCE_NOUNS
    return root.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() == "accord"


# Verbs and nouns of speaking for someone ("speaking on behalf of", "a statement on behalf of").
SPEAKING = REPORTING | {"speak", "talk", "write", "address", "broadcast"}


def _spoken_for(root: Token) -> bool:
    """ "I am speaking on behalf of the armed forces", "a statement on behalf of the FMLN": the
    body a speaker speaks for is a source of what follows, not a doer in it."""
    if root.dep_ != "pobj" or root.head.lower_ != "of" or root.head.head.lower_ != "behalf":
        return False
    on = root.head.head.head
    return on.dep_ == "prep" and (
        on.head.lemma_.lower() in SPEAKING or on.head.lemma_.lower() in SOURCE_NOUNS
    )


# Pronouns a reported clause uses for the reporter itself ("the army said it had retaken X",
# "the group announced that its fighters ...").
SELF_PRONOUNS = frozenset({"it", "they", "we"})
SELF_POSSESSIVES = frozenset({"its", "their", "our"})


def _reports_own_deed(root: Token) -> bool:
    """ "The LNA reported that it had re-captured ...", "the rebels said their fighters attacked":
    a reporting subject whose reported clause has an active subject that is a pronoun for it
    ("it", "its forces") tells of its own deed, so it is the doer, not only a source. A passive
    clause ("police said they were attacked") makes the reporter the one hit, so it stays out."""
    if root.dep_ != "nsubj":
        return False
    verb = root.head
    for tok in verb.subtree:
        if tok.i <= root.i or tok.dep_ != "nsubj":
            continue
        if tok.head.i == verb.i or any(c.dep_ == "auxpass" for c in tok.head.children):
            continue
        if tok.lower_ in SELF_PRONOUNS:
            return True
        if any(c.dep_ == "poss" and c.lower_ in SELF_POSSESSIVES for c in tok.children):
            return True
    return False
