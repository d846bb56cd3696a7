package id.klinikumkm.bot.cases;

import id.klinikumkm.bot.conversation.Button;
import id.klinikumkm.bot.conversation.ButtonHandler;
import id.klinikumkm.bot.conversation.ConversationState;
import id.klinikumkm.bot.conversation.Flow;
import id.klinikumkm.bot.conversation.Input;
import id.klinikumkm.bot.conversation.Outcome;
import id.klinikumkm.bot.conversation.Payload;
import id.klinikumkm.bot.conversation.Reply;
import id.klinikumkm.bot.conversation.TurnContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * After a case is resolved: a 1–5 rating with buttons (or typed), then an optional comment. The star buttons
 * carry the case number, so a late press still rates the right case; a case is rated once.
 */
public final class RatingFlow implements Flow, ButtonHandler {
    public static final String ID = "rating";
    private static final String STARS = "stars";
    private static final String COMMENT = "comment";
    private static final String CASE = "case";
    private static final int MAX_COMMENT = 1000;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String prefix() {
        return ID;
    }

    @Override
    public Duration resumeWindow() {
        return Duration.ofDays(7);
    }

    /** The question after resolving case {@code number}, in {@code resolvedText}; the chat waits in the flow if it may. */
    static Outcome ask(TurnContext turn, ConversationState state, String number, String resolvedText) {
        List<Button> stars = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            stars.add(new Button("⭐".repeat(n) + " " + n, Payload.of(ID, "star", number, String.valueOf(n))));
        }
        ConversationState next = RelayFlow.mayRelay(state, number)
                ? ConversationState.in(ID, STARS, turn.now()).with(CASE, number) : state;
        return Outcome.then(next, new Reply(resolvedText, stars));
    }

    @Override
    public Outcome start(TurnContext turn) {
        return Outcome.idle(turn.withMenu(turn.text("menu.prompt")));
    }

    @Override
    public Outcome repeat(TurnContext turn, ConversationState state) {
        String number = state.slot(CASE).orElse("");
        return state.step().equals(COMMENT) ? commentQuestion(turn, state)
                : ask(turn, state, number, turn.text("rating.ask").replace("{0}", number));
    }

    @Override
    public Outcome onButton(TurnContext turn, Payload payload) {
        if (payload.action().equals("star") && payload.arg(0).isPresent()) {
            Optional<Integer> stars = payload.arg(1).flatMap(RatingFlow::stars);
            if (stars.isPresent()) {
                return rate(turn, payload.arg(0).get(), stars.get());
            }
        }
        if (payload.action().equals("skip")) {
            return thanks(turn);
        }
        return turn.stale();
    }

    @Override
    public Outcome onInput(TurnContext turn, ConversationState state, Input input) {
        if (input instanceof Input.ButtonPress press) {
            Optional<Payload> ours = Payload.parse(press.payload()).filter(p -> p.prefix().equals(ID));
            return ours.isPresent() ? onButton(turn, ours.get()) : turn.asIfIdle(input);
        }
        if (!(input instanceof Input.Text text)) {
            return turn.asIfIdle(input);
        }
        String number = state.slot(CASE).orElse("");
        if (state.step().equals(COMMENT)) {
            String comment = text.text().strip();
            turn.repository(CaseDao.class).comment(number, comment.length() > MAX_COMMENT ? comment.substring(0, MAX_COMMENT) : comment);
            return thanks(turn);
        }
        Optional<Integer> stars = stars(text.text().strip());
        return stars.isPresent() ? rate(turn, number, stars.get()) : turn.asIfIdle(input);
    }

    private Outcome rate(TurnContext turn, String number, int stars) {
        CaseDao cases = turn.repository(CaseDao.class);
        String channel = turn.chat().channel().id();
        String chat = turn.chat().externalId();
        if (cases.rate(number, stars, channel, chat) != 1) {
            return cases.isOfChat(number, channel, chat) ? Outcome.idle(turn.withMenu(turn.text("rating.already")))
                    : turn.stale();
        }
        cases.ref(number).ifPresent(ref -> cases.event(ref.id(), "user", null, "rated", null, null, stars + " bintang"));
        ConversationState commenting = ConversationState.in(ID, COMMENT, turn.now()).with(CASE, number);
        return commentQuestion(turn, commenting).withFirst(Reply.of(turn.text("rating.thanks.stars").replace("{0}", String.valueOf(stars))));
    }

    private static Outcome commentQuestion(TurnContext turn, ConversationState state) {
        return Outcome.then(state, Reply.of(turn.text("rating.comment.ask"),
                new Button(turn.text("rating.skip"), Payload.of(ID, "skip"))));
    }

    private static Outcome thanks(TurnContext turn) {
        return Outcome.idle(turn.withMenu(turn.text("rating.thanks")));
    }

    private static Optional<Integer> stars(String text) {
        return text.matches("[1-5]") ? Optional.of(Integer.parseInt(text)) : Optional.empty();
    }
}
