"""The hand-written runtime of the generated client `leeloo_client`.

These modules are ordinary source: linted and type-checked (`mypy --strict`) with the rest of
the project, and copied as they are into `generated_client/leeloo_client/` by
`generator/generate.py` (this `__init__` excepted). The templates hold only what varies with the
spec (the operations, the resources). Import them here only through relative imports, so that
they work unchanged inside the package.
"""
