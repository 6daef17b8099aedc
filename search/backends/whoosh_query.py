"""From user text to what the Whoosh backend evaluates: words, filters, facets, "did you mean"."""
from __future__ import annotations

import re
from functools import lru_cache

from search import TYPES, Filters
from search.analysis import MAX_WORD_LENGTH, content_words, expand, stems, tokens, word_forms
from search.backends.whoosh_matching import View, Word, as_text

PREFIX_TERMS = 150  # title stems looked at for the word being typed
PREFIX_MATCHES = 16  # the most frequent of them searched
RARE = 2  # a word in this few documents may still be a typo of a frequent one


def query_words(text: str, cap: int = 32) -> list[str]:
    words = [word for word in content_words(tokens(text or "")) if len(word) <= MAX_WORD_LENGTH]
    return list(dict.fromkeys(words))[:cap]


def synonyms_key(groups: list[list[str]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(group) for group in groups)


@lru_cache(maxsize=2048)
def words_for(texts: tuple[str, ...], groups: tuple[tuple[str, ...], ...]) -> list[Word]:
    """Each query word with its synonyms, found by the word itself or by its stems."""
    exact = expand(list(texts), [list(group) for group in groups])
    by_stem = _stem_synonyms(groups)
    words = []
    for text, options in zip(texts, exact, strict=True):
        if len(options) == 1:
            for stem in stems(word_forms(text)[0]):
                options = options | by_stem.get(stem, frozenset())
        words.append(make_word(text, options))
    return words


@lru_cache(maxsize=16)
def _stem_synonyms(groups: tuple[tuple[str, ...], ...]) -> dict[str, frozenset[str]]:
    mapping: dict[str, frozenset[str]] = {}
    for group in groups:
        folded = frozenset(" ".join(tokens(term)) for term in group if tokens(term))
        for term in folded:
            if " " not in term:
                for stem in stems(word_forms(term)[0]):
                    mapping[stem] = mapping.get(stem, frozenset()) | folded
    return mapping


def make_word(text: str, options: frozenset[str]) -> Word:
    """Options are folded words or phrases; "wi-fi" also matches "wi" and "fi" side by side."""
    built = []
    for option in sorted(options):
        parts = option.split()
        if len(parts) == 1:
            forms = word_forms(option)
            built.append((stems(forms[0]),))
            if len(forms) > 1:
                built.append(tuple(stems(form) for form in forms[1:]))
        else:
            built.append(tuple(stems(word_forms(part)[0]) for part in parts))
    return Word(text, tuple(built), frozenset(stem for option in built for slot in option for stem in slot))


def prefix_word(view: View, partial: str) -> Word:
    """The word being typed: its own stems, or the most frequent title stems it begins."""
    options = set(stems(word_forms(partial)[0]))
    if len(partial) >= 2 and view.parts:
        largest = max(view.parts, key=lambda part: part.size).reader  # frequencies from one segment
        found = []
        for term in view.reader.expand_prefix("title_t", partial):
            found.append(as_text(term))
            if len(found) >= PREFIX_TERMS:
                break
        found.sort(key=lambda stem: -largest.doc_frequency("title_t", stem))
        options.update(found[:PREFIX_MATCHES])
    return Word(partial, ((tuple(sorted(options)),),), frozenset(options))


def filter_bitmap(view: View, filters: Filters) -> int:
    """Live documents that pass the filters."""
    types = view.facet("type")
    allowed = 0
    for type_ in filters.types or TYPES:
        allowed |= types.get(type_, 0)
    allowed &= view.live
    if filters.category:
        allowed &= view.term("category", filters.category)
    if filters.tag:
        allowed &= view.term("tags", filters.tag.replace(",", " ").strip())
    if filters.solved is not None:
        allowed &= view.term("solved", "1" if filters.solved else "0")
    if filters.language:
        allowed &= view.term("language", filters.language)
    return allowed


def language_counts(view: View, matched: int) -> dict[str, int]:
    """Documents of ``matched`` by language."""
    return {value: n for value, bits in view.facet("language").items() if (n := (matched & bits).bit_count())}


def facet_counts(view: View, matched: int) -> dict[str, dict[str, int]]:
    counts = no_facets()
    for name, field in (("type", "type"), ("category", "category"), ("tags", "tags"), ("solved", "solved")):
        for value, bits in view.facet(field).items():
            count = (matched & bits).bit_count()
            if count:
                label = {"1": "true", "0": "false"}.get(value, value) if name == "solved" else value
                counts[name][label] = count
    return counts


def no_facets() -> dict[str, dict[str, int]]:
    return {"type": {}, "category": {}, "tags": {}, "solved": {}}


# Did you mean ----------------------------------------------------------------------------------


def suggestion(view: View, text: str, words: list[Word], rough: dict[Word, int]) -> str | None:
    """``text`` with unknown (or very rare) words replaced by a close, frequent indexed word."""
    doubtful = [word.text for word in words if rough[word] <= RARE and word.text.isalpha()
                and len(word.text) > 2 and (rough[word] == 0 or len(word.text) > 3)]
    if not doubtful or view.reader is None:
        return None
    corrector = view.reader.corrector("words")
    fixes = {}
    for word in doubtful:
        seen = view.doc_frequency("words", word)
        for close in corrector.suggest(word, limit=3, maxdist=1 if len(word) < 6 else 2, prefix=2):
            if close != word and view.doc_frequency("words", close) >= max(1, 20 * seen):
                fixes[word] = close
                break
    return _replace_words(text, fixes) if fixes else None


def _replace_words(text: str, fixes: dict[str, str]) -> str:
    def swap(match: re.Match) -> str:
        folded = tokens(match.group(0))
        return fixes.get(folded[0], match.group(0)) if len(folded) == 1 else match.group(0)

    return re.sub(r"\w+", swap, text).strip()
