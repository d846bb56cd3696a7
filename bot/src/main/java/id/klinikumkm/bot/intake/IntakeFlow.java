package id.klinikumkm.bot.intake;

import static id.klinikumkm.bot.intake.IntakeAsking.CONFIRM;
import static id.klinikumkm.bot.intake.IntakeAsking.CONSENT;
import static id.klinikumkm.bot.intake.IntakeAsking.PAUSED;
import static id.klinikumkm.bot.intake.IntakeAsking.REUSE;
import static id.klinikumkm.bot.intake.IntakeAsking.SUMMARY;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.accounts.Secrets;
import id.klinikumkm.bot.cases.Cases;
import id.klinikumkm.bot.config.OfficeHours;
import id.klinikumkm.bot.conversation.ButtonHandler;
import id.klinikumkm.bot.conversation.ConversationState;
import id.klinikumkm.bot.conversation.Effect;
import id.klinikumkm.bot.conversation.Flow;
import id.klinikumkm.bot.conversation.Input;
import id.klinikumkm.bot.conversation.Interpretation;
import id.klinikumkm.bot.conversation.Outcome;
import id.klinikumkm.bot.conversation.Payload;
import id.klinikumkm.bot.conversation.Reply;
import id.klinikumkm.bot.conversation.TurnContext;
import id.klinikumkm.bot.conversation.YesNo;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * "Konsultasi dengan Petugas": asks, one question at a time, what a consultant needs (name, business, product,
 * kecamatan, phone, needs, a short description), shows a summary to edit, and opens a case. It asks for consent
 * first when the chat has not given it, offers the details of an earlier case again, answers a question asked
 * in between and comes back to the same field, and after three unclear answers offers to skip or go on later.
 * /batal forgets what this attempt collected, transcript included.
 */
public final class IntakeFlow implements Flow, ButtonHandler {
    public static final String ID = "intake";
    private static final Set<String> SEND_WORDS = Set.of("kirim", "kirimkan", "send", "sudah benar", "benar", "ya", "iya",
            "ok", "oke", "ya kirim", "oke kirim", "sudah");
    private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() {};

    private final Cases cases;
    private final ObjectMapper json;
    private final OfficeHours hours;
    private final IntakeAsking asking;
    private final FieldAnswers fields;

