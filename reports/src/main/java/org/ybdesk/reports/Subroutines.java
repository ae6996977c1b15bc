package org.ybdesk.reports;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The subroutines a set of Type 2 charstrings calls, renumbered densely (for {@link CffCompactor}). A CJK face's
 * ideograph dictionary has ~26,000 local subroutines behind 3-byte offsets; a page calls a few hundred.
 *
 * <p>Each charstring is followed as a Type 2 interpreter would, as far as the structure needs: operands counted (stem
 * hints decide how many bytes a {@code hintmask} takes), every {@code callsubr}/{@code callgsubr} entered, so that
 * the subroutines used are found and each call's operand is rewritten to the new number. Charstrings using what is
 * not followed here (arithmetic operators, a global subroutine that calls local ones for glyphs of two font
 * dictionaries) leave everything as it was (empty result).
 */
final class Subroutines {
    private static final int MAX_DEPTH = 10;

    /** The charstrings and subroutines rewritten: glyphs in their order, global and per-dictionary subroutines. */
    record Result(List<byte[]> glyphs, List<byte[]> global, List<List<byte[]>> local) {
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    /** Interpreter state that crosses calls: operands on the stack, stem hints so far, glyph ended. */
    private static final class State {
        int stack;
        int stems;
        boolean ended;

        State(int stack, int stems) {
            this.stack = stack;
            this.stems = stems;
        }
    }

    private final List<byte[]> global;
    private final List<List<byte[]>> local;
    private final BitSet usedGlobal = new BitSet();
    private final BitSet[] usedLocal;
    /** The state at a subroutine's first call, to read its hint masks when it is rewritten alone. */
    private final int[][] globalEntry;
    private final int[][][] localEntry;
    /** The dictionary whose local subroutines a global subroutine calls (-1: none seen yet). */
    private final int[] globalFd;
    private int[] newGlobal;
    private int[][] newLocal;

    private Subroutines(List<byte[]> global, List<List<byte[]>> local) {
        this.global = global;
        this.local = local;
        this.usedLocal = new BitSet[local.size()];
        this.localEntry = new int[local.size()][][];
        for (int i = 0; i < local.size(); i++) {
            usedLocal[i] = new BitSet();
            localEntry[i] = new int[local.get(i) == null ? 0 : local.get(i).size()][];
        }
        this.globalEntry = new int[global.size()][];
        this.globalFd = new int[global.size()];
        Arrays.fill(globalFd, -1);
    }

