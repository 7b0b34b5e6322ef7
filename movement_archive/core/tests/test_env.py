"""Environment variables are read by small typed helpers that accept the usual spellings and refuse the rest,
naming the variable and the value, so that a typo stops the archive at start-up instead of misbehaving later."""

from __future__ import annotations

from pathlib import Path

import pytest

from movement_archive.env import ConfigurationError, env_bool, env_choice, env_int, env_list, env_path, env_str

VAR = "MOVEMENT_ARCHIVE_TEST_VARIABLE"


@pytest.fixture
def env(monkeypatch):
    """Set the test variable for one test; `env(None)` leaves it unset."""
    monkeypatch.delenv(VAR, raising=False)

    def set_value(value: str | None) -> None:
        if value is None:
            monkeypatch.delenv(VAR, raising=False)
        else:
            monkeypatch.setenv(VAR, value)

    return set_value


@pytest.mark.parametrize("raw", ["1", "true", "True", "YES", "on", " true "])
def test_booleans_accept_the_usual_ways_of_saying_yes(env, raw):
    env(raw)
    assert env_bool(VAR, False) is True


@pytest.mark.parametrize("raw", ["0", "false", "FALSE", "no", "off"])
def test_booleans_accept_the_usual_ways_of_saying_no(env, raw):
    env(raw)
    assert env_bool(VAR, True) is False


@pytest.mark.parametrize("raw", [None, ""])
def test_an_unset_or_empty_boolean_takes_its_default(env, raw):
    env(raw)
    assert env_bool(VAR, True) is True
    assert env_bool(VAR, False) is False


def test_a_boolean_that_is_neither_yes_nor_no_is_refused_by_name_and_value(env):
    env("maybe")
    with pytest.raises(ConfigurationError) as refused:
        env_bool(VAR)
    assert VAR in str(refused.value)
    assert "'maybe'" in str(refused.value)


def test_whole_numbers_are_read_and_default_when_unset(env):
    env("3600")
    assert env_int(VAR, 60, minimum=0) == 3600
    env("")
    assert env_int(VAR, 60, minimum=0) == 60


@pytest.mark.parametrize("raw", ["ten", "1.5", "60s"])
def test_a_number_that_is_not_whole_is_refused_by_name_and_value(env, raw):
    env(raw)
    with pytest.raises(ConfigurationError, match="is not a whole number") as refused:
        env_int(VAR, 60)
    assert VAR in str(refused.value)
    assert repr(raw) in str(refused.value)


@pytest.mark.parametrize("raw", ["299", "86401"])
def test_a_number_outside_its_range_is_refused_with_the_range(env, raw):
    env(raw)
    with pytest.raises(ConfigurationError) as refused:
        env_int(VAR, 3600, minimum=300, maximum=86400)
    message = str(refused.value)
    assert VAR in message
    assert repr(raw) in message
    assert "300" in message
    assert "86400" in message


def test_the_ends_of_a_range_are_allowed(env):
    for raw, expected in (("300", 300), ("86400", 86400)):
        env(raw)
        assert env_int(VAR, 3600, minimum=300, maximum=86400) == expected


def test_a_choice_is_one_of_its_options_or_the_default(env):
    env("database")
    assert env_choice(VAR, "immediate", {"immediate", "database"}) == "database"
    env("")
    assert env_choice(VAR, "immediate", {"immediate", "database"}) == "immediate"


def test_a_choice_outside_its_options_is_refused_with_the_options_listed(env):
    env("celery")
    with pytest.raises(ConfigurationError) as refused:
        env_choice(VAR, "immediate", {"immediate", "database"})
    message = str(refused.value)
    assert VAR in message
    assert "'celery'" in message
    assert "database, immediate" in message


def test_choices_are_case_sensitive(env):
    env("warning")
    with pytest.raises(ConfigurationError, match=VAR):
        env_choice(VAR, "WARNING", {"DEBUG", "INFO", "WARNING", "ERROR"})


def test_lists_are_comma_separated_with_blanks_ignored(env):
    env(" archive.example.org, ,localhost ")
    assert env_list(VAR) == ["archive.example.org", "localhost"]
    env(" ")
    assert env_list(VAR, ["127.0.0.1"]) == ["127.0.0.1"]


def test_paths_are_absolute_with_the_home_directory_expanded(env, monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    env("~/archive-data")
    assert env_path(VAR, "./var") == tmp_path / "archive-data"
    env(None)
    assert env_path(VAR, "./var") == Path.cwd() / "var"


def test_text_is_taken_as_given(env):
    env("django.core.mail.backends.smtp.EmailBackend")
    assert env_str(VAR, "console") == "django.core.mail.backends.smtp.EmailBackend"
    env(None)
    assert env_str(VAR, "console") == "console"
