package id.klinikumkm.bot.intake;

/** What a typed phone number turned out to be; the caller picks the hint from the {@link Problem}. */
public sealed interface PhoneCheck {

    /** A mobile number in E.164 form ({@code +628…}), the one spelling stored and compared. */
    record Valid(String e164) implements PhoneCheck {}

    record Invalid(Problem problem) implements PhoneCheck {}

    /** Each problem asks for a different hint, so they are kept apart rather than merged into "invalid". */
    enum Problem { EMPTY, NOT_A_NUMBER, LANDLINE, FOREIGN, TOO_SHORT, TOO_LONG }
}
