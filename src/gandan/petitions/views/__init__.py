"""Views of citizen cases: public (intake, tracking), staff cases and actions, reception,
the head's dashboard. Each is parse → access → service → render."""
