"""The API of citizen cases (gandan.petitions): public intake and tracking, staff reads and
the first workflow steps."""
