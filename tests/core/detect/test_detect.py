"""The detector on forms, dashes, hyphenation, entities, inflection and hard negatives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from treatywatch.core.detect import Detector, Mention, default_detector, detect


def _found(text: str, lang: str | None = None) -> list[str]:
    mentions = detect(text, lang)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
    return [mention.text for mention in mentions]


def _one(text: str, lang: str | None = None) -> Mention:
    mentions = detect(text, lang)
    assert len(mentions) == 1, mentions
    return mentions[0]


FULL_TITLE_VARIANTS = [
    "Ljubljana - The Hague Convention on International Cooperation in the Investigation and "
    "Prosecution of the Crime of Genocide, Crimes against Humanity, War Crimes and other "
    "International Crimes",
    # without 'the Crime of', lower-case 'the', serial comma
    "Ljubljana-the Hague Convention on International Cooperation in the Investigation and "
    "Prosecution of Genocide, Crimes against Humanity, War Crimes, and other International Crimes",
    # plural 'Crimes of Genocide', em dash, line breaks inside
    "Ljubljana—The Hague Convention on International\nCooperation in the Investigation and\n"
    "Prosecution of the Crimes of Genocide, Crimes against Humanity, War Crimes and other "
    "International Crimes",
]


@pytest.mark.parametrize("title", FULL_TITLE_VARIANTS)
def test_full_title_variants_are_one_full_mention(title: str) -> None:
    """Each usual variation of the full title is found whole, as form 'full', in English."""
    text = f"Belgium is the depositary of the {title}. It was adopted in 2023."
    mention = _one(text)
    assert mention.text == title
    assert (mention.form, mention.lang) == ("full", "en")


def test_full_title_without_cities_and_draft_title() -> None:
    """The title without city names and the pre-2023 draft title count as full mentions."""
    current = (
        "the Convention on International Cooperation in the Investigation and Prosecution of "
        "Genocide, Crimes against Humanity, War Crimes and other International Crimes was adopted"
    )
    draft = (
        "a draft Convention on International Cooperation in the Investigation and Prosecution "
        "of the Crime of Genocide, Crimes against Humanity and War Crimes was circulated"
    )
    for text in (current, draft):
        mention = _one(text)
        assert mention.text.startswith("Convention on International Cooperation")
        assert mention.form == "full"


@pytest.mark.parametrize(
    ("text", "expected", "lang"),
    [
        (
            "the Ljubljana–The Hague Convention on Mutual Legal Assistance",
            "Ljubljana–The Hague Convention on Mutual Legal Assistance",
            "en",
        ),
        ("signed the Ljubljana-Hague Convention yesterday", "Ljubljana-Hague Convention", "en"),
        ("the Ljubljana Hague Convention", "Ljubljana Hague Convention", "en"),
        ("la Convention de Ljubljana-La Haye entre", "Convention de Ljubljana-La Haye", "fr"),
        ("la Convención de Liubliana – La Haya", "Convención de Liubliana – La Haya", "es"),
        (
            "des Übereinkommens von Ljubljana und Den Haag",
            "Übereinkommens von Ljubljana und Den Haag",
            "de",
        ),
        ("het Verdrag van Ljubljana – Den Haag", "Verdrag van Ljubljana – Den Haag", "nl"),
        ("podpis Ljubljansko-haaške konvencije", "Ljubljansko-haaške konvencije", "sl"),
        ("підписала Любляно-Гаазьку конвенцію", "Любляно-Гаазьку конвенцію", "uk"),
        ("la Convenzione di Lubiana-L’Aia", "Convenzione di Lubiana-L’Aia", "it"),
        (
            "Sverige har undertecknat Ljubljana–Haagkonventionen om internationellt samarbete",
            "Ljubljana–Haagkonventionen",
            "sv",
        ),
        ("リュブリャナ・ハーグ条約に署名", "リュブリャナ・ハーグ条約", "ja"),
    ],
)
def test_short_names_in_many_languages(text: str, expected: str, lang: str) -> None:
    """City pair plus a convention word is found in any language, with that language."""
    mention = _one(text)
    assert mention.text == expected
    assert mention.lang == lang
    assert mention.form in ("short", "full")


def test_line_end_hyphenation_and_soft_hyphens_inside_the_name() -> None:
    """PDF hyphenation and soft hyphens inside 'Ljubljana' do not hide the mention."""
    for text in (
        "the Ljub-\nljana–The Hague Convention.",
        "the Ljub\u00adljana–The Hague Convention.",
    ):
        mention = _one(text)
        assert mention.text.startswith("Ljub") and mention.text.endswith("Convention")


def test_html_entities_inside_the_name() -> None:
    """'&ndash;' and '&nbsp;' inside the name are decoded; offsets cover the raw entities."""
    text = "<p>the Ljubljana&ndash;The&nbsp;Hague Convention</p>"
    assert _found(text) == ["Ljubljana&ndash;The&nbsp;Hague Convention"]


def test_contextual_form_counts_near_a_named_mention() -> None:
    """'MLA Convention' counts when the text names the Convention a few sentences earlier."""
    text = (
        "Slovenia hosted the conference that adopted the Ljubljana-The Hague Convention. "
        "Experts expect the MLA Convention to speed up cooperation."
    )
    assert _found(text) == ["Ljubljana-The Hague Convention", "MLA Convention"]
    assert detect(text)[1].form in ("contextual", "acronym")  # as the lexicon files it


def test_contextual_form_counts_in_a_certain_context() -> None:
    """Without a named mention, genocide and war crimes around 'MLA Convention' suffice."""
    text = "The MLA Convention covers genocide, crimes against humanity and war crimes."
    assert _found(text) == ["MLA Convention"]


def test_contextual_form_alone_does_not_count() -> None:
    """'MLA Convention' with no context is not counted."""
    assert _found("The MLA Convention was discussed at the meeting.") == []


def test_anaphora_after_a_named_mention() -> None:
    """'the Convention' right after a named mention is counted as contextual."""
    text = "Ghana signed the Ljubljana–The Hague Convention. The Convention opens new channels."
    found = detect(text)
    assert [m.text for m in found] == ["Ljubljana–The Hague Convention", "Convention"]
    assert found[1].form == "contextual"


def test_anaphora_stops_at_another_named_instrument() -> None:
    """After 'the Genocide Convention' is named, 'the Convention' is no longer ours."""
    text = (
        "Ghana signed the Ljubljana–The Hague Convention. It builds on the Genocide "
        "Convention of 1948. The Convention defines genocide."
    )
    assert _found(text) == ["Ljubljana–The Hague Convention"]


def test_anaphora_ignores_conventions_with_their_own_name() -> None:
    """'the Convention on the Rights of the Child' is not an anaphora."""
    text = (
        "Ghana signed the Ljubljana–The Hague Convention. The Convention on the Rights of "
        "the Child also applies."
    )
    assert _found(text) == ["Ljubljana–The Hague Convention"]


@pytest.mark.parametrize(
    "text",
    [
        "The 1959 MLA Convention of the Council of Europe governs the request.",
        "Requests go through the European Convention on Mutual Assistance in Criminal Matters.",
        "The Hague Convention (IV) of 1907 respecting the Laws and Customs of War on Land.",
        "Ljubljana hosted a seminar; the Hague Convention on child abduction was discussed.",
        "In Ljubljana, the Hague Apostille Convention of 1961 applies to public documents.",
        "Slovenia ratified the Rome Statute; the ICC sits in The Hague.",
        "The Genocide Convention of 1948 was adopted in Paris.",
        "A bilateral MLAT between the two States covers war crimes and genocide cases.",
        "Konferencja w Lublinie o konwencji haskiej.",
        "Ljubljana and The Hague are twinned cities with a cultural convention centre.",
        "The Hague Convention on the Service Abroad of Judicial Documents; Ljubljana court.",
    ],
)
def test_hard_negatives_give_nothing(text: str) -> None:
    """Other Hague conventions, the 1959 convention, the Rome Statute, the Genocide
    Convention, generic MLATs and the cities on their own are never counted."""
    assert _found(text) == []


def test_text_without_candidates_gives_nothing() -> None:
    """Ordinary text, empty text and whitespace give no mention."""
    assert detect("") == []
    assert detect("   \n\t ") == []
    assert detect("The weather in Vienna was fine.") == []


def test_snippet_and_confidence() -> None:
    """A mention carries a one-line snippet around it and a confidence in (0, 1]."""
    mention = _one("Line one.\nThe Ljubljana–The Hague Convention\nwas signed.")
    assert "Ljubljana–The Hague Convention was signed." in mention.snippet
    assert 0 < mention.confidence <= 1


def test_language_hint_breaks_ties_only() -> None:
    """'Konvencija' words shared by several languages follow the caller's hint."""
    text = "Ljubljansko-haaška konvencija"
    assert _one(text, "hr").lang in ("hr", "sl")
    assert _one(text, "sl").lang == "sl"


