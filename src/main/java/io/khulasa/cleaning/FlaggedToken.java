package io.khulasa.cleaning;

/**
 * A suspicious token the cleaner reported but did not change, because a fix could be wrong
 * (e.g. «نص.وهذا»: a missing space or a split word?).
 *
 * @param rule   the rule name from {@link RuleNames}
 * @param token  the token as it appears in the cleaned text
 * @param reason why it looks suspicious, in English, for editors
 */
public record FlaggedToken(String rule, String token, String reason) {
}
