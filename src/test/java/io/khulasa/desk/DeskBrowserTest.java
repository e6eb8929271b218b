package io.khulasa.desk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which recorded requests are the browser's own (never the page's, never network traffic). */
class DeskBrowserTest {

    @ParameterizedTest
    @CsvSource({
            "chrome://new-tab-page/, true",
            "chrome-untrusted://new-tab-page/one-google-bar?paramsencoded=, true",
            "CHROME-UNTRUSTED://new-tab-page/, true",
            "devtools://devtools/bundled/inspector.html, true",
            "chrome-extension://abc/background.js, true",
            "about:blank, true",
            "http://127.0.0.1:8081/v1/summaries, false",
            "https://fonts.googleapis.com/css, false",
            "'data:text/plain;base64,AA==', false",
            "'', false",
    })
    void browserInternalSchemesAreNotPageRequests(String url, boolean internal) {
        assertThat(DeskBrowser.browserInternal(url)).as(url).isEqualTo(internal);
    }
}
