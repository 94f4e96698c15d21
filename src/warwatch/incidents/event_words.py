"""Word lists of the event typing rules (``event_type``): lemmas and dependency labels that say
which ACLED sub-event a sentence reports.

Lists follow the ACLED Codebook (2023), "Event Types and Sub-Event Types"
(https://acleddata.com/knowledge-base/codebook/); each says why it exists.
"""

from __future__ import annotations

# Generic blast words: a blast can be an accident; only "bomb", "IED", "mine"... say it was a weapon.
WEAK_BLAST = frozenset({"blast", "explosion", "explode", "detonate", "explosive"})
# Agreements that ACLED codes (between conflict actors), unlike trade or diplomatic deals.
CONFLICT_AGREEMENT = frozenset(
    {"ceasefire", "cease-fire", "truce", "armistice", "peace", "prisoner", "release", "hostage",
     "exchange", "swap", "surrender", "talk", "negotiation", "process", "agree"}
)  # fmt: skip
STRIKING = frozenset({"WEAPONUSE", "ATTACK", "IED", "SHELL"})
AIR_STRIKE_WORDS = frozenset({"airstrike", "strike", "raid", "attack", "bombing", "bombardment"})
# Objects that make "seized"/"found" a disrupted weapons use rather than a territorial change.
ARMS_NOUNS = frozenset(
    [
        "weapon",
        "weapons",
        "arm",
        "arms",
        "ammunition",
        "ammunitions",
        "ammo",
        "rifle",
        "rifles",
        "pistol",
        "pistols",
        "firearm",
        "firearms",
        "gun",
        "guns",
        "explosive",
        "explosives",
        "device",
        "devices",
        "ied",
        "ieds",
        "mine",
        "mines",
        "landmine",
        "landmines",
        "grenade",
        "grenades",
        "round",
        "rounds",
        "cartridge",
        "cartridges",
        "bullet",
        "bullets",
        "missile",
        "missiles",
        "rocket",
        "rockets",
        "mortar",
        "mortars",
        "cache",
        "caches",
        "stash",
        "projectile",
        "projectiles",
        "kalashnikov",
        "kalashnikovs",
        "vbied",
        "vbieds",
        "bomb",
        "bombs",
        "munition",
        "munitions",
        "launcher",
        "launchers",
    ]
)
PERSON_NOUNS = frozenset(
    [
        "commander",
        "commanders",
        "leader",
        "leaders",
        "member",
        "members",
        "militant",
        "militants",
        "fighter",
        "fighters",
        "suspect",
        "suspects",
        "man",
        "men",
        "people",
        "person",
        "persons",
        "terrorist",
        "terrorists",
        "soldier",
        "soldiers",
        "insurgent",
        "insurgents",
        "rebel",
        "rebels",
        *[
            "national",
            "nationals",
            "migrant",
            "migrants",
            "civilian",
            "civilians",
            "officer",
            "officers",
            "worker",
            "workers",
            "employee",
            "employees",
            "student",
            "students",
            "journalist",
            "journalists",
            "activist",
            "activists",
            "woman",
            "women",
            "child",
            "children",
            "citizen",
            "citizens",
            "resident",
            "residents",
            "villager",
            "villagers",
            "official",
            "officials",
            "policeman",
            "policemen",
            "guard",
            "guards",
        ],
    ]
)
# What ACLED's "Headquarters or base established" is about.
HQ_NOUNS = frozenset(
    [
        "base",
        "bases",
        "camp",
        "camps",
        "headquarters",
        "post",
        "posts",
        "outpost",
        "outposts",
        "point",
        "points",
        "barracks",
        "checkpoint",
        "checkpoints",
        "garrison",
        "position",
        "positions",
    ]
)
# Cue classes that say someone meant to do harm (vs an accident or a disaster).
INTENT_LABELS = frozenset(
    {"WEAPONUSE", "FIREARM", "CLASH", "SUICIDE", "GRENADE", "FORCE", "VIOLENT", "LOOT"}
)
NON_EVENT = frozenset({"NATURAL", "MANMADE", "CRIME", "DIPLO"})
# Verbs of weapons taken after a fight ("killed four and recovered weapons"): the fight is the event.
SPOILS = frozenset({"recover", "seize", "capture", "confiscate", "find", "take"})
# Hand-to-hand violence: a beating is an Attack on a person even by police holding a detainee
# (ACLED Codebook 2023, "Attack"), never a battle, and it outranks the arrest it comes with.
MELEE = frozenset({"beat", "beaten", "torture", "stab", "whip", "flog", "hack", "stone"})
# Words that say someone was killed: what makes force against protesters "excessive".
KILLING = frozenset({"kill", "killing", "shoot", "gun", "murder", "massacre", "execute"})
# Unarmed fights: with demonstrators a Violent demonstration, between unarmed groups Mob violence;
# "fighting", "hostilities", "offensive" are warfare, and at a protest they are what it is about.
SCUFFLE = frozenset({"clash", "brawl", "scuffle", "fistfight", "melee", "skirmish", "fight"})
# Heads that make a cue the grievance of a protest rather than something done at it.
PROTEST_TOPIC = frozenset(
    {"over", "against", "about", "plan", "decry", "denounce", "condemn", "protest", "oppose"}
)
# Prepositions that make a battle the time reference of another event ("destroyed after fighting").
AFTERMATH = frozenset({"after", "following", "follow", "before", "since"})
# Who rallies: the words a demonstrator is called by, and the pronoun that refers back to them.
CROWD_WORDS = frozenset({"they", "crowd", "mob"})
# A cue in one of these dependencies is a modifier ("tasked with fighting IS", "a deal ending
# weeks of fighting"), not what the sentence reports happened.
MODIFIER_DEPS = frozenset({"pobj", "pcomp", "acl", "relcl", "amod", "compound"})
# Verbs of a road blockade: a demonstration when civilians do it, not when troops do.
BLOCKING = frozenset({"block", "blockade", "close", "shut"})
# Subjects that make a road blockade a military act ("troops blocked the road").
MILITARY_NOUNS = frozenset(
    {"troop", "troops", "soldier", "soldiers", "army", "force", "forces", "militant", "militants",
     "rebel", "rebels", "fighter", "fighters", "militia", "militias", "insurgent", "insurgents"}
)  # fmt: skip
# Heads that make a crime word an accusation, not the story ("a man accused of robbery").
ACCUSED = frozenset({"accuse", "accused", "suspect", "suspected", "charge", "charged", "convict"})
# Killings that are one-sided by nature: an assassination or an execution is never a battle.
ONE_SIDED = frozenset(
    {"assassinate", "assassination", "murder", "execute", "execution", "massacre", "behead"}
)
# Objects that make "seized"/"captured" a territorial change ("seized the town", "took control").
PLACE_NOUNS = frozenset(
    [
        "town",
        "towns",
        "city",
        "cities",
        "village",
        "villages",
        "area",
        "areas",
        "district",
        "districts",
        "region",
        "regions",
        "province",
        "provinces",
        "territory",
        "territories",
        "control",
        "base",
        "bases",
        "camp",
        "camps",
        "position",
        "positions",
        "hill",
        "hills",
        "airport",
        "airports",
        "road",
        "roads",
        "highway",
        "bridge",
        "border",
        "crossing",
        "neighbourhood",
        "neighborhood",
        "oilfield",
        "oilfields",
        "field",
        "fields",
        "port",
        "headquarters",
        "building",
        "buildings",
        "palace",
        "checkpoint",
        "checkpoints",
        "outpost",
        "outposts",
        "garrison",
        "stronghold",
        "strongholds",
        "locality",
        "county",
        "capital",
        "island",
        "valley",
        "mountain",
        "mountains",
        "site",
        "sites",
        "airbase",
        "compound",
        "suburb",
        "suburbs",
        "street",
        "streets",
        "quarter",
        "square",
        "station",
        "post",
        "posts",
        "front",
        "line",
        "lines",
        "centre",
        "center",
        "parts",
        "part",
        # Facilities fought over ("overran a factory", "seized the hospital").
        "factory",
        "factories",
        "hospital",
        "university",
        "prison",
        "jail",
        "facility",
        "facilities",
        "complex",
        "hotel",
        "refinery",
        "terminal",
        "estate",
        "plant",
    ]
)
# Heads under which a cue is what a protest demands or opposes ("demanded reimbursement for
# demolished houses"). The depth bounds the walk up the parse: five steps reach from a modifier
# to the demand verb in the longest demands read while writing the rule; more reach the root.
GRIEVANCE_HEADS = frozenset({"demand", "decry", "denounce", "condemn", "oppose"})
GRIEVANCE_DEPTH = 5
# Subjects that make blocking a march an intervention ("police officers blocked their way").
POLICE_NOUNS = frozenset({"police", "officer", "officers", "policeman", "policemen", "gendarme"})
# Doers that make a beating mob violence: people with no organisation named.
CROWD_NOUNS = frozenset(
    [
        "group",
        "crowd",
        "mob",
        "men",
        "people",
        "residents",
        "villagers",
        "youths",
        "youth",
        "women",
        "locals",
        "dozens",
        "hundreds",
        "neighbours",
        "neighbors",
    ]
)
# Who took ground (ACLED Codebook 2023, Battles: "Government regains territory" when government
# forces or their affiliates take a location, "Non-state actor overtakes territory" when a
# non-state group does). Nouns that name the non-state side of a fight...
NONSTATE_NOUNS = frozenset(
    {"militant", "militants", "terrorist", "terrorists", "insurgent", "insurgents", "rebel",
     "rebels", "jihadist", "jihadists", "extremist", "extremists", "islamist", "islamists",
     "gunman", "gunmen", "militia", "militias", "militiaman", "militiamen", "separatist",
     "separatists", "bandit", "bandits"}
)  # fmt: skip
# ... and words that make a taker the government side ("army units", "government forces").
STATE_NOUNS = frozenset(
    {"army", "armies", "troop", "troops", "soldier", "soldiers", "military", "government",
     "police", "gendarmerie", "regime", "loyalist", "loyalists"}
)  # fmt: skip
# Heads that make "to capture" an aim, not a change of control ("an attack to capture the base",
# "in their bid to seize the city", "attempted to retake the hotel"): no territory changed hands.
ATTEMPT_HEADS = frozenset(
    {"attempt", "attempted", "try", "tried", "bid", "effort", "seek", "sought", "aim", "plan",
     "attack", "offensive", "push", "operation", "vow", "threaten", "want", "fail", "failed"}
)  # fmt: skip
# Serious injuries at a protest make force against it excessive (ACLED Codebook 2023,
# "Protest with intervention": "without serious/lethal injuries being reported").
SEVERITY = frozenset({"serious", "seriously", "severe", "severely", "grave", "gravely", "critical",
                      "critically", "badly"})  # fmt: skip
