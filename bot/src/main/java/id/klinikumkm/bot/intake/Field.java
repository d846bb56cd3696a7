package id.klinikumkm.bot.intake;

import java.util.Arrays;
import java.util.Optional;

/** The intake's questions, in the order asked; each is also a step of the flow and a slot of the form. */
enum Field {
    NAME("name"),
    BUSINESS("business"),
    PRODUCT("product"),
    KECAMATAN("kecamatan"),
    PHONE("phone"),
    NEEDS("needs"),
    DESCRIPTION("description");

    private final String id;

    Field(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /** 1-based, for "3/7". */
    int number() {
        return ordinal() + 1;
    }

    boolean optional() {
        return this == BUSINESS;
    }

    Optional<Field> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    static Optional<Field> of(String id) {
        return Arrays.stream(values()).filter(field -> field.id.equals(id)).findFirst();
    }
}
