package dk.dis.handbook.config;

import java.util.Locale;
import java.util.regex.Pattern;

/** WCAG 2.1 contrast ratio of two sRGB colours written as #rrggbb. */
public final class Contrast {
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    private Contrast() {}

    public static boolean isHexColour(String s) {
        return s != null && HEX.matcher(s).matches();
    }

    public static double ratio(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff) + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    public static String format(double ratio) {
        return String.format(Locale.ROOT, "%.2f:1", ratio);
    }
}
