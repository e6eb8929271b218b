/**
 * Display-safe Arabic article cleaner. Entry point: {@link io.khulasa.cleaning.ArticleCleaner#clean}.
 * <p>
 * Rule families, in order (names in {@link io.khulasa.cleaning.RuleNames}):
 * <ol>
 * <li>HTML ({@code html-boilerplate}): {@code HtmlExtractor}, jsoup.</li>
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
 */
package io.khulasa.cleaning;
