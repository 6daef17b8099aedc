"""Turning an outbox row into a MIME message and handing it to the SMTP server (``MAIL_*``), or,
with no ``MAIL_SERVER``, writing it as a ``.eml`` file to the instance folder's ``outbox/``."""

from __future__ import annotations

import os
import smtplib
from email.message import EmailMessage
from email.utils import formatdate

from flask import current_app


class SendError(Exception):
    """The server did not take the message; ``permanent`` when retrying cannot help (the server
    refused the address or the message with a 5xx; a refused login is retried: it is configuration)."""

    def __init__(self, message: str, permanent: bool = False, unreachable: bool = False):
        super().__init__(message)
        self.permanent = permanent
        self.unreachable = unreachable


def build(row) -> EmailMessage:
    """The message for an outbox row: text and HTML alternatives, its stored Message-ID and headers
    (``List-Unsubscribe`` for notification mail). No ``Reply-To``: replies are not read."""
    msg = EmailMessage()
    msg["From"] = current_app.config["MAIL_FROM"]
    msg["To"] = row.to_address
    msg["Subject"] = row.subject
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = row.message_id
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(row.text_body)
    if row.html_body:
        msg.add_alternative(row.html_body, subtype="html")
    for name, value in (row.headers or {}).items():  # after the bodies: they reset Content-* headers
        msg[name] = value
    return msg


def transmit(msg: EmailMessage, name: str) -> None:
    """Hand ``msg`` over; returns only once the server accepted it (or the file is written)."""
    cfg = current_app.config
    if not cfg.get("MAIL_SERVER"):
        _write_file(msg, name)
        return
    try:
        with smtplib.SMTP(cfg["MAIL_SERVER"], cfg["MAIL_PORT"], timeout=cfg["MAIL_TIMEOUT_SECONDS"]) as smtp:
            if cfg["MAIL_USE_TLS"]:
                smtp.starttls()
            if cfg.get("MAIL_USERNAME"):
                smtp.login(cfg["MAIL_USERNAME"], cfg.get("MAIL_PASSWORD") or "")
            smtp.send_message(msg)
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _ in exc.recipients.values()]
        raise SendError(f"recipient refused: {exc.recipients}", permanent=all(c >= 500 for c in codes)) from exc
    except smtplib.SMTPDataError as exc:  # the message itself refused; a 5xx will be refused again
        raise SendError(f"{exc.smtp_code} {exc.smtp_error!r}", permanent=exc.smtp_code >= 500) from exc
    except (smtplib.SMTPConnectError, smtplib.SMTPServerDisconnected, OSError) as exc:
        raise SendError(f"{type(exc).__name__}: {exc}", unreachable=True) from exc
    except smtplib.SMTPException as exc:
        raise SendError(f"{type(exc).__name__}: {exc}") from exc


def _write_file(msg: EmailMessage, name: str) -> None:
    folder = os.path.join(current_app.instance_path, "outbox")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, f"{name}.eml")
    tmp = path + ".tmp"
    with open(tmp, "wb") as fh:
        fh.write(msg.as_bytes())
    os.replace(tmp, path)
