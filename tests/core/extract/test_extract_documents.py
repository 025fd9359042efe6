"""PDF, DOCX, ODT and e-mail, including the encrypted, corrupt and oversized cases."""

from makers import encrypt_pdf, make_docx, make_eml, make_odt, make_pdf

from treatywatch.core.extract import Extracted, Limits, Skipped, extract_bytes


def only(results):
    items = list(results)
    assert len(items) == 1, items
    return items[0]


def test_pdf_pages_are_joined_by_form_feeds_with_metadata():
    """Each page's text is kept, pages are separated by \\f, and Info gives title and date."""
    pdf = make_pdf(
        ["Ljubljana - The Hague Convention", "Signed in The Hague (2024)"],
        title="Signature ceremony",
        author="Ministry of Justice",
    )
    result = only(extract_bytes(pdf, "ceremony.pdf"))
    assert isinstance(result, Extracted)
    assert result.format == "pdf"
    pages = result.text.split("\f")
    assert len(pages) == 2
    assert "Ljubljana - The Hague Convention" in pages[0]
    assert "Signed in The Hague (2024)" in pages[1]
    assert (result.title, result.author, result.published) == (
        "Signature ceremony",
        "Ministry of Justice",
        "2024-02-14",
    )


def test_pdf_over_the_page_limit_is_skipped():
    """A PDF with more pages than max_pdf_pages is reported, not read."""
    pdf = make_pdf(["one", "two", "three"])
    result = only(extract_bytes(pdf, "long.pdf", Limits(max_pdf_pages=2)))
    assert result == Skipped("long.pdf", "over page limit: 3 pages > 2")


def test_pdf_encrypted_with_a_user_password_is_skipped():
    """A PDF that needs a password to open is Skipped('encrypted PDF')."""
    pdf = encrypt_pdf(make_pdf(["secret text"]), user_password="secret")
    assert only(extract_bytes(pdf, "locked.pdf")) == Skipped("locked.pdf", "encrypted PDF")


def test_pdf_with_only_an_owner_password_is_read_like_any_viewer_would():
    """Owner-only restrictions (empty user password) do not stop extraction."""
    pdf = encrypt_pdf(make_pdf(["public text"]), user_password="")
    result = only(extract_bytes(pdf, "restricted.pdf"))
    assert isinstance(result, Extracted) and "public text" in result.text


def test_corrupt_pdf_is_skipped_with_the_reason():
    """A PDF header followed by garbage is Skipped with a 'corrupt PDF' reason."""
    result = only(extract_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4, "broken.pdf"))
    assert isinstance(result, Skipped)
    assert result.reason.startswith("corrupt PDF")


