"""Sources shared by collectors: read once per run through `CollectContext.source()`."""
