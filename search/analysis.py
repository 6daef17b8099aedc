"""Language handling shared by every backend: folding, tokens, stop words, synonyms.

Folding lower-cases and strips accents ("Télé" → "tele"). Stop words are dropped from a query
only when something else is left, so "la box" still finds "box" and "de" alone still searches.
Synonyms apply at query time: each query word may match any word of its group.
"""
from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from whoosh.analysis import Filter, StopFilter, Token, Tokenizer
from whoosh.lang import stemmer_for_language

_WORD = re.compile(r"[0-9a-z]+(?:['’-][0-9a-z]+)*")
_ELISION = re.compile(r"^(?:l|d|j|qu|n|s|c|m|t|jusqu|lorsqu|puisqu)['’]")

STOP_WORDS_FR = frozenset("""
a ai au aux avec ce ces cet cette dans de des du elle en est et eux il ils je la le les leur lui
ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta
te tes toi ton tu un une vos votre vous y c d j l m n s t ete etre avoir suis sont plus tres
""".split())
STOP_WORDS_EN = frozenset("""
a an and are as at be but by for from has have how i if in into is it its my no not of on or our
so that the their them then there these they this to was we what when where which who why will
with you your can do does did me
""".split())
STOP_WORDS = STOP_WORDS_FR | STOP_WORDS_EN


def fold(text: str) -> str:
    """Lower-case, accents removed, ligatures split ("Œuvre" → "oeuvre", "Straße" → "strasse").

    NFKD splits the compatibility ligatures (ﬁ, ﬂ, ĳ…); œ, æ and ß, letters of their own in
    Unicode, are spelled out first. Any other non-ASCII letter stays, lower-cased.
    """
    if text.isascii():
        return text.lower()
    for ligature, letters in _LIGATURES:
        text = text.replace(ligature, letters)
    decomposed = unicodedata.normalize("NFKD", text)
    return _NON_ASCII.sub(_drop_combining, decomposed).lower()


_LIGATURES = (("œ", "oe"), ("Œ", "oe"), ("æ", "ae"), ("Æ", "ae"), ("ß", "ss"), ("ẞ", "ss"))
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_APOSTROPHE = re.compile(r"['’]")


def _drop_combining(match: re.Match) -> str:
    return "".join(c for c in match.group(0) if not unicodedata.combining(c))


def tokens(text: str) -> list[str]:
    """Folded words, elisions removed ("l'écran" → "ecran")."""
    folded = fold(text or "")
    words = _WORD.findall(folded)
    if "'" not in folded and "’" not in folded:
        return words
    split = []
    for word in words:
        if "'" in word or "’" in word:
            split.extend(part for part in _APOSTROPHE.split(_ELISION.sub("", word)) if part)
        else:
            split.append(word)
    return split


def content_words(words: list[str]) -> list[str]:
    """``words`` without stop words, unless that would leave nothing."""
    kept = [w for w in words if w not in STOP_WORDS]
    return kept or words


def synonym_map(groups: list[list[str]]) -> dict[str, frozenset[str]]:
    """Folded word → every folded word of its group (the word included)."""
    return _synonym_map(tuple(tuple(g) for g in groups))


@lru_cache(maxsize=16)
def _synonym_map(groups: tuple[tuple[str, ...], ...]) -> dict[str, frozenset[str]]:
    mapping: dict[str, set[str]] = {}
    for group in groups:
        folded = {" ".join(tokens(term)) for term in group if tokens(term)}
        for term in folded:
            mapping.setdefault(term, set()).update(folded)
    return {term: frozenset(alternatives) for term, alternatives in mapping.items()}


def expand(words: list[str], groups: list[list[str]]) -> list[frozenset[str]]:
    """For each query word, the set of words it may match (itself and its synonyms)."""
    mapping = synonym_map(groups)
    return [mapping.get(word, frozenset((word,))) for word in words]


DEFAULT_SYNONYMS = [
    ["box", "modem", "routeur"],
    ["marche", "fonctionne", "fonctionnement", "marcher", "fonctionner"],
    ["forfait", "abonnement", "offre"],
    ["tele", "television", "tv", "decodeur"],
    ["facture", "facturation", "prelevement"],
    ["wifi", "wi-fi"],
    ["portable", "mobile", "smartphone", "telephone"],
    ["colis", "livraison", "commande"],
    ["resilier", "resiliation", "annuler"],
    ["panne", "coupure", "incident"],
    ["internet", "connexion", "reseau"],
]


# --- Index-side analysis (Whoosh) -------------------------------------------------------------
# Whoosh pickles the analyzer objects into the index, so these classes must keep their names and
# their import path (``search.analysis``); changing what they emit means bumping the backend's
# SCHEMA_VERSION.

