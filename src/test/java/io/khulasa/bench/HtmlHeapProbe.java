package io.khulasa.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;

import io.khulasa.cleaning.ArticleCleaner;
import io.khulasa.cleaning.ArticleInput;
import io.khulasa.cleaning.CleanedArticle;

/**
 * Heap for one page: cleans a page read from a file a few times in a JVM started with a small {@code -Xmx} and prints
 * {@code ok} or {@code oom}, with the heap the page itself takes as a String. {@code bench/html-page.sh} looks for the
 * smallest {@code -Xmx} at which the page is cleaned.
 * <p>
 * Usage: {@code HtmlHeapProbe --build <bytes> <file>} writes a {@link BigPage}; {@code HtmlHeapProbe <file>
 * [khulasa|jsoup-dom]} cleans it ({@code jsoup-dom}: a plain {@code Jsoup.parse} of the whole page and its text, for
 * comparison).
 */
public final class HtmlHeapProbe {

    private HtmlHeapProbe() {
    }

    public static void main(String[] args) throws java.io.IOException {
        if (args[0].equals("--build")) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(args[2]), BigPage.build(Integer.parseInt(args[1])));
            return;
        }
        String mode = args.length > 1 ? args[1] : "khulasa";
        String html = java.nio.file.Files.readString(java.nio.file.Path.of(args[0]));
        ArticleCleaner cleaner = new ArticleCleaner();
        System.gc();
        long base = usedHeap();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        try {
            int chars = 0;
            for (int i = 0; i < 3; i++) {
                if (mode.equals("jsoup-dom")) {
                    chars += Jsoup.parse(html).text().length();
                } else {
                    CleanedArticle out = cleaner.clean(new ArticleInput(null, html, null));
                    chars += out.text().length();
                }
            }
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("ok mode=%s pageBytes=%d heapWithPageMiB=%.1f peakHeapMiB=%.1f maxHeapMiB=%.1f chars=%d%n",
                    mode, html.getBytes(StandardCharsets.UTF_8).length, base / 1048576.0, peak / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576.0, chars);
        } catch (OutOfMemoryError e) {
            System.out.println("oom mode=" + mode);
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
