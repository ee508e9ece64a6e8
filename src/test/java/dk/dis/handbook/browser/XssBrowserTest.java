package dk.dis.handbook.browser;

import dk.dis.handbook.content.ContentException;
import dk.dis.handbook.content.ContentProblem;
import dk.dis.handbook.support.ScriptCanary;
import dk.dis.handbook.support.TestHandbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dk.dis.handbook.support.TestHandbook.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds XSS payloads (the OWASP cheat-sheet families) through content bodies and page headers,
 * builds, serves the site as production would, opens every page in headless Chromium and checks
 * that nothing ran. A payload may also be refused by the build: that is a defence too, and the
 * refusal must name the page.
 */
class XssBrowserTest {
    static final String RUN = ScriptCanary.RUN;
    static final String MARK = ScriptCanary.MARK;

    static final List<String> PAYLOADS = List.of(
            "<script>" + RUN + "</script>",
            "<SCRIPT SRC=//evil.example/xss.js></SCRIPT>",
            "<img src=x onerror=" + RUN + ">",
            "<IMG SRC=\"jav&#x09;ascript:" + RUN + ";\">",
            "<svg onload=" + RUN + ">",
            "<svg><script>" + MARK + "</script></svg>",
            "<body onload=" + RUN + ">",
            "<iframe src=\"javascript:" + RUN + "\"></iframe>",
            "<iframe srcdoc=\"<script>" + RUN + "</script>\"></iframe>",
            "<a href=\"javascript:" + RUN + "\">klik</a>",
            "<a href=\"JaVaScRiPt:" + RUN + "\">klik</a>",
            "<a href=\"&#106;avascript:" + RUN + "\">klik</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">klik</a>",
            "<object data=\"javascript:" + RUN + "\"></object>",
            "<embed src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
            "<input autofocus onfocus=" + RUN + ">",
            "<details open ontoggle=" + RUN + ">",
            "<video><source onerror=\"" + RUN + "\"></video>",
            "<math><a xlink:href=\"javascript:" + RUN + "\">x</a></math>",
            "<style>@import 'https://evil.example/x.css';</style>",
            "<link rel=stylesheet href=https://evil.example/x.css>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:" + RUN + "\">",
            "<base href=\"https://evil.example/\">",
            "<form action=\"javascript:" + RUN + "\"><button>x</button></form>",
            "<button formaction=\"javascript:" + RUN + "\">x</button>",
            "\"><script>" + RUN + "</script>",
            "'><img src=x onerror=" + RUN + ">",
            "</title><script>" + RUN + "</script>",
            "--><script>" + MARK + "</script>",
            "]]><script>" + MARK + "</script>",
            "<scr<script>ipt>" + RUN + "</scr</script>ipt>",
            "<div style=\"background:url(javascript:" + RUN + ")\">x</div>",
            "<marquee onstart=" + RUN + ">x</marquee>",
            "<img src=`x` onerror=`" + RUN + "`>",
            "${" + RUN + "} <#assign x=1> {{constructor.constructor('" + RUN + "')()}}",
            "link:javascript:" + RUN + "[klik]",
            "pass:[<img src=x onerror=" + RUN + ">]",
            "+++<script>" + RUN + "</script>+++",
            "image::x.png[\"x\" onerror=\"" + RUN + "\"]",
            "footnote:[<script>" + RUN + "</script>]",
            "kbd:[<svg onload=" + RUN + ">]",
            "https://evil.example/\"><script>" + RUN + "</script>[klik]");

    @TempDir
    Path dir;

    @Test
    void noPayloadRunsInTheBrowser() throws Exception {
        assertThat(PAYLOADS).hasSizeGreaterThanOrEqualTo(30);
        TestHandbook handbook = new TestHandbook(dir).minimalSite();
        handbook.write("xss/index.adoc", header("Angreb", "xss", "xss", ":jbake-order: 80") + "Sider med fjendtligt indhold.\n");
        Set<String> pending = new TreeSet<>();
        for (int i = 0; i < PAYLOADS.size(); i++) {
            String p = PAYLOADS.get(i);
            String file = String.format("xss/p%02d.adoc", i);
            String oneLine = p.replace("\n", " ");
            handbook.write(file, header("Side " + i + " " + oneLine, "xss", String.format("p%02d", i),
                    ":jbake-summary: " + oneLine, ":jbake-owner: " + oneLine, ":jbake-navtitle: Side " + i + " " + oneLine)
                    + p + "\n\n|===\n|" + oneLine + "\n|===\n\n* " + oneLine + "\n\nNOTE: " + oneLine + "\n");
            pending.add("content/" + file);
        }

        // Build; a refused payload must be refused naming its page. Remove refused pages and build again.
        Set<String> refused = new TreeSet<>();
        for (int attempt = 0; ; attempt++) {
            try {
                handbook.build();
                break;
            } catch (ContentException e) {
                assertThat(attempt).as("builds until all refused pages are out").isLessThan(3);
                for (ContentProblem problem : e.problems()) {
                    assertThat(problem.file()).as(problem.toString()).startsWith("content/xss/p");
                    refused.add(problem.file());
                }
                for (String f : refused) Files.deleteIfExists(handbook.root.resolve(f));
            }
        }
        assertThat(pending.size() - refused.size()).as("payloads that reached a page").isGreaterThanOrEqualTo(25);

        int opened = ScriptCanary.openEveryPage(handbook.out());
        assertThat(opened).isGreaterThan(25);
        System.out.printf("XSS: %d payloads, %d refused by the build, %d pages opened in Chromium%n",
                PAYLOADS.size(), refused.size(), opened);
    }
}
