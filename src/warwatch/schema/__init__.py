"""Shipped JSON Schemas."""
