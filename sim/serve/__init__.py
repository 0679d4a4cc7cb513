"""``ranksim serve``: the live what-if app (Dash, bound to 127.0.0.1)."""
