"""Preview, print and encrypted export of the documents the core renders (issue 4)."""
