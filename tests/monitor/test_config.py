"""The monitor configuration: the shipped example loads, bad files name file, line and field."""

import textwrap

import pytest

from treatywatch.monitor.config import (
    EXAMPLE_CONFIG,
    KINDS,
    ConfigError,
    lexicon_languages,
    load_config,
    parse_config,
)

GOOD = """\
[monitor]
contact = "mailto:monitor@example.org"
rate_limit_seconds = 0.5

[[source]]
name = "news"
kind = "feed"
url = "https://news.example.org/rss"
"""


def problems(text: str) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        parse_config(textwrap.dedent(text), "monitor.toml")
    return [str(problem) for problem in caught.value.problems]


def test_the_shipped_example_loads_and_shows_every_kind():
    """The documented example is valid and has one source of each kind."""
    config = load_config(EXAMPLE_CONFIG)
    assert {source.kind for source in config.sources} == set(KINDS)
    assert config.fetch.contact.startswith("https://")
    assert config.fetch.host_intervals == {"api.gdeltproject.org": 6.0}
    treaty_db = config.source("nl-treaty-database")
    assert treaty_db is not None
    assert "https://verdragen.nl/en/Treaty/Details/013717_p.html" in treaty_db.options["urls"]
    assert not config.fetch.allow_loopback and not config.fetch.allow_private


def test_defaults_fill_in_what_is_not_written():
    config = parse_config(GOOD, "monitor.toml")
    (source,) = config.sources
    assert source.options == {
        "url": "https://news.example.org/rss",
        "fetch_pages": True,
        "max_items": 200,
    }
    assert source.reference_kind == "public-domain" and source.enabled
    assert config.fetch.rate_limit_seconds == 0.5 and config.fetch.retries == 3
    assert "TreatyWatch/" in config.fetch.user_agent
    assert "mailto:monitor@example.org" in config.fetch.user_agent


def test_gdelt_without_languages_takes_every_lexicon_language():
    config = parse_config(GOOD + '\n[[source]]\nname = "g"\nkind = "gdelt"\n', "m.toml")
    assert config.sources[1].options["languages"] == lexicon_languages()
    assert len(lexicon_languages()) >= 15


def test_every_problem_names_the_line_the_source_and_the_field():
    """Unknown kind, bad URL, duplicate name, unknown field, wrong type and a missing contact:
    all reported at once, each at its own line."""
    found = problems(
        """\
        [monitor]
        retries = "three"

        [[source]]
        name = "a"
        kind = "feed"
        url = "ftp://example.org/feed"
        colour = "blue"

        [[source]]
        name = "a"
        kind = "gdelt"
        languages = ["en", "xx"]

        [[source]]
        name = "b"
        kind = "telepathy"
        """
    )
    assert found == [
        "monitor.toml:1: monitor contact: required",
        "monitor.toml:2: monitor retries: expected a whole number",
        "monitor.toml:8: [source a] colour: unknown field for a feed source; expected one of: "
        "url, fetch_pages, max_items, name, kind, enabled, language, country, reference_kind, "
        "forum, publisher",
        "monitor.toml:7: [source a] url: 'ftp://example.org/feed' is not an http(s) URL",
        "monitor.toml:11: [source a] name: 'a' is already the name of the source on line 4",
        "monitor.toml:13: [source a] languages: no lexicon for 'xx'; known: "
        + ", ".join(lexicon_languages()),
        "monitor.toml:17: [source b] kind: unknown kind 'telepathy'; expected one of: feed, "
        "sitemap, url, gdelt, undl, commoncrawl, files, treaty-database, watch-page",
    ]


def test_a_toml_syntax_error_gives_its_line():
    assert problems('[monitor]\ncontact = "x\n') == [
        "monitor.toml:2: toml: Illegal character '\\n'"
    ]


def test_a_missing_source_list_and_a_missing_file_are_reported(tmp_path):
    assert problems('[monitor]\ncontact = "mailto:a@b.org"\n') == [
        "monitor.toml:0: source: required: at least one [[source]] table"
    ]
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "absent.toml")
    assert str(caught.value.problems[0]).endswith("absent.toml:0: file: no such file")


def test_every_setting_kind_and_field_is_documented():
    """docs/monitor.md names each [monitor] field, each source kind and each of its fields."""
    from pathlib import Path

    from treatywatch.monitor.config import COMMON, SETTINGS

    docs = (Path(__file__).resolve().parents[2] / "docs" / "monitor.md").read_text()
    missing = [f"monitor.{key}" for key in SETTINGS if f"`{key}`" not in docs]
    missing += [f"source.{key}" for key in COMMON if f"`{key}`" not in docs]
    for kind, fields in KINDS.items():
        if f"`{kind}`" not in docs:
            missing.append(kind)
        missing += [f"{kind}.{key}" for key in fields if f"`{key}`" not in docs]
    assert not missing, f"undocumented in docs/monitor.md: {missing}"
