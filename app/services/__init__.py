"""The service layer: the only way the UI and the CLI reach vault data.

Every public method checks the caller's role and case visibility (:mod:`app.services.access`),
validates input, writes in one transaction together with its audit row, and returns frozen
dataclasses. Denials are audited too.
"""
