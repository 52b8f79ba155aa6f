"""Colours shared by the spiegelinformatie charts (own practice against its region)."""

OWN_COLOUR = "#d95f02"
REGION_COLOUR = "#4c78a8"
LIMIT_COLOUR = "#7f7f7f"
