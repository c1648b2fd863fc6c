#!/usr/bin/env python3
"""A table of an HTML report copied in Chromium and pasted into LibreOffice Writer, end to end.

`ciodash snapshot FOLDER --view overview --format html` is opened in headless Chromium (driven by its
DevTools protocol through websocket-client); the folded "tables of the figures" are opened by a click
on their summary, the overview's table is selected, and Ctrl+C is sent as a key. What Chromium put on
its clipboard as text/html is read back (navigator.clipboard.read, unsanitized where this Chromium
allows it), wrapped as Chromium hands it to an X11 paste target (a charset <meta> before the
fragment), and given to LibreOffice Writer's HTML import, the filter its paste of HTML runs
("HTML (StarWriter)"), saved as .docx, and read with python-docx: one table, a header row and one row
per province, the names and a cell as the report shows them.

How close to a real paste: the copy is Chromium's own (its serializer, its clipboard), the selection
is made by the Selection API over the table (as a drag from the first cell to the last selects it),
and Writer's HTML filter is what a paste of text/html goes through; what is not real is the desktop
clipboard between them (there is no X clipboard tool on this machine), and a conversion runs the
filter on a new document rather than at a cursor in an open one.

Usage: table_paste_to_writer.py CIODASH-BINARY OUT-DIR
Every wait is bounded; exits 0 when every check held, 1 with the failed checks."""
import json, os, shutil, subprocess, sys, tempfile, time, urllib.request

import websocket  # python3-websocket (Debian) or websocket-client (PyPI)
import docx       # python-docx (PyPI)

BINARY, OUT = sys.argv[1], sys.argv[2]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FOLDER = os.path.join(ROOT, 'fixtures', 'hue-2019')
failures = []


def check(ok, what):
    print(('ok   ' if ok else 'FAIL ') + what, flush=True)
    if not ok:
        failures.append(what)
    return ok


