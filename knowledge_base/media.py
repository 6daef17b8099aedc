"""Tutorial media: step images uploaded by staff, and videos from an allowlist of privacy-friendly players.

Images are stored under the instance folder with a random name. Each upload is decoded with Pillow
(never trusted by its name, its first bytes or the browser's claim), refused above a pixel budget
before its pixels are decoded, and encoded again: only the pixels are kept, so metadata (EXIF,
comments) and whatever followed the image in the file are gone. They are served with headers that
stop a browser from treating them as anything else. Videos are never uploaded: a staff member pastes
a YouTube or Vimeo address, kept only if it names a video, and pages embed the provider's
no-tracking player (youtube-nocookie.com, Vimeo with ``dnt=1``) in a sandboxed frame. Only the
pages that show a video allow those two frame sources; the policy elsewhere is unchanged.
"""

from __future__ import annotations

import io
import re
import secrets
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from flask import Blueprint, abort, current_app, send_from_directory
from flask_babel import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from community.core.errors import ValidationError
from community.core.extensions import db
from community.core.security import CSP
from knowledge_base.models import ArticleRevision, ArticleStep

MAX_IMAGE_BYTES = 2 * 1024 * 1024
MAX_IMAGE_PIXELS = 4096 * 4096  # default of the KB_IMAGE_MAX_PIXELS setting
QUALITY = 85  # JPEG and WebP
# Pillow format read → (format written, extension). SVG is never read: it can carry scripts. A GIF
# keeps its first frame, as a PNG.
_FORMATS = {"PNG": ("PNG", "png"), "JPEG": ("JPEG", "jpg"), "GIF": ("PNG", "png"), "WEBP": ("WEBP", "webp")}
_TYPES = {"png": "image/png", "jpg": "image/jpeg", "gif": "image/gif", "webp": "image/webp"}
_NAME = re.compile(r"^[0-9a-f]{32}\.(png|jpg|gif|webp)$")
_NAME_IN_TEXT = re.compile(r"[0-9a-f]{32}\.(?:png|jpg|gif|webp)")
ORPHAN_MIN_AGE = 3600  # seconds: an image uploaded for an edit still in progress is not an orphan yet

FRAME_SOURCES = ("https://www.youtube-nocookie.com", "https://player.vimeo.com")
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^[0-9]{1,12}$")

bp = Blueprint("kb_media", __name__)


def _refused(message: str) -> ValidationError:
    return ValidationError(_("Please correct the highlighted fields."), {"image": message})


