"""``--proxy`` / ``leeloo-mock proxy``: the same stages in front of a real upstream (``forwarder``)."""
