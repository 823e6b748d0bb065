"""The exit codes of the quiz command, as CI and shells read them."""

OK = 0
"""Everything worked; for validate, every bank is valid."""
INVALID = 1
"""The content is invalid: a bank with errors, or an import that could not be read."""
USAGE = 2
"""Bad usage: an unknown option, a path that does not exist or cannot be read."""
SOFTWARE = 70
"""A bug in quiz itself (EX_SOFTWARE): the message asks for a report."""
INTERRUPTED = 130
"""Stopped with Ctrl+C."""
