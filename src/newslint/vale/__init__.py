"""Vale compatibility: a `.vale.ini` and its styles run as Vale runs them.

    ini.py       reads the ini as go-ini and Vale's internal/core/ini.go do
    config.py    ValeConfig: which rules exist and which run on a file (internal/core, lint.shouldRun)
    document.py  reads an article as Vale would: the ini's ignores and scopes (internal/lint)
    glob.py      Vale's section globs (internal/glob)

This package depends on the core (config, loading, document, checks); the core
reaches it only through config.load_config, when the config it finds is an ini.
"""
