package id.klinikumkm.bot.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.cases.Cases;
import id.klinikumkm.bot.config.OfficeHours;
import id.klinikumkm.bot.conversation.ButtonHandler;
import id.klinikumkm.bot.conversation.ConversationState;
import id.klinikumkm.bot.conversation.Effect;
import id.klinikumkm.bot.conversation.Flow;
import id.klinikumkm.bot.conversation.Input;
import id.klinikumkm.bot.conversation.Intents;
import id.klinikumkm.bot.conversation.Interpretation;
import id.klinikumkm.bot.conversation.Outcome;
import id.klinikumkm.bot.conversation.Payload;
import id.klinikumkm.bot.conversation.Reply;
import id.klinikumkm.bot.conversation.TurnContext;
import id.klinikumkm.bot.conversation.YesNo;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * "Konsultasi dengan Petugas": asks, one question at a time, what a consultant needs (name, business, product,
 * kecamatan, phone, needs, a short description), shows a summary to edit, and opens a case. It asks for consent
 * first when the chat has not given it, offers the details of an earlier case again, answers a question asked
 * in between and comes back to the same field, and after three unclear answers offers to skip or go on later.
 * /batal forgets what this attempt collected, transcript included.
 */
public final class IntakeFlow implements Flow, ButtonHandler {
    public static final String ID = "intake";
    private static final String CONSENT = "consent";
    private static final String REUSE = "reuse";
    private static final String CONFIRM = "kec_confirm";
    private static final String SUMMARY = "summary";
    private static final String PAUSED = "paused";
    private static final int MAX_TRIES = 3;
    private static final Pattern QUESTION = Pattern.compile(
            ".*(\\?|\\b(apa|apakah|berapa|brp|bagaimana|gimana|gmn|kapan|dimana|di mana|kenapa|mengapa|bisakah|"
                    + "apa saja|syarat|syaratnya|caranya|piye|pripun|yopo|opo)\\b).*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Set<String> SKIP_WORDS = Set.of("lewati", "lewat", "skip", "-", "tidak ada", "belum ada", "gak ada",
            "nggak ada", "tidak punya", "belum punya", "kosong", "tdk ada", "blm ada");
    private static final Set<String> SEND_WORDS = Set.of("kirim", "kirimkan", "send", "sudah benar", "benar", "ya", "iya",
            "ok", "oke", "ya kirim", "oke kirim", "sudah");
    private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() {};
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TOKEN_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Cases cases;
    private final ObjectMapper json;
    private final OfficeHours hours;
    private final String privacyUrl;

    public IntakeFlow(Cases cases, ObjectMapper json, OfficeHours hours, String privacyUrl) {
        this.cases = cases;
        this.json = json;
        this.hours = hours;
        this.privacyUrl = privacyUrl;
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
                .with(IntakeForm.SUBMISSION, token())
                .with(IntakeForm.MARK, String.valueOf(turn.transcriptMark()));
        Optional<String> need = preselectedNeed(turn);
        if (need.isPresent()) {
            form = form.with(Field.NEEDS.id(), need.get());
        }
        Reply intro = Reply.of(turn.text("intake.intro"));
        if (!turn.consented()) {
            return Outcome.then(form.state(), intro, IntakeQuestions.consent(turn, privacyUrl));
        }
        return afterConsent(turn, form).withFirst(intro);
    }

