package io.khulasa.chunking;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.PriorityQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the tokens a tiktoken byte-pair encoding ({@code o200k_base}, {@code cl100k_base}, …) gives a text, without
 * special tokens, from the encoding's merge ranks held in three flat arrays.
 * <p>
 * <b>Why not jtokkit's encoder.</b> jtokkit keeps a rank table as two hash maps of boxed keys and values (200,000
 * entries each for {@code o200k_base}): about 30 MB of live heap, a fifth of what khulasa holds with 1,000 requests
 * waiting on the model, for a count that needs only "is this byte string a token, and of which rank". Here the token
 * bytes sit in one array, their offsets in another, and an open-addressing table of ranks keyed by a hash of the bytes
 * finds them: about 6 MB. The pre-tokenizer is the encoding's own regular expression (the same one jtokkit compiles),
 * and the merge loop is tiktoken's: the adjacent pair whose bytes have the lowest rank is merged first, the leftmost
 * on a tie, until no pair is a token. {@code BytePairCounterTest} checks the counts against jtokkit's.
 * <p>
 * Thread-safe: immutable once loaded.
 */
final class BytePairCounter {

    /** tiktoken's o200k_base pre-tokenizer (GPT-4o), as jtokkit compiles it. */
    static final String O200K_PATTERN = String.join("|",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "\\p{N}{1,3}",
            " ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*",
            "\\s*[\\r\\n]+",
            "\\s+(?!\\S)",
            "\\s+");
    /** tiktoken's cl100k_base pre-tokenizer (GPT-4, GPT-3.5). */
    static final String CL100K_PATTERN =
            "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    /** tiktoken's r50k_base and p50k_base pre-tokenizer (GPT-2, GPT-3). */
    static final String R50K_PATTERN = "'(?:[sdmt]|ll|ve|re)| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";

    /** Longer pieces are merged with a heap (n log n) instead of rescanning every pair after each merge (n²). */
    private static final int SHORT_PIECE = 64;
    private static final int NONE = Integer.MAX_VALUE;

    private final String name;
    private final Pattern pieces;
    /** Every token's bytes, one after the other, in rank order. */
    private final byte[] tokenBytes;
    /** Token of rank r: {@code tokenBytes[offsets[r] .. offsets[r + 1])}; a rank the file skips is empty. */
    private final int[] offsets;
    /** Open addressing: rank + 1 of the token whose bytes hash to the slot (0: empty), and that hash. */
    private final int[] slots;
    private final int[] slotHashes;
    private final int mask;

    private BytePairCounter(String name, Pattern pieces, byte[] tokenBytes, int[] offsets) {
        this.name = name;
        this.pieces = pieces;
        this.tokenBytes = tokenBytes;
        this.offsets = offsets;
        int ranks = offsets.length - 1;
        int capacity = Integer.highestOneBit(Math.max(16, ranks * 2) - 1) << 1;
        this.slots = new int[capacity];
        this.slotHashes = new int[capacity];
        this.mask = capacity - 1;
        for (int rank = 0; rank < ranks; rank++) {
            int from = offsets[rank];
            int to = offsets[rank + 1];
            if (to == from) {
                continue;
            }
            int h = hash(tokenBytes, from, to);
            int i = h & mask;
            while (slots[i] != 0) {
                i = (i + 1) & mask;
            }
            slots[i] = rank + 1;
            slotHashes[i] = h;
        }
    }