def test_both_prefilter_backends_agree() -> None:
    """Hyperscan and pyahocorasick lead to the same mentions."""
    text = (
        "Intro. The Ljub-\nljana–The Hague Convention was signed; the MLA Convention covers "
        "genocide and war crimes. Convention de Ljubljana-La Haye. Любляно-Гаазька конвенція."
    )
    hyperscan = Detector(backend="hyperscan")
    fallback = Detector(backend="ahocorasick")
    assert hyperscan.prefilter.backend == "hyperscan"
    assert fallback.prefilter.backend == "ahocorasick"
    assert hyperscan.detect(text) == fallback.detect(text)
    assert len(hyperscan.detect(text)) == 4


def test_detect_bytes_gives_byte_offsets() -> None:
    """On UTF-8 bytes, offsets are byte offsets and the text is the decoded slice."""
    text = "Ελληνικά … Україна підписала Любляно-Гаазьку конвенцію. Ljubljana–The Hague Convention"
    data = text.encode("utf-8")
    detector = Detector()
    found = detector.detect_bytes(data)
    assert [m.text for m in found] == [m.text for m in detector.detect(text)]
    for mention in found:
        assert data[mention.start : mention.end].decode("utf-8") == mention.text


def test_mentions_far_apart_in_a_long_text() -> None:
    """Mentions separated by megabytes of filler are each found, with exact offsets."""
    filler = "Lorem ipsum dolor sit amet. " * 40000
    text = (
        filler + "the Ljubljana-The Hague Convention. " + filler + "Convention de Ljubljana-La Haye"
    )
    assert _found(text) == ["Ljubljana-The Hague Convention", "Convention de Ljubljana-La Haye"]


