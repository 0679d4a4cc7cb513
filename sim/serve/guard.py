"""What keeps ``ranksim serve`` driven only from its own page: a WSGI layer in front of the app.

The app has no login, so anything that can send it a request can save a scenario. A page on
another site can make the browser send one: to ``127.0.0.1`` directly (the browser then sends
that site's ``Origin``), or to a name of its own that it made resolve to 127.0.0.1 (DNS
rebinding: the browser sends that name as ``Host``). :class:`Guard` refuses, with 403, every
request whose ``Host`` is not the app's own loopback address and port, and every request whose
``Origin`` (when sent) is not the app's own origin; and, with 413, every body over
:data:`MAX_BODY` bytes (before it is read). Everything else passes to the app unchanged.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable
from typing import Any

from sim.messages import msg

#: Largest request body the app reads (bytes). An update or a save is a few kilobytes.
MAX_BODY = 1_000_000
#: The path of Dash's callback requests (what the page sends when a control changes).
CALLBACK_PATH = "/_dash-update-component"
#: Names the app answers to; both are loopback wherever the browser runs.
LOOPBACK_NAMES = ("127.0.0.1", "localhost")

StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


def own_hosts(port: int) -> frozenset[str]:
    """The ``Host`` values of the app on ``port`` (lower case)."""
    return frozenset(f"{name}:{port}" for name in LOOPBACK_NAMES)


def own_origins(port: int) -> frozenset[str]:
    """The ``Origin`` values of the app's own page on ``port``."""
    return frozenset(f"http://{host}" for host in own_hosts(port))


def refusal(
    environ: dict[str, Any], port: int, max_body: int = MAX_BODY, lang: str = "en"
) -> tuple[str, str] | None:
    """``(status, reason)`` when the request must be refused (the reason in ``lang``), else None."""
    host = str(environ.get("HTTP_HOST", "")).strip().lower()
    if host not in own_hosts(port):
        return "403 Forbidden", msg("app.refused_host", host=repr(host[:100])).render(lang)
    origin = environ.get("HTTP_ORIGIN")
    if origin is not None and str(origin).strip().lower() not in own_origins(port):
        return "403 Forbidden", msg("app.refused_origin", origin=repr(str(origin)[:100])).render(lang)
    length = str(environ.get("CONTENT_LENGTH") or "0").strip()
    if not length.isdigit() or int(length) > max_body:
        return "413 Content Too Large", msg("app.refused_body", max_body=max_body).render(lang)
    return None


class Guard:
    """WSGI middleware: :func:`refusal` in front of ``app`` for the app served on ``port`` (its
    reasons in the app's language ``lang``)."""

    def __init__(self, app: WsgiApp, port: int, max_body: int = MAX_BODY, lang: str = "en") -> None:
        self.app, self.port, self.max_body, self.lang = app, port, max_body, lang

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        refused = refusal(environ, self.port, self.max_body, self.lang) or self._malformed(environ)
        if refused is None:
            return self.app(environ, start_response)
        status, reason = refused
        body = (reason + "\n").encode("utf-8")
        headers = [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))]
        start_response(status, headers)  # (no Connection header: PEP 3333 leaves it to the server)
        return [body]

    def _malformed(self, environ: dict[str, Any]) -> tuple[str, str] | None:
        """400, in the app's language, for a callback request whose body is not a JSON object
        with a callback's ``output`` and list of ``inputs`` (its page never sends one; Flask would
        answer in English, or the app fail with 500). A hand-made body of the right shape but
        wrong content can still fail inside Dash. The body read here (``CONTENT_LENGTH`` bytes:
        waitress sets it, for chunked bodies too) is handed on to the app unchanged."""
        callback = str(environ.get("PATH_INFO", "")).endswith(CALLBACK_PATH)
        if environ.get("REQUEST_METHOD") != "POST" or not callback:
            return None
        length = int(str(environ.get("CONTENT_LENGTH") or "0").strip() or 0)  # checked by refusal()
        data = environ["wsgi.input"].read(length) if length else b""
        environ["wsgi.input"], environ["CONTENT_LENGTH"] = io.BytesIO(data), str(len(data))
        try:
            body = json.loads(data)
        except (ValueError, UnicodeDecodeError):
            body = None
        if isinstance(body, dict) and isinstance(body.get("inputs"), list) and "output" in body:
            return None
        return "400 Bad Request", msg("app.refused_request").render(self.lang)


__all__ = ["MAX_BODY", "Guard", "own_hosts", "own_origins", "refusal"]
