package dk.dis.handbook.convert;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.net.URI;

/**
 * Cleans a page body converted from content with jsoup's maintained sanitizer: only the elements
 * and attributes Asciidoctor's HTML uses stay; scripts, event handlers, styles, frames and
 * script/data URLs go. Images and frames from other origins become plain links, so a page never
 * loads anything from a third party.
 */
public final class HtmlSanitizer {

    private final Cleaner cleaner;
    private final String baseUri;

    public HtmlSanitizer(String siteBaseUrl) {
        this.baseUri = siteBaseUrl.endsWith("/") ? siteBaseUrl : siteBaseUrl + "/";
        Safelist safelist = Safelist.relaxed()
                .addTags("div", "span", "section", "figure", "figcaption", "details", "summary", "mark",
                        "kbd", "abbr", "small", "hr", "time")
                .addAttributes(":all", "id", "class", "title", "lang")
                .addAttributes("a", "rel")
                .addAttributes("ol", "reversed")
                .addAttributes("details", "open")
                .addAttributes("time", "datetime")
                .addAttributes("div", "data-diagram")
                .addProtocols("a", "href", "#")
                .preserveRelativeLinks(true);
        this.cleaner = new Cleaner(safelist);
    }

    public String clean(String bodyHtml) {
        Document dirty = Jsoup.parseBodyFragment(bodyHtml, baseUri);
        externalEmbedsToLinks(dirty);
        Document clean = cleaner.clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /** Remote images, videos and frames would make the reader's browser call a third party: link to them instead. */
    private void externalEmbedsToLinks(Document doc) {
        for (Element embed : doc.select("img[src], iframe[src], video[src], audio[src], source[src], embed[src], object[data]")) {
            String src = embed.hasAttr("src") ? embed.attr("src") : embed.attr("data");
            if (!isExternal(src)) continue;
            String label = embed.hasAttr("alt") && !embed.attr("alt").isBlank() ? embed.attr("alt") : src;
            Element link = new Element("a").attr("href", src).text(label);
            embed.replaceWith(link);
        }
    }

    private static boolean isExternal(String src) {
        try {
            URI uri = URI.create(src.strip());
            return uri.getScheme() != null || uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
