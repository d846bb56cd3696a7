package id.klinikumkm.bot.intake;

import static id.klinikumkm.bot.intake.IntakeAsking.CONFIRM;
import static id.klinikumkm.bot.intake.IntakeAsking.SUMMARY;

import id.klinikumkm.bot.conversation.Intents;
import id.klinikumkm.bot.conversation.Interpretation;
import id.klinikumkm.bot.conversation.Outcome;
import id.klinikumkm.bot.conversation.Reply;
import id.klinikumkm.bot.conversation.TurnContext;
import id.klinikumkm.bot.conversation.YesNo;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The answers to the form's fields, typed or pressed: checked, normalised, and on to the next question. */
final class FieldAnswers {
    private static final Set<String> SKIP_WORDS = Set.of("lewati", "lewat", "skip", "-", "tidak ada", "belum ada", "gak ada",
            "nggak ada", "tidak punya", "belum punya", "kosong", "tdk ada", "blm ada");

    private final IntakeAsking asking;

    FieldAnswers(IntakeAsking asking) {
        this.asking = asking;
    }

    /** A field's button: skip, a kecamatan, its confirmation, a need toggled, or the needs done. */
    Outcome pressed(TurnContext turn, IntakeForm form, String action, String arg) {
        String step = form.state().step();
        return switch (action) {
            case "skip" -> step.equals(Field.BUSINESS.id()) ? next(turn, form.with(Field.BUSINESS.id(), ""), Field.BUSINESS)
                    : asking.stale(turn, form);
            case "kec" -> step.equals(Field.KECAMATAN.id()) || step.equals(CONFIRM) ? kecamatanButton(turn, form, arg)
                    : asking.stale(turn, form);
            case "confirm" -> step.equals(CONFIRM) ? confirmed(turn, form, arg.equals("yes")) : asking.stale(turn, form);
            case "need" -> step.equals(Field.NEEDS.id()) && Needs.ALL.contains(arg) ? toggle(turn, form, arg) : asking.stale(turn, form);
            case "needs" -> step.equals(Field.NEEDS.id()) ? needsDone(turn, form) : asking.stale(turn, form);
            default -> asking.stale(turn, form);
        };
    }

    Outcome answer(TurnContext turn, IntakeForm form, Field field, String text) {
        return switch (field) {
            case NAME -> name(turn, form, text);
            case BUSINESS -> SKIP_WORDS.contains(text.toLowerCase(Locale.ROOT)) ? next(turn, form.with(field.id(), ""), field)
                    : asking.questionOr(turn, form, text, () -> checked(turn, form, field, TextFields.businessName(text)));
            case PRODUCT -> asking.questionOr(turn, form, text, () -> checked(turn, form, field, TextFields.product(text)));
            case KECAMATAN -> kecamatan(turn, form, Kecamatans.match(text), text);
            case PHONE -> phone(turn, form, PhoneNumbers.read(text), Optional.of(text));
            case NEEDS -> needs(turn, form, Needs.read(text), text);
            case DESCRIPTION -> checked(turn, form, field, TextFields.description(text));
        };
    }

    /**
     * Names are not understood by the classifier, so anything it is sure about is not a name: a topic is answered
     * aside, a greeting or "mau konsultasi" gets the question again.
     */
    private Outcome name(TurnContext turn, IntakeForm form, String text) {
        Interpretation meaning = turn.interpret(text);
        if (meaning.decision() != Interpretation.Decision.ANSWER) {
            return checked(turn, form, Field.NAME, TextFields.personName(text));
        }
        return Intents.isTopic(meaning.topIntent())
                ? asking.aside(turn, form, turn.answer(meaning.topIntent()))
                : asking.miss(turn, form, Field.NAME, "intake.hint.name", "NOT_A_NAME");
    }

    private Outcome checked(TurnContext turn, IntakeForm form, Field field, FieldCheck check) {
        if (check instanceof FieldCheck.Valid valid) {
            return next(turn, form.with(field.id(), valid.value()), field);
        }
        return asking.miss(turn, form, field, "intake.hint." + field.id(), ((FieldCheck.Invalid) check).problem().name());
    }

    private Outcome kecamatan(TurnContext turn, IntakeForm form, KecamatanMatch match, String text) {
        if (match instanceof KecamatanMatch.Exact exact) {
            return next(turn, form.withKecamatan(Optional.of(exact.name()), Optional.empty()), Field.KECAMATAN);
        }
        if (match instanceof KecamatanMatch.Outside outside) {
            return outside(turn, form, outside.place());
        }
        if (match instanceof KecamatanMatch.Suggestion suggestion) {
            IntakeForm asking = form.with(IntakeForm.SUGGESTION, suggestion.name()).at(CONFIRM, turn.now());
            return Outcome.then(asking.state(), IntakeQuestions.confirmKecamatan(turn, suggestion.name()));
        }
        return asking.questionOr(turn, form, text, () -> asking.miss(turn, form, Field.KECAMATAN, "intake.hint.kecamatan", ""));
    }

