"""The production server `jagten up` runs: room for a school's connections."""

import resource
import subprocess
import sys

from teacher_portal.core.serving import CONNECTION_LIMIT

PROBE = """
import resource
from teacher_portal import create_app
from teacher_portal.core.serving import production_server
server = production_server(create_app({"SECRET_KEY": "x", "TESTING": True}), "127.0.0.1", 0)
print(resource.getrlimit(resource.RLIMIT_NOFILE)[0])
server.close()
"""


def test_a_login_session_s_open_file_limit_is_raised_for_the_connections(tmp_path) -> None:
    """Started under the 1,024 open files a login session often allows, the server raises its
    own limit so that CONNECTION_LIMIT phones and the database fit."""
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    low = min(1024, hard)
    started = subprocess.run(
        [sys.executable, "-c", PROBE],
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (low, hard)),
        env={"JAGTEN_INSTANCE_PATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    soft = int(started.stdout.split()[-1])
    assert soft >= min(CONNECTION_LIMIT + 256, hard)
