package io.khulasa.chunking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SegmentCountsTest {

    @Test
    void aStoredCountIsFoundAndAnUnknownSegmentIsNot() {
        SegmentCounts counts = new SegmentCounts(10);
        long known = SegmentCounts.fingerprint(" الحكومة", 0, 8);
        long other = SegmentCounts.fingerprint(" الحكومات", 0, 9);
        counts.put(known, 3);
        assertThat(counts.get(known)).isEqualTo(3);
        assertThat(counts.get(other)).isEqualTo(-1);
        counts.put(known, 0);
        assertThat(counts.get(known)).as("a zero count is a count, not an empty slot").isZero();
    }

    @Test
    void theFingerprintIsTheSegmentsNotTheTexts() {
        assertThat(SegmentCounts.fingerprint("في الحكومة اليوم", 2, 10))
                .isEqualTo(SegmentCounts.fingerprint(" الحكومة", 0, 8));
        assertThat(SegmentCounts.fingerprint("ab", 0, 2)).isNotEqualTo(SegmentCounts.fingerprint("ba", 0, 2));
    }

    /**
     * Ten times more segments than slots, written and read in random order: a look-up answers the segment's own count
     * or nothing, never another segment's, and the table never holds more than its slots.
     */
    @Test
    void aFullTableForgetsButNeverAnswersWrong() {
        SegmentCounts counts = new SegmentCounts(12);
        Random random = new Random(20261206L);
        int found = 0;
        for (int i = 0; i < 40_960; i++) {
            String segment = " w" + random.nextInt(60_000);
            long f = SegmentCounts.fingerprint(segment, 0, segment.length());
            int count = segment.hashCode() & 63; // each segment's own count
            int before = counts.get(f);
            if (before >= 0) {
                assertThat(before).as(segment).isEqualTo(count);
                found++;
            } else {
                counts.put(f, count);
            }
            assertThat(counts.get(f)).as("just stored: %s", segment).isEqualTo(count);
        }
        assertThat(found).as("some segments came back while the table was full").isPositive();
        assertThat(counts.size()).isEqualTo(counts.capacity());
    }

    @Test
    void aCountTooLargeForTheSlotIsNotStored() {
        SegmentCounts counts = new SegmentCounts(4);
        counts.put(42L, 70_000);
        assertThat(counts.get(42L)).isEqualTo(-1);
    }
}
