"""The pre-commit hook: judge the staged change in the context of the whole repository."""
