"""Site search at /cari/: every live public page through Wagtail's search backend.

Nothing here names the searchable models: any page type with ``search_fields`` is found
(classes, trainers, materials, SOPs, standard pages), grouped by its specific type.
"""

from django.shortcuts import render
from django.utils.translation import gettext as _

from wagtail.contrib.search_promotions.models import Query

from portal import pagecache
from search.services import run_search


def search(request):
    # NUL bytes can reach no database (PostgreSQL refuses them in text); nothing else is removed here.
    query_string = request.GET.get("q", "").replace("\x00", "").strip()[:200]
    type_key = request.GET.get("type", "")
    results = run_search(request, query_string, type_key)
    # Results change when any page is published, unpublished, moved or deleted.
    pagecache.tag(request, "search")
    if query_string and results["page"] is not None and results["page"].number == 1 and not type_key:
        Query.get(query_string).add_hit()
    context = {
        **results,
        "search_query": query_string,
        "selected_type": type_key,
        "page_title": _("Search results for “%(q)s”") % {"q": query_string} if query_string else _("Search"),
    }
    return render(request, "search/search.html", context)
