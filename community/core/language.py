"""Content language: what language a text is written in, and which one a page lists first.

Questions and articles carry a language (a code of ``LANGUAGES``), detected when they are written
(py3langid, restricted to the configured languages; a short or unclear text takes the writer's
language) and editable. Lists show the interface language's content and offer every language
through ``?languages=all``; content in another language carries a label.
"""

from __future__ import annotations

import threading

from flask import Flask, current_app, has_app_context, has_request_context, request
from flask_babel import get_locale
from sqlalchemy import case

ALL_PARAM = "languages"  # ?languages=all shows every language in lists and search
NAMES = {"fr": "Français", "en": "English"}  # each language in its own words (never translated)
MIN_CONFIDENCE = 0.9  # below this, the writer's language decides
MIN_LETTERS = 12  # shorter texts are not worth guessing

_identifier: dict[tuple[str, ...], object] = {}
_lock = threading.Lock()


def languages() -> tuple[str, ...]:
    return tuple(current_app.config["LANGUAGES"]) if has_app_context() else tuple(NAMES)


def default_language() -> str:
    return current_app.config["BABEL_DEFAULT_LOCALE"] if has_app_context() else "fr"


def _classifier(codes: tuple[str, ...]):
    """The py3langid model restricted to ``codes``, loaded once per process (about half a second)."""
    with _lock:
        if codes not in _identifier:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            identifier.set_languages(list(codes))
            _identifier[codes] = identifier
        return _identifier[codes]


def detect(text: str, fallback: str | None = None) -> str:
    """The language of ``text`` among the configured ones; ``fallback`` (the writer's language, else
    the site's default) when the text is too short or too unclear to tell."""
    codes = languages()
    fallback = fallback if fallback in codes else default_language()
    text = (text or "").strip()
    if len(codes) < 2 or sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        return fallback
    code, confidence = _classifier(codes).classify(text[:4000])
    return code if code in codes and confidence >= MIN_CONFIDENCE else fallback


def choose(asked: str | None, text: str, fallback: str | None = None) -> str | None:
    """The language a writer asked for, detection when they left it empty; None when ``asked`` is
    not a configured language (the caller reports it)."""
    if not asked:
        return detect(text, fallback)
    return asked if asked in languages() else None


def interface_language() -> str:
    """The language pages are shown in (the request's locale), else the site's default."""
    if has_request_context():
        code = str(get_locale() or "")
        if code in languages():
            return code
    return default_language()


def showing_all() -> bool:
    """Whether the page was asked for every language (``?languages=all``)."""
    return has_request_context() and request.args.get(ALL_PARAM) == "all"


def listing_language() -> str | None:
    """The language a list keeps to: the interface's, or None when every language is asked for."""
    return None if showing_all() else interface_language()


def first(column, language: str | None = None):
    """An ORDER BY term putting rows in ``language`` (default: the interface's) before the others."""
    return case((column == (language or interface_language()), 0), else_=1)


def is_foreign(code: str | None) -> bool:
    """Whether content in ``code`` is in another language than the page (and so carries a label)."""
    return bool(code) and code != interface_language()


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        language_names=NAMES,
        is_foreign_language=is_foreign,
        showing_all_languages=showing_all,
        interface_language=interface_language,
    )
