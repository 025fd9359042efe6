"""Plain text, Markdown and HTML: exact text for .txt/.md, main text and metadata for HTML."""

import logging

from treatywatch.core.extract import Extracted, Skipped, extract_bytes


def only(results):
    items = list(results)
    assert len(items) == 1, items
    return items[0]


def test_txt_text_is_exactly_the_decoded_file_so_offsets_index_it():
    """A .txt keeps BOM, CRLF, tabs, decomposed accents and trailing spaces untouched."""
    content = "\ufeffThe Ljubljana\u2013The Hague Convention\r\n\tLjubljana\u0301  \n\n"
    result = only(extract_bytes(content.encode("utf-8"), "notes.txt"))
    assert isinstance(result, Extracted)
    assert result.format == "txt"
    assert result.text == content
    start = result.text.index("Ljubljana")
    assert content.encode("utf-8").decode("utf-8")[start : start + 9] == "Ljubljana"


def test_markdown_text_is_unchanged_and_its_heading_becomes_the_title():
    """A .md keeps its markup in the text; the first heading is offered as the title."""
    content = "Intro line\n\n## Ljubljana – The Hague Convention ##\n\n*Signed* in 2024.\n"
    result = only(extract_bytes(content.encode(), "post.md"))
    assert isinstance(result, Extracted)
    assert (result.format, result.text, result.title) == (
        "md",
        content,
        "Ljubljana – The Hague Convention",
    )


def test_markdown_front_matter_title_wins_over_headings():
    """YAML front matter's title is preferred to the first heading."""
    content = "---\ntitle: 'Pledge report'\ndate: 2024-10-30\n---\n# Other heading\n"
    assert only(extract_bytes(content.encode(), "r.md")).title == "Pledge report"


def test_non_utf8_text_is_decoded_by_detection_and_logged(caplog):
    """A cp1250 Slovenian text is decoded correctly and a warning names the file and codec."""
    content = (
        "Ljubljansko-haaška konvencija o mednarodnem sodelovanju pri preiskovanju in "
        "pregonu genocida, hudodelstev zoper človečnost in vojnih hudodelstev. Podpisalo jo je "
        "že štirideset držav, ratificirala pa jo je Latvija."
    )
    with caplog.at_level(logging.WARNING, logger="treatywatch.core.extract"):
        result = only(extract_bytes(content.encode("cp1250"), "sl.txt"))
    assert isinstance(result, Extracted)
    assert result.text == content
    assert "sl.txt" in caplog.text and "not UTF-8" in caplog.text


def test_binary_bytes_named_txt_are_skipped_not_garbled():
    """Random binary content with a .txt name is reported as not text."""
    result = only(extract_bytes(bytes(range(256)) * 8, "data.txt"))
    assert isinstance(result, Skipped)
    assert result.reason.startswith("not text")


def test_empty_file_is_skipped_whatever_its_extension():
    """Zero bytes is Skipped('empty file') for .txt and .pdf alike."""
    for name in ("empty.txt", "empty.pdf", "empty"):
        assert only(extract_bytes(b"", name)) == Skipped(name, "empty file")


ARTICLE = """<!DOCTYPE html>
<html lang="hr-HR"><head>
<meta charset="utf-8">
<title>Konvencija | Vjesnik</title>
<link rel="canonical" href="https://vjesnik.example/konvencija">
<meta name="author" content="Ivana Horvat">
<meta property="og:site_name" content="Vjesnik">
<meta property="article:published_time" content="2024-02-14T09:00:00+01:00">
</head><body>
<nav><a href="/">Naslovnica</a> <a href="/sport">Sport</a></nav>
<article><h1>Hrvatska potpisala Ljubljansko-hašku konvenciju</h1>
<p>Hrvatska je u Haagu potpisala Ljubljansko-hašku konvenciju o međunarodnoj suradnji
u istrazi i progonu genocida, zločina protiv čovječnosti i ratnih zločina.</p>
<p>Konvencija je usvojena u Ljubljani 26. svibnja 2023. nakon dva tjedna pregovora,
a depozitar je Kraljevina Belgija.</p>
</article>
<footer>Sva prava pridržana. Kolačići i privatnost.</footer>
</body></html>"""


def test_html_main_text_and_metadata():
    """trafilatura keeps the article, drops navigation and footer, and reads the metadata."""
    result = only(extract_bytes(ARTICLE.encode(), "page.html"))
    assert isinstance(result, Extracted)
    assert result.format == "html"
    assert "Ljubljansko-hašku konvenciju o međunarodnoj suradnji" in " ".join(result.text.split())
    assert "Naslovnica" not in result.text and "Kolačići" not in result.text
    assert result.title == "Hrvatska potpisala Ljubljansko-hašku konvenciju"
    assert result.author == "Ivana Horvat"
    assert result.published == "2024-02-14"
    assert result.site == "Vjesnik"
    assert result.url == "https://vjesnik.example/konvencija"
    assert result.language == "hr-HR"


def test_html_that_trafilatura_finds_empty_falls_back_to_a_text_dump():
    """A page of short fragments still yields its visible text, without scripts or styles."""
    page = (
        b"<html><head><title>Links</title><style>p{color:red}</style>"
        b"<script>var hidden = 'script text';</script></head>"
        b"<body><div>MLA</div><div>Ljubljana</div></body></html>"
    )
    result = only(extract_bytes(page, "tiny.htm"))
    assert isinstance(result, Extracted)
    assert "MLA" in result.text and "Ljubljana" in result.text
    assert "script text" not in result.text and "color" not in result.text
    assert result.title == "Links"


def test_html_in_a_declared_legacy_charset_is_decoded():
    """A windows-1251 page declared in a meta tag decodes to proper Cyrillic."""
    body = "Люблянско-Хагская конвенция о международном сотрудничестве. " * 5
    page = (
        '<html lang="ru"><head><meta charset="windows-1251"><title>Конвенция</title></head>'
        f"<body><article><p>{body}</p></article></body></html>"
    ).encode("windows-1251")
    result = only(extract_bytes(page, "ru.html"))
    assert isinstance(result, Extracted)
    assert "Люблянско-Хагская" in result.text
    assert result.language == "ru"


def test_html_without_extension_is_recognised_by_content():
    """A page saved with no extension is still read as HTML."""
    result = only(extract_bytes(ARTICLE.encode(), "download"))
    assert isinstance(result, Extracted) and result.format == "html"
