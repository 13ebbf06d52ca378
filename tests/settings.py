"""Test settings: the real settings with a fixed key, so tests need no environment."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-0123456789")

from chatkit.settings import *  # noqa: F403

CHATKIT_DEMO_TOKEN_DELAY = 0.002

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file per test run (browser tests share it with a Daphne process), so two runs in
    # one checkout never meet in the same database.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(BASE_DIR / "var" / f"test-{os.getpid()}.sqlite3")  # noqa: F405
    }
