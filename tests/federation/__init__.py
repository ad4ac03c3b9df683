"""OpenID Federation test harness: see README.md; run as `python -m tests.federation`."""
