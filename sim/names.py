"""Column names of every result table (``to_frame()``), defined once, with their units.

Region identity columns come first in every table that has regions; growth is in percent,
GDP in 100 million yuan (亿元), ranks are 1 = largest.

One vocabulary: an outcome has one column name in every result. A long table (one row a year)
names it as below (``rank``, ``gap_pct``, ``reach_probability``); a wide table (one row a
scenario or experiment) suffixes the year: ``rank_2030``, ``gap_pct_2030``,
``reach_probability_2030``, ``reached_by_2030`` (:func:`by_year`). A censored outcome (a reach
year never reached by the horizon) is missing (``<NA>``), never a sentinel year.

The long format of every result (``to_long()``, IAMC style: :data:`LONG_COLUMNS`) names each
outcome by its variable and unit in :data:`OUTCOMES`.
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
UNIT = "unit"  # the unit of a parameter's low and high values (percent a year, points, years, rank)
LOW, HIGH, OUTCOME_LOW, OUTCOME_HIGH, SWING = "low", "high", "outcome_low", "outcome_high", "swing"
FIRST_ORDER, FIRST_ORDER_LO, FIRST_ORDER_HI = "first_order", "first_order_lo", "first_order_hi"
TOTAL_ORDER, TOTAL_ORDER_LO, TOTAL_ORDER_HI = "total_order", "total_order_lo", "total_order_hi"
SENSITIVITY_COLUMNS = (
    PARAM, MODE, UNIT, LOW, HIGH, OUTCOME_LOW, OUTCOME_HIGH, SWING,
    FIRST_ORDER, FIRST_ORDER_LO, FIRST_ORDER_HI, TOTAL_ORDER, TOTAL_ORDER_LO, TOTAL_ORDER_HI,
)  # fmt: skip

# Solve (one row a deadline)
DEADLINE = "by"
REQUIRED = "required_real_growth_pct"  # NaN: not reachable in the search range
REQUIRED_LEAD = "required_lead_pp"  # solve(lead=True): the lead over the national path needed
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

# Experiments (one row an experiment: the design's columns, then the outcomes)
EXPERIMENT = "experiment"  # the row label of a design
REACHED_BY = "reached_by"  # wide: reached_by_<year>, True when reached by that year (never <NA>)


def by_year(name: str, year: int) -> str:
    """The wide column of outcome ``name`` in ``year``: ``rank_2030``, ``gap_pct_2030``."""
    return f"{name}_{int(year)}"


def split_year(column: str) -> tuple[str, int | None]:
    """``rank_2030`` -> ("rank", 2030); a column without a year suffix -> (column, None)."""
    head, _, tail = str(column).rpartition("_")
    return (head, int(tail)) if head and tail.isdigit() and len(tail) == 4 else (str(column), None)


# Sensitivity analyses of an existing design (sim.analyze), one row a parameter
METHOD = "method"
SOBOL_S1_CONF, SOBOL_ST_CONF = "first_order_conf", "total_order_conf"
MORRIS_MU, MORRIS_MU_STAR, MORRIS_SIGMA, MORRIS_MU_STAR_CONF = "mu", "mu_star", "sigma", "mu_star_conf"
DELTA, DELTA_CONF = "delta", "delta_conf"
ANALYSIS_COLUMNS = {
    "sobol": (PARAM, FIRST_ORDER, SOBOL_S1_CONF, TOTAL_ORDER, SOBOL_ST_CONF),
    "morris": (PARAM, MORRIS_MU, MORRIS_MU_STAR, MORRIS_SIGMA, MORRIS_MU_STAR_CONF),
    "delta": (PARAM, DELTA, DELTA_CONF, FIRST_ORDER, SOBOL_S1_CONF),
}

# Diff (one row a change): each change's effect on each outcome (step_<outcome>, shapley_<outcome>)
DIFF_STEP, DIFF_SHAPLEY = "step", "shapley"

# The long format of every result: IAMC style (pyam's IAMC_IDX plus year and value)
MODEL, SCENARIO, REGION_NAME, VARIABLE, VALUE = "model", "scenario", "region", "variable", "value"
LONG_COLUMNS = (MODEL, SCENARIO, REGION_NAME, VARIABLE, UNIT, YEAR, VALUE)
MODEL_NAME = "ranksim"  # the model column of every long table

#: Every outcome column (long name, without a year suffix) -> (IAMC variable, unit). One name a
#: variable: tests/test_vocabulary.py checks every result's columns against this table.
OUTCOMES: dict[str, tuple[str, str]] = {
    GDP: ("GDP|Nominal", "100 million yuan"),
    PER_HEAD: ("GDP per capita|Nominal", "yuan"),
    RANK: ("Rank", "rank"),
    GAP_PCT: ("Gap to threshold", "%"),
    REACH_YEAR: ("Reach year", "year"),
    REACHED_BY: ("Reached", "1"),
    REACH_PROBABILITY: ("Reach probability", "1"),
    IN_BAND_PROBABILITY: ("In-band probability", "1"),
    RANK_Q10: ("Rank|Quantile 10%", "rank"),
    RANK_Q50: ("Rank|Quantile 50%", "rank"),
    RANK_Q90: ("Rank|Quantile 90%", "rank"),
    REQUIRED: ("Required real growth", "% a year"),
    REQUIRED_LEAD: ("Required lead over national growth", "pp a year"),
    PREDICTED_RANK: ("Rank|Predicted", "rank"),
    NAIVE_RANK: ("Rank|Naive", "rank"),
    ACTUAL_RANK: ("Rank|Actual", "rank"),
    REAL_PCT: ("Real growth", "% a year"),
    DEFLATOR_PCT: ("Deflator", "% a year"),
    NOMINAL_PCT: ("Nominal growth", "% a year"),
    OUTCOME_LOW: ("Sensitivity|Outcome at low", "outcome"),
    OUTCOME_HIGH: ("Sensitivity|Outcome at high", "outcome"),
    SWING: ("Sensitivity|Swing", "outcome"),
    FIRST_ORDER: ("Sensitivity|Sobol first order", "1"),
    TOTAL_ORDER: ("Sensitivity|Sobol total order", "1"),
    MORRIS_MU: ("Sensitivity|Morris mu", "outcome"),
    MORRIS_MU_STAR: ("Sensitivity|Morris mu*", "outcome"),
    MORRIS_SIGMA: ("Sensitivity|Morris sigma", "outcome"),
    DELTA: ("Sensitivity|Delta", "1"),
    DIFF_STEP: ("Diff|One at a time", "outcome"),
    DIFF_SHAPLEY: ("Diff|Shapley", "outcome"),
}

#: Units of a parameter's values, by kind (sim.inputs.params.Kind) and mode.
PARAMETER_UNITS = {
    ("province_real", "set"): "% a year", ("province_real", "shift"): "pp a year",
    ("province_defl", "set"): "% a year", ("province_defl", "shift"): "pp a year",
    ("province_lead", "set"): "pp a year",
    ("national_real", "set"): "% a year", ("national_real", "shift"): "pp a year",
    ("national_defl", "set"): "% a year", ("national_defl", "shift"): "pp a year",
    ("half_life", "set"): "years", ("half_life", "shift"): "years",
    ("deflator_half_life", "set"): "years",
    ("threshold", "set"): "rank", ("threshold", "shift"): "ranks",
}  # fmt: skip

# Compare (long: a `scenario` column first in every table)
# SCENARIO (above): in a comparison, the scenario's label, its file's stem
SCENARIO_NAME, SCENARIO_FILE = "scenario_name", "scenario_file"
STAYS_UNTIL = "stays_until"  # a target inside in the base year: the last year it stays inside
HORIZON_RANK = "horizon_rank"
P_REACH_PREFIX = "p_reach_"  # p_reach_<year>: P(reach by that year)
REACH_YEAR_Q50 = "reach_year_q50"  # the median reach year over the Monte Carlo paths
CHANGE, SERIES, WHERE = "key", "item", "where"  # with VALUE (above)  # a differing value: what, where, how much
