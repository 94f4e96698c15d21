"""Evidence bundles: raw captures, extractions and a hashed manifest in one zip (issue 7).

``write_bundle(store, incident_id, out)`` makes one; ``verify_bundle(path)`` re-checks it and says
exactly what was altered. ``tsa.py`` adds an optional RFC 3161 timestamp of the manifest.
"""

from .manifest import Manifest
from .verify import Problem, Verification, verify_bundle
from .write import write_bundle

__all__ = ["Manifest", "Problem", "Verification", "verify_bundle", "write_bundle"]
