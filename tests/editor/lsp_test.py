#!/usr/bin/env python3
"""An editor's view of the published schemas, through the language server VS Code's YAML
extension runs (yaml-language-server, installed by tools/bootstrap.sh into tests/editor).

    lsp_test.py SOURCE_DIR [--show-completion]

Speaks the Language Server Protocol over stdio as an editor does, on a copy of the bundled
data tree, where each file names its schema by its `# yaml-language-server: $schema=` line:
  - typing `region: 浙` in a new policy file, completion offers 浙江 and 浙江省 (with their
    descriptions), as the list an editor shows after filtering by what was typed;
  - `region: zhejang`, an indicator `nope` and `published: "2023-02-30"` are flagged, on
    their lines; a bundled policy and the bundled editorial file get no diagnostic; an unknown
    key in an editorial file is flagged.
With --show-completion it prints the filtered completion list and exits (docs/editors.md).
Exits 77 (skipped) when node or the language server is not installed.
"""

import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time

SOURCE = os.path.abspath(sys.argv[1])
SERVER = os.path.join(SOURCE, "tests", "editor", "node_modules", "yaml-language-server", "bin",
                      "yaml-language-server")
TIMEOUT = 30
SETTINGS = {"yaml": {"validate": True, "completion": True, "hover": True,
                     "schemaStore": {"enable": False}, "format": {"enable": False}}}

if shutil.which("node") is None or not os.path.exists(SERVER):
    print("skipped: node or yaml-language-server is not installed (tools/bootstrap.sh installs "
          "nodejs and runs npm ci in tests/editor)")
    sys.exit(77)


class Server:
    """A yaml-language-server process and the messages it sends."""

    def __init__(self, root):
        self.process = subprocess.Popen(["node", SERVER, "--stdio"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.messages = queue.Queue()
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()
        self.request("initialize", {
            "processId": os.getpid(), "rootUri": "file://" + root,
            "workspaceFolders": [{"uri": "file://" + root, "name": "data"}],
            "capabilities": {
                "workspace": {"configuration": True},
                "textDocument": {
                    "completion": {"completionItem": {"snippetSupport": True,
                                                      "documentationFormat": ["plaintext"]}},
                    "publishDiagnostics": {}}}})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})

    def _read(self):
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.messages.put(json.loads(stream.read(length)))

    def _send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method, params):
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        ident = self.next_id
        self.next_id += 1
        self._send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == ident and "method" not in m)["result"]

    def wait(self, wanted):
        """Answers the server's own requests until a message `wanted` accepts arrives."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                message = self.messages.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                break
            if "method" in message and "id" in message:  # a request of the server
                result = None
                if message["method"] == "workspace/configuration":
                    result = [SETTINGS.get(item.get("section", ""), SETTINGS["yaml"])
                              if item.get("section") != "yaml" else SETTINGS["yaml"]
                              for item in message["params"]["items"]]
                self._send({"jsonrpc": "2.0", "id": message["id"], "result": result})
                continue
            if wanted(message):
                return message
        raise TimeoutError("no answer from yaml-language-server")

    def open(self, uri, text):
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": text}})

    def diagnostics(self, uri):
        message = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                            and m["params"]["uri"] == uri)
        return message["params"]["diagnostics"]

    def stop(self):
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.process.wait(timeout=10)
        except Exception:  # noqa: BLE001 - a server that does not stop is killed
            self.process.kill()


NEW_POLICY = """\
# yaml-language-server: $schema=../../../schemas/policy.editor.schema.json
id: zhejiang-editor-test
title: 浙江省编辑器测试方案
level: provincial
region: 浙"""

BROKEN_POLICY = """\
# yaml-language-server: $schema=../../../schemas/policy.editor.schema.json
id: zhejiang-editor-test
title: 浙江省编辑器测试方案
region: zhejang
level: provincial
sector: industry
doc_type: 实施方案
published: "2023-02-30"
added: "2023-03"
summary: 测试。
targets:
  - indicator: nope
    text: 测试
    value: 1
    unit: "%"
    kind: share
    target_year: 2025
"""


def completion_labels(server, uri, text):
    """The labels an editor lists at the end of `text`, after filtering by the typed word."""
    lines = text.split("\n")
    position = {"line": len(lines) - 1, "character": len(lines[-1])}
    result = server.request("textDocument/completion", {
        "textDocument": {"uri": uri}, "position": position})
    items = result["items"] if isinstance(result, dict) else result
    typed = lines[-1].split(":", 1)[1].strip()
    shown = [item for item in items
             if (item.get("filterText") or item["label"]).startswith(typed)]
    return items, shown


def main():
    failures = []
    root = tempfile.mkdtemp(prefix="ccnt-editor-test-")
    for part in ("policies", "schemas", "bulletins"):
        shutil.copytree(os.path.join(SOURCE, part), os.path.join(root, part))
    server = Server(root)
    try:
        uri = "file://" + root + "/policies/zhejiang/industry/zhejiang-editor-test.yaml"
        server.open(uri, NEW_POLICY)
        server.diagnostics(uri)
        items, shown = completion_labels(server, uri, NEW_POLICY)
        if "--show-completion" in sys.argv:
            for item in shown:
                print(f"{item['label']}\t{item.get('documentation', '')}")
            return 0
        labels = [item["label"] for item in shown]
        print(f"completion after `region: 浙`: {len(items)} items, {len(shown)} start with 浙: "
              f"{', '.join(labels[:8])}{', …' if len(labels) > 8 else ''}")
        for wanted in ("浙江", "浙江省"):
            if wanted not in labels:
                failures.append(f"completion after `region: 浙` does not offer {wanted}")
        zhejiang = next((item for item in shown if item["label"] == "浙江"), {})
        if "zhejiang" not in str(zhejiang.get("documentation", "")):
            failures.append(f"浙江's completion item has no description naming zhejiang: {zhejiang}")

        broken = "file://" + root + "/policies/zhejiang/industry/zhejiang-editor-broken.yaml"
        server.open(broken, BROKEN_POLICY)
        found = {d["range"]["start"]["line"] + 1: d["message"] for d in server.diagnostics(broken)}
        print(f"diagnostics of the broken file: {found}")
        for line, what in ((4, "region: zhejang"), (8, 'published: "2023-02-30"'),
                           (12, "indicator: nope")):
            if line not in found:
                failures.append(f"no diagnostic for {what} (line {line})")

        bundled = os.path.join(root, "policies/zhejiang/industry/zhejiang-industry-carbon-peaking.yaml")
        editorial = os.path.join(root, "bulletins/2023-03.yaml")
        for path in (bundled, editorial):
            with open(path, encoding="utf-8") as f:
                server.open("file://" + path, f.read())
            problems = server.diagnostics("file://" + path)
            print(f"diagnostics of {os.path.relpath(path, root)}: {len(problems)}")
            if problems:
                failures.append(f"{os.path.relpath(path, root)}: {problems}")
        with open(editorial, encoding="utf-8") as f:
            text = f.read().replace("\ncredits:", "\ncredit:")
        server.open("file://" + root + "/bulletins/2023-04.yaml", text)
        problems = server.diagnostics("file://" + root + "/bulletins/2023-04.yaml")
        print(f"diagnostics of an editorial file with `credit:`: {[d['message'] for d in problems]}")
        if not any("credit" in d["message"] for d in problems):
            failures.append("an unknown key in an editorial file is not flagged")
    finally:
        server.stop()
        shutil.rmtree(root)
    for failure in failures:
        print("FAIL:", failure)
    print(f"{'failed' if failures else 'passed'}: {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
