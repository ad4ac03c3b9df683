"""A real SMTP server for the tests: every message it accepts lands in a folder.

    python tests/mail/smtp_sink.py --port 2525 --out /tmp/inbox
        [--reject TEXT] [--defer TEXT]          550 / 451 for recipients containing TEXT
        [--tls starttls|implicit --cert C --key K]
        [--auth USER:PASSWORD]                  require AUTH (PLAIN or LOGIN)

For the n-th message it writes `n.eml` (the raw data as received), `n.att<i>` (the
decoded attachments) and last `n.json`: the envelope, the decoded headers, the text
body and the attachments' names and types. A reader waits for `n.json`. The server
prints `ready <port>` once it accepts connections and stops on SIGTERM or SIGINT.
"""

import argparse
import email
import email.policy
import json
import os
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Sink:
    def __init__(self, out, reject, defer):
        self.out = out
        self.reject = reject
        self.defer = defer
        self.count = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if any(text in address for text in self.reject):
            return "550 5.1.1 <%s>: recipient address rejected" % address
        if any(text in address for text in self.defer):
            return "451 4.3.0 <%s>: try again later" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            number = self.count
        raw = envelope.original_content or envelope.content
        base = os.path.join(self.out, str(number))
        with open(base + ".eml", "wb") as f:
            f.write(raw)
        message = email.message_from_bytes(raw, policy=email.policy.default)
        attachments = []
        for index, part in enumerate(message.iter_attachments()):
            content = part.get_payload(decode=True) or b""
            path = "%s.att%d" % (base, index)
            with open(path, "wb") as f:
                f.write(content)
            attachments.append(
                {
                    "file_name": part.get_filename(),
                    "content_type": part.get_content_type(),
                    "size": len(content),
                    "path": path,
                }
            )
        text = message.get_body(preferencelist=("plain",))
        summary = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            # STARTTLS sets session.ssl; implicit TLS shows on the transport.
            "tls": session.ssl is not None
            or server.transport.get_extra_info("ssl_object") is not None,
            "authenticated": bool(session.authenticated),
            "headers": {k.lower(): str(v) for k, v in message.items()},
            "text": text.get_content() if text is not None else None,
            "attachments": attachments,
        }
        partial = base + ".json.partial"
        with open(partial, "w", encoding="utf-8") as f:
            json.dump(summary, f, ensure_ascii=False, indent=1)
        os.replace(partial, base + ".json")
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--reject", action="append", default=[])
    parser.add_argument("--defer", action="append", default=[])
    parser.add_argument("--tls", choices=["starttls", "implicit"])
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--auth")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    options = {}
    if args.tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
        if args.tls == "starttls":
            options.update(tls_context=context, require_starttls=True)
        else:
            options.update(ssl_context=context)
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, data):
            ok = (
                isinstance(data, LoginPassword)
                and data.login.decode() == user
                and data.password.decode() == password
            )
            return AuthResult(success=ok)

        options.update(
            authenticator=authenticator, auth_required=True, auth_require_tls=bool(args.tls)
        )

    sink = Sink(args.out, args.reject, args.defer)
    controller = Controller(sink, hostname=args.host, port=args.port, **options)
    controller.start()
    print("ready %d" % args.port, flush=True)

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    stop.wait()
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
