"""Backup files (``.poskobak``): an encrypted export, the key slots and a sealed manifest."""
