"""Story families: MinHash similarity, containment, LSH lookup, store-backed assignment, and
precision/recall on pairs built from the gold corpora at test time."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest

from store_fixtures import (  # noqa: F401  (fixtures are found by name)
    pg_session_url_fixture,
    store_fixture,
    store_url_fixture,
)
from warwatch.link.minhash import LshIndex, Sketch, containment, minhash, similarity, sketch
from warwatch.link.syndication import assign_family, group_texts, resemblance
from warwatch.store import Store

REPO = Path(__file__).resolve().parents[1]
VOCAB = tuple(
    [
        "the",
        "army",
        "said",
        "shelling",
        "hit",
        "market",
        "town",
        "civilians",
        "killed",
        "wounded",
        "rebels",
        "forces",
        "officials",
        "reported",
        "drone",
        "strike",
        "village",
        "police",
        "on",
        "monday",
        "residents",
        "fled",
        "hospital",
    ]
)


def _text(seed: int, n: int = 250) -> str:
    """Pseudo-article from a fixed vocabulary: different seeds share words, not word order."""
    rng = random.Random(seed)
    return " ".join(rng.choice(VOCAB) for _ in range(n)) + "."


def test_similarity_tracks_overlap() -> None:
    a = _text(1)
    copy = "Breaking: headline\n" + a + "\nCopyright 2024 Wire. All rights reserved."
    half = " ".join(a.split()[:125])
    assert similarity(minhash(a), minhash(a)) == 1.0
    assert similarity(minhash(a), minhash(copy)) > 0.8
    assert 0.3 < similarity(minhash(a), minhash(half)) < 0.7  # Jaccard of a half copy is ~0.5
    assert similarity(minhash(a), minhash(_text(2))) < 0.1  # same words, different story


def test_sketch_round_trip_and_empty_text() -> None:
    item = sketch(_text(3))
    back = Sketch.from_bytes(item.to_bytes())
    assert (back.signature == item.signature).all() and back.size == item.size > 200
    assert len(item.to_bytes()) == 4 + 512
    assert similarity(minhash(""), minhash(_text(3))) == 0.0


def test_containment_catches_a_teaser_copy() -> None:
    full = _text(5, n=400)
    teaser = "Read the first part: " + " ".join(full.split()[:130]) + " ... read more"
    a, b = sketch(full), sketch(teaser)
    assert similarity(a.signature, b.signature) < 0.4  # Jaccard alone would miss it
    assert containment(a, b) > 0.8 and resemblance(a, b) is not None
    brief = sketch(" ".join(full.split()[:20]))  # too short for containment to mean anything
    assert resemblance(a, brief) is None


def test_lsh_finds_the_copy_not_the_other() -> None:
    index = LshIndex()
    for i in range(20):
        index.add(f"s{i}", sketch(_text(i)))
    found = index.nearest(sketch("New headline. " + _text(7) + " Footer."), resemblance)
    assert found is not None and found[0] == "s7"
    assert index.nearest(sketch(_text(99)), resemblance) is None


def test_group_texts() -> None:
    items = [("a", _text(1)), ("b", _text(2)), ("a2", "UPDATE " + _text(1)), ("c", _text(3))]
    fam = group_texts(items)
    assert fam["a"] == fam["a2"] and len({fam["a"], fam["b"], fam["c"]}) == 3


def test_assign_family_in_store(store: Store) -> None:
    original, copy, other = _text(1), "Wire: " + _text(1) + " (c) Agency", _text(2)
    f1 = assign_family(store, "a" * 64, original)
    f2 = assign_family(store, "b" * 64, copy)
    f3 = assign_family(store, "c" * 64, other)
    assert f1 == f2 != f3
    assert store.family_members(f1) == ["a" * 64, "b" * 64]
    assert assign_family(store, "b" * 64, other) == f1  # already assigned: kept
    audit = store.audit_for(f"article:{'b' * 64}")
    assert audit[0].action == "family_assigned" and audit[0].detail["closest"] == "a" * 64


def _eval_module() -> ModuleType:
    path = REPO / "eval" / "syndication.py"
    spec = importlib.util.spec_from_file_location("eval_syndication", path)
    if spec is None or spec.loader is None:
        pytest.skip(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_precision_recall_on_pairs_built_from_gold(shared: Path) -> None:
    ev = _eval_module()
    pairs = ev.build_pairs(60, seed=11, shared=shared)  # a seed the thresholds were not tuned on
    if not pairs:
        pytest.skip("no gold article texts")
    precision, recall = ev.precision_recall(ev.pair_scores(pairs))  # the shipped rule
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)
    teasers = ev.stress_pairs(40, seed=11, kind="half", shared=shared)
    assert ev.precision_recall(ev.pair_scores(teasers))[1] >= 0.9
