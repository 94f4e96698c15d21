"""The typed records passed between stages.

One value per hand-off (see DESIGN.md): ``Capture`` (capture -> text), ``Article`` (text -> nlp),
``Report`` (incidents -> store), ``Incident`` (what a Report holds). All are frozen pydantic
models so they can be hashed, compared and turned into the JSON contract (``contract.py``) in one
place. Offsets are Python string indices into ``Article.text``, end exclusive.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Frozen(BaseModel):
    # Serialization-mode JSON Schema marks defaulted fields required: every output carries them.
    model_config = ConfigDict(
        frozen=True, extra="forbid", json_schema_serialization_defaults_required=True
    )


# --- enums ---------------------------------------------------------------------------------------
# ACLED's 6 event types and 25 sub-event types, spelled exactly as ACLED spells them
# (source: ACLED codebook table `acled_event_categories` in dtacled/acledR, data/acled_event_categories.rda).


class EventType(StrEnum):
    BATTLES = "Battles"
    EXPLOSIONS = "Explosions/Remote violence"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    STRATEGIC = "Strategic developments"
    VAC = "Violence against civilians"


class SubEventType(StrEnum):
    ARMED_CLASH = "Armed clash"
    GOV_REGAINS_TERRITORY = "Government regains territory"
    NSA_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
    CHEMICAL_WEAPON = "Chemical weapon"
    AIR_STRIKE = "Air/drone strike"
    SUICIDE_BOMB = "Suicide bomb"
    SHELLING = "Shelling/artillery/missile attack"
    REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
    GRENADE = "Grenade"
    PEACEFUL_PROTEST = "Peaceful protest"
    PROTEST_WITH_INTERVENTION = "Protest with intervention"
    EXCESSIVE_FORCE = "Excessive force against protesters"
    VIOLENT_DEMONSTRATION = "Violent demonstration"
    MOB_VIOLENCE = "Mob violence"
    AGREEMENT = "Agreement"
    ARRESTS = "Arrests"
    CHANGE_TO_GROUP = "Change to group/activity"
    DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
    HQ_ESTABLISHED = "Headquarters or base established"
    LOOTING = "Looting/property destruction"
    NONVIOLENT_TRANSFER = "Non-violent transfer of territory"
    OTHER = "Other"
    SEXUAL_VIOLENCE = "Sexual violence"
    ATTACK = "Attack"
    ABDUCTION = "Abduction/forced disappearance"


EVENT_TYPE_OF: dict[SubEventType, EventType] = {
    **{
        s: EventType.BATTLES
        for s in (
            SubEventType.ARMED_CLASH,
            SubEventType.GOV_REGAINS_TERRITORY,
            SubEventType.NSA_OVERTAKES_TERRITORY,
        )
    },
    **{
        s: EventType.EXPLOSIONS
        for s in (
            SubEventType.CHEMICAL_WEAPON,
            SubEventType.AIR_STRIKE,
            SubEventType.SUICIDE_BOMB,
            SubEventType.SHELLING,
            SubEventType.REMOTE_EXPLOSIVE,
            SubEventType.GRENADE,
        )
    },
    **{
        s: EventType.PROTESTS
        for s in (
            SubEventType.PEACEFUL_PROTEST,
            SubEventType.PROTEST_WITH_INTERVENTION,
            SubEventType.EXCESSIVE_FORCE,
        )
    },
    SubEventType.VIOLENT_DEMONSTRATION: EventType.RIOTS,
    SubEventType.MOB_VIOLENCE: EventType.RIOTS,
    **{
        s: EventType.STRATEGIC
        for s in (
            SubEventType.AGREEMENT,
            SubEventType.ARRESTS,
            SubEventType.CHANGE_TO_GROUP,
            SubEventType.DISRUPTED_WEAPONS_USE,
            SubEventType.HQ_ESTABLISHED,
            SubEventType.LOOTING,
            SubEventType.NONVIOLENT_TRANSFER,
            SubEventType.OTHER,
        )
    },
    **{
        s: EventType.VAC
        for s in (SubEventType.SEXUAL_VIOLENCE, SubEventType.ATTACK, SubEventType.ABDUCTION)
    },
}


class DatePrecision(StrEnum):
    DAY = "day"
    DAYS = "days"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


class GeoPrecision(StrEnum):
    EXACT = "exact"
    TOWN = "town"
    REGION = "region"
    COUNTRY = "country"
    UNKNOWN = "unknown"


class ActorRole(StrEnum):
    PERPETRATOR = "perpetrator"
    TARGET = "target"
    PARTICIPANT = "participant"
    VICTIM = "victim"


class WeaponKind(StrEnum):
    SUBMUNITION = "submunition"
    ROUND = "round"
    LAUNCHER = "launcher"
    MISSILE = "missile"
    AIRCRAFT = "aircraft"
    DRONE = "drone"
    FIREARM = "firearm"
    OTHER = "other"


class Stance(StrEnum):
    ASSERTS = "asserts"
    CORROBORATES = "corroborates"
    DENIES = "denies"
    BLAMES = "blames"
    REPORTS = "reports"


class ClaimAbout(StrEnum):
    OCCURRENCE = "occurrence"
    WEAPON = "weapon"
    ATTRIBUTION = "attribution"
    CASUALTIES = "casualties"


class LegalBasis(StrEnum):
    TREATY = "treaty"
    CUSTOMARY = "customary"
    CHARACTERISATION = "characterisation"


class PlaceRole(StrEnum):
    EVENT = "event"
    MENTIONED = "mentioned"


class BackgroundKind(StrEnum):
    HISTORICAL = "historical"
    CONTEXT = "context"


class SourceRole(StrEnum):
    """A source's place in the chain: the site that published, the wire/outlet it republishes,
    the body whose claim it carries (claims/source_chain.py)."""

    PUBLISHER = "publisher"
    AGENCY = "agency"
    CLAIMANT = "claimant"


# --- stage 1: capture ----------------------------------------------------------------------------


class Capture(Frozen):
    """Raw bytes exactly as received, never parsed. ``sha256`` keys the article everywhere."""

    raw: bytes = Field(repr=False)
    sha256: str
    source: str  # path, URL or "-" for stdin: what the user named
    kind: str = "file"  # file | stdin | url | feed | warc | jsonl
    url: str | None = None  # URL asked for
    final_url: str | None = None  # after redirects
    content_type: str | None = None
    http_status: int | None = None
    headers: tuple[tuple[str, str], ...] = ()
    captured_at: dt.datetime
    published: dt.date | None = None  # given by the user (--published) or the feed/JSONL record
    id: str | None = None  # caller's id (JSONL), echoed in the contract


# --- stage 2: text -------------------------------------------------------------------------------


class Article(Frozen):
    """Clean body text plus metadata. Every later offset points into ``text``."""

    text: str
    sha256: str  # of the raw capture bytes
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: dt.date | None = None
    url: str | None = None
    language: str | None = "en"
    id: str | None = None
    truncated: bool = False  # text cut at Settings.max_words before NLP


# --- stage 4: incidents --------------------------------------------------------------------------


class Span(Frozen):
    start: int
    end: int


class TextSpan(Span):
    text: str


class DateWindow(Frozen):
    start: dt.date | None = None
    end: dt.date | None = None
    precision: DatePrecision = DatePrecision.UNKNOWN
    # evidence: the words that fixed the window ("in recent days"); None when inferred
    evidence: Span | None = None


class Location(Frozen):
    name: str
    start: int | None = None
    end: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    country_code: str | None = None
    admin1: str | None = None
    precision: GeoPrecision = GeoPrecision.UNKNOWN
    score: float | None = None


class Actor(Frozen):
    name: str
    role: ActorRole
    country_code: str | None = None
    hedged: bool = False
    start: int
    end: int
    surface: str | None = None  # the words as written, before normalisation


class Weapon(Frozen):
    name: str
    kind: WeaponKind = WeaponKind.OTHER
    category: str | None = None
    origin_country: str | None = None
    start: int
    end: int
    catalogue_id: str | None = None


class Count(Frozen):
    best: int | None = None
    low: int | None = None
    high: int | None = None
    start: int | None = None
    end: int | None = None


class Claim(Frozen):
    claimant: str | None
    stance: Stance
    about: ClaimAbout
    hedged: bool = False
    method: tuple[str, ...] = ()
    start: int
    end: int
    grade: str | None = None


class AxisGrade(Frozen):
    """Verification status of one axis of an incident (did it happen, with which weapon, by whom,
    with what toll), from the claims about that axis (claims/data/grades.yaml)."""

    about: ClaimAbout
    status: str


class LegalNote(Frozen):
    instrument: str
    basis: LegalBasis
    state: str | None = None
    state_party: bool | None = None  # None: unknown (no source), never a guess
    as_of: dt.date | None = None
    note: str = ""
    source: str | None = None
    start: int | None = None
    end: int | None = None


class Incident(Frozen):
    event_type: EventType
    sub_event_type: SubEventType
    trigger: TextSpan
    date: DateWindow = DateWindow()
    location: Location | None = None
    actors: tuple[Actor, ...] = ()
    weapons: tuple[Weapon, ...] = ()
    fatalities: Count = Count()
    injured: Count = Count()
    claims: tuple[Claim, ...] = ()
    legal: tuple[LegalNote, ...] = ()
    evidence: tuple[Span, ...] = ()
    confidence: float = 0.0
    verification: str | None = None
    # analyst review status, kept apart from the machine's verification grade (claims/data/grades.yaml)
    review: str = "unreviewed"
    axis_grades: tuple[AxisGrade, ...] = ()


class Quote(Frozen):
    speaker: str | None
    role: str | None = None
    organization: str | None = None
    text: str
    start: int
    end: int
    direct: bool = True


class NumberMention(Frozen):
    value: int
    of: str  # deaths | injured | displaced | people | other


class Background(Frozen):
    start: int
    end: int
    kind: BackgroundKind
    numbers: tuple[NumberMention, ...] = ()


class Relation(Frozen):
    type: str  # arms_supplier | ally | ...
    subject: str
    object: str
    start: int
    end: int


class Source(Frozen):
    name: str
    role: SourceRole
    kind: str | None = None  # ngo | un | agency | media | government | military | person | ...
    start: int | None = None  # None when the name is not in the text (publisher from metadata)
    end: int | None = None


class Place(Frozen):
    name: str
    start: int
    end: int
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    country_code: str | None = None
    feature_code: str | None = None
    role: PlaceRole = PlaceRole.MENTIONED
    score: float | None = None


class Report(Frozen):
    """Everything extracted from one article: the value the store and the contract consume."""

    article: Article
    incidents: tuple[Incident, ...] = ()
    quotes: tuple[Quote, ...] = ()
    background: tuple[Background, ...] = ()
    relations: tuple[Relation, ...] = ()
    places: tuple[Place, ...] = ()
    sources: tuple[Source, ...] = ()
