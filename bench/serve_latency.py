#!/usr/bin/env python3
"""How long `dossier serve` takes from a saved note to the reload event its pages receive.

Starts `dossier serve SITE --port 0`, listens to its event stream as a page does, then saves one note at a time
(an appended line, as an editor's save) and times each from the moment the write returns to the moment the
`reload` event arrives. The note is put back afterwards, and that rebuild is waited for too.

  python3 bench/serve_latency.py DOSSIER SITE [--edits 7]   (prints the median and slowest, in ms)
"""
import argparse
import glob
import http.client
import os
import re
import select
import statistics
import subprocess
import sys
import time


class EventStream:
    """The server's event stream, read as it arrives."""

    def __init__(self, host, port):
        self.conn = http.client.HTTPConnection(host, port, timeout=120)
        self.conn.request("GET", "/_dossier/events")
        self.response = self.conn.getresponse()
        assert self.response.status == 200, self.response.status
        self.sock = self.response.fp

    def next_event(self, timeout):
        """(name, data) of the next event, or None after timeout seconds."""
        deadline = time.monotonic() + timeout
        name, data = None, None
        while time.monotonic() < deadline:
            line = self.sock.readline()
            if not line:
                return None
            line = line.decode().rstrip("\r\n")
            if line.startswith("event: "):
                name = line[7:]
            elif line.startswith("data: "):
                data = line[6:]
            elif line == "" and name:
                return name, data
        return None


def start(dossier, site):
    proc = subprocess.Popen([dossier, "serve", site, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            sys.exit("dossier serve ended: " + proc.stderr.read()[-2000:])
        match = re.search(r"http://([0-9.]+):(\d+)/", line)
        if match:
            return proc, match.group(1), int(match.group(2))
    sys.exit("dossier serve did not start")


def wait_for(stream, name, timeout=60):
    while True:
        event = stream.next_event(timeout)
        if event is None:
            sys.exit("no %s event within %d s" % (name, timeout))
        if event[0] == name:
            return event
        if event[0] == "errors":
            sys.exit("the rebuild failed: " + event[1][:2000])


def measure(dossier, site, edits):
    proc, host, port = start(dossier, site)
    try:
        stream = EventStream(host, port)
        wait_for(stream, "hello")
        notes = sorted(glob.glob(os.path.join(site, "content", "notes", "*.md")))
        times = []
        for i in range(edits):
            note = notes[(len(notes) * (i + 1)) // (edits + 1)]
            original = open(note, "rb").read()
            with open(note, "ab") as f:
                f.write(b"\nA paragraph saved while serving, number %d.\n" % i)
            saved = time.perf_counter()
            wait_for(stream, "reload")
            times.append((time.perf_counter() - saved) * 1000)
            with open(note, "wb") as f:
                f.write(original)
            wait_for(stream, "reload")
        return times
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dossier")
    parser.add_argument("site")
    parser.add_argument("--edits", type=int, default=7)
    args = parser.parse_args()
    times = measure(args.dossier, args.site, args.edits)
    print("save to reload: median %.0f ms, slowest %.0f ms (%s)" % (statistics.median(times), max(times),
                                                                     ", ".join("%.0f" % t for t in times)))


if __name__ == "__main__":
    main()
