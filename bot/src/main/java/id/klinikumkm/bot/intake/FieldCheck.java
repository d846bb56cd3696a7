package id.klinikumkm.bot.intake;

/** What a typed form field turned out to be; the caller picks the hint from the {@link Problem}. */
public sealed interface FieldCheck {

    /** The cleaned text, which is what gets stored, not what was typed. */
    record Valid(String value) implements FieldCheck {}

    record Invalid(Problem problem) implements FieldCheck {}

    /**
     * Each problem asks for a different hint. {@code SYMBOLS} is only given for person names, where emoji and
     * signs such as {@code @ # < >} mean the answer is not a name.
     */
    enum Problem { EMPTY, TOO_SHORT, TOO_LONG, NO_LETTERS, HAS_DIGITS, LOOKS_LIKE_PHONE, SYMBOLS }
}