    @Override
    public Outcome repeat(TurnContext turn, ConversationState state) {
        IntakeForm form = new IntakeForm(state);
        String step = form.get(IntakeForm.PAUSED_AT).orElse(state.step());
        return ask(turn, form.without(IntakeForm.PAUSED_AT).at(step, turn.now()));
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
            return payload.isPresent() ? pressed(turn, form, payload.get()) : aside(turn, form, turn.asIfIdle(input));
        }
        if (input instanceof Input.Contact contact) {
            return state.step().equals(Field.PHONE.id())
                    ? phone(turn, form, contact.own() ? PhoneNumbers.read(contact.phoneNumber()) : null, Optional.empty())
                    : again(turn, form, "intake.hint.contact.elsewhere");
        }
        if (input instanceof Input.Text text) {
            return typed(turn, form, text.text().strip());
        }
        return again(turn, form, "intake.hint.attachment");
    }

    private Outcome typed(TurnContext turn, IntakeForm form, String text) {
        String step = form.state().step();
        return switch (step) {
            case CONSENT -> yesNo(text).map(yes -> consent(turn, form, yes)).orElseGet(() -> again(turn, form, "intake.consent.hint"));
            case REUSE -> yesNo(text).map(yes -> reuse(turn, form, yes)).orElseGet(() -> again(turn, form, "intake.reuse.hint"));
            case CONFIRM -> confirm(turn, form, text);
            case SUMMARY -> SEND_WORDS.contains(text.toLowerCase(Locale.ROOT))
                    ? send(turn, form) : questionOr(turn, form, text, () -> again(turn, form, "intake.hint.summary"));
            default -> Field.of(step).map(field -> answer(turn, form, field, text)).orElseGet(() -> ask(turn, form));
        };
    }

    private Outcome answer(TurnContext turn, IntakeForm form, Field field, String text) {
        return switch (field) {
            case NAME -> name(turn, form, text);
            case BUSINESS -> SKIP_WORDS.contains(text.toLowerCase(Locale.ROOT)) ? next(turn, form.with(field.id(), ""), field)
                    : questionOr(turn, form, text, () -> checked(turn, form, field, TextFields.businessName(text)));
            case PRODUCT -> questionOr(turn, form, text, () -> checked(turn, form, field, TextFields.product(text)));
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
                ? aside(turn, form, turn.answer(meaning.topIntent()))
                : miss(turn, form, Field.NAME, "intake.hint.name", "NOT_A_NAME");
    }

    private Outcome checked(TurnContext turn, IntakeForm form, Field field, FieldCheck check) {
        if (check instanceof FieldCheck.Valid valid) {
            return next(turn, form.with(field.id(), valid.value()), field);
        }
        return miss(turn, form, field, "intake.hint." + field.id(), ((FieldCheck.Invalid) check).problem().name());
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
        return questionOr(turn, form, text, () -> miss(turn, form, Field.KECAMATAN, "intake.hint.kecamatan", ""));
    }

    private Outcome outside(TurnContext turn, IntakeForm form, String place) {
        String note = place.contains("Kota Probolinggo") ? "intake.kec.outside.kota" : "intake.kec.outside.note";
        return next(turn, form.withKecamatan(Optional.empty(), Optional.of(place)), Field.KECAMATAN)
                .withFirst(Reply.of(turn.text(note).replace("{0}", place)));
    }

    private Outcome confirm(TurnContext turn, IntakeForm form, String text) {
        Optional<Boolean> yes = yesNo(text);
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
        return ask(turn, form.without(IntakeForm.SUGGESTION).at(Field.KECAMATAN.id(), turn.now()));
    }

    /**
     * @param check null for a contact card that is not the user's own
     * @param typed the typed text, which may be a question instead
     */
    private Outcome phone(TurnContext turn, IntakeForm form, PhoneCheck check, Optional<String> typed) {
        if (check instanceof PhoneCheck.Valid valid) {
            Reply saved = Reply.of(turn.text("intake.phone.saved").replace("{0}", PhoneNumbers.display(valid.e164())));
            return next(turn, form.with(Field.PHONE.id(), valid.e164()), Field.PHONE).withFirst(saved);
        }
        if (check == null) {
            return miss(turn, form, Field.PHONE, "intake.hint.phone", "NOT_OWN");
        }
        String problem = ((PhoneCheck.Invalid) check).problem().name();
        return typed.isPresent()
                ? questionOr(turn, form, typed.get(), () -> miss(turn, form, Field.PHONE, "intake.hint.phone", problem))
                : miss(turn, form, Field.PHONE, "intake.hint.phone", problem);
    }

    private Outcome needs(TurnContext turn, IntakeForm form, Set<String> named, String text) {
        if (!named.isEmpty()) {
            return next(turn, form.with(Field.NEEDS.id(), Needs.format(named)), Field.NEEDS);
        }
        return questionOr(turn, form, text, () -> miss(turn, form, Field.NEEDS, "intake.hint.needs", ""));
    }

    private Outcome pressed(TurnContext turn, IntakeForm form, Payload payload) {
        String step = form.state().step();
        String arg = payload.arg(0).orElse("");
        return switch (payload.action()) {
            case "consent" -> step.equals(CONSENT) ? consent(turn, form, arg.equals("yes")) : stale(turn, form);
            case "reuse" -> step.equals(REUSE) ? reuse(turn, form, arg.equals("yes")) : stale(turn, form);
            case "skip" -> step.equals(Field.BUSINESS.id()) ? next(turn, form.with(Field.BUSINESS.id(), ""), Field.BUSINESS) : stale(turn, form);
            case "kec" -> step.equals(Field.KECAMATAN.id()) || step.equals(CONFIRM) ? kecamatanButton(turn, form, arg) : stale(turn, form);
            case "confirm" -> step.equals(CONFIRM) ? confirmed(turn, form, arg.equals("yes")) : stale(turn, form);
            case "need" -> step.equals(Field.NEEDS.id()) && Needs.ALL.contains(arg) ? toggle(turn, form, arg) : stale(turn, form);
            case "needs" -> step.equals(Field.NEEDS.id()) ? needsDone(turn, form) : stale(turn, form);
            case "edit" -> step.equals(SUMMARY) ? Field.of(arg).map(field -> edit(turn, form, field)).orElseGet(() -> stale(turn, form))
                    : stale(turn, form);
            case "send" -> step.equals(SUMMARY) && form.get(IntakeForm.SUBMISSION).filter(arg::equals).isPresent()
                    ? send(turn, form) : onButton(turn, payload).followedBy(ask(turn, form));
            case "cancel" -> cancel(turn, form.state());
            case "later" -> pause(turn, form);
            default -> stale(turn, form);
        };
    }

    private Outcome kecamatanButton(TurnContext turn, IntakeForm form, String arg) {
        if (arg.equals("out")) {
            return outside(turn, form, turn.text("intake.kec.outside"));
        }
        KecamatanMatch match = Kecamatans.match(arg);
        return match instanceof KecamatanMatch.Exact ? kecamatan(turn, form, match, arg) : stale(turn, form);
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
            return again(turn, form, "intake.needs.none");
        }
        return next(turn, form, Field.NEEDS);
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
            return ask(turn, form.at(Field.NAME.id(), turn.now()));
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
            return ask(turn, form.reusingPrevious().at(Field.NEEDS.id(), turn.now()));
        }
        return ask(turn, form.withoutPrevious().at(Field.NAME.id(), turn.now()));
    }

    private Outcome edit(TurnContext turn, IntakeForm form, Field field) {
        return ask(turn, form.with(IntakeForm.EDITING, "1").at(field.id(), turn.now()));
    }

    /** After a valid answer: the summary when editing or when every field is answered, else the next question. */
    private Outcome next(TurnContext turn, IntakeForm form, Field answered) {
        Optional<Field> next = answered.next();
        if (form.editing() || next.isEmpty()) {
            return ask(turn, form.without(IntakeForm.EDITING).at(SUMMARY, turn.now()));
        }
        return ask(turn, form.at(next.get().id(), turn.now()));
    }

    private Outcome send(TurnContext turn, IntakeForm form) {
        String number = cases.open(turn, form.toCase(write(form.answers())));
        String when = hours.describe().map(text -> turn.text("intake.hours.known").replace("{0}", text))
                .orElse(turn.text("intake.hours.unknown"));
        String text = turn.text("intake.sent").replace("{0}", number).replace("{1}", when)
                .replace("{2}", PhoneNumbers.display(form.value(Field.PHONE)));
        return Outcome.idle(turn.withMenu(text));
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

    /** Answers a question asked in the middle of the form, if it is one, and comes back to the same field. */
    private Outcome questionOr(TurnContext turn, IntakeForm form, String text, Supplier<Outcome> otherwise) {
        if (!QUESTION.matcher(text).matches()) {
            return otherwise.get();
        }
        Interpretation meaning = turn.interpret(text);
        if (meaning.decision() != Interpretation.Decision.ANSWER || !Intents.isTopic(meaning.topIntent())) {
            return otherwise.get();
        }
        return aside(turn, form, turn.answer(meaning.topIntent()));
    }

    /** Another answer shown in the middle of the form, then the form's question again. */
    private Outcome aside(TurnContext turn, IntakeForm form, Outcome other) {
        if (other.next().inFlow() && other.next().flow().equals(ID)) {
            return other;
        }
        Outcome back = ask(turn, form);
        List<Reply> replies = new ArrayList<>(other.replies());
        Reply question = back.replies().get(back.replies().size() - 1);
        replies.add(new Reply(turn.text("intake.back") + question.text(), question.buttons()));
        return new Outcome(replies, form.state(), other.effects());
    }

    private Outcome miss(TurnContext turn, IntakeForm form, Field field, String hintKey, String problem) {
        int tries = form.tries() + 1;
        IntakeForm counted = form.with(IntakeForm.TRIES, String.valueOf(tries));
        Reply hint = Reply.of(turn.texts().find(hintKey + "." + problem).orElse(turn.text(hintKey)));
        if (tries >= MAX_TRIES) {
            return Outcome.then(counted.state(), hint, IntakeQuestions.stuck(turn, field));
        }
        return ask(turn, counted).withFirst(hint);
    }

    private Outcome again(TurnContext turn, IntakeForm form, String hintKey) {
        return ask(turn, form).withFirst(Reply.of(turn.text(hintKey)));
    }

    private Outcome stale(TurnContext turn, IntakeForm form) {
        return ask(turn, form).withFirst(Reply.of(turn.text("intake.stale")));
    }

    /** The question of the form's current step, leaving the form where it is. */
    private Outcome ask(TurnContext turn, IntakeForm form) {
        String step = form.state().step();
        Reply question = switch (step) {
            case CONSENT -> IntakeQuestions.consent(turn, privacyUrl);
            case REUSE -> IntakeQuestions.reuse(turn, form);
            case CONFIRM -> IntakeQuestions.confirmKecamatan(turn, form.get(IntakeForm.SUGGESTION).orElse(""));
            case SUMMARY -> IntakeQuestions.summary(turn, form);
            default -> IntakeQuestions.ask(turn, form, Field.of(step).orElse(Field.NAME));
        };
        return Outcome.then(form.state(), question);
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

    private static Optional<Boolean> yesNo(String text) {
        return YesNo.read(text);
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

    private static String token() {
        StringBuilder token = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            token.append(TOKEN_CHARS.charAt(RANDOM.nextInt(TOKEN_CHARS.length())));
        }
        return token.toString();
    }
}
