"""Readers from other tools' files to quiz banks, one module per format; ``import_file`` runs them."""
