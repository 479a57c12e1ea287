"""The document the mock serves: ``document`` reads it (bounded, positioned, 2.0/3.0 upgraded),
``compiled`` turns it into routes, validators and answers once at start-up, ``check_cache``
remembers a spec that already passed the check, ``bundled`` finds the Leeloo spec shipped in the
wheel."""
