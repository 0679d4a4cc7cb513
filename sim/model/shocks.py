"""Historical deviations and how to draw from them (bootstrap of whole years, or shrunk normal).

A year's deviation of region ``i`` is what happened minus what the growth model says
(national + the region's mean spread), in log terms, for real growth and the deflator,
plus the national deviations (national growth minus its window mean). Resampling whole
years keeps the cross-region correlation and the coal-price co-movement of deflators.

Only years in which every region's real growth and deflator are defined are usable (the
2006 nominal splice drops out by itself).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sim._typing import FloatArray, IntArray
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
        from sim.errors import ScenarioError

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
