"""Query evaluation for the Whoosh backend: bitmaps to match and count, BM25F to rank the top.

Whoosh's matchers walk postings one document at a time in Python: an ``And`` of two words, each an
``Or`` of its synonyms' stems over four fields, took 400 ms at 100,000 documents. Here each
term's postings become a Python ``int`` used as a bitmap (decoded once per segment, then cached),
so AND, OR, filters, totals and facet counts are big-integer operations in C. Ranking takes a
pool of candidates by tiers — the best field each word is in, times its idf, times the document's
boost — and scores only that pool with BM25F read from the postings.

Global document numbers are Whoosh's: segments one after the other, each at its offset.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import OrderedDict
from dataclasses import dataclass
from itertools import accumulate

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.filedb.structfile import StructFile
from whoosh.index import TOC
from whoosh.reading import MultiReader, SegmentReader, TermNotFound

# Field weights: title ≫ tags > accepted answer > body. "hot_t" holds the body's frequent stems:
# it only ranks candidates for the pool, BM25F reads the body itself.
TIER_WEIGHTS = {"title_t": 4.0, "tags_t": 2.5, "hot_t": 2.0, "answer_t": 1.5, "body_t": 1.0}
TEXT_FIELDS = ("title_t", "tags_t", "answer_t", "body_t")
SCORE_WEIGHTS = {"title_t": 4.0, "tags_t": 2.5, "answer_t": 1.5, "body_t": 1.0}
# Measured on cdtn-fr-search: body B 0.75 → 0.4 and title weight 6 → 4 took MRR@10 from 0.584 to 0.600.
FIELD_B = {"title_t": 0.4, "tags_t": 0.3, "answer_t": 0.6, "body_t": 0.4}
K1 = 1.2
TIER_UNITS = 48  # resolution of the tiers: the best possible document scores this many units
POOL_MARGIN = 20  # candidates scored beyond the page asked for
CACHE_ENTRIES = 1500  # bitmaps kept per process, each at most doc count / 8 bytes


@dataclass(frozen=True)
class Word:
    """A query word: any option matches; an option is slots that must all match in one field,
    a slot any of its stems ("wi-fi" → (wifi) or (wi)+(fi))."""

    text: str
    options: tuple[tuple[tuple[str, ...], ...], ...]
    stems: frozenset[str]


class LRU(OrderedDict):
    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def get(self, key, default=None):
        if key in self:
            self.move_to_end(key)
            return self[key]
        return default

    def put(self, key, value) -> None:
        self[key] = value
        if len(self) > self.size:
            self.popitem(last=False)


@dataclass
class _Part:
    segment: object
    reader: SegmentReader
    offset: int
    size: int


class View:
    """One generation of the index, reusing the segment readers of the previous one.

    Whoosh's ``Searcher.refresh()`` also reuses readers, but keeps their old deletions; here
    deletions come from the new table of contents, readers only serve postings and stored fields.
    """

    def __init__(self, storage, indexname: str, previous: View | None, cache: LRU,
                 boosts: dict[str, tuple]) -> None:
        toc = TOC.read(storage, indexname)
        self.generation = toc.generation
        self.schema = toc.schema
        self.cache = cache
        self.boost_cache = boosts
        reusable = dict(previous.readers) if previous else {}
        self.parts: list[_Part] = []
        offset = 0
        try:
            for segment in toc.segments:
                reader = reusable.pop(segment.segment_id(), None)
                if reader is None:
                    reader = _open(storage, toc.schema, segment, toc.generation)
                size = segment.doc_count_all()
                self.parts.append(_Part(segment, reader, offset, size))
                offset += size
        except Exception:
            opened = set(previous.readers.values()) if previous else set()
            for part in self.parts:
                if part.reader not in opened:
                    part.reader.close()
            raise
        self.readers = {part.segment.segment_id(): part.reader for part in self.parts}
        self.unused = list(reusable.values())  # the previous view's readers this one dropped
        self.doc_count_all = offset
        self.live = 0
        for part in self.parts:
            deleted = part.segment.deleted_docs() if part.segment.has_deletions() else ()
            self.live |= (((1 << part.size) - 1) & ~_bitmap(deleted, part.size)) << part.offset
        self.doc_count = self.live.bit_count()
        for name in set(boosts) - set(self.readers):
            del boosts[name]
        readers = [part.reader for part in self.parts]
        self.reader = readers[0] if len(readers) == 1 else MultiReader(readers) if readers else None
        self._terms = LRU(CACHE_ENTRIES)
        self._words = LRU(256)
        self._facets: dict[str, dict[str, int]] = {}
        self._boosts: list[tuple[float, int]] | None = None
        self._avg: dict[str, float] = {}

    def close(self, keep: View | None = None) -> None:
        kept = set(keep.readers.values()) if keep else set()
        for reader in self.readers.values():
            if reader not in kept:
                reader.close()

    def locate(self, docnum: int) -> tuple[_Part, int]:
        for part in self.parts:
            if docnum < part.offset + part.size:
                return part, docnum - part.offset
        raise IndexError(docnum)

    # Bitmaps -----------------------------------------------------------------------------------

    def term(self, field: str, text: str) -> int:
        """Documents holding ``text`` in ``field`` (deleted ones included: mask with ``live``)."""
        key = (field, text)
        found = self._terms.get(key)
        if found is None:
            found = 0
            for part in self.parts:
                local_key = (part.segment.segment_id(), field, text)
                local = self.cache.get(local_key)
                if local is None:
                    local = _bitmap(_postings(part.reader, field, text), part.size)
                    self.cache.put(local_key, local)
                found = local if not found and not part.offset else found | local << part.offset
            self._terms.put(key, found)
        return found

    def doc_frequency(self, field: str, text: str) -> int:
        """Whoosh's count of documents with the term (cheap: no postings read; deletions counted)."""
        return sum(part.reader.doc_frequency(field, text) for part in self.parts)

    def facet(self, field: str) -> dict[str, int]:
        """Each value of an untokenised field → its documents."""
        values = self._facets.get(field)
        if values is None:
            names = set()
            for part in self.parts:
                key = (part.segment.segment_id(), field, "#values")
                found = self.cache.get(key)
                if found is None:
                    found = [as_text(term) for term in part.reader.lexicon(field)]
                    self.cache.put(key, found)
                names.update(found)
            values = self._facets[field] = {name: self.term(field, name) for name in sorted(names)}
        return values

    def boost_levels(self) -> list[tuple[float, int]]:
        """(boost, documents with it), highest boost first."""
        if self._boosts is None:
            levels: dict[float, int] = {}
            for part in self.parts:
                for value, bits in self._segment_boosts(part)[1].items():
                    levels[value] = levels.get(value, 0) | bits << part.offset
            self._boosts = sorted(levels.items(), reverse=True)
        return self._boosts

    def boosts(self, part: _Part) -> list[float]:
        """Each document's boost in one segment."""
        return self._segment_boosts(part)[0]

    def _segment_boosts(self, part: _Part) -> tuple[list[float], dict[float, int]]:
        """A segment's boosts, and its documents by boost (read once per segment)."""
        name = part.segment.segment_id()
        found = self.boost_cache.get(name)
        if found is None:
            reader = part.reader
            values = list(reader.column_reader("boost")) if reader.has_column("boost") else []
            values = values or [1.0] * part.size
            by_value: dict[float, list[int]] = {}
            for docnum, value in enumerate(values):
                by_value.setdefault(round(value, 3), []).append(docnum)
            levels = {value: _bitmap(docnums, part.size) for value, docnums in by_value.items()}
            found = self.boost_cache[name] = (values, levels)
        return found

    def avg_length(self, field: str) -> float:
        if field not in self._avg:
            total = sum(part.reader.field_length(field) for part in self.parts)
            self._avg[field] = total / max(1, self.doc_count_all) or 1.0
        return self._avg[field]

    # Words ---------------------------------------------------------------------------------------

    def word_in(self, word: Word, field: str) -> int:
        key = (word, field)
        found = self._words.get(key)
        if found is None:
            found = self._word_in(word, field)
            self._words.put(key, found)
        return found

    def _word_in(self, word: Word, field: str) -> int:
        found = 0
        for option in word.options:
            both = -1
            for slot in option:
                either = 0
                for stem in slot:
                    either |= self.term(field, stem)
                both &= either
                if not both:
                    break
            found |= both if both != -1 else 0
        return found

    def word_anywhere(self, word: Word, fields) -> int:
        found = 0
        for field in fields:
            found |= self.word_in(word, field)
        return found & self.live

    def rough_frequency(self, word: Word, fields) -> int:
        """The most documents any one stem of the word is in, without reading postings."""
        return max((self.doc_frequency(field, stem) for option in word.options for slot in option
                    for stem in slot for field in fields), default=0)


