"""Bytes a visitor downloads: /embed.js on the host page, then everything the iframe loads.

Baseline: the uncompressed size; the ratio is what gzip saves.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

STATIC = Path(__file__).resolve().parent.parent / "static"
IMPORT = re.compile(
    r"""(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)"""
)


def module_graph(entry: Path, lazy: bool) -> list[Path]:
    """`entry` and every module it imports, statically (and dynamically when `lazy`)."""
    seen: list[Path] = []
    todo = [entry]
    while todo:
        path = todo.pop()
        if path in seen or not path.exists():
            continue
        seen.append(path)
        for static, dynamic in IMPORT.findall(path.read_text()):
            target = static or (dynamic if lazy else "")
            if target.startswith("."):
                todo.append((path.parent / target).resolve())
    return seen


def report(title: str, files: list[Path]) -> None:
    raw = sum(f.stat().st_size for f in files)
    packed = sum(len(gzip.compress(f.read_bytes(), 9)) for f in files)
    print(f"{title}: {packed / 1024:.1f} KiB gzip ({raw / 1024:.1f} KiB raw, x{raw / packed:.1f})")
    for f in sorted(files):
        print(
            f"    {f.relative_to(STATIC)}  {len(gzip.compress(f.read_bytes(), 9)) / 1024:.1f} KiB gzip"
        )


def main() -> None:
    report("/embed.js", [STATIC / "chat" / "embed.js"])
    page = [
        *module_graph(STATIC / "chat" / "app.js", lazy=False),
        STATIC / "chat" / "chat.css",
        STATIC / "widgets" / "render.css",
    ]
    report("iframe page, first paint", [p for p in page if p.exists()])
    widgets = [p for p in module_graph(STATIC / "chat" / "app.js", lazy=True) if p not in page]
    if widgets:
        report("loaded with the first widget", widgets)


if __name__ == "__main__":
    main()
