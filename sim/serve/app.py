"""``ranksim serve``: a Dash app on 127.0.0.1 for live what-ifs on one scenario.

Inputs: the target's real growth (slider), shifts of its deflator, of the national real growth
path, of the commodity factor (when the price model has one) and of a chosen rival's real
growth; a deadline year for P(reach). Every change is evaluated through the batched engine
(:class:`sim.serve.whatif.Session`) and updates the answer, P(reach) with a small Monte Carlo,
the bump and gap charts (drawn once by the report's chart functions, then only their projected
traces are patched, which keeps an update to a few kilobytes) and the time the server took.
A bad value shows an inline message and leaves the last answer standing; no input can stop the
server. "Save as scenario" writes a new file that ``extends`` the starting scenario with only the
changed values (never replacing a file); "Download report" gives the full report of the current
state. The app is served by waitress; requests not addressed to the app's own loopback address
and port, from another site's page, or with a body over 1 MB are refused (:mod:`sim.serve.guard`).
"""

from __future__ import annotations

import errno
import functools
import html as html_text
import re
import socket
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sim.errors import ArgumentError, InputError
from sim.messages import msg
from sim.model.scenario import Scenario
from sim.present.i18n import aggregate_wording, t
from sim.serve.guard import MAX_BODY, Guard
from sim.serve.whatif import SLIDER, Evaluation, Session, WhatIf

#: Only loopback: the app has no authentication.
HOST = "127.0.0.1"
SAVE_NAME = re.compile(r"^[\w\-. ]{1,80}\.ya?ml$")


def _number(value: Any, name: str) -> float:
    """A numeric input: None (empty, or not a number in the browser) is an error naming it."""
    if value is None or isinstance(value, bool):
        raise InputError(msg("app.enter_number"), field=name)
    try:
        return float(value)
    except (TypeError, ValueError):
        raise InputError(msg("app.not_number", value=repr(value)), field=name) from None


