"""Make a signing certificate for the office (demo and tests): a small root and the office's key.

For a real deployment, put the PKCS#12 issued by the certification authority (e.g. BSrE for
the national TTE) into private storage and set SIGNING_PKCS12 / SIGNING_PASSPHRASE instead.
"""

import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand

from portal.signing import DEFAULT_PKCS12


def _name(common_name, organisation):
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation[:64]),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name[:64]),
        ]
    )


def make_pkcs12(office_name, passphrase="", years=5):
    """PKCS#12 bytes: the office's EC P-256 key and certificate, with a demo root above it."""
    now = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=5)
    until = now + datetime.timedelta(days=365 * years)
    root_key = ec.generate_private_key(ec.SECP256R1())
    root_name = _name(f"Demo Root CA {office_name}"[:64], office_name)
    root = (
        x509.CertificateBuilder()
        .subject_name(root_name)
        .issuer_name(root_name)
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(until)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), critical=False)
        .sign(root_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(office_name, office_name))
        .issuer_name(root_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(until)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False)
        .sign(root_key, hashes.SHA256())
    )
    encryption = (
        serialization.BestAvailableEncryption(passphrase.encode()) if passphrase else serialization.NoEncryption()
    )
    return pkcs12.serialize_key_and_certificates(b"office", key, cert, [root], encryption)


class Command(BaseCommand):
    help = "Generate the office's demo signing certificate (PKCS#12 in private storage)."

    def add_arguments(self, parser):
        parser.add_argument("--office-name", default="")
        parser.add_argument("--force", action="store_true", help="Replace an existing certificate.")

    def handle(self, *args, office_name="", force=False, **options):
        from portal.storage import private_storage

        storage = private_storage()
        name = getattr(settings, "SIGNING_PKCS12", "") or DEFAULT_PKCS12
        if storage.exists(name) and not force:
            self.stdout.write(f"- signing certificate: kept ({name})")
            return
        if not office_name:
            from portal.starter import office_settings

            office_name = office_settings().office_name
        data = make_pkcs12(office_name, getattr(settings, "SIGNING_PASSPHRASE", "") or "")
        if storage.exists(name):
            storage.delete(name)
        saved = storage.save(name, ContentFile(data))
        self.stdout.write(f"- signing certificate: made for {office_name} ({saved}, private storage)")
