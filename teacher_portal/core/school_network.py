"""What `jagten up` serves on and says about it: this machine only, or the school network
with the address to give pupils' phones and the security note that goes with it.

`jagten up` prints Danish, as the rest of its messages do; the portal's own pages are in the
teacher's language.
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

SERVED_ON_CONFIG_KEY = "SERVED_ON"  # the host `jagten up` listens on, for the settings page
SWITCH = "jagten up --school-network"
SECURITY_NOTE = (
    "Sikkerhed: alle på skolens net kan nu åbne portalen, og den taler HTTP uden kryptering. "
    "Brug den kun på et net, skolen styrer, giv lærerne stærke adgangskoder, og sæt en "
    "HTTPS-proxy foran, hvis portalen skal kunne nås udefra (se README: Elevernes telefoner)."
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
            f"Lærerportalen: {local}  (stop med Ctrl+C)",
            "Kun denne maskine kan åbne portalen. Skal elevernes telefoner og tablets med, så "
            f"start den på skolens net: {SWITCH}  (eller: make run HOST=0.0.0.0)",
        ]
    found = _addresses(host)
    if found:
        app.config[DETECTED_CONFIG_KEY] = found[0].url(port).rstrip("/")
    return [
        f"Lærerportalen: {local} på denne maskine  (stop med Ctrl+C)",
        *_address_lines(found, port),
        *_setting_lines(app),
        SECURITY_NOTE,
    ]


def _addresses(host: str) -> list[NetworkAddress]:
    if host != EVERY_NETWORK:
        return [NetworkAddress(host, "", default_route=True)]
    return school_network_addresses()


def _address_lines(found: list[NetworkAddress], port: int) -> list[str]:
    if not found:
        return [
            "Fandt ingen adresse på skolens net: er maskinen koblet på wifi eller kabel? "
            "Portalen svarer på alle maskinens adresser, når den kommer på nettet."
        ]
    best, *others = found
    lines = [f"Elevernes telefoner og tablets: {best.url(port)}  ← brug denne{_on(best)}"]
    lines += [f"  Maskinen har også: {other.url(port)}{_on(other)}" for other in others]
    return lines


def _on(address: NetworkAddress) -> str:
    return f"  (netkort {address.interface})" if address.interface else ""


def _setting_lines(app: Flask) -> list[str]:
    with app.app_context():
        stored = stored_public_url()
    configured = stored or app.config.get("PUBLIC_URL")
    if not configured:
        return []
    where = "portalens indstillinger" if stored else "JAGTEN_PUBLIC_URL"
    return [f"QR-koder og login-kort bruger {configured} (fra {where})."]
