"""Order incidents by salience: what the story is mainly about comes first.

Salience adds (1) the best candidate score (specific means outrank generic violence, see
``event_type``), (2) one point per extra sentence reporting the same incident, at most three,
because a story returns to its main event, (3) 1.5 for an incident told in the first two
sentences (news leads carry the main event), (4) one point for a reported toll. The weights were
set by hand and checked on the CASE 2021 dev half (first incident = gold type).
"""

from __future__ import annotations

from ..model import Count

MAX_REPEAT_BONUS = 3.0
LEAD_SENTENCES = 2
LEAD_BONUS = 1.5


def salience(
    best_score: float, n_sentences: int, first_sentence_index: int, fatalities: Count
) -> float:
    repeat = min(float(n_sentences - 1), MAX_REPEAT_BONUS)
    lead = LEAD_BONUS if first_sentence_index < LEAD_SENTENCES else 0.0
    toll = 1.0 if fatalities.best else 0.0
    return best_score + repeat + lead + toll


def confidence(score: float) -> float:
    """Map salience to 0..1 for the contract's ``confidence`` (a rank signal, not a probability)."""
    return round(min(score / 14.0, 1.0), 3)
