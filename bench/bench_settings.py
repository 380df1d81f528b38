"""The production settings with one more URL: /bare/, a plain Django view through the
same middleware, the ceiling the article page is measured against."""

from config.settings.base import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
