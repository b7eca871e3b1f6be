"""Use cases of the democracy app, one module per sub-domain."""
