package id.klinikumkm.bot.intake;

/** What a typed kecamatan turned out to be; only {@link Exact} may be stored without asking back. */
public sealed interface KecamatanMatch {

    /** One of {@link Kecamatans#ALL}, spelled as there. */
    record Exact(String name) implements KecamatanMatch {}

    /** A likely typo of this kecamatan, to be confirmed by the user before it is stored. */
    record Suggestion(String name) implements KecamatanMatch {}

    /** A place the clinic does not serve, named so the user sees why, e.g. {@code Kota Probolinggo (Mayangan)}. */
    record Outside(String place) implements KecamatanMatch {}

    record Unknown() implements KecamatanMatch {}
}
