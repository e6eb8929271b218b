package io.khulasa.chunking;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * {@link TokenEstimator}'s word cache: the token count of each short segment seen, kept in one {@code long[]}, each
 * slot a segment's 64-bit fingerprint with its count in the low 16 bits.
 * <p>
 * <b>Why not a hash map.</b> Over distinct articles most look-ups of a {@code ConcurrentHashMap<Segment, Integer>} went
 * to main memory four times in a row (the table, the node, the key, the key's characters): 7 % of a summary request's
 * CPU samples were that map's {@code get} (issue 20's profile over 72 BBC articles, {@code PROFILE_ROTATE=1
 * bench/profile.sh}), and the 50,000 entries it kept took some 8 MB. Here a look-up reads a few neighbouring slots of
 * one array (open addressing, {@value #PROBES} slots from the segment's own), and the whole cache is 1 MB.
 * <p>
 * <b>Fingerprints, not segments.</b> A slot keeps the high 48 bits of a fingerprint, so two different segments are
 * mistaken for one only when those agree: at most about 10⁻¹³ per look-up ({@value #PROBES} slots compared, each a
 * 2⁻⁴⁸ chance). The count is an estimate anyway (the served model may use another tokenizer), and such a mistake
 * would move it by a few tokens.
 * <p>
 * Bounded without bookkeeping: when a segment's {@value #PROBES} slots are all taken, it replaces the first of them.
 * Slots are never emptied, so no other segment's probe sequence is cut. Thread-safe: a slot is read and written whole
 * ({@link VarHandle} opaque access, atomic for a {@code long}); two writers racing for a slot lose one entry, never
 * mix two.
 */
final class SegmentCounts {

    /** Slots tried from a segment's own: 64 bytes, one or two cache lines. */
    static final int PROBES = 8;
    /** The low bits of a slot: the count plus one (0 is an empty slot). */
    private static final long COUNT_BITS = 0xFFFFL;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] slots;
    private final int mask;

    /** @param bits the table has {@code 2^bits} slots of 8 bytes */
    SegmentCounts(int bits) {
        this.slots = new long[1 << bits];
        this.mask = slots.length - 1;
    }

    /** The fingerprint of {@code text[start, end)}: FNV-1a over its characters, then a full 64-bit mix. */
    static long fingerprint(String text, int start, int end) {
        long h = 0xcbf29ce484222325L;
        for (int k = start; k < end; k++) {
            h = (h ^ text.charAt(k)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** @return the count stored for the segment with this fingerprint, or -1 when it is not known */
    int get(long fingerprint) {
        long tag = fingerprint & ~COUNT_BITS;
        int home = (int) fingerprint & mask;
        for (int p = 0; p < PROBES; p++) {
            long slot = (long) SLOT.getOpaque(slots, (home + p) & mask);
            if (slot == 0) {
                return -1;
            }
            if ((slot & ~COUNT_BITS) == tag) {
                return (int) (slot & COUNT_BITS) - 1;
            }
        }
        return -1;
    }

    /** Stores {@code count} (0 to 65,534) for the segment with this fingerprint. */
    void put(long fingerprint, int count) {
        if (count < 0 || count >= COUNT_BITS) {
            return; // not representable: counted again next time (a 48-character segment has at most ~150 tokens)
        }
        long tag = fingerprint & ~COUNT_BITS;
        long entry = tag | (count + 1);
        int home = (int) fingerprint & mask;
        for (int p = 0; p < PROBES; p++) {
            int at = (home + p) & mask;
            long slot = (long) SLOT.getOpaque(slots, at);
            if (slot == 0 || (slot & ~COUNT_BITS) == tag) {
                SLOT.setOpaque(slots, at, entry);
                return;
            }
        }
        SLOT.setOpaque(slots, home, entry);
    }

    /** How many slots are taken (for tests). */
    int size() {
        int n = 0;
        for (int i = 0; i < slots.length; i++) {
            if ((long) SLOT.getOpaque(slots, i) != 0) {
                n++;
            }
        }
        return n;
    }

    /** How many segments it can hold. */
    int capacity() {
        return slots.length;
    }
}
