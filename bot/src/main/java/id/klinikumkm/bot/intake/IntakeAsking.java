package id.klinikumkm.bot.intake;

import id.klinikumkm.bot.conversation.Intents;
import id.klinikumkm.bot.conversation.Interpretation;
import id.klinikumkm.bot.conversation.Outcome;
import id.klinikumkm.bot.conversation.Reply;
import id.klinikumkm.bot.conversation.TurnContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * How the form talks: the question of the current step, the hint after an unclear answer (and the offer to
 * skip or go on later after the third), and an answer to a question asked in between, followed by the same
 * question again. Stateless; the form's state travels in {@link IntakeForm}.
 */
final class IntakeAsking {
    static final String CONSENT = "consent";
    static final String REUSE = "reuse";
    static final String CONFIRM = "kec_confirm";
    static final String SUMMARY = "summary";
    static final String PAUSED = "paused";
    private static final int MAX_TRIES = 3;
    private static final Pattern QUESTION = Pattern.compile(
            ".*(\\?|\\b(apa|apakah|berapa|brp|bagaimana|gimana|gmn|kapan|dimana|di mana|kenapa|mengapa|bisakah|"
                    + "apa saja|syarat|syaratnya|caranya|piye|pripun|yopo|opo)\\b).*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final String privacyUrl;

    IntakeAsking(String privacyUrl) {
        this.privacyUrl = privacyUrl;
    }

    Reply consentQuestion(TurnContext turn) {
        return IntakeQuestions.consent(turn, privacyUrl);
    }

    /** Answers a question asked in the middle of the form, if it is one, and comes back to the same field. */
    Outcome questionOr(TurnContext turn, IntakeForm form, String text, Supplier<Outcome> otherwise) {
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
    Outcome aside(TurnContext turn, IntakeForm form, Outcome other) {
        if (other.next().inFlow() && other.next().flow().equals(IntakeFlow.ID)) {
            return other;
        }
        Outcome back = ask(turn, form);
        List<Reply> replies = new ArrayList<>(other.replies());
        Reply question = back.replies().get(back.replies().size() - 1);
        replies.add(new Reply(turn.text("intake.back") + question.text(), question.buttons()));
        return new Outcome(replies, form.state(), other.effects());
    }

    Outcome miss(TurnContext turn, IntakeForm form, Field field, String hintKey, String problem) {
        int tries = form.tries() + 1;
        IntakeForm counted = form.with(IntakeForm.TRIES, String.valueOf(tries));
        Reply hint = Reply.of(turn.texts().find(hintKey + "." + problem).orElse(turn.text(hintKey)));
        if (tries >= MAX_TRIES) {
            return Outcome.then(counted.state(), hint, IntakeQuestions.stuck(turn, field));
        }
        return ask(turn, counted).withFirst(hint);
    }

    Outcome again(TurnContext turn, IntakeForm form, String hintKey) {
        return ask(turn, form).withFirst(Reply.of(turn.text(hintKey)));
    }

    Outcome stale(TurnContext turn, IntakeForm form) {
        return ask(turn, form).withFirst(Reply.of(turn.text("intake.stale")));
    }

    /** The question of the form's current step, leaving the form where it is. */
    Outcome ask(TurnContext turn, IntakeForm form) {
        String step = form.state().step();
        Reply question = switch (step) {
            case CONSENT -> consentQuestion(turn);
            case REUSE -> IntakeQuestions.reuse(turn, form);
            case CONFIRM -> IntakeQuestions.confirmKecamatan(turn, form.get(IntakeForm.SUGGESTION).orElse(""));
            case SUMMARY -> IntakeQuestions.summary(turn, form);
            default -> IntakeQuestions.ask(turn, form, Field.of(step).orElse(Field.NAME));
        };
        return Outcome.then(form.state(), question);
    }
}
