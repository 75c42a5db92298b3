"""Salted scrypt password hashes: ``scrypt$n$r$p$salt_hex$hash_hex``."""

from __future__ import annotations

import hashlib
import hmac
import secrets

_N, _R, _P = 2**14, 8, 1


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt_hex, digest_hex = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(
        password.encode("utf-8"),
        salt=bytes.fromhex(salt_hex),
        n=int(n),
        r=int(r),
        p=int(p),
        dklen=len(digest_hex) // 2,
    )
    return hmac.compare_digest(digest.hex(), digest_hex)


def dummy_hash() -> str:
    """A hash no password matches, at the cost real hashes are made with today.

    Signing in with an unknown name is checked against it, so a wrong name takes as
    long as a wrong password and the time taken doesn't tell which names exist.
    """
    return f"scrypt${_N}${_R}${_P}${'00' * 16}${'00' * 32}"
