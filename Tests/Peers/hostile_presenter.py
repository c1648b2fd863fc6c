#!/usr/bin/env python3
"""A presenter that knows the room code and sends what no ciodash presenter would (issue 28), for the
end-to-end tests: it listens on 127.0.0.1 only, joins one follower, sends it the files of FOLDER and a
good state, then for at most SECONDS sends states out of range (runningFor 1e308, spent 1e308 and
-1e300) between good ones, and stops by itself. With --flood TRIGGER it sends good states only, and
once the file TRIGGER exists, the folder again with 5,000 more province files (a few bytes each).

    hostile_presenter.py PORT CODE FOLDER SECONDS [--flood TRIGGER]

The protocol is docs/network.md's, written out again: the handshake, HKDF and HMAC-SHA-256.
"""
import hashlib, hmac, json, os, re, socket, struct, sys, time

def hkdf(ikm, salt, info, length=32):
    prk = hmac.new(salt, ikm, hashlib.sha256).digest()
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        out += block
        counter += 1
    return out[:length]

def code_value(typed):
    out = ""
    for c in typed:
        if c in " -\t":
            continue
        u = c.upper()
        out += {"O": "0", "I": "1", "L": "1"}.get(u, u)
    return out

def read_frame(sock):
    def exactly(n):
        data = b""
        while len(data) < n:
            part = sock.recv(n - len(data))
            if not part:
                raise EOFError
            data += part
        return data
    (n,) = struct.unpack(">I", exactly(4))
    return exactly(n)

def frame(body):
    return struct.pack(">I", len(body)) + body

def folder_message(folder, fillers=0):
    files = []
    for name in ["meeting.yaml", "meeting.yml", "meeting.json", "metrics.csv"]:
        if os.path.isfile(os.path.join(folder, name)):
            files.append(name)
    provinces = os.path.join(folder, "provinces")
    if os.path.isdir(provinces):
        files += ["provinces/" + n for n in sorted(os.listdir(provinces)) if not n.startswith(".")]
    files.sort(key=lambda p: p.encode())
    filler = ["provinces/zz-filler-%04d.yaml" % i for i in range(fillers)]
    out = struct.pack(">I", len(files) + len(filler))
    for path in files + filler:
        data = b"# filler\n" if path in filler else open(os.path.join(folder, path), "rb").read()
        out += struct.pack(">H", len(path.encode())) + path.encode() + struct.pack(">I", len(data)) + data
    return out

def main():
    port, code, folder = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 20
    key = hkdf(code_value(code).encode(), b"ciodash room code", b"ciodash/1")
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(1)
    listener.settimeout(seconds)
    sock, _ = listener.accept()
    sock.settimeout(seconds)
    hello = read_frame(sock)
    role, nonce_f = hello[7], hello[9:41]
    nonce_p = os.urandom(32)
    sock.sendall(frame(b"\x02" + struct.pack(">H", 1) + nonce_p))
    read_frame(sock)  # the follower's proof: this presenter does not care whether it is right
    proof = hmac.new(key, b"ciodash/1 proof by presenter" + bytes([role]) + nonce_f + nonce_p, hashlib.sha256).digest()
    sock.sendall(frame(b"\x04" + proof))
    session = hkdf(key, nonce_f + nonce_p, b"ciodash/1 presenter to follower")
    seq = [0]

    def send(kind, payload):
        header = bytes([0x10, kind]) + struct.pack(">Q", seq[0])
        seq[0] += 1
        tag = hmac.new(session, header + payload, hashlib.sha256).digest()
        sock.sendall(frame(header + payload + tag))

    def state(revision, **changes):
        s = {"revision": revision, "slide": "agenda", "slideNumber": 1, "slideCount": 3, "spent": {},
             "paused": False, "sessionDelta": 0, "fingerprint": ""}
        s.update(changes)
        return json.dumps(s).encode()

    send(2, folder_message(folder))
    send(1, state(1))
    # A topic the follower has (the folder's first), on its slide: where the old follower drew the times.
    topic = re.search(r"^\s*-\s*id:\s*(\S+)", open(os.path.join(folder, "meeting.yaml")).read(), re.M).group(1)
    on_topic = {"slide": "topic:" + topic, "slideNumber": 3, "activeTopic": topic}
    bad = [state(2, runningFor=1e308, **on_topic), state(3, spent={topic: 1e308}, **on_topic),
           state(4, spent={topic: -1e300}, **on_topic)]
    end, revision = time.monotonic() + seconds, 10
    if "--flood" in sys.argv:
        trigger, sent = sys.argv[sys.argv.index("--flood") + 1], False
        while time.monotonic() < end:
            if not sent and os.path.exists(trigger):
                send(2, folder_message(folder, fillers=5000 - 30))
                sent = True
            revision += 1
            send(1, state(revision))
            time.sleep(0.2)
        send(3, b"")
        return
    while time.monotonic() < end:
        for payload in bad:
            send(1, payload)  # alone, so that a follower draws it
            time.sleep(0.3)
            revision += 1
            send(1, state(revision))
            time.sleep(0.3)
    send(3, b"")  # bye

try:
    main()
except (OSError, EOFError) as error:
    print("hostile presenter: %s" % error, file=sys.stderr)
