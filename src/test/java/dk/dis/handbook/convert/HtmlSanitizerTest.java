package dk.dis.handbook.convert;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlSanitizerTest {
    final HtmlSanitizer sanitizer = new HtmlSanitizer("https://dis.example.dk");

    @ParameterizedTest
    @ValueSource(strings = {
            "<p>a<script>alert(1)</script></p>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "<iframe src=\"https://evil.example/\"></iframe>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
            "<style>body{display:none}</style>",
            "<p style=\"background:url(javascript:alert(1))\">x</p>",
            "<svg onload=alert(1)><circle/></svg>",
            "<form action=\"https://evil.example\"><input name=q></form>",
            "<div onclick=\"alert(1)\">x</div>",
            "<base href=\"https://evil.example/\">",
    })
    void removesEverythingThatCouldRunOrLoadFromElsewhere(String hostile) {
        String clean = sanitizer.clean(hostile).toLowerCase();
        assertThat(clean).doesNotContain("<script", "onerror", "onload", "onclick", "javascript:", "vbscript:", "data:",
                "<iframe", "srcdoc", "<object", "<embed", "<style", "style=", "<form", "<base", "<svg");
    }

    @Test
    void remoteImagesAndVideosBecomePlainLinks() {
        String clean = sanitizer.clean("<img src=\"https://cdn.example/x.png\" alt=\"Kort\">"
                + "<iframe src=\"https://www.youtube.com/embed/abc\"></iframe>");
        assertThat(clean).doesNotContain("<img", "<iframe")
                .contains("<a href=\"https://cdn.example/x.png\">Kort</a>")
                .contains("<a href=\"https://www.youtube.com/embed/abc\">");
    }

    @Test
    void keepsWhatAsciidoctorWritesForOrdinaryContent() {
        String html = "<div class=\"sect1\"><h2 id=\"saet-retning\">Sæt retning</h2><div class=\"sectionbody\">"
                + "<table class=\"tableblock\"><colgroup><col style=\"width: 25%;\"></colgroup><tbody><tr><td colspan=\"2\">x</td></tr></tbody></table>"
                + "<p><a href=\"/trin-2/#tiltag-1\">Trin 2</a> og <a href=\"#test\">Test</a> <img src=\"/assets/img/logo.svg\" alt=\"Logo\"></p>"
                + "<div class=\"diagram\" data-diagram=\"tre-trin\"></div></div></div>";
        String clean = sanitizer.clean(html);
        assertThat(clean).contains("<h2 id=\"saet-retning\">Sæt retning</h2>", "class=\"sect1\"", "colspan=\"2\"",
                "href=\"/trin-2/#tiltag-1\"", "href=\"#test\"", "src=\"/assets/img/logo.svg\"",
                "<div class=\"diagram\" data-diagram=\"tre-trin\"></div>");
        assertThat(clean).doesNotContain("style=");
    }
}