def _open(storage, schema, segment, generation) -> SegmentReader:
    try:
        return SegmentReader(storage, schema, segment, generation=generation)
    except Exception as error:
        # Whoosh opens a segment's file before reading its header and leaves it open when the
        # header is damaged: close what the failed frames still hold.
        trace = error.__traceback__
        while trace is not None:
            for value in list(trace.tb_frame.f_locals.values()):
                if isinstance(value, StructFile) and not value.is_closed:
                    value.close()
            trace = trace.tb_next
        raise


# Ranking ---------------------------------------------------------------------------------------


def rank(view: View, words: list[Word], matched: int, need: int, fields) -> list[tuple[int, float]]:
    """The ``need`` best (docnum, score) of ``matched``, best first."""
    if not matched or need <= 0:
        return []
    idfs = [_idf(view.word_anywhere(word, fields).bit_count(), view.doc_count) for word in words]
    tiers = [f for f in TIER_WEIGHTS if f in fields or (f == "hot_t" and "body_t" in fields)]
    pool = _pool(view, words, idfs, matched, need + POOL_MARGIN, tiers)
    scores = _bm25f(view, words, idfs, pool, [f for f in SCORE_WEIGHTS if f in fields])
    return sorted(scores.items(), key=lambda item: (-item[1], -item[0]))[:need]


