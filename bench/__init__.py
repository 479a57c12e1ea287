"""Benchmarks of the mock, the client and the contract suite (`make bench`); they print, never assert."""
