package io.khulasa.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AttributionEvaluationTest {

    static final List<EvalItem> ITEMS = List.of(
            new EvalItem("a", String.join("\n",
                    "أعلن وزير الدفاع التركي خلوصي آكار أن أنقرة سترسل 120 جنديا إلى قاعدة أغدام في إقليم قره باغ.",
                    "وقال وزير الدفاع التركي خلوصي آكار إن المهمة ستستمر خمس سنوات قابلة للتجديد بحسب الاتفاق.",
                    "وتعرضت مدينة ستيباناكيرت لقصف عنيف خلال الحرب التي استمرت 44 يوما بين أرمينيا وأذربيجان."),
                    "وزير الدفاع التركي خلوصي آكار يعلن إرسال 120 جنديا إلى أغدام.", "تركيا ترسل جنودا إلى قره باغ"),
            new EvalItem("b", String.join("\n",
                    "ارتفعت أسعار النفط في الأسواق العالمية بعد قرار منظمة أوبك خفض الإنتاج بمقدار مليوني برميل يوميا.",
                    "وقال وزير الطاقة السعودي عبد العزيز بن سلمان إن القرار يهدف إلى استقرار الأسواق في الأشهر المقبلة.",
                    "وانتقد الرئيس الأمريكي جو بايدن القرار ووصفه بأنه قصير النظر في ظل الأزمة الاقتصادية العالمية."),
                    "وزير الطاقة السعودي عبد العزيز يدافع عن قرار أوبك خفض إنتاج النفط.", "أوبك تخفض الإنتاج"),
            new EvalItem("c", String.join("\n",
                    "أمطار غزيرة تجتاح شمال شرقي تونس وتتسبب في فيضانات واسعة في ولاية نابل خلال الليلة الماضية.",
                    "وقال الناطق باسم الحماية المدنية معز تريعة إن أربعة أشخاص لقوا حتفهم وفقد آخرون في المياه.",
                    "وأعلنت الحكومة التونسية عن خطة طوارئ لمساعدة المتضررين وإصلاح الطرق والجسور المتضررة."),
                    "الناطق باسم الحماية المدنية معز تريعة يعلن مقتل أربعة أشخاص في فيضانات نابل.", "فيضانات في تونس"));

    @Test
    void scoresEveryKindAndChecksTheTargets() {
        AttributionEvaluation.Report report = new AttributionEvaluation(0.35).run("test", ITEMS, 21, s -> { });
        AttributionEvaluation.Part all = report.all();
        assertThat(all.items()).isEqualTo(3);
        assertThat(all.kinds().get("false-flags").trials).isEqualTo(3);
        assertThat(all.kinds().get("foreign").trials).isEqualTo(3);
        assertThat(all.kinds().get("number").trials).isEqualTo(2); // summary b has no number
        assertThat(all.kinds().get("link").trials).isEqualTo(6);
        assertThat(all.kinds().get("foreign").hits).isEqualTo(3);
        assertThat(all.kinds().get("number").hits).isEqualTo(2);
        assertThat(all.kinds().get("false-flags").hits).isZero();
        assertThat(AttributionEvaluation.format(report)).contains("false-flags", "foreign", "number", "name", "link");
    }

    @Test
    void editsKeepMostOfTheSentence() {
        String s = "أعلن وزير الدفاع التركي خلوصي آكار أن أنقرة سترسل جنودا، وقال إن المهمة ستستمر خمس سنوات.";
        assertThat(AttributionEvaluation.dropClause(s)).isEqualTo("أعلن وزير الدفاع التركي خلوصي آكار أن أنقرة سترسل جنودا.");
        assertThat(AttributionEvaluation.swapHalves(s)).startsWith("وقال إن المهمة").contains("أعلن وزير الدفاع");
        assertThat(AttributionEvaluation.roleNames("قال وزير الخارجية الأمريكي ريكس تيلرسون إن")).containsExactly("ريكس تيلرسون");
    }
}
