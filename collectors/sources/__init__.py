"""Sources shared by collectors, read once per run: `files.py` (the repository walk, parsed
lazily, once per file) and `cluster.py` (the live cluster, listed once through
`CollectContext.source()`)."""
