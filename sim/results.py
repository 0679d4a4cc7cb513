"""What every result object shares: a one-line ``repr``, an HTML table for notebooks, and
identity equality (compare contents with :func:`sim.testing.assert_result_equal`)."""

from __future__ import annotations

import html
from typing import Any

#: Rows of ``to_frame()`` a notebook shows under a result.
HTML_ROWS = 12


class ResultView:
    """Mixin for frozen result dataclasses declared with ``eq=False, repr=False``."""

    def headline(self) -> str:
        """The result in one line (what ``repr`` shows)."""
        raise NotImplementedError

    def to_frame(self) -> Any:  # pragma: no cover - every result defines it
        """The result as a tidy table."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {self.headline()}>"

    def _repr_html_(self) -> str:
        frame = self.to_frame()
        more = len(frame) - HTML_ROWS
        tail = f"<p>… {more:,} more rows: <code>to_frame()</code></p>" if more > 0 else ""
        head = f"<p><b>{type(self).__name__}</b>: {html.escape(self.headline())}</p>"
        return head + frame.head(HTML_ROWS).to_html(index=False, na_rep="–") + tail
