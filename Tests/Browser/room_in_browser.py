#!/usr/bin/env python3
"""The room in a real browser, end to end: the ciodash binary presents in tmux with --share, headless
Chromium (driven by its DevTools protocol through websocket-client) opens the join address, and
follows, browses, searches, rejoins, joins late, sees the presenter quit and come back.

Usage: room_in_browser.py CIODASH-BINARY SCREENSHOT-DIR
Loopback only; every wait is bounded; exits 0 when every check held, 1 with the failed check."""
import base64, hashlib, hmac, json, os, shutil, socket, subprocess, sys, tempfile, time, urllib.request

import websocket  # python3-websocket (Debian) or websocket-client (PyPI)

BINARY, SHOTS = sys.argv[1], sys.argv[2]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FOLDER = os.path.join(ROOT, 'fixtures', 'hue-2019')
CODE = 'TESTC0DE42'
# The viewer token as ciodash derives it (docs/network.md, "Browsers").
TOKEN = base64.b32encode(hmac.new(CODE.encode(), b'ciodash/1 viewer token', hashlib.sha256).digest()[:10]).decode()


def anchor(view):
    """The fragment id ciodash gives a view (ViewLinks.anchor)."""
    out = 'v-'
    for byte in view.encode():
        c = chr(byte)
        out += c if (c.isascii() and (c.islower() or c.isdigit() or c == '-')) else '_%02X' % byte
    return out


def free_port_pair():
    for _ in range(50):
        with socket.socket() as s:
            s.bind(('127.0.0.1', 0))
            port = s.getsockname()[1]
        if port < 65000:
            with socket.socket() as t:
                try:
                    t.bind(('127.0.0.1', port + 1))
                    return port
                except OSError:
                    continue
    raise RuntimeError('no free ports')


SHARE = free_port_pair()
WEB = SHARE + 1
# As the presenter's QR code carries it: upper case.
JOIN = f'HTTP://127.0.0.1:{WEB}/J/{TOKEN}'
TMUX_SOCKET = os.path.join(tempfile.mkdtemp(prefix='ciodash-web-'), 'tmux')
SESSION = 'presenter'
failures = []


def check(ok, what):
    print(('ok   ' if ok else 'FAIL ') + what, flush=True)
    if not ok:
        failures.append(what)
    return ok


def tmux(*args):
    return subprocess.run(['tmux', '-S', TMUX_SOCKET, '-f', '/dev/null', *args], check=True, capture_output=True, text=True).stdout


def start_presenter(*options):
    command = (f'export TERM=xterm-256color LANG=C.UTF-8 SWIFT_BACKTRACE=interactive=no; '
               f'exec {BINARY} present {FOLDER} --share 127.0.0.1:{SHARE} --code {CODE} {" ".join(options)}')
    tmux('new-session', '-d', '-s', SESSION, '-x', '160', '-y', '50', 'sh', '-c', command)
    # The index, not only the page: it answers 503 until the presenter's first meeting has reached the web side.
    wait(lambda: http_status(f'http://127.0.0.1:{WEB}/J/{TOKEN}/index') == 200, 'the presenter serves browsers', 20)


def keys(*k):
    tmux('send-keys', '-t', SESSION, *k)


def http_status(url):
    try:
        return urllib.request.urlopen(url, timeout=2).status
    except urllib.error.HTTPError as e:
        return e.code
    except Exception:
        return None


