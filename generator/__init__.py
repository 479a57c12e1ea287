"""Tools that derive artefacts from ``spec/openapi.yaml``: spec checks, docs drift, client regeneration."""
