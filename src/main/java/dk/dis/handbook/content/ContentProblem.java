package dk.dis.handbook.content;

/** One thing wrong with the content: which file, which field, what is wrong and what to do. */
public record ContentProblem(String file, String field, String message, String fix) {

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (field != null) s.append(": field '").append(field).append('\'');
        s.append(": ").append(message);
        if (fix != null) s.append(" ").append(fix);
        return s.toString();
    }
}
