"""Reference detection over large corpora (web crawls) on Dask; no Django.

`plan_sweep` turns paths, URLs and Common Crawl IDs into tasks; `run_on_dask` or
`run_inline` runs them; `summarise` and `write_outputs` leave Parquet and JSON behind.
Every mention is found exactly as `treatywatch scan` finds it.
"""

from treatywatch.sweep.crawl import CrawlOptions, crawl_urls, is_crawl_id
from treatywatch.sweep.engine import (
    INLINE,
    LOCAL,
    Outcome,
    dask_client,
    prepare,
    run_inline,
    run_on_dask,
    worker_count,
)
from treatywatch.sweep.output import SCHEMA, summarise, write_outputs
from treatywatch.sweep.plan import InputError, Plan, plan_sweep
from treatywatch.sweep.tasks import COLUMNS, FilesTask, RangeTask, Task, TaskResult, run_task

__all__ = [
    "COLUMNS",
    "INLINE",
    "LOCAL",
    "SCHEMA",
    "CrawlOptions",
    "FilesTask",
    "InputError",
    "Outcome",
    "Plan",
    "RangeTask",
    "Task",
    "TaskResult",
    "crawl_urls",
    "dask_client",
    "is_crawl_id",
    "plan_sweep",
    "prepare",
    "run_inline",
    "run_on_dask",
    "run_task",
    "summarise",
    "worker_count",
    "write_outputs",
]
