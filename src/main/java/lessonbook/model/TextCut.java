package lessonbook.model;

/**
 * One text cut to its first characters, saying how many it left out: {@code vvvv ... (59,900,002 more characters
 * not kept)}. For the outputs that are one piece of text rather than a stream, which the head and tail of a cell's
 * output ({@link OutputBudget}) do not cut before they cross the socket: an exception's message, a value. Pure logic.
 */
public final class TextCut {
    private static final String END = " more characters not kept)";
    /** How much a text already cut may have gained in front (a worker's message inside the kernel's exception). */
    private static final int ROOM_IN_FRONT = 400;

    private TextCut() {
    }

    /**
     * {@code text} if it has at most {@code max} characters, else its first {@code max} and the count of the rest;
     * {@code null} stays null. A text already cut, with a few words put in front, is left as it is, so its count
     * stays the true one.
     */
    public static String head(String text, int max) {
        if (text == null || text.length() <= max || text.length() <= max + ROOM_IN_FRONT && text.endsWith(END)) {
            return text;
        }
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;   // never half a character
        }
        return text.substring(0, end) + " ... (" + String.format("%,d", text.length() - end) + END;
    }
}
