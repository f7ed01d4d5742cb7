#!/usr/bin/python3
"""Makes ReportKai-Regular.ttf, the CJK font the PDF reports embed, from Debian's LXGW WenKai.

    apt-get install -y fonts-lxgw-wenkai python3-fonttools
    /usr/bin/python3 EasternSelect.Portal/Features/Reports/Fonts/make-report-font.py

Keeps TrueType (glyf) outlines: Skia writes CFF fonts as Type 3, which breaks text extraction.
Covers Big5 level 1 (5,401 common characters) and Big5 symbols, ASCII, Latin-1, CJK and full-width
punctuation, plus every character of the portal's zh-TW texts and demo seed data. Drops hinting,
layout features and vertical metrics. The OFL reserves the names "LXGW" and "霞鹜", so the subset is
renamed. Licence: OFL.txt beside this script.
"""
import glob
import os
import re

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf"
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
TARGET = os.path.join(HERE, "ReportKai-Regular.ttf")
FAMILY = "ES Report Kai"


def big5(first, last):
    chars = set()
    for hi in range(first >> 8, (last >> 8) + 1):
        for lo in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            code = (hi << 8) | lo
            if first <= code <= last:
                try:
                    chars.add(bytes([hi, lo]).decode("big5"))
                except UnicodeDecodeError:
                    pass
    return chars


def repo_chars():
    chars = set()
    patterns = ["EasternSelect.Portal/Resources/*.zh-TW.resx", "EasternSelect.Portal/Resources/SharedResource.resx",
                "EasternSelect.Data/Seed/*.cs", "EasternSelect.Portal/Features/**/*.cs"]
    for pattern in patterns:
        for path in glob.glob(os.path.join(REPO, pattern), recursive=True):
            with open(path, encoding="utf-8") as f:
                chars.update(c for c in f.read() if ord(c) > 0x2E7F)
    return chars


chars = big5(0xA440, 0xC67E) | big5(0xA140, 0xA3BF) | repo_chars()
codepoints = {ord(c) for c in chars}
codepoints |= set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
codepoints |= set(range(0x2000, 0x2070)) | set(range(0x2190, 0x2200)) | {0x2264, 0x2265, 0x2260, 0x00D7, 0x00F7, 0x2022, 0x2026, 0x25CF, 0x25CB, 0x2713, 0x2717}
codepoints |= set(range(0x3000, 0x3040)) | set(range(0xFF01, 0xFF5F))

font = TTFont(SOURCE)
available = set(font.getBestCmap())
options = subset.Options()
options.hinting = False
options.layout_features = []
options.drop_tables += ["BASE", "GDEF", "GSUB", "GPOS", "vhea", "vmtx", "gasp", "DSIG"]
options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
options.name_languages = [0x409]
options.notdef_outline = True
subsetter = subset.Subsetter(options)
subsetter.populate(unicodes=codepoints & available)
subsetter.subset(font)

for record in font["name"].names:
    if record.nameID in (1, 4):
        record.string = FAMILY
    elif record.nameID == 3:
        record.string = FAMILY + ";" + font["head"].fontRevision.__format__(".3f")
    elif record.nameID == 6:
        record.string = FAMILY.replace(" ", "") + "-Regular"
    elif record.nameID == 0:
        record.string = str(record) + "\nSubset of LXGW WenKai 1.250 for Eastern Select Portal reports."
font["OS/2"].fsType = 0
font.save(TARGET)
missing = sorted(c for c in chars if ord(c) not in available)
print(f"{TARGET}: {font['maxp'].numGlyphs} glyphs, {os.path.getsize(TARGET):,} bytes; not in the source font: {''.join(missing)!r}")
