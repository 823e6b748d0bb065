"""Learners' PINs in a served class: four digits, stored only as a salted scrypt hash.

Four digits stop a classmate from playing as someone else, not a determined attacker; the hash
keeps a copied database from giving the PINs away, and each guess costs the server some work.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

PIN_LENGTH = 4
_N, _R, _P = 2**14, 8, 1
_SCHEME = "scrypt"


def is_valid_pin(pin: str) -> bool:
    """Exactly four ASCII digits."""
    return len(pin) == PIN_LENGTH and pin.isascii() and pin.isdigit()


def hash_pin(pin: str) -> str:
    """``scrypt$N$r$p$salt$hash``, hex; a fresh salt each time."""
    salt = secrets.token_bytes(16)
    digest = _scrypt(pin, salt, _N, _R, _P)
    return f"{_SCHEME}${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` is the one hashed in ``stored``; False for a hash in a shape this code does not know."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != _SCHEME:
        return False
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt, expected = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
    except ValueError:
        return False
    if not (2 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16):
        return False
    return hmac.compare_digest(_scrypt(pin, salt, n, r, p), expected)


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=32)
