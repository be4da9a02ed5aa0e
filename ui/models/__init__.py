"""Table models for lists and recaps (STYLE.md §2): summaries and counts, never full records."""
