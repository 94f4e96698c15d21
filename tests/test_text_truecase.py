"""All-caps wire copy is parsed in restored case; offsets and the written text are kept."""

from __future__ import annotations

from warwatch.nlp import build_nlp
from warwatch.text.truecase import is_all_caps, truecase, written

WIRE = (
    "GUERRILLAS OF THE FMLN [FARABUNDO MARTI NATIONAL LIBERATION FRONT] ATTACKED THE BANK IN "
    "THE CAPITAL TODAY.  POLICE SAID PRESIDENT ALFREDO CRISTIANI CONDEMNED THE ATTACK BY THE "
    "SALVADORAN REBELS, WHO THE DIJIN (DIRECTORATE OF JUDICIAL POLICE) IS HUNTING."
)


def test_same_length_and_only_case_changes() -> None:
    out = truecase(WIRE)
    assert len(out) == len(WIRE)
    assert out.upper() == WIRE
    assert out != WIRE


def test_sentences_names_and_acronyms() -> None:
    out = truecase(WIRE)
    assert out.startswith("Guerrillas of the FMLN [Farabundo Marti National Liberation Front]")
    assert "attacked the bank" in out
    assert "  Police said" in out
    assert "Alfredo Cristiani condemned" in out  # a name after a title, up to the verb
    assert "Salvadoran rebels" in out  # a demonym
    assert "DIJIN (Directorate of Judicial Police)" in out


def test_mixed_case_and_short_text_unchanged() -> None:
    normal = "Gunmen attacked a bank in San Salvador, police said."
    assert truecase(normal) is normal
    assert truecase("FMLN ATTACK") == "FMLN ATTACK"  # a headline: too short to judge
    assert not is_all_caps("60 kg of dynamite exploded near the bank in the capital city today.")


def test_pipeline_parses_restored_case_and_keeps_written_text() -> None:
    doc = build_nlp()(WIRE)
    assert doc.text == truecase(WIRE)
    bank = next(t for t in doc if t.lower_ == "bank")
    assert bank.pos_ == "NOUN"  # all caps, it is tagged a proper noun
    span = doc[bank.i : bank.i + 1]
    assert written(span) == "BANK"
    assert written(doc[0:1]) == "GUERRILLAS"


def test_days_and_months() -> None:
    out = truecase(
        "THE REBELS ATTACKED ON SUNDAY 4 MARCH, AND THEY MAY MARCH AGAIN IN MAY 1990 SAID POLICE."
    )
    assert "on Sunday 4 March," in out
    assert "they may march again in May 1990" in out


def test_names_after_occupations_kin_and_with_particles() -> None:
    out = truecase(
        "THE SAME SOURCES SAID THAT REPORTER LUIS MORALES WAS THREATENED.  SOLDIERS KIDNAPPED "
        "HONDURAN CITIZENS ROSALIO MEJIA RODRIGUEZ AND HER SON GUILLERMO SAUL MEJIA HERRERA.  A "
        "CATTLEMAN NAMED GUSTAVO DE JESUS ESCOBAR FERNANDEZ HAD LEFT."
    )
    assert "reporter Luis Morales was" in out
    assert "citizens Rosalio Mejia Rodriguez and" in out
    assert "son Guillermo Saul Mejia Herrera" in out
    # particles are inside the name but not counted in its four words, and stay lower case
    assert "named Gustavo de Jesus Escobar Fernandez had" in out
    assert "her son was" in truecase(
        "THE POLICE SAID THAT HER SON WAS WOUNDED IN THE ATTACK ON THE BANK."
    )


def test_a_content_word_after_an_initialism_is_not_a_sentence_start() -> None:
    out = truecase(
        "GUNMEN KILLED TWO YOUNG U.S. CITIZENS IN THE TOWN. THE TALKS WERE IN THE U.S. THE END."
    )
    assert "U.S. citizens" in out
    assert "U.S. The end" in out
