package dk.dis.handbook.bake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as Danish readers write them: 12. december 2017. */
public final class DanishDates {
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("da"));

    private DanishDates() {}

    public static String format(LocalDate date) {
        return date == null ? null : LONG.format(date);
    }
}
