"""Certificates as Open Badges 3.0 credentials (W3C Verifiable Credentials data model 2.0).

Each issued certificate is also an ``OpenBadgeCredential`` secured as a VC-JWT (ES256) with
the office's key (``portal.signing``): the JWT's payload is the credential itself, plus the
registered claims ``iss``, ``jti``, ``sub`` and ``nbf``.

* The holder is identified by a salted SHA-256 hash of their email address — never the NIK —
  as Open Badges' ``IdentityObject`` (``identityHash``, ``salt``). The salt is derived from the
  certificate, so the same credential is produced every time it is downloaded.
* The achievement carries the class, its hours, the competencies (the learning objectives of the
  class's materials) and the result (grade, score).
* ``credentialStatus`` points to ``/sertifikat/status/<code>/``, which answers whether the
  certificate has been revoked; the verification page asks the same question.
* The issuer's profile is at ``/sertifikat/penerbit/``, its public key at ``/.well-known/jwks.json``.

A "baked" badge is a PNG carrying the JWT in an ``iTXt`` chunk named ``openbadgecredential``
(Open Badges 3.0 baking).
"""

import base64
import functools
import hashlib
import hmac
import io
import json
import re
import urllib.parse

from PIL import Image, ImageDraw, ImageFont, PngImagePlugin

from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

OB_CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
PNG_KEY = "openbadgecredential"


def absolute(path):
    return f"{settings.PORTAL_BASE_URL}{path}"


def issuer_id():
    return absolute(reverse("certificates:issuer"))


def issuer_profile(office=None):
    from procedures.letters import office_settings

    office = office or office_settings()
    profile = {
        "@context": OB_CONTEXT,
        "id": issuer_id(),
        "type": ["Profile"],
        "name": office.office_name,
        "url": office.website or absolute("/"),
        "publicKey": absolute(reverse("jwks")),
    }
    if office.email:
        profile["email"] = office.email
    if office.address:
        profile["address"] = {"type": ["Address"], "streetAddress": " ".join(office.address.split())}
    return profile


def holder_salt(certificate):
    """A per-certificate salt, stable across downloads (derived, never stored)."""
    digest = hmac.new(settings.SECRET_KEY.encode(), f"ob3-salt:{certificate.verification_code}".encode(), "sha256")
    return digest.hexdigest()[:16]


def identity_hash(email, salt):
    """Open Badges' hashed identity: ``sha256$`` + hex(SHA-256(email + salt))."""
    return "sha256$" + hashlib.sha256(((email or "").strip().lower() + salt).encode()).hexdigest()


def competencies(certificate):
    from courses.models import MaterialPage

    course = certificate.course
    if course is None:
        return []
    objectives = []
    for material in MaterialPage.objects.child_of(course).live().order_by("path"):
        for line in material.objective_list:
            if line not in objectives:
                objectives.append(line)
    return objectives[:20]


def credential(certificate):
    """The ``OpenBadgeCredential`` of a certificate, as a dict (unsigned)."""
    from certificates.rendering import format_hours

    participant = certificate.enrolment.participant
    salt = holder_salt(certificate)
    status_url = absolute(reverse("certificates:status", args=[certificate.verification_code]))
    achievement_id = absolute(certificate.course.url if certificate.course_id and certificate.course.url else "/")
    hours = format_hours(certificate.hours)
    result = []
    if certificate.grade:
        result.append({"type": ["Result"], "value": str(certificate.grade)})
    if certificate.score is not None:
        result.append({"type": ["Result"], "value": str(certificate.score)})
    achievement = {
        "id": f"{achievement_id}#achievement",
        "type": ["Achievement"],
        "achievementType": "Certificate",
        "name": certificate.course_title,
        "description": " ".join(
            filter(None, [certificate.course_title, certificate.cohort, certificate.category_name])
        ),
        "criteria": {"narrative": "Mengikuti kelas sampai selesai dan dinyatakan lulus."},
        "tag": competencies(certificate),
    }
    if hours:
        achievement["creditsAvailable"] = float(certificate.hours)
        achievement["fieldOfStudy"] = certificate.category_name or certificate.course_title
    subject = {
        "type": ["AchievementSubject"],
        "identifier": [
            {
                "type": "IdentityObject",
                "identityHash": identity_hash(participant.email, salt),
                "identityType": "emailAddress",
                "hashed": True,
                "salt": salt,
            }
        ],
        "achievement": achievement,
        "result": result,
    }
    if hours:
        subject["creditsEarned"] = float(certificate.hours)
    return {
        "@context": OB_CONTEXT,
        "id": absolute(certificate.get_verify_path()),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer_id(), "type": ["Profile"], "name": certificate.office_name},
        "validFrom": certificate.issued_at.isoformat(timespec="seconds"),
        "name": f"Sertifikat {certificate.course_title}",
        "credentialSubject": subject,
        "credentialStatus": {"id": status_url, "type": "1EdTechRevocationList"},
    }


def credential_jwt(certificate, signer=None):
    """The credential secured as a VC-JWT (compact JWS, ES256) with the office's key."""
    from portal.signing import office_signer

    signer = signer or office_signer()
    body = credential(certificate)
    payload = {
        **body,
        "iss": body["issuer"]["id"],
        "jti": body["id"],
        "sub": body["credentialSubject"]["identifier"][0]["identityHash"],
        "nbf": int(certificate.issued_at.timestamp()),
    }
    return signer.sign_jws(payload, {"typ": "vc+jwt", "cty": "vc"})


# --- the baked badge ----------------------------------------------------------------------------


