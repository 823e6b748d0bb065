"""How one copy of the app holds the round it plays, so a second copy never plays it at the same time."""

from __future__ import annotations

LEASE_SECONDS = 30
"""How long a hold lasts without renewal: the round of a killed copy is free again after this."""
RENEW_SECONDS = 5
"""How often the playing copy renews its hold, well inside LEASE_SECONDS."""
