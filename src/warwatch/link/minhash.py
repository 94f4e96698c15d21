"""MinHash signatures over word shingles, and an LSH index to find near-duplicates quickly.

A small implementation (numpy only) of Broder's MinHash with the banding trick of Indyk and
Motwani as described in Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3: the
share of equal signature slots estimates the Jaccard similarity of two shingle sets, and two
texts whose signatures agree on every row of at least one band become candidates.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import numpy.typing as npt

NUM_PERM = 128  # estimation error of Jaccard ~ 1/sqrt(128) = 0.09 (MMDS 3.3.5)
SHINGLE_WORDS = 5  # word 5-grams: one shared stock phrase is not a match, one shared story is
# 64 bands x 2 rows = 128: a pair at Jaccard 0.4 (syndication.THRESHOLD) becomes a candidate with
# p = 1 - (1 - 0.4**2)**64 > 0.9999; the extra candidates this lets in are checked exactly.
BANDS, ROWS = 64, 2
_MERSENNE = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)

Signature = npt.NDArray[np.uint64]


@cache
def _permutations() -> tuple[Signature, Signature]:
    # Fixed seed: signatures are stored in the database and must stay comparable across runs.
    rng = np.random.RandomState(20240601)
    a = rng.randint(1, int(_MERSENNE), size=NUM_PERM, dtype=np.uint64)
    b = rng.randint(0, int(_MERSENNE), size=NUM_PERM, dtype=np.uint64)
    return a, b


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[int]:
    """32-bit hashes of the text's word k-grams (all its words, if it has fewer than k)."""
    tokens = words(text)
    grams = (
        [" ".join(tokens[i : i + k]) for i in range(len(tokens) - k + 1)]
        if len(tokens) >= k
        else [" ".join(tokens)]
        if tokens
        else []
    )
    return {
        int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "little") for g in grams
    }


def minhash(text: str) -> Signature:
    """The MinHash signature of ``text`` (all slots at the maximum for a text with no words)."""
    hashes = np.fromiter(shingles(text), dtype=np.uint64)
    if hashes.size == 0:
        return np.full(NUM_PERM, _MAX_HASH, dtype=np.uint64)
    a, b = _permutations()
    with np.errstate(over="ignore"):  # wrap-around is part of the hash family, as in datasketch
        values = (np.outer(hashes, a) + b) % _MERSENNE & _MAX_HASH
    return values.min(axis=0)


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


def to_bytes(sig: Signature) -> bytes:
    return sig.astype("<u4").tobytes()  # values are < 2**32 by construction


def from_bytes(data: bytes) -> Signature:
    return np.frombuffer(data, dtype="<u4").astype(np.uint64)


def band_keys(sig: Signature) -> list[bytes]:
    rows = sig.astype("<u4")
    return [bytes([i]) + rows[i * ROWS : (i + 1) * ROWS].tobytes() for i in range(BANDS)]


@dataclass
class LshIndex:
    """Signatures by key, with band buckets for candidate lookup."""

    signatures: dict[str, Signature] = field(default_factory=dict)
    buckets: dict[bytes, list[str]] = field(default_factory=dict)

    def add(self, key: str, sig: Signature) -> None:
        self.signatures[key] = sig
        for band in band_keys(sig):
            self.buckets.setdefault(band, []).append(key)

    def candidates(self, sig: Signature) -> set[str]:
        found: set[str] = set()
        for band in band_keys(sig):
            found.update(self.buckets.get(band, ()))
        return found

    def nearest(self, sig: Signature, *, threshold: float) -> tuple[str, float] | None:
        """The most similar indexed key at or above ``threshold``, if any."""
        best: tuple[str, float] | None = None
        for key in sorted(self.candidates(sig)):
            score = similarity(sig, self.signatures[key])
            if score >= threshold and (best is None or score > best[1]):
                best = (key, score)
        return best

    @classmethod
    def of(cls, items: Iterable[tuple[str, Signature]]) -> LshIndex:
        index = cls()
        for key, sig in items:
            index.add(key, sig)
        return index