_NAMES = st.sampled_from(
    [
        "Ljubljana–The Hague Convention",
        "Convention de Ljubljana-La Haye",
        "MLA Convention",
        "genocide, crimes against humanity, war crimes",
        "Ljub-\nljana",
        "&ndash;",
        "the Convention",
    ]
)
# Every code point, lone surrogates included: extracted text can hold anything.
_ANY_CHARACTERS = st.text(alphabet=st.characters(blacklist_categories=()), max_size=40)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_ANY_CHARACTERS, _NAMES), max_size=8).map(" ".join))
def test_any_text_gives_exact_offsets_and_no_exception(text: str) -> None:
    """On any Unicode text the detector does not fail and every mention's text is exact."""
    for mention in detect(text):
        assert text[mention.start : mention.end] == mention.text
        assert mention.form in ("full", "short", "acronym", "contextual")
        assert 0 < mention.confidence <= 1


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.binary(max_size=40), _NAMES.map(str.encode)), max_size=8))
def test_any_bytes_give_byte_offsets_and_no_exception(pieces: list[bytes]) -> None:
    """On any bytes, invalid UTF-8 included, detect_bytes does not fail and its offsets
    cover bytes that decode (with surrogate escapes) to the mention's text."""
    data = b" ".join(pieces)
    for mention in default_detector().detect_bytes(data):
        assert data[mention.start : mention.end].decode("utf-8", "surrogateescape") == (
            mention.text
        )


