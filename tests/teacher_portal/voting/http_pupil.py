"""A pupil's phone as plain HTTP: its own cookies, signed in by the card link, CSRF token
read from the ballot page. Used by the concurrency test (the benchmark has its own, leaner)."""

import http.cookiejar
import re
import urllib.parse
import urllib.request

CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class HttpPupil:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect()
        )

    def get(self, path: str) -> str:
        try:
            with self.opener.open(self.base_url + path, timeout=30) as response:
                return response.read().decode()
        except urllib.error.HTTPError as redirect:
            if redirect.code in (301, 302, 303):
                return ""
            raise

    def sign_in(self, card_token: str) -> None:
        self.get(f"/c/{card_token}")

    def csrf_token(self, task_id: int) -> str:
        return CSRF_FIELD.search(self.get(f"/vote/{task_id}"))[1]

    def cast(self, task_id: int, choices: list[str], csrf_token: str) -> tuple[int, str]:
        body = urllib.parse.urlencode(
            [("csrf_token", csrf_token), *(("choice", c) for c in choices)]
        ).encode()
        try:
            with self.opener.open(f"{self.base_url}/vote/{task_id}", body, timeout=60) as r:
                return r.status, ""
        except urllib.error.HTTPError as answer:
            return answer.code, answer.headers.get("Location", "")
