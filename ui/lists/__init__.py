"""Widgets shared by the list pages: table views, filters, recap sections, the bar chart."""