def test_prefilter_hits_inside_multibyte_characters_are_harmless() -> None:
    """An open word ending in the prefilter can stop inside a UTF-8 character; offsets stay
    exact and nothing fails, for text and for bytes."""
    text = "El Tratado de Asistenciaññññññ y la Convención de Liubliana-La Haya."
    assert _found(text) == ["Convención de Liubliana-La Haya"]
    data = text.encode("utf-8")
    found = Detector().detect_bytes(data)
    assert [data[m.start : m.end].decode("utf-8") for m in found] == [
        "Convención de Liubliana-La Haya"
    ]


def test_unlisted_full_title_is_recognised_by_its_content() -> None:
    """A title no lexicon lists counts when, after a convention word and a preposition, it
    names genocide, crimes against humanity and war crimes together."""
    text = (
        "Článek se zabývá Úmluvou o mezinárodní spolupráci při vyšetřování a stíhání zločinu "
        "genocidy, zločinů proti lidskosti, válečných zločinů a dalších mezinárodních zločinů."
    )
    mention = _one(text)
    assert mention.text.startswith("Úmluvou o mezinárodní")
    assert mention.text.endswith("mezinárodních zločinů")
    assert mention.form == "full"


def test_titles_naming_fewer_crimes_are_other_conventions() -> None:
    """The Genocide Convention and the 1968 limitations convention are not ours."""
    assert _found("the Convention on the Prevention and Punishment of the Crime of Genocide") == []
    assert (
        _found(
            "the Convention on the Non-Applicability of Statutory Limitations to War Crimes "
            "and Crimes against Humanity"
        )
        == []
    )


def test_mla_beside_a_convention_word_in_any_language() -> None:
    """'Úmluva MLA z roku 2023' counts: MLA beside a convention word, with its year."""
    assert _found("Úmluva MLA z roku 2023 je pro Lotyšsko v platnosti.") == ["Úmluva MLA"]


def test_the_mla_initiative_is_not_the_convention() -> None:
    """'MLA Initiative' is the process that prepared the Convention: never counted."""
    text = "The Ljubljana–The Hague Convention grew out of the MLA Initiative launched in 2011."
    assert _found(text) == ["Ljubljana–The Hague Convention"]


def test_another_convention_named_by_an_adjective_is_not_counted() -> None:
    """'Evropska konvencija … iz leta 1959' after our name is the Council of Europe's."""
    text = (
        "Ljubljansko-haaška konvencija ni isto kot Evropska konvencija o medsebojni pravni "
        "pomoči iz leta 1959."
    )
    assert _found(text) == ["Ljubljansko-haaška konvencija"]


def test_the_rome_statute_does_not_end_the_anaphora_chain() -> None:
    """After the Rome Statute is named in passing, 'the Convention' is still ours."""
    text = (
        "Ghana signed the Ljubljana–The Hague Convention. Unlike the Rome Statute, which "
        "governs relations with the Court, the Convention governs cooperation between States."
    )
    assert _found(text) == ["Ljubljana–The Hague Convention", "Convention"]


def test_lower_case_convention_word_after_a_country_is_an_anaphora() -> None:
    """'Pre Lotyšsko dohovor …': a capitalised country before a lower-case word is fine."""
    text = (
        "Lotyšsko ratifikovalo Dohovor z Ľubľany a Haagu. Pre Lotyšsko dohovor platí od decembra."
    )
    assert _found(text) == ["Dohovor z Ľubľany a Haagu", "dohovor"]


def test_name_inside_a_web_address_is_not_counted() -> None:
    """A URL slug is not a reference in the text."""
    text = "See https://example.org/news/ljubljana-the-hague-convention-signed for details."
    assert _found(text) == []


def test_hashtags_and_camel_case_names_are_found() -> None:
    """'#LjubljanaTheHagueConvention' and 'ConventionLjubljanaLaHaye' are names."""
    assert _found("Great day! #LjubljanaTheHagueConvention") == ["LjubljanaTheHagueConvention"]
    assert _found("Signée ! #ConventionLjubljanaLaHaye") == ["ConventionLjubljanaLaHaye"]


def test_inflected_names_with_diacritics_and_cyrillic_hyphenation() -> None:
    """Polish and Russian inflected forms are found, also hyphenated at a line end."""
    assert _found("Polska podpisała konwencję lublańsko-haską.") == ["konwencję lublańsko-haską"]
    assert _found("Эксперты: Люб-\nлянско-Гаагская конвенция не заменит Римский статут") == [
        "Люб-\nлянско-Гаагская конвенция"
    ]


