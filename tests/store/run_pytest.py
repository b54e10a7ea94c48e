"""``python run_pytest.py ARGS``: pytest as a script, for newer_sqlite.py to run."""

import sys

import pytest

sys.exit(pytest.main(sys.argv[1:]))
