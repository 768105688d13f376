"""The base of every case factory: a case is created the way the flows create it, through ``Case.start``."""

import factory


class CaseFactory(factory.django.DjangoModelFactory):
    """Builds a case in its procedure's initial state (unless the test names another ``state``)."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        kwargs.setdefault("state", model_class.procedure.initial_state)
        return super()._create(model_class, *args, **kwargs)
