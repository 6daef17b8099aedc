"""The French and English catalogues: complete for every string in the code, well formed, and used.

The messages are extracted afresh, in process, with babel.cfg and the keywords of ``make catalog``;
when a test here fails after a change of strings, run ``make catalog`` and translate what is new in
translations/fr/LC_MESSAGES/messages.po.
"""

from __future__ import annotations

import fnmatch
import os
import re
import warnings
from functools import cache
from pathlib import Path

import pytest
from babel.messages import frontend
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
LANGUAGES = ("fr", "en")
# The same as `make catalog`: the default keywords plus the lazy ones, and every directory but hidden
# ones and __pycache__ (pybabel's default would skip "_" directories such as templates/_macros).
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None}
IGNORED_DIRS = (".*", "__pycache__")

# A printf-style conversion: %(name)s, %d, %%…
CONVERSION = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?(?P<type>[diouxXeEfFgGcrsa%])"
)


def _key(context: str | None, msgid: str) -> str:
    return f"{context}\x04{msgid}" if context else msgid


def _read_mapping():
    with (ROOT / "babel.cfg").open(encoding="utf-8") as f:
        if hasattr(frontend, "parse_mapping_cfg"):
            return frontend.parse_mapping_cfg(f)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return frontend.parse_mapping(f)


def _directory_filter(path: str) -> bool:
    name = os.path.basename(path)
    return not any(fnmatch.fnmatch(name, pattern) for pattern in IGNORED_DIRS)


@cache
def extracted() -> dict[str, tuple[str | None, str | tuple[str, str]]]:
    """{key: (context, msgid or (singular, plural))} for every message in the code and templates."""
    method_map, options_map = _read_mapping()
    found: dict[str, tuple[str | None, str | tuple[str, str]]] = {}
    for _filename, _lineno, message, _comments, context in extract_from_dir(
        str(ROOT),
        method_map,
        options_map,
        keywords=KEYWORDS,
        directory_filter=_directory_filter,
    ):
        singular = message[0] if isinstance(message, tuple) else message
        key = _key(context, singular)
        if isinstance(found.get(key, (None, ""))[1], tuple):
            continue  # a plural entry wins over a plain gettext of its singular, as in pybabel
        found[key] = (context, message)
    return found


@cache
def catalog(language: str):
    with (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f, locale=language)


def _entries(language: str) -> dict[str, object]:
    return {_key(m.context, m.id[0] if m.pluralizable else m.id): m for m in catalog(language) if m.id}


def _conversions(text: str) -> tuple[set[str], list[str], str]:
    """Named conversions, positional ones, and what is left after removing every conversion."""
    named, positional = set(), []
    for m in CONVERSION.finditer(text):
        if m.group("type") == "%":
            continue
        if m.group("name") is not None:
            named.add(m.group(0))
        else:
            positional.append(m.group(0))
    return named, positional, CONVERSION.sub("", text)


