"""The request stages, one module each, as Prism's ``packages/http`` splits them.

``pipeline`` chains them: ``router`` (which operation) -> ``security`` (the key) -> ``validation``
(parameters through ``parameter_styles`` and ``coercion``, then the body) -> ``negotiation``
(status and media type) -> a producer (``mock_server.producers``, ``mock_server.stateful`` or
``mock_server.proxy``) -> ``response_check`` (the answer against its schema). A refusal is shaped
in one place, by ``problems`` (RFC 7807) or ``envelope`` (Leeloo's ``{status: 0, error}``).
"""