INJURY_WORDS = frozenset({"injury", "injuries", "wound", "wounds", "injure", "hurt"})
HOSPITALISED = frozenset({"hospitalize", "hospitalise", "hospitalized", "hospitalised"})
# Cue words that name a substance, not a weapon ("toxic chemicals", "poison gas"): a Chemical
# weapon event needs its use (ACLED Codebook 2023, "Chemical weapon").
CHEM_SUBSTANCES = frozenset(
    {"toxic", "poison", "poisonous", "chemical", "chemicals", "gas", "gases", "agent", "agents"}
)
# Cue classes that say a weapon was used on someone (not a generic blast, which can be an accident).
WEAPON_ACTS = frozenset({"WEAPONUSE", "ATTACK", "SHELL", "AIR"})
# Damage words: a building burned or demolished can be an accident or a disaster; unlike looting
# or arson they do not say someone meant it.
DAMAGE_ONLY = frozenset({"burn", "demolish", "destroy", "destruction", "raze"})
# "Intercepted" is a disrupted weapons use only when what was stopped is a weapon, a drone or an
# aircraft (ACLED Codebook 2023, "Disrupted weapons use"); people intercepted are arrests or
# ordinary policing.
INTERCEPTION = frozenset({"intercept", "interception"})
INTERCEPTED = frozenset({"drone", "drones", "uav", "uavs", "aircraft", "plane", "planes",
                         "shipment", "consignment", "missile", "rocket", "package", "packages",
                         "parcel", "parcels"})  # fmt: skip
