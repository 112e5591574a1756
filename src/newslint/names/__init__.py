"""Names in news copy: how spellings compare, where names are, the names list, learning one from an archive.

Shared by the `name-consistency` and `known-names` check kinds and by `newslint names learn`.
"""
