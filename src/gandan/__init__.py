"""Gần Dân: mass-mobilization work and grassroots democracy for Vietnamese schools."""
