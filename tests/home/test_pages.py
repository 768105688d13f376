"""Where pages may live, and that they render with the office's identity."""

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import HomePage, StandardPage


class PageTreeRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.root = Page.get_first_root_node()
        cls.home = Site.objects.get(is_default_site=True).root_page.specific

    def test_home_page_lives_only_at_the_root_and_only_once(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertEqual(HomePage.max_count, 1)
        self.assertFalse(HomePage.can_create_at(self.root))  # the migration already made the one home page

    def test_standard_pages_live_under_the_home_page_and_nest(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_editor_can_create_a_standard_page_through_the_admin(self):
        self.login()
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Kebijakan Privasi",
                    "slug": "kebijakan-privasi-baru",
                    "introduction": "Bagaimana kami menjaga data Anda.",
                    "body": streamfield([("heading", "Data yang kami kumpulkan")]),
                }
            ),
        )

    def test_pages_render(self):
        page = StandardPage(title="Tentang Kami", slug="tentang", introduction="Profil unit pelatihan.")
        self.home.add_child(instance=page)
        self.assertPageIsRenderable(page)
        self.assertPageIsRenderable(self.home)
        self.assertPageIsPreviewable(
            page,
            post_data=nested_form_data(
                {
                    "title": "Tentang Kami",
                    "slug": "tentang",
                    "introduction": "Profil unit pelatihan.",
                    "body": streamfield([("heading", "Visi")]),
                }
            ),
        )


class RenderedPagesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = Site.objects.get(is_default_site=True).root_page.specific
        cls.about = StandardPage(
            title="Tentang Kami",
            slug="tentang-kami",
            show_in_menus=True,
            introduction="Profil unit pelatihan.",
            body=[("heading", "Visi"), ("paragraph", "<p>Masyarakat kreatif.</p>")],
        )
        cls.home.add_child(instance=cls.about)
        cls.history = StandardPage(title="Sejarah", slug="sejarah", show_in_menus=True)
        cls.about.add_child(instance=cls.history)
        cls.privacy = StandardPage(title="Kebijakan Privasi", slug="kebijakan-privasi", show_in_menus=False)
        cls.home.add_child(instance=cls.privacy)
        cls.draft = StandardPage(title="Draf Rahasia", slug="draf", show_in_menus=True, live=False)
        cls.home.add_child(instance=cls.draft)

    def test_home_page_is_indonesian_and_names_the_office(self):
        response = self.client.get("/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<html lang="id">')
        self.assertContains(response, "Dinas Kebudayaan dan Pariwisata Kabupaten Banyuwangi")

    def test_header_menu_lists_live_top_level_pages_shown_in_menus(self):
        response = self.client.get("/")
        nav = response.content.decode().split('class="site-nav__pages"')[1].split("</ul>")[0]
        self.assertIn('href="/tentang-kami/"', nav)
        self.assertNotIn("Kebijakan Privasi", nav)  # not "show in menus"
        self.assertNotIn("Sejarah", nav)  # not top level
        self.assertNotIn("Draf Rahasia", nav)  # not live

    def test_current_section_is_marked_in_the_menu(self):
        response = self.client.get("/tentang-kami/sejarah/")
        self.assertContains(response, '<a href="/tentang-kami/" aria-current="page">Tentang Kami</a>', html=True)
        self.assertContains(response, 'aria-label="Jejak halaman"')

    def test_footer_shows_office_settings_and_top_level_pages(self):
        from portal.models import OfficeSettings

        office = OfficeSettings.for_site(Site.objects.get(is_default_site=True))
        office.address = "Jl. Ahmad Yani No. 78"
        office.phone = "(0333) 424172"
        office.email = "pelatihan@contoh.go.id"
        office.instagram_url = "https://instagram.com/contoh"
        office.whatsapp_number = "0812-3456-7890"
        office.save()
        response = self.client.get("/tentang-kami/")
        footer = response.content.decode().split('class="site-footer"')[1]
        self.assertIn("Jl. Ahmad Yani No. 78", footer)
        self.assertIn('href="tel:(0333)424172"', footer)
        self.assertIn("mailto:pelatihan@contoh.go.id", footer)
        self.assertIn("https://instagram.com/contoh", footer)
        self.assertIn("https://wa.me/6281234567890", footer)
        self.assertIn('href="/kebijakan-privasi/"', footer)
        self.assertNotIn("Draf Rahasia", footer)

    def test_standard_page_renders_its_stream(self):
        response = self.client.get("/tentang-kami/")
        self.assertContains(response, '<h2 class="block-heading">Visi</h2>', html=True)
        self.assertContains(response, "Masyarakat kreatif.")
        self.assertContains(response, "<title>Tentang Kami · Pusat Pelatihan</title>", html=True)

    def test_menu_and_footer_queries_do_not_grow_with_pages(self):
        self.client.get("/tentang-kami/")  # warm the site-root cache
        before = self._count_queries("/tentang-kami/")
        for n in range(5):
            self.home.add_child(instance=StandardPage(title=f"Halaman {n}", slug=f"halaman-{n}", show_in_menus=True))
        response = self.client.get("/tentang-kami/")
        self.assertContains(response, 'href="/halaman-4/"')
        self.assertEqual(self._count_queries("/tentang-kami/"), before)

    def _count_queries(self, url):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as context:
            self.client.get(url)
        return len(context.captured_queries)
