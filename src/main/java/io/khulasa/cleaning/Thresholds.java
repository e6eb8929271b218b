package io.khulasa.cleaning;

/**
 * Every number the extraction rules judge a page, a block or a line by, named and in one place (issue 23: they were
 * 54 literals beside a few named constants). {@link #DEFAULT} is what the cleaner uses; the names say what each
 * number bounds. Changing one moves the extraction figures: report the tuned and the blind page scores
 * ({@code bench/extraction.sh}) with the change.
 *
 * @param blocks    whole blocks inside the article container ({@code HtmlExtractor})
 * @param furniture short blocks read as text ({@code PageFurniture})
 * @param lines     whole lines of the extracted text ({@code BoilerplateLines})
 * @param container finding the article container ({@code MainContent}, Readability-style scoring)
 */
record Thresholds(Blocks blocks, Furniture furniture, Lines lines, Container container) {

    static final Thresholds DEFAULT = new Thresholds(
            new Blocks(200, 300, 500, 600, 4, 200, 3, 16, 40, 300, 2, 25, 10, 10, 0.6, 150, 0.35, 20, 2, 6, 200, 60, 120,
                    100),
            new Furniture(7, 20, 30, 16, 8, 8, 6, 30, 4, 60, 40, 24, 4, 7, 5, 80, 0.8),
            new Lines(18, 30, 25, 8, 15, 30, 6, 40, 80, 4),
            new Container(25, 40, 0.5, 100.0, 3, 5, 0.25, 0.25, 5, 0.75, 3, 12, 3, 3, 10, 0.2, 0.2, 80, 0.25, 0.6, 150,
                    1.6, 400, 3, 1.25, 300));

    /**
     * @param reportedChars        longest {@code line} of a removed block in the report (cut with «…»)
     * @param shortBlockChars      a block is read as a whole (dateline? byline? marker?) only up to this many characters
     * @param captionChars         a picture caption is at most this long (a longer captioned block holds more)
     * @param teaserChars          a teaser card (linked headline, summary, time) is at most this long
     * @param kickerWords          above the headline, a block of at most this many words is a label (kicker, section)
     * @param declaredBodyChars    a JSON-LD articleBody replaces the DOM text only when it has at least this many
     *                             characters …
     * @param declaredBodyRatio    … and more than this many times the DOM text's
     * @param longBlockWords       a standalone block of more words is read whole only when it may start furniture
     * @param longBlockHeadChars   … judged on this many of its first characters
     * @param holdsArticleChars    a class word on a block with at least this much non-link text …
     * @param holdsArticleFactor   … that is, times this factor, at least the container's text, is not junk
     * @param paragraphWords       a {@code <p>} of at least this many words is never a link-dense block
     * @param onlyALinkWords       a block that is one link of at most this many words is furniture
     * @param linkDenseMinChars    a block under this many characters is never link-dense …
     * @param linkDensity          … nor one whose link share is under this …
     * @param linkDenseMaxText     … nor one with at least this much non-link text
     * @param linkishDensity       after a related-links marker: a block with this link share …
     * @param linkishWords         … or at most this many words (and a link) is one of the links
     * @param linkListMinItems     a list of links has at least this many items …
     * @param linkListLinkedTenths … of which at least this many tenths are links …
     * @param linkListMaxText      … and under this much non-link text
     * @param furnitureHeadChars   characters a block's start is read from to tell whether it may be furniture
     * @param figureTextChars      a figure's first text longer than this is no credit
     * @param creditChars          a figure block of at most this many characters may be a credit
     */
    record Blocks(int reportedChars, int shortBlockChars, int captionChars, int teaserChars, int kickerWords,
            int declaredBodyChars, int declaredBodyRatio, int longBlockWords, int longBlockHeadChars,
            int holdsArticleChars, int holdsArticleFactor, int paragraphWords, int onlyALinkWords, int linkDenseMinChars,
            double linkDensity, int linkDenseMaxText, double linkishDensity, int linkishWords, int linkListMinItems,
            int linkListLinkedTenths, int linkListMaxText, int furnitureHeadChars, int figureTextChars,
            int creditChars) {
    }

