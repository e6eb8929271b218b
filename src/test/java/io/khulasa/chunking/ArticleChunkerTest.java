package io.khulasa.chunking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

class ArticleChunkerTest {

    private static final TokenEstimator TOKENS = new TokenEstimator();
    private static final SentenceSplitter SENTENCES = new SentenceSplitter();

    private static ArticleChunker chunker(int budget) {
        return new ArticleChunker(TOKENS, SENTENCES, budget);
    }

    // ---- property test over generated articles ----

    private static final String[] WORDS = {
            "روسيا", "تركيا", "الاتفاق", "الرئيس", "وزير", "الدفاع", "قره", "باغ", "أذربيجان", "أرمينيا", "سوريا",
            "المحادثات", "الهاتفية", "بحث", "الطرفان", "التطورات", "الأخيرة", "في", "من", "على", "إلى", "قوات",
            "حفظ", "السلام", "لمدة", "خمس", "سنوات", "2020", "١٢٣", "3.5", "NATO", "Putin", "U.S.", "د.", "الصـ.ـراع",
            "«الاتفاق»", "“آكار”", "(مصدر)", "٪٥٠"};
    private static final String[] ENDS = {".", ".", ".", "؟", "!", "..", ".»"};

    private static String generateArticle(Random random) {
        int paragraphs = 1 + random.nextInt(8);
        List<String> lines = new ArrayList<>();
        for (int p = 0; p < paragraphs; p++) {
            int sentences = random.nextInt(10) == 0 ? 12 + random.nextInt(10) : 1 + random.nextInt(5);
            StringBuilder paragraph = new StringBuilder();
            for (int s = 0; s < sentences; s++) {
                int words = random.nextInt(12) == 0 ? 60 + random.nextInt(80) : 3 + random.nextInt(15);
                for (int w = 0; w < words; w++) {
                    if (w > 0) {
                        paragraph.append(random.nextInt(40) == 0 ? "  " : " ");
                    }
                    paragraph.append(random.nextInt(200) == 0
                            ? "كلمةطويلةجدا".repeat(5 + random.nextInt(10)) // a "word" above small budgets
                            : WORDS[random.nextInt(WORDS.length)]);
                }
                paragraph.append(ENDS[random.nextInt(ENDS.length)]);
                if (s < sentences - 1) {
                    paragraph.append(' ');
                }
            }
            lines.add(paragraph.toString());
        }
        return String.join("\n", lines);
    }

