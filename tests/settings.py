"""Settings for the test suite: a data folder of its own and a pinned 'today'.

pytest-django imports the settings before any conftest runs, so the environment is set here.
"""

import os
import tempfile

os.environ.setdefault("TREATYWATCH_HOME", tempfile.mkdtemp(prefix="treatywatch-test-"))
os.environ.setdefault("TREATYWATCH_TODAY", "2026-11-29")

from treatywatch.settings import *  # noqa: F403

# WhiteNoise warns on every request when the folder it serves from is missing.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 (from the star import)
