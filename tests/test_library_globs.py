"""Which variables a service's third-party libraries read by themselves (runtime.library_globs): a
table entry's module matches itself and the modules below it, never a longer name that shares its
start."""

from __future__ import annotations

from envlint.runtime import library_globs


def test_a_module_and_the_modules_below_it() -> None:
    assert library_globs({("python", "boto3")}) == ("AWS_*",)
    assert library_globs({("python", "boto3.session")}) == ("AWS_*",)
    assert library_globs({("go", "github.com/aws/aws-sdk-go-v2/config")}) == ("AWS_*",)
    assert library_globs({("python", "sentry_sdk.integrations.django"), ("go", "github.com/aws/aws-sdk-go")}) \
        == ("AWS_*", "SENTRY_*")


def test_not_a_longer_name_another_language_or_a_module_above() -> None:
    assert library_globs({("python", "boto3x"), ("python", "sentry"), ("go", "github.com/aws")}) == ()
    assert library_globs({("go", "boto3"), ("python", "github.com/aws/aws-sdk-go")}) == ()
    assert library_globs(set()) == ()
