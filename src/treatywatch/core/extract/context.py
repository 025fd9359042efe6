"""State shared while one top-level input is expanded: limits, nesting depth, byte budget."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from treatywatch.core.extract.records import Limits, Result

# Ratios are judged only past this much output: a tiny padded file (a tar header, a blank
# form) compresses far beyond any sane ratio yet costs nothing to inflate.
RATIO_FLOOR = 1024 * 1024


def over_ratio(output: int, compressed: int, max_ratio: float) -> bool:
    return output > RATIO_FLOOR and output > max_ratio * max(compressed, 1)


class LimitExceeded(Exception):
    """Raised inside readers when a limit trips; turned into a Skipped by the caller."""


@dataclass
class Budget:
    """Bytes still allowed to be decompressed from one top-level input."""

    remaining: int

    def spend(self, count: int) -> None:
        self.remaining -= count
        if self.remaining < 0:
            raise LimitExceeded("decompressed size over limit")


@dataclass
class Context:
    """Passed down through containers so nested members share one budget and depth count."""

    limits: Limits
    depth: int = 0
    budget: Budget = field(default_factory=lambda: Budget(0))
    # The dispatcher, handed in so container modules need not import it (no import cycle).
    recurse: Callable[[bytes, str, Context], Iterator[Result]] | None = None

    def nested(self) -> Context:
        return Context(self.limits, self.depth + 1, self.budget, self.recurse)

    def extract_member(self, data: bytes, source: str) -> Iterator[Result]:
        assert self.recurse is not None, "Context built without a dispatcher"
        return self.recurse(data, source, self.nested())


def size_reason(size: int, limit: int) -> str:
    return f"over size limit: {size} bytes > {limit} bytes"


def ratio_reason(ratio: float, limit: float, *, at_least: bool = False) -> str:
    prefix = "at least " if at_least else ""
    return f"decompression ratio {prefix}{ratio:.0f}:1 over limit {limit:.0f}:1"
