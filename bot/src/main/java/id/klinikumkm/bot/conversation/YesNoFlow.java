package id.klinikumkm.bot.conversation;

/**
 * A flow that asks one yes-or-no question: answered with its two buttons ({@code id:yes}, {@code id:no}) or a
 * typed yes or no; anything else gets a hint and the question again.
 */
abstract class YesNoFlow implements Flow {
    private static final String ASK = "ask";
    final String yes;
    final String no;
    private final String id;
    private final String texts;

    /** @param texts prefix of the flow's texts: {@code .ask}, {@code .yes}, {@code .no} (button labels) and {@code .hint} */
    YesNoFlow(String id, String texts) {
        this.id = id;
        this.texts = texts;
        this.yes = Payload.of(id, "yes");
        this.no = Payload.of(id, "no");
    }

    /** What the answer leads to; the flow ends with it. */
    abstract Outcome answered(TurnContext turn, boolean answer);

    /** A typed answer as the yes-or-no reader should see it (for words that mean yes only here). */
    String typed(String text) {
        return text;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Outcome start(TurnContext turn) {
        return Outcome.then(ConversationState.in(id, ASK, turn.now()), question(turn));
    }

    @Override
    public final Outcome repeat(TurnContext turn, ConversationState state) {
        return start(turn);
    }

    @Override
    public final Outcome onInput(TurnContext turn, ConversationState state, Input input) {
        if (input instanceof Input.ButtonPress press && (yes.equals(press.payload()) || no.equals(press.payload()))) {
            return answered(turn, yes.equals(press.payload()));
        }
        if (input instanceof Input.Text text) {
            var answer = YesNo.read(typed(text.text()));
            if (answer.isPresent()) {
                return answered(turn, answer.get());
            }
        }
        return Outcome.then(state, Reply.of(turn.text(texts + ".hint")), question(turn));
    }

    private Reply question(TurnContext turn) {
        return Reply.of(turn.text(texts + ".ask"),
                new Button(turn.text(texts + ".yes"), yes),
                new Button(turn.text(texts + ".no"), no));
    }
}