# Heads under which the noun "fire" is shooting ("opened fire", "returned fire", "under fire").
SHOOTING_HEADS = frozenset({"open", "return", "exchange", "under", "come", "draw", "trade"})
# Heads under which a protest word is expected, not held ("in anticipation of demonstrations",
# "called for protests", "ahead of a planned march"): ACLED codes events that took place.
NOT_YET_HEADS = frozenset({"anticipation", "anticipate", "ahead", "expect", "call", "urge",
                           "threaten", "plan", "prepare", "prevent", "ban", "forbid"})  # fmt: skip
# Drones carrying grenades or bombs make the strike an Air/drone strike (ACLED Codebook 2023,
# "Air/drone strike": attacks by air assets, including drones).
DRONES = frozenset({"drone", "drones", "uav", "uavs"})
# Change-to-activity words under which aircraft and guns are shown, not used.
EXERCISES = frozenset({"exercise", "exercises", "drill", "drills"})
# Sides of a clash that are partisans or crowds rather than armed, organised groups.
PARTISAN_NOUNS = frozenset({"supporter", "supporters", "member", "members", "fan", "fans",
                            "follower", "followers", "opponent", "opponents", "youth", "youths",
                            "student", "students", "cadre", "cadres"})  # fmt: skip
# ("cadres": a party's rank-and-file members, Wikipedia "Cadre (politics)".)
# Verbs of damage that make an aircraft subject an air strike ("the air force destroyed ...").
AIR_DAMAGE = frozenset({"destroy", "hit", "strike", "bomb", "target", "pound", "attack", "kill",
                        "smash", "raid", "shell"})  # fmt: skip