def _too_many_pixels(budget: int) -> ValidationError:
    return _refused(_("Images are limited to %(n)d million pixels.", n=max(1, budget // 1_000_000)))


def reencode(data: bytes) -> tuple[str, bytes]:
    """(extension, bytes) of the image in ``data`` decoded and encoded again, or ValidationError.

    The size is read from the header and checked against the budget before any pixel is decoded;
    the file is then verified and fully decoded, so a truncated file or one that only starts like
    an image is refused.
    """
    budget = current_app.config.get("KB_IMAGE_MAX_PIXELS", MAX_IMAGE_PIXELS)
    try:
        with Image.open(io.BytesIO(data), formats=list(_FORMATS)) as image:
            width, height = image.size
            if width * height > budget:
                raise _too_many_pixels(budget)
            image.verify()
        with Image.open(io.BytesIO(data), formats=list(_FORMATS)) as image:
            image.load()
            target, extension = _FORMATS[image.format]
            clean = ImageOps.exif_transpose(image)  # the photo upright, since its EXIF goes
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels(budget) from None
    except UnidentifiedImageError:
        raise _refused(_("Upload a PNG, JPEG, GIF or WebP image.")) from None
    except ValidationError:
        raise
    except Exception:  # Pillow raises many kinds of errors on a damaged file
        raise _refused(_("This image could not be read: it may be damaged. Export it again and upload it.")) from None
    clean.info = {key: clean.info[key] for key in ("transparency",) if key in clean.info}
    options: dict = {}
    if target == "JPEG":
        if clean.mode not in ("L", "RGB"):
            clean = clean.convert("RGB")
        options = {"quality": QUALITY}
    elif target == "WEBP":
        options = {"quality": QUALITY}
    out = io.BytesIO()
    clean.save(out, target, **options)
    return extension, out.getvalue()


def folder() -> Path:
    path = Path(current_app.instance_path) / "uploads" / "kb"
    path.mkdir(parents=True, exist_ok=True)
    return path


def save_image(stream) -> str:
    """Store an uploaded image (a file-like object), encoded again; its stored name, or ValidationError."""
    data = stream.read(MAX_IMAGE_BYTES + 1)
    if len(data) > MAX_IMAGE_BYTES:
        raise _refused(_("Images are limited to %(n)d MB.", n=MAX_IMAGE_BYTES // (1024 * 1024)))
    extension, data = reencode(data)
    name = f"{secrets.token_hex(16)}.{extension}"
    (folder() / name).write_bytes(data)
    return name


def _referenced() -> set[str]:
    """Names of stored images a step uses, or that a revision's text mentions (its steps or body)."""
    names = set(db.session.scalars(db.select(ArticleStep.image_path).where(ArticleStep.image_path.is_not(None))))
    texts = db.session.execute(db.select(ArticleRevision.steps, ArticleRevision.body).execution_options(yield_per=500))
    for steps, body in texts:
        names.update(_NAME_IN_TEXT.findall(steps or ""))
        names.update(_NAME_IN_TEXT.findall(body or ""))
    return names


def remove_unused_images(min_age: float = ORPHAN_MIN_AGE) -> tuple[int, int]:
    """Delete stored images no step or revision uses, older than ``min_age`` seconds; (files, bytes) removed."""
    used = _referenced()
    cutoff = time.time() - min_age
    removed = freed = 0
    for path in folder().iterdir():
        if not _NAME.match(path.name) or path.name in used or not path.is_file():
            continue
        stat = path.stat()
        if stat.st_mtime > cutoff:
            continue
        path.unlink(missing_ok=True)
        removed += 1
        freed += stat.st_size
    return removed, freed


def is_stored(name) -> bool:
    """Whether ``name`` is one ``save_image`` gave, for a file still in the uploads folder."""
    return isinstance(name, str) and bool(_NAME.match(name)) and (folder() / name).is_file()


def embed_url(address: str | None) -> str | None:
    """The no-tracking player address for a YouTube or Vimeo video address, else None."""
    if not address or len(address) > 300:
        return None
    try:
        parts = urlsplit(address.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    path = [piece for piece in parts.path.split("/") if piece]
    video = None
    if host in ("youtube.com", "youtube-nocookie.com"):
        if path[:1] == ["watch"]:
            video = (parse_qs(parts.query).get("v") or [""])[0]
        elif len(path) == 2 and path[0] in ("embed", "shorts", "live"):
            video = path[1]
        if video and _YOUTUBE_ID.match(video):
            return f"https://www.youtube-nocookie.com/embed/{video}"
    elif host == "youtu.be" and len(path) == 1 and _YOUTUBE_ID.match(path[0]):
        return f"https://www.youtube-nocookie.com/embed/{path[0]}"
    elif host == "vimeo.com" and len(path) == 1 and _VIMEO_ID.match(path[0]):
        return f"https://player.vimeo.com/video/{path[0]}?dnt=1"
    elif host == "player.vimeo.com" and len(path) == 2 and path[0] == "video" and _VIMEO_ID.match(path[1]):
        return f"https://player.vimeo.com/video/{path[1]}?dnt=1"
    return None


def csp_with_frames() -> str:
    """The site's policy plus the allowlisted video players as frame sources (pages with a video only)."""
    return f"{CSP}; frame-src {' '.join(FRAME_SOURCES)}"


@bp.route("/kb/media/<name>")
def image(name: str):
    """A stored step image, as an image and nothing else."""
    if not _NAME.match(name):
        abort(404)
    response = send_from_directory(folder(), name, mimetype=_TYPES[name.rsplit(".", 1)[1]], max_age=31536000)
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Content-Disposition"] = "inline"
    response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