def wait(condition, what, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        try:
            if condition():
                return check(True, what)
        except Exception:
            pass
        time.sleep(0.1)
    return check(False, what)


class Browser:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix='ciodash-chromium-')
        self.process = subprocess.Popen(
            ['chromium', '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--hide-scrollbars',
             '--remote-debugging-port=0', '--remote-allow-origins=*', f'--user-data-dir={self.profile}', 'about:blank'],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(self.profile, 'DevToolsActivePort')
        end = time.time() + 30
        self.port = None
        # Chromium writes the file once it listens; wait until its first line is a whole port number
        # (the file can be seen before its text is written), not for a fixed time.
        while self.port is None and time.time() < end:
            try:
                with open(port_file) as f:
                    lines = f.read().split('\n')
                if len(lines) > 1 and lines[0].isdigit():
                    self.port = int(lines[0])
            except FileNotFoundError:
                pass
            if self.port is None:
                time.sleep(0.1)
        if self.port is None:
            raise RuntimeError('chromium did not say its DevTools port within 30 s')

    def open(self, url, width, height, mobile):
        request = urllib.request.Request(f'http://127.0.0.1:{self.port}/json/new?about:blank', method='PUT')
        target = json.load(urllib.request.urlopen(request, timeout=10))
        page = Page(target['webSocketDebuggerUrl'])
        page.size(width, height, mobile)
        page.call('Page.navigate', url=url)
        return page

    def close(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


class Page:
    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=30)
        self.next_id = 0
        self.log = []  # the browser's console and violation reports, as they come
        self.call('Log.enable')
        self.call('Runtime.enable')

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({'id': self.next_id, 'method': method, 'params': params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get('method') == 'Log.entryAdded':
                self.log.append(message['params']['entry'].get('text', ''))
            elif message.get('method') == 'Runtime.exceptionThrown':
                self.log.append('exception: ' + json.dumps(message['params'].get('exceptionDetails', {}))[:300])
            if message.get('id') == self.next_id:
                if 'error' in message:
                    raise RuntimeError(message['error'])
                return message.get('result', {})

    def js(self, expression):
        result = self.call('Runtime.evaluate', expression=expression, returnByValue=True, awaitPromise=True)
        return result.get('result', {}).get('value')

    def size(self, width, height, mobile):
        self.call('Emulation.setDeviceMetricsOverride', width=width, height=height, deviceScaleFactor=1, mobile=mobile)

    def text(self, selector):
        return self.js(f"(function(){{var e=document.querySelector({json.dumps(selector)});return e?e.textContent:null;}})()")

    def shot(self, path):
        data = self.call('Page.captureScreenshot', format='png')['data']
        with open(path, 'wb') as f:
            f.write(base64.b64decode(data))
        return os.path.getsize(path)


def main():
    os.makedirs(SHOTS, exist_ok=True)
    index = None
    browser = None
    try:
        start_presenter()
        index = json.load(urllib.request.urlopen(f'http://127.0.0.1:{WEB}/j/{TOKEN}/index?lang=vi', timeout=5))
        titles = {e['view']: e['title'] for e in index['entries']}
        browser = Browser()
        phone = browser.open(JOIN, 360, 740, True)
        wait(lambda: (phone.text('#slide') or '').startswith('Trang 1/') and phone.text('#view h2'), 'the phone shows the presenter\'s first slide')
        check(phone.text('#view h2') == titles['agenda'], 'it is the agenda: ' + str(phone.text('#view h2')))
        check('Đang theo người trình bày' in (phone.text('#status') or ''), 'the page says it follows')

        keys('Right')
        wait(lambda: phone.text('#view h2') == titles['overview'], 'a presenter key moves the page to the overview')
        # Every province has its row, linked to its own view (a long name wraps onto two lines).
        provinces = {anchor(e['view']): e['title'] for e in index['entries'] if e['view'].startswith('province:')}
        linked = set(phone.js("[].map.call(document.querySelectorAll('#view pre.grid a'),function(a){return a.getAttribute('href').slice(1);})") or [])
        missing = [name for a, name in provinces.items() if a not in linked]
        check(not missing and len(provinces) > 5, f'every province is on the phone\'s overview ({len(provinces)}; missing {missing})')
        phone.js("new Promise(function(r){setTimeout(r,300)})")
        size = phone.shot(os.path.join(SHOTS, 'web-phone-360x740-overview.png'))
        check(size > 10000, f'the phone screenshot is not blank ({size} bytes)')

        laptop = browser.open(JOIN, 1366, 768, False)
        wait(lambda: laptop.text('#view h2') == titles['overview'], 'a late joiner lands on the presenter\'s slide at once')
        laptop_text = laptop.text('#view') or ''
        check(all(p in laptop_text for p in provinces.values()), 'every province is on the laptop\'s overview, by name')
        cols_phone = phone.js("parseInt(document.querySelector('#view pre.grid') && document.querySelector('#view pre.grid').textContent.split('\\n')[0].length)")
        laptop.js("new Promise(function(r){setTimeout(r,300)})")
        size = laptop.shot(os.path.join(SHOTS, 'web-laptop-1366x768-overview.png'))
        check(size > 10000, f'the laptop screenshot is not blank ({size} bytes)')
        no_overflow = phone.js("document.documentElement.scrollWidth <= window.innerWidth + 1 && [].every.call(document.querySelectorAll('#view pre.grid'),function(p){return p.scrollWidth<=p.clientWidth;})")
        check(no_overflow, f'the phone page is no wider than the phone (grid of {cols_phone} columns)')

        # Browse on one's own: search without diacritics, open, the presenter moves on, rejoin.
        phone.js("document.getElementById('browse').click()")
        phone.js("(function(){var q=document.getElementById('q');q.value='dak lak';q.dispatchEvent(new Event('input'));})()")
        shown = phone.js("[].filter.call(document.querySelectorAll('#entries li'),function(li){return !li.hidden;}).map(function(li){return li.firstChild.textContent;})")
        check(shown == ['Đắk Lắk'], f'"dak lak" finds Đắk Lắk: {shown}')
        phone.js("document.querySelector('#entries li:not([hidden]) a').click()")
        wait(lambda: phone.text('#view h2') == 'Đắk Lắk', 'the phone opens Đắk Lắk on its own')
        check('Đang tự xem' in (phone.text('#status') or ''), 'the page says it browses on its own')
        size = phone.shot(os.path.join(SHOTS, 'web-phone-360x740-dak-lak.png'))
        keys('Right')
        wait(lambda: (laptop.text('#slide') or '').startswith('Trang 3/') and laptop.text('#view h2') != titles['overview'], 'the laptop follows to slide 3')
        check(phone.text('#view h2') == 'Đắk Lắk', 'the browsing phone stays where it is')
        check((phone.text('#slide') or '').startswith('Trang 3/'), 'while its bar shows the presenter\'s slide number')
        phone.js("document.getElementById('follow').click()")
        wait(lambda: phone.text('#view h2') == laptop.text('#view h2'), 'Theo người trình bày: back on the presenter\'s slide')
        clock = laptop.text('#clock') or ''
        check('còn' in clock or 'quá giờ' in clock, f'a topic slide shows the countdown: {clock!r}')
        laptop.shot(os.path.join(SHOTS, 'web-laptop-1366x768-topic.png'))
        phone.shot(os.path.join(SHOTS, 'web-phone-360x740-topic.png'))

        # The presenter quits: the page says so and keeps its slide; restarted, it follows again.
        last = phone.text('#view h2')
        keys('q')
        wait(lambda: 'đã thoát' in (phone.text('#status') or ''), 'the page says the presenter has quit')
        check(phone.text('#view h2') == last, 'and keeps the last slide')
        # The session ends with the process; a new one under the same name.
        try:
            tmux('kill-session', '-t', SESSION)
        except subprocess.CalledProcessError:
            pass
        start_presenter('--web-no-ahead', '--minutes', os.path.join(os.path.dirname(TMUX_SOCKET), 'minutes.jsonl'))
        wait(lambda: 'Đang theo người trình bày' in (phone.text('#status') or '') and phone.text('#view h2') == titles['agenda'],
             'restarted, the page follows again (the agenda)', 20)
        wait(lambda: laptop.text('#view h2') == titles['agenda'], 'so does the laptop', 20)

        # Attendance from who joins: the phone says which unit it represents (searched without
        # diacritics), the browser remembers it, and the presenter's attendance form offers it to the
        # secretary, who confirms it with F3.
        check(phone.js("!document.getElementById('unitbox').hidden") is True, 'the page asks which unit the delegate represents')
        phone.js("(function(){var q=document.getElementById('uq');q.value='dak lak';q.dispatchEvent(new Event('input'));"
                 "q.dispatchEvent(new KeyboardEvent('keydown',{key:'Enter'}));})()")
        wait(lambda: (phone.text('#unitbtn') or '').endswith('Đắk Lắk'), '"dak lak" picks Đắk Lắk')
        check(phone.js("localStorage.getItem('ciodash-unit:'+location.pathname.replace(/\\/+$/,''))") == 'dak-lak',
              'the unit is remembered in the browser')
        phone.js("setTimeout(function(){location.reload();},50);1")
        wait(lambda: phone.js("document.getElementById('unitbox').hidden && /Đắk Lắk$/.test(document.getElementById('unitbtn').textContent)") is True,
             'reloaded, the page does not ask again')
        keys('m')
        keys('Tab')
        keys('Tab')
        keys('-l', 'dak lak')
        wait(lambda: 'chưa ghi có mặt: Đắk Lắk (1)' in tmux('capture-pane', '-p', '-t', SESSION),
             'the presenter\'s attendance form offers Đắk Lắk, typed absent, as joined in a browser')
        keys('F3')
        wait(lambda: 'đều đã ghi có mặt' in tmux('capture-pane', '-p', '-t', SESSION), 'F3: the secretary marks it present')
        keys('Escape')

        # --web-no-ahead: a slide the projector has not shown is refused and greyed in the list.
        later = [e for e in index['entries'] if e['view'].startswith('topic:')][-1]
        refused = laptop.js(f"fetch(location.pathname+'/view/'+encodeURIComponent({json.dumps(later['view'])})).then(function(r){{return r.status;}})")
        check(refused == 403, f'the last topic is not shown before the projector shows it ({refused})')
        laptop.js("document.getElementById('browse').click()")
        greyed = laptop.js("[].filter.call(document.querySelectorAll('#entries li.ahead'),function(){return true;}).length")
        check((greyed or 0) >= 1, f'the browse list greys out the slides ahead ({greyed})')
        laptop.js(f"document.querySelector('#entries a[data-view=\"{later['view']}\"]').click()")
        wait(lambda: 'chưa được chiếu' in (laptop.text('#view') or ''), 'opening one says it has not been shown yet')
        laptop.js("document.getElementById('follow').click()")

        # English: the page's words and the slide's own text.
        english = {e['view']: e['title'] for e in json.load(urllib.request.urlopen(f'http://127.0.0.1:{WEB}/j/{TOKEN}/index?lang=en', timeout=5))['entries']}
        laptop.js("document.getElementById('lang').click()")
        wait(lambda: laptop.text('#view h2') == english['agenda'] and laptop.text('#follow') == 'Follow the presenter',
             f'English: the agenda is "{english["agenda"]}" and the buttons speak English')
        laptop.shot(os.path.join(SHOTS, 'web-laptop-1366x768-agenda-en.png'))
        for name, page in (('phone', phone), ('laptop', laptop)):
            page.js('1')  # collects what is waiting
            refused = [t for t in page.log if 'Content Security Policy' in t or t.startswith('exception')]
            check(not refused, f'the {name} page broke no rule of its policy and threw nothing: {refused[:3]}')
        fits = laptop.js("[].every.call(document.querySelectorAll('#view pre.grid'),function(p){return p.scrollWidth<=p.clientWidth;})")
        check(fits, 'the laptop\'s grid fits its window: no line cut or scrolled')
    finally:
        if browser:
            browser.close()
        try:
            tmux('kill-server')
        except Exception:
            pass
    if failures:
        print(f'{len(failures)} check(s) failed', flush=True)
        sys.exit(1)
    print('all checks held', flush=True)


main()
