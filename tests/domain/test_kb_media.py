"""Step media set by staff: a stored image and an allowlisted video per tutorial step, outside revisions."""

from __future__ import annotations

import io

import factories as make
import pytest

from community.errors import Forbidden, NotFound, ValidationError
from community.extensions import db
from knowledge_base import media
from knowledge_base import operations as kb
from knowledge_base.models import ArticleRevision

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


@pytest.fixture
def tutorial(app):
    staff = make.user("staff")
    article = make.article(staff, kind="tutorial", publish=False, steps=["Allumez la box.", "Attendez."])
    return staff, article


def revision_count() -> int:
    return db.session.scalar(db.select(db.func.count(ArticleRevision.id)))


def test_media_are_set_and_cleared_without_a_revision(app, tutorial):
    staff, article = tutorial
    name = media.save_image(io.BytesIO(PNG))
    before = revision_count()
    kb.set_step_media(staff, article, 1, image_path=name, video_url=" https://vimeo.com/76979871 ")
    kb.set_step_media(staff, article, 2, video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    db.session.commit()
    first, second = article.steps
    assert (first.image_path, first.video_url) == (name, "https://vimeo.com/76979871")
    assert (second.image_path, second.video_url) == (None, "https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    assert revision_count() == before and article.editor_id == staff.id

    kb.set_step_media(staff, article, 1, image_path=None)  # the video is left as it is
    assert (first.image_path, first.video_url) == (None, "https://vimeo.com/76979871")
    kb.set_step_media(staff, article, 1, video_url="")
    assert first.video_url is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"video_url": "https://example.com/film.mp4"}, "video_url"),
        ({"video_url": "javascript:alert(1)"}, "video_url"),
        ({"video_url": 42}, "video_url"),
        ({"image_path": "0123456789abcdef0123456789abcdef.png"}, "image"),  # never stored
        ({"image_path": "../../secret.png"}, "image"),
    ],
)
def test_refused_media_name_the_field_at_fault(app, tutorial, changes, field):
    staff, article = tutorial
    with pytest.raises(ValidationError) as refused:
        kb.set_step_media(staff, article, 1, **changes)
    assert set(refused.value.fields) == {field}
    assert article.steps[0].image_path is None and article.steps[0].video_url is None


def test_only_staff_set_media_and_only_on_an_existing_step(app, tutorial):
    staff, article = tutorial
    with pytest.raises(Forbidden):
        kb.set_step_media(make.user("ambassador"), article, 1, video_url="https://youtu.be/dQw4w9WgXcQ")
    with pytest.raises(NotFound):
        kb.set_step_media(staff, article, 3, video_url="https://youtu.be/dQw4w9WgXcQ")
