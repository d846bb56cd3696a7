package id.klinikumkm.bot.intake;

import id.klinikumkm.bot.cases.CaseTexts;
import id.klinikumkm.bot.cases.NewCase;
import id.klinikumkm.bot.conversation.BotTexts;
import id.klinikumkm.bot.conversation.ConversationState;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The intake's answers so far, kept in the chat's {@link ConversationState} slots (so a restart or another
 * instance continues the form) together with the bookkeeping of the attempt.
 */
record IntakeForm(ConversationState state) {
    /** The attempt's token: the "Kirim" button carries it, and one attempt opens one case. */
    static final String SUBMISSION = "id";
    /** Where the transcript stood when the attempt began; /batal forgets what came after. */
    static final String MARK = "mark";
    static final String OUTSIDE = "outside";
    static final String TRIES = "tries";
    static final String EDITING = "edit";
    static final String SUGGESTION = "suggest";
    static final String PAUSED_AT = "paused";
    /** Details of the chat's previous case, offered for reuse, under this prefix. */
    static final String PREVIOUS = "prev.";

    Optional<String> get(String slot) {
        return state.slot(slot).filter(value -> !value.isEmpty());
    }

    String value(Field field) {
        return state.slot(field.id()).orElse("");
    }

    boolean answered(Field field) {
        return state.slot(field.id()).isPresent() || field == Field.KECAMATAN && get(OUTSIDE).isPresent();
    }

    int tries() {
        return Integer.parseInt(state.slot(TRIES).orElse("0"));
    }

    boolean editing() {
        return state.slot(EDITING).isPresent();
    }

    long mark() {
        return Long.parseLong(state.slot(MARK).orElse("0"));
    }

    IntakeForm with(String slot, String value) {
        return new IntakeForm(state.with(slot, value));
    }

    IntakeForm without(String... slots) {
        Map<String, String> kept = new HashMap<>(state.slots());
        for (String slot : slots) {
            kept.remove(slot);
        }
        return new IntakeForm(new ConversationState(state.flow(), state.step(), kept, state.enteredAt()));
    }

    /** At {@code step}, entered now, with a fresh count of unclear answers. */
    IntakeForm at(String step, Instant now) {
        return new IntakeForm(state.at(step, now)).without(TRIES);
    }

    /** The kecamatan answer: one of the 24, or the place outside the regency the user named. */
    IntakeForm withKecamatan(Optional<String> kecamatan, Optional<String> outside) {
        IntakeForm form = without(Field.KECAMATAN.id(), OUTSIDE, SUGGESTION);
        return kecamatan.isPresent() ? form.with(Field.KECAMATAN.id(), kecamatan.get()) : form.with(OUTSIDE, outside.orElseThrow());
    }

    /** The previous case's details copied in as answers. */
    IntakeForm reusingPrevious() {
        IntakeForm form = this;
        for (Map.Entry<String, String> slot : state.slots().entrySet()) {
            if (slot.getKey().startsWith(PREVIOUS)) {
                form = form.with(slot.getKey().substring(PREVIOUS.length()), slot.getValue());
            }
        }
        return form.withoutPrevious();
    }

    IntakeForm withoutPrevious() {
        return without(state.slots().keySet().stream().filter(slot -> slot.startsWith(PREVIOUS)).toArray(String[]::new));
    }

    /** The lines of the summary ("Nama: ..."), for the summary and the reuse question. */
    String lines(BotTexts texts, List<Field> fields) {
        StringBuilder text = new StringBuilder();
        for (Field field : fields) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(texts.get("intake.label." + field.id())).append(": ").append(shown(texts, field));
        }
        return text.toString();
    }

    private String shown(BotTexts texts, Field field) {
        return switch (field) {
            case BUSINESS -> value(field).isEmpty() ? texts.get("intake.business.none") : value(field);
            case KECAMATAN -> get(OUTSIDE).map(place -> texts.get("intake.kec.outside.value").replace("{0}", place))
                    .orElse(value(field));
            case PHONE -> value(field).isEmpty() ? "" : PhoneNumbers.display(value(field));
            case NEEDS -> CaseTexts.needs(texts, value(field));
            default -> value(field);
        };
    }

    /** The answers as the case keeps them, field by field. */
    Map<String, String> answers() {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Field field : Field.values()) {
            answers.put(field.id(), value(field));
        }
        get(OUTSIDE).ifPresent(place -> answers.put(OUTSIDE, place));
        return answers;
    }

    NewCase toCase(String intakeJson) {
        return new NewCase(state.slot(SUBMISSION).orElseThrow(), value(Field.NAME),
                Optional.of(value(Field.BUSINESS)).filter(name -> !name.isEmpty()), value(Field.PRODUCT),
                get(OUTSIDE).isPresent() ? Optional.empty() : Optional.of(value(Field.KECAMATAN)), get(OUTSIDE),
                value(Field.PHONE), Needs.parse(value(Field.NEEDS)), value(Field.DESCRIPTION), intakeJson);
    }
}
