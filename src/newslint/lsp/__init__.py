"""`newslint lsp`: newslint's findings, fixes and rule explanations in any LSP editor.

Needs the lsp extra (pip install 'newslint[lsp]'); `server` imports pygls, the rest of this
package (positions, checker, vocabulary) only the core.
"""
