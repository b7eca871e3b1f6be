"""Forms parse and shape input only; the rules live in services (see `check_submission`)."""
