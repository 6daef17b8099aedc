"""Slugs and tag names fold text as search does: one fold, ligatures spelled out."""

from __future__ import annotations

import factories as make
import pytest

from community.core import text
from community.core.extensions import db
from community.questions import operations as qa
from search import analysis


def test_the_community_folds_with_the_search_analyser():
    assert text.fold is analysis.fold


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Télé", "tele"),
        ("Œuvre et cœur", "oeuvre et coeur"),
        ("ÆTHER et æ", "aether et ae"),
        ("Straße, GROẞ", "strasse, gross"),
        ("ﬁbre ĳzer", "fibre ijzer"),
        ("Ça MARCHE", "ca marche"),
        ("plain ASCII", "plain ascii"),
    ],
)
def test_fold_lowers_strips_accents_and_spells_out_ligatures(raw, folded):
    assert analysis.fold(raw) == folded


def test_ligatures_reach_search_words():
    assert analysis.tokens("Le cœur de la Straße") == ["le", "coeur", "de", "la", "strasse"]


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Œuvre et cœur de la box", "oeuvre-et-coeur-de-la-box"),
        ("Ma box ne démarre plus !", "ma-box-ne-demarre-plus"),
        ("L'écran de la télé reste noir", "l-ecran-de-la-tele-reste-noir"),
        ("Straße", "strasse"),
        # Letters the fold keeps outside ASCII are dropped, as before, not turned into hyphens.
        ("Bjørn à Łódź", "bjrn-a-odz"),
        ("!!!", "question"),
    ],
)
def test_slugify(title, slug):
    assert text.slugify(title) == slug


def test_slugify_cuts_long_titles_between_words():
    slug = text.slugify("cœur " * 40, max_length=20)
    assert slug == "coeur-coeur-coeur"


@pytest.mark.parametrize(
    ("raw", "name"),
    [("cœur", "coeur"), ("Œil", "oeil"), ("Wi-Fi", "wi-fi"), ("Télé  4K", "tele-4k"), ("x" * 40, "x" * 30)],
)
def test_tag_name(raw, name):
    assert text.tag_name(raw) == name


def test_a_question_title_with_ligatures_gets_a_readable_slug_and_tags(app):
    category = make.category()
    question = qa.ask_question(
        make.user(),
        "Œuvre et cœur de la box",
        "Depuis ce matin le voyant clignote en orange et plus rien ne marche.",
        category.slug,
        ["cœur", "Œil"],
    )
    db.session.commit()
    assert question.slug == "oeuvre-et-coeur-de-la-box"
    assert sorted(tag.name for tag in question.tags) == ["coeur", "oeil"]
