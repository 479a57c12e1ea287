"""Faults on demand: delays, failures, broken connections and rate limits.

- ``values``: the values and their text forms (``uniform:100-300``, ``0.1:503``, ``10/60``).
- ``config``: ``FaultsConfig`` (``MockConfig.faults``) and the ``--faults`` file.
- ``requested``: ``Prefer: delay=MS, fault=KIND`` and the ``__delay``/``__fault`` fallbacks.
- ``injector``: what goes wrong with one request (seeded draws, fixed rate-limit windows).
- ``delivery``: sending an answer late, dribbled, or breaking its connection.
- ``admin``: ``GET/POST/DELETE /__admin/faults``.
- ``options``: the command line's ``--delay``, ``--fail``, ``--rate-limit``, ``--faults``.
"""
