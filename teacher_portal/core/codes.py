"""Random secrets for links and codes, from `secrets` so they cannot be guessed."""

import secrets

# No 0/O, 1/I/L: a 10-year-old copies the class code from the board without mix-ups.
CLASS_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CLASS_CODE_LENGTH = 6


def new_class_code() -> str:
    return "".join(secrets.choice(CLASS_CODE_ALPHABET) for _ in range(CLASS_CODE_LENGTH))


def new_token() -> str:
    """A URL-safe token for a login card or an invitation link (128 bits)."""
    return secrets.token_urlsafe(16)


def normalise_class_code(typed: str) -> str:
    """Accept the code however it was typed: lower case, spaces, dashes."""
    return "".join(ch for ch in typed.upper() if ch.isalnum())
