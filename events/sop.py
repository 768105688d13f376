"""Who acts and how long a step takes, read from the SOP library (``sops/data``), not typed twice.

The printed SOPs name actors by their office titles; :data:`ACTOR_ROLES` maps each title to the
portal roles that play it, and :func:`sop_step` turns one printed step into the keyword arguments
of a :class:`procedures.registry.Step` (roles, the SOP step label, the default standard time).
"""

import math

from accounts import roles
from sops import durations, library

#: SOP 003 "Penyelenggaraan Pelatihan".
TRAINING_SOP = "penyelenggaraan-pelatihan-blk"
#: SOP 004 "Pelaksanaan Kegiatan Diklat" (the needs of a training).
NEEDS_SOP = "pelaksanaan-kegiatan-diklat"
#: SOP 004 "Penyiapan Sarana dan Prasarana Diklat" (the facilities checklist).
FACILITIES_SOP = "penyiapan-sarana-dan-prasarana-diklat"

ACTOR_ROLES = {
    "Staf JFU": (roles.ADMIN_OFFICER,),
    "Kepala Bidang": (roles.HEAD_OF_UNIT,),
    "Panitia": (roles.TEAM_MEMBER,),
    "Kepala Dinas": (roles.HEAD_OF_OFFICE,),
    "Ketua Tim Kerja": (roles.TEAM_LEAD,),
    "Anggota Tim Kerja": (roles.TEAM_MEMBER,),
    "Pejabat Level 2 (Pimpinan Unit)": (roles.HEAD_OF_UNIT,),
    "Pejabat Level 1 (Pejabat Penilai Kinerja)": (roles.HEAD_OF_OFFICE,),
}


def library_step(key, number):
    """The printed step by its position (1-based) in the SOP's data file."""
    return library.get(key).steps[number - 1]


def roles_for(key, number):
    step = library_step(key, number)
    return tuple(sorted({role for actor in step.actors for role in ACTOR_ROLES[actor]}))


def default_time(step):
    """The step's standard as Step keyword arguments: minutes for minute/hour units, working days otherwise."""
    upper = step.time_value_max or step.time_value
    if step.time_unit in durations.MINUTE_UNITS:
        return {"default_minutes": math.ceil(upper * durations.MINUTE_UNITS[step.time_unit])}
    return {"default_days": upper}


def sop_step(key, number, *, label=True):
    """``Step(state, label, **sop_step(KEY, 4))``: roles, SOP step label and standard time of step ``number``.

    ``label=False`` for an SOP whose printed numbers repeat (SOP 004 "Pelaksanaan Kegiatan Diklat"):
    the step keeps its roles and time but names no printed label the clock could confuse.
    """
    step = library_step(key, number)
    kwargs = {"roles": roles_for(key, number), **default_time(step)}
    if label:
        kwargs["sop_step"] = step.display_label
    return kwargs
