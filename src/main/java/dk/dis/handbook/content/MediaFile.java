package dk.dis.handbook.content;

import java.nio.file.Path;

/**
 * An image a page shows: where the site publishes it (a content-hashed name under /assets/, so it
 * is cached for good) and the file under content/ it comes from.
 */
public record MediaFile(String url, Path source) {
    public static final String URL_FOLDER = "/assets/billeder/";
}
