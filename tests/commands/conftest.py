import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # load_demo hashes a dozen passwords per run; the real hasher takes most
    # of a second for each, which these tests do not need to prove.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
