#!/usr/bin/env python3
"""page-snapshot.py: every page of a running Lectern, crawled and saved, to compare two builds.

Usage: tools/page-snapshot.py URL OUTDIR [--cookie JAR-LINE]...

Starts at /, follows every same-site link (GET only; no /logout, no /export/ downloads but
their first bytes, no assets), also as each login whose cookie is given ("name=value"), and
writes each page to OUTDIR/<who>/<path>. Values that differ from run to run (the CSRF token,
login times in the past minute, the request duration) are normalized, so that
`diff -r before after` shows only what a change altered. Used by the refactoring work:
the pages' bytes must stay the same on the demo data.
"""
import os
import re
import sys
import urllib.parse
import urllib.request

LIMIT = 2000
SKIP = re.compile(r"^/(logout|assets/)|/delete$|/undo$|/restore$|/confirm$|/cancel$")


def normalize(body):
    body = re.sub(rb'name="csrf" value="[0-9a-f]+"', b'name="csrf" value="CSRF"', body)
    body = re.sub(rb'"csrf":"[0-9a-f]+"', b'"csrf":"CSRF"', body)
    body = re.sub(rb"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d)?(\.\d+)?(Z|[+-]\d\d:?\d\d)?", b"DATETIME", body)
    body = re.sub(rb'name="token" value="[0-9a-f]+"', b'name="token" value="TOKEN"', body)
    body = re.sub(rb"DTSTAMP:\d{8}T\d{6}Z", b"DTSTAMP:DATETIME", body)
    return body


def fetch(base, path, cookie):
    req = urllib.request.Request(base + path)
    if cookie:
        req.add_header("Cookie", cookie)
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(req, timeout=30) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def crawl(base, outdir, who, cookie):
    seen, todo = set(), ["/", "/orgs.json", "/people.json", "/events.json", "/bodies.json", "/search?q=kubernetes",
                         "/search.json?q=kubernetes", "/no/such/page"]
    while todo and len(seen) < LIMIT:
        path = todo.pop(0)
        if path in seen:
            continue
        seen.add(path)
        status, ctype, body = fetch(base, path, cookie)
        name = urllib.parse.quote(path, safe="") or "index"
        with open(os.path.join(outdir, who, name[:200]), "wb") as f:
            f.write(b"%d %s\n" % (status, ctype.encode()))
            f.write(normalize(body))
        if "html" not in ctype:
            continue
        for href in re.findall(rb'href="([^"#]*)', body):
            href = href.decode().replace("&amp;", "&")
            if not href.startswith("/") or href.startswith("//") or SKIP.search(href.split("?")[0]):
                continue
            if href not in seen:
                todo.append(href)
            if not href.endswith(".json") and "?" not in href and not href.startswith("/export/"):
                j = href.rstrip("/") + ".json"
                if j not in seen and href != "/":
                    todo.append(j)
    return len(seen)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    base, outdir = sys.argv[1].rstrip("/"), sys.argv[2]
    logins = [("anonymous", None)] + [(c.split("=", 1)[0], c.split("=", 1)[1]) for c in sys.argv[3:]]
    for who, cookie in logins:
        os.makedirs(os.path.join(outdir, who), exist_ok=True)
        n = crawl(base, outdir, who, cookie and "lectern_login=" + cookie)
        print(f"{who}: {n} pages")


if __name__ == "__main__":
    main()
