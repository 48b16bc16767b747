"""Mobile clients: Android network security configuration and manifests, iOS Info.plist.

Android's `res/xml/network_security_config.xml` pins by `<domain-config><pin-set>` (with an
optional `expiration="YYYY-MM-DD"` after which pins are not enforced); iOS pins with
`NSAppTransportSecurity` > `NSPinnedDomains` > `NSPinnedLeafIdentities`/`NSPinnedCAIdentities`.
XML is parsed with defusedxml; Info.plist with plistlib (it refuses entity declarations).
Pin digests and domain names are never recorded, only how many there are.
"""

from __future__ import annotations

import plistlib
from datetime import date
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from gonogo.collectors.application.facts import Facts, line_of
from gonogo.collectors.sources.files import SourceFile

_ANDROID = "{http://schemas.android.com/apk/res/android}"


def xml_root(text: str) -> Element | None:
    if "<" not in text[:512]:
        return None
    try:
        return SafeET.fromstring(text)
    except (ParseError, DefusedXmlException, ValueError):
        return None


def android(facts: Facts, source: SourceFile, root: Element, today: date) -> None:
    text = source.text or ""
    if root.tag == "manifest" and root.find("application") is not None:
        facts.add(
            "integrity.tls_clients",
            "Android app",
            "AndroidManifest.xml",
            source,
            line_of(text, "<application") or 1,
        )
        return
    if root.tag != "network-security-config":
        return
    facts.add(
        "integrity.tls_clients", "Android network security config", "network-security-config", source, 1
    )
    for index, pin_set in enumerate(root.iter("pin-set")):
        pins = len(pin_set.findall("pin"))
        line = _nth_line(text, "<pin-set", index)
        expiration = pin_set.get("expiration")
        if pins == 0:
            facts.add("integrity.pinning_gaps", "Android pin-set", "a pin-set without pins", source, line)
        elif expiration and _expired(expiration, today):
            facts.add(
                "integrity.pinning_gaps",
                "Android pin-set",
                f"pins expired on {expiration[:10]}",
                source,
                line,
            )
        else:
            facts.add("integrity.certificate_pins", "Android pin-set", f"{pins} pin(s)", source, line)
    for cleartext in root.iter():
        if cleartext.get("cleartextTrafficPermitted") == "true":
            facts.add(
                "integrity.pinning_gaps",
                "Android network security config",
                "cleartextTrafficPermitted true",
                source,
                1,
            )
            break


def _expired(expiration: str, today: date) -> bool:
    try:
        return date.fromisoformat(expiration[:10]) < today
    except ValueError:
        return True


def _nth_line(text: str, needle: str, n: int) -> int:
    index = -1
    for _ in range(n + 1):
        index = text.find(needle, index + 1)
        if index < 0:
            return 1
    return text.count("\n", 0, index) + 1


def read_plist(raw: bytes) -> Any:
    try:
        return plistlib.loads(raw)
    except (plistlib.InvalidFileException, ValueError, TypeError, OverflowError, KeyError, IndexError):
        return None
    except Exception:  # expat errors for XML that is not a plist
        return None


def ios(facts: Facts, source: SourceFile, plist: Any) -> None:
    if not isinstance(plist, dict) or not any(
        k in plist for k in ("CFBundleIdentifier", "NSAppTransportSecurity")
    ):
        return
    text = source.text or ""
    facts.add("integrity.tls_clients", "iOS app", "Info.plist", source, 1)
    ats = plist.get("NSAppTransportSecurity") if isinstance(plist.get("NSAppTransportSecurity"), dict) else {}
    domains = ats.get("NSPinnedDomains") if isinstance(ats.get("NSPinnedDomains"), dict) else {}
    line = line_of(text, "NSPinnedDomains") or 1
    pinned = 0
    for settings in domains.values():
        if not isinstance(settings, dict):
            continue
        identities = (settings.get("NSPinnedLeafIdentities") or []) + (
            settings.get("NSPinnedCAIdentities") or []
        )
        if identities:
            pinned += 1
    if pinned:
        facts.add(
            "integrity.certificate_pins", "iOS NSPinnedDomains", f"{pinned} pinned domain(s)", source, line
        )
    elif domains:
        facts.add(
            "integrity.pinning_gaps", "iOS NSPinnedDomains", "pinned domains without identities", source, line
        )
    if ats.get("NSAllowsArbitraryLoads") is True:
        facts.add(
            "integrity.pinning_gaps",
            "iOS NSAppTransportSecurity",
            "NSAllowsArbitraryLoads true",
            source,
            line_of(text, "NSAllowsArbitraryLoads") or 1,
        )
