"""Column names of every result table (``to_frame()``), defined once.

Region identity columns come first in every table that has regions; growth is in percent,
GDP in 100 million yuan (亿元), ranks are 1 = largest.
"""

from __future__ import annotations

# Identity
YEAR, CODE, EN, ZH = "year", "code", "en", "zh"
REGION = (CODE, EN, ZH)

# Projection (long: year x region)
GDP = "gdp_nominal_100m_yuan"
RANK = "rank"
PROJECTED = "projected"  # False for history and the base year
PROJECTION_COLUMNS = (YEAR, CODE, EN, ZH, GDP, RANK, PROJECTED)
#: Added after GDP when a scenario ranks by GDP per head (``measure: gdp_per_capita``).
PER_HEAD = "gdp_per_capita_yuan"
#: Values of the ``projected`` column in CSV files and workbooks (``to_frame()`` keeps booleans).
ACTUAL_LABEL, PROJECTED_LABEL = "actual", "projected"

# Assumptions (long: projected year x region): every growth value and where it comes from
REAL_PCT, REAL_SOURCE = "real_growth_pct", "real_source"
DEFLATOR_PCT, DEFLATOR_SOURCE = "deflator_pct", "deflator_source"
NOMINAL_PCT = "nominal_growth_pct"
BASE_RANK = "base_rank"  # the region's rank in the base year
ASSUMPTION_COLUMNS = (
    YEAR, CODE, EN, ZH, BASE_RANK, REAL_PCT, REAL_SOURCE, DEFLATOR_PCT, DEFLATOR_SOURCE, NOMINAL_PCT,
)  # fmt: skip

# Monte Carlo (one row a year, base year first)
REACH_PROBABILITY = "reach_probability"  # P(rank <= threshold in some year up to this one)
IN_BAND_PROBABILITY = "in_band_probability"  # P(rank <= threshold in this year)
RANK_Q10, RANK_Q50, RANK_Q90 = "rank_q10", "rank_q50", "rank_q90"
MONTECARLO_COLUMNS = (YEAR, REACH_PROBABILITY, IN_BAND_PROBABILITY, RANK_Q10, RANK_Q50, RANK_Q90)

# Sweep (long: grid point x reported year; parameter columns first, named by their labels)
POINT = "point"
REACH_YEAR = "reach_year"  # nullable: never reached by the horizon
GAP_PCT = "gap_pct"  # target GDP / GDP at the threshold rank among the others - 1, in %
SWEEP_OUTCOME_COLUMNS = (POINT, REACH_YEAR, YEAR, RANK, GAP_PCT)
THRESHOLD = "threshold_rank"  # the "which midfield?" table: reach year by threshold rank

# Sensitivity (one row a parameter, tornado order)
PARAM, MODE = "param", "mode"
LOW, HIGH, OUTCOME_LOW, OUTCOME_HIGH, SWING = "low", "high", "outcome_low", "outcome_high", "swing"
FIRST_ORDER, FIRST_ORDER_LO, FIRST_ORDER_HI = "first_order", "first_order_lo", "first_order_hi"
TOTAL_ORDER, TOTAL_ORDER_LO, TOTAL_ORDER_HI = "total_order", "total_order_lo", "total_order_hi"
SENSITIVITY_COLUMNS = (
    PARAM, MODE, LOW, HIGH, OUTCOME_LOW, OUTCOME_HIGH, SWING,
    FIRST_ORDER, FIRST_ORDER_LO, FIRST_ORDER_HI, TOTAL_ORDER, TOTAL_ORDER_LO, TOTAL_ORDER_HI,
)  # fmt: skip

# Solve (one row a deadline)
DEADLINE = "by"
REQUIRED = "required_real_growth_pct"  # NaN: not reachable in the search range
PROBABILITY = "probability"  # NaN: deterministic
SOLVE_COLUMNS = (DEADLINE, REQUIRED, PROBABILITY)


def solve_gap_columns(per_capita: bool = False) -> dict[str, str]:
    """The columns of a solve's year-by-year gaps (``SolveResult.gaps()``), after ``year``: the
    target under the scenario's own path (``own``) and under the answer (``answer``); levels in
    100 million yuan (亿元), or yuan per head when ranking by GDP per head."""
    unit = "yuan_per_head" if per_capita else "100m_yuan"
    level = "gdp_per_capita" if per_capita else "gdp"
    return {
        "real_own": "real_growth_own_pct",
        "real_answer": "real_growth_answer_pct",
        "level_own": f"{level}_own_{unit}",
        "level_answer": f"{level}_answer_{unit}",
        "threshold": f"{level}_at_threshold_{unit}",
        "gap_own": f"gap_own_{unit}",
        "gap_own_pct": "gap_own_pct",
        "gap_answer": f"gap_answer_{unit}",
        "gap_answer_pct": "gap_answer_pct",
        "extra": f"extra_{level}_{unit}",
    }

# Backtest (long: jump-off x region)
JUMP_OFF = "jump_off_year"
PREDICTED_RANK, NAIVE_RANK, ACTUAL_RANK = "predicted_rank", "naive_rank", "actual_rank"
BACKTEST_COLUMNS = (JUMP_OFF, YEAR, CODE, EN, ZH, PREDICTED_RANK, NAIVE_RANK, ACTUAL_RANK)

# Compare (long: a `scenario` column first in every table)
SCENARIO = "scenario"  # the scenario's label: its file's stem
SCENARIO_NAME, SCENARIO_FILE = "scenario_name", "scenario_file"
STAYS_UNTIL = "stays_until"  # a target inside in the base year: the last year it stays inside
HORIZON_RANK = "horizon_rank"
P_REACH_PREFIX = "p_reach_"  # p_reach_<year>: P(reach by that year)
REACH_YEAR_Q50 = "reach_year_q50"  # the median reach year over the Monte Carlo paths
CHANGE, SERIES, WHERE, VALUE = "key", "item", "where", "value"  # a differing value: what, where, how much
