"""MkDocs hook: the guide links repository files (data/SOURCES.md, scenarios, docs/*.py) with
paths relative to the page, so the same links work on GitHub and in the built site.

A link that leaves the docs folder but names a file of the repository is served from a copy of
that file under ``repo/`` in the site (Markdown files become pages), and the link is rewritten
to it; a link to a file that does not exist is left alone, so ``mkdocs build --strict`` reports
it. Used by mkdocs.yml (``hooks:``); not part of the package.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LINK = re.compile(r"(\]\()([^)\s#]+)([^)\s]*\))")
COPIES = "repo"


def _outside(page_uri: str, target: str) -> str | None:
    """The repository path ``target`` names from the page ``page_uri``, when it is outside docs/."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("/"):
        return None
    inside = posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), target))
    if not inside.startswith("../"):
        return None
    repo_path = posixpath.normpath(posixpath.join("docs", inside))
    return repo_path if (ROOT / repo_path).is_file() else None


def _linked(docs_dir: Path) -> set[str]:
    found: set[str] = set()
    for page in (docs_dir / "guide").rglob("*.md"):
        uri = page.relative_to(docs_dir).as_posix()
        for m in LINK.finditer(page.read_text(encoding="utf-8")):
            if (path := _outside(uri, m.group(2))) is not None:
                found.add(path)
    return found


def on_files(files, config):
    """Add a copy of every repository file the guide links to."""
    for path in sorted(_linked(Path(config["docs_dir"]))):
        files.append(File.generated(config, f"{COPIES}/{path}", abs_src_path=str(ROOT / path)))
    return files


def on_page_markdown(markdown, page, config, files):
    """Point links to repository files at their copies."""
    uri = page.file.src_uri

    def _rewrite(m: re.Match[str]) -> str:
        path = _outside(uri, m.group(2))
        if path is None:
            return m.group(0)
        return m.group(1) + posixpath.relpath(f"{COPIES}/{path}", posixpath.dirname(uri)) + m.group(3)

    return LINK.sub(_rewrite, markdown)
