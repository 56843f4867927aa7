#!/usr/bin/env python3
"""Makes hostile .orilla zips for the end-to-end cases (issue #21, class 2), at test time:
python3 tests/e2e/make_zip.py KIND OUT.orilla.  Each KIND is one trick that makes zip
readers disagree, or hides data from the checks; Orilla must refuse every one with a
message.  `make_zip.py --all DIR` writes every kind into DIR (for the fuzzer's corpus)."""
import struct
import sys
import unicodedata
import zlib

STORY = b'story { id = "z", title = "Z", language = "en", start = "a" }\nscene "a" { text = "A", ending = true }\n'


def deflate(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


class Entry:
    def __init__(self, name, data, method=8, usize=None, crc=None):
        self.name = name.encode() if isinstance(name, str) else name
        self.data = data
        self.method = method
        self.comp = deflate(data) if method == 8 else data
        self.usize = len(data) if usize is None else usize
        self.crc = zlib.crc32(data) if crc is None else crc
        self.offset = 0


def local_header(e, usize=None):
    return struct.pack('<IHHHHHIIIHH', 0x04034b50, 20, 0x0800, e.method, 0, 0x21, e.crc, len(e.comp),
                       e.usize if usize is None else usize, len(e.name), 0) + e.name


def central(e, offset=None, usize=None):
    return struct.pack('<IHHHHHHIIIHHHHHII', 0x02014b50, 0x0314, 20, 0x0800, e.method, 0, 0x21, e.crc,
                       len(e.comp), e.usize if usize is None else usize, len(e.name), 0, 0, 0, 0,
                       0o100644 << 16, e.offset if offset is None else offset) + e.name


def eocd(n, cdsize, cdoff, comment=b''):
    return struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, n, n, cdsize, cdoff, len(comment)) + comment


def build(entries, prefix=b'', gap=b'', tail=b'', comment=b''):
    out = bytearray(prefix)
    for i, e in enumerate(entries):
        if i == 1:
            out += gap
        e.offset = len(out)
        out += local_header(e) + e.comp
    cd = b''.join(central(e) for e in entries)
    cdoff = len(out)
    out += cd + eocd(len(entries), len(cd), cdoff, comment) + tail
    return bytes(out)


def good():
    return [Entry('story.lua', STORY)]


def two_directories():
    # Directory A lists story.lua; directory B (with its own end record) hides in A's comment
    # and lists 40 names for one 64 MiB stream of zeros: 2.5 GB for readers that see B.
    zeros = Entry('bomb.bin', b'\0' * (64 << 20))
    story = Entry('story.lua', STORY)
    out = bytearray()
    story.offset = 0
    out += local_header(story) + story.comp
    zeros.offset = len(out)
    out += local_header(zeros) + zeros.comp
    cd_a = central(story)
    cdoff_a = len(out)
    out += cd_a
    # directory B, written inside the comment of A's end record
    cd_b = central(story)
    for i in range(40):
        z = Entry('bomb%02d.bin' % i, b'')
        z.method, z.comp, z.usize, z.crc = 8, zeros.comp, zeros.usize, zeros.crc
        cd_b += central(z, offset=zeros.offset)
    comment_start = len(out) + 22
    eocd_b = eocd(41, len(cd_b), comment_start)
    comment = cd_b + eocd_b
    out += eocd(1, len(cd_a), cdoff_a, comment)
    return bytes(out)


def overlap():
    # two names, one stream: 'copy.bin' points at the same bytes as 'bomb.bin'
    zeros = Entry('bomb.bin', b'\0' * (1 << 20))
    story = Entry('story.lua', STORY)
    out = bytearray()
    for e in (story, zeros):
        e.offset = len(out)
        out += local_header(e) + e.comp
    copy = Entry('copy.bin', b'')
    copy.comp, copy.usize, copy.crc = zeros.comp, zeros.usize, zeros.crc
    cd = central(story) + central(zeros) + central(copy, offset=zeros.offset)
    cdoff = len(out)
    out += cd + eocd(3, len(cd), cdoff)
    return bytes(out)


def smaller_size():
    # the directory and the local header both say story.lua is 20 bytes; its stream holds
    # the whole story (and the CRC is the whole story's): a damaged bundle
    e = Entry('story.lua', STORY, usize=20)
    return build([e])


