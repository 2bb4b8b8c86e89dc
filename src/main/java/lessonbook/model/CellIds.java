package lessonbook.model;

import java.security.SecureRandom;

/** New cell ids in the form nbformat 4.5 accepts (1-64 chars of [a-zA-Z0-9-_]). */
public final class CellIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private CellIds() {
    }

    public static String next() {
        char[] id = new char[8];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