def _rival(value: Any, scenario: Scenario) -> int:
    """The rival chosen in the dropdown: a region's position in the panel, never the target (a
    value the dropdown does not offer is refused: only a hand-made request sends one)."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < scenario.n_regions:
        if value != scenario.target:
            return value
    raise InputError(msg("app.unknown_rival", value=repr(value)[:40]), field="rival")


def _deadline(text: Any, scenario: Scenario) -> int:
    try:
        year = int(str(text).strip())
    except ValueError:
        raise InputError(msg("app.not_year", value=repr(text)), field="deadline") from None
    if not scenario.base_year <= year <= scenario.horizon:
        said = msg("app.deadline_range", first=scenario.base_year, last=scenario.horizon, year=year)
        raise InputError(said, field="deadline")
    return year


def _patch_bump(patch: Any, figure: dict[str, Any], ev: Evaluation, lang: str) -> None:
    """Patch the projected traces and the end labels of the bump chart drawn at start."""
    proj = ev.projection
    codes, years = proj.codes, proj.years
    regions = proj.scenario.panel.regions
    for i, trace in enumerate(figure["data"]):
        meta = trace.get("meta") or {}
        if meta.get("part") != "projection":
            continue
        j = codes.index(meta["code"])
        patch["data"][i]["y"] = proj.ranks[:, j].tolist()
        patch["data"][i]["customdata"] = [
            [regions.label(j, lang), int(r), float(g)]
            for r, g in zip(proj.ranks[:, j], proj.gdp[:, j], strict=True)
        ]
    labels = {regions.label(j, lang): j for j in range(len(codes))}
    for i, note in enumerate(figure["layout"].get("annotations", [])):
        if note.get("x") == int(years[-1]) and note.get("text") in labels:
            patch["layout"]["annotations"][i]["y"] = int(proj.ranks[-1, labels[note["text"]]])


def _patch_gap(patch: Any, figure: dict[str, Any], ev: Evaluation, lang: str) -> None:
    """Patch the projected gap trace and the reach annotation of the gap chart drawn at start."""
    proj = ev.projection
    pct = 100.0 + proj.gap_pct()
    for i, trace in enumerate(figure["data"]):
        if (trace.get("meta") or {}).get("part") == "projection":
            patch["data"][i]["y"] = pct.tolist()
    k, reach = proj.threshold_rank, proj.reach_year
    last = len(figure["layout"].get("annotations", [])) - 1
    if reach is not None:
        note = {
            "x": reach,
            "y": float(pct[reach - proj.scenario.base_year]),
            "text": t(lang, "reach", k=k, y=reach),
        }
    else:
        note = {
            "x": int(proj.years[-1]),
            "y": float(pct[-1]),
            "text": t(lang, "no_reach", k=k, y=int(proj.years[-1])),
        }
    for key, value in note.items():
        patch["layout"]["annotations"][last][key] = value


def _no_direct_input(dcc: Any) -> dict[str, bool]:
    """Dash 4's slider has a box of its own limited to the slider's range; ours takes any value
    within the input limits, so theirs is turned off (older Dash has none)."""
    props = dcc.Slider(min=0, max=1).available_properties
    return {"allow_direct_input": False} if "allow_direct_input" in props else {}


def _probability_text(ev: Evaluation, deadline: int, session: Session, lang: str) -> str:
    if ev.reach_probability is None:
        return ""
    sc = session.scenario
    p_by = float(ev.reach_probability[deadline - sc.base_year])
    p_end = float(ev.reach_probability[-1])
    return t(lang, "serve_probability", y=deadline, p=p_by, h=sc.horizon, q=p_end, n=session.paths)


def save_target(folder: Path, name: Any, scenario: Scenario) -> Path:
    """The new file a save writes: a plain ``.yaml`` name in ``folder`` that is neither the
    starting scenario nor any file of its ``extends`` chain (nor its data); an
    :class:`~sim.errors.InputError` naming the ``save`` field otherwise. (That the name is not
    taken at all is checked by creating the file exclusively.)"""
    name = str(name or "").strip()
    if not SAVE_NAME.match(name) or name.startswith("."):
        raise InputError(msg("app.save_name"), field="save")
    path = folder / name
    if path.resolve() == scenario.source.path.resolve():
        raise InputError(msg("app.save_starting"), field="save")
    used = {Path(f).resolve() for f in scenario.files}
    if path.resolve() in used:
        raise InputError(msg("app.save_in_chain", name=name), field="save")
    return path


def build_app(
    scenario: Scenario,
    *,
    paths: int = 1000,
    lang: str = "en",
    save_dir: Path | None = None,
    seed: int = 0,
    port: int = 8050,
) -> Any:
    """The Dash app for ``scenario`` (not started) served at 127.0.0.1:``port`` (requests
    addressed otherwise are refused: :mod:`sim.serve.guard`); files are saved under
    ``save_dir`` (default: the starting scenario's folder) and never replace a file. Every label,
    at start and in every update, names the panel's aggregate and regions (全区实际增速调整 on a
    panel of cities)."""
    with aggregate_wording(scenario.panel.scope, scenario.panel.regions):
        return _build_app(scenario, paths=paths, lang=lang, save_dir=save_dir, seed=seed, port=port)


def _worded_by(scenario: Scenario) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A decorator: the callback runs inside the panel's wording (:func:`_worded`)."""
    return lambda fn: _worded(scenario, fn)


