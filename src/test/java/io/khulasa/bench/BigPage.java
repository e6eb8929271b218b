package io.khulasa.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import io.khulasa.cleaning.NewsPages;

/**
 * A news page of a given size, the way 5 MiB pages are made: one story (the {@code next-karabakh} fixture) inside
 * a page whose bulk is inline scripts (app state, ad configuration), inline styles, an SVG sprite, a mega-menu and
 * rows of teaser cards: about 60 % script, 15 % style, 10 % SVG and 15 % visible markup, as on the heavy pages
 * newsrooms scrape.
 * Deterministic (fixed seed).
 */
public final class BigPage {

    private BigPage() {
    }

    public static String build(int bytes) {
        String page = NewsPages.read("next-karabakh.html");
        Random r = new Random(7);
        StringBuilder head = new StringBuilder();
        StringBuilder top = new StringBuilder();
        StringBuilder bottom = new StringBuilder();
        int have = page.getBytes(StandardCharsets.UTF_8).length;
        int budget = Math.max(0, bytes - have);
        // visible markup first: a mega-menu before the story, teaser rows after it
        int markup = budget * 15 / 100;
        top.append("<div class=\"mega-menu\">");
        while (top.length() < markup / 3) {
            top.append("<ul class=\"mm-col\">");
            for (int i = 0; i < 12; i++) {
                top.append("<li><a href=\"/section/").append(r.nextInt(100000)).append("\">قسم ").append(i)
                        .append(" أخبار محلية ودولية</a></li>");
            }
            top.append("</ul>");
        }
        top.append("</div>");
        bottom.append("<section class=\"more-stories\">");
        while (bottom.length() < markup * 2 / 3) {
            bottom.append("<div class=\"card\"><a href=\"/story/").append(r.nextInt(1_000_000))
                    .append("\"><img src=\"/i.jpg\" alt=\"\"><h3>وزير الخارجية يبحث مع نظيره التطورات الإقليمية "
                            + "والأوضاع الإنسانية</h3></a><p class=\"card-excerpt\">قالت مصادر مطلعة إن الاجتماع تناول "
                            + "ملفات عدة.</p></div>");
        }
        bottom.append("</section>");
        // an icon sprite
        StringBuilder svg = new StringBuilder("<svg style=\"display:none\">");
        while (svg.length() < budget / 10) {
            svg.append("<symbol id=\"i").append(svg.length()).append("\" viewBox=\"0 0 24 24\"><path d=\"M")
                    .append(r.nextInt(24)).append(' ').append(r.nextInt(24)).append("L12 2L22 22Z\"/></symbol>");
        }
        svg.append("</svg>");
        top.insert(0, svg);
        // styles
        head.append("<style>");
        while (head.length() < budget * 15 / 100) {
            head.append(".c-").append(Integer.toHexString(r.nextInt())).append("{display:flex;margin:")
                    .append(r.nextInt(24)).append("px;color:#").append(Integer.toHexString(r.nextInt(0xFFFFFF)))
                    .append("}");
        }
        head.append("</style>");
        // scripts: the rest
        int used = head.length() + svg.length() + (top.length() - svg.length()) * 2 + bottom.length() * 2;
        StringBuilder script = new StringBuilder("<script>window.__STATE__={\"ads\":[");
        while (script.length() < budget - used) {
            script.append("{\"slot\":\"div-gpt-ad-").append(r.nextInt(1_000_000))
                    .append("\",\"sizes\":[[300,250],[728,90]],\"targeting\":{\"section\":\"news\",\"pos\":")
                    .append(r.nextInt(20)).append("}},");
        }
        script.append("0]};</script>");
        String built = page.replace("</head>", head + "</head>")
                .replace("<div id=\"__next\">", "<div id=\"__next\">" + top)
                .replace("</body>", bottom + script.toString() + "</body>");
        return trim(built, bytes);
    }

    /** Pads or trims the last script so that the page has exactly about {@code bytes} bytes of UTF-8. */
    private static String trim(String page, int bytes) {
        int size = page.getBytes(StandardCharsets.UTF_8).length;
        if (size >= bytes) {
            return page;
        }
        return page.replace("</body>", "<script>/*" + "x".repeat(bytes - size - 20) + "*/</script></body>");
    }
}
