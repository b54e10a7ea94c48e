"""HippoRAG-style entity graph over memory items.

HippoRAG (Gutiérrez et al., NeurIPS 2024) retrieves for multi-hop questions by running
Personalized PageRank (PPR) from the question's entities over a knowledge graph and
scoring passages by the probability mass of the nodes they contain. We keep the idea and
drop the LLM-built triples: nodes are entities *and* items (an item–entity bipartite
graph), plus entity–entity edges for entities mentioned in the same item (a cheap stand-in
for OpenIE relations). A walk from "Caroline" reaches her items, their other entities
("adoption agency"), and then items about those — the second hop LoCoMo's multi-hop
questions need.

Seeds are weighted by node specificity, 1/|items mentioning the entity|, as in HippoRAG,
so that a rare entity in the question outweighs one that appears everywhere.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # scipy is imported when a graph is first built: `import engram` stays light
    from scipy import sparse

logger = logging.getLogger(__name__)

ENTITY_EDGE_SHARE = 0.3  # share of an entity's outgoing walk that hops to co-mentioned entities
MIN_OVERLAP = 0.5  # token Jaccard needed for a fuzzy seed match ("caroline" ~ "caroline smith")


def _norm(entity: str) -> str:
    return " ".join(entity.lower().split())


def _tokens(entity: str) -> set[str]:
    return {t for t in entity.split() if len(t) > 1}


class EntityGraph:
    """Immutable item–entity graph; build with :meth:`build`, query with
    :meth:`personalized_pagerank`. Entities are compared in lowercase, whitespace-collapsed
    form (callers should normalise with ``engram.ingest.keys.normalize_entity``)."""

    def __init__(self, item_ids: list[str], entities: list[str], incidence: sparse.csr_matrix,
                 transition_t: sparse.csr_matrix) -> None:
        self.item_ids = item_ids
        self.entities = entities
        self._entity_index = {e: i for i, e in enumerate(entities)}
        self._incidence = incidence  # items x entities, 0/1
        self._transition_t = transition_t  # transposed row-stochastic walk over all nodes
        self._df = np.asarray(incidence.sum(axis=0)).ravel()
        self._token_index: dict[str, list[int]] = {}
        self._n_tokens: list[int] = []
        for idx, entity in enumerate(entities):
            self._n_tokens.append(len(_tokens(entity)))
            for tok in _tokens(entity):
                self._token_index.setdefault(tok, []).append(idx)

    @classmethod
    def build(cls, item_entities: Mapping[str, Sequence[str]]) -> EntityGraph:
        """Build from ``item id -> entity strings``. Items without entities are kept
        (they can never be reached, which is correct)."""
        item_ids = list(item_entities)
        entity_index: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        for row, item_id in enumerate(item_ids):
            seen: set[int] = set()
            for raw in item_entities[item_id]:
                name = _norm(raw)
                if not name:
                    continue
                col = entity_index.setdefault(name, len(entity_index))
                if col not in seen:
                    seen.add(col)
                    rows.append(row)
                    cols.append(col)
        from scipy import sparse

        n_items, n_ent = len(item_ids), len(entity_index)
        data = np.ones(len(rows), dtype=np.float64)
        incidence = sparse.csr_matrix((data, (rows, cols)), shape=(n_items, n_ent))
        transition_t = cls._transition(incidence)
        logger.debug("entity graph: %d items, %d entities, %d mentions", n_items, n_ent, len(rows))
        return cls(item_ids, list(entity_index), incidence, transition_t)

    @staticmethod
    def _transition(incidence: sparse.csr_matrix) -> sparse.csr_matrix:
        """Row-stochastic walk over [items | entities], returned transposed for p' = T p."""
        from scipy import sparse

        n_items, n_ent = incidence.shape
        if n_items == 0 or n_ent == 0:
            return sparse.csr_matrix((n_items + n_ent, n_items + n_ent))
        item_to_ent = _row_normalize(incidence)
        ent_to_item = _row_normalize(incidence.T.tocsr())
        cooc = (incidence.T @ incidence).tocsr()
        cooc.setdiag(0)
        cooc.eliminate_zeros()
        ent_to_ent = _row_normalize(cooc)
        has_cooc = np.asarray(cooc.sum(axis=1)).ravel() > 0
        share = np.where(has_cooc, ENTITY_EDGE_SHARE, 0.0)
        ent_to_item = sparse.diags(1.0 - share) @ ent_to_item
        ent_to_ent = sparse.diags(share) @ ent_to_ent
        top_left = sparse.csr_matrix((n_items, n_items))
        walk = sparse.bmat([[top_left, item_to_ent], [ent_to_item, ent_to_ent]], format="csr",
                           dtype=np.float64)
        return walk.T.tocsr()

    def __len__(self) -> int:
        return len(self.item_ids)

    def has_entity(self, entity: str) -> bool:
        return _norm(entity) in self._entity_index

    def match_seeds(self, seeds: Sequence[str]) -> dict[str, float]:
        """Graph entities matched by ``seeds`` with their weights: exact matches, else
        entities sharing tokens (Jaccard ≥ MIN_OVERLAP), times node specificity 1/df."""
        weights: dict[int, float] = {}
        for seed in seeds:
            name = _norm(seed)
            exact = self._entity_index.get(name)
            if exact is not None:
                matches = {exact: 1.0}
            else:  # token overlap counted through the postings, Jaccard from set sizes
                toks = _tokens(name)
                overlap: Counter[int] = Counter()
                for tok in toks:
                    overlap.update(self._token_index.get(tok, ()))
                matches = {}
                for i, shared in overlap.items():
                    jac = shared / (len(toks) + self._n_tokens[i] - shared)
                    if jac >= MIN_OVERLAP or shared == len(toks):
                        matches[i] = max(jac, MIN_OVERLAP)
            for i, sim in matches.items():
                spec = 1.0 / max(float(self._df[i]), 1.0)
                weights[i] = max(weights.get(i, 0.0), sim * spec)
        return {self.entities[i]: w for i, w in weights.items()}

    def personalized_pagerank(self, seeds: Sequence[str], *, damping: float = 0.5,
                              iterations: int = 30) -> dict[str, float]:
        """Item scores from PPR started at the seed entities; {} when nothing matches.

        ``damping`` is the probability of continuing the walk (HippoRAG uses 0.5, which
        keeps mass near the seeds); scores of unreached items are omitted.
        """
        matched = self.match_seeds(seeds)
        if not matched:
            return {}
        n_items = len(self.item_ids)
        reset = np.zeros(n_items + len(self.entities))
        for entity, weight in matched.items():
            reset[n_items + self._entity_index[entity]] = weight
        reset /= reset.sum()
        scores = reset.copy()
        for _ in range(max(iterations, 1)):
            scores = (1.0 - damping) * reset + damping * (self._transition_t @ scores)
        item_scores = scores[:n_items]
        hit = np.nonzero(item_scores > 0)[0]
        return {self.item_ids[i]: float(item_scores[i]) for i in hit}

    def entities_of(self, item_id: str) -> list[str]:
        """Entities linked to an item (linear lookup of the row; for tests and debugging)."""
        try:
            row = self.item_ids.index(item_id)
        except ValueError:
            return []
        return [self.entities[c] for c in self._incidence.getrow(row).indices]

    def specificity(self, entity: str) -> float:
        """Node specificity 1/df of an entity (0 when unknown); log-free, as in HippoRAG."""
        idx = self._entity_index.get(_norm(entity))
        return 0.0 if idx is None else 1.0 / max(float(self._df[idx]), 1.0)


def _row_normalize(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    from scipy import sparse

    sums = np.asarray(matrix.sum(axis=1)).ravel()
    inv = np.divide(1.0, sums, out=np.zeros_like(sums, dtype=np.float64), where=sums > 0)
    return (sparse.diags(inv) @ matrix).tocsr()

