from django.contrib import admin  # noqa: F401

from . import admin_documents  # noqa: E402, F401  (documents and reports register themselves)
