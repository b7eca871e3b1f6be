"""Use cases of the "Dân vận khéo" movement; each one is audited."""
