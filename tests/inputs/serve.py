#!/usr/bin/env python3
"""A local web server for the WARC tests: Python's http.server serving a
folder on 127.0.0.1, HTTP/1.1, with three ways of sending a page that
crawlers meet on real sites: /gzip/NAME (Content-Encoding: gzip),
/deflate/NAME (Content-Encoding: deflate) and /chunked/NAME
(Transfer-Encoding: chunked). Prints its port on the first line.

usage: serve.py FOLDER
"""
import gzip
import http.server
import os
import sys
import zlib

ROOT = os.path.abspath(sys.argv[1])


class Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def __init__(self, *a, **kw):
        super().__init__(*a, directory=ROOT, **kw)

    def log_message(self, *a):
        pass

    def do_GET(self):
        parts = self.path.strip("/").split("/")
        if len(parts) != 2 or parts[0] not in ("gzip", "deflate", "chunked"):
            return super().do_GET()
        name = os.path.join(ROOT, os.path.basename(parts[1]))
        if not os.path.isfile(name):
            return self.send_error(404)
        data = open(name, "rb").read()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if parts[0] == "chunked":
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for i in range(0, len(data), 700):
                piece = data[i:i + 700]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")
            return
        body = gzip.compress(data, mtime=0) if parts[0] == "gzip" else zlib.compress(data)
        self.send_header("Content-Encoding", parts[0])
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
