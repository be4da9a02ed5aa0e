"""Pengaturan: the office settings page's sections, models and jobs."""
