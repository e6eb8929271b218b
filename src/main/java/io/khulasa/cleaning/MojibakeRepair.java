package io.khulasa.cleaning;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Detects UTF-8 that was decoded as Windows-1256 («ط§ظ„ط³ظˆط±ظٹط©») or Windows-1252 («Ø§Ù„Ø³ÙˆØ±ÙŠØ©») and
 * recovers the original bytes line by line. Detection looks for the signature of two-byte Arabic UTF-8
 * sequences: a lead byte D8–DB followed by a continuation byte 80–BF, seen through the wrong code page.
 * A line that looks like mojibake but whose bytes do not decode as strict UTF-8 is rejected
 * ({@code mojibake-unrepairable}) rather than published garbled.
 */
final class MojibakeRepair {

    /** Share of non-ASCII characters that must belong to lead+continuation pairs to call a line mojibake. */
    private static final double PAIR_SHARE = 0.6;
    private static final int MIN_PAIRS = 3;
    private static final int MAX_ROUNDS = 3; // double-encoded text is repaired twice

    /** {@link #CLASSES} bits: a character {@link #looksLike} counts as non-ASCII, a continuation byte in cp1256, in cp1252. */
    private static final int NON_ASCII = 1;
    private static final int CONTINUATION_1256 = 2;
    private static final int CONTINUATION_1252 = 4;
    /**
     * {@link #CLASSES} fields of two bits: how many continuations the character's byte leads in cp1256 (bits 3–4) and in
     * cp1252 (bits 5–6), 0 when it leads none.
     */
    private static final int LEAD_1256 = 3;
    private static final int LEAD_1252 = 5;

    private static final CodePage CP1256 = new CodePage(Charset.forName("windows-1256"), CONTINUATION_1256, LEAD_1256);
    private static final CodePage CP1252 = new CodePage(Charset.forName("windows-1252"), CONTINUATION_1252, LEAD_1252);
    /** The code pages in the order a line is tested: a line that is mojibake in both is repaired through cp1256. */
    private static final CodePage[] PAGES = {CP1256, CP1252};
    /**
     * Per character from U+0080 on, its {@link #NON_ASCII}, continuation and lead bits: the gate and the full test
     * read one byte per character instead of each code page's table and its byte ranges.
     */
    private static final byte[] CLASSES = classes();
    /** One count of {@link #counts}: 21 bits, enough for a line of up to 2,097,151 characters. */
    private static final long FIELD = (1L << 21) - 1;

