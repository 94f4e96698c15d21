"""Loaders for the geoparsing gold sets in ../shared/geo-gold (read at run time, never copied).

Each corpus becomes a list of ``GoldDoc``: the text and its gold toponyms (span, point, and the
GeoWebNews type where the corpus has one).
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("WARWATCH_SHARED", REPO.parent / "shared"))
GEO_GOLD = SHARED / "geo-gold"


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    lat: float | None
    lon: float | None
    type: str = "Literal"
    geonameid: int | None = None


@dataclass
class GoldDoc:
    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def _f(x: str | None) -> float | None:
    return float(x) if x not in (None, "") else None


def load_gwn() -> list[GoldDoc]:
    docs = []
    root = ET.parse(GEO_GOLD / "GWN.xml").getroot()
    for n, art in enumerate(root):
        text = art.findtext("text") or ""
        tops = []
        for t in art.find("toponyms") or []:
            gid = t.findtext("geonamesID")
            tops.append(
                GoldToponym(
                    int(t.findtext("start") or 0),
                    int(t.findtext("end") or 0),
                    _f(t.findtext("latitude")),
                    _f(t.findtext("longitude")),
                    t.findtext("type") or "",
                    int(gid) if gid and gid.isdigit() else None,
                )
            )
        docs.append(GoldDoc(f"gwn-{n}", text, tops))
    return docs


def _realign(text: str, phrase: str, start: int, end: int) -> tuple[int, int]:
    """The gold span, moved onto its own ``phrase`` when the offsets miss it.

    Some TR-News articles carry offsets shifted by a few characters (the text was cleaned after
    annotation), so ``text[start:end]`` is a fragment such as "ttawa." for "Ottawa"; scoring the
    fragment measures nothing. The nearest occurrence of the phrase is the annotated mention.
    """
    if not phrase or text[start:end] == phrase:
        return start, end
    hits = [m.start() for m in re.finditer(re.escape(phrase), text)]
    if not hits:
        return start, end
    best = min(hits, key=lambda h: abs(h - start))
    return best, best + len(phrase)


def load_gaztag(name: str) -> list[GoldDoc]:
    """LGL (lgl.xml) and TR-News (TR-News.xml): toponyms with a GeoNames ``gaztag``."""
    docs = []
    root = ET.parse(GEO_GOLD / name).getroot()
    for n, art in enumerate(root):
        text = art.findtext("text") or ""
        tops = []
        for t in art.find("toponyms") or []:
            g = t.find("gaztag")
            if g is None:
                continue
            start, end = _realign(
                text,
                t.findtext("phrase") or "",
                int(t.findtext("start") or 0),
                int(t.findtext("end") or 0),
            )
            tops.append(
                GoldToponym(
                    start,
                    end,
                    _f(g.findtext("lat")),
                    _f(g.findtext("lon")),
                    "Literal",
                    int(g.get("geonameid") or 0) or None,
                )
            )
        docs.append(GoldDoc(art.get("docid") or f"{name}-{n}", text, tops))
    return docs


def load_geovirus() -> list[GoldDoc]:
    """GeoVirus offsets are shifted by +1 (README): the name is text[start-1:end-1]."""
    docs = []
    root = ET.parse(GEO_GOLD / "GeoVirus.xml").getroot()
    for n, art in enumerate(root):
        text = art.findtext("text") or ""
        tops = [
            GoldToponym(
                int(x.findtext("start") or 1) - 1,
                int(x.findtext("end") or 1) - 1,
                _f(x.findtext("lat")),
                _f(x.findtext("lon")),
            )
            for x in art.find("locations") or []
        ]
        docs.append(GoldDoc(f"geovirus-{n}", text, tops))
    return docs


def load_gwn_system(name: str) -> list[list[GoldToponym]]:
    """A system output shipped with GeoWebNews (gwn_edin.txt ...): per article, its toponyms."""
    out = []
    for line in (GEO_GOLD / name).read_text(encoding="utf-8").splitlines():
        tops = []
        for rec in line.split("||"):
            parts = rec.split(",,")
            if len(parts) != 6:
                continue
            tops.append(GoldToponym(int(parts[4]), int(parts[5]), _f(parts[2]), _f(parts[3])))
        out.append(tops)
    return out


def load_gwn_full() -> list[GoldDoc]:
    """GeoWebNews texts with the geocoding gold of gwn_full.txt (the file Gritta et al. score
    geocoding on): every toponym with a point, demonyms and modifiers included."""
    docs = load_gwn()
    for doc, tops in zip(docs, load_gwn_system("gwn_full.txt"), strict=True):
        ids = {(t.start, t.end): t.geonameid for t in doc.toponyms}
        doc.toponyms = [
            GoldToponym(t.start, t.end, t.lat, t.lon, "gwn_full", ids.get((t.start, t.end)))
            for t in tops
        ]
    return docs


def load_event_location() -> list[dict]:
    data = json.loads((GEO_GOLD / "event_location.dev.json").read_text(encoding="utf-8"))
    return [r for r in data if r.get("answer") == "accept"]


CORPORA = {
    "GeoWebNews": load_gwn_full,
    "GeoWebNews (all GWN.xml toponyms with a point)": load_gwn,
    "TR-News": lambda: load_gaztag("TR-News.xml"),
    "LGL": lambda: load_gaztag("lgl.xml"),
    "GeoVirus": load_geovirus,
}
