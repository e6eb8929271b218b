package io.khulasa.guards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageGuardTest {

    @org.junit.jupiter.api.Test
    void theEchoGuardsLetterShortcutIsTheUnicodeDefinition() {
        for (int cp = 0; cp <= 0x2FFF; cp++) {
            org.assertj.core.api.Assertions.assertThat(EchoGuard.isLetterOrDecimalDigit(cp)).as("U+%04X", cp)
                    .isEqualTo(Character.isLetter(cp) || Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER);
        }
    }

    @org.junit.jupiter.api.Test
    void theLetterShortcutsAreTheUnicodeScripts() {
        for (int cp = 0; cp <= 0x2FFF; cp++) {
            LetterShare share = LetterShare.of(new String(Character.toChars(cp)));
            boolean letter = Character.isLetter(cp);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            org.assertj.core.api.Assertions.assertThat(share.letters()).as("U+%04X", cp).isEqualTo(letter ? 1 : 0);
            org.assertj.core.api.Assertions.assertThat(share.arabicShare()).as("U+%04X", cp)
                    .isEqualTo(letter && script == Character.UnicodeScript.ARABIC ? 1.0 : 0.0);
        }
    }


    private final LanguageGuard guard = new LanguageGuard();

    @ParameterizedTest
    @ValueSource(strings = {
            // an English "summary"
            "Turkish Defence Minister Hulusi Akar discussed Syria with Russian counterpart Sergei Shoigu.",
            // half Arabic, half English
            "بحث وزير الدفاع التركي مع نظيره الروسي الملف السوري. The two ministers also discussed Karabakh and the ceasefire.",
            // Arabic in Latin letters (Arabizi)
            "Ba7ath wazir al-difa3 al-turki Khulusi Akar ma3 nazirihi al-rusi Sergei Shoigu al-malaf al-suri.",
            // Russian
            "Министр обороны Турции Хулуси Акар обсудил с Сергеем Шойгу ситуацию в Сирии.",
            // Chinese
            "土耳其国防部长阿卡尔与俄罗斯国防部长绍伊古讨论了叙利亚局势。",
            // an Arabic summary with an English explanation appended
            "بحث آكار وشويغو الملف السوري. Note: I have summarised the article in Arabic as requested, keeping the names.",
            // no letters at all
            "1 - 5 ... 2020",
            ""})
    void badSummariesFail(String summary) {
        GuardResult result = guard.checkArabic(summary);
        assertThat(result.passed()).as(result.detail()).isFalse();
        assertThat(result.hard()).isTrue();
        assertThat(result.guard()).isEqualTo("output-wrong-language");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // the Arabic summary instead of a translation
            "بحث وزير الدفاع التركي خلوصي آكار مع نظيره الروسي سيرغي شويغو الملف السوري.",
            // one paragraph left untranslated
            "Turkish Defence Minister Hulusi Akar discussed Syria with Sergei Shoigu.\nوأشارت الوزارة إلى أن الوزيرين بحثا ما تم الاتفاق عليه بشأن تسوية الصراع في إقليم قره باغ.",
            // Russian
            "Министр обороны Турции Хулуси Акар обсудил с Сергеем Шойгу ситуацию в Сирии.",
            // every name left in Arabic script
            "Defence Minister “خلوصي آكار” spoke to “سيرغي شويغو” about “قره باغ”, “كلبجار”, “أغدام” and “لاتشين”.",
            // Persian
            "وزیر دفاع ترکیه با همتای روسی خود درباره سوریه گفتگو کرد.",
            "",
            "2020 - 1"})
    void badTranslationsFail(String translation) {
        GuardResult result = guard.checkLatin(translation);
        assertThat(result.passed()).as(result.detail()).isFalse();
        assertThat(result.hard()).isTrue();
    }

    @Test
    void referenceOutputsPass() {
        assertThat(guard.checkArabic(ReferenceOutputs.SUMMARY).passed()).isTrue();
        assertThat(guard.checkLatin(ReferenceOutputs.TRANSLATION).passed()).isTrue();
    }

    @Test
    void everyReferenceParagraphTranslationPasses() {
        assertThat(ReferenceOutputs.translationParagraphs())
                .allSatisfy(p -> assertThat(guard.checkLatin(p).passed()).as(p).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "وقال الرئيس الأمريكي جو بايدن (Joe Biden) إن بلاده ستدعم الاتفاق الذي رعته موسكو بين الطرفين في إقليم قره باغ خلال الأيام المقبلة.",
            "ذكرت وكالة رويترز أن قوات حفظ السلام الروسية انتشرت في الإقليم خلال الساعات الماضية."})
    void arabicWithAFewLatinLettersPasses(String summary) {
        assertThat(guard.checkArabic(summary).passed()).isTrue();
    }

    @Test
    void aFewArabicLettersInATranslationPass() {
        String translation = "The talks covered the Karabakh (قره باغ) agreement, which Putin said was signed under "
                + "Russian sponsorship and provides for Russian peacekeepers along the contact line with Armenia.";
        assertThat(guard.checkLatin(translation).passed()).isTrue();
    }

    @Test
    void aSummaryNeedsNinetyPercentArabicLettersAndATranslationNinetyFivePercentLatin() {
        // 9 Arabic letters and 1 Latin is 90 %; 8 and 1 is 89 %
        assertThat(guard.checkArabic("كتب مراسلو x").passed()).isTrue();
        assertThat(guard.checkArabic("كتب مراسل x").passed()).isFalse();
        assertThat(guard.checkArabic("كتب مراسل x").detail()).isEqualTo("Arabic letters 89% (at least 90%)");
        // 19 Latin letters and 1 Arabic is 95 %; 18 and 1 is 94.7 %
        assertThat(guard.checkLatin("The reporters wrote it ب").passed()).isTrue();
        assertThat(guard.checkLatin("The reporter wrote it ب").passed()).isFalse();
        assertThat(LetterShare.of("abc تجربة 123").letters()).isEqualTo(8);
    }
}
