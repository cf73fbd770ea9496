"""Launch sites that belong to a project's tests (e2e manifests, test compose files, fixtures).

A test deployment tunes what production leaves at its default (a 30 s garbage-collection period so a
test does not wait an hour, a debug log level), and production sets what a test does without: a name
one sets and the other leaves out is the purpose of the variant, not a slip. ENV003 compares a test
site with test sites only. A test site is still a launch site: the other rules check it as any other.
"""

from __future__ import annotations

import re

from ..model import LaunchSite

_FOLDERS = frozenset({"test", "tests", "testing", "testdata", "test-data", "test_data", "e2e", "fixtures",
                      "__tests__"})
_SUFFIXES = ("-test", "-tests", "_test", "_tests", "-e2e", "_e2e")


def is_test_path(path: str) -> bool:
    """The file stands in a test folder (`test/`, `e2e/`, `testdata/`, `integration-tests/`, ...)."""
    folders = path.lower().split("/")[:-1]
    return any(f in _FOLDERS or f.endswith(_SUFFIXES) for f in folders)


# A kustomize overlay's site is named `... (overlay FOLDER)`: the overlay that builds it may be a test's
# even where the patched manifest is not (a test overlay that includes a shared component).
_OVERLAY = re.compile(r"\(overlay ([^()]+)\)$")


def is_test_site(site: LaunchSite) -> bool:
    overlay = _OVERLAY.search(site.function or "")
    return is_test_path(site.location.path) or (overlay is not None and is_test_path(overlay.group(1) + "/"))