def _worded(scenario: Scenario, fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` run inside the panel's wording (a callback runs in a server thread, outside the
    context the app was built in)."""

    @functools.wraps(fn)
    def inner(*args: Any) -> Any:
        with aggregate_wording(scenario.panel.scope, scenario.panel.regions):
            return fn(*args)

    return inner


def _build_app(
    scenario: Scenario, *, paths: int, lang: str, save_dir: Path | None, seed: int, port: int
) -> Any:
    import dash
    from dash import Input, Output, Patch, State, dcc, html

    from sim.engine.projection import project
    from sim.present.charts import bump_chart, gap_chart
    from sim.present.text import answer_sentence

    session = Session(scenario, paths=paths, seed=seed)
    folder = save_dir or (scenario.source.path.parent if scenario.source.path.exists() else Path.cwd())
    proj0 = project(scenario)
    bump0 = bump_chart(proj0, lang).to_plotly_json()
    gap0 = gap_chart(proj0, lang).to_plotly_json()
    regions = scenario.panel.regions
    start = session.target_real_start
    rival = session.default_rival()
    lo, hi, step = SLIDER
    deadline0 = min(2030, scenario.horizon) if scenario.base_year < 2030 else scenario.horizon

    def number(id_: str, label: str, value: float = 0.0, step: float = 0.1) -> html.Div:
        return html.Div(
            [
                html.Label(label, htmlFor=id_),
                dcc.Input(id=id_, type="number", value=value, step=step, debounce=True),
            ],
            className="field",
        )

    who = regions.label(scenario.target, lang)
    controls = [
        html.Label(t(lang, "serve_target_real", who=who), htmlFor="target-real-box"),
        dcc.Slider(
            id="target-real",
            min=lo,
            max=hi,
            step=step,
            value=min(max(start, lo), hi),
            marks={v: f"{v:g}%" for v in range(int(lo), int(hi) + 1, 2)},
            tooltip={"always_visible": True, "placement": "bottom"},
            updatemode="drag",
            **_no_direct_input(dcc),  # type: ignore[arg-type]
        ),
        html.Div(
            [
                dcc.Input(id="target-real-box", type="number", value=start, step=step, debounce=True),
                html.Span(t(lang, "serve_typed"), className="muted"),
            ],
            className="field",
        ),  # fmt: skip
        number("target-deflator", t(lang, "serve_target_deflator", who=who)),
        number("national-shift", t(lang, "serve_national")),
    ]
    if session.has_commodity():
        controls.append(number("commodity-shift", t(lang, "serve_commodity")))
    else:
        controls.append(dcc.Input(id="commodity-shift", type="hidden", value=0))
    options = [
        {"label": f"{regions.label(j, lang)} ({regions.codes[j]})", "value": j}
        for j in range(scenario.n_regions)
        if j != scenario.target
    ]
    controls += [
        html.Div(
            [
                html.Label(t(lang, "serve_rival"), htmlFor="rival"),
                dcc.Dropdown(id="rival", options=options, value=rival, clearable=True),
            ],
            className="field",
        ),
        number("rival-shift", t(lang, "serve_rival_shift")),
        html.Div(
            [
                html.Label(t(lang, "serve_deadline"), htmlFor="deadline"),
                dcc.Input(id="deadline", type="text", value=str(deadline0), debounce=True),
            ],
            className="field",
        ),  # fmt: skip
        html.Hr(),
        html.Div(
            [
                dcc.Input(
                    id="save-name",
                    type="text",
                    value=f"{scenario.source.path.stem or 'scenario'}_whatif.yaml",
                ),
                html.Button(t(lang, "serve_save"), id="save", n_clicks=0),
            ],
            className="field",
        ),
        html.Div(id="save-message", className="muted"),
        html.Button(t(lang, "serve_download"), id="download", n_clicks=0, className="link"),
        dcc.Download(id="report-download"),
    ]
    # Dash puts the title into the page as it is: escaped here (a scenario's name is user text)
    title = html_text.escape(f"ranksim serve — {scenario.name}")
    app = dash.Dash(__name__, title=title, update_title="")
    app.server.config["MAX_CONTENT_LENGTH"] = MAX_BODY
    app.server.wsgi_app = Guard(app.server.wsgi_app, port, lang=lang)  # type: ignore[method-assign]
    app.index_string = app.index_string.replace("{%css%}", "{%css%}<style>" + CSS + "</style>")
    app.layout = html.Div(
        [
            html.H1(scenario.name, id="title"),
            html.Div(
                [
                    html.Div(
                        [
                            html.P(answer_sentence(proj0, lang), id="answer"),
                            html.P(id="probability"),
                            html.P(id="latency", className="muted"),
                            html.P(id="message", className="error", role="alert"),
                        ],
                        className="answer-text",
                    ),
                    html.Div(id="warnings", className="warnings", role="status"),
                ],
                className="answer",
            ),
            html.Div(
                [
                    html.Div(controls, className="controls"),
                    html.Div(
                        [dcc.Graph(id="bump", figure=bump0), dcc.Graph(id="gap", figure=gap0)],
                        className="charts",
                    ),
                ],
                className="row",
            ),
        ],
        className="main",
    )
    inputs = [
        Input("target-real-box", "value"),
        Input("target-deflator", "value"),
        Input("national-shift", "value"),
        Input("commodity-shift", "value"),
        Input("rival", "value"),
        Input("rival-shift", "value"),
    ]

    def state_of(real: Any, defl: Any, nat: Any, com: Any, riv: Any, riv_shift: Any) -> WhatIf:
        target_real = _number(real, "target_real")
        w = WhatIf(
            target_real=None if abs(target_real - start) < 1e-9 else target_real,
            target_deflator_shift=_number(defl, "target_deflator_shift"),
            national_shift=_number(nat, "national_shift"),
            commodity_shift=_number(com, "commodity_shift"),
            rival=_rival(riv, scenario) if riv is not None else None,
            rival_shift=_number(riv_shift, "rival_shift") if riv is not None else 0.0,
        )
        w.check()
        return w

    def problem(exc: Exception) -> str:
        from sim.present.edge import error_text

        if isinstance(exc, InputError):
            label = t(lang, f"serve_field_{exc.field}") if exc.field else ""
            return t(lang, "serve_bad", what=label, msg=error_text(exc, lang))
        return t(lang, "serve_failed", msg=f"{type(exc).__name__}: {exc}")

    @app.callback(
        Output("target-real", "value"),
        Output("target-real-box", "value"),
        Input("target-real", "value"),
        Input("target-real-box", "value"),
        prevent_initial_call=True,
    )
    def sync(slider: Any, box: Any) -> tuple[Any, Any]:
        """The slider and the typed box show one value: the one last changed (the slider shows a
        typed value beyond its range at its end)."""
        if dash.ctx.triggered_id == "target-real":
            return dash.no_update, slider
        if box is None or isinstance(box, bool):
            return dash.no_update, dash.no_update
        return min(max(float(box), lo), hi), dash.no_update

    def title(w: WhatIf) -> str:
        """The page's title: the scenario's name, then what the state changes in words."""
        parts = []
        if w.target_real is not None:
            parts.append(t(lang, "serve_t_real", who=who, v=w.target_real))
        for name, value in (("target_deflator", w.target_deflator_shift), ("national", w.national_shift),
                            ("commodity", w.commodity_shift)):  # fmt: skip
            if value:
                parts.append(t(lang, f"serve_t_{name}", who=who, v=value))
        if w.rival is not None and w.rival_shift:
            parts.append(t(lang, "serve_t_rival", who=regions.label(w.rival, lang), v=w.rival_shift))
        if not parts:
            return scenario.name
        return t(lang, "serve_title", name=scenario.name, what=t(lang, "list_semicolon").join(parts))

    def warning_list(w: WhatIf) -> Any:
        items = session.warnings(w, lang)
        if not items:
            return []
        return [html.Strong(t(lang, "serve_warnings")), html.Ul([html.Li(m) for m in items])]

    @app.callback(
        Output("answer", "children"),
        Output("probability", "children"),
        Output("latency", "children"),
        Output("latency", "title"),  # a stamp per update (browser tests and the benchmark wait on it)
        Output("message", "children"),
        Output("bump", "figure"),
        Output("gap", "figure"),
        Output("title", "children"),
        Output("warnings", "children"),
        *inputs,
        Input("deadline", "value"),
    )
    @_worded_by(scenario)
    def update(*values: Any) -> tuple[Any, ...]:
        try:
            w = state_of(*values[:-1])
            deadline = _deadline(values[-1], scenario)
            ev = session.evaluate(w)
            notes = warning_list(w)
        except Exception as exc:  # noqa: BLE001 - the server never dies: the message is shown inline
            keep = dash.no_update
            return keep, keep, keep, keep, problem(exc), keep, keep, keep, keep
        bump, gap = Patch(), Patch()
        _patch_bump(bump, bump0, ev, lang)
        _patch_gap(gap, gap0, ev, lang)
        latency = t(lang, "serve_latency", ms=ev.seconds * 1000)
        prob = _probability_text(ev, deadline, session, lang)
        stamp = f"{time.time():.6f}"
        answer = answer_sentence(ev.projection, lang)
        return answer, prob, latency, stamp, "", bump, gap, title(w), notes

    @app.callback(
        Output("save-message", "children"),
        Input("save", "n_clicks"),
        State("save-name", "value"),
        *[State(i.component_id, i.component_property) for i in inputs],
        prevent_initial_call=True,
    )
    @_worded_by(scenario)
    def save(_: int, name: Any, *values: Any) -> str:
        try:
            w = state_of(*values)
            path = save_target(folder, name, scenario)
            from sim.present.output import create_new

            try:
                create_new(path, session.scenario_yaml(w, path))
            except FileExistsError:
                raise InputError(msg("app.save_exists", name=path.name), field="save") from None
        except Exception as exc:  # noqa: BLE001
            return problem(exc)
        return t(lang, "serve_saved", path=str(path))

    @app.callback(
        Output("report-download", "data"),
        Output("save-message", "children", allow_duplicate=True),
        Input("download", "n_clicks"),
        *[State(i.component_id, i.component_property) for i in inputs],
        prevent_initial_call=True,
    )
    @_worded_by(scenario)
    def download(_: int, *values: Any) -> tuple[Any, Any]:
        try:
            from sim.present.workflows import report

            variant = session.variant(state_of(*values))
            page = report(variant, lang=lang, seed=seed)
        except Exception as exc:  # noqa: BLE001
            return dash.no_update, problem(exc)
        return {"content": page, "filename": "whatif.html", "type": "text/html"}, ""

    return app


def listen(port: int) -> socket.socket:
    """A socket listening on 127.0.0.1:``port``; an :class:`~sim.errors.ArgumentError` naming the
    field ``port`` when the port is out of range or cannot be had (in use, not allowed)."""
    if not 1 <= port <= 65535:
        raise ArgumentError(msg("app.not_port", port=port), field="port")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # not past a live listener on Linux
    try:
        sock.bind((HOST, port))
        sock.listen(1024)
    except OSError as exc:
        sock.close()
        said = (
            msg("app.port_in_use", port=port, host=HOST)
            if exc.errno == errno.EADDRINUSE
            else msg("app.port_unusable", port=port, host=HOST, why=exc.strerror)
        )
        raise ArgumentError(said, field="port") from None
    return sock


def serve(
    scenario: Scenario, *, port: int = 8050, paths: int = 1000, lang: str = "en", save_dir: Path | None = None
) -> None:
    """Serve the app on 127.0.0.1:``port`` with waitress (a production WSGI server, not the
    development server) until interrupted. The port is taken before the app is built, so a
    port in use fails at once."""
    from waitress.server import create_server

    sock = listen(port)
    try:
        app = build_app(scenario, paths=paths, lang=lang, save_dir=save_dir, port=port)
        server = create_server(app.server, sockets=[sock], threads=4, max_request_body_size=MAX_BODY)
    except BaseException:
        sock.close()
        raise
    print(t(lang, "serve_listening", url=f"http://{HOST}:{port}/"), flush=True)
    try:
        server.run()
    finally:
        server.close()


CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",Arial,sans-serif;margin:0;color:#222;background:#fafafa}
.main{max-width:1400px;margin:0 auto;padding:16px 24px;background:#fff}
h1{font-size:1.4em;margin:0 0 8px}
.answer{font-size:1.05em;background:#fff4ec;border-left:5px solid #D55E00;padding:8px 14px;margin:8px 0;display:flex;gap:18px}
.answer-text{flex:1} .warnings{flex:0 0 38%;font-size:.9em;color:#8a4b00} .warnings ul{margin:4px 0;padding-left:18px}
.answer p{margin:4px 0} .muted{color:#666;font-size:.9em} .error{color:#b00020;font-weight:bold}
.row{display:flex;gap:18px} .controls{flex:0 0 320px} .charts{flex:1;min-width:0}
.field{margin:12px 0} .field label{display:block;font-size:.9em;margin-bottom:3px}
.field input[type=number],.field input[type=text]{width:140px;padding:3px}
button{margin:4px 6px 4px 0;padding:4px 10px} button.link{background:none;border:none;color:#0072B2;text-decoration:underline;cursor:pointer;padding:0}
"""

__all__ = ["HOST", "build_app", "listen", "save_target", "serve"]