class Page:
    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=30)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({'id': self.next_id, 'method': method, 'params': params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get('id') == self.next_id:
                if 'error' in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get('result', {})

    def js(self, expression):
        result = self.call('Runtime.evaluate', expression=expression, returnByValue=True, awaitPromise=True,
                           userGesture=True)
        if 'exceptionDetails' in result:
            raise RuntimeError(json.dumps(result['exceptionDetails'])[:400])
        return result.get('result', {}).get('value')

    def wait(self, expression, what, timeout=15):
        end = time.time() + timeout
        while time.time() < end:
            if self.js(expression):
                return True
            time.sleep(0.1)
        raise RuntimeError('timed out: ' + what)

    def click(self, selector):
        box = self.js(f"(function(){{var r=document.querySelector({json.dumps(selector)}).getBoundingClientRect();"
                      "return [r.left+r.width/2,r.top+r.height/2];})()")
        for kind in ('mousePressed', 'mouseReleased'):
            self.call('Input.dispatchMouseEvent', type=kind, x=box[0], y=box[1], button='left', clickCount=1)


def main():
    os.makedirs(OUT, exist_ok=True)
    work = tempfile.mkdtemp(prefix='ciodash-paste-')
    report = os.path.join(work, 'bao-cao.html')
    made = subprocess.run([BINARY, 'snapshot', FOLDER, '--view', 'overview', '--format', 'html', '--lang', 'vi',
                           '-o', report], capture_output=True, text=True, timeout=60)
    if not check(made.returncode == 0, 'snapshot --format html: ' + made.stderr.strip()):
        return
    profile = os.path.join(work, 'chromium')
    browser = subprocess.Popen(['chromium', '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run',
                                '--remote-debugging-port=0', '--remote-allow-origins=*', f'--user-data-dir={profile}',
                                'about:blank'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = os.path.join(profile, 'DevToolsActivePort')
        end = time.time() + 30
        while not (os.path.exists(port_file) and open(port_file).read().strip()) and time.time() < end:
            time.sleep(0.1)
        port = int(open(port_file).read().split()[0])
        version = json.load(urllib.request.urlopen(f'http://127.0.0.1:{port}/json/version', timeout=10))
        browser_ws = websocket.create_connection(version['webSocketDebuggerUrl'], timeout=30)
        browser_ws.send(json.dumps({'id': 1, 'method': 'Browser.grantPermissions', 'params': {
            'permissions': ['clipboardReadWrite', 'clipboardSanitizedWrite']}}))
        while json.loads(browser_ws.recv()).get('id') != 1:
            pass
        request = urllib.request.Request(f'http://127.0.0.1:{port}/json/new?about:blank', method='PUT')
        page = Page(json.load(urllib.request.urlopen(request, timeout=10))['webSocketDebuggerUrl'])
        page.call('Emulation.setDeviceMetricsOverride', width=1366, height=900, deviceScaleFactor=1, mobile=False)
        page.call('Emulation.setFocusEmulationEnabled', enabled=True)
        page.call('Page.enable')
        page.call('Page.navigate', url='file://' + report)
        page.wait("document.readyState==='complete'&&!!document.querySelector('details.tables')", 'the report loads')

        # A delegate opens the folded tables and selects the overview's table.
        page.js("document.querySelector('details.tables summary').scrollIntoView()")
        page.click('details.tables summary')
        page.wait("document.querySelector('details.tables').open", 'the tables unfold on a click')
        names = page.js("[].map.call(document.querySelectorAll('details.tables table tbody tr'),"
                        "function(r){return r.cells[0].textContent;})")
        first_cell = page.js("document.querySelector('details.tables table tbody tr').cells[1].textContent")
        check(len(names) == 19, f'the HTML table has a row per province ({len(names)})')
        page.js("(function(){var t=document.querySelector('details.tables table');var r=document.createRange();"
                "r.selectNode(t);var s=getSelection();s.removeAllRanges();s.addRange(r);})()")
        page.js("window.focus()")
        for kind in ('keyDown', 'keyUp'):
            page.call('Input.dispatchKeyEvent', type=kind, modifiers=2, key='c', code='KeyC',
                      windowsVirtualKeyCode=67, commands=['copy'] if kind == 'keyDown' else [])
        read = page.js("""(async function(){
            var items;
            try { items = await navigator.clipboard.read({unsanitized: ['text/html']}); }
            catch (e) { items = await navigator.clipboard.read(); }
            for (var i of items) { if (i.types.indexOf('text/html') >= 0) {
                return await (await i.getType('text/html')).text(); } }
            return null; })()""")
        if not check(bool(read) and '<table' in read, 'Ctrl+C put the table on the clipboard as text/html'):
            return
        # Chromium on X11 hands a paste target its markup after a charset declaration.
        clip = os.path.join(work, 'clipboard.html')
        with open(clip, 'w', encoding='utf-8') as f:
            if '<html' not in read.lower():
                f.write('<meta http-equiv="content-type" content="text/html; charset=utf-8">')
            f.write(read)
        shutil.copy(clip, os.path.join(OUT, 'clipboard.html'))
    finally:
        browser.terminate()
        try:
            browser.wait(10)
        except subprocess.TimeoutExpired:
            browser.kill()

    # Writer's HTML import, as a paste of text/html runs it, then saved as Word.
    converted = subprocess.run(['soffice', f'-env:UserInstallation=file://{work}/lo', '--headless',
                                '--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML',
                                '--outdir', work, clip], capture_output=True, text=True, timeout=180)
    result = os.path.join(work, 'clipboard.docx')
    if not check(os.path.exists(result), 'LibreOffice Writer reads the clipboard\'s HTML: ' + converted.stderr.strip()[:300]):
        return
    shutil.copy(result, os.path.join(OUT, 'pasted.docx'))
    document = docx.Document(result)
    check(len(document.tables) == 1, f'Writer made one table of it ({len(document.tables)})')
    if not document.tables:
        return
    table = document.tables[0]
    rows = [[cell.text.strip() for cell in row.cells] for row in table.rows]
    check(len(rows) == 1 + len(names), f'a header row and one row per province ({len(rows)} rows for {len(names)} provinces)')
    check(rows[0][0] == 'Tỉnh/thành' or rows[0][0].startswith('Tỉnh'), 'the header row first: ' + repr(rows[0][:2]))
    check([r[0] for r in rows[1:]] == names, 'the provinces\' names, in order, with their marks: ' + repr([r[0] for r in rows[1:4]]))
    check(len(rows[1]) == len(table.columns) and rows[1][1] == first_cell.strip(),
          'a cell as the report shows it: ' + repr(rows[1][1]))
    shutil.rmtree(work, ignore_errors=True)


try:
    main()
except Exception as error:  # a failure of the harness is a failed check, said
    check(False, f'{type(error).__name__}: {error}')
print('all checks held' if not failures else f'{len(failures)} check(s) failed')
sys.exit(1 if failures else 0)
