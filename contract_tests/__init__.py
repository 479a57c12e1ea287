"""Contract tests: the spec, the generated client and the mock proven against each other.

This is what a user's CI runs (``make contract``; ``make test`` includes it at CI depth).
"""
