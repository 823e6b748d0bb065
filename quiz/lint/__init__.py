"""`quiz lint`: item-writing flaws that make a question test the wrong thing (docs/lint.md).

Built like yamllint: one module per rule in ``rules/``, a registry, and a runner that positions each
flaw, applies the allowances a question declares and reports the allowances that match nothing.
Nothing here imports Textual.
"""
