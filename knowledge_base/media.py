"""Tutorial media: step images uploaded by staff, and videos from an allowlist of privacy-friendly players.

Images are stored under the instance folder with a random name; their type is read from their first
bytes (never from the file name or the browser's claim) and they are served with headers that stop
a browser from treating them as anything else. Videos are never uploaded: a staff member pastes a
YouTube or Vimeo address, kept only if it names a video, and pages embed the provider's
no-tracking player (youtube-nocookie.com, Vimeo with ``dnt=1``) in a sandboxed frame. Only the
pages that show a video allow those two frame sources; the policy elsewhere is unchanged.
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from flask import Blueprint, abort, current_app, send_from_directory
from flask_babel import gettext as _

from community.errors import ValidationError
from community.security import CSP

MAX_IMAGE_BYTES = 2 * 1024 * 1024
# Leading bytes → (extension, media type). SVG is refused: it can carry scripts.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", ("png", "image/png")),
    (b"\xff\xd8\xff", ("jpg", "image/jpeg")),
    (b"GIF87a", ("gif", "image/gif")),
    (b"GIF89a", ("gif", "image/gif")),
)
_TYPES = {extension: media_type for _magic, (extension, media_type) in _SIGNATURES} | {"webp": "image/webp"}
_NAME = re.compile(r"^[0-9a-f]{32}\.(png|jpg|gif|webp)$")

FRAME_SOURCES = ("https://www.youtube-nocookie.com", "https://player.vimeo.com")
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^[0-9]{1,12}$")

bp = Blueprint("kb_media", __name__)


def sniff(data: bytes) -> tuple[str, str] | None:
    """(extension, media type) of an image by its first bytes, or None."""
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return ("webp", "image/webp")
    return None


def folder() -> Path:
    path = Path(current_app.instance_path) / "uploads" / "kb"
    path.mkdir(parents=True, exist_ok=True)
    return path


def save_image(stream) -> str:
    """Store an uploaded image (a file-like object); its stored name, or ValidationError."""
    data = stream.read(MAX_IMAGE_BYTES + 1)
    if len(data) > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("Please correct the highlighted fields."),
            {"image": _("Images are limited to %(n)d MB.", n=MAX_IMAGE_BYTES // (1024 * 1024))},
        )
    kind = sniff(data)
    if kind is None:
        raise ValidationError(
            _("Please correct the highlighted fields."), {"image": _("Upload a PNG, JPEG, GIF or WebP image.")}
        )
    name = f"{secrets.token_hex(16)}.{kind[0]}"
    (folder() / name).write_bytes(data)
    return name


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
