"""Small helpers shared by the events stage modules."""

from __future__ import annotations

# Roles that speak for their state: "Presiden AS" acting on "AS" is the state acting on itself.
# Rebels, opposition or civilians acting on their own country are real events.
STATE_ROLES = ("GOV", "MIL", "LEG", "JUD", "COP", "SPY", "ELI", "MED")


def same_actor(a: str | None, b: str | None, key_a: str = "", key_b: str = "") -> bool:
    if key_a and key_a == key_b:
        return True
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short) and long_[len(short) : len(short) + 3] in STATE_ROLES
