"""The load test's settings: production's (exchange/settings.py, from the same
environment), plus one bare view to compare the pages with (bench/urls.py)."""

from exchange.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