def _pool(view, words, idfs, matched, size, fields) -> list[int]:
    """About ``size`` documents of ``matched`` with the best tier scores (ties: newest first)."""
    best = max(TIER_WEIGHTS[f] for f in fields)
    unit = (sum(idfs) * best or 1.0) / TIER_UNITS
    most = [max(1, round(best * idf / unit)) for idf in idfs]
    boosts = [(boost, bits) for boost, bits in view.boost_levels() if bits & matched]
    spread = boosts[0][0] / boosts[-1][0] if boosts else 1.0
    remaining = sum(most)
    states = {0: matched}
    for word, idf, top in zip(words, idfs, most, strict=True):
        levels, rest = [], -1
        for field in fields:
            here = view.word_in(word, field) & rest
            if here:
                levels.append((max(1, round(TIER_WEIGHTS[field] * idf / unit)), here))
                rest &= ~here
        levels.append((0, rest))
        remaining -= top
        states = _prune(_add(states, levels), remaining, size, spread)
    buckets: dict[float, int] = {}
    for units, bits in states.items():
        for boost, documents in boosts:
            both = bits & documents
            if both:
                key = units * boost
                buckets[key] = buckets.get(key, 0) | both
    pool: list[int] = []
    for _key, bits in sorted(buckets.items(), reverse=True):
        pool.extend(_highest(bits, size - len(pool)))
        if len(pool) >= size:
            break
    return pool


def _add(states: dict[int, int], levels: list[tuple[int, int]]) -> dict[int, int]:
    out: dict[int, int] = {}
    for value, bits in states.items():
        for units, level in levels:
            both = bits & level
            if both:
                out[value + units] = out.get(value + units, 0) | both
    return out


def _prune(states: dict[int, int], remaining: int, size: int, spread: float) -> dict[int, int]:
    """Drop the states that cannot catch up with ``size`` documents already sure to score more.

    ``spread`` is the ratio of the highest to the lowest boost among the matches.
    """
    count, floor = 0, None
    for value in sorted(states, reverse=True):
        count += states[value].bit_count()
        if count >= size:
            floor = value
            break
    if floor is None:
        return states
    return {value: bits for value, bits in states.items() if (value + remaining) * spread >= floor}


def _bm25f(view, words, idfs, pool, fields) -> dict[int, float]:
    """BM25F of each pool document: per word and field, the best of its stems' frequencies."""
    scores = dict.fromkeys(pool, 0.0)
    in_pool = _bitmap(pool, view.doc_count_all)
    for word, idf in zip(words, idfs, strict=True):
        stems = sorted({stem for option in word.options for slot in option for stem in slot})
        for field in fields:
            tfs: dict[int, float] = {}
            for stem in stems:
                present = view.term(field, stem) & in_pool
                if present:
                    for docnum, tf in _frequencies(view, field, stem, docnums(present)):
                        tfs[docnum] = max(tf, tfs.get(docnum, 0.0))
            weight, b, average = SCORE_WEIGHTS[field], FIELD_B[field], view.avg_length(field)
            for docnum, tf in tfs.items():
                part, local = view.locate(docnum)
                norm = 1 - b + b * (part.reader.doc_field_length(local, field) or 1) / average
                scores[docnum] += weight * idf * tf * (K1 + 1) / (tf + K1 * norm)
    for docnum in pool:
        part, local = view.locate(docnum)
        scores[docnum] *= view.boosts(part)[local]
    return scores


