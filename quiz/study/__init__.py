"""A round as plain Python: picking questions, laying them out, scoring, summaries and history.

Nothing here imports Textual, so the same rounds can be driven by tests, the app or a script.
"""
