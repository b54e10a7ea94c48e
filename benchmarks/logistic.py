"""Weighted L2-regularised logistic regression, fitted with L-BFGS: the one solver behind
the learned models that benchmarks/ fits (the guard's detector and the ranking stage)."""

from __future__ import annotations

import numpy as np
import scipy.optimize as opt
import scipy.sparse as sp


def solve(x: np.ndarray | sp.csr_matrix, y: np.ndarray, weight: np.ndarray, l2: float,
          maxiter: int = 400) -> np.ndarray:
    """Coefficients for the columns of ``x`` followed by the intercept, minimising
    Σ wᵢ·logloss(yᵢ, xᵢ·β + b) / Σ w + ½·l2·|β|² (the intercept is not penalised)."""
    weight = weight / weight.sum()
    ones = np.ones((x.shape[0], 1))
    xb = sp.hstack([x, ones]).tocsr() if sp.issparse(x) else np.hstack([x, ones])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = xb @ w
        value = float(weight @ (np.logaddexp(0, z) - y * z)) + 0.5 * l2 * float(w[:-1] @ w[:-1])
        g = xb.T @ (weight * (1.0 / (1.0 + np.exp(-z)) - y))
        g[:-1] += l2 * w[:-1]
        return value, g

    result = opt.minimize(loss, np.zeros(xb.shape[1]), jac=True, method="L-BFGS-B",
                          options={"maxiter": maxiter})
    return np.asarray(result.x)
