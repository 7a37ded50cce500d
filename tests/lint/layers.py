#!/usr/bin/env python3
"""layers.py: the include structure keeps to the layers, one way down, with no cycles.

Reads every #include of app/ and import/ and prints TAP. It fails on
  - an include from one folder into a folder it may not use (LAYERS below: the table of
    which layer may use which, like Chromium's DEPS files);
  - an external library's header outside the files that stand in front of it (LIBRARIES);
  - SQLite's types above the model: a file of pages, auth, the command line or the exports
    including a header that brings in sqlite3.h, directly or through others (NO_SQLITE);
  - a cycle between modules (a module is x.c with x.h) or between folders.
HACKING.md explains the layers; change this table only with it.
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")

# Which folders each folder may include from (its own always). Read top to bottom: main starts
# the command line, which starts the HTTP layer; http reaches pages only through the route table
# (pages/pages.h); pages use the model, exports and imports; only the model touches SQLite; core
# depends on nothing.
LAYERS = {
    "app": {"cli", "core"},
    "app/cli": {"http", "auth", "model", "import", "export", "core"},
    "app/http": {"pages", "auth", "model", "core"},
    "app/pages": {"auth", "model", "export", "import", "core"},
    "app/auth": {"model", "core"},
    "app/export": {"model", "core"},
    "import": {"model", "core"},
    "app/model": {"core"},
    "app/core": set(),
}
# The one header of a folder that a folder above may include, where it is not every header.
ONLY = {
    ("app/http", "pages"): {"pages/pages.h"},
}

# External headers and the only files that may include them: each library sits behind
# files of ours, so that swapping or auditing it means reading those alone.
LIBRARIES = {
    "microhttpd.h": {"app/http/server_mhd.c"},
    "sqlite3.h": {"app/model/*", "import/store.c", "import/store_run.c", "import/undo.c", "import/undo_step.c",
                  "import/gov_store.c", "import/gov_undo.c"},
    "libxml/": {"import/parse.c", "import/read_xml.c", "app/export/export_schedule.c",
                "app/model/text.c"},
    "seccomp.h": {"app/core/sandbox.c"},
    "ini.h": {"app/core/config.c"},
    "zlib.h": {"app/core/compress.c"},
    "brotli/": {"app/core/compress.c"},
    "yaml.h": {"import/gov_yaml.c"},
    "libical/": {"import/read_ics.c", "import/ics_values.c", "import/ics_read.h"},
    "yajl/": {"import/json_stream.c"},
    "csv.h": {"import/read_csv.c"},
    "xlsxwriter.h": {"app/export/export_xlsx.c"},
    "curl/": {"import/fetch.c"},
}

# The folders above the model that see no SQLite type at all: they call the model's functions,
# whose headers do not include sqlite3.h (model/db.h, audit.h are the model's own).
NO_SQLITE = {"app/pages", "app/auth", "app/cli", "app/export"}

# Where SQL may run: the files that may call sqlite3_*() or prepare statements (db_stmt,
# db_exec). Everyone else asks the model.
SQL_FILES = {"app/model/*", "import/store.c", "import/store_run.c", "import/undo.c", "import/undo_step.c",
             "import/gov_store.c", "import/gov_undo.c"}

# Known breaks of the rules above, each to be removed by the work that names it. A file listed
# here is still checked for cycles; only the listed rule is waived. None now: the importer's
# callers hold a connection through model/handle.h, an opaque pointer without <sqlite3.h>.
WAIVED = set()
# Files that still run SQL themselves: none.
SQL_WAIVED = set()
SQL_CALL = re.compile(r"\b(sqlite3_[a-z0-9_]+|db_stmt|db_exec)\s*\(")
COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)


def folder_of(path):
    d = os.path.dirname(path)
    return d if d else "."


def layer_name(inc):
    """'core/buf.h' -> 'core'; 'import/x.h' -> 'import'."""
    return inc.split("/", 1)[0] if "/" in inc else None


def sources():
    out = []
    for top in ("app", "import"):
        for dirpath, _, files in os.walk(os.path.join(ROOT, top)):
            for f in files:
                if f.endswith((".c", ".h")):
                    out.append(os.path.relpath(os.path.join(dirpath, f), ROOT))
    return sorted(out)


def allowed_lib(path, patterns):
    for p in patterns:
        if p.endswith("/*") and path.startswith(p[:-1]):
            return True
        if p == path:
            return True
    return False


def header_path(inc):
    """Resolves a quoted include to a path from the root (-Iapp -I.)."""
    for cand in (os.path.join("app", inc), inc):
        if os.path.exists(os.path.join(ROOT, cand)):
            return cand
    return None


def module(path):
    return os.path.splitext(path)[0]


def find_cycle(graph):
    """A cycle in graph (dict node -> set of nodes) as a list, or None."""
    color, stack = {}, []

    def visit(n):
        color[n] = 1
        stack.append(n)
        for m in sorted(graph.get(n, ())):
            if color.get(m) == 1:
                return stack[stack.index(m):] + [m]
            if color.get(m) is None:
                c = visit(m)
                if c:
                    return c
        stack.pop()
        color[n] = 2
        return None

    for n in sorted(graph):
        if color.get(n) is None:
            c = visit(n)
            if c:
                return c
    return None


def main():
    n = 0
    failed = 0

    def tap(good, what):
        nonlocal n, failed
        n += 1
        if not good:
            failed += 1
        print(("ok" if good else "not ok") + f" {n} - {what}")

    files = sources()
    modules, folders = {}, {}
    layer_breaks, lib_breaks, unresolved = [], [], []
    for path in files:
        text = open(os.path.join(ROOT, path), encoding="utf-8").read()
        src_folder = folder_of(path)
        for kind, inc in INCLUDE.findall(text):
            if kind == "<":
                for lib, allowed in LIBRARIES.items():
                    if inc == lib or (lib.endswith("/") and inc.startswith(lib)):
                        if not allowed_lib(path, allowed) and (path, inc) not in WAIVED:
                            lib_breaks.append(f"{path} includes <{inc}>")
                continue
            target = header_path(inc)
            if target is None:
                if not inc.endswith("_gen.c") and inc != "unit.h":
                    unresolved.append(f"{path}: \"{inc}\"")
                continue
            dst_folder = folder_of(target)
            if module(target) != module(path):
                modules.setdefault(module(path), set()).add(module(target))
            if dst_folder != src_folder:
                folders.setdefault(src_folder, set()).add(dst_folder)
                may = LAYERS.get(src_folder)
                dst_layer = layer_name(inc)
                only = ONLY.get((src_folder, dst_layer))
                good = may is not None and dst_layer in may and (only is None or inc in only)
                if not good and (path, inc) not in WAIVED:
                    layer_breaks.append(f"{path} includes \"{inc}\" ({src_folder} may not use {dst_folder})")

    # Which headers bring sqlite3.h in, directly or through the headers they include.
    includes = {}
    for path in files:
        text = open(os.path.join(ROOT, path), encoding="utf-8").read()
        includes[path] = [(k, i) for k, i in INCLUDE.findall(text)]

    def exposes(h, seen=()):
        if h in seen or h not in includes:
            return False
        for kind, inc in includes[h]:
            if kind == "<" and inc == "sqlite3.h":
                return True
            t = header_path(inc) if kind == '"' else None
            if t and exposes(t, seen + (h,)):
                return True
        return False

    sqlite_breaks = []
    for path in files:
        if folder_of(path) not in NO_SQLITE:
            continue
        for kind, inc in includes[path]:
            t = header_path(inc) if kind == '"' else None
            if t and exposes(t) and (path, inc) not in WAIVED:
                sqlite_breaks.append(f"{path} includes \"{inc}\", which brings in sqlite3.h")

    sql_breaks = []
    for path in files:
        code = COMMENT.sub("", open(os.path.join(ROOT, path), encoding="utf-8").read())
        if SQL_CALL.search(code) and not allowed_lib(path, SQL_FILES) and path not in SQL_WAIVED:
            sql_breaks.append(f"{path} runs SQL: {SQL_CALL.search(code).group(1)}()")
    stale = sorted(p for p in SQL_WAIVED if p in files and
                   not SQL_CALL.search(COMMENT.sub("", open(os.path.join(ROOT, p), encoding="utf-8").read())))

    tap(len(files) > 40, f"read the includes of {len(files)} source files")
    tap(not unresolved, "every quoted include names a file of ours" +
        "".join(f"\n# {u}" for u in unresolved))
    tap(not layer_breaks, "every include goes down the layers" + "".join(f"\n# {b}" for b in layer_breaks))
    tap(not lib_breaks, "external libraries only behind their own files" +
        "".join(f"\n# {b}" for b in lib_breaks))
    tap(not sqlite_breaks, "no SQLite type above the model" + "".join(f"\n# {b}" for b in sqlite_breaks))
    tap(not sql_breaks, "only the model runs SQL" + "".join(f"\n# {b}" for b in sql_breaks))
    tap(not stale, "every SQL waiver is still needed" + "".join(f"\n# {p} runs no SQL now" for p in stale))
    c = find_cycle(modules)
    tap(c is None, "no include cycle between modules" + (f"\n# {' -> '.join(c)}" if c else ""))
    c = find_cycle(folders)
    tap(c is None, "no include cycle between folders" + (f"\n# {' -> '.join(c)}" if c else ""))
    for (src, inc) in sorted(WAIVED):
        print(f"# waived: {src} includes {inc}")
    for p in sorted(SQL_WAIVED):
        print(f"# waived: {p} runs SQL")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
