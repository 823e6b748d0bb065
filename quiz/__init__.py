"""quiz: a terminal quiz and learning app, with question banks written in YAML."""

__version__ = "0.1.0"
