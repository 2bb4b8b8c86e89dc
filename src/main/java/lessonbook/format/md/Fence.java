package lessonbook.format.md;

/**
 * A CommonMark fence line ({@code ```java}, {@code ~~~~ output}) at the top level of a lesson: at most three
 * spaces of indentation, three or more backticks or tildes, then an info string. Checked by hand, not with a
 * regular expression, so that a pathological line costs time linear in its length.
 */
record Fence(char marker, int length, int indent, String info) {

    /** The fence this line opens, or null when it opens none. */
    static Fence opening(String line) {
        int indent = leadingSpaces(line);
        if (indent > 3 || indent >= line.length()) {
            return null;
        }
        char marker = line.charAt(indent);
        if (marker != '`' && marker != '~') {
            return null;
        }
        int run = runLength(line, indent, marker);
        if (run < 3) {
            return null;
        }
        String info = line.substring(indent + run).strip();
        if (marker == '`' && info.indexOf('`') >= 0) {
            return null; // CommonMark: a backtick fence's info string may not hold a backtick
        }
        return new Fence(marker, run, indent, info);
    }

    /** True when {@code line} closes this fence: same marker, at least as long, nothing after but spaces. */
    boolean closedBy(String line) {
        int indent = leadingSpaces(line);
        if (indent > 3 || indent >= line.length() || line.charAt(indent) != marker) {
            return false;
        }
        int run = runLength(line, indent, marker);
        return run >= length && line.substring(indent + run).isBlank();
    }

    /** The first word of the info string: {@code java} for {@code ```java title="x"}. */
    String language() {
        int space = 0;
        while (space < info.length() && !Character.isWhitespace(info.charAt(space))) {
            space++;
        }
        return info.substring(0, space);
    }

    /** Exactly {@code java}: a fence like {@code ```java prose} is an example inside prose, not a cell. */
    boolean isJava() {
        return info.equals("java");
    }

    /**
     * A code cell's fence: {@code java}, or an exercise {@code java exercise [id=NAME]} or its checks
     * {@code java check [points=N]}, each with {@code input=hidden} and {@code output=hidden} where its code or
     * output is hidden. Any other second word (e.g. {@code java prose}) makes an example in prose.
     */
    boolean isCell() {
        if (isJava()) {
            return true;
        }
        String[] words = info.split("\\s+");
        if (words.length >= 2 && words[0].equals("java") && java.util.Arrays.stream(words).skip(1)
                .allMatch(w -> w.equals(OUTPUT_HIDDEN) || w.equals(INPUT_HIDDEN))) {
            return true;
        }
        if (words.length < 2 || !words[0].equals("java") || !(words[1].equals(EXERCISE) || words[1].equals(CHECK))) {
            return false;
        }
        for (int i = 2; i < words.length; i++) {
            if (words[i].indexOf('=') <= 0) {
                return false; // "java exercise prose": an example of the fence, shown in prose
            }
        }
        return true;
    }

    static final String EXERCISE = "exercise";
    /** A cell whose output is hidden (Jupyter's O), e.g. {@code ```java output=hidden}. */
    static final String OUTPUT_HIDDEN = "output=hidden";
    /** A cell whose code is hidden (JupyterLab's collapsed input), e.g. {@code ```java input=hidden}. */
    static final String INPUT_HIDDEN = "input=hidden";
    static final String CHECK = "check";

    /** The value of {@code key=value} in the info string, or null. */
    String attribute(String key) {
        for (String word : info.split("\\s+")) {
            if (word.startsWith(key + "=")) {
                return word.substring(key.length() + 1);
            }
        }
        return null;
    }

    /** The second word of a cell's info string ({@value #EXERCISE}, {@value #CHECK}), or "" for plain java. */
    String cellKind() {
        String[] words = info.split("\\s+");
        return words.length >= 2 && !words[1].contains("=") ? words[1] : "";
    }

    boolean outputHidden() {
        return hasWord(OUTPUT_HIDDEN);
    }

    boolean inputHidden() {
        return hasWord(INPUT_HIDDEN);
    }

    private boolean hasWord(String word) {
        return java.util.Arrays.asList(info.split("\\s+")).contains(word);
    }

    boolean isOutput() {
        return info.equals("output");
    }

    /** Removes up to this fence's indentation from a content line, as CommonMark does. */
    String unindent(String line) {
        int strip = Math.min(indent, leadingSpaces(line));
        return line.substring(strip);
    }

    /** The shortest backtick fence (3 or more) that no backtick run in {@code text} can close. */
    static String backticksFor(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    private static int leadingSpaces(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static int runLength(String line, int from, char marker) {
        int i = from;
        while (i < line.length() && line.charAt(i) == marker) {
            i++;
        }
        return i - from;
    }
}
