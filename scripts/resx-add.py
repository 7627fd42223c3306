#!/usr/bin/env python3
"""Adds or updates zh-CN translations in src/Waishi.Web/Resources/SharedResource.zh-CN.resx.

Usage: scripts/resx-add.py translations.tsv   (lines: English<TAB>Chinese)
       scripts/resx-add.py --check             (lists keys used in code that have no translation)
Entries are kept sorted, one per key, so that parallel branches merge cleanly.
"""
import os, re, sys
from xml.sax.saxutils import escape

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
RESX = os.path.join(ROOT, "src/Waishi.Web/Resources/SharedResource.zh-CN.resx")
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""
ENTRY = re.compile(r'  <data name="((?:[^"\\]|&quot;)*)" xml:space="preserve"><value>(.*?)</value></data>')

def unescape(s):
    return s.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")

def load():
    entries = {}
    if os.path.exists(RESX):
        for line in open(RESX, encoding="utf-8"):
            m = ENTRY.match(line.rstrip("\n"))
            if m:
                entries[unescape(m.group(1))] = unescape(m.group(2))
    return entries

def save(entries):
    seen = {}
    for key in entries:
        other = seen.setdefault(key.lower(), key)
        if other != key:
            sys.exit("keys differ only in case (resource names are case-insensitive): %r and %r" % (other, key))
    with open(RESX, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for key in sorted(entries):
            f.write('  <data name="%s" xml:space="preserve"><value>%s</value></data>\n' % (escape(key, {'"': "&quot;"}), escape(entries[key])))
        f.write("</root>\n")

if __name__ == "__main__":
    entries = load()
    if len(sys.argv) > 1 and sys.argv[1] != "--check":
        for line in open(sys.argv[1], encoding="utf-8"):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            en, zh = line.split("\t", 1)
            entries[en] = zh
        save(entries)
        print(f"{len(entries)} entries")
    else:
        save(entries)
        print(f"{len(entries)} entries")
