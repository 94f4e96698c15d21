"""Where the geoparser goes wrong, given the gold spans: ``python eval/geo.py --errors N``.

Per corpus: the misses (> 161 km) grouped by kind - the right GeoNames feature with another
representative point ("same id"), another feature ("wrong", by the feature code chosen), no
answer ("none") - then the names missed most often, then the N worst single errors. Gold texts
are read at run time from ../shared/geo-gold and printed only to the terminal.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from geo_data import CORPORA
from geo_metrics import error_km
from warwatch.geo.index import ensure_gazetteer
from warwatch.geo.resolve import resolve_spans

ACCURATE_KM = 161


@dataclass(frozen=True)
class Miss:
    km: float
    name: str
    chosen: str
    feature_code: str
    country_code: str
    gold_id: int | None
    chosen_id: int | None

    @property
    def kind(self) -> str:
        if not self.chosen:
            return "none"
        same = self.gold_id is not None and self.gold_id == self.chosen_id
        return f"{'same id' if same else 'wrong'} {self.feature_code}"


def misses(corpus: str) -> list[Miss]:
    gaz = ensure_gazetteer()
    out = []
    for doc in CORPORA[corpus]():
        tops = [t for t in doc.toponyms if t.lat is not None and t.lon is not None]
        tops = [t for t in tops if 0 <= t.start < t.end <= len(doc.text)]
        spans = [(t.start, t.end) for t in tops]
        for t, r in zip(tops, resolve_spans(gaz, doc.text, spans), strict=True):
            c = r.candidate
            assert t.lat is not None and t.lon is not None
            km = error_km(t.lat, t.lon, c.latitude if c else None, c.longitude if c else None)
            if km > ACCURATE_KM:
                out.append(
                    Miss(km, r.name, c.name if c else "", c.feature_code if c else "",
                         c.country_code if c else "", t.geonameid, c.geonameid if c else None)
                )  # fmt: skip
    return out


def run_errors(n: int, limit_corpora: list[str] | None = None) -> None:
    for corpus in limit_corpora or ["GeoWebNews", "TR-News", "LGL"]:
        found = misses(corpus)
        print(f"\n## {corpus}: {len(found)} answers more than {ACCURATE_KM} km off\n")
        kinds = Counter(m.kind for m in found).most_common()
        print("by kind: " + ", ".join(f"{k} {v}" for k, v in kinds))
        names = Counter(m.name for m in found).most_common(25)
        print("names: " + ", ".join(f"{k} {v}" for k, v in names))
        print(
            "\n| km | name | chosen | code | cc | gold id | chosen id |\n|---|---|---|---|---|---|---|"
        )
        for m in sorted(found, key=lambda m: -m.km)[:n]:
            print(f"| {m.km:.0f} | {m.name} | {m.chosen} | {m.feature_code} | {m.country_code} "
                  f"| {m.gold_id} | {m.chosen_id} |")  # fmt: skip
