"""What an advisor needs to know of the customer's device, read from the User-Agent header with
ua-parser (the maintained port of the Browserscope rules): its kind, system and browser."""

from __future__ import annotations

from ua_parser import parse

KINDS = ("phone", "tablet", "computer", "bot", "unknown")


def _version(family: str, *parts: str | None) -> str:
    numbers = [part for part in parts if part]
    return " ".join([family, ".".join(numbers)]) if numbers else family


def _kind(ua: str, result) -> str:
    device = result.device
    family = device.family if device else ""
    brand = (device.brand or "") if device else ""
    system = result.os.family if result.os else ""
    if family == "Spider":
        return "bot"
    if family == "iPad" or "tablet" in brand.lower() or "Tablet" in ua or "Kindle" in family:
        return "tablet"
    if system == "Android" and "Mobile" not in ua:
        return "tablet"  # Android tablets leave "Mobile" out of their User-Agent
    if family == "iPhone" or system in ("iOS", "Android") or "Mobile" in ua:
        return "phone"
    if result.user_agent or result.os:
        return "computer"
    return "unknown"


def summary(user_agent: str | None) -> dict:
    """``{"kind", "system", "browser"}``: e.g. phone, "iOS 17.4", "Mobile Safari 17"; empty
    strings for what the header does not tell."""
    ua = (user_agent or "")[:1000]
    if not ua.strip():
        return {"kind": "unknown", "system": "", "browser": ""}
    result = parse(ua)
    system = _version(result.os.family, result.os.major, result.os.minor) if result.os else ""
    browser = _version(result.user_agent.family, result.user_agent.major) if result.user_agent else ""
    return {"kind": _kind(ua, result), "system": system, "browser": browser}
