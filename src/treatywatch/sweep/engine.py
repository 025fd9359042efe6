"""Run a sweep's tasks on Dask (a LocalCluster, or any scheduler's address) or inline.

Results arrive in completion order (`as_completed`), each reported to a callback so the
command can advance its progress bar; they are put back in task order at the end, so the
output does not depend on which worker finished first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from treatywatch.core.extract import DEFAULT_LIMITS, Limits
from treatywatch.core.scanning import quiet_parsers
from treatywatch.sweep.tasks import RangeTask, Task, TaskResult, run_task, warm_up

OnDone = Callable[[Task, TaskResult | None], None]
CONNECT_SECONDS = 10  # to a remote scheduler; Dask's own default waits 30 s
INLINE = "inline"  # no Dask at all: one process, for debugging and small inputs
LOCAL = "local"


@dataclass
class Outcome:
    """Task results in task order, and the tasks that failed with why."""

    results: list[TaskResult]
    failures: list[tuple[str, str]] = field(default_factory=list)
    reruns: int = 0


def reconcile(
    tasks: list[Task], results: dict[int, TaskResult], rerun: Callable[[Task], TaskResult]
) -> int:
    """Check that each range of a file starts where the previous one stopped; run again,
    from that proven offset, any range whose own search for a start was misled (see
    `members`). Returns how many ranges were run again."""
    reruns = 0
    proven: dict[str, int | None] = {}
    for task in sorted(tasks, key=lambda each: each.index):
        if not isinstance(task, RangeTask) or not task.compressed:
            continue
        result = results.get(task.index)
        if result is None:  # the task failed: the next range cannot be checked
            proven[task.location] = None
            continue
        expected = proven.get(task.location)
        if task.start > 0 and expected is not None and result.first != expected:
            result = rerun(replace(task, proven_start=expected))
            results[task.index] = result
            reruns += 1
        proven[task.location] = result.stop
    return reruns


def _label(task: Task) -> str:
    if isinstance(task, RangeTask):
        return f"{task.label} (bytes {task.start}-{'' if task.end is None else task.end - 1})"
    return ", ".join(task.locations[:3]) + ("…" if len(task.locations) > 3 else "")


@contextmanager
def dask_client(scheduler: str, workers: int) -> Iterator[Any]:
    """A Client on a new LocalCluster of `workers` processes (one thread each), or on the
    scheduler at `scheduler`; the local cluster is shut down on exit."""
    from dask.distributed import Client, LocalCluster

    if scheduler == LOCAL:
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()
            cluster.close()
    else:
        client = Client(scheduler, timeout=CONNECT_SECONDS)
        try:
            yield client
        finally:
            client.close()


def worker_count(client: Any) -> int:
    return len(client.scheduler_info().get("workers", {})) or 1


def prepare(client: Any) -> None:
    """Build the detector on every worker now, so the first tasks are not slow ones."""
    client.run(warm_up)


def run_on_dask(
    client: Any,
    tasks: list[Task],
    on_done: OnDone,
    lang: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Outcome:
    from dask.distributed import as_completed

    if not tasks:
        return Outcome([])
    futures = client.map(run_task, tasks, lang=lang, limits=limits, pure=False)
    by_key = {future.key: task for future, task in zip(futures, tasks, strict=True)}
    results: dict[int, TaskResult] = {}
    failures: list[tuple[str, str]] = []
    for future in as_completed(futures):
        task = by_key[future.key]
        try:
            result = future.result()
        except Exception as error:  # a crashed task (or lost worker) must not lose the others
            failures.append((_label(task), f"{type(error).__name__}: {error}"))
            on_done(task, None)
            continue
        finally:
            future.release()
        results[task.index] = result
        on_done(task, result)

    def rerun(task: Task) -> TaskResult:
        return client.submit(run_task, task, lang=lang, limits=limits, pure=False).result()  # type: ignore[no-any-return]

    reruns = reconcile(tasks, results, rerun)
    return Outcome([results[index] for index in sorted(results)], failures, reruns)


def run_inline(
    tasks: list[Task],
    on_done: OnDone,
    lang: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Outcome:
    quiet_parsers()
    results: dict[int, TaskResult] = {}
    for task in tasks:
        results[task.index] = run_task(task, lang, limits)
        on_done(task, results[task.index])
    reruns = reconcile(tasks, results, lambda task: run_task(task, lang, limits))
    return Outcome([results[index] for index in sorted(results)], reruns=reruns)
