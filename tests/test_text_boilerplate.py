"""The boilerplate rules on their own: what is a footer line, what must never be cut, publishers."""

from __future__ import annotations

import pytest

from warwatch.text.boilerplate import LineKind, classify, trim_boilerplate
from warwatch.text.plain import normalise_whitespace
from warwatch.text.publisher import find_publisher, publisher_from_copyright

BODY = (
    "Artillery fire hit the eastern district of the city on Saturday morning, the regional "
    "governor said, adding that emergency crews were still searching the rubble.\n\n"
    "Two schools and a clinic were damaged, according to a statement from the city council, "
    "which said the strikes came shortly after 7 a.m. local time."
)
FOOTER = (
    "© 2020 Example News Agency. All rights reserved.\n"
    "Follow us on Twitter and Facebook\n"
    "Sign up for our newsletter\n"
    "Related: Shelling continues along the front line"
)

# News sentences that use footer words: each must survive as an article's last paragraph.
TRICKY_LAST_PARAGRAPHS = [
    "Organ donation rates fell sharply after the war began, the ministry said on Twitter.",
    "Follow-up strikes hit the same neighbourhood on Sunday, residents said.",
    "The agency said it would sue the broadcaster for copyright infringement.",
    "Residents shared videos of the blast on Facebook and Telegram within minutes.",
    "Related clashes were reported in two villages further north.",
    "Advertisement boards along the highway were torn down by protesters.",
    "The group called on supporters to follow it on Telegram for updates.",
    "Contact tracing on the island stopped after the shelling began.",
    "He declined to comment.",
    "All rights groups that visited the camp reported overcrowding.",
]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("© The Eastern Herald", LineKind.BOILER),
        ("Copyright 2021 Reuters. All rights reserved.", LineKind.BOILER),
        ("Follow us on:", LineKind.BOILER),
        ("Facebook Twitter Linkedin Mail", LineKind.BOILER),
        ("Click here to make your donation.", LineKind.BOILER),
        ("This story is from March 10, 2002", LineKind.BOILER),
        ("(Reporting by Jane Doe; Editing by John Roe)", LineKind.BOILER),
        ("We use cookies to improve your experience. Accept cookies", LineKind.BOILER),
        ("Read more: Ceasefire talks stall in Geneva", LineKind.BOILER),
        ("Eastern Herald on Google News", LineKind.BOILER),
        ("News Room", LineKind.FILLER),
        ("Shelling continues along the front line", LineKind.FILLER),
        ("Two people were killed and five wounded in the strike, police said.", LineKind.CONTENT),
        (TRICKY_LAST_PARAGRAPHS[0], LineKind.CONTENT),
        (TRICKY_LAST_PARAGRAPHS[2], LineKind.CONTENT),
    ],
)
def test_classify(line: str, kind: LineKind) -> None:
    assert classify(line) is kind


def test_footer_is_cut_and_body_kept() -> None:
    trimmed = trim_boilerplate(BODY + "\n\n" + FOOTER)
    assert trimmed.text == BODY
    assert trimmed.tail == tuple(FOOTER.splitlines())


def test_text_without_boilerplate_is_untouched() -> None:
    trimmed = trim_boilerplate(BODY)
    assert trimmed.text == BODY
    assert trimmed.removed == ()


@pytest.mark.parametrize("last", TRICKY_LAST_PARAGRAPHS)
def test_news_sentences_with_footer_words_are_never_cut(last: str) -> None:
    text = BODY + "\n\n" + last
    assert trim_boilerplate(text).text == text
    # And with a real footer after it, the cut lands after the sentence.
    assert trim_boilerplate(text + "\n" + FOOTER).text == text


@pytest.mark.parametrize("last", TRICKY_LAST_PARAGRAPHS)
def test_tricky_sentences_glued_in_one_paragraph(last: str) -> None:
    # One-line articles with the footer glued on (as in some corpora).
    text = BODY.replace("\n\n", " ") + " " + last
    glued = text + " Copyright 2018 The Associated Press. All rights reserved."
    assert trim_boilerplate(glued).text == text


def test_trimmed_text_is_a_slice_of_the_input() -> None:
    # Offsets: the kept text must be found verbatim in the normalised input.
    text = normalise_whitespace("This story is from May 2, 2021\n\n" + BODY + "\n\n" + FOOTER)
    trimmed = trim_boilerplate(text)
    assert trimmed.text in text
    assert trimmed.head == ("This story is from May 2, 2021",)


def test_leading_title_is_kept() -> None:
    text = "Shelling hits Kharkiv market\n\n" + BODY
    assert trim_boilerplate(text).text == text


@pytest.mark.parametrize(
    ("line", "publisher"),
    [
        ("© The Eastern Herald", "The Eastern Herald"),
        ("Copyright 2021 Reuters. All rights reserved.", "Reuters"),
        ("(c) 2020 Associated Press", "Associated Press"),
        ("© 2018 RFE/RL Azeri Service.", "RFE/RL Azeri Service"),
        ("Copyright © 2019 Salon.com, LLC. Reproduction of material ...", "Salon.com"),
        ("© 2020 Deutsche Welle | Privacy Policy | Legal notice", "Deutsche Welle"),
        ("Copyright The Eastern Herald 2020", "The Eastern Herald"),
        ("Image copyright Getty Images", None),
        ("No copyright mark here at all", None),
    ],
)
def test_publisher_from_copyright(line: str, publisher: str | None) -> None:
    assert publisher_from_copyright(line) == publisher


def test_find_publisher_takes_the_first_copyright_line() -> None:
    lines = ["Follow us on:", "Image copyright AP", "© 2020 Example News Agency", "© Other"]
    assert find_publisher(lines) == "Example News Agency"


def test_stray_boilerplate_lines_inside_are_cut() -> None:
    first, second = BODY.split("\n\n")
    text = "\n\n".join(
        [first, "Advertisement", "READ MORE: Ceasefire talks stall in Geneva", "Damage", second]
    )
    trimmed = trim_boilerplate(text)
    # The subheading ("Damage") is not boilerplate and stays; the other two lines go.
    assert trimmed.text == first + "\n\nDamage\n\n" + second
    assert trimmed.inner == ("Advertisement", "READ MORE: Ceasefire talks stall in Geneva")


def test_inside_lines_that_end_a_sentence_are_kept() -> None:
    first, second = BODY.split("\n\n")
    line = "Read more about the ceasefire in our explainer."
    text = "\n\n".join([first, line, second])
    assert trim_boilerplate(text).text == text


def test_last_paragraph_after_stray_lines_survives_a_footer() -> None:
    # Ads and links between paragraphs must not pull the footer cut up over the last paragraph.
    first, second = BODY.split("\n\n")
    article = "\n\n".join(
        [first, "Advertisement", "READ MORE: Ceasefire talks stall in Geneva", "Damage", second]
    )
    trimmed = trim_boilerplate(article + "\n\n" + FOOTER)
    assert trimmed.text == first + "\n\nDamage\n\n" + second
    assert trimmed.tail == tuple(FOOTER.splitlines())
