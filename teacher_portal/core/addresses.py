"""Which addresses of this machine pupils' phones can reach, and which of them to use.

A phone on the school's wifi cannot open `127.0.0.1`: that is the phone itself. `jagten up
--school-network` serves on every network of the machine and names the address to give
pupils; the portal uses it for QR codes, login cards, the join page and the game's address
unless an administrator has set another one.
"""

import ipaddress
import socket
from dataclasses import dataclass

import psutil

EVERY_NETWORK = "0.0.0.0"
THIS_MACHINE = "127.0.0.1"
# Interfaces of virtual machines and containers on this computer: no phone is on them.
VIRTUAL_PREFIXES = ("docker", "br-", "veth", "virbr", "vboxnet", "vmnet", "lxc", "lxd", "cni")
# A documentation address (TEST-NET-1): connecting a UDP socket to it sends nothing, but
# tells which local address the default route leaves from.
ROUTE_PROBE = ("192.0.2.1", 9)


@dataclass(frozen=True)
class NetworkAddress:
    """An IPv4 address of this machine on a network other devices can be on."""

    address: str
    interface: str
    default_route: bool  # the address the machine reaches other networks from

    def url(self, port: int) -> str:
        return f"http://{self.address}:{port}/"


def is_loopback(host: str | None) -> bool:
    """True for addresses only this machine can open (127.x, ::1, localhost, 0.0.0.0)."""
    if not host:
        return True
    if host.rstrip(".").lower() == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False  # a host name: the school's DNS may well know it
    return address.is_loopback or address.is_unspecified


def serves_school_network(host: str) -> bool:
    return not is_loopback(host) or host == EVERY_NETWORK


def school_network_addresses() -> list[NetworkAddress]:
    """The machine's IPv4 addresses on networks phones can be on, the one to use first:
    the default route's address, then private (school) networks, then the rest."""
    routed = _default_route_address()
    found = []
    stats = psutil.net_if_stats()
    for interface, entries in psutil.net_if_addrs().items():
        up = stats.get(interface)
        if up is None or not up.isup or interface.startswith(VIRTUAL_PREFIXES):
            continue
        for entry in entries:
            if entry.family == socket.AF_INET and _reachable(entry.address):
                found.append(NetworkAddress(entry.address, interface, entry.address == routed))
    return sorted(found, key=_preference)


def _reachable(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    return not (ip.is_loopback or ip.is_link_local or ip.is_unspecified or ip.is_multicast)


def _preference(entry: NetworkAddress) -> tuple[bool, bool, tuple[int, ...]]:
    private = ipaddress.ip_address(entry.address).is_private
    return (not entry.default_route, not private, tuple(map(int, entry.address.split("."))))


def _default_route_address() -> str | None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(ROUTE_PROBE)
        except OSError:  # no route at all: a machine without a network
            return None
        return probe.getsockname()[0]