MAX_WORD_LENGTH = 40

_french = stemmer_for_language("fr")
_english = stemmer_for_language("en")


def french_stem(word: str) -> str:
    """Snowball French on a folded word, evened out for missing accents.

    Snowball expects accents: without them "élevées" and "élevé" stem to "eleve" and "elev", and
    "numéros" keeps its "s". Dropping a plural "s" before and a final "e" after puts both forms
    together, whether the writer typed the accents or not.
    """
    if len(word) > 3 and word[-1] == "s" and word[-2] != "s":
        word = word[:-1]
    stem = _french(word)
    if len(stem) > 3 and stem[-1] == "e":
        stem = stem[:-1]
    return stem


@lru_cache(maxsize=200_000)
def stems(word: str) -> tuple[str, ...]:
    """The French and English stems of a folded word (one when they agree)."""
    french, english = french_stem(word), _english(word)
    return (french,) if french == english else (french, english)


def word_forms(word: str) -> tuple[str, ...]:
    """A hyphenated word is indexed whole-joined and by parts: "wi-fi" → wifi, wi, fi."""
    if "-" not in word:
        return (word,)
    parts = [part for part in word.split("-") if part]
    return ("".join(parts), *parts)


def index_words(text: str) -> list[str]:
    """The words Whoosh indexes for ``text``, before stop words and stemming."""
    words = []
    for word in tokens(text):
        if len(word) <= MAX_WORD_LENGTH:
            words.extend(word_forms(word))
    return words


def analyze(text: str) -> tuple[list[str], list[str]]:
    """What ``word_analyzer()`` and ``stemming_analyzer()`` index for ``text``, computed once."""
    words = [word for word in index_words(text) if word not in STOP_WORDS]
    return words, [stem for word in words for stem in stems(word)]


class FoldingTokenizer(Tokenizer):
    """Folded words as ``tokens()`` finds them, hyphenated ones also joined and split."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        words = index_words(value) if tokenize else [fold(value)]
        for pos, word in enumerate(words, start_pos):
            token.text = word
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = word
            if positions:
                token.pos = pos
            if chars:
                token.startchar = token.endchar = start_char
            yield token


class BilingualStemFilter(Filter):
    """Each word becomes its French stem and, when different, its English stem."""

    is_morph = True

    def __call__(self, tokens):
        for token in tokens:
            if token.stopped:
                yield token
                continue
            for stem in stems(token.text):
                token.text = stem
                yield token


def word_analyzer():
    """Folded words without stop words, unstemmed: the vocabulary of spelling suggestions."""
    return FoldingTokenizer() | StopFilter(stoplist=STOP_WORDS, minsize=1)


def stemming_analyzer():
    """Folded words without stop words, each under its French and English stems."""
    return word_analyzer() | BilingualStemFilter()


# --- Snippets ---------------------------------------------------------------------------------

_SURFACE = re.compile(r"\w+(?:['’-]\w+)*")
_SPACES = re.compile(r"\s+")
SCAN_CHARS = 6000  # how far into a text a snippet looks for a match


@lru_cache(maxsize=50_000)
def surface_stems(word: str) -> frozenset[str]:
    """Every stem a word as written may be indexed under ("L'écran" → ecran)."""
    return frozenset(stem for token in tokens(word) for form in word_forms(token) for stem in stems(form))


def highlight(body: str, answer: str, marked: frozenset[str], size: int = 200) -> str:
    """About ``size`` characters of HTML around the first match in ``body`` or else ``answer``.

    Words whose stems are in ``marked`` are wrapped in ``<mark>``; everything else is escaped.
    Without a match, the beginning of the body.
    """
    for text in (body, answer):
        for match in _SURFACE.finditer(text or "", 0, SCAN_CHARS):
            if surface_stems(match.group(0)) & marked:
                start = max(0, match.start() - size // 4)
                if start:
                    start = text.find(" ", start, match.start()) + 1 or match.start()
                return _excerpt(text, start, size, marked)
    return _excerpt(body or answer or "", 0, size, frozenset())


def _excerpt(text: str, start: int, size: int, marked: frozenset[str]) -> str:
    end = start + size
    if end < len(text):
        end = text.rfind(" ", start + size // 2, end) if " " in text[start + size // 2:end] else end
    pieces = ["…"] if start else []
    last = start
    for match in _SURFACE.finditer(text, start, end):
        if marked and surface_stems(match.group(0)) & marked:
            pieces.append(html.escape(text[last:match.start()]))
            pieces.append(f"<mark>{html.escape(match.group(0))}</mark>")
            last = match.end()
    pieces.append(html.escape(text[last:end]))
    if end < len(text):
        pieces.append("…")
    return _SPACES.sub(" ", "".join(pieces)).strip()
