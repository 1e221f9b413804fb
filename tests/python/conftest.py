# SPDX-License-Identifier: LGPL-2.1-or-later
"""Shared fixtures of the python suite.

The suite runs from the source tree with LIBELECT_LIBRARY pointing at the
built library and PYTHONPATH at the build tree's copy of the package
(tests/python/meson.build); ELECT_SOURCE_ROOT and ELECT_BUILD_ROOT name the
two trees."""
import os
import sys

import pytest

SOURCE_ROOT = os.environ.get(
    "ELECT_SOURCE_ROOT",
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
BUILD_ROOT = os.environ.get("ELECT_BUILD_ROOT")


@pytest.fixture
def build_root():
    if not BUILD_ROOT:
        pytest.fail("ELECT_BUILD_ROOT is not set: run the suite with meson test")
    return BUILD_ROOT


@pytest.fixture
def clean_env():
    """The environment without the variables that point at the library, so a
    subprocess must find it by itself."""
    env = dict(os.environ)
    for var in ("LIBELECT_LIBRARY", "PYTHONPATH", "ELECT_BUILD_ROOT"):
        env.pop(var, None)
    return env


@pytest.fixture
def write_profile(tmp_path):
    """Writes a key file into a temporary directory and returns its path."""
    def write(name, text):
        path = tmp_path / (name + ".ini")
        path.write_text(text, encoding="utf-8")
        return str(path)
    return write


PYTHON = sys.executable
