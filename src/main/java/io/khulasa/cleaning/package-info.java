/**
 * Display-safe Arabic article cleaner. Entry point: {@link io.khulasa.cleaning.ArticleCleaner#clean}.
 * <p>
 * Rule families, in order (names in {@link io.khulasa.cleaning.RuleNames}):
 * <ol>
 * <li>HTML pages ({@code HtmlExtractor}, jsoup): one streaming parse ({@code PageParser}: scripts, styles and hidden
 * elements dropped as they complete, {@code hidden-element} counted; metadata in {@code PageMetadata}), the article
 * container ({@code TextStats}, {@code MainContent}), headline and site name ({@code PageTitle}), then one reported
 * removal per furniture block: {@code outside-article}, {@code navigation}, {@code sidebar}, {@code page-footer},
 * {@code link-list}, {@code related-link}, {@code breadcrumb}, {@code dateline}, {@code byline},
 * {@code image-credit}, {@code image-caption}, {@code embedded-post}, {@code disclaimer}, {@code pager},
 * {@code tags}, {@code comments}, {@code copyright}, {@code duplicate-title},
 * {@code html-boilerplate} ({@code BlockHints} for class/id/role words, {@code PageFurniture} for text).</li>
 * <li>Unicode: {@code mojibake} ({@code MojibakeRepair}), then {@code presentation-forms},
 * {@code format-characters}, {@code space-characters}, {@code unicode-nfc}, {@code persian-letters}
 * ({@code UnicodeNormalizer}, ICU4J).</li>
 * <li>{@code split-word} ({@code SplitWordRepair}), before any tatweel handling; {@code dot-between-words} is
 * flag-only.</li>
 * <li>{@code tatweel} ({@code TatweelRule}).</li>
 * <li>Whole lines ({@code BoilerplateLines}): {@code related-link}, {@code follow-prompt}, {@code advertisement},
 * {@code separator-line}, then {@code duplicate-title} and {@code byline} at the top, {@code source-line} at the
 * end.</li>
 * <li>{@code whitespace} ({@code WhitespaceLines}; runs before the line rules so they see single spaces).</li>
 * </ol>
 * Never: alef/yeh/teh-marbuta folding, diacritic stripping, digit conversion, stemming, quote restyling.
 * <p>
 * Vocabulary is data, not code: the phrases, agency and credit names, date words, share words and class-name hints
 * are in {@code src/main/resources/cleaning/*.yaml} ({@code page-furniture}, {@code boilerplate-lines},
 * {@code block-hints}), read and checked at start by {@code Vocabulary} (a broken file stops start-up, naming
 * itself); the quick first-word and first-letter checks are derived from them. The numbers the rules judge by are
 * in {@code Thresholds}; the block rules inside the article container are the ordered
 * {@code HtmlExtractor.Pruning.InsideRule} list.
 */
package io.khulasa.cleaning;
