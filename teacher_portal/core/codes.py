"""Random secrets for links and codes, from `secrets` so they cannot be guessed."""

import hashlib
import secrets

# No 0/O, 1/I/L: a 10-year-old copies the class code from the board without mix-ups.
CLASS_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CLASS_CODE_LENGTH = 6
CARD_CODE_LENGTH = 5


def new_class_code() -> str:
    return "".join(secrets.choice(CLASS_CODE_ALPHABET) for _ in range(CLASS_CODE_LENGTH))


def new_token() -> str:
    """A URL-safe token for a login card or an invitation link (128 bits)."""
    return secrets.token_urlsafe(16)


def card_code(card_token: str) -> str:
    """The pupil's own code, printed on the login card: with the class code it signs the
    pupil in where no camera scans the QR code. It is derived from the card's token, so a
    new card gets a new code, a revoked card has none, and the code does not give away the
    token; 31⁵ ≈ 29 million codes, and wrong guesses are rate-limited per pupil."""
    number = int.from_bytes(hashlib.sha256(card_token.encode()).digest(), "big")
    letters = []
    for _ in range(CARD_CODE_LENGTH):
        number, index = divmod(number, len(CLASS_CODE_ALPHABET))
        letters.append(CLASS_CODE_ALPHABET[index])
    return "".join(letters)


def normalise_class_code(typed: str) -> str:
    """Accept a class or card code however it was typed: lower case, spaces, dashes."""
    return "".join(ch for ch in typed.upper() if ch.isalnum())
