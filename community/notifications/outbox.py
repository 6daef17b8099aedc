"""The mail outbox: e-mail written in the transaction of its cause, delivered later.

Interface used by the rest of the notifications package and by account mail (members):
``queue_notification`` and ``queue_account_mail``. Delivery (``send_due``), retries, bursts,
digests and the background drain live here and in the modules next to it.
"""

from __future__ import annotations


def queue_notification(notification) -> None:
    """Queue the e-mail telling ``notification.recipient`` of it, when their setting for its kind
    is "immediate" and their address is confirmed; a burst for one recipient goes out as one mail."""
    raise NotImplementedError


def queue_account_mail(user, kind: str, subject: str, template: str, **context) -> None:
    """Queue an account e-mail (address confirmation, password reset, security notice) to ``user``,
    sent at once and whatever their notification settings; ``template`` names
    ``templates/mail/<template>.txt`` and ``.html``, rendered in the member's language."""
    raise NotImplementedError
