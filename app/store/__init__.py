"""Encrypted storage: the SQLCipher connection, schema migrations and table access."""
