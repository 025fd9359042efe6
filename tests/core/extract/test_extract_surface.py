"""The public surface of treatywatch.core.extract is exactly what the integrators rely on."""

import dataclasses

import pytest

import treatywatch.core.extract as extract
from treatywatch.core.extract import DEFAULT_LIMITS, Extracted, Limits, Skipped


def test_exported_names_are_exactly_the_public_interface():
    """__all__ lists the three functions, three types and the default limits, nothing else."""
    assert sorted(extract.__all__) == sorted(
        [
            "DEFAULT_LIMITS",
            "Extracted",
            "Limits",
            "Skipped",
            "extract_bytes",
            "extract_path",
            "iter_warc_records",
        ]
    )


def test_record_fields_match_the_documented_interface():
    """Extracted, Skipped and Limits have the documented fields in the documented order."""
    assert [f.name for f in dataclasses.fields(Extracted)] == [
        "source", "text", "format", "title", "published", "author", "site", "url", "language",
    ]  # fmt: skip
    assert [f.name for f in dataclasses.fields(Skipped)] == ["source", "reason"]
    assert [f.name for f in dataclasses.fields(Limits)] == [
        "max_bytes", "max_pdf_pages", "max_decompressed_bytes", "max_ratio",
        "max_archive_members", "max_depth",
    ]  # fmt: skip


def test_records_are_frozen_and_limits_configurable():
    """Results cannot be mutated; every limit can be overridden by keyword."""
    result = Extracted(source="a.txt", text="x", format="txt")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.text = "y"  # type: ignore[misc]
    custom = Limits(max_bytes=10, max_ratio=5.0)
    assert custom.max_bytes == 10 and custom.max_ratio == 5.0
    assert custom.max_depth == DEFAULT_LIMITS.max_depth
    assert DEFAULT_LIMITS.max_ratio == 100.0
