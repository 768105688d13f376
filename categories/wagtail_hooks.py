from wagtail.snippets.models import register_snippet

from categories.viewsets import CategoryViewSet

register_snippet(CategoryViewSet)
