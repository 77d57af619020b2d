"""The dashboard: templates, static files, SVG chart geometry, span highlighting, sample data."""
