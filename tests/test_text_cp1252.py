"""Mis-decoded Windows-1252 punctuation (C1 controls) is mended one character for one."""

from __future__ import annotations

from warwatch.text.plain import normalise_whitespace, repair_cp1252_controls


def test_quotes_and_dashes_become_punctuation() -> None:
    text = "The mayor said \x93enough\x94 \x96 the crowd\x92s \x91march\x92 \x97 went on."
    fixed = repair_cp1252_controls(text)
    assert fixed == (
        "The mayor said \u201cenough\u201d \u2013 the crowd\u2019s \u2018march\u2019 "
        "\u2014 went on."
    )


def test_length_and_other_offsets_kept() -> None:
    text = "A \x93b\x94 c \x80 d"
    fixed = repair_cp1252_controls(text)
    assert len(fixed) == len(text)
    assert fixed.index("c") == text.index("c")
    assert fixed[text.index("\x80")] == "\u20ac"


def test_undefined_bytes_and_nel_left_alone() -> None:
    # 0x81 has no cp1252 character; U+0085 is NEL, a line break for the whitespace step.
    assert repair_cp1252_controls("a\x81b\x85c") == "a\x81b\x85c"
    assert normalise_whitespace("a\x85b") == "a\nb"


def test_normalise_whitespace_repairs_quotes() -> None:
    assert (
        normalise_whitespace("  \x93Stop\x94, they shouted.  ") == "\u201cStop\u201d, they shouted."
    )
