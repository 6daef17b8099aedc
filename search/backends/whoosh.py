"""Whoosh backend: an index directory on this machine, read through one view per process.

User text never reaches a query parser: ``search.analysis`` turns it into content words, each
word matches its synonyms' French and English stems in any text field, and the words are joined
with AND first, then — when that finds almost nothing — with OR over the most significant ones.
Matching, filters and counts use bitmaps and ranking is BM25F over a pool of candidates
(``whoosh_matching``); published articles and solved questions carry a higher document boost.

``SCHEMA_VERSION`` is written beside the index: when it differs, ``needs_rebuild()`` says so and
the caller runs ``create()`` then ``index()`` over everything.
"""
from __future__ import annotations

import math
import os
import pickle
import threading
from collections import Counter
from contextlib import contextmanager
from dataclasses import replace

from whoosh import columns, fields
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC, FileIndex
from whoosh.reading import CorruptIndexError, SegmentReader
from whoosh.writing import LockError

from search import Document, Filters, Hit, Results, SearchUnavailable, synonym_groups
from search.analysis import (
    MAX_WORD_LENGTH,
    analyze,
    content_words,
    highlight,
    stemming_analyzer,
    tokens,
    word_analyzer,
)
from search.backends.whoosh_matching import LRU, TEXT_FIELDS, View, as_text, docnums, rank
from search.backends.whoosh_query import (
    facet_counts,
    filter_bitmap,
    language_counts,
    make_word,
    no_facets,
    prefix_word,
    query_words,
    suggestion,
    synonyms_key,
    words_for,
)

SCHEMA_VERSION = 3  # 2: ß folds to "ss"; 3: documents carry their language
INDEX_NAME = "entraide"
VERSION_FILE = "SCHEMA_VERSION"

ARTICLE_BOOST = 1.5  # published articles
SOLVED_BOOST = 1.3  # solved questions
MAX_AND_WORDS = 8  # longer queries go straight to OR
MAX_OR_WORDS = 8
MAX_SIMILAR_WORDS = 12
# When AND cannot fill a page, OR of the most significant words. Measured on the cdtn-fr-search
# development queries (12,565 help articles): a handful of 5 gives MRR@10 0.555, 20 gives 0.584;
# "at least 2/3 of the words" in between did not help.
HANDFUL = 20
SNIPPET_CHARS = 200
STORED_TEXT_CHARS = 20_000
SPELLING_WORDS = 300  # of each body, for "did you mean"
# Segments: each commit adds one, and queries pay for each. Whoosh's own policy never merges
# equal-sized segments (a rebuild in batches of 1,000 left 100 of them), so segments are merged by
# size tiers: eight in a tier make one of the next. Merging re-adds every posting (about 750
# documents a second), so a small batch — a web request's changes — merges at most SMALL_MERGE
# documents; bigger merges wait for a big batch (a rebuild).
SMALL_BATCH = 200
SMALL_MERGE = 2000
TIER_FACTOR = 8
WRITE_TIMEOUT = 30.0
BITMAP_CACHE = 4000  # per-segment bitmaps kept across index generations


def schema() -> fields.Schema:
    stemmed = stemming_analyzer()
    text = {name: fields.TEXT(analyzer=stemmed, phrase=False) for name in (*TEXT_FIELDS, "hot_t")}
    return fields.Schema(
        key=fields.ID(unique=True, stored=True, sortable=True),
        type=fields.ID(),
        category=fields.ID(),
        tags=fields.KEYWORD(commas=True),
        solved=fields.ID(),
        language=fields.ID(),
        words=fields.TEXT(analyzer=word_analyzer(), phrase=False),  # unstemmed, for "did you mean"
        boost=fields.COLUMN(columns.NumericColumn("f", default=1.0)),
        data=fields.STORED(),  # what hits and snippets show
        **text,
    )


