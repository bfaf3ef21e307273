#!/usr/bin/env python3
"""`dossier serve` as an editor meets it, in headless Chromium driven over the DevTools protocol.

Serves a copy of the site (content/, templates/, site.yml; the repository's own files are never edited), opens a
note, and then, as an editor would: saves the note with a new paragraph, several times, and each time waits for
the page to reload by itself with the new text; breaks the note's front matter and waits for the overlay with the
compiler-style error over the last good page; fixes it and waits for the page to reload without the overlay.
Every console message, exception and log entry (CSP violations among them) of the whole session is a failure.
Screenshots of the overlay go to ARTIFACTS. Then the server is stopped with SIGINT: it must exit 0 with an event
stream still open and leave nothing in the copy but its .dossier-cache/.

  serve_reload.py DOSSIER ARTIFACTS     (run from the repository's root; exits 1 on any problem)
"""
import base64
import glob
import json
import os
import re
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid

WATCHDOG = 20  # seconds for anything the page should do by itself
SAVES = 3
SHOTS = ((1366, 900), (390, 844))


# For each element of the overlay with text of its own: its colour, the first opaque background behind it (from
# itself outwards), and their WCAG contrast ratio.
CONTRASTS = """(() => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const out = [];
  for (const el of document.querySelectorAll('#dossier-errors, #dossier-errors *')) {
    const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
    if (!own) continue;
    let back = null;
    for (let e = el; e && !back; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (rgb(c).length === 3 || rgb(c)[3] === 1) back = c;
    }
    back = back || 'rgb(255, 255, 255)';
    const color = getComputedStyle(el).color;
    const [a, b] = [lum(rgb(color)), lum(rgb(back))];
    out.push({tag: el.tagName.toLowerCase(), text: own, color: color, background: back,
              ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)});
  }
  return out;
})()"""


class Failure(Exception):
    pass


def wait_until(what, predicate, timeout=WATCHDOG, interval=0.05):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise Failure("%s: not within %d s" % (what, timeout))
        time.sleep(interval)