def _frequencies(view, field, stem, ascending: list[int]):
    """(docnum, term frequency) for documents known to hold the term, one pass per segment."""
    by_part: dict[int, list[int]] = {}
    for docnum in ascending:
        part, local = view.locate(docnum)
        by_part.setdefault(part.offset, []).append(local)
    for offset, locals_ in by_part.items():
        part, _local = view.locate(offset)
        matcher = _raw_matcher(part.reader, field, stem)
        if isinstance(matcher, W3LeafMatcher):
            key = (part.segment.segment_id(), field, stem, "#blocks")
            blocks = view.cache.get(key)
            if blocks is None:
                blocks = _blocks(matcher)
                view.cache.put(key, blocks)
            found = _block_weights(matcher, locals_, blocks)
        else:
            found = _skip_weights(matcher, locals_)
        for local, weight in found:
            yield offset + local, weight


def _blocks(matcher) -> tuple[list[int], list[int]]:
    """The last document number and the file offset of each block of a term's postings."""
    last_ids, offsets = [], []
    position = matcher._baseoffset
    while True:
        last_ids.append(matcher._maxid)
        offsets.append(position)
        if matcher._lastblock:
            return last_ids, offsets
        position = matcher._nextoffset
        matcher._goto(position)


def _block_weights(matcher, ascending: list[int], blocks):
    """Whoosh's ``skip_to`` reads every block header and steps through postings one at a time:
    go straight to each target's block instead, and bisect it."""
    last_ids, offsets = blocks
    current, ids, weights = None, (), ()
    for target in ascending:
        block = bisect_left(last_ids, target)
        if block == len(last_ids):
            return
        if block != current:
            matcher._goto(offsets[block])
            matcher._read_data()
            ids = matcher._data[0] if matcher._byteids else list(accumulate(matcher._data[0]))
            matcher._read_weights()
            current, weights = block, matcher._weights
        i = bisect_left(ids, target)
        if i < len(ids) and ids[i] == target:
            yield target, weights[i]


def _skip_weights(matcher, ascending: list[int]):
    for local in ascending:
        if not matcher.is_active():
            return
        matcher.skip_to(local)
        if matcher.is_active() and matcher.id() == local:
            yield local, matcher.weight()


def _idf(df: int, count: int) -> float:
    return math.log(1 + (count - df + 0.5) / (df + 0.5))


# Postings and bitmaps ----------------------------------------------------------------------------


def _raw_matcher(reader, field: str, text: str):
    """The term's postings with deleted documents left in (``View.live`` masks them)."""
    matcher = reader.postings(field, text)
    matcher = getattr(matcher, "child", matcher)  # unwrap the FilterMatcher of deletions
    matcher.reset()
    return matcher


def _postings(reader, field: str, text: str) -> list[int]:
    """Every document number of a term in one segment, decoded a block at a time."""
    try:
        matcher = _raw_matcher(reader, field, text)
    except (TermNotFound, KeyError, ValueError):  # ValueError: text that cannot be encoded
        return []
    if not isinstance(matcher, W3LeafMatcher):
        return list(matcher.all_ids())
    docnums: list[int] = []
    while matcher.is_active():
        if matcher._data is None:
            matcher._read_data()
        ids = matcher._data[0]
        docnums.extend(ids if matcher._byteids else accumulate(ids))
        if matcher._lastblock:
            break
        matcher._goto(matcher._nextoffset)
    return docnums


def _bitmap(docnums, size: int) -> int:
    bits = bytearray((size >> 3) + 1)
    for docnum in docnums:
        bits[docnum >> 3] |= 1 << (docnum & 7)
    return int.from_bytes(bits, "little")


_NONZERO = re.compile(rb"[^\x00]")


def docnums(bits: int, limit: int | None = None) -> list[int]:
    """The set bits of ``bits``, lowest first, at most ``limit`` of them."""
    out: list[int] = []
    raw = bits.to_bytes((bits.bit_length() + 7) // 8 or 1, "little")
    for match in _NONZERO.finditer(raw):
        byte, base = raw[match.start()], match.start() << 3
        out.extend(base + i for i in range(8) if byte >> i & 1)
        if limit is not None and len(out) >= limit:
            return out[:limit]
    return out


def _highest(bits: int, limit: int) -> list[int]:
    out = []
    while bits and len(out) < limit:
        top = bits.bit_length() - 1
        out.append(top)
        bits ^= 1 << top
    return out


def as_text(value) -> str:
    return value.decode() if isinstance(value, bytes) else value