    /**
     * @param markerWords           a bare marker («اقرأ أيضاً») has at most this many words
     * @param markerWithTailWords   a marker with its headline («اقرأ أيضاً: …») has at most marker + this many
     * @param leadingMarkerWords    a marker with its links in one block has at most marker + this many
     * @param datelineWords         a dateline has at most this many words
     * @param bylineWords           a byline has at most this many words
     * @param creditWords           a picture credit has at most this many words
     * @param pagerWords            a bare pager has at most this many words
     * @param copyrightWords        a copyright line has at most this many words
     * @param captionLabelWords     «التعليق على الصورة» has at most this many words
     * @param commentPolicyWords    a comment policy has at most this many words
     * @param disclaimerWords       a disclaimer has at most this many words
     * @param pagerWithTitleWords   a pager with the neighbouring story's headline has at most this many words
     * @param metaPartWords         each part of «outlet | date» besides the date has at most this many words
     * @param placeAndNameWords     «القاهرة - فلان» has at most this many words
     * @param writtenByWords        «كتب فلان» has at most this many words
     * @param bylineChars           a byline has at most this many characters
     * @param leadingMarkerLinkShare with a leading marker, links are at least this share of the rest of the block
     */
    record Furniture(int markerWords, int markerWithTailWords, int leadingMarkerWords, int datelineWords,
            int bylineWords, int creditWords, int pagerWords, int copyrightWords, int captionLabelWords,
            int commentPolicyWords, int disclaimerWords, int pagerWithTitleWords, int metaPartWords,
            int placeAndNameWords, int writtenByWords, int bylineChars, double leadingMarkerLinkShare) {
    }

    /**
     * @param headlineWords    a linked headline has at most this many words
     * @param linkLineWords    a related-link line has at most this many words
     * @param promptWords      a follow prompt or a subscription notice has at most this many words
     * @param bylineWords      an outlet byline has at most this many words
     * @param sourceWords      a final «المصدر: …» line has at most this many words
     * @param titleWords       a duplicated first line is a title only with at most this many words
     * @param shortLineWords   a line of at most this many words is matched whatever its first letter
     * @param advertChars      an advertisement label has at most this many characters
     * @param bylineChars      an outlet byline has at most this many characters
     * @param outletSideWords  each side of «outlet | author» has at most this many words
     */
    record Lines(int headlineWords, int linkLineWords, int promptWords, int bylineWords, int sourceWords,
            int titleWords, int shortLineWords, int advertChars, int bylineChars, int outletSideWords) {
    }

    /**
     * @param minBlockChars       a paragraph with less text scores nothing
     * @param minOwnChars         a div's own text counts as a paragraph from this many characters
     * @param maxLinkDensity      a paragraph with a higher link share scores nothing
     * @param charsPerPoint       a paragraph scores a point per this many characters …
     * @param maxLengthPoints     … up to this many
     * @param ancestorLevels      a paragraph's score goes to this many ancestors
     * @param classStep           each class word moves a container's score by this share …
     * @param minClassFactor      … never below this factor
     * @param topCandidates       the best this many containers are compared …
     * @param alternativeShare    … a container scoring this share of the best is an alternative …
     * @param minAlternatives     … and this many alternatives inside one ancestor …
     * @param alternativeLevels   … within this many levels make that ancestor the container
     * @param containedAlternatives … when it holds at least this many of them
     * @param parentScoreDivisor  a parent keeps the container's place while it scores at least its score / this
     * @param minSiblingScore     a sibling joins the container from this score …
     * @param siblingShare        … or this share of the container's score …
     * @param sameClassBonus      … plus this share when it has the container's class
     * @param shortSiblingChars   a sibling paragraph over this many characters …
     * @param siblingLinkDensity  … with a link share under this joins the container
     * @param declaredShare       the block holding the JSON-LD articleBody is the container when it has this share
     *                            of the container's text …
     * @param declaredChars       … and at least this many characters
     * @param widenFactor         an ancestor with at most this factor of the container's text …
     * @param widenSlack          … plus this many characters is the container (it holds the story's split parts)
     * @param widenLevels         the container may widen up this many levels …
     * @param parentFactor        … unless the parent has more than this factor of its text …
     * @param parentSlack         … plus this many characters
     */
    record Container(int minBlockChars, int minOwnChars, double maxLinkDensity, double charsPerPoint,
            double maxLengthPoints, int ancestorLevels, double classStep, double minClassFactor, int topCandidates,
            double alternativeShare, int minAlternatives, int alternativeLevels, int containedAlternatives,
            double parentScoreDivisor, double minSiblingScore, double siblingShare, double sameClassBonus,
            int shortSiblingChars, double siblingLinkDensity, double declaredShare, int declaredChars,
            double widenFactor, int widenSlack, int widenLevels, double parentFactor, int parentSlack) {
    }
}
