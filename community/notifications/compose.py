"""What an e-mail says: subject, text and HTML bodies from ``templates/mail/``, in the member's language.

Absolute links name the site's configured address, never the host of the request being served
(a forged ``Host`` header must not end up in a password-reset link): ``SERVER_NAME`` with
``PREFERRED_URL_SCHEME`` (and ``APPLICATION_ROOT``) when set, as the contract says, else
``SITE_URL``. Rendering needs an app context only, so the background sender can do it.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from flask import current_app
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _

from community.members.models import shown
from community.notifications import kinds


@dataclass(frozen=True)
class Mail:
    subject: str
    text: str
    html: str
    language: str

    @property
    def headers(self) -> dict:
        return {"Content-Language": self.language}


def language(user) -> str:
    """The member's language, else the site's default."""
    if user is not None and user.locale in current_app.config["LANGUAGES"]:
        return user.locale
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def _base() -> tuple[str, str, str]:
    cfg = current_app.config
    if cfg.get("SERVER_NAME"):
        return cfg.get("PREFERRED_URL_SCHEME") or "http", cfg["SERVER_NAME"], cfg.get("APPLICATION_ROOT") or "/"
    parts = urlsplit(cfg.get("SITE_URL") or "http://localhost:5000")
    return parts.scheme or "http", parts.netloc, parts.path or "/"


def external_url(endpoint: str, **values) -> str:
    """``url_for(endpoint, _external=True)`` on the configured address, inside a request or not."""
    scheme, netloc, root = _base()
    adapter = current_app.url_map.bind(netloc, script_name=root, url_scheme=scheme)
    return adapter.build(endpoint, values, force_external=True)


def absolute(url: str) -> str:
    """A site path (``/questions/3/…``) made absolute; absolute URLs are kept."""
    if urlsplit(url).scheme:
        return url
    scheme, netloc, root = _base()
    return f"{scheme}://{netloc}{root.rstrip('/')}/{url.lstrip('/')}"


def mail_domain() -> str:
    """The host part of this site's Message-IDs."""
    return _base()[1].split(":")[0] or "localhost"


def render(template: str, **context) -> tuple[str, str]:
    """``templates/mail/<template>.txt`` and ``.html`` (context processors left out: no request here)."""
    env = current_app.jinja_env
    context.setdefault("site_name", _("Néolia Entraide"))
    context.setdefault("home_url", absolute("/"))
    context.update(absolute=absolute, external_url=external_url)
    text = env.get_template(f"mail/{template}.txt").render(**context)
    html = env.get_template(f"mail/{template}.html").render(**context)
    return text.strip() + "\n", html


def _actor_name(notification) -> str:
    return notification.actor.display_name if shown(notification.actor) is not None else _("Someone")


def sentence(notification) -> str:
    """How one notification reads: "Marc Dubreuil answered your question"."""
    kind = kinds.get(notification.kind)
    if kind is None:
        return _("%(actor)s did something you follow", actor=_actor_name(notification))
    return str(kind.sentence) % {"actor": _actor_name(notification)}


def _item(notification) -> dict:
    return {
        "sentence": sentence(notification),
        "title": notification.title,
        "excerpt": notification.excerpt,
        "url": absolute(notification.url),
    }


def notification_mail(user, notifications: list, unsubscribe_url: str) -> Mail:
    """One notification, or a burst of one kind, to ``user``."""
    lang = language(user)
    with force_locale(lang):
        items = [_item(n) for n in notifications]
        kind = kinds.get(notifications[0].kind)
        label = str(kind.label) if kind else notifications[0].kind
        if len(items) == 1:
            subject = _("%(what)s: %(title)s", what=items[0]["sentence"], title=items[0]["title"])
        else:
            subject = ngettext(
                "%(num)d new notification: %(label)s", "%(num)d new notifications: %(label)s", len(items), label=label
            )
        text, html = render(
            "notification",
            user=user,
            items=items,
            subject=subject,
            reason=_('You get this e-mail because "%(label)s" is set to "at once" in your settings.', label=label),
            unsubscribe_url=unsubscribe_url,
            unsubscribe_label=_("Stop these e-mails"),
            settings_url=external_url("mail.settings"),
            notifications_url=absolute("/notifications"),
        )
        return Mail(subject, text, html, lang)


def digest_mail(user, notifications: list, unsubscribe_url: str) -> Mail:
    """The daily summary of the kinds ``user`` set to "digest", grouped by kind in catalogue order."""
    lang = language(user)
    with force_locale(lang):
        groups: dict[str, list] = {}
        for notification in sorted(notifications, key=lambda n: (kinds.PRIORITY.get(n.kind, 99), n.id)):
            groups.setdefault(notification.kind, []).append(notification)
        sections = [
            {"label": str(kinds.get(key).label) if kinds.get(key) else key, "items": [_item(n) for n in found]}
            for key, found in groups.items()
        ]
        subject = ngettext(
            "Your daily summary: %(num)d notification", "Your daily summary: %(num)d notifications", len(notifications)
        )
        text, html = render(
            "digest",
            user=user,
            sections=sections,
            subject=subject,
            reason=_(
                'You get this summary because some kinds of notification are set to "daily summary" in your settings.'
            ),
            unsubscribe_url=unsubscribe_url,
            unsubscribe_label=_("Stop the daily summary"),
            settings_url=external_url("mail.settings"),
            notifications_url=absolute("/notifications"),
        )
        return Mail(subject, text, html, lang)


def account_mail(user, subject, template: str, **context) -> Mail:
    """An account e-mail; ``subject`` may be a lazy string, translated here in the member's language."""
    lang = language(user)
    with force_locale(lang):
        subject = str(subject)
        text, html = render(
            template,
            user=user,
            subject=subject,
            reason=_("You get this e-mail because it concerns your account."),
            **context,
        )
        return Mail(subject, text, html, lang)
