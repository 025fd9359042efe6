"""Duplicate detection that survives between runs: the core rules, signatures in the database.

The core's ``Deduplicator`` keeps everything in memory. Here each document's exact hash and
MinHash are stored (``DocumentSignature``) in the same transaction as its reference, and
loaded in insertion order at the start of a run, so a run resumed after a crash assigns the
same clusters as one long run would have. Matching follows the core exactly: an exact copy
joins its hash's cluster; a near copy (estimated Jaccard ≥ ``NEAR_THRESHOLD``) joins the
earliest-created matching cluster; anything else starts its own cluster, named by its key.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from treatywatch.core.dedup import (
    MINHASH_SCHEME,
    NEAR_THRESHOLD,
    NUM_PERM,
    SEED,
    MatchKind,
    normalise,
    signature,
    text_hash,
)
from treatywatch.monitor.models import DocumentSignature

__all__ = ["SignatureMatch", "SignatureStore"]


@dataclass(frozen=True)
class SignatureMatch:
    doc_key: str
    cluster: str
    kind: MatchKind
    similarity: float
    text_hash: str
    minhash: MinHash


def _from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(bytes(data), dtype=np.uint32).copy()
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=values, scheme=MINHASH_SCHEME)


class SignatureStore:
    """The stored signatures, indexed for near-duplicate lookups."""

    def __init__(self, threshold: float = NEAR_THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._minhash: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}
        self._cluster_of: dict[str, str] = {}
        self._by_hash: dict[str, str] = {}
        for row in DocumentSignature.objects.order_by("id").iterator():
            self._remember(row.doc_key, row.text_hash, _from_bytes(row.minhash), row.cluster)

    def _remember(self, key: str, digest: str, minhash: MinHash, cluster: str) -> None:
        if key in self._order:
            return
        self._order[key] = len(self._order)
        self._cluster_of[key] = cluster
        self._by_hash.setdefault(digest, cluster)
        self._minhash[key] = minhash
        self._lsh.insert(key, minhash)

    def match(self, doc_key: str, text: str) -> SignatureMatch:
        """Where ``text`` belongs; nothing is stored until ``save`` in a transaction."""
        digest = text_hash(text)
        minhash = signature(normalise(text))
        if digest in self._by_hash:
            return SignatureMatch(doc_key, self._by_hash[digest], "exact", 1.0, digest, minhash)
        best: tuple[int, str, float] | None = None
        for candidate in sorted(self._lsh.query(minhash), key=self._order.__getitem__):
            similarity = float(minhash.jaccard(self._minhash[candidate]))
            if similarity < self.threshold:
                continue
            cluster = self._cluster_of[candidate]
            rank = self._order.get(cluster, self._order[candidate])
            if best is None or rank < best[0]:
                best = (rank, cluster, similarity)
        if best is None:
            return SignatureMatch(doc_key, doc_key, "new", 1.0, digest, minhash)
        return SignatureMatch(doc_key, best[1], "near", best[2], digest, minhash)

    def save(self, found: SignatureMatch) -> None:
        """Store the signature, inside the item's transaction."""
        DocumentSignature.objects.create(
            doc_key=found.doc_key,
            text_hash=found.text_hash,
            minhash=np.asarray(found.minhash.hashvalues, dtype=np.uint32).tobytes(),
            cluster=found.cluster,
            match=found.kind,
        )

    def remember(self, found: SignatureMatch) -> None:
        """Add a saved signature to the index; call it once the item's transaction is done,
        so a rolled-back item leaves no trace in memory either."""
        self._remember(found.doc_key, found.text_hash, found.minhash, found.cluster)
