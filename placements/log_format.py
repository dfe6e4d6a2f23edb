"""Log formats, kept free of model imports: settings.LOGGING loads this before the apps."""

import json
import logging
import sys


class JsonLineFormatter(logging.Formatter):
    """One JSON object per line: the record's `audit` fields (placements.audit.record),
    or the message as `event`."""

    def format(self, record: logging.LogRecord) -> str:
        fields = getattr(record, "audit", None) or {"event": record.getMessage()}
        return json.dumps({"logger": record.name, "level": record.levelname, **fields}, ensure_ascii=False)


class StdoutHandler(logging.StreamHandler):
    """A StreamHandler writing to whatever sys.stdout is when each line is written,
    not the one it was when logging was configured (a test's capture swaps it)."""

    def __init__(self) -> None:
        super().__init__(sys.stdout)

    @property
    def stream(self):
        return sys.stdout

    @stream.setter
    def stream(self, value) -> None:
        pass
