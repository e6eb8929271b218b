package io.khulasa.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two forms of a word's keys agree: the strings ({@link WordKeys#of}, what the tests and explanations read) and
 * the hashes the index compares ({@link WordKeys#hashes}): same keys, same order, same kinds. And {@link KeyIds}
 * numbers keys in order of first sight, however many there are.
 */
class WordKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"وبالحكومه", "الحكومات", "يطالب", "سنرسل", "والمستشفيات", "اجتماع", "منظمات", "كبار",
            "استخدام", "لخاشقجي", "بوتين", "ولل", "في", "مع", "abc", "elections"})
    void hashesAreTheStringKeysInTheSameOrder(String folded) {
        List<String> strings = WordKeys.of(folded);
        WordKeys.Hashes hashes = WordKeys.hashes(folded);
        assertThat(hashes.size).isEqualTo(strings.size());
        List<Long> expected = new ArrayList<>();
        for (String key : strings) {
            char kind = key.charAt(0) == WordKeys.RELAXED || key.charAt(0) == WordKeys.ROOT ? key.charAt(0) : WordKeys.EXACT;
            char[] letters = (kind == WordKeys.EXACT ? key : key.substring(1)).toCharArray();
            expected.add(WordKeys.hash(kind, letters, 0, letters.length));
            assertThat(hashes.kind[expected.size() - 1]).as(key).isEqualTo(kind);
        }
        List<Long> actual = new ArrayList<>();
        for (int i = 0; i < hashes.size; i++) {
            actual.add(hashes.hash[i]);
        }
        assertThat(actual).isEqualTo(expected).doesNotHaveDuplicates();
    }

    /** {word, content word?, bare key?, bare key after a one-letter clitic?} */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "وبالحكومه, true, true, true", "الحكومات, true, false, false", "لخاشقجي, true, true, true",
            "بوتين, true, true, true", "وصدام, true, true, true", "والمستشفيات, true, true, false", "في, false, false, false",
            "وفي, false, false, false", "قال, false, false, false", "2024, false, false, false", "و, false, false, false",
            "elections, true, true, false"})
    void theSharedKeysAreTheFreshOnesWithTheWordsReadings(String folded, boolean content, boolean bare,
            boolean bareAfterClitic) {
        for (int round = 0; round < 2; round++) { // the first read fills the cache, the second is served from it
            WordKeys.Hashes cached = WordKeys.cached(folded);
            assertThat(cached.content).as("content word").isEqualTo(content);
            assertThat(ArticleIndex.isContentWord(folded)).isEqualTo(content);
            if (!content) {
                assertThat(cached.size).as("a function word or number has no keys").isZero();
                continue;
            }
            WordKeys.Hashes fresh = WordKeys.hashes(folded);
            assertThat(java.util.Arrays.copyOf(cached.hash, cached.size)).isEqualTo(java.util.Arrays.copyOf(fresh.hash, fresh.size));
            assertThat(java.util.Arrays.copyOf(cached.kind, cached.size)).isEqualTo(java.util.Arrays.copyOf(fresh.kind, fresh.size));
            assertThat(cached.bare).isEqualTo(bare ? WordKeys.bareHash(folded, 0) : 0);
            assertThat(cached.bareAfterClitic).isEqualTo(bareAfterClitic ? WordKeys.bareHash(folded, 1) : 0);
        }
    }

    @Test
    void theBareKeyIsNotTheExactOne() {
        char[] word = "بوتين".toCharArray();
        assertThat(WordKeys.bareHash("بوتين", 0)).isEqualTo(WordKeys.hash(WordKeys.BARE, word, 0, word.length))
                .isNotEqualTo(WordKeys.hash(WordKeys.EXACT, word, 0, word.length));
        assertThat(WordKeys.bareHash("وبوتين", 1)).isEqualTo(WordKeys.bareHash("بوتين", 0));
    }

    @Test
    void keyIdsNumberKeysInOrderOfFirstSightThroughGrowth() {
        KeyIds ids = new KeyIds(1);
        for (long k = 1; k <= 5_000; k++) {
            assertThat(ids.idOf(k * 0x9E3779B97F4A7C15L)).isEqualTo((int) k - 1);
        }
        assertThat(ids.size()).isEqualTo(5_000);
        for (long k = 1; k <= 5_000; k++) {
            assertThat(ids.idOf(k * 0x9E3779B97F4A7C15L)).as("seen before: same id").isEqualTo((int) k - 1);
            assertThat(ids.get(k * 0x9E3779B97F4A7C15L)).isEqualTo((int) k - 1);
        }
        assertThat(ids.get(42)).isEqualTo(-1);
        assertThat(ids.size()).isEqualTo(5_000);
    }
}
