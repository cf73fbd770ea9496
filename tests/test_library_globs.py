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


def test_feature_flag_llm_and_tracing_clients_read_their_own_variables() -> None:
    """The flagd providers (FLAGD_HOST, FLAGD_PORT, ...), langchain's OpenAI client (OPENAI_API_KEY) and
    Traceloop's SDK (TRACELOOP_BASE_URL) read these themselves, as their documentation says."""
    assert library_globs({("go", "github.com/open-feature/go-sdk-contrib/providers/flagd/pkg")}) == ("FLAGD_*",)
    assert library_globs({("python", "openfeature.contrib.provider.flagd")}) == ("FLAGD_*",)
    assert library_globs({("python", "openfeature")}) == ()  # the SDK alone reads nothing
    assert library_globs({("python", "langchain_openai")}) == ("OPENAI_*",)
    assert library_globs({("python", "traceloop.sdk")}) == ("TRACELOOP_*",)