class WhooshBackend:
    def __init__(self, path: str) -> None:
        self.path = path
        os.makedirs(path, exist_ok=True)
        self._lock = threading.RLock()
        self._view: View | None = None
        self._cache = LRU(BITMAP_CACHE)
        self._boosts: dict[str, tuple] = {}  # per segment, kept across index generations

    # Index lifecycle ---------------------------------------------------------------------------

    def needs_rebuild(self) -> bool:
        """True when the index is missing, unreadable or made for another schema version.

        Cheap when nothing changed (a directory listing and a small file read): call it before
        each batch of index tasks; when True, ``create()`` then ``index()`` every document.
        """
        try:
            with self._lock:
                self._current()
        except SearchUnavailable:
            return True
        return False

    def create(self) -> None:
        """An empty index with the current schema, replacing whatever was there."""
        with self._lock:
            self._close()
            os.makedirs(self.path, exist_ok=True)
            storage = FileStorage(self.path)
            lock = storage.lock(f"{INDEX_NAME}_WRITELOCK")
            if not lock.acquire(blocking=True):
                raise SearchUnavailable("the search index is locked")
            try:
                # Generations keep growing so that no process mistakes the new index for its old one.
                generation = TOC._latest_generation(storage, INDEX_NAME) + 1
                for name in os.listdir(self.path):
                    if name.startswith((f"_{INDEX_NAME}_", f"{INDEX_NAME}_")) and "WRITELOCK" not in name:
                        os.remove(os.path.join(self.path, name))
                TOC(schema(), [], generation).write(storage, INDEX_NAME)
                self._write_version()
            finally:
                lock.release()

    def clear(self) -> None:
        self.create()

    # Writing -----------------------------------------------------------------------------------

    def index(self, documents: list[Document]) -> None:
        """Add or replace documents by key, in one commit."""
        if not documents:
            return
        with self._writer() as writing:
            for doc in documents:
                writing.writer.update_document(**_fields(doc))
            writing.big = len(documents) >= SMALL_BATCH

    def remove(self, keys: list[str]) -> None:
        if not keys:
            return
        with self._writer() as writing:
            for key in keys:
                writing.writer.delete_by_term("key", key)

    def _writer(self) -> _Writing:
        if self._stored_version() is None:
            self.create()
        elif self._stored_version() != SCHEMA_VERSION:
            raise SearchUnavailable("the search index needs a rebuild")
        try:
            ix = FileIndex(FileStorage(self.path), indexname=INDEX_NAME)
            return _Writing(ix.writer(timeout=WRITE_TIMEOUT, limitmb=256))
        except LockError as error:
            raise SearchUnavailable("the search index is locked by another writer") from error
        except Exception as error:  # noqa: BLE001 - a broken index is for the caller to rebuild
            raise SearchUnavailable(f"cannot write the search index: {error}") from error

    # Reading -----------------------------------------------------------------------------------

    def count(self) -> int:
        with self._reading() as view:
            return view.doc_count

    def keys(self) -> set[str]:
        with self._reading() as view:
            keys = set()
            for part in view.parts:
                live = (view.live >> part.offset) & ((1 << part.size) - 1)
                column = part.reader.column_reader("key")
                keys.update(as_text(column[docnum]) for docnum in docnums(live))
            return keys

    def query(self, text: str, filters: Filters, page: int = 1, per_page: int = 20,
              facets: bool = True) -> Results:
        page, per_page = max(1, int(page)), max(1, min(int(per_page), 100))
        empty = Results([], 0, page, per_page, no_facets() if facets else {})
        texts = query_words(text)
        if not texts:
            return empty
        with self._reading() as view:
            words = words_for(tuple(texts), synonyms_key(synonym_groups()))
            rough = {word: view.rough_frequency(word, TEXT_FIELDS) for word in words}
            known = sorted((word for word in words if rough[word]), key=rough.get)
            empty.suggestion = hint = suggestion(view, text, words, rough)
            if not known:
                return empty
            every_word = known
            known, matched = _matching(view, known, filter_bitmap(view, filters))
            top = rank(view, known, matched, page * per_page, TEXT_FIELDS)[(page - 1) * per_page:]
            marked = frozenset().union(*(word.stems for word in known))
            hits = [_hit(view, docnum, score, marked) for docnum, score in top]
            counts = facet_counts(view, matched) if facets else {}
            languages = {}
            if facets:
                everywhere = matched
                if filters.language:
                    everywhere = _matching(view, every_word, filter_bitmap(view, replace(filters, language=None)))[1]
                languages = language_counts(view, everywhere)
        return Results(hits, matched.bit_count(), page, per_page, counts, hint, languages)

    def suggest(self, text: str, limit: int = 8, language: str | None = None) -> list[Hit]:
        """Titles holding every word typed (the last one as a prefix); when they are too few, the
        best matches over every field after them; articles and solved questions first."""
        limit = max(1, min(int(limit), 50))
        folded = [word for word in tokens(text or "") if len(word) <= MAX_WORD_LENGTH]
        if not folded:
            return []
        typing = text.rstrip() == text and text[-1:].isalnum()
        complete = list(dict.fromkeys(content_words(folded[:-1] if typing else folded)))
        # Past the titles, the word being typed counts as itself: its completions, many and
        # frequent over bodies, would cost more than they find.
        whole = list(dict.fromkeys(complete + content_words(folded[-1:]))) if typing else complete
        with self._reading() as view:
            synonyms = synonyms_key(synonym_groups())
            candidates = words_for(tuple(whole[:MAX_AND_WORDS]), synonyms)
            rough = {word: view.rough_frequency(word, TEXT_FIELDS) for word in candidates}
            anywhere = [word for word in candidates if rough[word]]
            words = [word for word in words_for(tuple(complete[:MAX_AND_WORDS]), synonyms) if rough.get(word)]
            if typing:
                words.append(prefix_word(view, folded[-1]))
            if not words:
                return []
            allowed = filter_bitmap(view, Filters(language=language))
            in_titles = allowed
            for word in words:
                in_titles &= view.word_in(word, "title_t")
            top = rank(view, words, in_titles, limit, ("title_t",))
            if len(top) < limit and anywhere:
                top += self._anywhere(view, anywhere, rough, allowed & ~in_titles, limit - len(top))
            hits = [_hit(view, docnum, score, None) for docnum, score in top]
        hits.sort(key=lambda hit: not (hit.type == "article" or hit.solved))
        return hits

    def _anywhere(self, view: View, words: list, rough: dict, allowed: int, need: int) -> list[tuple[int, float]]:
        """The ``need`` best of ``allowed`` over every field (``rough``: the words' frequencies)."""
        words, matched = _matching(view, sorted(words, key=rough.get), allowed)
        return rank(view, words, matched, need, TEXT_FIELDS)

    def similar(self, text: str, limit: int = 5, exclude: set[str] = frozenset()) -> list[Hit]:
        """Questions and articles sharing the most significant words of ``text``."""
        limit = max(1, min(int(limit), 50))
        texts = query_words(text, cap=60)
        if not texts:
            return []
        with self._reading() as view:
            words = [make_word(word, frozenset((word,))) for word in texts]
            rough = {word: view.rough_frequency(word, ("title_t", "body_t")) for word in words}
            words = sorted((word for word in words if rough[word]), key=rough.get)[:MAX_SIMILAR_WORDS]
            matched = 0
            for word in words:
                matched |= view.word_anywhere(word, TEXT_FIELDS)
            matched &= filter_bitmap(view, Filters())
            for key in exclude:
                matched &= ~view.term("key", key)
            top = rank(view, words, matched, limit, TEXT_FIELDS)
            return [_hit(view, docnum, score, None) for docnum, score in top]

    # The view ----------------------------------------------------------------------------------

    @contextmanager
    def _reading(self):
        """The current view, under this process's lock; a damaged index is SearchUnavailable."""
        with self._lock:
            view = self._current()
            try:
                yield view
            except (OSError, EOFError, CorruptIndexError, pickle.UnpicklingError) as error:
                self._close()
                raise SearchUnavailable(f"the search index is damaged: {error}") from error

    def _current(self) -> View:
        """This process's view of the index, renewed when a commit made a new generation.

        Raises SearchUnavailable (and holds nothing open) when the index cannot be read.
        """
        for attempt in range(3):
            try:
                storage = FileStorage(self.path, readonly=True)
                generation = TOC._latest_generation(storage, INDEX_NAME)
                if generation < 0 or self._stored_version() != SCHEMA_VERSION:
                    raise SearchUnavailable("the search index is missing or outdated")
                if self._view is not None and generation == self._view.generation:
                    return self._view
                previous, self._view = self._view, View(storage, INDEX_NAME, self._view, self._cache,
                                                   self._boosts)
                if previous is not None:
                    previous.close(keep=self._view)
                return self._view
            except SearchUnavailable:
                self._close()
                raise
            except OSError as error:  # a commit removed files while we opened them: try again
                self._close()
                if attempt == 2 or not os.path.isdir(self.path):
                    raise SearchUnavailable(f"cannot read the search index: {error}") from error
            except Exception as error:  # noqa: BLE001 - bad pickles, truncated files…
                self._close()
                raise SearchUnavailable(f"cannot read the search index: {error}") from error
        raise SearchUnavailable("cannot read the search index")

    def _close(self) -> None:
        view, self._view = self._view, None
        if view is not None:
            try:
                view.close()
            except Exception:  # noqa: BLE001, S110 - its files may be gone already
                pass

    def _stored_version(self) -> int | None:
        try:
            with open(os.path.join(self.path, VERSION_FILE)) as file:
                return int(file.read().strip())
        except (OSError, ValueError):
            return None

    def _write_version(self) -> None:
        target = os.path.join(self.path, VERSION_FILE)
        with open(target + ".tmp", "w") as file:
            file.write(f"{SCHEMA_VERSION}\n")
        os.replace(target + ".tmp", target)


