"""Passwords: at least 12 characters, not a common one, not like the username."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from tests.factories import UserFactory


@pytest.mark.parametrize(
    "password",
    [
        "Tr4nsp0rt!x",  # 11 characters
        "password1234",  # common
        "123456789012",  # common, and all digits
        "qwertyuiop123",  # common
    ],
)
def test_weak_passwords_are_refused(password, db):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_password_like_the_username_is_refused(db):
    user = UserFactory(username="chan.taiman.transport")
    with pytest.raises(ValidationError):
        validate_password("chan.taiman.transport1", user=user)


@pytest.mark.parametrize("password", ["feeder-bus-metro-2026", "福田區交通規劃學習心得很多"])
def test_long_uncommon_passwords_are_accepted(password, db):
    validate_password(password)


def test_the_change_password_page_refuses_a_short_password_and_says_why(client, officer):
    client.force_login(officer)
    response = client.post(
        "/accounts/password/change/",
        {"old_password": "correct-horse-battery", "new_password1": "Sh0rt-pass", "new_password2": "Sh0rt-pass"},
    )
    assert response.status_code == 200
    assert "This password is too short. It must contain at least 12 characters." in response.content.decode()
    officer.refresh_from_db()
    assert officer.check_password("correct-horse-battery")
