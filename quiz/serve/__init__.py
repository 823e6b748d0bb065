"""`quiz serve`: the learner's app in a browser for a class, around textual-serve.

textual-serve runs one copy of the app per browser tab (a subprocess behind a websocket). It has no
access control, session limit or idle timeout and its page loads fonts from the web; this package adds
those (``access``, ``server``) and serves pages of its own (``templates/``). ``session`` is the program
each tab runs: the app in class mode, where learners sign in with a PIN.
"""
