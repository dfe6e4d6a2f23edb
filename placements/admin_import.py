class NominationImportMixin:
    pass
