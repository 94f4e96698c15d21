"""Measure the boilerplate trimmer on every gold article text, so a reviewer can check what it cuts.

Reads the gold corpora from ../shared at run time (never copied into the repository):
IndiaPoliceEvents full articles, GeoWebNews, LGL and TR-News. For each corpus it reports how many
documents, lines and characters were cut from the head and the tail, and prints a sample of the
cut lines (a line once per distinct text, most frequent first). Then it glues each footer of
the test fixtures (tests/data/footers) under every gold article and counts how often the cut lands
exactly on the seam, cuts into the article ("overcut": real text lost) or leaves footer behind.

    .venv/bin/python eval/boilerplate.py [--shared ../shared] [--sample 25]
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from warwatch.text.boilerplate import cue_weight, split_sentences, trim_boilerplate
from warwatch.text.plain import normalise_whitespace

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = Path(os.environ.get("WARWATCH_SHARED", REPO.parent / "shared"))


def ipe_texts(shared: Path) -> Iterator[str]:
    csv.field_size_limit(sys.maxsize)
    with open(shared / "gold" / "indiapoliceevents_docs.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            yield row["doc_text"]


def xml_texts(path: Path) -> Iterator[str]:
    for article in ET.parse(path).getroot().iter("article"):
        yield article.findtext("text") or ""


def corpora(shared: Path) -> dict[str, Iterator[str]]:
    geo = shared / "geo-gold"
    return {
        "IPE docs": ipe_texts(shared),
        "GWN": xml_texts(geo / "GWN.xml"),
        "LGL": xml_texts(geo / "lgl.xml"),
        "TR-News": xml_texts(geo / "TR-News.xml"),
    }


@dataclass
class Tally:
    docs: int = 0
    chars: int = 0
    lines: int = 0
    docs_cut: int = 0
    head_lines: int = 0
    inner_lines: int = 0
    tail_lines: int = 0
    cut_chars: int = 0
    emptied: int = 0
    cut: Counter[str] = field(default_factory=Counter)
    # last sentences left in the kept text that still carry boilerplate cues (weight >= 2)
    residual: Counter[str] = field(default_factory=Counter)

    def merge(self, other: Tally) -> None:
        for name in (
            "docs",
            "chars",
            "lines",
            "docs_cut",
            "head_lines",
            "inner_lines",
            "tail_lines",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.cut_chars += other.cut_chars
        self.emptied += other.emptied
        self.cut.update(other.cut)
        self.residual.update(other.residual)

    def add(self, raw: str) -> None:
        text = normalise_whitespace(raw)
        trim = trim_boilerplate(text)
        self.docs += 1
        self.chars += len(text)
        self.lines += sum(1 for line in text.splitlines() if line.strip())
        if trim.removed:
            self.docs_cut += 1
        self.emptied += not trim.text and bool(text)
        self.head_lines += len(trim.head)
        self.inner_lines += len(trim.inner)
        self.tail_lines += len(trim.tail)
        self.cut_chars += len(text) - len(trim.text)
        last = trim.text.rsplit("\n", 1)[-1]
        tail_sentence = split_sentences(last)[-1].text if last.strip() else ""
        if cue_weight(tail_sentence) >= 2:
            self.residual[tail_sentence[:110]] += 1
        for line in trim.head:
            self.cut["head | " + line[:110]] += 1
        for line in trim.inner:
            self.cut["inner | " + line[:110]] += 1
        for line in trim.tail:
            self.cut["tail | " + line[:110]] += 1


def report(name: str, t: Tally, sample: int) -> None:
    share = t.cut_chars / t.chars if t.chars else 0.0
    print(
        f"{name}: {t.docs} docs, {t.lines} lines, {t.chars:,} chars; cut in {t.docs_cut} docs: "
        f"{t.head_lines} head + {t.inner_lines} inner + {t.tail_lines} tail lines, {t.cut_chars:,} chars ({share:.2%}); "
        f"emptied {t.emptied}"
    )
    for line, n in t.cut.most_common(sample):
        print(f"    {n:4d} x {line}")
    print(f"  kept texts whose last sentence still carries cues: {sum(t.residual.values())}")
    for line, n in t.residual.most_common(sample):
        print(f"    {n:4d} x left | {line}")


FOOTERS = REPO / "tests" / "data" / "footers"
MARKER = "=== footer ==="


def fixture_footers(shared: Path | None = None) -> dict[str, str]:
    """The footer part of each fixture in tests/data/footers, plus the seed story's footer."""
    footers = {}
    if shared is not None:
        seed = (shared / "seed" / "stepanakert-cluster-munitions.txt").read_text("utf-8")
        footers["seed (Eastern Herald)"] = seed[seed.index("\n©") + 1 :]
    for path in sorted(FOOTERS.glob("*.txt")):
        lines = [x for x in path.read_text("utf-8").splitlines() if not x.startswith("#")]
        footers[path.stem] = "\n".join(lines[lines.index(MARKER) + 1 :])
    return footers


# Lines a copy-paste leaves between paragraphs; inserted above the last paragraph in the
# "+ stray lines" variant, they must be cut and must not drag the footer cut over that paragraph.
STRAY = "Advertisement\n\nREAD MORE: Another story's headline here"


def with_stray_lines(text: str) -> tuple[str, str] | None:
    """(text with stray lines above its last line, the text that should come back), or None."""
    head, sep, last = text.rpartition("\n")
    if not sep or not head.strip():
        return None
    return f"{head.rstrip()}\n\n{STRAY}\n\n{last}", f"{head.rstrip()}\n\n{last}"


def appended(shared: Path) -> None:
    """Glue each fixture footer under each gold article: the cut must land exactly on the seam."""
    footers = fixture_footers(shared)
    counts = {name: Counter[str]() for name in footers}
    stray = {name: Counter[str]() for name in footers}
    for texts in corpora(shared).values():
        for raw in texts:
            alone = trim_boilerplate(normalise_whitespace(raw)).text
            variant = with_stray_lines(alone)
            for name, footer in footers.items():
                glued = trim_boilerplate(normalise_whitespace(raw + "\n\n" + footer)).text
                counts[name][verdict(glued, alone)] += 1
                if variant is not None:
                    glued = trim_boilerplate(variant[0] + "\n\n" + footer).text
                    stray[name][verdict(glued, variant[1])] += 1
    print("fixture footers glued under every gold article (exact = cut lands on the seam):")
    for name in footers:
        print(f"    {name:26} {summary(counts[name])}   + stray lines: {summary(stray[name])}")


def verdict(glued: str, alone: str) -> str:
    if glued == alone:
        return "exact"
    return "overcut" if len(glued) < len(alone) else "undercut"


def summary(c: Counter[str]) -> str:
    return f"exact {c['exact']:5d} undercut {c['undercut']:3d} overcut {c['overcut']:3d}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument(
        "--sample", type=int, default=25, help="distinct cut lines shown per corpus"
    )
    parser.add_argument("--no-glue", action="store_true", help="skip the glued-footer check")
    args = parser.parse_args()
    total = Tally()
    for name, texts in corpora(args.shared).items():
        tally = Tally()
        for raw in texts:
            tally.add(raw)
        report(name, tally, args.sample)
        total.merge(tally)
    report("ALL", total, 0)
    if not args.no_glue:
        appended(args.shared)


if __name__ == "__main__":
    main()