    static Stream<Arguments> generated() {
        int[] budgets = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 400, 5000};
        return IntStream.range(0, 120).mapToObj(seed -> {
            Random random = new Random(seed);
            return Arguments.of(seed, generateArticle(random), budgets[random.nextInt(budgets.length)]);
        });
    }

    @ParameterizedTest(name = "seed {0}, budget {2}")
    @MethodSource("generated")
    void chunksReassembleExactlyAndRespectTheBudget(int seed, String article, int budget) {
        List<Chunk> chunks = chunker(budget).chunk(article);

        assertThat(ArticleChunker.join(chunks)).isEqualTo(article);
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            assertThat(c.index()).isEqualTo(i);
            assertThat(c.estimatedTokens()).isEqualTo(TOKENS.count(c.text()));
            if (c.estimatedTokens() > budget) {
                assertThat(c.text().strip()).as("only a single word may exceed the budget").doesNotContainPattern("\\s");
            }
            assertThat(c.separatorAfter()).isEqualTo(i == chunks.size() - 1 ? "" : c.separatorAfter());
            assertThat(c.separatorAfter()).matches(i == chunks.size() - 1 ? "" : "\\s+");
        }
        assertCutsOnlyInsideOversizedUnits(article, chunks, budget);
    }

    /** A paragraph that fits is never cut; a sentence that fits is never cut. */
    private static void assertCutsOnlyInsideOversizedUnits(String article, List<Chunk> chunks, int budget) {
        int offset = 0;
        for (Chunk c : chunks.subList(0, Math.max(0, chunks.size() - 1))) {
            offset += c.text().length();
            if (!c.separatorAfter().contains("\n")) {
                int paragraphStart = article.lastIndexOf('\n', offset - 1) + 1;
                int newline = article.indexOf('\n', offset);
                int paragraphEnd = newline < 0 ? article.length() : newline;
                String paragraph = article.substring(paragraphStart, paragraphEnd);
                assertThat(TOKENS.count(paragraph)).as("cut paragraph must exceed budget").isGreaterThan(budget);
                int sentenceStart = 0;
                for (int end : SENTENCES.boundaries(paragraph)) {
                    int cut = offset - paragraphStart;
                    if (cut > sentenceStart && cut < end) {
                        String sentence = paragraph.substring(sentenceStart, end).strip();
                        boolean atSentenceEnd = paragraph.substring(cut, end).isBlank();
                        if (!atSentenceEnd) {
                            assertThat(TOKENS.count(sentence)).as("cut sentence must exceed budget")
                                    .isGreaterThan(budget);
                        }
                    }
                    sentenceStart = end;
                }
            }
            offset += c.separatorAfter().length();
        }
    }

    // ---- behaviour on the reference article ----

    @Test
    void referenceArticleFitsInOneChunkWithALargeBudget() {
        String article = Articles.reference();
        ArticleChunker large = chunker(10_000);
        List<Chunk> chunks = large.chunk(article);
        assertThat(chunks).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo(article);
            assertThat(c.separatorAfter()).isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 200, 400, 800})
    void referenceArticleIsCutBetweenParagraphsWhenParagraphsFit(int budget) {
        String article = Articles.reference();
        List<Chunk> chunks = chunker(budget).chunk(article);
        assertThat(chunks.size()).isGreaterThan(1);
        assertThat(ArticleChunker.join(chunks)).isEqualTo(article);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.estimatedTokens()).isLessThanOrEqualTo(budget);
            assertThat(c.endsParagraph()).isTrue();
        });
    }

    @Test
    void oversizedParagraphIsCutBetweenSentences() {
        String paragraph = "وصل الوفد التركي إلى موسكو صباح اليوم. وبدأت المحادثات مع الجانب الروسي مباشرة. "
                + "وناقش الطرفان الوضع في سوريا. وانتهى الاجتماع مساء.";
        String article = "مقدمة قصيرة.\n" + paragraph + "\nخاتمة.";
        int budget = TOKENS.count("وصل الوفد التركي إلى موسكو صباح اليوم. وبدأت المحادثات مع الجانب الروسي مباشرة.");
        List<Chunk> chunks = chunker(budget).chunk(article);

        assertThat(ArticleChunker.join(chunks)).isEqualTo(article);
        assertThat(chunks).extracting(Chunk::text).contains(
                "وصل الوفد التركي إلى موسكو صباح اليوم. وبدأت المحادثات مع الجانب الروسي مباشرة.");
        assertThat(chunks.get(0).text()).isEqualTo("مقدمة قصيرة."); // the long paragraph starts a new chunk
        assertThat(chunks).allSatisfy(c -> assertThat(c.text()).matches("(?s).*[.؟!]$"));
    }

    @Test
    void oversizedSentenceIsCutBetweenWords() {
        String sentence = String.join(" ", java.util.Collections.nCopies(50, "المحادثات"));
        List<Chunk> chunks = chunker(10).chunk(sentence);
        assertThat(ArticleChunker.join(chunks)).isEqualTo(sentence);
        assertThat(chunks).hasSizeGreaterThan(1).allSatisfy(c -> {
            assertThat(c.estimatedTokens()).isLessThanOrEqualTo(10);
            assertThat(c.separatorAfter()).isIn(" ", "");
        });
    }

    @Test
    void emptyArticleHasNoChunks() {
        assertThat(chunker(10).chunk("")).isEmpty();
        assertThat(ArticleChunker.join(List.of())).isEmpty();
    }

    @Test
    void budgetMustBePositive() {
        assertThatThrownBy(() -> chunker(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChunkEndsAParagraphAtALineBreakAndAtTheEndNotWhereAParagraphWasCut() {
        List<Chunk> chunks = List.of(
                new Chunk(0, "أ. ب.", 3, " "),
                new Chunk(1, "ج.", 2, "\n"),
                new Chunk(2, "د.", 2, ""));
        assertThat(chunks).extracting(Chunk::endsParagraph).containsExactly(false, true, true);
        // on a real article cut inside its paragraphs, the chunker marks both kinds of ends
        List<Chunk> real = chunker(60).chunk(Articles.reference());
        assertThat(real).allSatisfy(c -> assertThat(c.endsParagraph())
                .isEqualTo(c.separatorAfter().isEmpty() || c.separatorAfter().contains("\n")));
        assertThat(real).extracting(Chunk::endsParagraph).contains(true, false);
    }

    // ---- splitFurther ----

    static Stream<Arguments> splits() {
        return Stream.of(
                Arguments.of("paragraph boundary near the middle wins over sentences",
                        "الجملة الأولى هنا. الجملة الثانية هنا.\nالجملة الثالثة هنا. الجملة الرابعة هنا.",
                        "الجملة الأولى هنا. الجملة الثانية هنا.", "\n",
                        "الجملة الثالثة هنا. الجملة الرابعة هنا."),
                Arguments.of("sentence boundary when the paragraph break is far from the middle",
                        "عنوان\nالجملة الأولى طويلة بعض الشيء. الجملة الثانية طويلة بعض الشيء. الجملة الثالثة طويلة.",
                        "عنوان\nالجملة الأولى طويلة بعض الشيء.", " ",
                        "الجملة الثانية طويلة بعض الشيء. الجملة الثالثة طويلة."),
                Arguments.of("word boundary when there is one sentence",
                        "واحد اثنان ثلاثة أربعة خمسة ستة",
                        "واحد اثنان ثلاثة", " ", "أربعة خمسة ستة"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splits")
    void splitFurtherCutsNearTheMiddleAtTheBestBoundary(String name, String text, String first, String gap,
            String second) {
        Chunk chunk = new Chunk(3, text, TOKENS.count(text), "\n");
        List<Chunk> halves = chunker(1000).splitFurther(chunk);
        assertThat(halves).containsExactly(
                new Chunk(3, first, TOKENS.count(first), gap),
                new Chunk(4, second, TOKENS.count(second), "\n"));
        assertThat(ArticleChunker.join(halves)).isEqualTo(text + "\n");
    }

    @Test
    void singleWordCannotBeSplitFurther() {
        Chunk chunk = new Chunk(0, "كلمة", 2, "");
        assertThat(chunker(1).splitFurther(chunk)).containsExactly(chunk);
    }

    @Test
    void renumberAfterSplitKeepsOrder() {
        ArticleChunker chunker = chunker(120);
        List<Chunk> chunks = new ArrayList<>(chunker.chunk(Articles.reference()));
        List<Chunk> halves = chunker.splitFurther(chunks.get(1));
        chunks.remove(1);
        chunks.addAll(1, halves);
        List<Chunk> renumbered = ArticleChunker.renumber(chunks);
        assertThat(renumbered).extracting(Chunk::index).containsExactlyElementsOf(
                IntStream.range(0, renumbered.size()).boxed().toList());
        assertThat(ArticleChunker.join(renumbered)).isEqualTo(Articles.reference());
    }
}
