package dk.dis.handbook.content;

import java.util.regex.Pattern;

/** Walks an Asciidoc text line by line, skipping listing and literal blocks, where markup is shown as text. */
final class AsciidocLines {
    private static final Pattern VERBATIM_DELIMITER = Pattern.compile("^(-{4,}|\\.{4,})\\s*$");

    interface Visitor {
        /** @param number 1-based; @param offset where the line starts in the text */
        void line(int number, String line, int offset);
    }

    private AsciidocLines() {}

    static void outsideVerbatim(String source, Visitor visitor) {
        String openVerbatim = null;
        int offset = 0;
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (VERBATIM_DELIMITER.matcher(line).matches()) {
                String delimiter = line.strip();
                if (openVerbatim == null) openVerbatim = delimiter;
                else if (openVerbatim.equals(delimiter)) openVerbatim = null;
            } else if (openVerbatim == null) {
                visitor.line(i + 1, line, offset);
            }
            offset += line.length() + 1;
        }
    }
}
