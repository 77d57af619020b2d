"""Pipeline stages: one module each, `run(doc, res) -> Document`."""
