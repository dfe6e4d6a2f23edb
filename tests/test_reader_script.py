"""Names in the reader's language and script (placements.models.base)."""

import pytest
from django.utils import translation

from placements.models.base import in_reader_language

SHENZHEN = ("Futian Administration of Shenzhen Municipal Transport Bureau", "深圳市交通运输局福田管理局")
HONG_KONG = ("Sai Kung District Office", "西貢民政事務處")


@pytest.mark.parametrize(
    ("language", "shenzhen", "hong_kong"),
    [
        ("en", SHENZHEN[0], HONG_KONG[0]),
        ("zh-hant", "深圳市交通運輸局福田管理局", "西貢民政事務處"),
        ("zh-hans", "深圳市交通运输局福田管理局", "西贡民政事务处"),
    ],
)
def test_each_reader_sees_one_script(language, shenzhen, hong_kong):
    with translation.override(language):
        assert in_reader_language(*SHENZHEN) == shenzhen
        assert in_reader_language(*HONG_KONG) == hong_kong


def test_the_english_name_stands_in_when_there_is_no_chinese_one():
    with translation.override("zh-hant"):
        assert in_reader_language("Qianhai Authority", "") == "Qianhai Authority"


def test_the_chinese_name_stands_in_when_there_is_no_english_one():
    with translation.override("en"):
        assert in_reader_language("", "前海管理局") == "前海管理局"
