"""Electronic signatures (TTE) on the office's documents: PAdES through pyHanko, and JWS for credentials.

The signer is pluggable (setting ``DOCUMENT_SIGNER``, a dotted path) behind a small interface,
:class:`OfficeSigner`:

* ``certificate`` / ``chain``: the signing certificate and the certificates above it
  (asn1crypto objects, as pyHanko uses them), the last one the trust root;
* ``pdf_signer()``: a pyHanko ``Signer`` that produces the CMS signature of a PDF;
* ``sign_jws(payload, header)``: a compact JWS (ES256) over ``payload`` (used for the Open
  Badges credentials of certificates);
* ``public_jwk()``: the public key as a JWK dict, published at ``/.well-known/jwks.json``.

:class:`LocalPKCS12Signer` (the default) reads a PKCS#12 file from **private storage**
(``SIGNING_PKCS12``, a name inside ``PRIVATE_MEDIA_ROOT``; passphrase in
``SIGNING_PASSPHRASE``). ``manage.py make_signing_certificate`` makes one for the demo office.
:class:`RemoteSigningService` shows how a signing service (e.g. the national TTE service the
regional offices use) plugs in: it sends the digest to sign over HTTPS and gets the raw
signature back; the private key never reaches the portal.

:func:`sign_pdf` signs once, after rendering, with a visible block (name, title, NIP) and a
timestamp from ``SIGNING_TSA_URL`` when one is set. Any change to the document afterwards
breaks the signature; :func:`validate_pdf` says so.
"""

import base64
import functools
import hashlib
import io
import json
import logging
import unicodedata
from dataclasses import dataclass

from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.hazmat.primitives.serialization import pkcs12

from django.conf import settings
from django.core.checks import Warning as CheckWarning
from django.core.checks import register
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

DEFAULT_PKCS12 = "signing/office.p12"
SIGNATURE_FIELD = "TTE"


class SigningNotConfigured(Exception):
    """No signing certificate is configured: documents are rendered but not signed."""


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


class OfficeSigner:
    """The interface every signing backend offers (see the module docstring)."""

    certificate = None
    chain = ()

    def pdf_signer(self):
        raise NotImplementedError

    def sign_digest(self, digest: bytes) -> bytes:
        """A raw ES256 signature (r||s, 64 bytes) over a SHA-256 ``digest``."""
        raise NotImplementedError

    def public_key(self):
        raise NotImplementedError

    @property
    def key_id(self):
        der = self.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        return _b64url(hashlib.sha256(der).digest()[:16])

    @property
    def subject_name(self):
        return self.certificate.subject.human_friendly if self.certificate is not None else ""

    def public_jwk(self):
        numbers = self.public_key().public_numbers()
        return {
            "kty": "EC",
            "crv": "P-256",
            "x": _b64url(numbers.x.to_bytes(32, "big")),
            "y": _b64url(numbers.y.to_bytes(32, "big")),
            "use": "sig",
            "alg": "ES256",
            "kid": self.key_id,
        }

    def sign_jws(self, payload: dict, header: dict | None = None) -> str:
        """A compact JWS over ``payload``; the signature comes from :meth:`sign_digest`, so a remote
        backend works the same way as the local one."""
        header = {"alg": "ES256", "kid": self.key_id, **(header or {})}
        signing_input = (
            _b64url(json.dumps(header, separators=(",", ":")).encode())
            + "."
            + _b64url(json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode())
        )
        signature = self.sign_digest(hashlib.sha256(signing_input.encode("ascii")).digest())
        return f"{signing_input}.{_b64url(signature)}"


