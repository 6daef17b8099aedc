"""Step media set by staff: a stored image and an allowlisted video per tutorial step, outside revisions;
uploads decoded and encoded again, and unused ones cleaned up."""

from __future__ import annotations

import io
import os
import struct
import time
import zlib
from pathlib import Path

import factories as make
import pytest
from flask_babel import force_locale
from PIL import Image, ImageFile, PngImagePlugin

from community.core.errors import Forbidden, NotFound, ValidationError
from community.core.extensions import db
from knowledge_base import media
from knowledge_base import operations as kb
from knowledge_base.models import ArticleRevision


@pytest.fixture(autouse=True)
def english(app):
    """Messages in English, whatever the translations say."""
    with force_locale("en"):
        yield


def picture(kind: str = "PNG", size: tuple[int, int] = (8, 6), mode: str = "RGB", **options) -> bytes:
    """A real image made with Pillow, ``options`` passed to its encoder (exif, comment, pnginfo …)."""
    out = io.BytesIO()
    Image.new(mode, size, 1 if mode == "P" else (200, 30, 30)).save(out, kind, **options)
    return out.getvalue()


def huge_png(width: int = 20000, height: int = 20000) -> bytes:
    """A valid black-and-white PNG of ``width`` × ``height`` pixels that weighs a few dozen KB."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\0" * (1 + (width + 7) // 8)
    packer = zlib.compressobj(9)
    pixels = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def stored(app) -> list[str]:
    return sorted(p.name for p in media.folder().iterdir())


def opened(name: str) -> Image.Image:
    image = Image.open(media.folder() / name)
    image.load()
    return image


@pytest.fixture
def tutorial(app):
    staff = make.user("staff")
    article = make.article(staff, kind="tutorial", publish=False, steps=["Allumez la box.", "Attendez."])
    return staff, article


def revision_count() -> int:
    return db.session.scalar(db.select(db.func.count(ArticleRevision.id)))


def test_media_are_set_and_cleared_without_a_revision(app, tutorial):
    staff, article = tutorial
    name = media.save_image(io.BytesIO(picture()))
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


# ---------- Uploads are decoded and encoded again ----------

EXIF = Image.Exif()
EXIF[0x010F] = "SecretCam"  # Make
SECRET_TEXT = PngImagePlugin.PngInfo()
SECRET_TEXT.add_text("Comment", "SecretCam")


@pytest.mark.parametrize(
    ("upload", "extension", "kind"),
    [
        (picture("PNG", pnginfo=SECRET_TEXT), "png", "PNG"),
        (picture("JPEG", exif=EXIF.tobytes(), comment=b"SecretCam"), "jpg", "JPEG"),
        (picture("GIF", mode="P", comment=b"SecretCam"), "png", "PNG"),  # first frame, as a PNG
        (picture("WEBP", exif=EXIF.tobytes()), "webp", "WEBP"),
    ],
    ids=["png", "jpeg", "gif", "webp"],
)
def test_a_stored_image_keeps_its_pixels_and_nothing_else(app, upload, extension, kind):
    """The stored file is a fresh encoding of the same picture: no EXIF, no comment."""
    name = media.save_image(io.BytesIO(upload))
    data = (media.folder() / name).read_bytes()
    assert name.endswith(f".{extension}") and data != upload
    assert b"SecretCam" not in data
    image = opened(name)
    assert image.format == kind and image.size == (8, 6) and not image.getexif()


def test_a_photo_taken_sideways_is_stored_upright(app):
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    name = media.save_image(io.BytesIO(picture("JPEG", size=(8, 6), exif=exif.tobytes())))
    assert opened(name).size == (6, 8)


def test_what_follows_an_image_in_its_file_is_not_stored(app):
    """A real PNG with a page appended is accepted, but only its pixels are kept."""
    name = media.save_image(io.BytesIO(picture() + b"<html><script>alert(document.cookie)</script></html>"))
    assert b"<script" not in (media.folder() / name).read_bytes()
    assert opened(name).size == (8, 6)


HTML = b"<!doctype html><html><script>alert(document.cookie)</script></html>"
NOT_IMAGES = {
    "png-header-then-html": b"\x89PNG\r\n\x1a\n" + HTML,
    "webp-header-then-html": b"RIFF\x00\x01\x00\x00WEBPVP8 " + HTML,
    "gif-header-then-html": b"GIF89a" + HTML,
    "truncated-png": picture(size=(64, 64))[:-40],
    "truncated-jpeg": picture("JPEG", size=(64, 64))[:300],
    "bmp": picture("BMP"),
    "svg": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
}
REFUSALS = {
    "Upload a PNG, JPEG, GIF or WebP image.",
    "This image could not be read: it may be damaged. Export it again and upload it.",
}


@pytest.mark.parametrize("upload", NOT_IMAGES.values(), ids=NOT_IMAGES.keys())
def test_files_that_only_look_like_images_are_refused(app, upload):
    """Whatever their first bytes, files Pillow cannot fully decode as one of the four types are not stored."""
    with pytest.raises(ValidationError) as refused:
        media.save_image(io.BytesIO(upload))
    assert set(refused.value.fields) == {"image"} and refused.value.fields["image"] in REFUSALS
    assert stored(app) == []


def test_an_image_over_the_pixel_budget_is_refused_before_its_pixels_are_decoded(app, monkeypatch):
    """20000 × 20000 pixels in 50 KB: refused from its header, nothing decoded, nothing stored."""
    decoded = []
    load = ImageFile.ImageFile.load
    monkeypatch.setattr(ImageFile.ImageFile, "load", lambda image: decoded.append(image.size) or load(image))
    upload = huge_png()
    assert len(upload) < media.MAX_IMAGE_BYTES
    with pytest.raises(ValidationError) as refused:
        media.save_image(io.BytesIO(upload))
    assert refused.value.fields == {"image": "Images are limited to 16 million pixels."}
    assert decoded == [] and stored(app) == []


def test_the_pixel_budget_is_a_setting(app):
    app.config["KB_IMAGE_MAX_PIXELS"] = 100
    with pytest.raises(ValidationError):
        media.save_image(io.BytesIO(picture(size=(11, 10))))
    assert media.save_image(io.BytesIO(picture(size=(10, 10))))


# ---------- Unused images are cleaned up ----------


def aged(name: str, seconds: float) -> Path:
    path = media.folder() / name
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_cleanup_removes_only_old_images_nothing_uses(app, runner, tutorial):
    """Images of steps and those a revision mentions stay; an unused one goes once an hour old, not before."""
    staff, article = tutorial
    on_step, replaced, in_old_text, fresh = (media.save_image(io.BytesIO(picture())) for _ in range(4))
    kb.set_step_media(staff, article, 1, image_path=replaced)
    kb.set_step_media(staff, article, 1, image_path=on_step)  # ``replaced`` is no longer used
    kb.edit_article(staff, article, body=f"Voir ![la box](https://localhost/kb/media/{in_old_text}).")
    kb.edit_article(staff, article, body="Voir la photo de chaque étape.")  # only revision 2 mentions it
    db.session.commit()
    (media.folder() / "notes.txt").write_text("pas une image")
    for name in (on_step, replaced, in_old_text, "notes.txt"):
        aged(name, 2 * 3600)
    size = (media.folder() / replaced).stat().st_size
    aged(fresh, 10 * 60)  # an edit in progress

    result = runner.invoke(args=["kb", "images", "cleanup"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"1 unused images removed, {size} bytes freed"
    assert stored(app) == sorted([on_step, in_old_text, fresh, "notes.txt"])

    result = runner.invoke(args=["kb", "images", "cleanup"])
    assert result.output.strip() == "0 unused images removed, 0 bytes freed"