@functools.cache
def _badge_font(size):
    return ImageFont.truetype(finders.find("fonts/DejaVuSans-Bold.ttf"), size)


def badge_image(certificate):
    """A 400×400 badge: the office colour, the class title, the year."""
    image = Image.new("RGBA", (400, 400), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, 390, 390), fill=(11, 61, 60, 255), outline=(212, 175, 55, 255), width=10)
    words, lines, line = certificate.course_title.split(), [], ""
    for word in words:
        if len(line) + len(word) + 1 > 18 and line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    lines = lines[:4]
    font = _badge_font(26)
    top = 200 - len(lines) * 17
    for index, text in enumerate(lines):
        draw.text((200, top + index * 34), text, font=font, fill=(255, 255, 255, 255), anchor="mm")
    draw.text((200, 330), str(certificate.issued_at.year), font=_badge_font(22), fill=(212, 175, 55, 255), anchor="mm")
    return image


def baked_png(certificate, token=None):
    """The badge PNG with the credential baked in (``iTXt`` chunk ``openbadgecredential``)."""
    token = token or credential_jwt(certificate)
    info = PngImagePlugin.PngInfo()
    info.add_itxt(PNG_KEY, token)
    buffer = io.BytesIO()
    badge_image(certificate).save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


def linkedin_url(certificate):
    """LinkedIn's "add a licence or certification" link, pre-filled."""
    issued = certificate.issued_at
    query = {
        "startTask": "CERTIFICATION_NAME",
        "name": f"Sertifikat {certificate.course_title}",
        "organizationName": certificate.office_name,
        "issueYear": issued.year,
        "issueMonth": issued.month,
        "certUrl": certificate.get_verify_url(),
        "certId": certificate.number,
    }
    return "https://www.linkedin.com/profile/add?" + urllib.parse.urlencode(query)


# --- reading an uploaded credential -----------------------------------------------------------


JWT_RE = re.compile(rb"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")


def token_from_upload(data: bytes):
    """The VC-JWT inside an uploaded file: a PNG badge, a JSON wrapper, or the bare JWT."""
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        try:
            with Image.open(io.BytesIO(data)) as image:
                text = image.text.get(PNG_KEY, "")
        except Exception:
            return None
        return text.strip() or None
    text = data.strip()
    if text[:1] == b"{":
        try:
            parsed = json.loads(text)
        except ValueError:
            return None
        for key in ("jwt", "credential", "proof"):
            value = parsed.get(key) if isinstance(parsed, dict) else None
            if isinstance(value, str) and JWT_RE.fullmatch(value.encode()):
                return value
        return None
    match = JWT_RE.fullmatch(text)
    return match.group(0).decode() if match else None


def _b64decode(part):
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def verify_token(token, signer=None):
    """Check a VC-JWT against the office's key; returns the payload dict, or ``None`` when it is not genuine."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

    from portal.signing import office_signer

    signer = signer or office_signer()
    try:
        header_b64, payload_b64, signature_b64 = token.split(".")
        header = json.loads(_b64decode(header_b64))
        signature = _b64decode(signature_b64)
        if header.get("alg") != "ES256" or len(signature) != 64:
            return None
        der = encode_dss_signature(int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big"))
        signer.public_key().verify(der, f"{header_b64}.{payload_b64}".encode(), ec.ECDSA(hashes.SHA256()))
        return json.loads(_b64decode(payload_b64))
    except (ValueError, InvalidSignature, TypeError):
        return None


# --- the verification of an uploaded file ------------------------------------------------------

CODE_IN_TEXT = re.compile(r"[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}")


class UploadCheck:
    """What the verification page says about an uploaded credential or PDF."""

    def __init__(self, kind, genuine=False, signer="", certificate=None, letter=None, detail=""):
        self.kind = kind  # "credential", "pdf" or "unknown"
        self.genuine = genuine
        self.signer = signer
        self.certificate = certificate
        self.letter = letter
        self.detail = detail

    @property
    def document(self):
        return self.certificate or self.letter

    @property
    def revoked(self):
        document = self.document
        return bool(document is not None and document.revoked_at)


def _document_by_code(code):
    from certificates.models import Certificate
    from procedures.models import Letter

    certificate = Certificate.objects.filter(verification_code=code).first()
    if certificate is not None:
        return certificate, None
    return None, Letter.objects.filter(verification_code=code).first()


def check_upload(data: bytes) -> UploadCheck:
    """Is an uploaded credential (JSON, JWT, baked PNG) or signed PDF genuine, by whom, revoked?"""
    from portal.signing import SigningNotConfigured, validate_pdf

    try:
        if data.lstrip()[:5] == b"%PDF-":
            check = validate_pdf(data)
            if not check.signed:
                return UploadCheck("pdf", detail="unsigned")
            certificate = letter = None
            if check.valid:
                from pypdf import PdfReader

                try:
                    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
                except Exception:
                    text = ""
                match = CODE_IN_TEXT.search(text or "")
                if match:
                    certificate, letter = _document_by_code(match.group(0))
            return UploadCheck("pdf", genuine=check.valid, signer=check.signer, certificate=certificate, letter=letter)
        token = token_from_upload(data)
        if token is None:
            return UploadCheck("unknown")
        payload = verify_token(token)
        if payload is None:
            return UploadCheck("credential")
        code = CODE_IN_TEXT.search(payload.get("id", ""))
        certificate = _document_by_code(code.group(0))[0] if code else None
        return UploadCheck(
            "credential",
            genuine=certificate is not None,
            signer=payload.get("issuer", {}).get("name", ""),
            certificate=certificate,
        )
    except SigningNotConfigured:
        return UploadCheck("unknown", detail="no-key")
