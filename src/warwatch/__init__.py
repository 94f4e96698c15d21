"""warwatch: structured, sourced incident records from conflict news reports."""

__version__ = "0.1.0"
SCHEMA_VERSION = 1
