"""What answers a request once it has passed the stages: ``examples`` (the spec's own examples,
as Prism's static mode) and ``dynamic`` (data generated from the schema, ``--dynamic``).
The stateful store (``mock_server.stateful``) and the proxy (``mock_server.proxy``) are producers
too, each in its own room."""
