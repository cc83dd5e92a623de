"""Benchmark `import_fixtures`: a 380-match season into an empty database, then the same again.

    .venv/bin/python bench/fixtures.py [FILE.json ...]

Migrates a throwaway SQLite file under /tmp, imports the files (default: the demo's copy of
Serie A 2019-20, 380 matches) and imports them a second time, printing both times. Targets:
<= 10 s for the first import, <= 3 s for the unchanged re-run. Not part of the test suite.
"""

import os
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["SQLITE_PATH"] = str(Path(tempfile.mkdtemp(prefix="bench-fixtures-")) / "db.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.dev")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

files = sys.argv[1:] or [str(ROOT / "newsroom" / "football" / "data" / "openfootball" / "it.1-2019-20.json")]
call_command("migrate", verbosity=0)
for label in ("first import", "unchanged re-run"):
    start = time.perf_counter()
    out = StringIO()
    call_command("import_fixtures", *files, "--timezone", "Europe/Rome", stdout=out, verbosity=0)
    print(f"import_fixtures, {label}: {time.perf_counter() - start:.2f} s  ({out.getvalue().strip()})")