class LocalPKCS12Signer(OfficeSigner):
    """The office's key and certificate from a PKCS#12 file in private storage."""

    def __init__(self, name=None, passphrase=None):
        from portal.storage import private_storage

        name = name or getattr(settings, "SIGNING_PKCS12", "") or DEFAULT_PKCS12
        passphrase = passphrase if passphrase is not None else getattr(settings, "SIGNING_PASSPHRASE", "")
        storage = private_storage()
        if not storage.exists(name):
            raise SigningNotConfigured(f"No signing certificate at {name!r} in private storage")
        with storage.open(name, "rb") as handle:
            data = handle.read()
        self.passphrase = (passphrase or "").encode() or None
        key, cert, extra = pkcs12.load_key_and_certificates(data, self.passphrase)
        if not isinstance(key, ec.EllipticCurvePrivateKey):
            raise SigningNotConfigured("The signing key must be an EC P-256 key (ES256)")
        self._key = key
        self._data = data
        self._pdf_signer = None
        self._jwk = None
        self.certificate = asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
        self.chain = tuple(
            asn1_x509.Certificate.load(item.public_bytes(serialization.Encoding.DER)) for item in extra or ()
        )

    def pdf_signer(self):
        if self._pdf_signer is None:
            from pyhanko.sign import signers

            pdf_signer = signers.SimpleSigner.load_pkcs12_data(self._data, None, passphrase=self.passphrase)
            pdf_signer.__class__ = _template_signer_class()  # load_pkcs12_data builds a plain SimpleSigner
            self._pdf_signer = pdf_signer
        return self._pdf_signer

    def sign_digest(self, digest):
        from cryptography.hazmat.primitives.asymmetric.utils import Prehashed

        der = self._key.sign(digest, ec.ECDSA(Prehashed(hashes.SHA256())))
        r, s = decode_dss_signature(der)
        return r.to_bytes(32, "big") + s.to_bytes(32, "big")

    def public_key(self):
        return self._key.public_key()

    def sign_jws(self, payload, header=None):
        """A compact JWS (ES256) made with joserfc from the office's key."""
        from joserfc import jws
        from joserfc.jwk import ECKey

        if self._jwk is None:
            pem = self._key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
            self._jwk = ECKey.import_key(pem)
        protected = {"alg": "ES256", "kid": self.key_id, **(header or {})}
        body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
        return jws.serialize_compact(protected, body, self._jwk, algorithms=["ES256"])


@functools.cache
def _template_signer_class():
    """pyHanko's ``SimpleSigner``, reusing the first CMS structure it built.

    Building a CMS SignedData with asn1crypto costs ~90 ms; without a timestamp only the message
    digest and the signature differ from one document to the next (PAdES puts no signing time
    in the signed attributes). So the first container is kept, and each later signature
    parses it, sets the digest, and signs the signed attributes again: a few milliseconds.
    """
    from asn1crypto import cms
    from pyhanko.sign import signers

    class TemplateSigner(signers.SimpleSigner):
        _templates: dict

        async def async_sign(self, data_digest, digest_algorithm, dry_run=False, **kwargs):
            cacheable = not dry_run and kwargs.get("timestamper") is None and kwargs.get("encap_content_info") is None
            key = (digest_algorithm, bool(kwargs.get("use_pades")), kwargs.get("is_pdf_sig", True))
            templates = self.__dict__.setdefault("_templates", {})
            if not cacheable or key not in templates:
                result = await super().async_sign(data_digest, digest_algorithm, dry_run=dry_run, **kwargs)
                attrs = [a["type"].native for a in result["content"]["signer_infos"][0]["signed_attrs"]]
                if cacheable and set(attrs) <= {"content_type", "message_digest", "signing_certificate_v2"}:
                    templates[key] = result.dump()
                return result
            content = cms.ContentInfo.load(templates[key])
            signer_info = content["content"]["signer_infos"][0]
            signed_attrs = signer_info["signed_attrs"]
            for attribute in signed_attrs:
                if attribute["type"].native == "message_digest":
                    attribute["values"] = [cms.OctetString(data_digest)]
            signer_info["signed_attrs"] = signed_attrs
            signature = await self.async_sign_raw(signed_attrs.untag().dump(), digest_algorithm)
            signer_info["signature"] = signature
            return content

    return TemplateSigner


