"""Pengguna: the officer accounts page's model, dialogs and jobs."""
