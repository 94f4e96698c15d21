"""Country names and demonyms -> ISO 3166-1 alpha-2, and back to a short English name.

pycountry (ISO 3166-1) answers official and common names; ``data/countries.csv`` adds demonyms
("Azerbaijani", "Azeri") and the short names pycountry does not carry ("Russia", "Turkey", "Iran").
"""

from __future__ import annotations

from functools import cache

import pycountry

from .lexicon import country_forms


@cache
def _pycountry_names() -> dict[str, str]:
    out: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                out[value.lower()] = country.alpha_2
                # "Iran, Islamic Republic of" -> "iran"; "Bolivia, Plurinational State of" -> "bolivia"
                head = value.split(",")[0].split("(")[0].strip().lower()
                out.setdefault(head, country.alpha_2)
    return out


def iso2(text: str) -> str | None:
    """ISO2 for a country name or demonym ("Israel", "Israeli", "the Azerbaijani"), else None."""
    key = text.strip().lower()
    for prefix in ("the ",):
        if key.startswith(prefix):
            key = key[len(prefix) :]
    key = key.removesuffix("'s").removesuffix("’s").strip()
    if not key:
        return None
    form = country_forms().get(key)
    if form:
        return form[1]
    return _pycountry_names().get(key)


def is_demonym(text: str) -> bool:
    form = country_forms().get(text.strip().lower())
    return bool(form and form[0] == "demonym")


@cache
def short_name(code: str) -> str:
    """A short English name for an ISO2 code: "RU" -> "Russia", "AZ" -> "Azerbaijan"."""
    for kind, value, form in country_forms().values():
        if kind == "short" and value == code:
            return form
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    name: str = getattr(country, "common_name", None) or country.name
    return name.split(",")[0]
