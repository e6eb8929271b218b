package io.khulasa.cleaning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The blind page set (src/test/resources/pages-blind, issue 23): pages never used for tuning, scored by
 * {@code bench/extraction.sh} into bench/results/extraction-blind.json. This test keeps the set what it was when it
 * was first scored: at least ten pages with source and licence, none sharing a name or a template with the tuned
 * pages, and every file equal to the checksum written when the set was committed (SHA256SUMS), so an edit to a
 * blind page shows as a failing test and a changed checksum file in review.
 */
class BlindPagesTest {

    @Test
    void atLeastTenBlindPagesEachWithSourceAndLicence() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(NewsPages.read("pages-blind", "manifest.json"));
        assertThat(manifest.get("pages")).hasSizeGreaterThanOrEqualTo(10);
        for (JsonNode p : manifest.get("pages")) {
            assertThat(p.get("kind").asText()).isEqualTo("blind");
            assertThat(p.get("text").asText()).as("source of %s", p.get("name")).contains("FLORES-200");
            assertThat(p.get("licence").asText()).as("licence of %s", p.get("name")).contains("CC BY-SA 4.0");
        }
    }

    @Test
    void noBlindPageSharesANameOrATemplateWithTheTunedPages() {
        List<NewsPages.Page> tuned = NewsPages.all("pages");
        Set<String> names = tuned.stream().map(NewsPages.Page::name).collect(Collectors.toSet());
        Set<String> templates = tuned.stream().map(NewsPages.Page::template).collect(Collectors.toSet());
        for (NewsPages.Page blind : NewsPages.all("pages-blind")) {
            assertThat(names).doesNotContain(blind.name());
            assertThat(templates).doesNotContain(blind.template());
            assertThat(blind.expectedParagraphs()).as(blind.name()).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void everyBlindFileIsAsCommitted() throws NoSuchAlgorithmException {
        String sums = NewsPages.read("pages-blind", "SHA256SUMS");
        List<String> lines = sums.lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(20);
        for (String line : lines) {
            String expected = line.substring(0, 64);
            String file = line.substring(66);
            byte[] bytes = NewsPages.read("pages-blind", file).getBytes(StandardCharsets.UTF_8);
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertThat(actual).as("pages-blind/%s", file).isEqualTo(expected);
        }
    }
}
