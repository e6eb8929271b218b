package io.khulasa.guards;

import io.khulasa.chunking.Articles;

import java.util.List;

/**
 * A faithful translation and summary of the reference article, and the names a glossary would expect (public for
 * {@code io.khulasa.bench.GuardsBenchmark}, which checks them as a request does).
 */
public final class ReferenceOutputs {

    private ReferenceOutputs() {}

    public static final String SOURCE = Articles.reference();

    public static final String TRANSLATION = """
            New Russian-Turkish talks on Syria, and talk of a solution to the Syrian file similar to what happened in Karabakh
            Taif Post – Editorial team
            Turkish Defence Minister Hulusi Akar discussed with his Russian counterpart Sergei Shoigu, during a phone call between the two sides yesterday, the latest developments in the Syrian file over the past period.
            The Russian Defence Ministry issued a statement after the talks, saying that Akar and Shoigu discussed during the phone call ways to establish peace and stability in Syria in the coming stage.
            The ministry noted that the two ministers discussed what had been agreed regarding the settlement of the conflict in the Karabakh region, which was coordinated between Russia and Turkey.
            This call comes a few hours after the Turkish and Russian presidents, Recep Tayyip Erdogan and Vladimir Putin, held a phone conversation in which they discussed several files, most importantly the situation on the ground in Syria and the conflict between Armenia and Azerbaijan.
            The two presidents welcomed the agreement recently reached between Armenia and Azerbaijan, with Erdogan stressing that this step would open the door to a lasting solution to the Karabakh issue.
            The Turkish president said that Russia and Turkey will continue to supervise the monitoring of the implementation of the ceasefire agreement between Armenia and Azerbaijan.
            Erdogan added that the Russian leadership bears a great responsibility for the success of the agreement in the Karabakh region and for it holding in the coming period.
            At the same time, he expressed his hope for continued cooperation and coordination between Russia and Turkey in order to reach a solution to what is happening on Syrian territory.
            The Turkish president indicated that he hopes to reach a solution to the Syrian file similar to the one reached on the Karabakh file.
            The Russian president announced yesterday morning in a televised speech that the President of Azerbaijan, Ilham Aliyev, and the Prime Minister of Armenia, Nikol Pashinyan, had signed a joint statement providing for a halt to military operations in the Karabakh region, noting that this step was taken under Russian sponsorship.
            Putin pointed out that the agreement between Azerbaijan and Armenia provides for the forces of both countries to stay in the areas they controlled at the moment the joint statement was signed.
            He added that the agreement also provides for the deployment of Russian peacekeeping forces along the contact lines with Armenia in the Karabakh region.
            For his part, Azerbaijani President Ilham Aliyev said that his country had managed to achieve victory and to force Armenia to sign an agreement to stop military operations.
            Aliyev explained that the agreement provides for the withdrawal of Armenian forces from several provinces, including Kalbajar, Aghdam and Lachin, within a period ending no later than December 1, in addition to the deployment of Russian peacekeeping forces for five years, renewable.
            It is worth noting that Armenian Prime Minister Nikol Pashinyan described the understandings reached on the Karabakh region as painful, saying that he signed the joint statement only after an in-depth study of the situation on the ground, in reference to the great progress made by the Azerbaijani forces there.""";

    public static final String SUMMARY = "بحث وزير الدفاع التركي خلوصي آكار مع نظيره الروسي سيرغي شويغو الملف السوري "
            + "والاتفاق الذي أنهى القتال في إقليم قره باغ. وأعرب الرئيس التركي رجب طيب أردوغان عن أمله بحل للملف "
            + "السوري على غرار قره باغ. وينص الاتفاق الذي وقعه علييف وباشينيان برعاية روسية على انسحاب القوات "
            + "الأرمينية من كلبجار وأغدام ولاتشين حتى 1 ديسمبر، ونشر قوات حفظ سلام روسية لمدة خمس سنوات.";

    static final List<String> NAMES = List.of("Hulusi Akar", "Sergei Shoigu", "Karabakh", "Recep Tayyip Erdogan",
            "Vladimir Putin", "Ilham Aliyev", "Nikol Pashinyan", "Kalbajar", "Aghdam", "Lachin");

    /** The source paragraphs (lines), for paragraph-by-paragraph checks. */
    static List<String> sourceParagraphs() {
        return SOURCE.lines().toList();
    }

    /** The translation paragraphs, one per source paragraph except the two "read also" links. */
    static List<String> translationParagraphs() {
        return TRANSLATION.lines().toList();
    }
}
