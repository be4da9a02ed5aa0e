"""The posko's vocabulary and rules, as plain data and pure functions (DOMAIN.md)."""
