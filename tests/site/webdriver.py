"""A small client of the W3C WebDriver protocol (plain HTTP and JSON), enough to drive Debian's
headless Chromium through chromedriver from a test. Python 3 standard library only.

    with Browser(download_dir) as browser:
        browser.open("file:///…/index.html")
        browser.find("a[href$='search.html']").click()
"""

import base64
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

# Chromium as root on a CI machine, with nothing reaching the network: no sandbox (root), no
# GPU, no QUIC, no first-run, background or component traffic, a fresh profile each time.
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--disable-extensions", "--lang=zh-CN",
    # Every http(s) request goes to a closed port on this machine: nothing reaches another host.
    "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
]


class WebDriverError(Exception):
    pass


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Element:
    def __init__(self, browser, element_id):
        self.browser = browser
        self.id = element_id

    def _path(self, rest):
        return f"/element/{self.id}/{rest}"

    def click(self):
        self.browser.command("POST", self._path("click"), {})

    def send_keys(self, text):
        self.browser.command("POST", self._path("value"), {"text": text})

    def clear(self):
        self.browser.command("POST", self._path("clear"), {})

    @property
    def text(self):
        return self.browser.command("GET", self._path("text"))

    def attribute(self, name):
        return self.browser.command("GET", self._path(f"attribute/{name}"))

    def property(self, name):
        return self.browser.command("GET", self._path(f"property/{name}"))


class Browser:
    """One headless Chromium session through its own chromedriver process."""

    def __init__(self, download_dir=None, width=1280, height=900, timeout=20):
        self.download_dir = download_dir
        self.size = (width, height)
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="ccnt-chromium-")
        self.port = free_port()
        self.driver = None
        self.session = None

    def __enter__(self):
        try:
            return self._start()
        except BaseException:
            self.__exit__(None, None, None)  # a failed start leaves no chromedriver behind
            raise

    def _start(self):
        self.driver = subprocess.Popen(
            ["chromedriver", f"--port={self.port}", "--allowed-ips=127.0.0.1"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + self.timeout
        while True:
            try:
                self._request("GET", "/status")
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                if time.time() > deadline or self.driver.poll() is not None:
                    raise WebDriverError("chromedriver did not start")
                time.sleep(0.1)
        prefs = {}
        if self.download_dir:
            prefs = {"download.default_directory": self.download_dir,
                     "download.prompt_for_download": False,
                     "safebrowsing.enabled": False}
        args = CHROMIUM_ARGS + [f"--user-data-dir={self.profile}",
                                f"--window-size={self.size[0]},{self.size[1]}"]
        capabilities = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": shutil.which("chromium") or "/usr/bin/chromium",
                                   "args": args, "prefs": prefs},
        }}}
        reply = self._request("POST", "/session", capabilities)
        self.session = reply["value"]["sessionId"]
        if self.download_dir:
            self.cdp("Browser.setDownloadBehavior",
                     {"behavior": "allow", "downloadPath": self.download_dir})
        return self

    def __exit__(self, *exc):
        try:
            if self.session:
                self._request("DELETE", f"/session/{self.session}")
        except Exception:
            pass
        if self.driver:
            self.driver.terminate()
            try:
                self.driver.wait(10)
            except subprocess.TimeoutExpired:
                self.driver.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    def _request(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data,
                                         method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout + 30) as response:
                return json.loads(response.read().decode() or "{}")
        except urllib.error.HTTPError as error:
            payload = error.read().decode(errors="replace")
            try:
                value = json.loads(payload)["value"]
                raise WebDriverError(f"{value.get('error')}: {value.get('message', '')[:300]}")
            except (ValueError, KeyError, TypeError):
                raise WebDriverError(payload[:300])

    def command(self, method, path, body=None):
        return self._request(method, f"/session/{self.session}{path}", body).get("value")

    def cdp(self, cmd, params):
        return self.command("POST", "/goog/cdp/execute", {"cmd": cmd, "params": params})

    # ---- navigation and the page --------------------------------------------------------------
    def open(self, url):
        self.command("POST", "/url", {"url": url})

    @property
    def url(self):
        return self.command("GET", "/url")

    @property
    def title(self):
        return self.command("GET", "/title")

    def back(self):
        self.command("POST", "/back", {})

    def run(self, script, *args):
        return self.command("POST", "/execute/sync", {"script": script, "args": list(args)})

    def resize(self, width, height):
        self.command("POST", "/window/rect", {"width": width, "height": height})

    def screenshot(self, path):
        with open(path, "wb") as out:
            out.write(base64.b64decode(self.command("GET", "/screenshot")))

    def emulate(self, width, height=900):
        """Lays the page out as a screen `width` CSS pixels wide (a phone below 600) shows it."""
        self.cdp("Emulation.setDeviceMetricsOverride",
                 {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})

    def stop_emulating(self):
        self.cdp("Emulation.clearDeviceMetricsOverride", {})

    def full_screenshot(self, path):
        """The whole page, as tall as it is, at the width it is laid out at now."""
        width = self.run("return window.innerWidth;")
        height = self.run("return Math.ceil(document.documentElement.scrollHeight);")
        self.emulate(int(width), min(int(height), 8000))
        self.screenshot(path)

    # ---- elements -----------------------------------------------------------------------------
    def find(self, css):
        value = self.command("POST", "/element", {"using": "css selector", "value": css})
        return Element(self, next(iter(value.values())))

    def find_all(self, css):
        values = self.command("POST", "/elements", {"using": "css selector", "value": css})
        return [Element(self, next(iter(v.values()))) for v in values]

    def find_link(self, text):
        value = self.command("POST", "/element", {"using": "link text", "value": text})
        return Element(self, next(iter(value.values())))

    def wait_for(self, predicate, what, timeout=None):
        """Calls predicate() until it returns a true value (which is returned)."""
        deadline = time.time() + (timeout or self.timeout)
        last_error = None
        while time.time() < deadline:
            try:
                value = predicate()
                if value:
                    return value
            except WebDriverError as error:
                last_error = error
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what}" +
                             (f" (last error: {last_error})" if last_error else ""))
