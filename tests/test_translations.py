"""Every visible string exists in English, Traditional and Simplified Chinese."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

PO_FILES = {
    "zh_Hant": Path(settings.BASE_DIR, "placements/locale/zh_Hant/LC_MESSAGES/django.po"),
    "zh_Hans": Path(settings.BASE_DIR, "placements/locale/zh_Hans/LC_MESSAGES/django.po"),
}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


@pytest.mark.parametrize("locale", PO_FILES)
def test_no_entry_is_untranslated_or_fuzzy(locale):
    po = polib.pofile(str(PO_FILES[locale]))
    assert len(po) > 100
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


@pytest.mark.parametrize("locale", PO_FILES)
def test_translations_keep_every_placeholder(locale):
    # A lost %(date)s would make the message raise or read wrong at run time.
    for entry in polib.pofile(str(PO_FILES[locale])):
        expected = sorted(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        for text in entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]:
            assert sorted(PLACEHOLDER.findall(text)) == expected, entry.msgid


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Log in"), ("zh-hant", "登入"), ("zh-hans", "登录"), ("zh-HK", "登入"), ("zh-CN", "登录")],
)
def test_login_page_reads_in_each_language(db, language, expected):
    client = Client(headers={"accept-language": language})
    html = client.get("/", follow=True).content.decode()
    assert expected in html


def test_model_choices_are_translated():
    from placements.models import PlacementStatus

    with translation.override("zh-hant"):
        assert str(PlacementStatus.CONFIRMED.label) == "已確認"
    with translation.override("zh-hans"):
        assert str(PlacementStatus.CONFIRMED.label) == "已确认"