    static Optional<Result> renumber(List<byte[]> glyphs, int[] glyphFd, List<byte[]> global,
                                     List<List<byte[]>> local) {
        try {
            Subroutines s = new Subroutines(global, local);
            for (int g = 0; g < glyphs.size(); g++) {
                s.walk(glyphs.get(g), glyphFd[g], new State(0, 0), null, new ArrayDeque<>(), 0);
            }
            s.numbering();
            List<byte[]> newGlyphs = new ArrayList<>();
            for (int g = 0; g < glyphs.size(); g++) {
                newGlyphs.add(s.emit(glyphs.get(g), glyphFd[g], new State(0, 0)));
            }
            List<byte[]> newGlobal = new ArrayList<>();
            for (int i = s.usedGlobal.nextSetBit(0); i >= 0; i = s.usedGlobal.nextSetBit(i + 1)) {
                int[] entry = s.globalEntry[i];
                newGlobal.add(s.emit(global.get(i), Math.max(s.globalFd[i], entry[2]), new State(entry[0], entry[1])));
            }
            List<List<byte[]>> newLocal = new ArrayList<>();
            for (int fd = 0; fd < local.size(); fd++) {
                if (local.get(fd) == null) {
                    newLocal.add(null);
                    continue;
                }
                List<byte[]> subrs = new ArrayList<>();
                for (int i = s.usedLocal[fd].nextSetBit(0); i >= 0; i = s.usedLocal[fd].nextSetBit(i + 1)) {
                    int[] entry = s.localEntry[fd][i];
                    subrs.add(s.emit(local.get(fd).get(i), fd, new State(entry[0], entry[1])));
                }
                newLocal.add(subrs);
            }
            return Optional.of(new Result(newGlyphs, newGlobal, newLocal));
        } catch (Unsupported | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    static int bias(int count) {
        return count < 1240 ? 107 : count < 33900 ? 1131 : 32768;
    }

    private void numbering() {
        newGlobal = dense(usedGlobal, global.size());
        newLocal = new int[local.size()][];
        for (int fd = 0; fd < local.size(); fd++) {
            newLocal[fd] = dense(usedLocal[fd], local.get(fd) == null ? 0 : local.get(fd).size());
        }
    }

    private static int[] dense(BitSet used, int size) {
        int[] map = new int[size];
        Arrays.fill(map, -1);
        int n = 0;
        for (int i = used.nextSetBit(0); i >= 0; i = used.nextSetBit(i + 1)) {
            map[i] = n++;
        }
        return map;
    }

    private byte[] emit(byte[] cs, int fd, State st) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(cs.length + 8);
        walk(cs, fd, st, out, new ArrayDeque<>(), 0);
        return out.toByteArray();
    }

    /**
     * Follows one charstring (and the subroutines it calls) from {@code st}; with {@code out}, writes this
     * charstring's bytes with each call's operand renumbered.
     */
    private void walk(byte[] cs, int fd, State st, ByteArrayOutputStream out, Deque<Integer> globals, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Unsupported("subroutines nested too deep");
        }
        int p = 0;
        int lastNumber = 0;
        int lastNumberAt = -1;
        boolean lastWasInteger = false;
        while (p < cs.length && !st.ended) {
            int b = cs[p] & 0xff;
            if (b >= 32 || b == 28) {
                int len;
                lastWasInteger = true;
                if (b == 28) {
                    lastNumber = (short) (((cs[p + 1] & 0xff) << 8) | (cs[p + 2] & 0xff));
                    len = 3;
                } else if (b <= 246) {
                    lastNumber = b - 139;
                    len = 1;
                } else if (b <= 250) {
                    lastNumber = (b - 247) * 256 + (cs[p + 1] & 0xff) + 108;
                    len = 2;
                } else if (b <= 254) {
                    lastNumber = -(b - 251) * 256 - (cs[p + 1] & 0xff) - 108;
                    len = 2;
                } else {
                    lastWasInteger = false; // 16.16 fixed: never a subroutine number
                    len = 5;
                }
                if (out != null) {
                    lastNumberAt = out.size();
                    out.write(cs, p, len);
                }
                st.stack++;
                p += len;
                continue;
            }
            switch (b) {
                case 10, 29 -> {
                    if (!lastWasInteger) {
                        throw new Unsupported("computed subroutine number");
                    }
                    st.stack--;
                    boolean isGlobal = b == 29;
                    List<byte[]> set = isGlobal ? global : local.get(fd);
                    if (set == null) {
                        throw new Unsupported("no local subroutines");
                    }
                    int index = lastNumber + bias(set.size());
                    if (index < 0 || index >= set.size()) {
                        throw new Unsupported("subroutine out of range");
                    }
                    if (isGlobal) {
                        if (!usedGlobal.get(index)) {
                            usedGlobal.set(index);
                            globalEntry[index] = new int[] {st.stack, st.stems, fd};
                        }
                        globals.push(index);
                    } else {
                        for (int g : globals) {
                            if (globalFd[g] >= 0 && globalFd[g] != fd) {
                                throw new Unsupported("global subroutine calls two dictionaries' locals");
                            }
                            globalFd[g] = fd;
                        }
                        if (!usedLocal[fd].get(index)) {
                            usedLocal[fd].set(index);
                            localEntry[fd][index] = new int[] {st.stack, st.stems};
                        }
                    }
                    walk(set.get(index), fd, st, null, globals, depth + 1);
                    if (isGlobal) {
                        globals.pop();
                    }
                    if (out != null) {
                        byte[] bytes = out.toByteArray();
                        out.reset();
                        out.write(bytes, 0, lastNumberAt);
                        int renumbered = isGlobal ? newGlobal[index] : newLocal[fd][index];
                        int count = isGlobal ? usedGlobal.cardinality() : usedLocal[fd].cardinality();
                        writeInteger(out, renumbered - bias(count));
                        out.write(b);
                    }
                    p++;
                }
                case 11 -> { // return
                    if (out != null) {
                        out.write(b);
                    }
                    return;
                }
                case 14 -> { // endchar
                    if (out != null) {
                        out.write(b);
                    }
                    st.ended = true;
                    return;
                }
                case 1, 3, 18, 23 -> { // hstem, vstem, hstemhm, vstemhm
                    st.stems += st.stack / 2;
                    st.stack = 0;
                    if (out != null) {
                        out.write(b);
                    }
                    p++;
                }
                case 19, 20 -> { // hintmask, cntrmask: an implied vstem, then one bit per stem
                    st.stems += st.stack / 2;
                    st.stack = 0;
                    int n = 1 + (st.stems + 7) / 8;
                    if (out != null) {
                        out.write(cs, p, n);
                    }
                    p += n;
                }
                case 12 -> {
                    int op = cs[p + 1] & 0xff;
                    if (op < 34 || op > 37) { // only hflex, flex, hflex1, flex1 are followed
                        throw new Unsupported("escape operator " + op);
                    }
                    st.stack = 0;
                    if (out != null) {
                        out.write(cs, p, 2);
                    }
                    p += 2;
                }
                case 4, 5, 6, 7, 8, 21, 22, 24, 25, 26, 27, 30, 31 -> { // path operators
                    st.stack = 0;
                    if (out != null) {
                        out.write(b);
                    }
                    p++;
                }
                default -> throw new Unsupported("operator " + b);
            }
            lastWasInteger = false;
        }
    }

    private static void writeInteger(ByteArrayOutputStream out, int v) {
        if (v >= -107 && v <= 107) {
            out.write(v + 139);
        } else if (v >= 108 && v <= 1131) {
            int w = v - 108;
            out.write((w >> 8) + 247);
            out.write(w & 0xff);
        } else if (v >= -1131 && v <= -108) {
            int w = -v - 108;
            out.write((w >> 8) + 251);
            out.write(w & 0xff);
        } else {
            out.write(28);
            out.write((v >> 8) & 0xff);
            out.write(v & 0xff);
        }
    }
}
