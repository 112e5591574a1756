"""`newslint lsp`: newslint's findings, fixes and rule explanations in any LSP editor.

Needs the lsp extra (pip install 'newslint[lsp]'). `server` and `actions` use pygls and its
lsprotocol; `checker`, `positions`, `vocabulary` and `explain` use only newslint's core, which
never imports this package.
"""
