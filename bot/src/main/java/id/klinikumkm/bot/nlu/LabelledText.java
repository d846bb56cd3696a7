package id.klinikumkm.bot.nlu;

import java.util.Objects;

/**
 * One example: the intent a person meant, and what they typed.
 *
 * @param line the line number in its file, for error messages and confusion examples (0 if none)
 */
public record LabelledText(String intent, String text, int line) {
    public LabelledText {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(text, "text");
    }
}
