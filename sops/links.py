"""Which tracked services an SOP page can be followed by: a choice, never free text.

``procedures`` registers its procedures through the ``register_sop_procedures`` hook
(``fn() -> [(code, name), ...]``), so this app offers them without importing the core,
and the process core keeps depending on ``sops`` rather than the other way round.
"""

from wagtail import hooks

SOP_PROCEDURES = "register_sop_procedures"


def procedure_choices():
    """``[(code, name), ...]`` of every registered procedure, sorted by name."""
    choices = {}
    for fn in hooks.get_hooks(SOP_PROCEDURES):
        for code, name in fn():
            choices[code] = name
    return sorted(choices.items(), key=lambda item: str(item[1]))


def registered_codes():
    return {code for code, _name in procedure_choices()}
