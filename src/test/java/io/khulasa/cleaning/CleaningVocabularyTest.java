package io.khulasa.cleaning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cleaning vocabulary as data (src/main/resources/cleaning/*.yaml): every file loads, a broken file is refused
 * with an error naming it, the quick first-word and first-letter checks are derived from the phrases, and every
 * phrase is reachable: an example written from it passes the quick check and is removed by its rule.
 */
class CleaningVocabularyTest {

    // ---------------------------------------------------------------- loading and refusing

    @Test
    void everyFileLoads() {
        assertThat(PageFurniture.TABLE.markerFirstWords()).isNotEmpty();
        assertThat(BoilerplateLines.TABLE.firstLetters()).isNotEmpty();
        assertThat(BlockHints.TABLE.words()).isNotEmpty();
    }

    @Test
    void aFileThatIsNoYamlMapOrLacksAListIsRefusedNamingIt() {
        assertThatThrownBy(() -> PageFurniture.Table.of(parse(Vocabulary.PAGE_FURNITURE, "markers: [unclosed")))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith(Vocabulary.PAGE_FURNITURE + ": ");
        assertThatThrownBy(() -> PageFurniture.Table.of(parse(Vocabulary.PAGE_FURNITURE, "pager: [a]")))
                .hasMessage(Vocabulary.PAGE_FURNITURE + ": 'markers.related' is missing");
    }

    /** One entry of the packaged file broken at a time: each is refused with the file and the list named. */
    @Test
    void aBrokenPhraseIsRefusedNamingTheFileAndTheList() throws IOException {
        String yaml = packaged(Vocabulary.PAGE_FURNITURE);
        String first = "'(?:اقرا|طالع|شاهد|تابع|اقرء)\\s+(?:ايضا|كذلك|المزيد)'";
        assertThat(yaml).contains(first).contains("    - 'للمزيد'\n");
        Map<String, String> broken = Map.of(
                yaml.replace(first, "'(?:اقرا|طالع'"), "'markers.related' has an entry that is no regular expression",
                yaml.replace(first, "'\\S+\\s+ذات\\s+صله'"), "'markers.related' no first word can be read off",
                yaml.replace("    - 'للمزيد'\n", "    - 'للمزيد'\n    - 'للمزيد'\n"), "'markers.related' lists 'للمزيد' twice");
        broken.forEach((file, message) -> assertThatThrownBy(
                () -> PageFurniture.Table.of(parse(Vocabulary.PAGE_FURNITURE, file)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(Vocabulary.PAGE_FURNITURE + ": " + message));
    }

    @Test
    void aCopyrightPhraseWithNoHintWouldNeverBeReadAndIsRefused() throws IOException {
        String yaml = packaged(Vocabulary.PAGE_FURNITURE).replace("copyright:\n", "copyright:\n  - 'محفوظه\\s+للناشر'\n");
        assertThatThrownBy(() -> PageFurniture.Table.of(parse(Vocabulary.PAGE_FURNITURE, yaml)))
                .hasMessageStartingWith(Vocabulary.PAGE_FURNITURE + ": 'copyright'").hasMessageContaining("hints");
    }

    @Test
    void aBlockHintUnderAnUnknownRuleOrUnderTwoRulesIsRefused() throws IOException {
        String unknown = packaged(Vocabulary.BLOCK_HINTS).replace("  byline: [author", "  bylines: [author");
        assertThatThrownBy(() -> BlockHints.Table.of(parse(Vocabulary.BLOCK_HINTS, unknown)))
                .hasMessageStartingWith(Vocabulary.BLOCK_HINTS + ": 'class-words' names no rule code: 'bylines'");
        String twice = packaged(Vocabulary.BLOCK_HINTS).replace("  byline: [author", "  byline: [share, author");
        assertThatThrownBy(() -> BlockHints.Table.of(parse(Vocabulary.BLOCK_HINTS, twice)))
                .hasMessageStartingWith(Vocabulary.BLOCK_HINTS + ": 'class-words' 'share' stands under");
    }

    @Test
    void aBrokenBoilerplateFileIsRefusedNamingIt() throws IOException {
        String yaml = packaged(Vocabulary.BOILERPLATE_LINES).replace("follow-prompts:", "follow-prompt:");
        assertThatThrownBy(() -> BoilerplateLines.Table.of(parse(Vocabulary.BOILERPLATE_LINES, yaml)))
                .hasMessage(Vocabulary.BOILERPLATE_LINES + ": 'follow-prompts' is missing");
        assertThatThrownBy(() -> Vocabulary.load("cleaning/no-such-file.yaml"))
                .hasMessage("missing resource cleaning/no-such-file.yaml");
    }

    /**
     * What start-up does (ArticleCleaner is {@code @Startup}): building the cleaner with a broken vocabulary file on
     * the class path fails, naming the file. The cleaner's classes are loaded afresh, child-first, from a class path
     * whose {@code cleaning/page-furniture.yaml} lacks a list.
     */
    @Test
    void buildingTheCleanerWithABrokenFileFailsNamingTheFile(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path broken = dir.resolve("cleaning/page-furniture.yaml");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, packaged(Vocabulary.PAGE_FURNITURE).replace("pager:", "pagers:"));
        java.net.URL classes = ArticleCleaner.class.getProtectionDomain().getCodeSource().getLocation();
        ClassLoader parent = getClass().getClassLoader();
        try (java.net.URLClassLoader fresh = new java.net.URLClassLoader(
                new java.net.URL[] {dir.toUri().toURL(), classes}, parent) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.startsWith("io.khulasa.cleaning.")) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> c = findLoadedClass(name);
                    return c != null ? c : findClass(name); // child-first: a fresh copy of the cleaner
                }
            }

            @Override
            public java.net.URL getResource(String name) {
                java.net.URL own = findResource(name); // child-first: the broken file
                return own != null ? own : super.getResource(name);
            }
        }) {
            Class<?> cleaner = fresh.loadClass(ArticleCleaner.class.getName());
            assertThatThrownBy(() -> cleaner.getConstructor().newInstance())
                    .rootCause().isInstanceOf(IllegalStateException.class)
                    .hasMessage(Vocabulary.PAGE_FURNITURE + ": 'pager' is missing");
        }
    }

    @Test
    void theFilesAreTheOnesTheApplicationPackages() {
        // a native image carries only listed resources
        assertThat(read(Path.of("src/main/resources/application.properties")))
                .containsPattern("quarkus\\.native\\.resources\\.includes=.*cleaning/\\*\\*");
    }

    @Test
    void ruleNamesAllHoldsEveryRuleCode() throws IllegalAccessException {
        Set<Object> codes = new HashSet<>();
        for (Field f : RuleNames.class.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) && f.getType() == String.class) {
                codes.add(f.get(null));
            }
        }
        assertThat(RuleNames.ALL).containsExactlyInAnyOrderElementsOf(codes.stream().map(String::valueOf).toList());
    }

    // ---------------------------------------------------------------- derivation

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            (?:اقرا|طالع)\\s+ايضا => اقرا طالع
            (?:(?:ال)?(?:خبر|مقال)\\s+)?(?:التالي) => الخبر المقال خبر مقال التالي
            tags? => tag tags
            [اإ]قر[أا]\\s+ايضا => اقرأ اقرا إقرأ إقرا
            related(?:\\s+\\S+){0,2} => related
            photo(?:\\s+credit)? => photo
            """)
    void firstWordsAreReadOffThePhrase(String phrase, String words) {
        assertThat(Vocabulary.firstWords(phrase)).containsExactlyInAnyOrder(words.split(" "));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            .*حقوق
            \\S+\\s+ايضا
            [^\\s]+\\s+على
            ا+قرا
            (?:ا|ب)+قرا
            """)
    void aPhraseWithNoReadableFirstWordIsRefused(String phrase) {
        assertThatThrownBy(() -> Vocabulary.firstWords(phrase)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theQuickChecksAreExactlyTheDerivedFirstWords() {
        Set<String> marker = new HashSet<>();
        for (String path : PageFurniture.Table.MARKER_LISTS) {
            PageFurniture.TABLE.firstWordLists().get(path).forEach(p -> marker.addAll(Vocabulary.firstWords(p)));
        }
        assertThat(PageFurniture.TABLE.markerFirstWords()).isEqualTo(marker);
        Set<String> rule = new HashSet<>();
        for (String path : PageFurniture.Table.RULE_LISTS) {
            PageFurniture.TABLE.firstWordLists().get(path).forEach(p -> rule.addAll(Vocabulary.firstWords(p)));
        }
        assertThat(PageFurniture.TABLE.ruleFirstWords()).isEqualTo(rule);
        assertThat(BlockHints.TABLE.pairFirstWords()).containsExactlyInAnyOrder("read", "see", "more", "fb", "pull");
    }

    // ---------------------------------------------------------------- every phrase reachable

    @Test
    void everyMarkerPhraseIsRemovedAsItsMarker() {
        Map<String, PageFurniture.Marker> markers = Map.of("markers.related", PageFurniture.Marker.RELATED,
                "markers.most-read", PageFurniture.Marker.MOST_READ, "markers.tags", PageFurniture.Marker.TAGS,
                "markers.comments", PageFurniture.Marker.COMMENTS);
        List<String> unreachable = new ArrayList<>();
        markers.forEach((path, marker) -> {
            for (String phrase : PageFurniture.TABLE.firstWordLists().get(path)) {
                for (String example : examples(phrase)) {
                    if (PageFurniture.marker(example) == null) {
                        unreachable.add(path + ": " + phrase + " («" + example + "»)");
                    }
                }
            }
        });
        assertThat(unreachable).isEmpty();
    }

    @Test
    void everyPagerCaptionCreditAndBylinePhraseIsRemovedByItsRule() {
        Map<String, Function<String, String>> cases = Map.of(
                "pager", e -> e,
                "caption-labels", e -> e,
                "labelled-credit", e -> e + " احمد سمير",
                "byline-labels", e -> e + ": احمد سمير");
        Map<String, String> rules = Map.of("pager", RuleNames.PAGER, "caption-labels", RuleNames.IMAGE_CREDIT,
                "labelled-credit", RuleNames.IMAGE_CREDIT, "byline-labels", RuleNames.BYLINE);
        List<String> unreachable = new ArrayList<>();
        cases.forEach((path, block) -> {
            for (String phrase : PageFurniture.TABLE.firstWordLists().get(path)) {
                for (String example : examples(phrase)) {
                    String text = block.apply(example);
                    if (!rules.get(path).equals(PageFurniture.rule(text))) {
                        unreachable.add(path + ": " + phrase + " («" + text + "» => " + PageFurniture.rule(text) + ")");
                    }
                }
            }
        });
        assertThat(unreachable).isEmpty();
    }

    /**
     * Lines of more than six words only reach the line rules when their first letter is one the vocabulary can start
     * with: every phrase, written as a long line, is removed.
     */
    @Test
    void everyLinePhraseAndShareWordIsRemovedOnALongLine() {
        List<String> unreachable = new ArrayList<>();
        String headline = "عنوان خبر عن الاقتصاد في المنطقة العربية اليوم";
        check(unreachable, "related-markers", RuleNames.RELATED_LINK, e -> e + " " + headline);
        check(unreachable, "follow-prompts", RuleNames.FOLLOW_PROMPT, e -> e + " " + headline);
        check(unreachable, "advertisement-labels", RuleNames.ADVERTISEMENT, e -> e);
        for (String word : BoilerplateLines.TABLE.shareWords()) {
            String line = word + " فيسبوك تويتر واتساب تلغرام نسخ الرابط";
            if (!removedAs(line, RuleNames.FOLLOW_PROMPT)) {
                unreachable.add("share-words: " + word);
            }
        }
        assertThat(unreachable).isEmpty();
    }

    private static void check(List<String> unreachable, String path, String rule, Function<String, String> line) {
        for (String phrase : BoilerplateLines.TABLE.firstLetterLists().get(path)) {
            for (String example : examples(phrase)) {
                String text = line.apply(example);
                assertThat(BoilerplateLines.mayStartBoilerplate(text.charAt(0))).as(text).isTrue();
                if (!removedAs(text, rule)) {
                    unreachable.add(path + ": " + phrase + " («" + text + "»)");
                }
            }
        }
    }

    private static boolean removedAs(String line, String rule) {
        CleaningLog log = new CleaningLog();
        new BoilerplateLines().apply(List.of(line, "وقال المتحدث إن الاجتماع سيعقد غدا في العاصمة بحضور الوفود."), null,
                log);
        return log.removedLines.size() == 1 && log.removedLines.get(0).rule().equals(rule);
    }

    // ---------------------------------------------------------------- Arabic in Java literals

    /** Issue 23: no Java file in cleaning holds a phrase list (at most 40 Arabic words in literals; comments apart). */
    @Test
    void atMost40ArabicWordsInJavaLiteralsUnderCleaning() throws IOException {
        int total = 0;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/khulasa/cleaning"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                total += arabicWordsInLiterals(read(f));
            }
        }
        assertThat(total).isLessThanOrEqualTo(40);
    }

    /** The same count as scripts/count-arabic-literals.py. */
    static int arabicWordsInLiterals(String src) {
        int words = 0;
        int i = 0;
        int n = src.length();
        Pattern arabic = Pattern.compile("[\\u0600-\\u06FF\\u0750-\\u077F\\uFB50-\\uFDFF\\uFE70-\\uFEFF]+");
        while (i < n) {
            if (src.startsWith("//", i)) {
                int e = src.indexOf('\n', i);
                i = e < 0 ? n : e;
            } else if (src.startsWith("/*", i)) {
                int e = src.indexOf("*/", i + 2);
                i = e < 0 ? n : e + 2;
            } else if (src.startsWith("\"\"\"", i)) {
                int e = src.indexOf("\"\"\"", i + 3);
                words += count(arabic, src.substring(i + 3, e));
                i = e + 3;
            } else if (src.charAt(i) == '"' || src.charAt(i) == '\'') {
                char q = src.charAt(i);
                int j = i + 1;
                while (j < n && src.charAt(j) != q) {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                words += count(arabic, src.substring(i + 1, j));
                i = j + 1;
            } else {
                i++;
            }
        }
        return words;
    }

    private static int count(Pattern arabic, String literal) {
        int words = 0;
        Matcher m = arabic.matcher(literal);
        while (m.find()) {
            if (m.group().chars().anyMatch(Character::isLetter)) {
                words++;
            }
        }
        return words;
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Texts a phrase matches: one per branch of its leading group (so every first word is tried), the other groups
     * at their first branch, optional parts kept, {@code \s} as a space, {@code \S} as a word, {@code .*} empty.
     */
    static List<String> examples(String phrase) {
        List<String> out = new ArrayList<>();
        if (phrase.startsWith("(?:")) {
            int close = closing(phrase, 0);
            String rest = phrase.substring(close + 1);
            if (rest.startsWith("?")) {
                rest = rest.substring(1);
                out.add(example(rest)); // without the optional leading group
            }
            for (String branch : Vocabulary.topLevel(phrase.substring(3, close))) {
                out.add(example(branch + rest));
            }
        } else {
            out.add(example(phrase));
        }
        return out.stream().map(s -> s.strip().replaceAll(" +", " ")).toList();
    }

    private static String example(String re) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < re.length()) {
            char c = re.charAt(i);
            if (re.startsWith("(?:", i) || re.startsWith("(?<", i)) {
                int close = closing(re, i);
                int bodyStart = re.charAt(i + 2) == '<' ? re.indexOf('>', i) + 1 : i + 3;
                String first = Vocabulary.topLevel(re.substring(bodyStart, close)).get(0);
                i = close + 1;
                int min = 1;
                if (i < re.length() && (re.charAt(i) == '*' || re.charAt(i) == '?')) {
                    min = re.charAt(i) == '*' ? 0 : 1; // an optional part is kept
                    i++;
                } else if (i < re.length() && re.charAt(i) == '{') {
                    min = Integer.parseInt(re.substring(i + 1, re.indexOf(',', i)));
                    i = re.indexOf('}', i) + 1;
                }
                for (int k = 0; k < min; k++) {
                    sb.append(example(first));
                }
            } else if (c == '\\') {
                char k = re.charAt(i + 1);
                sb.append(k == 's' ? " " : k == 'S' ? "نص" : k == 'd' ? "1" : String.valueOf(k));
                i += 2;
                i = skipQuantifier(re, i);
            } else if (c == '[') {
                int close = re.indexOf(']', i + 1);
                sb.append(re.charAt(i + 1) == '^' ? "نص" : String.valueOf(re.charAt(i + 1)));
                i = skipQuantifier(re, close + 1);
            } else if (c == '.') {
                i++;
                if (i < re.length() && re.charAt(i) == '{') {
                    i = re.indexOf('}', i) + 1;
                } else {
                    i = skipQuantifier(re, i);
                }
            } else if (c == '$' || c == '^') {
                i++;
            } else {
                sb.append(c);
                i++;
                if (i < re.length() && re.charAt(i) == '?') {
                    i++; // an optional letter is kept
                }
            }
        }
        return sb.toString();
    }

    private static int skipQuantifier(String re, int i) {
        if (i < re.length() && "+*?".indexOf(re.charAt(i)) >= 0) {
            return i + 1;
        }
        if (i < re.length() && re.charAt(i) == '{') {
            return re.indexOf('}', i) + 1;
        }
        return i;
    }

    private static int closing(String re, int open) {
        int depth = 0;
        for (int i = open; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = re.indexOf(']', i + 1);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException(re);
    }

    private static Vocabulary.Doc parse(String file, String yaml) throws IOException {
        return Vocabulary.parse(file, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String packaged(String resource) throws IOException {
        try (InputStream in = CleaningVocabularyTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
