"""Syndication detection: precision and recall of story families on pairs built at run time.

Real article texts are read from ../shared (GeoWebNews, TR-News, LGL, GeoVirus <text> elements;
IndiaPoliceEvents doc_text) and never copied. Pairs are made here, seeded:

- positive: an article and a "republished" copy with a new headline and dateline, a publisher
  footer, and (half the time) the last paragraphs cut or a few words dropped, as syndicators do;
- negative: an article and the *most similar different article* of the same corpus by word
  overlap (same topic, same outlet style: the hard case).

    python eval/syndication.py [--pairs 300] [--seed 7]

Prints pair precision/recall at the shipped threshold and a sweep, plus cluster quality when all
texts are grouped together with ``group_texts``.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import sys
import xml.etree.ElementTree as ET
from itertools import combinations
from pathlib import Path

from warwatch.link.minhash import jaccard, sketch, words
from warwatch.link.syndication import CONTAINMENT_MIN, JACCARD_MIN, group_texts, resemblance

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("WARWATCH_SHARED", REPO.parent / "shared"))
MIN_WORDS = 120  # shorter items (briefs, captions) are not what wire services syndicate

HEADLINES = ["BREAKING:", "UPDATE:", "World news |", "Latest:", "EXCLUSIVE -"]
DATELINES = ["(Reuters) -", "(AP) —", "(AFP) -", "— Wire report.", ""]
FOOTERS = [
    "Copyright {y} The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
    "Reporting by staff; editing by the news desk. Our Standards: The Trust Principles.",
    "Read more stories like this: subscribe to our newsletter and follow us on social media for updates.",
    "This article was automatically generated from a syndicated feed and has not been edited by our staff.",
]


def load_corpora(shared: Path = SHARED) -> dict[str, list[str]]:
    corpora: dict[str, list[str]] = {}
    for name in ("GWN.xml", "TR-News.xml", "lgl.xml", "GeoVirus.xml"):
        path = shared / "geo-gold" / name
        if path.is_file():
            root = ET.parse(path).getroot()
            corpora[name] = [t.text or "" for t in root.iter("text")]
    ipe = shared / "gold" / "indiapoliceevents_docs.csv"
    if ipe.is_file():
        csv.field_size_limit(1 << 24)
        with ipe.open(encoding="utf-8", newline="") as f:
            corpora["indiapoliceevents"] = [row["doc_text"] for row in csv.DictReader(f)]
    return {
        k: list(dict.fromkeys(t for t in v if len(words(t)) >= MIN_WORDS))
        for k, v in corpora.items()
    }


def republish(text: str, rng: random.Random, *, hard: str | None = None) -> str:
    """A syndicated copy: new headline/dateline/footer, maybe trimmed or lightly edited.

    ``hard`` makes a harsher copy for the stress table: ``half`` keeps only the first 40-60 %
    of sentences (a "read more" teaser), ``related`` inserts a "Related:" teaser line after
    every second sentence (as aggregator templates do)."""
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    if hard == "half" and len(sentences) > 4:
        sentences = sentences[: max(2, int(len(sentences) * rng.uniform(0.4, 0.6)))]
    elif rng.random() < 0.5 and len(sentences) > 4:  # syndicators cut from the bottom
        keep = max(3, int(len(sentences) * rng.uniform(0.7, 0.95)))
        sentences = sentences[:keep]
    if hard == "related":
        sentences = [
            f"{s} Related: {' '.join(rng.sample(RELATED_WORDS, 6))}." if k % 2 else s
            for k, s in enumerate(sentences)
        ]
    body = " ".join(sentences)
    if rng.random() < 0.3:  # light copy-editing: drop ~2% of words
        tokens = body.split()
        body = " ".join(t for t in tokens if rng.random() > 0.02)
    title_words = words(text)[: rng.randint(4, 9)]
    headline = f"{rng.choice(HEADLINES)} {' '.join(title_words).title()}"
    footer = rng.choice(FOOTERS).format(y=rng.randint(2000, 2024))
    return f"{headline}\n\n{rng.choice(DATELINES)} {body}\n\n{footer}\n"


RELATED_WORDS = [
    "police",
    "minister",
    "election",
    "market",
    "protest",
    "court",
    "flood",
    "budget",
    "league",
    "deal",
    "storm",
    "vaccine",
    "airport",
    "strike",
    "council",
    "report",
    "rally",
    "ceasefire",
    "border",
    "trial",
]


def stress_pairs(
    n: int, seed: int, kind: str, shared: Path = SHARED
) -> list[tuple[str, str, bool]]:
    """Positive pairs only, with the harsher ``kind`` of copy (precision does not depend on it)."""
    rng = random.Random(seed + 1)
    texts = [t for ts in load_corpora(shared).values() for t in ts]
    chosen = rng.sample(texts, min(n, len(texts)))
    return [(t, republish(t, rng, hard=kind), True) for t in chosen]


def lead_grams(text: str, n: int = 8, span: int = 60) -> set[str]:
    tokens = words(text)[:span]
    return {" ".join(tokens[k : k + n]) for k in range(max(len(tokens) - n + 1, 1))}


def hardest_negative(i: int, texts: list[str], vocab: list[set[str]], leads: list[set[str]]) -> int:
    """The different article with the most words in common with article ``i``.

    The corpora hold real duplicates (IndiaPoliceEvents has several editions of one story, LGL
    the same wire item twice): those are the same story, so a candidate sharing any 8-word run
    of its first 60 words with article ``i`` (a shared lead) is not used as a negative."""
    best, best_score = -1, -1.0
    for j in range(len(texts)):
        if j == i or leads[i] & leads[j]:
            continue
        union = len(vocab[i] | vocab[j]) or 1
        score = len(vocab[i] & vocab[j]) / union
        if score > best_score:
            best, best_score = j, score
    return best


def build_pairs(n: int, seed: int, shared: Path = SHARED) -> list[tuple[str, str, bool]]:
    """``n`` positive and ``n`` negative pairs (text_a, text_b, same_story)."""
    rng = random.Random(seed)
    corpora = load_corpora(shared)
    pool = [(name, i) for name, texts in sorted(corpora.items()) for i in range(len(texts))]
    chosen = rng.sample(pool, min(n, len(pool)))
    vocab = {name: [set(words(t)) for t in texts] for name, texts in corpora.items()}
    leads = {name: [lead_grams(t) for t in texts] for name, texts in corpora.items()}
    pairs: list[tuple[str, str, bool]] = []
    for name, i in chosen:
        texts = corpora[name]
        pairs.append((texts[i], republish(texts[i], rng), True))
        j = hardest_negative(i, texts, vocab[name], leads[name])
        pairs.append((texts[i], republish(texts[j], rng), False))
    return pairs


Scored = tuple[float, bool, bool]  # (Jaccard, shipped rule says same story, truly same story)


def pair_scores(pairs: list[tuple[str, str, bool]]) -> list[Scored]:
    out: list[Scored] = []
    for a, b, same in pairs:
        sa, sb = sketch(a), sketch(b)
        out.append((jaccard(sa, sb), resemblance(sa, sb) is not None, same))
    return out


def precision_recall(scores: list[Scored], threshold: float | None = None) -> tuple[float, float]:
    """Of the shipped rule, or of a plain Jaccard ``threshold`` when one is given."""
    said = [(s >= threshold if threshold is not None else rule, same) for s, rule, same in scores]
    tp = sum(1 for yes, same in said if yes and same)
    fp = sum(1 for yes, same in said if yes and not same)
    fn = sum(1 for yes, same in said if not yes and same)
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


def cluster_quality(pairs: list[tuple[str, str, bool]]) -> tuple[float, float]:
    """Pairwise precision/recall of ``group_texts`` families over every text of the positives."""
    items: list[tuple[str, str]] = []
    story: dict[str, int] = {}
    for k, (a, b, same) in enumerate(pairs):
        if same:
            for tag, text in (("a", a), ("b", b)):
                key = f"{k}{tag}"
                items.append((key, text))
                story[key] = k
    fams = group_texts(items)
    tp = fp = fn = 0
    for x, y in combinations(story, 2):
        same_story, same_family = story[x] == story[y], fams[x] == fams[y]
        tp += same_story and same_family
        fp += same_family and not same_story
        fn += same_story and not same_family
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=300, help="positives (and as many negatives)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    pairs = build_pairs(args.pairs, args.seed)
    if not pairs:
        print(f"no gold texts under {SHARED}", file=sys.stderr)
        return 1
    scores = pair_scores(pairs)
    pos = sorted(s for s, _, same in scores if same)
    neg = sorted(s for s, _, same in scores if not same)
    print(f"{len(pos)} positive / {len(neg)} negative pairs, seed {args.seed}")
    print(f"positive Jaccard: min {pos[0]:.2f} p05 {pos[len(pos) // 20]:.2f}")
    print(f"negative Jaccard: max {neg[-1]:.2f} p95 {neg[len(neg) * 19 // 20]:.2f}")
    for t in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        p, r = precision_recall(scores, t)
        print(f"Jaccard alone >= {t:.2f}: precision {p:.3f} recall {r:.3f}")
    p, r = precision_recall(scores)
    print(
        f"shipped rule (Jaccard >= {JACCARD_MIN} or containment >= {CONTAINMENT_MIN}): precision {p:.3f} recall {r:.3f}"
    )
    cp, cr = cluster_quality(pairs)
    print(
        f"families (group_texts, LSH) over {2 * len(pos)} texts: pairwise precision {cp:.3f} recall {cr:.3f}"
    )
    for kind, label in (("half", "first 40-60 % only"), ("related", "'Related:' lines inserted")):
        stress = stress_pairs(args.pairs, args.seed, kind)
        _, r = precision_recall(pair_scores(stress))
        _, jr = precision_recall(pair_scores(stress), JACCARD_MIN)
        _, gr = cluster_quality(stress)
        print(
            f"stress, {label}: recall {r:.3f} (Jaccard alone {jr:.3f}; via LSH families {gr:.3f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
