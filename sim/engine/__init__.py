"""The engine: log levels, ranks and outcomes of one run or a batch (numba kernels + numpy twins)."""
