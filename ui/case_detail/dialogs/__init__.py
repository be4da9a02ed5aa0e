"""Dialogs for the actions on one case; each saves through the runner and stays open on errors."""