class _Writing:
    """One writer: commits once on success, cancels on error, failures become SearchUnavailable."""

    def __init__(self, writer) -> None:
        self.writer = writer
        self.big = False

    def __enter__(self) -> _Writing:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.writer.cancel()
            return
        try:
            self.writer.commit(mergetype=_merge_by_tiers(None if self.big else SMALL_MERGE))
        except Exception as error:  # noqa: BLE001
            raise SearchUnavailable(f"cannot commit to the search index: {error}") from error


def _merge_by_tiers(limit: int | None):
    """A Whoosh merge policy: every tier (segment sizes within a factor of eight) holding eight
    segments or more is merged into one, smallest tiers first, up to ``limit`` documents."""

    def merge(writer, segments):
        tiers: dict[int, list] = {}
        for segment in segments:
            live = segment.doc_count()
            tier = -1 if live == 0 else int(math.log(live, TIER_FACTOR))
            tiers.setdefault(tier, []).append(segment)
        merging, budget = [], limit
        for tier, members in sorted(tiers.items()):
            if tier >= 0 and len(members) < TIER_FACTOR:
                continue
            size = sum(segment.doc_count() for segment in members)
            if budget is not None and size > budget:
                break
            merging.extend(members)
            budget = None if budget is None else budget - size
        for segment in merging:
            writer.add_reader(SegmentReader(writer.storage, writer.schema, segment))
        return [segment for segment in segments if segment not in merging]

    return merge


