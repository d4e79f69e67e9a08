#!/usr/bin/python3
# A PBX with a self-signed certificate, as most are: the window shows the
# certificate's SHA-256 fingerprint and connects only after the user
# trusts it; the trust is pinned, so the next start reconnects to the
# saved PBX (its secret from the keyring) without asking again. The
# dialog shows the certificate's subject, issuer and validity.
#
# usage: test_tls.py APP_BINARY SIMULATOR_BINARY SCREENSHOT_DIR

import datetime
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_driver import (App, Simulator, Tap, find_secrets, button, click, safe_name, screenshot,  # noqa: E402
                          set_text, wait_for)


def make_certificate(folder):
    cert = os.path.join(folder, "cert.pem")
    key = os.path.join(folder, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", key, "-out", cert], check=True, capture_output=True)
    out = subprocess.run(["openssl", "x509", "-in", cert, "-noout", "-fingerprint", "-sha256"],
                         check=True, capture_output=True, text=True).stdout
    return cert, key, out.strip().split("=", 1)[1].upper()


def validity(cert):
    """notBefore and notAfter as the dialog shows them in the C locale
    (%x %H:%M, local time)."""
    out = subprocess.run(["openssl", "x509", "-in", cert, "-noout", "-startdate", "-enddate"],
                         check=True, capture_output=True, text=True).stdout
    dates = dict(line.split("=", 1) for line in out.strip().splitlines())

    def shown(text):
        when = datetime.datetime.strptime(text.replace("  ", " "), "%b %d %H:%M:%S %Y GMT")
        return when.replace(tzinfo=datetime.timezone.utc).astimezone().strftime("%x %H:%M")
    return shown(dates["notBefore"]), shown(dates["notAfter"])


def find_dialog(app, window):
    return next((f for f in app.frames() if f is not window and
                 app.find(role="label", root=f, name="Trust This Certificate?")), None)


def main():
    app_binary, simulator_binary, shots = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(shots, exist_ok=True)
    scratch = tempfile.mkdtemp(prefix="call-reports-tls-")
    tap = Tap()
    cert, key, fingerprint = make_certificate(scratch)
    simulator = Simulator(simulator_binary, ["--cert", cert, "--key", key])
    env = {"GSETTINGS_BACKEND": "keyfile", "LC_ALL": "C.UTF-8"}
    tap.ok(simulator.uri.startswith("https://127.0.0.1:"), "the PBX serves https", simulator.uri)

    app = App(app_binary, env=env)
    try:
        window = app.wait_find(role="frame", name="Call Reports")
        set_text(app.wait_find(role="text", name="Server Address, e.g. https://192.168.1.150:8088"), simulator.uri)
        set_text(app.find(role="text", name="Client ID"), "demo")
        set_text(app.find(role="text", name="Client Secret"), "demo-secret")
        # Remember is an explicit choice (off by default): this PBX is kept.
        remember = app.find(role="check box", name="Remember This PBX")
        tap.ok(remember is not None, "the connection page offers “Remember This PBX”")
        if remember is not None:
            click(remember)
        time.sleep(0.3)
        connect = button(app, "Connect")

        # Cancel first: nothing connects.
        click(connect)
        dialog = wait_for(lambda: find_dialog(app, window))
        tap.ok(dialog is not None, "an untrusted certificate opens a dialog")
        body = app.find(role="label", root=dialog, predicate=lambda n: fingerprint in safe_name(n)) if dialog else None
        tap.ok(body is not None and "127.0.0.1" in safe_name(body),
               "the dialog shows the server name and the SHA-256 fingerprint openssl prints", fingerprint)
        text = safe_name(body) if body is not None else ""
        valid_from, valid_until = validity(cert)
        tap.ok("Subject: CN=127.0.0.1" in text and "Issuer: CN=127.0.0.1" in text,
               "the dialog shows the certificate's subject and issuer", text)
        tap.ok(f"Valid from: {valid_from}" in text and f"Valid until: {valid_until}" in text,
               "the dialog shows the certificate's validity", f"{valid_from} – {valid_until}\n{text}")
        tap.ok("will remember it" in text, "it says the trusted certificate is kept for the remembered PBX", text)
        tap.ok(screenshot(os.path.join(shots, "certificate.png"), dialog), "a screenshot of the dialog is saved")
        if dialog is not None:
            click(button(app, "Cancel", root=dialog))
            wait_for(lambda: len(app.frames()) == 1, timeout=10)
            time.sleep(1.0)
        refused = app.wait_find(role="label", root=window, predicate=lambda n: "not trusted" in safe_name(n))
        tap.ok(refused is not None, "cancelling refuses the connection and says so")
        tap.ok(simulator.command("count get_token") == "0", "nothing was sent to an untrusted server")

        # Trust: connects, and the pin is remembered.
        click(connect)
        dialog = wait_for(lambda: find_dialog(app, window))
        if dialog is not None:
            click(button(app, "Trust", root=dialog))
            wait_for(lambda: len(app.frames()) == 1, timeout=10)
            time.sleep(1.0)
        tap.ok(app.wait_find(role="label", root=window, name="Demo PBX", timeout=20) is not None,
               "trusting the certificate connects")
        rc = app.close_window(window)
        tap.ok(rc == 0, "closing the window ends the application", f"exit status {rc}")
        tap.ok(simulator.command("count del_token") == "1", "closing the window revoked the token")
    finally:
        app.stop()
    messages = app.unexpected_messages()
    tap.ok(not messages, "the application printed no warning or critical", "\n".join(messages))

    # The next start reconnects to the saved PBX with the pinned certificate.
    first_log = app.log.name
    app = App(app_binary, env=env)
    try:
        window = app.wait_find(role="frame", name="Call Reports")
        tap.ok(app.wait_find(role="label", root=window, name="Demo PBX", timeout=20) is not None,
               "the next start reconnects to the saved PBX without asking again")
        tap.ok(find_dialog(app, window) is None, "no certificate dialog for the pinned certificate")
        tap.ok(simulator.command("count get_token") == "2", "it logged in once more, with the secret from the keyring")

        # Disconnect, then forget the saved PBX: its row and its secret go.
        click(button(app, "Disconnect"))
        forget = button(app, f"Forget {simulator.uri}")
        tap.ok(forget is not None, "the connection page lists the saved PBX with a Forget button")
        tap.ok(wait_for(lambda: simulator.command("count del_token") == "2"), "disconnecting revoked the token")
        settings = os.path.join(os.environ["XDG_CONFIG_HOME"], "glib-2.0", "settings", "keyfile")
        with open(settings, encoding="utf-8") as f:
            tap.ok(fingerprint.replace(":", "").lower() in f.read().replace(":", "").lower(),
                   "the trusted fingerprint is remembered in the settings")
        lookup = ["secret-tool", "lookup", "server", simulator.uri, "client-id", "demo"]
        tap.ok(subprocess.run(lookup, capture_output=True, text=True).stdout == "demo-secret",
               "the keyring holds the saved PBX's secret")
        if forget is not None:
            click(forget)
        time.sleep(1.0)
        tap.ok(app.find(root=window, predicate=lambda n: safe_name(n).startswith(f"Forget {simulator.uri}")) is None,
               "forgetting removes the saved PBX")
        with open(settings, encoding="utf-8") as f:
            tap.ok(simulator.uri not in f.read(), "forgetting removes the PBX and its pin from the settings")
        tap.ok(wait_for(lambda: subprocess.run(lookup, capture_output=True, text=True).stdout == ""),
               "forgetting removes its secret from the keyring")
        tokens = simulator.command("tokens").split()
    finally:
        rc = app.stop()
        simulator.stop()
    # The keyring's own file holds the secret, encrypted; the settings must
    # hold neither the secret nor any token.
    hits = find_secrets([os.environ["XDG_CONFIG_HOME"], first_log, app.log.name], tokens + ["demo-secret"])
    tap.ok(tokens and not hits, "no token or secret in the settings or what the application printed", hits)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
