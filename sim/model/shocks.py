"""Historical deviations and the uncertainty methods that draw shocks from them.

Each method is a :class:`ShockModel` subclass registered in :data:`METHODS` under the name a
scenario's ``uncertainty.method`` uses; Monte Carlo and backtest coverage both ask
:func:`shock_model` for it, so they cannot diverge. A method draws shocks to every region's
nominal log growth *relative to a reference region* (the target): ranks depend only on
differences, and relative shocks keep the kernels small. Draws come in two forms the engine
knows: :class:`IndexedDraws` (rows of a table, for resampling) and :class:`DenseDraws`.
Adding a method is one class here plus its test.

A year's deviation of region ``i`` is what happened minus what the growth model says
(national + the region's mean spread), in log terms, for real growth and the deflator,
plus the national deviations (national growth minus its window mean). Resampling whole
years keeps the cross-region correlation and the coal-price co-movement of deflators.

Only years in which every region's real growth and deflator are defined are usable (the
2006 nominal splice drops out by itself).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from sim._typing import FloatArray, IntArray
from sim.errors import ScenarioError
from sim.inputs.panel import Panel


@dataclass(frozen=True)
class Deviations:
    """Historical deviations by year: ``(H, N)`` arrays and ``(H,)`` national ones."""

    years: IntArray
    real: FloatArray  # region real log growth minus national, minus its window mean
    deflator: FloatArray
    national_real: FloatArray  # national log growth minus its window mean
    national_deflator: FloatArray

    @property
    def nominal(self) -> FloatArray:
        """Total nominal log-growth shock of every region per historical year, ``(H, N)``."""
        return self.real + self.deflator + (self.national_real + self.national_deflator)[:, None]

    def __len__(self) -> int:
        return int(self.years.size)


def deviations(panel: Panel, window: tuple[int, int], exclude_years: tuple[int, ...] = ()) -> Deviations:
    """Deviations of every usable year in ``window`` (inclusive), minus ``exclude_years``."""
    years = panel.years
    nat = panel.national
    use = (years >= window[0]) & (years <= window[1]) & ~np.isin(years, exclude_years)
    use &= np.isfinite(panel.log_deflator).all(axis=1) & np.isfinite(nat.log_deflator)
    if use.sum() < 2:
        raise ScenarioError(
            f"fewer than two usable years in {window[0]}-{window[1]} to estimate shocks",
            field="uncertainty.window",
        )
    rel_r = panel.log_real[use] - nat.log_real[use, None]
    rel_d = panel.log_deflator[use] - nat.log_deflator[use, None]
    nat_r, nat_d = nat.log_real[use], nat.log_deflator[use]
    return Deviations(
        years=years[use],
        real=rel_r - rel_r.mean(axis=0),
        deflator=rel_d - rel_d.mean(axis=0),
        national_real=nat_r - nat_r.mean(),
        national_deflator=nat_d - nat_d.mean(),
    )


def bootstrap_indices(
    rng: np.random.Generator, n_years: int, paths: int, horizon: int, block: int = 1
) -> np.ndarray:
    """Indices of historical years for every path and projected year, ``(paths, horizon)``.

    Blocks of ``block`` consecutive historical years start at uniform positions, so
    persistence within a block is kept. dtype int16.
    """
    block = max(1, min(block, n_years))
    n_blocks = -(-horizon // block)
    starts = rng.integers(0, n_years - block + 1, size=(paths, n_blocks), dtype=np.int16)
    if block == 1:
        return starts
    idx = (starts[:, :, None] + np.arange(block, dtype=np.int16)).reshape(paths, -1)
    return np.ascontiguousarray(idx[:, :horizon])


def shrunk_covariance(x: FloatArray) -> tuple[FloatArray, float]:
    """Covariance of the rows of ``x`` shrunk toward its diagonal (Schäfer-Strimmer intensity).

    Returns (covariance, intensity in [0, 1]). The intensity is the analytic optimum
    sum_{i!=j} Var(s_ij) / sum_{i!=j} s_ij^2 (Schäfer & Strimmer 2005, target "D").
    """
    h = x.shape[0]
    xc = x - x.mean(axis=0)
    w = xc[:, :, None] * xc[:, None, :]  # (H, N, N)
    s = w.sum(axis=0) / (h - 1)
    var_s = h / (h - 1) ** 3 * ((w - w.mean(axis=0)) ** 2).sum(axis=0)
    off = ~np.eye(x.shape[1], dtype=bool)
    denom = float((s[off] ** 2).sum())
    lam = float(np.clip(var_s[off].sum() / denom, 0.0, 1.0)) if denom > 0 else 1.0
    cov = s.copy()
    cov[off] *= 1.0 - lam
    return cov, lam


# --------------------------------------------------------------------------- draws


@dataclass(frozen=True)
class IndexedDraws:
    """Shocks as rows of a table: path p, projected year t gets ``table[idx[p, t]]``."""

    table: FloatArray  # (H, N) relative nominal log shocks per historical year
    idx: np.ndarray  # (P, T) int16

    @property
    def paths(self) -> int:
        """Number of paths P."""
        return int(self.idx.shape[0])

    def totals(self) -> FloatArray:
        """Cumulative shock of every region at the last projected year, ``(P, N)``."""
        return self.table[self.idx].sum(axis=1)

    def rows(self, lo: int, hi: int) -> IndexedDraws:
        """Paths ``lo`` to ``hi`` of these draws."""
        return IndexedDraws(self.table, self.idx[lo:hi])


@dataclass(frozen=True)
class DenseDraws:
    """Explicit shocks of some regions (``columns``); the others get none."""

    values: FloatArray  # (P, T, J)
    columns: IntArray  # (J,) region indices
    n_regions: int

    @property
    def paths(self) -> int:
        """Number of paths P."""
        return int(self.values.shape[0])

    def totals(self) -> FloatArray:
        """Cumulative shock of every region at the last projected year, ``(P, N)``; 0 outside
        ``columns``."""
        out = np.zeros((self.paths, self.n_regions))
        out[:, self.columns] = self.values.sum(axis=1)
        return out

    def rows(self, lo: int, hi: int) -> DenseDraws:
        """Paths ``lo`` to ``hi`` of these draws."""
        return DenseDraws(self.values[lo:hi], self.columns, self.n_regions)


Draws = IndexedDraws | DenseDraws


# --------------------------------------------------------------------------- methods


class ShockModel(ABC):
    """An uncertainty method: draws relative shocks for ``paths`` paths of ``years`` years."""

    name: ClassVar[str]

    def __init__(self, deviations: Deviations, reference: int, *, block: int = 1, scale: float = 1.0):
        shock = deviations.nominal * scale
        self.deviations = deviations
        self.reference = reference
        self.block = block
        self.scale = scale
        self.relative = np.ascontiguousarray(shock - shock[:, reference : reference + 1])  # (H, N)

    @property
    def shrinkage(self) -> float | None:
        """Shrinkage intensity of a covariance estimate, where the method has one."""
        return None

    @abstractmethod
    def draw(self, rng: np.random.Generator, paths: int, years: int) -> Draws:
        """Shocks for ``paths`` paths and ``years`` projected years."""


class Bootstrap(ShockModel):
    """Whole historical years (all regions together), in blocks of ``block`` consecutive years."""

    name = "bootstrap"

    def draw(self, rng: np.random.Generator, paths: int, years: int) -> Draws:
        """Block-bootstrap rows of the relative-shock table, indices ``(paths, years)``."""
        idx = bootstrap_indices(rng, self.relative.shape[0], paths, years, self.block)
        return IndexedDraws(self.relative, idx)


class Normal(ShockModel):
    """Multivariate normal with the shrunk covariance of the historical relative deviations."""

    name = "normal"

    def __init__(self, deviations: Deviations, reference: int, *, block: int = 1, scale: float = 1.0):
        super().__init__(deviations, reference, block=block, scale=scale)
        n = self.relative.shape[1]
        self.columns = np.array([j for j in range(n) if j != reference], dtype=np.int64)
        cov, self._lam = shrunk_covariance(self.relative[:, self.columns])
        self.chol = np.linalg.cholesky(cov + 1e-12 * np.eye(self.columns.size))

    @property
    def shrinkage(self) -> float | None:
        """Shrinkage intensity toward the diagonal of the fitted covariance, in [0, 1]."""
        return self._lam

    def draw(self, rng: np.random.Generator, paths: int, years: int) -> Draws:
        """Independent shocks per path and year, every region but the reference: ``(paths, years, N-1)``."""
        z = rng.standard_normal((paths, years, self.columns.size)) @ self.chol.T
        return DenseDraws(np.ascontiguousarray(z), self.columns, self.relative.shape[1])


class NoShocks(ShockModel):
    """No shocks: every path is the deterministic projection."""

    name = "none"

    def draw(self, rng: np.random.Generator, paths: int, years: int) -> Draws:
        """Zero shocks (no columns): every path is the deterministic projection."""
        n = self.relative.shape[1]
        return DenseDraws(np.zeros((paths, years, 0)), np.zeros(0, dtype=np.int64), n)


#: Uncertainty methods by the name ``uncertainty.method`` uses.
METHODS: dict[str, type[ShockModel]] = {m.name: m for m in (Bootstrap, Normal, NoShocks)}


def shock_model(
    panel: Panel,
    method: str,
    window: tuple[int, int],
    exclude_years: tuple[int, ...],
    reference: int,
    *,
    block: int = 1,
    scale: float = 1.0,
) -> ShockModel:
    """The uncertainty method ``method`` fitted on the panel's deviations in ``window``."""
    if method == "none":
        n = panel.n_regions
        none = np.zeros((0, n))
        empty = Deviations(np.zeros(0, np.int64), none, none, np.zeros(0), np.zeros(0))
        return NoShocks(empty, reference)
    dev = deviations(panel, window, exclude_years)
    return METHODS[method](dev, reference, block=block, scale=scale)
