package org.ybdesk.reports;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes a subset CID-keyed CFF font (a PDF {@code FontFile3/CIDFontType0C}) as small as the glyphs it holds.
 *
 * <p>The PDF library's subsetter keeps a CJK face's full structure: 65,535 CharStrings entries (each unused glyph a
 * one-byte placeholder behind a 3-byte offset) and every font dictionary with its local subroutines, about 200 KB per
 * face on a one-page print whose glyph programs are 17 KB (docs/PERFORMANCE.md). This rewrites the font with only the
 * glyphs the page uses, numbered densely; the charset maps each new glyph to its original CID, so the PDF's content
 * (Identity-H codes are CIDs), widths and ToUnicode stay valid unchanged. Font dictionaries no kept glyph uses are
 * dropped with their subroutines; the others and the global subroutines are kept as they are.
 *
 * <p>Only CID-keyed fonts are rewritten; anything this reader does not understand is returned unchanged (empty).
 */
final class CffCompactor {
    private static final int OP_CHARSET = 15;
    private static final int OP_ENCODING = 16;
    private static final int OP_CHARSTRINGS = 17;
    private static final int OP_PRIVATE = 18;
    private static final int OP_SUBRS = 19;
    private static final int OP_ROS = 1200 + 30;
    private static final int OP_FDARRAY = 1200 + 36;
    private static final int OP_FDSELECT = 1200 + 37;

    private CffCompactor() {
    }

