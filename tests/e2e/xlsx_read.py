"""xlsx_read.py FILE: prints an XLSX workbook's first sheet as JSON: its rows of cells, each [type, value]
(type "s" text, "n" number, "d" a number in a date format), the frozen rows, the filter and the bold header.
Read with the standard library only (zipfile + ElementTree), as an independent reader of the file."""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def main(path):
    z = zipfile.ZipFile(path)
    assert z.testzip() is None
    styles = ET.fromstring(z.read("xl/styles.xml"))
    numfmts = {f.get("numFmtId"): f.get("formatCode") for f in styles.iterfind(".//m:numFmts/m:numFmt", NS)}
    fonts = list(styles.iterfind("m:fonts/m:font", NS))
    xfs = list(styles.iterfind("m:cellXfs/m:xf", NS))
    shared = [("".join(t.itertext())) for t in ET.fromstring(z.read("xl/sharedStrings.xml")).iterfind("m:si", NS)] \
        if "xl/sharedStrings.xml" in z.namelist() else []
    sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows = []
    bold_header = True
    for r in sheet.iterfind(".//m:sheetData/m:row", NS):
        row = []
        for c in r.iterfind("m:c", NS):
            col = re.match(r"[A-Z]+", c.get("r")).group(0)
            idx = sum((ord(ch) - 64) * 26 ** i for i, ch in enumerate(reversed(col))) - 1
            while len(row) < idx:
                row.append(None)
            xf = xfs[int(c.get("s", "0"))]
            if c.get("t") == "s":
                cell = ["s", shared[int(c.find("m:v", NS).text)]]
            elif c.get("t") == "inlineStr":
                cell = ["s", "".join(c.find("m:is", NS).itertext())]
            else:
                fmt = numfmts.get(xf.get("numFmtId"), "")
                cell = ["d" if "yy" in fmt else "n", float(c.find("m:v", NS).text)]
            if r.get("r") == "1":
                bold_header &= fonts[int(xf.get("fontId", "0"))].find("m:b", NS) is not None
            row.append(cell)
        rows.append(row)
    pane = sheet.find(".//m:sheetView/m:pane", NS)
    flt = sheet.find("m:autoFilter", NS)
    print(json.dumps({"rows": rows, "frozen_rows": int(float(pane.get("ySplit", 0))) if pane is not None and
                      pane.get("state") == "frozen" else 0, "filter": flt.get("ref") if flt is not None else None,
                      "bold_header": bold_header}))


main(sys.argv[1])
