"""Test settings: the real settings with a fixed key, so tests need no environment."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-0123456789")

from chatkit.settings import *  # noqa: F403

CHATKIT_DEMO_TOKEN_DELAY = 0.002
