"""Reading our own static files and a version string that changes when any of them does."""

from __future__ import annotations

import hashlib
from functools import cache

from django.conf import settings

STATIC_DIR = settings.BASE_DIR / "static"


def read_static(relative_path: str) -> bytes:
    return (STATIC_DIR / relative_path).read_bytes()


@cache
def asset_version() -> str:
    digest = hashlib.sha256()
    for path in sorted(STATIC_DIR.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(STATIC_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
