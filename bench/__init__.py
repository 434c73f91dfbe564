"""Benchmarks (not run in CI); see README, "Benchmarks"."""