def test_extraction_finds_the_messages():
    messages = extracted()
    assert len(messages) > 100
    # One from Python, one lazy, one from a template, one from a directory starting with "_".
    for msgid in ("Page not found", "Only staff can do this.", "Ask a question", "Breadcrumb"):
        assert msgid in messages, msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_forms_header(language):
    expected = {"fr": "nplurals=2; plural=(n > 1);", "en": "nplurals=2; plural=(n != 1);"}[language]
    assert catalog(language).plural_forms == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language):
    entries = _entries(language)
    problems = []
    for key, (context, message) in sorted(extracted().items()):
        label = repr(message) + (f" (context {context!r})" if context else "")
        entry = entries.get(key)
        if entry is None:
            problems.append(f"missing: {label}")
            continue
        if entry.fuzzy:
            problems.append(f"fuzzy: {label}")
        if isinstance(message, tuple):
            if not entry.pluralizable or entry.id[1] != message[1]:
                problems.append(f"not the plural entry {label}: {entry.id!r}")
                continue
            forms = entry.string if isinstance(entry.string, tuple) else (entry.string,)
            if len(forms) != catalog(language).num_plurals or not all(f.strip() for f in forms):
                problems.append(f"untranslated plural form: {label}")
        elif entry.pluralizable or not (entry.string or "").strip():
            problems.append(f"untranslated: {label}")
    assert not problems, (
        f"{language} catalogue, {len(problems)} problem(s); run `make catalog` and "
        "translate:\n  " + "\n  ".join(problems)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_obsolete_or_fuzzy_entries(language):
    cat = catalog(language)
    assert not cat.obsolete, f"obsolete (#~) entries in {language}: {list(cat.obsolete)}"
    assert not cat.fuzzy, f"the {language} catalogue header is marked fuzzy"
    fuzzy = [m.id for m in cat if m.id and m.fuzzy]
    assert not fuzzy, f"fuzzy entries in {language}: {fuzzy}"
    stale = sorted(set(_entries(language)) - set(extracted()))
    assert not stale, f"{language} entries no longer in the code (run `make catalog`): " + ", ".join(
        s.replace("\x04", " | ") for s in stale
    )


def test_english_catalogue_is_the_source_text():
    wrong = [
        m.id
        for m in catalog("en")
        if m.id and (tuple(m.string) if m.pluralizable else m.string) != (tuple(m.id) if m.pluralizable else m.id)
    ]
    assert not wrong, f"English msgstr differs from its msgid (run `make catalog`): {wrong}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_match(language):
    problems = []
    for m in catalog(language):
        if not m.id:
            continue
        sources = [_conversions(i) for i in (m.id if m.pluralizable else (m.id,))]
        forms = (m.string if isinstance(m.string, tuple) else (m.string,)) if m.string else ()
        for index, form in enumerate(forms):
            if not form:
                continue
            named, positional, rest = _conversions(form)
            # Form 0 may follow the singular or the plural (French uses it for 0 and 1); the others
            # follow the plural.
            allowed = sources if index == 0 else sources[-1:]
            if not any(named == s[0] and positional == s[1] for s in allowed):
                problems.append(f"{m.id!r} → {form!r}: {sorted(named)} instead of {sorted(allowed[0][0])}")
            elif "%" in rest and not any("%" in s[2] for s in sources):
                problems.append(f"{m.id!r} → {form!r}: a lone % (write %% for a percent sign)")
            else:
                values = {name[2 : name.index(")")]: 1 if name[-1] in "di" else "x" for name in named}
                try:
                    form % values
                except (KeyError, TypeError, ValueError) as err:
                    problems.append(f"{m.id!r} → {form!r}: {err!r}")
    assert not problems, f"{language} catalogue:\n  " + "\n  ".join(problems)


# Rendering with the compiled catalogues (`make test` and `make run` compile them).


@pytest.fixture
def compiled():
    for language in LANGUAGES:
        po = TRANSLATIONS / language / "LC_MESSAGES" / "messages.po"
        mo = po.with_suffix(".mo")
        if not mo.exists():
            pytest.fail(
                f"{mo.relative_to(ROOT)} is missing: run `make translations` "
                "(make test and make run compile the catalogues)"
            )
        if mo.stat().st_mtime < po.stat().st_mtime:
            pytest.fail(f"{mo.relative_to(ROOT)} is older than its .po: run `make translations`")


def _get(client, path: str, **headers):
    # The `app` fixture keeps one application context open for the whole test, and a request reuses
    # it, so `g` (where Flask-Babel keeps the locale it chose) would outlive the request. Give each
    # request its own context, as in production.
    with client.application.app_context():
        return client.get(path, headers=headers)


def _page(client, path="/", **headers) -> str:
    return _get(client, path, **headers).get_data(as_text=True)


def test_home_in_french_from_accept_language(compiled, client):
    html = _page(client, **{"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5"})
    assert '<html lang="fr">' in html
    assert "Poser une question" in html and "Ask a question" not in html


def test_home_in_english_from_accept_language(compiled, client):
    html = _page(client, **{"Accept-Language": "en-GB,en;q=0.9"})
    assert '<html lang="en">' in html
    assert "Ask a question" in html and "Poser une question" not in html


def test_language_cookie_wins_over_accept_language(compiled, client):
    response = client.post("/language/en?next=/")
    assert response.status_code == 302 and response.headers["Location"].endswith("/")
    html = _page(client, **{"Accept-Language": "fr"})
    assert '<html lang="en">' in html and "Ask a question" in html

    client.post("/language/fr?next=/")
    html = _page(client, **{"Accept-Language": "en"})
    assert '<html lang="fr">' in html and "Poser une question" in html


def test_python_and_lazy_strings_are_translated(compiled, client):
    missing = _page(client, "/questions/999999", **{"Accept-Language": "fr"})
    assert "Page introuvable" in missing  # gettext in community/errors.py
    login = _page(client, "/login", **{"Accept-Language": "fr"})
    assert "Mot de passe" in login and "Password" not in login  # lazy_gettext form labels