# Heads of "in retaliation for ...", "in response to ...": what follows is the earlier act.
ANSWERS = frozenset({"retaliation", "response", "revenge", "reprisal", "reaction"})
# Sites that a weapon word can name ("chemical weapons facilities", "a missile site").
FACILITY_NOUNS = frozenset({"facility", "site", "plant", "program", "programme", "stockpile",
                            "depot", "factory", "warehouse", "laboratory", "lab"})  # fmt: skip
# Verbs whose object is the means used, not what was hit ("used a drone", "launched drones").
LAUNCHING = frozenset({"use", "launch", "fly", "deploy", "send", "dispatch", "employ", "operate"})
# Time nouns a clause can hang an earlier event on ("the previous day when police fired").
TIME_NOUNS = frozenset({"day", "night", "week", "weekend", "month", "year", "morning", "evening",
                        "episode", "time"})  # fmt: skip
# Artillery and missile nouns that name a weapon, not its use ("heavy weapons were deployed",
# "a rocket-launching site"): a Shelling/artillery/missile attack needs them fired.
ARTILLERY_NOUNS = frozenset({"rocket", "rockets", "missile", "missiles", "mortar", "mortars",
                             "artillery", "howitzer", "howitzers", "projectile", "projectiles",
                             "katyusha", "katyushas", "grad", "mlrs", "weapon", "weapons"})  # fmt: skip
# Cue classes of harm done: a weapon noun with a death or a wound was used.
HARM_LABELS = frozenset({"DEATH", "INJURE", "IED", "LOOT"})
# Verbs of a projectile arriving ("rockets landed near the embassy").
LANDING = frozenset({"land", "fall", "slam", "crash", "impact", "explode", "rain", "hit"})
# Reporting verbs whose reported clause is what the sentence tells happened.
REPORTING = frozenset({"say", "report", "announce", "add", "claim", "state", "confirm", "note"})
# Cue classes of violence that can be planned or threatened rather than done.
PLANNABLE = frozenset({"ATTACK", "CLASH", "SHELL", "AIR", "IED", "SUICIDE", "GRENADE", "CHEM",
                       "ABDUCT", "LOOT", "TAKE"})  # fmt: skip
# Disrupting verbs that need a weapon as object to be a "Disrupted weapons use" (ACLED Codebook
# 2023): "dismantled a bomb" is one, "dismantled a militia position" is not.
DISMANTLING = frozenset({"dismantle", "neutralise", "neutralize", "deactivate"})