    public IntakeFlow(Cases cases, ObjectMapper json, OfficeHours hours, String privacyUrl) {
        this.cases = cases;
        this.json = json;
        this.hours = hours;
        this.asking = new IntakeAsking(privacyUrl);
        this.fields = new FieldAnswers(asking);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String prefix() {
        return ID;
    }

    /** Longer than a pause to look up a number; a user back after it is asked whether to continue. */
    @Override
    public Duration resumeWindow() {
        return Duration.ofHours(1);
    }

    @Override
    public Outcome start(TurnContext turn) {
        IntakeForm form = new IntakeForm(ConversationState.in(ID, CONSENT, turn.now()))
                .with(IntakeForm.SUBMISSION, Secrets.readable(10))
                .with(IntakeForm.MARK, String.valueOf(turn.transcriptMark()));
        Optional<String> need = preselectedNeed(turn);
        if (need.isPresent()) {
            form = form.with(Field.NEEDS.id(), need.get());
        }
        Reply intro = Reply.of(turn.text("intake.intro"));
        if (!turn.consented()) {
            return Outcome.then(form.state(), intro, asking.consentQuestion(turn));
        }
        return afterConsent(turn, form).withFirst(intro);
    }

    @Override
    public Outcome repeat(TurnContext turn, ConversationState state) {
        IntakeForm form = new IntakeForm(state);
        String step = form.get(IntakeForm.PAUSED_AT).orElse(state.step());
        return asking.ask(turn, form.without(IntakeForm.PAUSED_AT).at(step, turn.now()));
    }

    @Override
    public Outcome cancel(TurnContext turn, ConversationState state) {
        return Outcome.idle(turn.withMenu(turn.text("intake.cancelled")))
                .with(new Effect.ForgetTranscriptAfter(new IntakeForm(state).mark()));
    }

    /** Buttons of a form no longer open: a second "Kirim" gets the case already opened; others are stale. */
    @Override
    public Outcome onButton(TurnContext turn, Payload payload) {
        if (payload.action().equals("send") && payload.arg(0).isPresent()) {
            Optional<String> number = cases.submitted(turn, payload.arg(0).get());
            if (number.isPresent()) {
                return Outcome.idle(turn.withMenu(turn.text("intake.already.sent").replace("{0}", number.get())));
            }
        }
        return turn.stale();
    }

    @Override
    public Outcome onInput(TurnContext turn, ConversationState state, Input input) {
        IntakeForm form = new IntakeForm(state);
        if (state.step().equals(PAUSED)) {
            return paused(turn, form, input);
        }
        if (input instanceof Input.ButtonPress press) {
            Optional<Payload> payload = Payload.parse(press.payload()).filter(p -> p.prefix().equals(ID));
            return payload.isPresent() ? pressed(turn, form, payload.get()) : asking.aside(turn, form, turn.asIfIdle(input));
        }
        if (input instanceof Input.Contact contact) {
            return state.step().equals(Field.PHONE.id())
                    ? fields.phone(turn, form, contact.own() ? PhoneNumbers.read(contact.phoneNumber()) : null, Optional.empty())
                    : asking.again(turn, form, "intake.hint.contact.elsewhere");
        }
        if (input instanceof Input.Text text) {
            return typed(turn, form, text.text().strip());
        }
        return asking.again(turn, form, "intake.hint.attachment");
    }

    private Outcome typed(TurnContext turn, IntakeForm form, String text) {
        String step = form.state().step();
        return switch (step) {
            case CONSENT -> YesNo.read(text).map(yes -> consent(turn, form, yes))
                    .orElseGet(() -> asking.again(turn, form, "intake.consent.hint"));
            case REUSE -> YesNo.read(text).map(yes -> reuse(turn, form, yes))
                    .orElseGet(() -> asking.again(turn, form, "intake.reuse.hint"));
            case CONFIRM -> fields.confirm(turn, form, text);
            case SUMMARY -> SEND_WORDS.contains(text.toLowerCase(Locale.ROOT)) ? send(turn, form)
                    : asking.questionOr(turn, form, text, () -> asking.again(turn, form, "intake.hint.summary"));
            default -> Field.of(step).map(field -> fields.answer(turn, form, field, text)).orElseGet(() -> asking.ask(turn, form));
        };
    }

    private Outcome pressed(TurnContext turn, IntakeForm form, Payload payload) {
        String step = form.state().step();
        String arg = payload.arg(0).orElse("");
        return switch (payload.action()) {
            case "consent" -> step.equals(CONSENT) ? consent(turn, form, arg.equals("yes")) : asking.stale(turn, form);
            case "reuse" -> step.equals(REUSE) ? reuse(turn, form, arg.equals("yes")) : asking.stale(turn, form);
            case "edit" -> step.equals(SUMMARY) ? edit(turn, form, arg) : asking.stale(turn, form);
            case "send" -> step.equals(SUMMARY) && form.get(IntakeForm.SUBMISSION).filter(arg::equals).isPresent()
                    ? send(turn, form) : onButton(turn, payload).followedBy(asking.ask(turn, form));
            case "cancel" -> cancel(turn, form.state());
            case "later" -> pause(turn, form);
            default -> fields.pressed(turn, form, payload.action(), arg);
        };
    }

    private Outcome consent(TurnContext turn, IntakeForm form, boolean given) {
        if (!given) {
            return Outcome.idle(turn.withMenu(turn.text("intake.consent.refused")));
        }
        return afterConsent(turn, form).with(new Effect.SetConsent(true));
    }

    /** Offers the details of the chat's previous case, or asks the first question. */
    private Outcome afterConsent(TurnContext turn, IntakeForm form) {
        Optional<Map<String, String>> previous = cases.latestIntake(turn).map(this::readAnswers);
        if (previous.isEmpty()) {
            return asking.ask(turn, form.at(Field.NAME.id(), turn.now()));
        }
        IntakeForm offering = form.at(REUSE, turn.now());
        for (Field field : List.of(Field.NAME, Field.BUSINESS, Field.PRODUCT, Field.KECAMATAN, Field.PHONE)) {
            offering = offering.with(IntakeForm.PREVIOUS + field.id(), previous.get().getOrDefault(field.id(), ""));
        }
        String outside = previous.get().getOrDefault(IntakeForm.OUTSIDE, "");
        if (!outside.isEmpty()) {
            offering = offering.with(IntakeForm.PREVIOUS + IntakeForm.OUTSIDE, outside);
        }
        return Outcome.then(offering.state(), IntakeQuestions.reuse(turn, offering));
    }

    private Outcome reuse(TurnContext turn, IntakeForm form, boolean yes) {
        if (yes) {
            return asking.ask(turn, form.reusingPrevious().at(Field.NEEDS.id(), turn.now()));
        }
        return asking.ask(turn, form.withoutPrevious().at(Field.NAME.id(), turn.now()));
    }

    private Outcome edit(TurnContext turn, IntakeForm form, String fieldId) {
        return Field.of(fieldId)
                .map(field -> asking.ask(turn, form.with(IntakeForm.EDITING, "1").at(field.id(), turn.now())))
                .orElseGet(() -> asking.stale(turn, form));
    }

    private Outcome send(TurnContext turn, IntakeForm form) {
        String number = cases.open(turn, form.toCase(write(form.answers())));
        String when = hours.describe().map(text -> turn.text("intake.hours.known").replace("{0}", text))
                .orElse(turn.text("intake.hours.unknown"));
        String text = turn.text("intake.sent").replace("{0}", number).replace("{1}", when)
                .replace("{2}", PhoneNumbers.display(form.value(Field.PHONE)));
        if (hours.isKnown() && !hours.isOpen(turn.now())) {
            text = text + "\n\n" + turn.text("intake.hours.closed").replace("{0}", hours.nextOpening(turn.now()).orElse(""));
        }
        return Outcome.idle(turn.withMenu(text)).with(new Effect.AfterCommit(cases.announcement(number)));
    }

    private Outcome pause(TurnContext turn, IntakeForm form) {
        IntakeForm paused = form.with(IntakeForm.PAUSED_AT, form.state().step()).at(PAUSED, turn.now());
        return Outcome.then(paused.state(), IntakeQuestions.paused(turn));
    }

    /** A paused form lets the chat go on as if idle, until "Lanjutkan isian" or /konsultasi. */
    private Outcome paused(TurnContext turn, IntakeForm form, Input input) {
        if (input instanceof Input.ButtonPress press && Payload.of(ID, "resume").equals(press.payload())) {
            return repeat(turn, form.state());
        }
        Outcome idle = turn.asIfIdle(input);
        return idle.next().inFlow() ? idle : new Outcome(idle.replies(), form.state(), idle.effects());
    }

    private Optional<String> preselectedNeed(TurnContext turn) {
        for (Optional<String> text : List.of(turn.typedText(), turn.lastTypedText())) {
            if (text.isPresent()) {
                Interpretation meaning = turn.interpret(text.get());
                if (meaning.decision() != Interpretation.Decision.FALLBACK) {
                    Optional<String> need = Needs.ofTopic(meaning.topIntent());
                    if (need.isPresent()) {
                        return need;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Map<String, String> readAnswers(String text) {
        try {
            return json.readValue(text, ANSWERS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Map<String, String> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
