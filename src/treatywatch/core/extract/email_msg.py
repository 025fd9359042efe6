"""E-mail (.eml): subject, date and sender as metadata; plain parts, else HTML; attachments too."""

from __future__ import annotations

import base64
import email
import email.policy
import quopri
from collections.abc import Iterator
from email.message import EmailMessage, Message
from email.utils import parsedate_to_datetime

from treatywatch.core.extract.context import Context
from treatywatch.core.extract.html_page import extract_html
from treatywatch.core.extract.records import Extracted, Result


def _header(message: Message, name: str) -> str | None:
    try:
        value = message.get(name)
    except Exception:  # a malformed header is dropped, not fatal
        return None
    return " ".join(str(value).split()) or None if value is not None else None


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _part_bytes(part: Message) -> bytes:
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""


def _part_text(part: Message) -> str:
    charset = part.get_content_charset() or "utf-8"
    raw = _part_bytes(part)
    try:
        return raw.decode(charset, errors="replace")
    except LookupError:  # an unknown charset name in the header
        return raw.decode("utf-8", errors="replace")


def _is_attachment(part: Message) -> bool:
    disposition = (part.get_content_disposition() or "").lower()
    return disposition == "attachment" or (
        disposition != "inline" and part.get_filename() is not None
    )


def _leaves(part: Message) -> Iterator[Message]:
    """Leaf parts in order; an attached message is one leaf, not mixed into this body."""
    if part.get_content_type() == "message/rfc822" or not part.is_multipart():
        yield part
        return
    payload = part.get_payload()
    for sub in payload if isinstance(payload, list) else []:
        if isinstance(sub, Message):
            yield from _leaves(sub)


def _attached_message(part: Message) -> bytes:
    encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    payload = part.get_payload()
    if isinstance(payload, list) and payload and isinstance(payload[0], Message):
        inner = payload[0].as_bytes()
        # RFC 2046 forbids encoding message/rfc822, but some clients base64 it anyway.
        if encoding == "base64":
            return base64.b64decode(inner, validate=False)
        if encoding == "quoted-printable":
            return quopri.decodestring(inner)
        return inner
    return _part_bytes(part)


def extract_eml(data: bytes, source: str, ctx: Context) -> Iterator[Result]:
    message: EmailMessage = email.message_from_bytes(data, policy=email.policy.default)
    plain: list[str] = []
    html: list[bytes] = []
    attachments: list[tuple[str, bytes]] = []
    for index, part in enumerate(_leaves(message)):
        content_type = part.get_content_type()
        if content_type == "message/rfc822":
            name = part.get_filename() or f"attachment-{index}.eml"
            attachments.append((name, _attached_message(part)))
        elif _is_attachment(part):
            attachments.append((part.get_filename() or f"attachment-{index}", _part_bytes(part)))
        elif content_type == "text/plain":
            plain.append(_part_text(part))
        elif content_type == "text/html":
            html.append(_part_text(part).encode("utf-8"))
    if plain:
        text = "\n\n".join(plain)
    else:
        text = "\n\n".join(
            result.text
            for body in html
            if isinstance(result := extract_html(body, source, charset="utf-8"), Extracted)
        )
    yield Extracted(
        source=source,
        text=text,
        format="eml",
        title=_header(message, "Subject"),
        published=_iso_date(_header(message, "Date")),
        author=_header(message, "From"),
        language=_header(message, "Content-Language"),
    )
    for name, payload in attachments:
        yield from ctx.extract_member(payload, f"{source}!{name}")
