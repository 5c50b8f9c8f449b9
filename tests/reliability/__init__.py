"""The reliability suite (docs/reliability.md); a package so that its conftest
is not confused with tests/conftest.py."""
