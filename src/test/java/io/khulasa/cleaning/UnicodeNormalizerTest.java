package io.khulasa.cleaning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule 1: presentation forms, format characters, spaces, NFC, Persian letters; display-safe otherwise. */
class UnicodeNormalizerTest {

    private final UnicodeNormalizer normalizer = new UnicodeNormalizer();

    /** Inputs are written with Java escapes (\\uXXXX) so invisible characters stay visible in the table. */
    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("\\u", i)) {
                sb.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource(delimiterString = " => ", textBlock = """
            ﺍﻟﻌﺮﺑﻴﺔ => العربية => presentation-forms
            ﻷ => لأ => presentation-forms
            ﷲ => الله => presentation-forms
            ﻻ يمكن => لا يمكن => presentation-forms
            ﺟﺪﻳﺪﺍﹰ => جديداً => presentation-forms
            حم\\u200Bاس => حماس => format-characters
            حم\\u200Cاس => حماس => format-characters
            حم\\u200Dاس => حماس => format-characters
            \\u200Fغزة\\u200E => غزة => format-characters
            \\u061Cغزة => غزة => format-characters
            \\uFEFFغزة => غزة => format-characters
            المس\\u00ADتشفى => المستشفى => format-characters
            \\u202Bغزة\\u202C => غزة => format-characters
            \\u2067غزة\\u2069 => غزة => format-characters
            \\u202Eغزة\\u202C => غزة => format-characters
            قطاع\\u00A0غزة => قطاع غزة => space-characters
            قطاع\\u2009غزة => قطاع غزة => space-characters
            قطاع\\u202Fغزة => قطاع غزة => space-characters
            قطاع\\u0009غزة => قطاع غزة => space-characters
            الملک => الملك => persian-letters
            ایران => ايران => persian-letters
            علی => على => persian-letters
            فی البیت => فى البيت => persian-letters
            ا\\u0654 => أ => unicode-nfc
            و\\u0654 => ؤ => unicode-nfc
            ا\\u0653 => آ => unicode-nfc
            """)
    void normalizes(String in, String expected, String rule) {
        CleaningLog log = new CleaningLog();
        assertThat(normalizer.normalize(unescape(in), log)).isEqualTo(expected);
        assertThat(log.rules).containsKey(rule);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            إسرائيل والأردن ومستشفى
            مدرسة ومدرسه
            القرآن الكريم
            ١٢٣ و٤٥٦ و789
            مُحَمَّدٌ رَسُولُ
            "اقتباس" و«اقتباس» و“اقتباس”
            الذكاء الاصطناعي AI
            هيئة الأمم المتحدة، نيويورك؛ هل؟
            ﷽
            """)
    void displaySafe(String in) {
        CleaningLog log = new CleaningLog();
        assertThat(normalizer.normalize(in, log)).isEqualTo(in);
        assertThat(log.rules).isEmpty();
    }

    @ParameterizedTest(name = "line breaks {0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            أ\\u000D\\u000Aب => 2
            أ\\u000Dب => 2
            أ\\u2029ب => 2
            أ\\u2028ب => 2
            """)
    void lineBreaksBecomeNewlines(String in, int lines) {
        String out = normalizer.normalize(unescape(in), new CleaningLog());
        assertThat(out.split("\n")).hasSize(lines);
    }

    /** The untouched text between changed characters is copied in runs: first, last and adjacent changes keep it whole. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " => ", textBlock = """
            \\u200Bأ\\u000D\\u000Aب ج\\u00A0د\\u200B => أ\\nب ج د
            \\u200B\\u200Bقطاع\\u0009\\u0009غزة\\u000D\\u000D\\u000A => قطاع  غزة\\n\\n
            ﻻ\\u200Bﻻ => لالا
            الملک\\u00A0ﷲ\\u2028 => الملك الله\\n
            Gaza, 2024\\u200E. => Gaza, 2024.
            """)
    void changesInsideOneText(String in, String expected) {
        assertThat(normalizer.normalize(unescape(in), new CleaningLog())).isEqualTo(unescape(expected).replace("\\n", "\n"));
    }
}
