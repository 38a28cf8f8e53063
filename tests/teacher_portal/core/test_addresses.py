"""Finding the machine's school-network addresses, checked against iproute2's own view in
a network namespace with a wifi, a cable and a container bridge."""

import json

import pytest

from teacher_portal.core.addresses import is_loopback
from tests.teacher_portal.school_network.network_namespace import (
    BRIDGE_ADDRESS,
    CABLE,
    CABLE_ADDRESS,
    WIFI,
    WIFI_ADDRESS,
    run_on_school_network,
)

PROBE = """
import json, subprocess
from teacher_portal.core.addresses import school_network_addresses
ours = [(a.address, a.interface, a.default_route) for a in school_network_addresses()]
links = json.loads(subprocess.run(["ip", "-j", "-4", "addr", "show", "up"],
                                  capture_output=True, text=True, check=True).stdout)
theirs = [(i["ifname"], a["local"]) for i in links for a in i["addr_info"]]
route = json.loads(subprocess.run(["ip", "-j", "route", "get", "192.0.2.1"],
                                  capture_output=True, text=True, check=True).stdout)
print(json.dumps({"ours": ours, "theirs": theirs, "route": route[0]["prefsrc"]}))
"""


def test_school_network_addresses_match_iproute2() -> None:
    result = run_on_school_network(PROBE)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    theirs = {tuple(entry) for entry in seen["theirs"]}
    assert (CABLE, CABLE_ADDRESS) in theirs and ("docker0", BRIDGE_ADDRESS) in theirs
    expected = {(address, name) for name, address in theirs if name not in ("lo", "docker0")}
    ours = [tuple(entry) for entry in seen["ours"]]
    assert {(address, name) for address, name, _ in ours} == expected
    assert ours[0] == (WIFI_ADDRESS, WIFI, True)  # the default route's address comes first
    assert seen["route"] == WIFI_ADDRESS


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.0.1", True),
        ("localhost", True),
        ("LOCALHOST.", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", True),
        ("", True),
        ("192.168.1.20", False),
        ("skole-pc.local", False),
        ("fe80::1", False),
    ],
)
def test_loopback_is_what_only_this_machine_opens(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback
