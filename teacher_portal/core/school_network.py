"""What `jagten up` serves on and says about it: this machine only, or the school network
with the address to give pupils' phones and the security note that goes with it.

`jagten up` prints in the language of the command line (`worlds.language`, Danish unless
`--lang en` or `JAGTEN_LANG=en`), through `say`, so these lines sit in the toolkit's
catalogue beside the command's other messages; the portal's own pages are in the teacher's
language.
"""

from flask import Flask

from teacher_portal.core.addresses import (
    EVERY_NETWORK,
    THIS_MACHINE,
    NetworkAddress,
    school_network_addresses,
    serves_school_network,
)
from teacher_portal.core.public_links import DETECTED_CONFIG_KEY, stored_public_url
from worlds.language import say

SERVED_ON_CONFIG_KEY = "SERVED_ON"  # the host `jagten up` listens on, for the settings page
SWITCH = "jagten up --school-network"


def _security_note() -> str:
    return say(
        "Security: everyone on the school network can now open the portal, and it speaks HTTP "
        "without encryption. Use it only on a network the school controls, give teachers "
        "strong passwords, and put an HTTPS proxy in front if the portal must be reached from "
        "outside (see README: Pupils' phones on the school network)."
    )


def listen_host(host: str | None, school_network: bool) -> str:
    """`--school-network` serves on every network of the machine; the default, this one only."""
    if school_network and (host is None or not serves_school_network(host)):
        return EVERY_NETWORK
    return host or THIS_MACHINE


def prepare(app: Flask, host: str, port: int) -> list[str]:
    """Tell the app where it is served (and so which address pupils get when nothing is
    set), and return the lines `jagten up` prints about it."""
    app.config[SERVED_ON_CONFIG_KEY] = host
    local = f"http://{THIS_MACHINE}:{port}/"
    if not serves_school_network(host):
        return [
            say("Teacher portal: %(url)s  (stop with Ctrl+C)", url=local),
            say("Only this machine can open the portal. For pupils' phones and tablets, start "
                "it on the school network: %(switch)s  (or: make run HOST=0.0.0.0)",
                switch=SWITCH),
        ]  # fmt: skip
    found = _addresses(host)
    if found:
        app.config[DETECTED_CONFIG_KEY] = found[0].url(port).rstrip("/")
    return [
        say("Teacher portal: %(url)s on this machine  (stop with Ctrl+C)", url=local),
        *_address_lines(found, port),
        *_setting_lines(app),
        _security_note(),
    ]


def _addresses(host: str) -> list[NetworkAddress]:
    if host != EVERY_NETWORK:
        return [NetworkAddress(host, "", default_route=True)]
    return school_network_addresses()


def _address_lines(found: list[NetworkAddress], port: int) -> list[str]:
    if not found:
        return [
            say("Found no address on the school network: is the machine on wifi or a cable? "
                "The portal answers on all the machine's addresses once it is on the network.")
        ]  # fmt: skip
    best, *others = found
    pupils = say("Pupils' phones and tablets: %(url)s  ← use this", url=best.url(port))
    lines = [pupils + _on(best)]
    lines += [
        "  " + say("The machine also has: %(url)s", url=other.url(port)) + _on(other)
        for other in others
    ]
    return lines


def _on(address: NetworkAddress) -> str:
    if not address.interface:
        return ""
    return "  " + say("(network card %(card)s)", card=address.interface)


def _setting_lines(app: Flask) -> list[str]:
    with app.app_context():
        stored = stored_public_url()
    configured = stored or app.config.get("PUBLIC_URL")
    if not configured:
        return []
    where = say("the portal's settings") if stored else "JAGTEN_PUBLIC_URL"
    return [say("QR codes and login cards use %(url)s (from %(where)s).", url=configured,
                where=where)]  # fmt: skip