    /**
     * Loads an encoding from its tiktoken rank file (one {@code <base64 token> <rank>} per line).
     *
     * @param name     the encoding's name, for messages
     * @param ranks    the rank file
     * @param pattern  the encoding's pre-tokenizer
     */
    static BytePairCounter load(String name, InputStream ranks, String pattern) {
        byte[][] byRank = new byte[1 << 12][];
        int maxRank = -1;
        int total = 0;
        Base64.Decoder base64 = Base64.getDecoder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(ranks, StandardCharsets.US_ASCII))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                int space = line.indexOf(' ');
                if (space <= 0) {
                    throw new IllegalStateException("Invalid line in the " + name + " rank file: " + line);
                }
                byte[] token = base64.decode(line.substring(0, space));
                int rank = Integer.parseInt(line.substring(space + 1).strip());
                if (rank >= byRank.length) {
                    byRank = Arrays.copyOf(byRank, Math.max(rank + 1, byRank.length * 2));
                }
                byRank[rank] = token;
                maxRank = Math.max(maxRank, rank);
                total += token.length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the " + name + " rank file", e);
        }
        byte[] tokenBytes = new byte[total];
        int[] offsets = new int[maxRank + 2];
        int at = 0;
        for (int rank = 0; rank <= maxRank; rank++) {
            offsets[rank] = at;
            byte[] token = byRank[rank];
            if (token != null) {
                System.arraycopy(token, 0, tokenBytes, at, token.length);
                at += token.length;
            }
        }
        offsets[maxRank + 1] = at;
        return new BytePairCounter(name, compile(pattern), tokenBytes, offsets);
    }

    /** As jtokkit compiles it: Unicode character classes, unless this JVM's regex engine refuses them. */
    private static Pattern compile(String pattern) {
        try {
            return Pattern.compile(pattern, Pattern.UNICODE_CHARACTER_CLASS);
        } catch (IllegalArgumentException e) {
            return Pattern.compile(pattern);
        }
    }

    String name() {
        return name;
    }

    /** Tokens in the rank table (for tests). */
    int size() {
        int n = 0;
        for (int s : slots) {
            n += s == 0 ? 0 : 1;
        }
        return n;
    }

    /** @return the number of tokens the encoding gives {@code text}, special-token text counted as plain text */
    int count(CharSequence text) {
        Matcher m = pieces.matcher(text);
        byte[] buffer = new byte[64];
        int total = 0;
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            if (buffer.length < (end - start) * 3) {
                buffer = new byte[(end - start) * 3];
            }
            total += countPiece(buffer, utf8(text, start, end, buffer));
        }
        return total;
    }

    /** Encodes {@code text[start, end)} as UTF-8 into {@code out} (3 bytes per char at most); @return the length. */
    private static int utf8(CharSequence text, int start, int end, byte[] out) {
        int n = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | c >> 6);
                out[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                out[n++] = (byte) (0xF0 | cp >> 18);
                out[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                out[n++] = '?'; // a lone surrogate: what String.getBytes(UTF_8) writes for it
            } else {
                out[n++] = (byte) (0xE0 | c >> 12);
                out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return n;
    }

    /** Tokens of one pre-tokenizer piece, {@code piece[0, length)}. */
    private int countPiece(byte[] piece, int length) {
        if (length <= 1 || rank(piece, 0, length) != NONE) {
            return length == 0 ? 0 : 1;
        }
        return length <= SHORT_PIECE ? mergeShort(piece, length) : mergeLong(piece, length);
    }

    /**
     * tiktoken's {@code _byte_pair_merge}: {@code starts[i]} is where part i begins, {@code ranks[i]} the rank of part i
     * joined with part i + 1. The lowest rank is merged (the leftmost of equals) until no pair is a token.
     */
    private int mergeShort(byte[] piece, int length) {
        int[] starts = new int[length + 1];
        int[] ranks = new int[length + 1];
        for (int i = 0; i <= length; i++) {
            starts[i] = i;
            ranks[i] = i + 2 <= length ? rank(piece, i, i + 2) : NONE;
        }
        int parts = length; // parts are starts[0 .. parts), starts[parts] == length
        while (true) {
            int best = NONE;
            int at = -1;
            for (int i = 0; i < parts - 1; i++) {
                if (ranks[i] < best) {
                    best = ranks[i];
                    at = i;
                }
            }
            if (at < 0) {
                return parts;
            }
            // part at absorbs part at + 1
            System.arraycopy(starts, at + 2, starts, at + 1, parts - at - 1);
            System.arraycopy(ranks, at + 2, ranks, at + 1, parts - at - 1);
            parts--;
            ranks[at] = at + 2 <= parts ? rank(piece, starts[at], starts[at + 2]) : NONE;
            if (at > 0) {
                ranks[at - 1] = rank(piece, starts[at - 1], starts[at + 1]);
            }
        }
    }

    /** The same merges for a long piece: parts in a linked list, candidate pairs in a heap by (rank, position). */
    private int mergeLong(byte[] piece, int length) {
        int[] next = new int[length + 1];
        int[] prev = new int[length + 1];
        int[] pairRank = new int[length + 1]; // rank of the pair starting at part i, as last computed
        boolean[] gone = new boolean[length + 1];
        PriorityQueue<long[]> heap = new PriorityQueue<>(length, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : Long.compare(a[1], b[1]));
        for (int i = 0; i <= length; i++) {
            next[i] = i + 1;
            prev[i] = i - 1;
        }
        for (int i = 0; i + 2 <= length; i++) {
            pairRank[i] = rank(piece, i, i + 2);
            if (pairRank[i] != NONE) {
                heap.add(new long[] {pairRank[i], i});
            }
        }
        int parts = length;
        while (!heap.isEmpty()) {
            long[] top = heap.poll();
            int i = (int) top[1];
            if (gone[i] || pairRank[i] != top[0] || next[i] >= length) {
                continue; // a stale entry: its pair changed since
            }
            int j = next[i];
            gone[j] = true;
            next[i] = next[j];
            if (next[j] <= length) {
                prev[next[j]] = i;
            }
            parts--;
            pairRank[i] = next[i] < length ? rank(piece, i, next[next[i]]) : NONE;
            if (pairRank[i] != NONE) {
                heap.add(new long[] {pairRank[i], i});
            }
            int p = prev[i];
            if (p >= 0) {
                pairRank[p] = rank(piece, p, next[i]);
                if (pairRank[p] != NONE) {
                    heap.add(new long[] {pairRank[p], p});
                }
            }
        }
        return parts;
    }

    /** The rank of the token {@code piece[from, to)}, or {@link #NONE} when it is not one. */
    private int rank(byte[] piece, int from, int to) {
        int h = hash(piece, from, to);
        int length = to - from;
        for (int i = h & mask; slots[i] != 0; i = (i + 1) & mask) {
            if (slotHashes[i] == h) {
                int r = slots[i] - 1;
                int start = offsets[r];
                if (offsets[r + 1] - start == length
                        && Arrays.equals(tokenBytes, start, start + length, piece, from, to)) {
                    return r;
                }
            }
        }
        return NONE;
    }

    private static int hash(byte[] bytes, int from, int to) {
        int h = 0x811C9DC5;
        for (int i = from; i < to; i++) {
            h = (h ^ (bytes[i] & 0xFF)) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
