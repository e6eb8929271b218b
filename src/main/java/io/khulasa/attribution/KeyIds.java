package io.khulasa.attribution;

/**
 * Key hash → key id ({@code 0, 1, 2, …} in order of first sight), an open-addressing table of primitive longs: the
 * article index registers thousands of keys per request, and boxed keys in a {@code HashMap} were a large share of
 * its time and allocation. Not thread-safe while it is being filled; read-only afterwards.
 */
final class KeyIds {

    /** Never a hash ({@link WordKeys#hash} is never 0). */
    private static final long EMPTY = 0;

    private long[] keys;
    private int[] ids;
    private int size;

    KeyIds(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new long[capacity];
        ids = new int[capacity];
    }

    /** @return the id of {@code hash}, registered with the next id when new */
    int idOf(long hash) {
        int i = slot(hash);
        if (keys[i] == EMPTY) {
            keys[i] = hash;
            ids[i] = size++;
            if (size * 2 > keys.length) {
                grow();
            }
            return size - 1;
        }
        return ids[i];
    }

    /** @return the id of {@code hash}, or -1 when it was never registered */
    int get(long hash) {
        int i = slot(hash);
        return keys[i] == EMPTY ? -1 : ids[i];
    }

    /** The slot that holds {@code hash}, or the empty slot where it would go (linear probing; never full). */
    private int slot(long hash) {
        int mask = keys.length - 1;
        int i = (int) hash & mask;
        while (keys[i] != hash && keys[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        return i;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldIds = ids;
        keys = new long[oldKeys.length * 2];
        ids = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = (int) oldKeys[j] & mask;
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                ids[i] = oldIds[j];
            }
        }
    }
}
