"""Knowledge base: treaties and states parties, weapons catalogue, actors; legal assessment."""

from .assess import assess
from .weapons import find_weapons

__all__ = ["assess", "find_weapons"]
