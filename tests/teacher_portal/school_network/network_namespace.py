"""A school network of its own for a test: a network namespace with a wifi and a cable
interface (veth pairs), a default route out of the wifi, and a container bridge that no
phone is on. Python code runs inside it; it needs root and `unshare`, as CI has."""

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from tests.real_components import require

ROOT = Path(__file__).resolve().parents[3]
WIFI, WIFI_ADDRESS = "wlan7", "10.77.0.5"
CABLE, CABLE_ADDRESS = "eth7", "192.168.77.20"
BRIDGE_ADDRESS = "172.17.0.1"
SCHOOL_NETWORK = [
    "ip link set lo up",
    f"ip link add {WIFI} type veth peer name {WIFI}p",
    f"ip link set {WIFI}p up",
    f"ip addr add {WIFI_ADDRESS}/16 dev {WIFI}",
    f"ip link set {WIFI} up",
    f"ip route add default via 10.77.0.1 dev {WIFI}",
    f"ip link add {CABLE} type veth peer name {CABLE}p",
    f"ip link set {CABLE}p up",
    f"ip addr add {CABLE_ADDRESS}/24 dev {CABLE}",
    f"ip link set {CABLE} up",
    "ip link add docker0 type bridge",
    f"ip addr add {BRIDGE_ADDRESS}/16 dev docker0",
    "ip link set docker0 up",
]


def run_on_school_network(
    code: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess:
    if os.geteuid() != 0 or not shutil.which("unshare"):
        require("needs root and unshare for a network namespace of its own")
    script = " && ".join([*SCHOOL_NETWORK, f"exec {sys.executable} -c {shlex.quote(code)}"])
    return subprocess.run(
        ["unshare", "--net", "bash", "-c", script],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
