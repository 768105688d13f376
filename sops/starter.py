"""Starter data of a new installation: the SOP index and the office's adoption of the services' SOPs.

Each SOP of the library that a portal service follows is adopted with the office's identity
(issuer and approver from Settings → Office identity) and no number yet: staff give the
number and dates in the SOP library screen or the page editor. SOPs adopted earlier are
left as the editors made them; only a missing link to a service is added.
"""

from sops import adoption, library


def load(setup):
    index = adoption.ensure_index()
    wanted = [entry for entry in library.entries() if setup.all_sops or entry.procedure]
    created, linked = 0, 0
    for entry in wanted:
        page = adoption.adopted_page(entry.key)
        if page is None:
            result = adoption.adopt(entry, adoption.office_adoption(), index=index)
            created += 1
        else:
            result = adoption.link_procedure(page, entry)
        linked += bool(result.procedure_linked)
        for note in result.notes:
            setup.report(f"{entry.title}: {note}")
    setup.report(f"SOP index {index.url}: {len(wanted)} SOPs adopted ({created} new, {linked} linked to a service)")