    private Outcome outside(TurnContext turn, IntakeForm form, String place) {
        String note = place.contains("Kota Probolinggo") ? "intake.kec.outside.kota" : "intake.kec.outside.note";
        return next(turn, form.withKecamatan(Optional.empty(), Optional.of(place)), Field.KECAMATAN)
                .withFirst(Reply.of(turn.text(note).replace("{0}", place)));
    }

    Outcome confirm(TurnContext turn, IntakeForm form, String text) {
        Optional<Boolean> yes = YesNo.read(text);
        if (yes.isPresent()) {
            return confirmed(turn, form, yes.get());
        }
        return kecamatan(turn, form.without(IntakeForm.SUGGESTION).at(Field.KECAMATAN.id(), turn.now()), Kecamatans.match(text), text);
    }

    private Outcome confirmed(TurnContext turn, IntakeForm form, boolean yes) {
        Optional<String> suggestion = form.get(IntakeForm.SUGGESTION);
        if (yes && suggestion.isPresent()) {
            return next(turn, form.withKecamatan(suggestion, Optional.empty()), Field.KECAMATAN);
        }
        return asking.ask(turn, form.without(IntakeForm.SUGGESTION).at(Field.KECAMATAN.id(), turn.now()));
    }

    /**
     * @param check null for a contact card that is not the user's own
     * @param typed the typed text, which may be a question instead
     */
    Outcome phone(TurnContext turn, IntakeForm form, PhoneCheck check, Optional<String> typed) {
        if (check instanceof PhoneCheck.Valid valid) {
            Reply saved = Reply.of(turn.text("intake.phone.saved").replace("{0}", PhoneNumbers.display(valid.e164())));
            return next(turn, form.with(Field.PHONE.id(), valid.e164()), Field.PHONE).withFirst(saved);
        }
        if (check == null) {
            return asking.miss(turn, form, Field.PHONE, "intake.hint.phone", "NOT_OWN");
        }
        String problem = ((PhoneCheck.Invalid) check).problem().name();
        return typed.isPresent()
                ? asking.questionOr(turn, form, typed.get(), () -> asking.miss(turn, form, Field.PHONE, "intake.hint.phone", problem))
                : asking.miss(turn, form, Field.PHONE, "intake.hint.phone", problem);
    }

    private Outcome needs(TurnContext turn, IntakeForm form, Set<String> named, String text) {
        if (!named.isEmpty()) {
            return next(turn, form.with(Field.NEEDS.id(), Needs.format(named)), Field.NEEDS);
        }
        return asking.questionOr(turn, form, text, () -> asking.miss(turn, form, Field.NEEDS, "intake.hint.needs", ""));
    }

    private Outcome kecamatanButton(TurnContext turn, IntakeForm form, String arg) {
        if (arg.equals("out")) {
            return outside(turn, form, turn.text("intake.kec.outside"));
        }
        KecamatanMatch match = Kecamatans.match(arg);
        return match instanceof KecamatanMatch.Exact ? kecamatan(turn, form, match, arg) : asking.stale(turn, form);
    }

    private Outcome toggle(TurnContext turn, IntakeForm form, String need) {
        Set<String> chosen = new TreeSet<>(Needs.parse(form.value(Field.NEEDS)));
        if (!chosen.remove(need)) {
            chosen.add(need);
        }
        IntakeForm toggled = form.with(Field.NEEDS.id(), Needs.format(chosen));
        return Outcome.then(toggled.state(), IntakeQuestions.ask(turn, toggled, Field.NEEDS));
    }

    private Outcome needsDone(TurnContext turn, IntakeForm form) {
        if (Needs.parse(form.value(Field.NEEDS)).isEmpty()) {
            return asking.again(turn, form, "intake.needs.none");
        }
        return next(turn, form, Field.NEEDS);
    }

    /** After a valid answer: the summary when editing or when every field is answered, else the next question. */
    Outcome next(TurnContext turn, IntakeForm form, Field answered) {
        Optional<Field> next = answered.next();
        if (form.editing() || next.isEmpty()) {
            return asking.ask(turn, form.without(IntakeForm.EDITING).at(SUMMARY, turn.now()));
        }
        return asking.ask(turn, form.at(next.get().id(), turn.now()));
    }
}
