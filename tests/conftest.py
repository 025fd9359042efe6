"""Test settings: every test run gets its own data folder and a pinned 'today'."""

import os
import tempfile

os.environ.setdefault("TREATYWATCH_HOME", tempfile.mkdtemp(prefix="treatywatch-test-"))
os.environ.setdefault("TREATYWATCH_TODAY", "2026-11-29")
