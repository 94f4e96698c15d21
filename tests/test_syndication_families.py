"""Story families: MinHash similarity, LSH lookup, store-backed assignment, gold-built pairs."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest

from warwatch.link.minhash import LshIndex, from_bytes, minhash, similarity, to_bytes
from warwatch.link.syndication import THRESHOLD, assign_family, group_texts
from warwatch.store import open_store

REPO = Path(__file__).resolve().parents[1]


def _text(seed: int, n: int = 250) -> str:
    """Pseudo-article from a fixed vocabulary: different seeds share words, not word order."""
    rng = random.Random(seed)
    vocab = [
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
    return " ".join(rng.choice(vocab) for _ in range(n)) + "."


def test_similarity_tracks_overlap() -> None:
    a = _text(1)
    copy = "Breaking: headline\n" + a + "\nCopyright 2024 Wire. All rights reserved."
    half = " ".join(a.split()[:125])
    assert similarity(minhash(a), minhash(a)) == 1.0
    assert similarity(minhash(a), minhash(copy)) > 0.8
    assert 0.3 < similarity(minhash(a), minhash(half)) < 0.7  # Jaccard of a half copy is ~0.5
    assert similarity(minhash(a), minhash(_text(2))) < 0.1  # same words, different story


def test_signature_round_trip_and_empty_text() -> None:
    sig = minhash(_text(3))
    assert (from_bytes(to_bytes(sig)) == sig).all() and len(to_bytes(sig)) == 512
    assert similarity(minhash(""), minhash(_text(3))) == 0.0


def test_lsh_finds_the_copy_not_the_other() -> None:
    index = LshIndex.of((f"s{i}", minhash(_text(i))) for i in range(20))
    found = index.nearest(minhash("New headline. " + _text(7) + " Footer."), threshold=THRESHOLD)
    assert found is not None and found[0] == "s7"
    assert index.nearest(minhash(_text(99)), threshold=THRESHOLD) is None


def test_group_texts() -> None:
    items = [("a", _text(1)), ("b", _text(2)), ("a2", "UPDATE " + _text(1)), ("c", _text(3))]
    fam = group_texts(items)
    assert fam["a"] == fam["a2"] and len({fam["a"], fam["b"], fam["c"]}) == 3


def test_assign_family_in_store(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'w.db'}")
    original, copy, other = _text(1), "Wire: " + _text(1) + " (c) Agency", _text(2)
    f1 = assign_family(store, "a" * 64, original)
    f2 = assign_family(store, "b" * 64, copy)
    f3 = assign_family(store, "c" * 64, other)
    assert f1 == f2 != f3
    assert store.family_members(f1) == ["a" * 64, "b" * 64]
    assert assign_family(store, "b" * 64, other) == f1  # already assigned: kept
    audit = store.audit_for(f"article:{'b' * 64}")
    assert audit[0].action == "family_assigned" and audit[0].detail["closest"] == "a" * 64


def _eval_module():
    spec = importlib.util.spec_from_file_location(
        "eval_syndication", REPO / "eval" / "syndication.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_precision_recall_on_pairs_built_from_gold(shared: Path) -> None:
    ev = _eval_module()
    pairs = ev.build_pairs(60, seed=11, shared=shared)  # a seed the threshold was not tuned on
    if not pairs:
        pytest.skip("no gold article texts")
    precision, recall = ev.precision_recall(ev.pair_scores(pairs), THRESHOLD)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)