class RemoteSigningService(OfficeSigner):
    """A signing service over HTTPS (``SIGNING_REMOTE_URL``, bearer ``SIGNING_REMOTE_TOKEN``).

    Contract: ``POST {url}/sign`` with JSON ``{"digest": <base64 SHA-256>, "algorithm": "ES256"}``
    returns ``{"signature": <base64 r||s>}``; ``GET {url}/certificate`` returns the PEM chain,
    signing certificate first. A provider with another API needs only another ``_post``.
    Select it with ``DOCUMENT_SIGNER = "portal.signing.RemoteSigningService"``.
    """

    def __init__(self, url=None, token=None, timeout=10):
        self.url = (url or getattr(settings, "SIGNING_REMOTE_URL", "")).rstrip("/")
        self.token = token or getattr(settings, "SIGNING_REMOTE_TOKEN", "")
        self.timeout = timeout
        if not self.url:
            raise SigningNotConfigured("SIGNING_REMOTE_URL is not set")
        pems = self._get("/certificate").split(b"-----END CERTIFICATE-----")
        certs = [asn1_x509.Certificate.load(_pem_to_der(pem)) for pem in pems if b"BEGIN" in pem]
        self.certificate, self.chain = certs[0], tuple(certs[1:])

    def _request(self, path, body=None):
        import urllib.request

        request = urllib.request.Request(
            self.url + path,
            data=json.dumps(body).encode() if body is not None else None,
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (configured https URL)
            return response.read()

    def _get(self, path):
        return self._request(path)

    def sign_digest(self, digest):
        answer = json.loads(
            self._request("/sign", {"digest": base64.b64encode(digest).decode(), "algorithm": "ES256"})
        )
        return base64.b64decode(answer["signature"])

    def public_key(self):
        from cryptography import x509

        return x509.load_der_x509_certificate(self.certificate.dump()).public_key()

    def pdf_signer(self):
        from pyhanko.sign import signers
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        service = self

        class _Remote(signers.Signer):
            def __init__(self):
                super().__init__(
                    signing_cert=service.certificate,
                    cert_registry=SimpleCertificateStore.from_certs([service.certificate, *service.chain]),
                )

            async def async_sign_raw(self, data, digest_algorithm, dry_run=False):
                if dry_run:
                    return bytes(72)
                from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

                raw = service.sign_digest(hashlib.sha256(data).digest())
                return encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))

        return _Remote()


def _pem_to_der(pem: bytes) -> bytes:
    body = b"".join(line for line in pem.strip().splitlines() if line and b"-----" not in line)
    return base64.b64decode(body)


@functools.lru_cache(maxsize=4)
def _load(backend, _stamp):
    return import_string(backend)()


def _stamp():
    """Reload the backend when the PKCS#12 file changes (e.g. ``make_signing_certificate`` ran)."""
    from portal.storage import private_storage

    name = getattr(settings, "SIGNING_PKCS12", "") or DEFAULT_PKCS12
    try:
        path = private_storage().path(name)
        import os

        return (str(path), os.path.getmtime(path))
    except (OSError, NotImplementedError):
        return None


def office_signer():
    """The configured signer; raises :class:`SigningNotConfigured` when there is none."""
    backend = getattr(settings, "DOCUMENT_SIGNER", "") or "portal.signing.LocalPKCS12Signer"
    return _load(backend, _stamp())


def signing_available():
    try:
        office_signer()
    except SigningNotConfigured:
        return False
    return True


@dataclass
class SignerBlock:
    """The signer's data printed in the visible signature block."""

    name: str
    title: str = ""
    nip: str = ""

    @classmethod
    def from_signer(cls, signer):
        return cls(signer.get("name") or "", signer.get("title") or "", signer.get("nip") or "")


@functools.lru_cache(maxsize=1)
def _stamp_style():
    from pyhanko.pdf_utils.font.basic import SimpleFontEngineFactory
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    # A standard PDF font, not embedded: embedding a subset of a TrueType font costs ~80 ms a
    # signature; the block's text is transliterated to Latin-1 (see ``_latin1``).

    return TextStampStyle(
        stamp_text="Ditandatangani secara elektronik oleh\n%(name)s\n%(title)s\n%(nip)s\n%(ts)s",
        text_box_style=TextBoxStyle(font=SimpleFontEngineFactory("Helvetica", 0.5), font_size=6),
        border_width=0,
        timestamp_format="%Y-%m-%d %H:%M:%S %Z",
    )


