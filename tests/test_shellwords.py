"""envlint.shellwords.split is shlex.split: the same words, the same errors, with or without comments,
whether or not its fast path applies."""

from __future__ import annotations

import shlex

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from envlint import shellwords

# What shlex treats specially (quotes, backslash, comment, its whitespace) and what it does not
# (other whitespace, `$`, `=`, separators, a non-ASCII letter).
ALPHABET = st.sampled_from(list("ab=$-/.") + ["'", '"', "\\", "#", " ", "\t", "\n", "\r", "\x0b", "\x0c",
                                              "\u00a0", "&", ";", "|", "é"])


def _outcome(split, text: str, comments: bool) -> object:
    try:
        return split(text, comments=comments)
    except ValueError as exc:
        return ("ValueError", str(exc))


@given(st.text(ALPHABET, max_size=30), st.booleans())
def test_the_words_and_errors_are_shlex_s(text: str, comments: bool) -> None:
    assert _outcome(shellwords.split, text, comments) == _outcome(shlex.split, text, comments)


@pytest.mark.parametrize(("text", "comments", "words"), [
    ("A=1  ./run.sh\t--flag", False, ["A=1", "./run.sh", "--flag"]),
    ("a\x0bb \u00a0c", False, ["a\x0bb", "\u00a0c"]),  # only " \t\r\n" separate words, as in shlex
    ("go build ./cmd # the server", True, ["go", "build", "./cmd"]),
    ("echo a#b", False, ["echo", "a#b"]),
    ("A='x y' ./run.sh", False, ["A=x y", "./run.sh"]),
    ("a#b c", True, ["a"]),  # `#` outside quotes starts a comment mid-word too, to the end of the line
    ("'' x#y\nz", True, ["", "x", "z"]),  # an empty quoted word is a word; a comment ends at the newline
    ('"a\\"\\\\\\x\\$" \\"b', False, ['a"\\\\x\\$', '"b']),  # in "...", a backslash escapes `"` and itself only
])
def test_examples(text: str, comments: bool, words: list[str]) -> None:
    assert shellwords.split(text, comments=comments) == words == shlex.split(text, comments=comments)


@pytest.mark.parametrize(("text", "message"), [
    ("echo 'x", "No closing quotation"),
    ('echo "x\\"', "No closing quotation"),  # the backslash escapes the quote, which leaves it open
    ('echo "x\\', "No escaped character"),  # inside double quotes, the text ends after a backslash
    ("echo x\\", "No escaped character"),
])
def test_an_unclosed_quote_or_a_last_backslash_raises_as_shlex_does(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        shellwords.split(text)
    with pytest.raises(ValueError, match=message):
        shlex.split(text)


# Commands built from the words that make one a launch (an interpreter, a runner, a path, `-m`) and
# words that do not, with quotes and backslashes that shlex removes between their letters.
PIECES = st.sampled_from(["python3", "p'y'thon", "py\\thon", "bash", "s\"h\"", "uv", "run", "coverage", "-m",
                          "-\\m", "pkg", "./x", ".\\/x", "x.sh", "x.p\"y\"", "make", "go", "test", "A=1",
                          "env", "exec", "'a b'", "\"", "'", "\\", " ", "=", "ps", "h"])


@given(st.lists(PIECES, max_size=8).map(" ".join))
@example("uv run -m pkg")  # one example of each way a command runs a program (commands._program)
@example("A=1 p'y'thon x")
@example("exec s\"h\" x")
@example("A=1 .\\/x")
@example("coverage run x.p\"y\"")
def test_a_command_left_unsplit_runs_no_program(text: str) -> None:
    """parse_command skips the split of a command none of whose words can name a program: what it
    answers is what the split would have answered."""
    from envlint.extract import commands

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(commands, "_may_run_program", lambda text: True)
        split = commands.parse_command(text)
    assert commands.parse_command(text) == split


@given(st.text(st.sampled_from(list("ab $-/.=") + ["'", '"', "\\", "#", "&", "|", ";", "\t", "\n", "\x0b"]),
               max_size=30))
@example("  make build  ")
@example("a && b")
def test_a_line_split_by_jumping_is_split_as_by_the_character_loop(text: str) -> None:
    """split_commands jumps from one character it acts on (a quote, a backslash, `#`, a separator) to
    the next: the answer of a loop over every character."""
    import re

    from envlint.extract import commands

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(commands, "_SEPARATING", re.compile("(?s)."))  # every character: the loop visits each
        looped = commands.split_commands(text)
    assert commands.split_commands(text) == looped


@given(st.text(st.sampled_from(list("ab _{}!:-=?+") + ["$", "'", '"', "\\", "#", ";", "\t", "\n"]), max_size=30))
@example("echo ${A:-x} '$B' \\$C # $D")
@example("x#$A")
def test_expansions_found_by_jumping_are_those_of_the_character_loop(text: str) -> None:
    import re

    from envlint.extract import shell_reads

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(shell_reads, "_EXPANDING", re.compile("(?s)."))
        looped = list(shell_reads._expansions(text))
    assert list(shell_reads._expansions(text)) == looped

