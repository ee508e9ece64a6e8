package dk.dis.handbook.content;

import java.util.List;
import java.util.stream.Collectors;

/** The build stops on content problems; all of them are reported at once so an editor can fix them in one go. */
public class ContentException extends Exception {
    private final List<ContentProblem> problems;

    public ContentException(List<ContentProblem> problems) {
        super(problems.size() + " content problem(s):\n" + problems.stream()
                .map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public ContentException(ContentProblem problem) {
        this(List.of(problem));
    }

    public List<ContentProblem> problems() {
        return problems;
    }
}
