package dk.dis.handbook.site;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as readers write them: 12. december 2017 in Danish, 12 December 2017 in English. */
public final class Dates {
    private static final DateTimeFormatter DANISH = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("da"));

    private Dates() {}

    public static String format(LocalDate date, String locale) {
        if (date == null) return null;
        if (locale.equals("da")) return DANISH.format(date);
        return DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag(locale)).format(date);
    }
}