def _fields(doc: Document) -> dict:
    tags = [tag.replace(",", " ").strip() for tag in doc.tags if tag.strip()]
    boost = max(0.01, float(doc.boost or 1.0))
    if doc.type == "article" and doc.status in ("", "published"):
        boost *= ARTICLE_BOOST
    if doc.type == "question" and doc.solved:
        boost *= SOLVED_BOOST
    # Token lists are indexed as they are: each text is analysed once, by the schema's analysis.
    title_words, title_stems = analyze(doc.title)
    tags_words, tags_stems = analyze(" ".join(tags))
    body_words, body_stems = analyze(doc.body)
    frequent = max(2, len(body_words) // 150)
    values = {
        "key": doc.key,
        "type": doc.type,
        "solved": "1" if doc.solved else "0",
        "boost": boost,
        "data": {
            "title": doc.title, "url": doc.url, "category": doc.category, "tags": tags,
            "solved": bool(doc.solved), "parent_id": doc.parent_id, "language": doc.language or "",
            "body": doc.body[:STORED_TEXT_CHARS], "answer": doc.accepted_answer[:STORED_TEXT_CHARS],
        },
        "title_t": title_stems,
        "tags_t": tags_stems,
        "answer_t": analyze(doc.accepted_answer)[1],
        "body_t": body_stems,
        "hot_t": [stem for stem, n in Counter(body_stems).items() if n >= frequent],
        "words": title_words + tags_words + body_words[:SPELLING_WORDS],
    }
    if doc.category:
        values["category"] = doc.category
    if doc.language:
        values["language"] = doc.language
    if tags:
        values["tags"] = ",".join(tags)
    return values


def _matching(view: View, words: list, allowed: int) -> tuple[list, int]:
    """The documents of ``allowed`` holding every word (``words``, rarest first) in some field;
    when fewer than HANDFUL, or too many words for AND, those holding any of the rarest ones."""
    matched = 0
    if len(words) <= MAX_AND_WORDS:
        matched = allowed
        for word in words:
            matched &= view.word_anywhere(word, TEXT_FIELDS)
            if not matched:
                break
    if len(words) > 1 and matched.bit_count() < HANDFUL:
        words = words[:MAX_OR_WORDS]
        matched = 0
        for word in words:
            matched |= view.word_anywhere(word, TEXT_FIELDS)
        matched &= allowed
    return words, matched


def _hit(view: View, docnum: int, score: float, marked: frozenset[str] | None) -> Hit:
    part, local = view.locate(docnum)
    stored = part.reader.stored_fields(local)
    data = stored["data"]
    type_, _sep, id_ = stored["key"].partition(":")
    snippet = highlight(data["body"], data["answer"], marked, SNIPPET_CHARS) if marked is not None else ""
    return Hit(type=type_, id=int(id_), title=data["title"], url=data["url"], snippet=snippet,
               score=round(score, 4), category=data["category"] or "", tags=list(data["tags"]),
               solved=data["solved"], parent_id=data["parent_id"], language=data.get("language", ""))


