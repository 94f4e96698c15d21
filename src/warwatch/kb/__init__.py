"""Knowledge base: treaties and states parties, weapons catalogue, actors; legal assessment."""

from .assess import assess

__all__ = ["assess"]
