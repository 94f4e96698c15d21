"""Data shipped with warwatch."""