    String repair(String text, CleaningLog log) {
        String current = text;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            String next = repairOnce(current, log);
            if (next == current) {
                return current;
            }
            current = next;
        }
        return current;
    }

    private static String repairOnce(String text, CleaningLog log) {
        if (!mayContainMojibake(text)) {
            return text;
        }
        StringBuilder out = null;
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            CodePage page = garbledIn(text, start, end);
            if (page != null) {
                log.fire(RuleNames.MOJIBAKE);
                if (out == null) {
                    out = new StringBuilder(n).append(text, 0, start);
                }
                out.append(repairLine(text.substring(start, end), page));
            } else if (out != null) {
                out.append(text, start, end);
            }
            if (out != null && end < n) {
                out.append('\n');
            }
            start = end + 1;
        }
        return out == null ? text : out.toString();
    }

    /**
     * The code page through which the line {@code [start, end)} is mojibake ({@link #looksLike}, cp1256 first), or null.
     * The full test runs in a page only when one of two cheap signs says it may pass there: the line's first non-ASCII
     * character opens a sequence in that page ({@link #opening}), or one pass over the line counts what the page needs
     * ({@link #mayBe}, a necessary condition). Real Arabic shows neither (few of its characters are continuation bytes),
     * so it is counted once and never fully tested; a garbled line opens with a sequence, so it is tested without being
     * counted first, one pass instead of two. Either sign only decides whether to ask {@link #looksLike}, never the
     * answer. A line too long for the counts' fields (over two million characters) goes to the full test uncounted.
     */
    private static CodePage garbledIn(String text, int start, int end) {
        int opening = opening(text, start, end);
        long counts = -1; // not counted yet (a count never sets bit 63)
        for (CodePage page : PAGES) {
            if ((opening & page.continuationBit) == 0 && end - start <= FIELD) {
                if (counts < 0) {
                    counts = counts(text, start, end);
                }
                if (!mayBe(counts, page.continuationBit)) {
                    continue;
                }
            }
            if (looksLike(text, start, end, page)) {
                return page;
            }
        }
        return null;
    }

    /**
     * The continuation bits of the code pages in which the line's first character that {@link #looksLike} counts
     * opens a sequence (leads one and its continuations follow), 0 when it opens none or the line has none.
     */
    private static int opening(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            int bits = c < 0x80 ? 0 : CLASSES[c];
            if ((bits & NON_ASCII) == 0) {
                continue;
            }
            int opening = 0;
            for (CodePage page : PAGES) {
                int continuations = bits >> page.leadShift & 3;
                boolean opens = continuations > 0 && i + continuations < end;
                for (int k = 1; k <= continuations && opens; k++) {
                    char next = text.charAt(i + k);
                    opens = next >= 0x80 && (CLASSES[next] & page.continuationBit) != 0;
                }
                opening |= opens ? page.continuationBit : 0;
            }
            return opening;
        }
        return 0;
    }

    /** Cheap pre-check: a lead byte's character in either code page followed by a continuation's. */
    private static boolean mayContainMojibake(String s) {
        for (int i = 0; i + 1 < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 && (CP1256.byteOf(c) >= 0xC2 && CP1256.isContinuation(s.charAt(i + 1))
                    || CP1252.byteOf(c) >= 0xC2 && CP1252.isContinuation(s.charAt(i + 1)))) {
                return true;
            }
        }
        return false;
    }

    private static String repairLine(String line, CodePage page) {
        byte[] bytes = page.encode(line);
        String decoded = bytes == null ? null : strictUtf8(bytes);
        if (decoded == null) {
            throw new ArticleRejectedException(ArticleRejectedException.MOJIBAKE_UNREPAIRABLE,
                    "The text looks like UTF-8 decoded as " + page.name
                            + " but the original bytes cannot be recovered; resend it as UTF-8.");
        }
        return decoded;
    }

    /**
     * A line's characters as {@link #mayBe} reads them, in one pass and one {@link #CLASSES} look-up each, packed in a
     * long: the non-ASCII ones (bits 0–20), the continuation bytes of cp1256 (21–41) and of cp1252 (42–62).
     */
    private static long counts(String text, int from, int to) {
        long counts = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                int bits = CLASSES[c];
                counts += (bits & NON_ASCII) | (long) ((bits & CONTINUATION_1256) >> 1) << 21
                        | (long) ((bits & CONTINUATION_1252) >> 2) << 42;
            }
        }
        return counts;
    }

    /**
     * Whether a line of these {@link #counts} can pass {@link #looksLike} in the code page whose continuation bit is
     * {@code page}: a sequence holds at least one continuation and at most twice as many characters as continuations,
     * so it needs {@link #MIN_PAIRS} continuations and twice their number to reach {@link #PAIR_SHARE} of the non-ASCII
     * characters. A necessary condition, never a different answer: {@code MojibakeRepairTest} holds it to
     * {@link #looksLike}.
     */
    private static boolean mayBe(long counts, int page) {
        long nonAscii = counts & FIELD;
        long continuations = counts >>> (page == CONTINUATION_1256 ? 21 : 42) & FIELD;
        return continuations >= MIN_PAIRS && 2.0 * continuations >= PAIR_SHARE * nonAscii;
    }

    /** {@link #mayBe} for a line in either code page (for tests). */
    static boolean mayBeEither(String line) {
        if (line.length() > FIELD) {
            return true;
        }
        long counts = counts(line, 0, line.length());
        return mayBe(counts, CONTINUATION_1256) || mayBe(counts, CONTINUATION_1252);
    }

    /**
     * The code page a line is repaired through, as {@link #repairOnce} decides it ({@code "windows-1256"},
     * {@code "windows-1252"}), or null; and, with {@code plain}, as the full test alone decides it (for tests).
     */
    static String pageOf(String line, boolean plain) {
        CodePage page = !plain ? garbledIn(line, 0, line.length())
                : looksLike(line, 0, line.length(), CP1256) ? CP1256
                : looksLike(line, 0, line.length(), CP1252) ? CP1252 : null;
        return page == null ? null : page.name;
    }

    /** Whether {@link #looksLike} calls the line mojibake in either code page (for tests). */
    static boolean looksLikeEither(String line) {
        return looksLike(line, 0, line.length(), CP1256) || looksLike(line, 0, line.length(), CP1252);
    }

    private static byte[] classes() {
        byte[] classes = new byte[0x10000];
        for (int c = 0x80; c < 0x10000; c++) {
            char ch = (char) c;
            classes[c] = (byte) ((isWhitespaceAbove7F(ch) ? 0 : NON_ASCII)
                    | (CP1256.isContinuation(ch) ? CONTINUATION_1256 : 0)
                    | (CP1252.isContinuation(ch) ? CONTINUATION_1252 : 0)
                    | CP1256.leads(ch) << LEAD_1256 | CP1252.leads(ch) << LEAD_1252);
        }
        return classes;
    }

    /**
     * Counts characters that form well-formed UTF-8 multi-byte sequences once mapped back to bytes (lead C2–F4
     * plus the right number of 80–BF continuations). Real Arabic text seen through cp1256 has few such pairs
     * (a letter is rarely followed by punctuation from 80–BF); mojibake is made of nothing else.
     */
    private static boolean looksLike(String line, int from, int n, CodePage page) {
        int sequences = 0;
        int covered = 0;
        int nonAscii = 0;
        int continuationBit = page.continuationBit;
        int leadShift = page.leadShift;
        for (int i = from; i < n; i++) {
            char c = line.charAt(i);
            int bits = c < 0x80 ? 0 : CLASSES[c];
            if ((bits & NON_ASCII) == 0) {
                continue;
            }
            nonAscii++;
            // give up once the rest of the line, all in sequences, could not reach the share: a line of real Arabic
            // (letters that are no sequence) is decided about half way, not read to its end for each code page
            if (3 * (nonAscii - 1 - covered) > 2 * (covered + n - i)) {
                return false;
            }
            int continuations = bits >> leadShift & 3;
            if (continuations == 0 || i + continuations >= n) {
                continue;
            }
            boolean ok = true;
            for (int k = 1; k <= continuations && ok; k++) {
                char next = line.charAt(i + k);
                ok = next >= 0x80 && (CLASSES[next] & continuationBit) != 0;
            }
            if (ok) {
                sequences++;
                covered += continuations + 1;
                nonAscii += continuations;
                i += continuations;
            }
        }
        return sequences >= MIN_PAIRS && covered >= PAIR_SHARE * nonAscii;
    }

    /**
     * {@link Character#isWhitespace} for a character from U+0080 on, without the Unicode tables: no character from
     * U+0080 to U+167F is whitespace, and above them only these separators are (not the no-break U+2007, U+202F).
     */
    static boolean isWhitespaceAbove7F(char c) {
        return c >= 0x1680 && (c == 0x1680 || c >= 0x2000 && c <= 0x200A && c != 0x2007 || c == 0x2028 || c == 0x2029
                || c == 0x205F || c == 0x3000);
    }

    private static String strictUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** A single-byte code page as a char → byte table (C1 controls map to themselves, as browsers do). */
    private static final class CodePage {
        final String name;
        /** This page's bits in {@link #CLASSES}: its continuation bit and the shift of its lead field. */
        final int continuationBit;
        final int leadShift;
        private final short[] toByte = new short[0x10000];

        CodePage(Charset charset, int continuationBit, int leadShift) {
            this.name = charset.name();
            this.continuationBit = continuationBit;
            this.leadShift = leadShift;
            Arrays.fill(toByte, (short) -1);
            for (int b = 0; b < 256; b++) {
                CharBuffer cb = charset.decode(ByteBuffer.wrap(new byte[] {(byte) b}));
                char c = cb.length() == 1 ? cb.charAt(0) : '\uFFFD';
                if (c != '\uFFFD') {
                    toByte[c] = (short) b;
                } else if (b >= 0x80 && b <= 0x9F) {
                    toByte[b] = (short) b; // undefined in the code page: WHATWG decoders yield U+0080–U+009F
                }
            }
        }

        int byteOf(char c) {
            return toByte[c];
        }

        /** How many continuation bytes the character's byte leads in UTF-8 (C2–DF one, E0–EF two, F0–F4 three), else 0. */
        int leads(char c) {
            int b = toByte[c];
            return b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : 0;
        }

        boolean isContinuation(char c) {
            int b = toByte[c];
            return b >= 0x80 && b <= 0xBF;
        }

        /** The bytes, or null if some character does not exist in this code page. */
        byte[] encode(String s) {
            byte[] out = new byte[s.length()];
            for (int i = 0; i < s.length(); i++) {
                int b = toByte[s.charAt(i)];
                if (b < 0) {
                    return null;
                }
                out[i] = (byte) b;
            }
            return out;
        }
    }
}
