"""Key management: recovery codes, Argon2id, key slots and the key-slot file (SECURITY.md §3)."""
