"""One Excel workbook of a result (what the command line writes with its xlsx option): a summary sheet, then one sheet per table.

The summary sheet states the question, the answer, what it assumes (the report's assumptions
table, each value with its source) and the provenance, in the language asked for; every table of
:func:`sim.present.tables.result_tables` follows on its own sheet with a frozen header row,
number formats (GDP with thousands separators, percentages with two decimals, probabilities as
percentages) and the regions' Chinese names beside their codes. Written with openpyxl. No cell
is a formula: text that looks like one (a name starting with ``=``, say) is a string cell marked
to stay text (``quotePrefix``), as Excel marks text typed after a ``'``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from sim import names
from sim.analyses.backtest import BacktestResult
from sim.analyses.montecarlo import MonteCarloResult
from sim.engine.projection import Projection, project
from sim.inputs.panel import Regions
from sim.present.headers import localized
from sim.present.headers import sheet as sheet_name
from sim.present.i18n import t
from sim.present.summaries import summary
from sim.present.tables import Tables, file_table, formula_like
from sim.present.text import (
    answer_sentence,
    assumption_sentence,
    montecarlo_line,
    passed_by_sentence,
    probability_text,
)
from sim.provenance import Provenance

#: Number formats by column: GDP, probabilities, everything else in percent or points.
GDP_FORMAT, PROBABILITY_FORMAT, DECIMAL_FORMAT, INTEGER_FORMAT = "#,##0.0", "0.0%", "0.00", "0"
PROBABILITY_COLUMNS = {names.REACH_PROBABILITY, names.IN_BAND_PROBABILITY}
#: Widest column, in characters.
MAX_WIDTH = 60


def summary_rows(result: Any, lang: str = "en", provenance: Provenance | None = None) -> list[list[str]]:
    """The summary sheet's rows: question, answer, assumptions (with sources), provenance."""
    from sim.present.report import assumptions_rows

    sc = result.scenario
    prov = provenance or sc.provenance(seed=getattr(result, "seed", None))
    rows = [[t(lang, "x_scenario"), sc.name]]
    if isinstance(result, BacktestResult):
        rows.append([t(lang, "x_question"), t(lang, "x_question_backtest", h=result.horizon)])
        rows += [[t(lang, "x_result"), line.strip()] for line in summary(result, lang).splitlines()]
        proj = None
    else:
        proj = result if isinstance(result, Projection) else _projection(result)
        who = sc.panel.regions.label(sc.target, lang)
        question = t(lang, "x_question_run", who=who, k=sc.threshold_rank, n=sc.n_regions, h=sc.horizon)
        rows.append([t(lang, "x_question"), question])
        rows.append([t(lang, "x_answer"), answer_sentence(proj, lang) + " " + passed_by_sentence(proj, lang)])
        rows.append([t(lang, "x_assumed"), assumption_sentence(proj, lang)])
        if isinstance(result, MonteCarloResult):  # P(reach) by the deadlines, then the whole line
            rows.append([t(lang, "x_p_reach"), p_reach_text(result, lang)])
            lines = montecarlo_line(result, lang).splitlines()
            rows += [[t(lang, "x_result"), line.strip()] for line in lines]
        elif not isinstance(result, Projection):
            rows += [[t(lang, "x_result"), line.strip()] for line in summary(result, lang).splitlines()]
    if proj is not None:
        rows += [[], [t(lang, "assumption"), t(lang, "value"), t(lang, "source")]]
        rows += [list(r) for r in assumptions_rows(proj, lang)]
        rows.append([t(lang, "x_every_value"), t(lang, "x_sheet", s="assumptions")])
    rows += [[], [t(lang, "provenance")], ["ranksim", prov.version]]
    rows.append([t(lang, "x_command"), " ".join(prov.command) if prov.command else "–"])
    if prov.seed is not None:
        rows.append([t(lang, "x_seed"), str(prov.seed)])
    rows += [[t(lang, "file"), path, sha] for path, sha in prov.files.items()]
    return rows


def p_reach_text(mc: MonteCarloResult, lang: str) -> str:
    """P(reach) by 2027, 2030, 2035 and the horizon, as the report words it ("by 2030: <1%")."""
    sc = mc.scenario
    prob = mc.reach_probability()
    years = [y for y in sorted({2027, 2030, 2035, sc.horizon}) if sc.base_year < y <= sc.horizon]
    shown = [t(lang, "top_mc_by", y=y, p=probability_text(float(prob[y - sc.base_year]))) for y in years]
    return t(lang, "list_sep").join(shown) + t(lang, "x_p_reach_paths", paths=mc.paths, seed=mc.seed)


def _projection(result: Any) -> Projection:
    return result.projection if isinstance(result, MonteCarloResult) else project(result.scenario)


def workbook_bytes(
    summary_sheet: Sequence[Sequence[str]],
    tables: Tables,
    main: str,
    lang: str = "en",
    regions: Regions | None = None,
) -> bytes:
    """The ``.xlsx`` file: the summary sheet, then one sheet per table (the main one named
    ``main``), each with a frozen header row and number formats; sheet names, headers and
    categorical values in Chinese for ``lang`` "zh"."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name("summary", lang)
    for row in summary_sheet:
        sheet.append(list(row))
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 100
    sheet.column_dimensions["C"].width = 60
    for cells in sheet.iter_rows(min_col=2, max_col=3):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in sheet["A"]:
        cell.font = Font(bold=True)
    for name, frame in tables.items():
        target = book.create_sheet(sheet_name(name or main, lang))
        _table_sheet(target, file_table(frame), Font(bold=True), lang, regions)
    for each in book.worksheets:
        _text_cells(each)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _table_sheet(
    sheet: Any, frame: pd.DataFrame, bold: Any, lang: str = "en", regions: Regions | None = None
) -> None:
    from openpyxl.utils import get_column_letter

    shown = localized(frame, lang, regions)  # number formats are chosen by the keys, below
    sheet.append([str(c) for c in shown.columns])
    for row in shown.itertuples(index=False):
        sheet.append([_cell(v) for v in row])
    sheet.freeze_panes = "A2"
    for cell in sheet[1]:
        cell.font = bold
    for j, column in enumerate(frame.columns, start=1):
        letter = get_column_letter(j)
        fmt = _format(str(column), frame[column])
        if fmt is not None:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=j, max_col=j):
                cell.number_format = fmt
        texts = [str(shown.columns[j - 1]), *(str(v) for v in shown.iloc[:200, j - 1])]
        sheet.column_dimensions[letter].width = min(MAX_WIDTH, max(_width(s) for s in texts) + 2)


def _width(text: str) -> int:
    """Display width: a Chinese character takes two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _text_cells(sheet: Any) -> None:
    """Every formula-like text of ``sheet`` a string cell that stays text (never a formula)."""
    for row in sheet.iter_rows():
        for cell in row:
            if formula_like(cell.value):
                cell.data_type = "s"
                cell.quotePrefix = True


def _format(column: str, values: pd.Series) -> str | None:
    if column == names.GDP:
        return GDP_FORMAT
    if column in PROBABILITY_COLUMNS:
        return PROBABILITY_FORMAT
    if pd.api.types.is_float_dtype(values):
        return DECIMAL_FORMAT
    if pd.api.types.is_integer_dtype(values):
        return INTEGER_FORMAT
    return None


def _cell(value: Any) -> Any:
    """A value openpyxl can store: numpy scalars as Python numbers, missing as an empty cell."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value
