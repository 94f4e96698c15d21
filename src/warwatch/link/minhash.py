"""MinHash signatures over word shingles, and an LSH index to find near-duplicates quickly.

A small implementation (numpy only) of Broder's MinHash with the banding trick of Indyk and
Motwani as described in Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3: the
share of equal signature slots estimates the Jaccard similarity of two shingle sets, and two
texts whose signatures agree on every row of at least one band become candidates.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Callable
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


def _signature(hashes: set[int]) -> Signature:
    values = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
    if values.size == 0:
        return np.full(NUM_PERM, _MAX_HASH, dtype=np.uint64)
    a, b = _permutations()
    with np.errstate(over="ignore"):  # wrap-around is part of the hash family, as in datasketch
        table = (np.outer(values, a) + b) % _MERSENNE & _MAX_HASH
    return table.min(axis=0)


def minhash(text: str) -> Signature:
    """The MinHash signature of ``text`` (all slots at the maximum for a text with no words)."""
    return _signature(shingles(text))


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


@dataclass(frozen=True, eq=False)
class Sketch:
    """A signature plus the number of distinct shingles it summarises (0: not known)."""

    signature: Signature
    size: int

    def to_bytes(self) -> bytes:
        # 4-byte size, then 128 slots of 4 bytes (values are < 2**32 by construction).
        return struct.pack("<I", self.size) + self.signature.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Sketch:
        if len(data) == NUM_PERM * 4:  # a bare signature, size unknown
            return cls(np.frombuffer(data, dtype="<u4").astype(np.uint64), 0)
        (size,) = struct.unpack("<I", data[:4])
        return cls(np.frombuffer(data[4:], dtype="<u4").astype(np.uint64), size)


def sketch(text: str) -> Sketch:
    grams = shingles(text)
    return Sketch(_signature(grams), len(grams))


def jaccard(a: Sketch, b: Sketch) -> float:
    return similarity(a.signature, b.signature)


def containment(a: Sketch, b: Sketch) -> float:
    """Estimated share of the smaller text's shingles found in the larger (0 if a size is unknown).

    From |A and B| = J (|A| + |B|) / (1 + J): a copy cut to its first half has Jaccard ~0.4 with
    the original but containment near 1, which is what a "read more" teaser looks like."""
    if not a.size or not b.size:
        return 0.0
    j = jaccard(a, b)
    shared = j * (a.size + b.size) / (1 + j)
    return min(1.0, shared / min(a.size, b.size))


def band_keys(sig: Signature) -> list[bytes]:
    rows = sig.astype("<u4")
    return [bytes([i]) + rows[i * ROWS : (i + 1) * ROWS].tobytes() for i in range(BANDS)]


Score = Callable[[Sketch, Sketch], float | None]  # None: not a match


@dataclass
class LshIndex:
    """Sketches by key, with band buckets for candidate lookup."""

    sketches: dict[str, Sketch] = field(default_factory=dict)
    buckets: dict[bytes, list[str]] = field(default_factory=dict)

    def add(self, key: str, item: Sketch) -> None:
        self.sketches[key] = item
        for band in band_keys(item.signature):
            self.buckets.setdefault(band, []).append(key)

    def candidates(self, item: Sketch) -> set[str]:
        found: set[str] = set()
        for band in band_keys(item.signature):
            found.update(self.buckets.get(band, ()))
        return found

    def nearest(self, item: Sketch, score: Score) -> tuple[str, float] | None:
        """The candidate with the highest ``score`` that is a match at all, if any."""
        best: tuple[str, float] | None = None
        for key in sorted(self.candidates(item)):
            value = score(item, self.sketches[key])
            if value is not None and (best is None or value > best[1]):
                best = (key, value)
        return best