def test_truncated_pdf_never_raises():
    """Half a PDF either yields some text or a Skipped, never an exception."""
    pdf = make_pdf(["first page text", "second page text"])
    result = only(extract_bytes(pdf[: len(pdf) // 2], "half.pdf"))
    assert isinstance(result, Extracted | Skipped)


def test_docx_paragraphs_and_tables_in_document_order():
    """Paragraphs come first, then table rows as tab-separated cells, then later paragraphs."""
    data = make_docx(
        ["Ljubljana – The Hague Convention", "Second paragraph."],
        table=[["State", "Signed"], ["Slovenia", "14 February 2024"]],
        title="Signatories",
        author="Desk officer",
    )
    result = only(extract_bytes(data, "list.docx"))
    assert isinstance(result, Extracted)
    assert result.format == "docx"
    lines = result.text.split("\n")
    assert lines == [
        "Ljubljana – The Hague Convention",
        "Second paragraph.",
        "State\tSigned",
        "Slovenia\t14 February 2024",
        "After the table.",
    ]
    assert (result.title, result.author) == ("Signatories", "Desk officer")


def test_odt_text_with_encoded_spaces_lists_tables_and_metadata():
    """content.xml headings, paragraphs, list items and table rows come out; meta.xml too."""
    data = make_odt(
        "Konvencija iz Ljubljane i Haaga", "Prvi odlomak", title="Bilješka", author="Ana"
    )
    result = only(extract_bytes(data, "note.odt"))
    assert isinstance(result, Extracted)
    assert result.format == "odt"
    assert result.text.split("\n") == [
        "Konvencija iz Ljubljane i Haaga",
        "Prvi odlomak  spaced\ttabbed",
        "A list item",
        "Cell one\tCell two",
    ]
    assert (result.title, result.author, result.published, result.language) == (
        "Bilješka",
        "Ana",
        "2024-02-15",
        "hr",
    )


def test_office_files_with_the_wrong_extension_are_read_by_content():
    """A DOCX named .pdf and a PDF named .txt are each read as what they really are."""
    docx_result = only(extract_bytes(make_docx(["Really a Word file"]), "misnamed.pdf"))
    pdf_result = only(extract_bytes(make_pdf(["Really a PDF"]), "misnamed.txt"))
    assert isinstance(docx_result, Extracted) and docx_result.format == "docx"
    assert "Really a Word file" in docx_result.text
    assert isinstance(pdf_result, Extracted) and pdf_result.format == "pdf"
    assert "Really a PDF" in pdf_result.text


def test_email_plain_body_and_headers():
    """Subject is the title, Date the published day, From the author; the plain part is text."""
    data = make_eml(
        "Latvia ratifies the MLA Convention",
        "Latvia deposited its instrument on 28 August 2025.\n",
        html="<p>HTML version that should not be used</p>",
    )
    result = only(extract_bytes(data, "mail.eml"))
    assert isinstance(result, Extracted)
    assert result.format == "eml"
    assert result.text.strip() == "Latvia deposited its instrument on 28 August 2025."
    assert result.title == "Latvia ratifies the MLA Convention"
    assert result.published == "2024-02-14"
    assert result.author == "Ana Novak <ana.novak@example.si>"
    assert result.language == "en"


def test_email_with_only_html_goes_through_the_html_extractor():
    """Without a plain part, the HTML part's visible text is used, without tags."""
    data = make_eml("HTML only", None, html="<html><body><p>Signed in Brussels.</p></body></html>")
    result = only(extract_bytes(data, "html.eml"))
    assert isinstance(result, Extracted)
    assert "Signed in Brussels." in result.text and "<p>" not in result.text


def test_email_attachments_are_extracted_recursively():
    """A DOCX and a nested e-mail attached to a message each yield their own result."""
    inner = make_eml("Forwarded note", "Inner message about Ljubljana.\n")
    data = make_eml(
        "With attachments",
        "See attached.\n",
        attachments=[
            (
                "brief.docx",
                make_docx(["Attached brief on the Convention"]),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ),
            ("forward.eml", inner, "message/rfc822"),
        ],
    )
    results = list(extract_bytes(data, "thread.eml"))
    by_source = {r.source: r for r in results}
    assert list(by_source) == ["thread.eml", "thread.eml!brief.docx", "thread.eml!forward.eml"]
    assert by_source["thread.eml"].text.strip() == "See attached."
    assert "Attached brief" in by_source["thread.eml!brief.docx"].text
    forwarded = by_source["thread.eml!forward.eml"]
    assert forwarded.title == "Forwarded note"
    assert "Inner message about Ljubljana." in forwarded.text


def test_email_with_a_base64_encoded_attached_message_is_still_read():
    """A message/rfc822 part wrongly sent as base64 is decoded and read as an e-mail."""
    import base64

    inner = make_eml("Encoded forward", "Body of the encoded forward.\n")
    outer = (
        b"From: a@example.org\r\nSubject: Outer\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain\r\n\r\nOuter body\r\n"
        b"--b\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n"
        b"Content-Disposition: attachment; filename=fwd.eml\r\n\r\n"
        + base64.encodebytes(inner)
        + b"--b--\r\n"
    )
    results = list(extract_bytes(outer, "outer.eml"))
    assert [r.source for r in results] == ["outer.eml", "outer.eml!fwd.eml"]
    assert results[1].title == "Encoded forward"
    assert "Body of the encoded forward." in results[1].text
