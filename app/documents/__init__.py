"""Printed documents, rendered with reportlab into bytes in memory (DOCUMENTS.md).

Nothing here writes a file: every renderer returns ``bytes`` of a PDF that the UI previews from
a ``QBuffer`` and prints, or encrypts and saves on an explicit request.
"""