    /**
     * The font with only glyph 0 and the glyphs of {@code usedCids}, or empty when the font is not a CID-keyed CFF
     * this compactor can read (it is then left as it is).
     */
    static Optional<byte[]> compact(byte[] cff, BitSet usedCids) {
        try {
            return Optional.ofNullable(new Reader(cff).compact(usedCids));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /** One INDEX: its items as offsets into the font, and where it ends. */
    private record Index(int[] starts, int[] ends, int end) {
        int count() {
            return starts.length;
        }

        byte[] item(byte[] data, int i) {
            return Arrays.copyOfRange(data, starts[i], ends[i]);
        }
    }

    /** A DICT entry: operator (12 x is 1200 + x) and its operands' raw bytes and values. */
    private record Entry(int op, byte[] raw, List<Number> operands) {
    }

    private static final class Reader {
        private final byte[] d;

        Reader(byte[] data) {
            this.d = data;
        }

        private int card8(int p) {
            return d[p] & 0xff;
        }

        private int card16(int p) {
            return (card8(p) << 8) | card8(p + 1);
        }

        private int offset(int p, int size) {
            int v = 0;
            for (int i = 0; i < size; i++) {
                v = (v << 8) | card8(p + i);
            }
            return v;
        }

        Index index(int p) {
            int count = card16(p);
            if (count == 0) {
                return new Index(new int[0], new int[0], p + 2);
            }
            int offSize = card8(p + 2);
            int offs = p + 3;
            int base = offs + (count + 1) * offSize - 1;
            int[] starts = new int[count];
            int[] ends = new int[count];
            int prev = offset(offs, offSize);
            for (int i = 0; i < count; i++) {
                int next = offset(offs + (i + 1) * offSize, offSize);
                starts[i] = base + prev;
                ends[i] = base + next;
                if (next < prev || ends[i] > d.length) {
                    throw new IllegalArgumentException("bad INDEX");
                }
                prev = next;
            }
            return new Index(starts, ends, ends[count - 1]);
        }

        List<byte[]> items(Index index) {
            List<byte[]> list = new ArrayList<>(index.count());
            for (int i = 0; i < index.count(); i++) {
                list.add(index.item(d, i));
            }
            return list;
        }

        List<Entry> dict(int from, int to) {
            List<Entry> entries = new ArrayList<>();
            List<Number> operands = new ArrayList<>();
            int operandStart = from;
            int p = from;
            while (p < to) {
                int b0 = card8(p);
                if (b0 <= 21) {
                    int op = b0;
                    int next = p + 1;
                    if (b0 == 12) {
                        op = 1200 + card8(p + 1);
                        next = p + 2;
                    }
                    entries.add(new Entry(op, Arrays.copyOfRange(d, operandStart, p), operands));
                    operands = new ArrayList<>();
                    p = next;
                    operandStart = p;
                } else if (b0 == 28) {
                    operands.add((int) (short) card16(p + 1));
                    p += 3;
                } else if (b0 == 29) {
                    operands.add((card16(p + 1) << 16) | card16(p + 3));
                    p += 5;
                } else if (b0 == 30) {
                    p++;
                    while ((card8(p) & 0x0f) != 0x0f && (card8(p) & 0xf0) != 0xf0) {
                        p++;
                    }
                    p++;
                    operands.add(Double.NaN); // reals are kept as raw bytes; no offset is ever a real
                } else if (b0 >= 32 && b0 <= 246) {
                    operands.add(b0 - 139);
                    p += 1;
                } else if (b0 >= 247 && b0 <= 250) {
                    operands.add((b0 - 247) * 256 + card8(p + 1) + 108);
                    p += 2;
                } else if (b0 >= 251 && b0 <= 254) {
                    operands.add(-(b0 - 251) * 256 - card8(p + 1) - 108);
                    p += 2;
                } else {
                    throw new IllegalArgumentException("bad DICT byte " + b0);
                }
            }
            return entries;
        }

        static Map<Integer, Entry> byOp(List<Entry> entries) {
            Map<Integer, Entry> m = new LinkedHashMap<>();
            entries.forEach(e -> m.put(e.op(), e));
            return m;
        }

        static int intOperand(Map<Integer, Entry> dict, int op, int i) {
            Entry e = dict.get(op);
            if (e == null || e.operands().size() <= i || !(e.operands().get(i) instanceof Integer)) {
                throw new IllegalArgumentException("missing operator " + op);
            }
            return e.operands().get(i).intValue();
        }

        /** gid → cid from a charset (formats 0, 1, 2). */
        int[] charset(int p, int nGlyphs) {
            int[] cids = new int[nGlyphs];
            int format = card8(p);
            p++;
            int gid = 1;
            if (format == 0) {
                for (; gid < nGlyphs; gid++, p += 2) {
                    cids[gid] = card16(p);
                }
            } else if (format == 1 || format == 2) {
                while (gid < nGlyphs) {
                    int first = card16(p);
                    int left = format == 1 ? card8(p + 2) : card16(p + 2);
                    p += format == 1 ? 3 : 4;
                    for (int i = 0; i <= left && gid < nGlyphs; i++) {
                        cids[gid++] = first + i;
                    }
                }
            } else {
                throw new IllegalArgumentException("charset format " + format);
            }
            return cids;
        }

        /** gid → font dictionary from an FDSelect (formats 0, 3). */
        int[] fdSelect(int p, int nGlyphs) {
            int[] fds = new int[nGlyphs];
            int format = card8(p);
            if (format == 0) {
                for (int g = 0; g < nGlyphs; g++) {
                    fds[g] = card8(p + 1 + g);
                }
            } else if (format == 3) {
                int ranges = card16(p + 1);
                int r = p + 3;
                for (int i = 0; i < ranges; i++, r += 3) {
                    int first = card16(r);
                    int fd = card8(r + 2);
                    int next = card16(r + 3);
                    for (int g = first; g < next && g < nGlyphs; g++) {
                        fds[g] = fd;
                    }
                }
            } else {
                throw new IllegalArgumentException("FDSelect format " + format);
            }
            return fds;
        }

        byte[] compact(BitSet usedCids) {
            if (card8(0) != 1) {
                return null;
            }
            int hdrSize = card8(2);
            Index names = index(hdrSize);
            Index tops = index(names.end());
            Index strings = index(tops.end());
            Index gsubrs = index(strings.end());
            if (tops.count() != 1) {
                return null;
            }
            List<Entry> top = dict(tops.starts()[0], tops.ends()[0]);
            Map<Integer, Entry> topOps = byOp(top);
            if (!topOps.containsKey(OP_ROS) || !topOps.containsKey(OP_FDARRAY) || !topOps.containsKey(OP_FDSELECT)
                    || topOps.containsKey(OP_ENCODING)) {
                return null;
            }
            Index chars = index(intOperand(topOps, OP_CHARSTRINGS, 0));
            int nGlyphs = chars.count();
            int[] cids = charset(intOperand(topOps, OP_CHARSET, 0), nGlyphs);
            int[] fds = fdSelect(intOperand(topOps, OP_FDSELECT, 0), nGlyphs);
            Index fdArray = index(intOperand(topOps, OP_FDARRAY, 0));

            List<Integer> kept = new ArrayList<>();
            kept.add(0);
            for (int g = 1; g < nGlyphs; g++) {
                if (usedCids.get(cids[g])) {
                    kept.add(g);
                }
            }
            if (kept.size() * 2 > nGlyphs) {
                return null; // nothing worth the rewrite
            }
            int[] newFd = new int[fdArray.count()];
            Arrays.fill(newFd, -1);
            List<Integer> keptFds = new ArrayList<>();
            for (int g : kept) {
                int fd = fds[g];
                if (fd >= fdArray.count()) {
                    throw new IllegalArgumentException("FDSelect out of range");
                }
                if (newFd[fd] < 0) {
                    newFd[fd] = keptFds.size();
                    keptFds.add(fd);
                }
            }

            // the font dictionaries kept, each with its Private DICT and local subroutines
            List<List<Entry>> fdDicts = new ArrayList<>();
            List<List<Entry>> privates = new ArrayList<>();
            List<List<byte[]>> localSubrs = new ArrayList<>();
            for (int fd : keptFds) {
                List<Entry> fdDict = dict(fdArray.starts()[fd], fdArray.ends()[fd]);
                Map<Integer, Entry> fdOps = byOp(fdDict);
                if (!fdOps.containsKey(OP_PRIVATE)) {
                    // the PDF library's subsetter empties the dictionaries of glyphs it did not keep; glyph 0 can
                    // point at one: it stays as the input had it
                    fdDicts.add(fdDict);
                    privates.add(null);
                    localSubrs.add(null);
                    continue;
                }
                int privSize = intOperand(fdOps, OP_PRIVATE, 0);
                int privOffset = intOperand(fdOps, OP_PRIVATE, 1);
                List<Entry> priv = dict(privOffset, privOffset + privSize);
                Map<Integer, Entry> privOps = byOp(priv);
                List<byte[]> subrs = null;
                if (privOps.containsKey(OP_SUBRS)) {
                    subrs = items(index(privOffset + intOperand(privOps, OP_SUBRS, 0)));
                }
                fdDicts.add(fdDict);
                privates.add(priv);
                localSubrs.add(subrs);
            }

            // layout: header, name, top dict, strings, global subrs, charset, FDSelect, CharStrings, FDArray,
            // then each Private DICT followed by its subroutines
            byte[] header = Arrays.copyOfRange(d, 0, hdrSize);
            byte[] nameIndex = Arrays.copyOfRange(d, hdrSize, names.end());
            byte[] stringIndex = Arrays.copyOfRange(d, tops.end(), strings.end());
            byte[] charset = charsetFormat0(kept, cids);
            byte[] fdSelect = fdSelectFormat3(kept, fds, newFd);
            List<byte[]> glyphs = new ArrayList<>();
            int[] glyphFd = new int[kept.size()];
            for (int i = 0; i < kept.size(); i++) {
                glyphs.add(chars.item(d, kept.get(i)));
                glyphFd[i] = newFd[fds[kept.get(i)]];
            }
            List<byte[]> globalSubrs = items(gsubrs);
            // the subroutines the kept glyphs call, renumbered densely; kept whole where the charstrings use
            // what this reader does not follow
            Optional<Subroutines.Result> renumbered = Subroutines.renumber(glyphs, glyphFd, globalSubrs, localSubrs);
            if (renumbered.isPresent()) {
                glyphs = renumbered.get().glyphs();
                globalSubrs = renumbered.get().global();
                localSubrs = renumbered.get().local();
            }
            byte[] gsubrIndex = writeIndex(globalSubrs);
            byte[] charStrings = writeIndex(glyphs);
            List<byte[]> localIndexes = new ArrayList<>();
            localSubrs.forEach(l -> localIndexes.add(l == null ? null : writeIndex(l)));

            List<byte[]> privBytes = new ArrayList<>();
            for (int i = 0; i < keptFds.size(); i++) {
                privBytes.add(privates.get(i) == null ? new byte[0]
                        : writeDict(privates.get(i), Map.of(OP_SUBRS, new int[] {0})));
            }
            // the Private DICT's Subrs offset is its own length (the subroutines follow it)
            for (int i = 0; i < keptFds.size(); i++) {
                if (localIndexes.get(i) != null) {
                    int len = privBytes.get(i).length;
                    privBytes.set(i, writeDict(privates.get(i), Map.of(OP_SUBRS, new int[] {len})));
                }
            }
            int topDictSize = writeDict(top, fixedTop(0, 0, 0, 0)).length;
            int topIndexSize = writeIndex(List.of(new byte[topDictSize])).length;
            int fdArraySize = writeIndex(fdItems(fdDicts, privBytes, new int[keptFds.size()])).length;

            int at = header.length + nameIndex.length + topIndexSize + stringIndex.length + gsubrIndex.length;
            int charsetAt = at;
            int fdSelectAt = charsetAt + charset.length;
            int charStringsAt = fdSelectAt + fdSelect.length;
            int fdArrayAt = charStringsAt + charStrings.length;
            int[] privAt = new int[keptFds.size()];
            int p = fdArrayAt + fdArraySize;
            for (int i = 0; i < keptFds.size(); i++) {
                privAt[i] = p;
                p += privBytes.get(i).length + (localIndexes.get(i) == null ? 0 : localIndexes.get(i).length);
            }
            byte[] topDict = writeDict(top, fixedTop(charsetAt, charStringsAt, fdArrayAt, fdSelectAt));
            byte[] fdArrayIndex = writeIndex(fdItems(fdDicts, privBytes, privAt));
            if (topDict.length != topDictSize || fdArrayIndex.length != fdArraySize) {
                throw new IllegalStateException("layout changed while writing");
            }

            ByteArrayOutputStream out = new ByteArrayOutputStream(p);
            out.writeBytes(header);
            out.writeBytes(nameIndex);
            out.writeBytes(writeIndex(List.of(topDict)));
            out.writeBytes(stringIndex);
            out.writeBytes(gsubrIndex);
            out.writeBytes(charset);
            out.writeBytes(fdSelect);
            out.writeBytes(charStrings);
            out.writeBytes(fdArrayIndex);
            for (int i = 0; i < keptFds.size(); i++) {
                out.writeBytes(privBytes.get(i));
                if (localIndexes.get(i) != null) {
                    out.writeBytes(localIndexes.get(i));
                }
            }
            if (out.size() != p) {
                throw new IllegalStateException("layout mismatch");
            }
            return out.toByteArray();
        }

        private static Map<Integer, int[]> fixedTop(int charset, int charStrings, int fdArray, int fdSelect) {
            return Map.of(OP_CHARSET, new int[] {charset}, OP_CHARSTRINGS, new int[] {charStrings},
                    OP_FDARRAY, new int[] {fdArray}, OP_FDSELECT, new int[] {fdSelect});
        }

        private static List<byte[]> fdItems(List<List<Entry>> fdDicts, List<byte[]> privBytes, int[] privAt) {
            List<byte[]> items = new ArrayList<>();
            for (int i = 0; i < fdDicts.size(); i++) {
                items.add(writeDict(fdDicts.get(i), privBytes.get(i).length == 0 ? Map.of()
                        : Map.of(OP_PRIVATE, new int[] {privBytes.get(i).length, privAt[i]})));
            }
            return items;
        }
    }

    private static byte[] charsetFormat0(List<Integer> kept, int[] cids) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        for (int i = 1; i < kept.size(); i++) {
            int cid = cids[kept.get(i)];
            out.write(cid >> 8);
            out.write(cid);
        }
        return out.toByteArray();
    }

    private static byte[] fdSelectFormat3(List<Integer> kept, int[] fds, int[] newFd) {
        List<int[]> ranges = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            int fd = newFd[fds[kept.get(i)]];
            if (ranges.isEmpty() || ranges.get(ranges.size() - 1)[1] != fd) {
                ranges.add(new int[] {i, fd});
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(3);
        out.write(ranges.size() >> 8);
        out.write(ranges.size());
        for (int[] r : ranges) {
            out.write(r[0] >> 8);
            out.write(r[0]);
            out.write(r[1]);
        }
        out.write(kept.size() >> 8);
        out.write(kept.size());
        return out.toByteArray();
    }

    /**
     * A DICT with the operands of {@code replaced} operators written as 5-byte integers (so that sizes do not depend
     * on the offsets they hold); every other entry is copied byte for byte.
     */
    private static byte[] writeDict(List<Entry> entries, Map<Integer, int[]> replaced) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Entry e : entries) {
            int[] values = replaced.get(e.op());
            if (values != null) {
                for (int v : values) {
                    out.write(29);
                    out.write(v >>> 24);
                    out.write(v >>> 16);
                    out.write(v >>> 8);
                    out.write(v);
                }
            } else {
                out.writeBytes(e.raw());
            }
            if (e.op() >= 1200) {
                out.write(12);
                out.write(e.op() - 1200);
            } else {
                out.write(e.op());
            }
        }
        return out.toByteArray();
    }

    private static byte[] writeIndex(List<byte[]> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int count = items.size();
        out.write(count >> 8);
        out.write(count);
        if (count == 0) {
            return out.toByteArray();
        }
        int total = items.stream().mapToInt(b -> b.length).sum() + 1;
        int offSize = total < 0x100 ? 1 : total < 0x10000 ? 2 : total < 0x1000000 ? 3 : 4;
        out.write(offSize);
        int offset = 1;
        for (int i = 0; i <= count; i++) {
            for (int s = offSize - 1; s >= 0; s--) {
                out.write(offset >>> (8 * s));
            }
            if (i < count) {
                offset += items.get(i).length;
            }
        }
        items.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
