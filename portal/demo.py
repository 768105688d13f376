"""The demo office: the Dinas Kebudayaan dan Pariwisata Kabupaten Banyuwangi and its training unit."""

#: The demo office's identity: ``load_demo`` passes it to ``setup_portal`` as the command's options.
DEMO_OFFICE = {
    "government_name": "Pemerintah Kabupaten Banyuwangi",
    "office_name": "Dinas Kebudayaan dan Pariwisata Kabupaten Banyuwangi",
    "unit_name": "Pusat Pelatihan",
    "office_code": "DISBUDPAR",
    "address": "Jl. Ahmad Yani No. 78\nBanyuwangi, Jawa Timur 68416",
    "city": "Banyuwangi",
    "phone": "(0333) 424172",
    "email": "pelatihan@banyuwangikab.example.go.id",
    "website": "https://disbudpar.banyuwangikab.example.go.id",
    "head_name": "M.Y. Bramuda, S.Sos., MBA., MM.",
    "head_title": "Kepala Dinas Kebudayaan dan Pariwisata",
    "head_rank": "Pembina Utama Muda",
    "head_nip": "197301261992011001",
}