def local_disagrees():
    e = Entry('story.lua', STORY)
    data = bytearray(build([e]))
    struct.pack_into('<I', data, 22, len(STORY) + 100)  # the local header's size only
    return bytes(data)


def unsigned_big():
    # a well-made, unsigned bundle whose large file (200 MiB of zeros, 200 KB deflated)
    # would take seconds to hash: with --key, the missing signature is found first
    # (1.5 MiB of stored noise keeps it under the 100-times ratio of a zip bomb)
    import hashlib
    import random
    big = b'\0' * (200 << 20)
    noise = random.Random(1).randbytes(3 << 19)
    files = [('big.bin', big), ('noise.bin', noise), ('story.lua', STORY)]
    man = ('return {\n  format = 1,\n  id = "z",\n  files = {\n' +
           ''.join('    ["%s"] = { size = %d, sha256 = "%s" },\n' % (n, len(d), hashlib.sha256(d).hexdigest())
                   for n, d in files) + '  },\n}\n').encode()
    return build([Entry('.orilla/manifest.lua', man)] +
                 [Entry(n, d, 0 if n == 'noise.bin' else 8) for n, d in files])


def ratio_bomb():
    # within every cap (8 files of 255 MiB, 2,040 MB in all) but in a 2 MB file: 1,000 times
    big = Entry('z0.bin', b'\0' * (255 << 20))
    ents = [Entry('story.lua', STORY)]
    for i in range(8):
        e = Entry('z%d.bin' % i, b'')
        e.comp, e.usize, e.crc = big.comp, big.usize, big.crc
        ents.append(e)
    return build(ents)


def main():
    kinds = {
        'two-directories': two_directories,
        'end-comment': lambda: build(good(), comment=b'hello'),
        'after-end': lambda: build(good(), tail=b'\0' * 100),
        'prefix': lambda: build(good(), prefix=b'#!/bin/sh\nexit 0\n'),
        'gap': lambda: build([Entry('story.lua', STORY), Entry('b.txt', b'b')], gap=b'PK\3\4hidden'),
        'overlap': overlap,
        'case-collide': lambda: build([Entry('story.lua', STORY), Entry('images/Map.png', b'a', 0),
                                       Entry('images/map.png', b'b', 0)]),
        'nfc-collide': lambda: build([Entry('story.lua', STORY),
                                      Entry(unicodedata.normalize('NFC', 'canción.txt'), b'a', 0),
                                      Entry(unicodedata.normalize('NFD', 'canción.txt'), b'b', 0)]),
        'folder-collide': lambda: build([Entry('story.lua', STORY), Entry('Images', b'a', 0),
                                         Entry('images/a.png', b'b', 0)]),
        'smaller-size': smaller_size,
        'local-disagrees': local_disagrees,
        'nul-name': lambda: build([Entry('story.lua', STORY), Entry(b'a.lua\0.png', b'x', 0)]),
        'good': lambda: build(good()),
        'unsigned-big': unsigned_big,
        'ratio-bomb': ratio_bomb,
    }
    if len(sys.argv) == 3 and sys.argv[1] == '--all':
        import os
        for k, f in kinds.items():
            if k not in ('two-directories', 'unsigned-big', 'ratio-bomb'):  # 64 KB of deflate: kept out of the small corpus
                with open(os.path.join(sys.argv[2], k + '.zip'), 'wb') as fh:  # .orilla is ignored by git
                    fh.write(f())
        return
    if len(sys.argv) != 3 or sys.argv[1] not in kinds:
        sys.exit('usage: make_zip.py KIND OUT.orilla (KIND: %s) | --all DIR' % ', '.join(kinds))
    with open(sys.argv[2], 'wb') as fh:
        fh.write(kinds[sys.argv[1]]())
    if sys.argv[1] == 'unsigned-big':  # and a kiosk config that requires test.pub's signature
        with open('kiosk.lua', 'w') as fh:
            fh.write('kiosk {\n  bundles = { "%s" },\n  key = "test.pub",\n}\n' % sys.argv[2])


if __name__ == '__main__':
    main()
