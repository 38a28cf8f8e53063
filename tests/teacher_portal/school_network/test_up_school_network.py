"""`jagten up --school-network` on a machine with a wifi, a cable and a container bridge:
it names the wifi's address for pupils, serves there, and the portal's links use it; plain
`jagten up` serves this machine only and says how to let phones in."""

import json
from pathlib import Path

import pytest

from tests.teacher_portal.factories import PASSWORD
from tests.teacher_portal.school_network.network_namespace import (
    BRIDGE_ADDRESS,
    CABLE_ADDRESS,
    WIFI_ADDRESS,
    run_on_school_network,
)

PORT = 5077
PROBE = f"""
import http.cookiejar, json, re, signal, subprocess, sys, time, urllib.parse, urllib.request
from minecraft_scripts.server.managed_minetest import port_in_use

def start(*args):
    up = subprocess.Popen([sys.executable, "-m", "teacher_portal.cli", "up", "--no-minetest",
                           "--port", "{PORT}", *args],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 60
    while not port_in_use({PORT}):
        assert up.poll() is None and time.monotonic() < deadline, up.stdout.read()
        time.sleep(0.2)
    return up

def stop(up):
    up.send_signal(signal.SIGINT)
    return up.communicate(timeout=30)[0]

cookies = urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
browser = urllib.request.build_opener(cookies)
def post(path, **fields):
    page = browser.open("http://127.0.0.1:{PORT}" + path).read().decode()
    fields["csrf_token"] = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)[1]
    return browser.open("http://127.0.0.1:{PORT}" + path, urllib.parse.urlencode(fields).encode())

up = start()
only_here = not port_in_use({PORT}, "{WIFI_ADDRESS}")
alone = stop(up)

up = start("--school-network")
health = urllib.request.urlopen("http://{WIFI_ADDRESS}:{PORT}/healthz").read().decode()
post("/setup", name="Karen", email="karen@skole.dk", password="{PASSWORD}", confirm="{PASSWORD}")
roster = post("/classes/new", name="6.B", grade="6", school_year="2026/27").url
class_page = browser.open(roster.removesuffix("/roster")).read().decode()
shared = stop(up)
print(json.dumps({{"only_here": only_here, "alone": alone, "health": health,
                  "class_page": class_page, "shared": shared}}))
"""


@pytest.mark.timeout(180)
def test_up_names_the_school_network_address_and_serves_there(tmp_path: Path) -> None:
    result = run_on_school_network(PROBE, env={"JAGTEN_INSTANCE_PATH": str(tmp_path)})
    assert result.returncode == 0, result.stdout + result.stderr
    seen = json.loads(result.stdout.splitlines()[-1])

    assert seen["only_here"], "plain jagten up serves this machine only"
    assert f"http://127.0.0.1:{PORT}/" in seen["alone"]
    assert "jagten up --school-network" in seen["alone"]

    shared = seen["shared"]
    assert f"Elevernes telefoner og tablets: http://{WIFI_ADDRESS}:{PORT}/  ← brug denne" in shared
    assert f"http://{CABLE_ADDRESS}:{PORT}/" in shared
    assert BRIDGE_ADDRESS not in shared  # a container's bridge: no phone is on it
    assert "Sikkerhed:" in shared and "HTTPS" in shared
    assert seen["health"] == "ok"
    # The teacher works on this machine (127.0.0.1); the pupils' links use the wifi address.
    assert f"http://{WIFI_ADDRESS}:{PORT}/join" in seen["class_page"]
    assert 'data-testid="address-warning"' not in seen["class_page"]
