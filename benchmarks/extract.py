"""Throughput of WET extraction with ISA-L against zlib, so the integrator can choose.

Generates a gzipped WET file (one gzip member per record, as Common Crawl writes them)
of at least 200 MB uncompressed, then streams it through
``treatywatch.core.extract.warc.read_records`` with each gzip backend, and prints MB/s of
uncompressed WARC bytes beside plain decompression with no parsing. Best of N runs.

    PYTHONPATH=src python benchmarks/extract.py [--size-mb 256] [--runs 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import uuid
import zlib
from collections.abc import Callable
from pathlib import Path

from treatywatch.core.extract.gzip_stream import BACKENDS, open_gzip
from treatywatch.core.extract.records import Extracted
from treatywatch.core.extract.warc import read_records

# Syllables from several scripts so that UTF-8 decoding costs what real multilingual text does.
SYLLABLES = (
    "ka lo ve ni ra ta sko ja ha ag ljub lja na kon ven ci je pro se de mi "
    "ško ča že ł ń ą ó ře ý ü ß é è ç ñ ão "
    "ко нв ен ци я лю бл ян а га аг пра во су д"
)
LANGUAGES = ("eng", "slv", "pol", "rus", "fra", "spa", "deu", "hrv", "ces", "por")
MIB = 1024 * 1024


def _vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    syllables = SYLLABLES.split()
    return ["".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))) for _ in range(size)]


def _record(payload: bytes, url: str, language: str, rng: random.Random) -> bytes:
    record_id = uuid.UUID(int=rng.getrandbits(128))
    header = (
        "WARC/1.0\r\n"
        "WARC-Type: conversion\r\n"
        f"WARC-Target-URI: {url}\r\n"
        "WARC-Date: 2026-11-01T00:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{record_id}>\r\n"
        f"WARC-Identified-Content-Language: {language}\r\n"
        "Content-Type: text/plain\r\n"
        f"Content-Length: {len(payload)}\r\n\r\n"
    )
    return header.encode("ascii") + payload + b"\r\n\r\n"


def generate_wet(path: Path, size_mb: int, seed: int = 20261129) -> int:
    """Write a gz WET of at least size_mb MiB uncompressed; return the uncompressed size."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng)
    written = 0
    with path.open("wb") as out:
        while written < size_mb * MIB:
            # Common Crawl WET records are mostly a few KB to a few tens of KB of text.
            words = rng.choices(vocabulary, k=rng.randint(300, 4000))
            lines = [" ".join(words[i : i + 14]) for i in range(0, len(words), 14)]
            payload = "\n".join(lines).encode("utf-8")
            url = f"https://site{rng.randrange(5000)}.example/page/{rng.getrandbits(32)}"
            record = _record(payload, url, rng.choice(LANGUAGES), rng)
            compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
            out.write(compressor.compress(record) + compressor.flush())
            written += len(record)
    return written


def _best_of(runs: int, action: Callable[[], int]) -> tuple[float, int]:
    best = float("inf")
    result = 0
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - start)
    return best, result


def _extract_all(path: Path, backend: str) -> int:
    characters = 0
    with path.open("rb") as stream:
        for result in read_records(stream, str(path), gzip_backend=backend):
            if isinstance(result, Extracted):
                characters += len(result.text)
    return characters


def _inflate_only(path: Path, backend: str) -> int:
    total = 0
    with path.open("rb") as stream, open_gzip(stream, backend) as inflated:
        while chunk := inflated.read(MIB):
            total += len(chunk)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=int, default=256, help="uncompressed MiB (min 200)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="folder to keep the generated file in")
    args = parser.parse_args()
    size_mb = max(args.size_mb, 200)
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"bench-{size_mb}.wet.gz"
        if path.exists():
            uncompressed = _inflate_only(path, "zlib")
        else:
            start = time.perf_counter()
            uncompressed = generate_wet(path, size_mb)
            print(f"generated {path.name} in {time.perf_counter() - start:.1f} s")
        compressed = path.stat().st_size
        print(
            f"file: {uncompressed / 1e6:.0f} MB uncompressed, {compressed / 1e6:.0f} MB gzip "
            f"(ratio {uncompressed / compressed:.2f}:1); best of {args.runs} runs"
        )
        rates: dict[str, float] = {}
        for backend in BACKENDS:
            inflate_s, _ = _best_of(args.runs, lambda b=backend: _inflate_only(path, b))
            extract_s, chars = _best_of(args.runs, lambda b=backend: _extract_all(path, b))
            rates[backend] = uncompressed / extract_s / 1e6
            print(
                f"{backend:5s} inflate only {uncompressed / inflate_s / 1e6:7.1f} MB/s   "
                f"extract {rates[backend]:7.1f} MB/s   ({extract_s:.2f} s, {chars:,} characters)"
            )
        print(f"isal / zlib extraction speed: {rates['isal'] / rates['zlib']:.2f}x")


if __name__ == "__main__":
    main()