class WebSocket:
    """Just enough of RFC 6455 for the DevTools protocol: text messages out (masked), messages in (whole)."""

    def __init__(self, url):
        m = re.match(r"ws://([^/:]+):(\d+)(/.*)", url)
        self.sock = socket.create_connection((m.group(1), int(m.group(2))), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(("GET %s HTTP/1.1\r\nHost: %s:%s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                           "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n"
                           % (m.group(3), m.group(1), m.group(2), key)).encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                raise Failure("DevTools closed the connection during the handshake")
            head += chunk
        if not head.startswith(b"HTTP/1.1 101"):
            raise Failure("DevTools refused the WebSocket: " + head.decode(errors="replace").splitlines()[0])

    def _exactly(self, n):
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise Failure("DevTools closed the connection")
            data += chunk
        return data

    def _frame(self, opcode, payload):
        head = bytes([0x80 | opcode])
        n = len(payload)
        if n < 126:
            head += bytes([0x80 | n])
        elif n < 1 << 16:
            head += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            head += bytes([0x80 | 127]) + struct.pack(">Q", n)
        mask = os.urandom(4)
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def send(self, text):
        self._frame(0x1, text.encode())

    def receive(self, timeout):
        """The next text message, or None if none starts within timeout seconds."""
        message = b""
        while True:
            if not message and not select.select([self.sock], [], [], max(timeout, 0))[0]:
                return None
            b0, b1 = self._exactly(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._exactly(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._exactly(8))[0]
            payload = self._exactly(n)
            opcode = b0 & 0x0F
            if opcode == 0x9:
                self._frame(0xA, payload)
            elif opcode == 0x8:
                raise Failure("DevTools closed the connection")
            elif opcode in (0x0, 0x1):
                message += payload
                if b0 & 0x80:
                    return message.decode()

    def close(self):
        self.sock.close()


class Page:
    """One Chromium tab: commands answered in order, events kept, problems (console, exceptions, log) collected."""

    def __init__(self, url):
        self.ws = WebSocket(url)
        self.next_id = 0
        self.events = []
        self.problems = []

    def _take(self, message):
        message = json.loads(message)
        if "method" in message:
            self.events.append(message)
            method, params = message["method"], message["params"]
            if method == "Runtime.consoleAPICalled":
                text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
                self.problems.append("console.%s: %s" % (params.get("type"), text))
            elif method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                self.problems.append("exception: %s" % details.get("exception", {}).get("description", details.get("text")))
            elif method == "Log.entryAdded":
                entry = params["entry"]
                self.problems.append("log (%s, %s): %s %s" % (entry.get("source"), entry.get("level"), entry.get("text"),
                                                              entry.get("url", "")))
        return message

    def call(self, method, **params):
        self.next_id += 1
        ident = self.next_id
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        deadline = time.monotonic() + WATCHDOG
        while True:
            message = self.ws.receive(deadline - time.monotonic())
            if message is None:
                raise Failure("%s: no answer within %d s" % (method, WATCHDOG))
            message = self._take(message)
            if message.get("id") == ident:
                if "error" in message:
                    raise Failure("%s: %s" % (method, message["error"].get("message")))
                return message.get("result", {})

    def pump(self, seconds):
        """Takes the events that arrive within seconds."""
        deadline = time.monotonic() + seconds
        while True:
            message = self.ws.receive(deadline - time.monotonic())
            if message is None:
                return
            self._take(message)

    def count(self, method, **match):
        return sum(1 for e in self.events if e["method"] == method and all(e["params"].get(k) == v for k, v in match.items()))

    def wait_for(self, what, method, after, **match):
        """Waits until more than `after` events `method` (with params matching) have arrived."""
        wait_until(what, lambda: self.pump(0.05) or self.count(method, **match) > after)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise Failure("could not evaluate %s" % expression)
        return result["result"].get("value")

    def text(self, selector="body"):
        return self.evaluate("(document.querySelector(%s) || {innerText: ''}).innerText" % json.dumps(selector)) or ""


def start_server(dossier, site, work):
    with open(os.path.join(work, "serve.out"), "w") as out, open(os.path.join(work, "serve.err"), "w") as err:
        return subprocess.Popen([dossier, "serve", site, "--port", "0"], stdout=out, stderr=err)


def served_at(proc, work):
    """The address the server prints once it listens."""
    def url():
        if proc.poll() is not None:
            raise Failure("dossier serve ended (status %d): %s"
                          % (proc.returncode, open(os.path.join(work, "serve.err")).read()[-2000:]))
        m = re.search(r"^serving .* at (http://127\.0\.0\.1:\d+/) ", open(os.path.join(work, "serve.out")).read(), re.M)
        return m and m.group(1)
    return wait_until("dossier serve says where it serves", url, timeout=60)


def start_chromium(work):
    with open(os.path.join(work, "chromium.err"), "w") as err:
        return subprocess.Popen(["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                 "--no-first-run", "--disable-extensions", "--remote-debugging-port=0",
                                 "--user-data-dir=" + os.path.join(work, "chromium"), "about:blank"],
                                stdout=subprocess.DEVNULL, stderr=err)


def open_tab(work):
    """Chromium's first tab, once its DevTools port is open."""
    active = os.path.join(work, "chromium", "DevToolsActivePort")
    port = wait_until("Chromium opens its DevTools port",
                      lambda: os.path.exists(active) and open(active).read().split("\n")[0].strip())

    def page():
        targets = json.load(urllib.request.urlopen("http://127.0.0.1:%s/json/list" % port, timeout=5))
        return next((t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page"), None)
    return Page(wait_until("Chromium opens a tab", page))


def pick_note(site):
    """The first published note by file name, its page's address, and its text."""
    for path in sorted(glob.glob(os.path.join(site, "content", "notes", "*.md"))):
        text = open(path, encoding="utf-8").read()
        front = re.match(r"---\n(.*?)\n---\n", text, re.S)
        if not front or re.search(r"^draft:\s*true\b", front.group(1), re.M):
            continue
        slug = re.search(r"^slug:\s*(\S+)", front.group(1), re.M)
        return path, "notes/%s/index.html" % (slug.group(1) if slug else os.path.basename(path)[:-3]), text
    raise Failure("the site has no published note")


def broken(text):
    """The note with its front matter's date made impossible, and the line that now holds it."""
    lines = text.split("\n")
    end = lines.index("---", 1)
    for i in range(1, end):
        if lines[i].startswith("date:"):
            lines[i] = "date: 2025-02-30"
            return "\n".join(lines), i + 1
    raise Failure("the note's front matter has no date to break")


def files(folder):
    found = set()
    for top, dirs, names in os.walk(folder):
        for name in dirs + names:
            found.add(os.path.relpath(os.path.join(top, name), folder))
    return found


def session(dossier, artifacts, work):
    site = os.path.join(work, "site")
    os.makedirs(site)
    for name in ("content", "templates"):
        shutil.copytree(name, os.path.join(site, name))
    shutil.copy("site.yml", site)
    before = files(site)
    note, address, original = pick_note(site)
    server = chromium = None
    try:
        server = start_server(dossier, site, work)
        base = served_at(server, work)
        chromium = start_chromium(work)
        page = open_tab(work)
        for domain in ("Page", "Runtime", "Log", "Network"):
            page.call(domain + ".enable")

        # A control page that breaks its CSP on purpose: if nothing is collected, the console check is broken.
        loads = page.count("Page.loadEventFired")
        page.call("Page.navigate", url="data:text/html,<!DOCTYPE html><meta http-equiv=Content-Security-Policy "
                  "content=\"default-src 'none'\"><title>control</title><script>document.title='ran'</script>")
        page.wait_for("the control page loads", "Page.loadEventFired", loads)
        wait_until("the control page's CSP violation is reported", lambda: page.pump(0.05) or page.problems)
        control = len(page.problems)
        page.pump(0.5)
        page.problems.clear()

        def open_stream(hellos):
            # A save before the page listens would be missed: its first `hello` would already say the new build.
            page.wait_for("the page listens to the server's events", "Network.eventSourceMessageReceived", hellos,
                          eventName="hello")

        loads = page.count("Page.loadEventFired")
        hellos = page.count("Network.eventSourceMessageReceived", eventName="hello")
        page.call("Page.navigate", url=base + address)
        page.wait_for("the note loads", "Page.loadEventFired", loads)
        open_stream(hellos)
        if not page.evaluate("!!document.querySelector('script[src=\"/_dossier/live.js\"]')"):
            raise Failure("%s has no live-reload script" % address)
        if page.evaluate("!!document.getElementById('dossier-errors')"):
            raise Failure("%s shows the error overlay of a site that builds" % address)
        print("serve: %s%s opened; it loads the live-reload script and shows no overlay" % (base, address))

        # Saves: each must reload the page with its text.
        text, delays = original, []
        for i in range(SAVES):
            sentence = "The serve check saved this sentence, number %d of run %s." % (i + 1, uuid.uuid4().hex[:12])
            page.evaluate("window.dossierCheck = 'not reloaded'")
            loads = page.count("Page.loadEventFired")
            hellos = page.count("Network.eventSourceMessageReceived", eventName="hello")
            text = text.rstrip("\n") + "\n\n" + sentence + "\n"
            with open(note, "w", encoding="utf-8") as f:
                f.write(text)
            saved = time.monotonic()
            page.wait_for("save %d: the page reloads by itself" % (i + 1), "Page.loadEventFired", loads)
            wait_until("save %d: the page shows the new sentence" % (i + 1), lambda: sentence in page.text("main"))
            delays.append((time.monotonic() - saved) * 1000)
            if page.evaluate("window.dossierCheck") is not None:
                raise Failure("save %d: the page shows the new text without having reloaded" % (i + 1))
            open_stream(hellos)
        print("serve: %d saves of the note: the page reloaded by itself with the new sentence each time (save to new "
              "text: %s ms)" % (SAVES, ", ".join("%.0f" % d for d in delays)))

        # A broken front matter: the overlay says where, over the last good page, which does not reload.
        bad, line = broken(text)
        name = os.path.relpath(note, site)
        page.evaluate("window.dossierCheck = 'not reloaded'")
        loads = page.count("Page.loadEventFired")
        with open(note, "w", encoding="utf-8") as f:
            f.write(bad)
        overlay = wait_until("the overlay appears", lambda: page.text("#dossier-errors"))
        errors = [l for l in overlay.splitlines() if re.match(r"\S+:\d+:\d+: error: ", l)]
        if not any(l.startswith("%s:%d:" % (name, line)) for l in errors):
            raise Failure("the overlay does not say %s:%d: error: ...; it says:\n%s" % (name, line, overlay))
        if page.count("Page.loadEventFired") != loads or page.evaluate("window.dossierCheck") is None:
            raise Failure("the page reloaded on a failed build")
        if sentence not in page.text("main"):
            raise Failure("with the overlay, the page no longer shows the last good text")
        if not page.evaluate("getComputedStyle(document.getElementById('dossier-errors')).position === 'fixed'"):
            raise Failure("the overlay is not fixed over the page")
        # The site's stylesheet applies to the overlay's elements too: its text must stay legible over whatever
        # background it ends up on.
        illegible = [c for c in page.evaluate(CONTRASTS) if c["ratio"] < 4.5]
        if illegible:
            raise Failure("the overlay's text is not legible (contrast below 4.5:1): " + "; ".join(
                "<%s> %r: %s on %s, %.2f:1" % (c["tag"], c["text"][:60], c["color"], c["background"], c["ratio"])
                for c in illegible))
        for width, height in SHOTS:
            page.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)
            page.pump(0.3)
            shot = os.path.join(artifacts, "serve-overlay-%d.png" % width)
            with open(shot, "wb") as f:
                f.write(base64.b64decode(page.call("Page.captureScreenshot", format="png")["data"]))
        page.call("Emulation.clearDeviceMetricsOverride")
        print("serve: a broken date in the front matter shows the overlay over the last good page: %s"
              % "; ".join(errors))

        # Fixed: the page reloads and the overlay is gone.
        loads = page.count("Page.loadEventFired")
        with open(note, "w", encoding="utf-8") as f:
            f.write(text)
        page.wait_for("the fixed note reloads the page", "Page.loadEventFired", loads)
        wait_until("the overlay goes", lambda: not page.evaluate("!!document.getElementById('dossier-errors')")
                   and sentence in page.text("main"))
        page.pump(0.5)

        if page.problems:
            raise Failure("the console is not clean:\n  " + "\n  ".join(page.problems))
        print("serve: reloaded with the new text %d of %d; overlay shown with %d error and cleared; 0 console messages, "
              "exceptions or log entries (the CSP control page gave %d)" % (len(delays), SAVES, len(errors), control))
        print("serve: overlay screenshots at %s px in %s" % (" and ".join(str(w) for w, _ in SHOTS),
                                                            os.path.relpath(artifacts)))
        page.ws.close()
        chromium.terminate()
        chromium.wait(timeout=WATCHDOG)

        # Ctrl-C with a page still listening: a clean exit, nothing left behind.
        m = re.match(r"http://([^:/]+):(\d+)/", base)
        stream = socket.create_connection((m.group(1), int(m.group(2))), timeout=WATCHDOG)
        stream.sendall(b"GET /_dossier/events HTTP/1.1\r\nHost: %s\r\n\r\n" % m.group(0)[7:-1].encode())
        received = b""
        while b"event: hello" not in received:
            chunk = stream.recv(4096)
            if not chunk:
                raise Failure("the event stream closed before its hello")
            received += chunk
        server.send_signal(signal.SIGINT)
        try:
            status = server.wait(timeout=WATCHDOG)
        except subprocess.TimeoutExpired:
            raise Failure("dossier serve did not stop within %d s of SIGINT" % WATCHDOG)
        stream.close()
        if status != 0:
            raise Failure("dossier serve exited %d on SIGINT: %s" % (status, open(os.path.join(work, "serve.err")).read()[-2000:]))
        left = sorted(f for f in files(site) - before if f.split(os.sep)[0] != ".dossier-cache")
        if left:
            raise Failure("dossier serve left files in the site: " + ", ".join(left[:10]))
        print("serve: SIGINT with a page listening: exit status 0; the site folder holds nothing new but .dossier-cache/")
    finally:
        for proc in (chromium, server):
            if proc and proc.poll() is None:
                proc.terminate()  # Chromium ends its own child processes on SIGTERM, not on SIGKILL
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


def main():
    dossier, artifacts = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(artifacts, exist_ok=True)
    work = tempfile.mkdtemp(prefix="dossier-serve-check-")
    try:
        session(dossier, artifacts, work)
    except Failure as failure:
        sys.exit("serve: %s" % failure)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
