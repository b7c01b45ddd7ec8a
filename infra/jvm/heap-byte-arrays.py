#!/usr/bin/env python3
"""byte[] in a heap dump (jcmd <pid> GC.heap_dump file.hprof), for the footprint profile (issue 12 item 3).
Usage: infra/jvm/heap-byte-arrays.py file.hprof            the live byte[] by length: count and bytes
       infra/jvm/heap-byte-arrays.py file.hprof LENGTH     who holds the byte[] of exactly LENGTH bytes, up to seven
                                                           levels of objects (not static fields or GC roots)
Reads the HPROF format as the JDK writes it (docs: the JDK's src/hotspot/share/services/heapDumper.cpp)."""
import collections
import struct
import sys

PRIMITIVE = {4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
BYTE = 8


def scan(path, visit):
    """Calls visit(kind, data, id_size) for strings, loaded classes, instances, object arrays and primitive arrays."""
    with open(path, "rb") as f:
        while f.read(1) != b"\0":
            pass
        ids = struct.unpack(">I", f.read(4))[0]
        f.read(8)
        sizes = {**PRIMITIVE, 2: ids}
        while len(header := f.read(9)) == 9:
            tag, _, length = struct.unpack(">BII", header)
            if tag in (0x01, 0x02):
                visit(tag, f.read(length), ids)
            elif tag not in (0x0C, 0x1C):
                f.seek(length, 1)
            else:
                end = f.tell() + length
                while f.tell() < end:
                    sub = f.read(1)[0]
                    if sub in (0xFF, 0x05, 0x07):
                        f.seek(ids, 1)
                    elif sub == 0x01:
                        f.seek(2 * ids, 1)
                    elif sub in (0x02, 0x03, 0x08):
                        f.seek(ids + 8, 1)
                    elif sub in (0x04, 0x06):
                        f.seek(ids + 4, 1)
                    elif sub == 0x20:  # class dump: ids, sizes, constant pool, statics, field names
                        f.seek(ids + 4 + 6 * ids + 4, 1)
                        for _ in range(struct.unpack(">H", f.read(2))[0]):
                            f.seek(2, 1)
                            f.seek(sizes[f.read(1)[0]], 1)
                        for _ in range(struct.unpack(">H", f.read(2))[0]):
                            f.seek(ids, 1)
                            f.seek(sizes[f.read(1)[0]], 1)
                        f.seek(struct.unpack(">H", f.read(2))[0] * (ids + 1), 1)
                    elif sub == 0x21:
                        oid = f.read(ids)
                        f.seek(4, 1)
                        cid = f.read(ids)
                        visit(0x21, (oid, cid, f.read(struct.unpack(">I", f.read(4))[0])), ids)
                    elif sub == 0x22:
                        oid = f.read(ids)
                        f.seek(4, 1)
                        n = struct.unpack(">I", f.read(4))[0]
                        cid = f.read(ids)
                        visit(0x22, (oid, cid, f.read(n * ids)), ids)
                    elif sub == 0x23:
                        oid = f.read(ids)
                        f.seek(4, 1)
                        n, kind = struct.unpack(">IB", f.read(5))
                        f.seek(n * sizes[kind], 1)
                        visit(0x23, (oid, n, kind), ids)
                    else:
                        raise SystemExit("unknown heap dump record 0x%x at byte %d" % (sub, f.tell()))


def bucket(n):
    for limit, name in ((63, "< 64"), (256, "<= 256"), (1024, "<= 1 KiB"), (4096, "<= 4 KiB")):
        if n <= limit:
            return name
    return str(n)


def by_length(path):
    count, total = collections.Counter(), collections.Counter()

    def visit(tag, data, ids):
        if tag == 0x23 and data[2] == BYTE:
            count[bucket(data[1])] += 1
            total[bucket(data[1])] += data[1]

    scan(path, visit)
    for name, size in total.most_common(25):
        print("%10s  %8d arrays  %11d bytes" % (name, count[name], size))
    print("all byte[]: %d arrays, %d bytes" % (sum(count.values()), sum(total.values())))


def holders(path, length):
    strings, classes, found = {}, {}, set()

    def index(tag, data, ids):
        if tag == 0x01:
            strings[data[:ids]] = data[ids:].decode("utf-8", "replace")
        elif tag == 0x02:
            classes[data[4:4 + ids]] = data[8 + ids:8 + 2 * ids]
        elif tag == 0x23 and data[1] == length and data[2] == BYTE:
            found.add(data[0])

    scan(path, index)
    print("%d byte[] of %d bytes" % (len(found), length))
    level = found
    for depth in range(1, 8):
        above, names = set(), collections.Counter()

        def visit(tag, data, ids, targets=level):
            if tag in (0x21, 0x22):
                oid, cid, raw = data
                step = 1 if tag == 0x21 else ids
                if any(raw[i:i + ids] in targets for i in range(0, len(raw) - ids + 1, step)):
                    name = strings.get(classes.get(cid), "?")
                    names[name if tag == 0x21 else "array of " + name] += 1
                    above.add(oid)

        scan(path, visit)
        if not above:
            break  # held from a static field or a GC root, which this does not follow
        print("level %d: %s" % (depth, ", ".join("%s x%d" % kv for kv in names.most_common(6))))
        level = above


if __name__ == "__main__":
    if len(sys.argv) == 2:
        by_length(sys.argv[1])
    elif len(sys.argv) == 3:
        holders(sys.argv[1], int(sys.argv[2]))
    else:
        raise SystemExit(__doc__)
