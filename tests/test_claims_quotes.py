"""Quotations: pairing of marks on bad input, speaker/role/organisation, no invented speakers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warwatch.claims.extract import find_claims
from warwatch.claims.quotes import find_quotes, quote_spans


def quotes(nlp, text):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return [q.quote for q in find_quotes(doc, find_claims(doc))]


@pytest.mark.parametrize(
    "text",
    [
        "She said “this quote is never closed and runs on to the very end",
        "”Stray closing mark first, then “an opening one with enough words here",
        "“One “two “three “four “five six seven eight",
        '"Straight quotes" that "never close at all and keep going',
        "“”“”",
        "",
        "No quotes at all in this sentence.",
    ],
)
def test_unbalanced_marks_never_raise_and_stay_in_bounds(text: str) -> None:
    for start, end in quote_spans(text):
        assert 0 <= start <= end <= len(text)


def test_quote_running_to_the_end_is_cut_at_its_paragraph() -> None:
    text = "He said “this one never closes and keeps going\n\nNext paragraph is not quoted at all."
    [(start, end)] = quote_spans(text)
    assert text[start:end] == "this one never closes and keeps going"


def test_scare_quotes_are_not_quotations() -> None:
    assert quote_spans("The NGO “corroborated” the information on Tuesday.") == []


def test_odd_closing_mark_of_translated_copy_closes_the_quote() -> None:
    text = "The inspectors “found that the rockets were fired from the north, “according to the report."
    [(start, end)] = quote_spans(text)
    assert text[start:end] == "found that the rockets were fired from the north,"


def test_credit_line_after_the_quote_and_he_added(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“We found remnants of rockets in the school yard,” he said. John Smith, senior researcher "
        "at Human Rights Watch, quoted in a press release.\n\n"
        "“The attack was unlawful and must be investigated now,” he added."
    )
    first, second = quotes(nlp, text)[:2]
    for q in (first, second):
        assert q.speaker == "John Smith"
        assert q.role == "senior researcher"
        assert q.organization == "Human Rights Watch"
    assert text[first.start : first.end].startswith("We found remnants")


def test_organisation_short_form_is_normalised(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“Civilian homes were hit again and again by the artillery,” she said. Jane Roe, "
        "Director of Research at Amnesty, quoted in a statement."
    )
    [q] = [q for q in quotes(nlp, text) if q.direct]
    assert (q.speaker, q.organization) == ("Jane Roe", "Amnesty International")


def test_straight_quotes_with_inverted_said(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"The shelling lasted all night long," said Maria Ivanova, a resident of the town.'
    [q] = [q for q in quotes(nlp, text) if q.direct]
    assert q.speaker == "Maria Ivanova"
    assert q.text == "The shelling lasted all night long,"


def test_nested_single_quotes_stay_inside(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“He shouted ‘get out of here now’ and then fired at the crowd,” the witness said."
    [q] = [q for q in quotes(nlp, text) if q.direct]
    assert "‘get out of here now’" in q.text
    assert q.speaker == "witness"


def test_nested_double_quotes_do_not_crash(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“She told me “do not go there now, they are shooting” and left,” the man said."
    for q in quotes(nlp, text):
        assert text[q.start : q.end] == q.text


def test_quote_with_no_speaker_anywhere_has_none(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Shelling resumed at dawn.\n\n“The city is burning and nobody is coming to help us.”"
    [q] = quotes(nlp, text)
    assert (q.speaker, q.role, q.organization) == (None, None, None)


def test_pronoun_far_from_any_speaker_stays_none(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"The shelling lasted all night long," said Maria Ivanova.\n\n'
        "The town has no power. Water is scarce. Roads are closed. Schools are shut.\n\n"
        "She told reporters “the siege will not end before the winter comes”."
    )
    last = [q for q in quotes(nlp, text) if q.direct][-1]
    assert last.speaker is None


def test_indirect_quote_from_a_reporting_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Human Rights Watch said that the strike killed at least twelve civilians."
    indirect = [q for q in quotes(nlp, text) if not q.direct]
    assert indirect and indirect[0].organization == "Human Rights Watch"
    assert "killed at least twelve civilians" in indirect[0].text


def test_mojibake_and_double_apostrophe_marks(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "â€˜â€˜we are still bargaining with the government on this,â€™â€™ mehta said."
    [q] = [q for q in quotes(nlp, text) if q.direct]
    assert q.text == "we are still bargaining with the government on this,"
    assert q.speaker == "mehta"
    assert quote_spans("â€œthe ministry has given its sanction to them,â€\ufffd he said") == [
        (3, 47)
    ]


def test_title_before_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“The school was hit twice in one hour,” Amnesty's crisis director Jane Roe said."
    [q] = [q for q in quotes(nlp, text) if q.direct]
    assert (q.speaker, q.role, q.organization) == (
        "Jane Roe",
        "crisis director",
        "Amnesty International",
    )


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,\n\"“”„«»'â€™œ˜\ufffd12")), max_size=120))
def test_quote_spans_are_ordered_and_in_bounds(text: str) -> None:
    spans = quote_spans(text)
    for start, end in spans:
        assert 0 <= start <= end <= len(text)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