def sign_pdf(pdf: bytes, signer: SignerBlock, reason: str, *, box=(36, 8, 236, 52), page=0, backend=None) -> bytes:
    """Sign ``pdf`` (PAdES baseline, SHA-256) with a visible block at ``box`` (points) on ``page``.

    Returns the signed bytes; raises :class:`SigningNotConfigured` when no signer is set up.
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    backend = backend or office_signer()
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    metadata = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        reason=reason,
        name=signer.name,
        location=getattr(settings, "SIGNING_LOCATION", "") or None,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    timestamper = None
    if getattr(settings, "SIGNING_TSA_URL", ""):
        from pyhanko.sign.timestamps import HTTPTimeStamper

        timestamper = HTTPTimeStamper(settings.SIGNING_TSA_URL)
    pdf_signer = signers.PdfSigner(
        metadata,
        signer=backend.pdf_signer(),
        timestamper=timestamper,
        stamp_style=_stamp_style(),
        new_field_spec=fields.SigFieldSpec(SIGNATURE_FIELD, box=box, on_page=page),
    )
    output = io.BytesIO()

    def sign():
        pdf_signer.sign_pdf(
            writer,
            output=output,
            # A fixed reservation skips pyHanko's dry-run signature that measures the container.
            bytes_reserved=16384 if timestamper else 8192,
            appearance_text_params={
                "name": _latin1(signer.name),
                "title": _latin1(signer.title),
                "nip": f"NIP. {signer.nip}" if signer.nip else "",
            },
        )

    _outside_any_event_loop(sign)
    return output.getvalue()


def _outside_any_event_loop(fn):
    """Run ``fn`` where pyHanko's synchronous API may start its own event loop.

    pyHanko's ``sign_pdf`` calls ``asyncio.run``, which refuses to run in a thread that already
    has a running loop (an ASGI server's, or Playwright's sync API in the browser tests); there
    the signing runs in a short-lived thread of its own.
    """
    import asyncio

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return fn()
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn).result()


def _latin1(text):
    """Text the standard PDF fonts can show: accents kept where Latin-1 has them, others dropped."""
    out = []
    for char in unicodedata.normalize("NFC", text or ""):
        if ord(char) < 256:
            out.append(char)
        else:
            out.append("".join(c for c in unicodedata.normalize("NFKD", char) if ord(c) < 128))
    return "".join(out)


def sign_or_keep(pdf: bytes, signer: dict, reason: str, **options) -> bytes:
    """Sign when a signer is configured; otherwise keep the unsigned PDF (the system check warns)."""
    try:
        return sign_pdf(pdf, SignerBlock.from_signer(signer), reason, **options)
    except SigningNotConfigured:
        logger.warning("No signing certificate configured: document left unsigned")
        return pdf


@dataclass
class PdfCheck:
    signed: bool
    intact: bool = False
    trusted: bool = False
    signer: str = ""
    signed_at: object = None
    reason: str = ""

    @property
    def valid(self):
        return self.signed and self.intact and self.trusted


def validate_pdf(pdf: bytes, backend=None) -> PdfCheck:
    """Check a PDF's signatures against the office's chain: intact, trusted, and covering the whole file."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = reader.embedded_signatures
    except Exception:  # a damaged file is simply not a valid signed PDF
        return PdfCheck(signed=False)
    if not embedded:
        return PdfCheck(signed=False)
    backend = backend or office_signer()
    roots = list(backend.chain[-1:]) or [backend.certificate]
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    results = []
    for signature in embedded:
        try:
            status = _outside_any_event_loop(functools.partial(validate_pdf_signature, signature, context))
        except Exception:
            logger.info("PDF signature could not be validated", exc_info=True)
            return PdfCheck(signed=True)
        results.append(status)
    last = results[-1]
    intact = all(status.intact and status.valid for status in results)
    covers_all = embedded[-1].coverage.name in ("ENTIRE_FILE",)
    return PdfCheck(
        signed=True,
        intact=intact and covers_all,
        trusted=all(status.trusted for status in results),
        signer=last.signing_cert.subject.human_friendly,
        signed_at=last.signer_reported_dt,
        reason=embedded[-1].sig_object.get("/Reason", ""),
    )


@register("portal")
def signing_certificate_check(app_configs=None, **kwargs):
    if signing_available():
        return []
    return [
        CheckWarning(
            "No signing certificate is configured: letters, decrees and certificates are not signed.",
            hint="Run 'manage.py make_signing_certificate' (demo) or set SIGNING_PKCS12 and SIGNING_PASSPHRASE "
            "to the office's PKCS#12 file in private storage (see the README, Deployment).",
            id="portal.W010",
        )
    ]
