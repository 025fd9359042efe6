"""Builders for small files of every format, made at test time so no binary is committed."""

from __future__ import annotations

import email
import email.policy
import gzip
import io
import zipfile
from email.message import EmailMessage

import docx
from pypdf import PdfReader, PdfWriter
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[str], title: str | None = None, author: str | None = None) -> bytes:
    """A minimal valid PDF: one Helvetica text line per page, xref offsets computed."""
    objects: list[bytes] = []
    page_ids = [3 + 2 * index for index in range(len(pages))]
    font_id = 3 + 2 * len(pages)
    info_id = font_id + 1
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    for pid, text in zip(page_ids, pages, strict=True):
        stream = f"BT /F1 12 Tf 72 720 Td ({_pdf_escape(text)}) Tj ET".encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {pid + 1} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        objects.append(
            b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream"
        )
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    info = ["/CreationDate (D:20240214100000Z)"]
    if title:
        info.append(f"/Title ({_pdf_escape(title)})")
    if author:
        info.append(f"/Author ({_pdf_escape(author)})")
    objects.append(f"<< {' '.join(info)} >>".encode("latin-1"))
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {info_id} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def encrypt_pdf(pdf: bytes, user_password: str, owner_password: str = "owner") -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    # RC4 needs no optional crypto library, so the test runs wherever pypdf does.
    writer.encrypt(user_password, owner_password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_docx(paragraphs: list[str], table: list[list[str]] | None = None, **props: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
        document.add_paragraph("After the table.")
    for name, value in props.items():
        setattr(document.core_properties, name, value)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content
  xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2">
 <office:body><office:text>
  <text:h text:outline-level="1">{heading}</text:h>
  <text:p>{first}<text:s text:c="2"/>spaced<text:tab/>tabbed</text:p>
  <text:list><text:list-item><text:p>A list item</text:p></text:list-item></text:list>
  <table:table><table:table-row>
   <table:table-cell><text:p>Cell one</text:p></table:table-cell>
   <table:table-cell><text:p>Cell two</text:p></table:table-cell>
  </table:table-row></table:table>
 </office:text></office:body>
</office:document-content>"""

ODT_META = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0">
 <office:meta><dc:title>{title}</dc:title><meta:initial-creator>{author}</meta:initial-creator>
  <meta:creation-date>2024-02-15T09:30:00</meta:creation-date><dc:language>hr</dc:language>
 </office:meta>
</office:document-meta>"""


def make_odt(heading: str, first: str, title: str = "", author: str = "") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        # ODF wants the mimetype first and stored, as real office suites write it.
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED
        )
        archive.writestr("content.xml", ODT_CONTENT.format(heading=heading, first=first))
        archive.writestr("meta.xml", ODT_META.format(title=title, author=author))
    return out.getvalue()


def make_eml(
    subject: str,
    plain: str | None,
    html: str | None = None,
    attachments: list[tuple[str, bytes, str]] | None = None,
) -> bytes:
    message = EmailMessage()
    message["From"] = "Ana Novak <ana.novak@example.si>"
    message["To"] = "desk@example.org"
    message["Subject"] = subject
    message["Date"] = "Wed, 14 Feb 2024 10:00:00 +0100"
    if plain is not None:
        message.set_content(plain)
        if html is not None:
            message.add_alternative(html, subtype="html")
    elif html is not None:
        message.set_content(html, subtype="html")
    for name, payload, mime in attachments or []:
        maintype, subtype = mime.split("/")
        if mime == "message/rfc822":
            attached = email.message_from_bytes(payload, policy=email.policy.default)
            message.add_attachment(attached, filename=name)
        else:
            message.add_attachment(payload, maintype=maintype, subtype=subtype, filename=name)
    # set_content drops Content-* headers, so this one goes on last.
    message["Content-Language"] = "en"
    return message.as_bytes()


def make_warc(records: list[dict[str, object]], *, compress: bool = True) -> bytes:
    """WARC records written by warcio: kind is response, request, resource or conversion."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress, warc_version="WARC/1.0")
    for spec in records:
        kind = str(spec["kind"])
        url = str(spec["url"])
        payload = spec["payload"]
        assert isinstance(payload, bytes)
        extra = dict(spec.get("headers", {}))  # type: ignore[call-overload]
        http = None
        if kind in ("response", "request"):
            status = str(spec.get("status", "200 OK"))
            http_headers = [("Content-Type", str(spec.get("content_type", "text/html")))]
            http = (
                StatusAndHeaders(status, http_headers, protocol="HTTP/1.1")
                if kind == "response"
                else StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True)
            )
        elif "content_type" in spec:
            extra["Content-Type"] = str(spec["content_type"])
        record = writer.create_warc_record(
            url, kind, payload=io.BytesIO(payload), http_headers=http, warc_headers_dict=extra
        )
        writer.write_record(record)
    return out.getvalue()


def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def gz_of(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)
