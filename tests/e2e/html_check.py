"""html_check.py: exits non-zero, naming the first problem, when standard input is not well-formed HTML5
(html5lib's strict parser: the WHATWG parsing algorithm, refusing every parse error)."""
import sys

import html5lib

data = sys.stdin.buffer.read()
try:
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(data)
except Exception as e:  # html5lib raises ParseError with the position
    print(f"# {sys.argv[1] if len(sys.argv) > 1 else '-'}: {e}")
    sys.exit(1)
