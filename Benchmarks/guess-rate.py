#!/usr/bin/env python3
"""Guesses of the room code a presenter checks per second, on loopback only (issue 28, item 13).

    Benchmarks/guess-rate.py PORT burst      # 250 connections from 127.0.0.2 at once: hellos, then proofs
    Benchmarks/guess-rate.py PORT rotate [SECONDS]   # one guess per connection from 127.0.1.1–127.0.3.250, 32 at a time

A guess "checked" is a proof the presenter verified and answered "wrong room code" (reason 4); the
other answers (5 too many attempts, 13 too many in the room, 7 busy) are counted apart. The proof
is 32 random bytes: it is always wrong, which is all a guesser's proof is, almost always.
Bounded: at most SECONDS (default 5) and a few thousand connections, to 127.0.0.1 only.
"""
import os, socket, struct, sys, time
from concurrent.futures import ThreadPoolExecutor

HOST = "127.0.0.1"

def frame(body):
    return struct.pack(">I", len(body)) + body

def read_frame(sock):
    head = b""
    while len(head) < 4:
        part = sock.recv(4 - len(head))
        if not part:
            return None
        head += part
    (n,) = struct.unpack(">I", head)
    body = b""
    while len(body) < n:
        part = sock.recv(n - len(body))
        if not part:
            return None
        body += part
    return body

def hello():
    return frame(b"\x01CIOD" + struct.pack(">H", 1) + b"\x01\x00" + os.urandom(32))

def connect(port, source):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(5)
    s.bind((source, 0))
    s.connect((HOST, port))
    return s

def answer(body):
    if body is None:
        return "closed"
    if body[0] == 0x05:
        return {4: "wrong code (checked)", 5: "too many attempts", 13: "too many in the room", 7: "busy"}.get(body[1], "reason %d" % body[1])
    return "tag %d" % body[0]

def one_guess(port, source):
    try:
        s = connect(port, source)
        s.sendall(hello())
        challenge = read_frame(s)
        if not challenge or challenge[0] != 0x02:
            return answer(challenge)
        s.sendall(frame(b"\x03" + os.urandom(32)))
        reply = answer(read_frame(s))
        s.close()
        return reply
    except OSError as error:
        return "error " + type(error).__name__

def count(results):
    totals = {}
    for r in results:
        totals[r] = totals.get(r, 0) + 1
    return totals

def burst(port):
    socks = [connect(port, "127.0.0.2") for _ in range(250)]
    for s in socks:
        s.sendall(hello())
    for s in socks:
        read_frame(s)
    start = time.monotonic()
    for s in socks:
        s.sendall(frame(b"\x03" + os.urandom(32)))
    results = [answer(read_frame(s)) for s in socks]
    elapsed = time.monotonic() - start
    for s in socks:
        s.close()
    return count(results), elapsed

def rotate(port, seconds):
    sources = ["127.0.%d.%d" % (a, b) for a in range(1, 4) for b in range(1, 251)]
    results, i = [], 0
    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=32) as pool:
        while time.monotonic() - start < seconds and i < 20000:
            batch = [sources[(i + k) % len(sources)] for k in range(64)]
            i += 64
            results += list(pool.map(lambda src: one_guess(port, src), batch))
    return count(results), time.monotonic() - start

if __name__ == "__main__":
    port, mode = int(sys.argv[1]), sys.argv[2]
    if mode == "burst":
        totals, elapsed = burst(port)
    else:
        totals, elapsed = rotate(port, float(sys.argv[3]) if len(sys.argv) > 3 else 5)
    checked = totals.get("wrong code (checked)", 0)
    print("%s: %s in %.2f s; guesses checked: %d (%.0f per second)" % (mode, totals, elapsed, checked, checked / elapsed))
