"""`treatywatch sweep PATH|URL|CRAWL-ID...`: reference detection over a web crawl, on Dask."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from treatywatch.cli import app
from treatywatch.cli.bootstrap import err_console
from treatywatch.cli.scan import lang_option
from treatywatch.core.tabular import TableError
from treatywatch.sweep import (
    INLINE,
    LOCAL,
    CrawlOptions,
    InputError,
    Outcome,
    Plan,
    Task,
    TaskResult,
    dask_client,
    plan_sweep,
    prepare,
    run_inline,
    run_on_dask,
    summarise,
    worker_count,
    write_outputs,
)
from treatywatch.sweep.crawl import DEFAULT_BASE_URL

MB = 1_000_000


class CrawlKind(StrEnum):
    WET = "wet"
    WARC = "warc"


def _say(message: str, style: str | None = None) -> None:
    err_console.print(message, style=style, markup=False, highlight=False, soft_wrap=True)


def _usage_error(messages: list[str]) -> typer.Exit:
    for message in messages:
        _say(f"treatywatch sweep: {message}", style="red")
    return typer.Exit(2)


class _Meter:
    """The progress bar: advances by input bytes covered; shows uncompressed MB/s and
    mentions so far; ETA from the share of input done."""

    def __init__(self, progress: Progress, total: int) -> None:
        self.progress = progress
        self.bar = progress.add_task("sweep", total=max(total, 1), rate="", found="")
        self.started = time.perf_counter()
        self.bytes = 0
        self.mentions = 0

    def done(self, task: Task, result: TaskResult | None) -> None:
        if result is not None:
            self.bytes += result.bytes
            self.mentions += len(result.rows)
        seconds = max(time.perf_counter() - self.started, 1e-6)
        self.progress.update(
            self.bar,
            advance=task.weight,
            rate=f"{self.bytes / MB / seconds:,.0f} MB/s",
            found=f"{self.mentions} mentions",
        )


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]}"),
        TextColumn("{task.fields[found]}"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=err_console,
        transient=False,
    )


@app.command()
def sweep(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders, http(s) URLs, or Common Crawl IDs such as CC-MAIN-2024-10.",
            show_default=False,
        ),
    ],
    scheduler: Annotated[
        str,
        typer.Option(
            "--scheduler",
            help="'local' starts a LocalCluster; an address (tcp://host:8786) uses that "
            "dask.distributed scheduler; 'inline' runs in this process without Dask.",
        ),
    ] = LOCAL,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            help="Worker processes of the local cluster.",
            show_default="the machine's cores",
        ),
    ] = os.cpu_count() or 1,
    out: Annotated[
        Path, typer.Option("--out", help="Folder for mentions.parquet and summary.json.")
    ] = Path("sweep-out"),
    lang: Annotated[
        str | None,
        typer.Option("--lang", callback=lang_option, help="Language hint, as for scan."),
    ] = None,
    paths_file: Annotated[
        Path | None,
        typer.Option("--paths-file", help="A crawl's wet.paths(.gz) listing, read locally."),
    ] = None,
    match: Annotated[
        str | None,
        typer.Option("--match", help="Glob on a crawl's listed paths: '*/segments/17079*'."),
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="At most this many crawl files.")
    ] = None,
    base_url: Annotated[
        str, typer.Option("--base-url", help="Common Crawl data server.")
    ] = DEFAULT_BASE_URL,
    kind: Annotated[
        CrawlKind, typer.Option("--kind", help="Which files of a crawl to list.")
    ] = CrawlKind.WET,
    chunk_mb: Annotated[
        float | None,
        typer.Option(
            "--chunk-mb",
            min=0.001,
            help="Split gzipped WARC/WET files into ranges "
            "of this many MB (default: about 16 tasks per worker, 4 to 64 MiB).",
        ),
    ] = None,
) -> None:
    """Detect references over large corpora (gz WET/WARC split by gzip member) on Dask."""
    began = time.perf_counter()
    crawl = CrawlOptions(paths_file, match, limit, base_url, kind.value)
    chunk = int(chunk_mb * MB) if chunk_mb else None

    def make_plan(worker_total: int) -> Plan:
        try:
            plan = plan_sweep(inputs, worker_total, crawl, chunk)
        except InputError as error:
            raise _usage_error(error.messages) from None
        except TableError as error:
            raise _usage_error([str(problem) for problem in error.problems]) from None
        for location, reason in plan.skipped:
            _say(f"{location}: skipped: {reason}", style="yellow")
        _say(
            f"{plan.units} inputs, {plan.weight / MB:,.1f} MB, {len(plan.tasks)} tasks "
            f"(gzipped WARC/WET split in ranges of {plan.chunk / MB:,.1f} MB)"
        )
        return plan

    plan, outcome, used_workers, seconds = _run(make_plan, scheduler, workers, lang)
    results = outcome.results
    skipped_inputs = [TaskResult(-1, skipped=list(plan.skipped))] if plan.skipped else []
    summary = summarise(
        skipped_inputs + results,
        inputs=list(inputs),
        files=plan.units,
        tasks=len(plan.tasks),
        ranges_rerun=outcome.reruns,
        failed_tasks=[{"task": label, "error": error} for label, error in outcome.failures],
        scheduler=scheduler,
        workers=used_workers,
        processing_seconds=round(seconds, 3),
        elapsed_seconds=round(time.perf_counter() - began, 3),
        started_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    summary["mb_per_second"] = round(summary["bytes"] / MB / max(seconds, 1e-9), 1)
    write_outputs(out, skipped_inputs + results, summary)
    _say(
        f"{summary['documents']:,} documents, {summary['bytes'] / MB:,.1f} MB in "
        f"{seconds:,.1f} s ({summary['mb_per_second']:,.0f} MB/s): {summary['mentions']} "
        f"mentions in {summary['documents_with_mentions']} documents; "
        f"{summary['skipped']} skipped → {out}"
    )
    for label, failure in outcome.failures:
        _say(f"task failed: {label}: {failure}", style="red")
    if outcome.failures:
        raise typer.Exit(1)


def _run(
    make_plan: Callable[[int], Plan], scheduler: str, workers: int, lang: str | None
) -> tuple[Plan, Outcome, int, float]:
    """Plan (before starting a local cluster, so bad inputs fail at once; after connecting
    to a remote one, to size the ranges by its workers), then run the tasks with a progress
    bar. Returns the plan, the outcome, the workers used and the seconds taken."""
    progress = _progress()
    if scheduler == INLINE:
        plan = make_plan(1)
        with progress:
            meter = _Meter(progress, plan.weight)
            outcome = run_inline(plan.tasks, meter.done, lang)
            return plan, outcome, 1, time.perf_counter() - meter.started
    local_plan = make_plan(workers) if scheduler == LOCAL else None
    if scheduler == LOCAL:
        _say(f"starting a local Dask cluster of {workers} worker processes")
    try:
        with dask_client(scheduler, workers) as client:
            used = worker_count(client)
            plan = local_plan or make_plan(used)
            prepare(client)
            with progress:
                meter = _Meter(progress, plan.weight)
                outcome = run_on_dask(client, plan.tasks, meter.done, lang)
                return plan, outcome, used, time.perf_counter() - meter.started
    except OSError as error:  # no scheduler at that address, or it went away
        raise _usage_error([f"Dask scheduler {scheduler}: {error}"]) from None
