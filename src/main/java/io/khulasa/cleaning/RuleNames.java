package io.khulasa.cleaning;

/**
 * Stable rule names used in {@link CleaningReport} and as metric tags. Kebab-case; never rename.
 */
public final class RuleNames {
    public static final String UNICODE_NFC = "unicode-nfc";
    public static final String PRESENTATION_FORMS = "presentation-forms";
    public static final String FORMAT_CHARACTERS = "format-characters";
    public static final String SPACE_CHARACTERS = "space-characters";
    public static final String PERSIAN_LETTERS = "persian-letters";
    public static final String MOJIBAKE = "mojibake";
    public static final String SPLIT_WORD = "split-word";
    public static final String TATWEEL = "tatweel";
    public static final String DUPLICATE_TITLE = "duplicate-title";
    public static final String BYLINE = "byline";
    public static final String RELATED_LINK = "related-link";
    public static final String FOLLOW_PROMPT = "follow-prompt";
    public static final String ADVERTISEMENT = "advertisement";
    public static final String SEPARATOR_LINE = "separator-line";
    public static final String SOURCE_LINE = "source-line";
    public static final String HTML_BOILERPLATE = "html-boilerplate";
    // HTML pages (HtmlExtractor): one removed block each; a page's scripts and styles are never listed.
    /** A block of the page outside the article container (header, menus, sidebars, footer…). */
    public static final String OUTSIDE_ARTICLE = "outside-article";
    /** {@code nav}, {@code header}, menus, {@code role=navigation|banner|menu}. */
    public static final String NAVIGATION = "navigation";
    /** {@code aside}, {@code role=complementary}. */
    public static final String SIDEBAR = "sidebar";
    /** {@code footer}, {@code role=contentinfo}. */
    public static final String PAGE_FOOTER = "page-footer";
    /** A list or block whose text is mostly links (most-read lists, unlabelled related lists, menus). */
    public static final String LINK_LIST = "link-list";
    /** «الرئيسية › أخبار › …». */
    public static final String BREADCRUMB = "breadcrumb";
    /** A block that is only a date/time: «الإثنين، 13 مايو 2024 06:00 ص», «منذ ساعتين». */
    public static final String DATELINE = "dateline";
    /** A picture credit or caption label: «صدر الصورة، Getty Images», «(رويترز)», «التعليق على الصورة،». */
    public static final String IMAGE_CREDIT = "image-credit";
    /**
     * A picture's caption ({@code <figcaption>}, a block whose class names a caption): it describes the picture, it
     * is not the story's text.
     */
    public static final String IMAGE_CAPTION = "image-caption";
    /** A social post embedded in the story (an X/Twitter, Instagram, TikTok or Facebook embed's blockquote). */
    public static final String EMBEDDED_POST = "embedded-post";
    /** A publisher's disclaimer: «الآراء الواردة في المقال لا تعبر بالضرورة عن رأي الموقع». */
    public static final String DISCLAIMER = "disclaimer";
    /** «التالي» / «السابق» links to the neighbouring stories. */
    public static final String PAGER = "pager";
    /** «الوسوم: …», tag and keyword lists. */
    public static final String TAGS = "tags";
    /** Comment sections and comment policies. */
    public static final String COMMENTS = "comments";
    /** «© 2024 …», «جميع الحقوق محفوظة». */
    public static final String COPYRIGHT = "copyright";
    /** Count only, never listed: an element hidden from readers (hidden, aria-hidden, display:none, sr-only) with text. */
    public static final String HIDDEN_ELEMENT = "hidden-element";
    public static final String WHITESPACE = "whitespace";
    /** Flag only: a dot between two words without tatweel («نص.وهذا»). */
    public static final String DOT_BETWEEN_WORDS = "dot-between-words";

    /** Every rule code above (the vocabulary files may name only these). */
    static final java.util.Set<String> ALL = java.util.Set.of(UNICODE_NFC, PRESENTATION_FORMS, FORMAT_CHARACTERS,
            SPACE_CHARACTERS, PERSIAN_LETTERS, MOJIBAKE, SPLIT_WORD, TATWEEL, DUPLICATE_TITLE, BYLINE, RELATED_LINK,
            FOLLOW_PROMPT, ADVERTISEMENT, SEPARATOR_LINE, SOURCE_LINE, HTML_BOILERPLATE, OUTSIDE_ARTICLE, NAVIGATION,
            SIDEBAR, PAGE_FOOTER, LINK_LIST, BREADCRUMB, DATELINE, IMAGE_CREDIT, IMAGE_CAPTION, EMBEDDED_POST,
            DISCLAIMER, PAGER, TAGS, COMMENTS, COPYRIGHT, HIDDEN_ELEMENT, WHITESPACE, DOT_BETWEEN_WORDS);

    private RuleNames() {
    }
}