def test_sample_corpus_is_found_exactly_by_both_backends() -> None:
    """On the sample fixtures both prefilters give the same mentions, matching every gold
    span and nothing else."""
    from pathlib import Path

    from treatywatch.core.detect.gold import load_corpus, score_mentions

    sample = Path(__file__).parents[2] / "fixtures" / "detection" / "sample"
    documents, _problems = load_corpus(sample)
    hyperscan, fallback = Detector(backend="hyperscan"), Detector(backend="ahocorasick")
    for document in documents:
        found = hyperscan.detect(document.text, document.lang)
        assert found == fallback.detect(document.text, document.lang), document.path
        counts = score_mentions(document.spans, [(m.start, m.end) for m in found])
        assert (counts.false_positives, counts.false_negatives) == (0, 0), document.path


def test_a_headline_and_the_next_paragraph_stay_two_mentions() -> None:
    """A title found in the next paragraph does not extend the headline's mention."""
    text = (
        "Любляно-Гаазька конвенція\n\nЛюбляно-Гаазька Конвенція про міжнародне співробітництво "
        "в розслідуванні та притягненні до відповідальності за злочин геноциду, злочини проти "
        "людяності, воєнні злочини та інші міжнародні злочини — міжнародний договір."
    )
    found = _found(text)
    assert found[0] == "Любляно-Гаазька конвенція"
    assert found[1].startswith("Любляно-Гаазька Конвенція про")
    assert len(found) == 2


def test_a_name_does_not_swallow_an_earlier_ljubljana() -> None:
    """'Übereinkommen von Ljubljana oder Ljubljana-Den Haag-Übereinkommen' is two names."""
    text = "das Übereinkommen von Ljubljana oder Ljubljana-Den Haag-Übereinkommen genannt"
    assert _found(text, "de") == [
        "Übereinkommen von Ljubljana",
        "Ljubljana-Den Haag-Übereinkommen",
    ]


def test_cities_in_the_other_order() -> None:
    """'The Hague–Ljubljana Convention' is the same name."""
    assert _found("The Hague–Ljubljana Convention entered into force.") == [
        "The Hague–Ljubljana Convention"
    ]


def test_latin_transliterations_of_cyrillic_names() -> None:
    """Transliterated Russian and Ukrainian names are found."""
    assert _found("Rossiya ne podpisala Lyublyansko-Gaagskaya konventsiya.") == [
        "Lyublyansko-Gaagskaya konventsiya"
    ]
    assert _found("Ukraina pidpysala Liubliano-Haazka konventsiia.") == [
        "Liubliano-Haazka konventsiia"
    ]


def test_an_abbreviation_the_text_defines_counts_where_it_recurs() -> None:
    """'(hereinafter "LHC")' makes every later 'LHC' a mention; undefined ones are not."""
    text = (
        'The Ljubljana–The Hague Convention (hereinafter "LHC") was signed. The LHC covers '
        "genocide."
    )
    assert _found(text) == ["Ljubljana–The Hague Convention", "LHC", "LHC"]
    assert _found("The LHC covers genocide.") == []


def test_elliptical_city_pair_counts_only_where_the_convention_is_named() -> None:
    """'rely on Ljubljana–The Hague' names the treaty in a text that names it; a route
    'Ljubljana–The Hague' alone is not a mention."""
    text = "Ghana signed the Ljubljana–The Hague Convention. We cannot rely on Ljubljana–The Hague."
    assert _found(text) == ["Ljubljana–The Hague Convention", "Ljubljana–The Hague"]
    assert _found("Flights Ljubljana–The Hague are cheap in May.") == []


def test_the_treaty_after_a_definite_article_refers_back() -> None:
    """'the treaty' refers back to a named mention; 'treaties' and 'a treaty' do not."""
    text = (
        "Ghana signed the Ljubljana–The Hague Convention. The treaty opens new channels; "
        "older treaties and a treaty with Togo do not."
    )
    assert _found(text) == ["Ljubljana–The Hague Convention", "treaty"]
