package id.klinikumkm.bot.faq;

import id.klinikumkm.bot.conversation.Button;
import id.klinikumkm.bot.conversation.ButtonHandler;
import id.klinikumkm.bot.conversation.ConversationState;
import id.klinikumkm.bot.conversation.Flow;
import id.klinikumkm.bot.conversation.Input;
import id.klinikumkm.bot.conversation.Interpretation;
import id.klinikumkm.bot.conversation.Outcome;
import id.klinikumkm.bot.conversation.Payload;
import id.klinikumkm.bot.conversation.Reply;
import id.klinikumkm.bot.conversation.TurnContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "Which permits do I need, and in what order?" ({@code legal.start}): shows the overview, asks what kind of
 * product it is (buttons, a typed word such as "keripik" or "frozen", or the option's number), and answers
 * with that product's checklist, itself an FAQ entry ({@code legal.start.packaged}, ...). A user who asks
 * something else instead gets that answered; after three unclear answers the helper offers a consultant.
 */
public final class PermitHelperFlow implements Flow, ButtonHandler {
    public static final String ID = "permit";
    public static final String ENTRY = "legal.start";
    private static final String STEP = "product";
    private static final String MISSES = "misses";
    private static final int MAX_MISSES = 3;
    private static final String UNSURE = "unsure";
    /** Product kinds in the order offered, with words that give them away, most specific kinds first when matching. */
    private static final Map<String, List<String>> PRODUCTS = products();
    /** Per kind, any of its words as a whole word, optionally with -nya, -ku or -an; compiled once. */
    private static final Map<String, Pattern> KIND_WORDS = kindWords();
    private static final Pattern NOT_A_WORD_CHARACTER = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final FaqCatalog catalog;
    private final FaqAnswers answers;

    public PermitHelperFlow(FaqCatalog catalog, FaqAnswers answers) {
        this.catalog = catalog;
        this.answers = answers;
    }

    private static Map<String, List<String>> products() {
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        kinds.put("packaged", List.of("keripik", "kripik", "kerupuk", "krupuk", "peyek", "rempeyek", "kue kering", "sambal",
                "sambel", "abon", "bubuk", "serbuk", "kopi", "teh", "dodol", "jenang", "selai", "manisan", "bumbu", "opak",
                "camilan", "cemilan", "snack", "tahan lama", "awet", "kemasan", "toples"));
        kinds.put("ready_to_eat", List.of("warung", "katering", "catering", "kantin", "nasi", "siap saji",
                "gorengan", "rawon", "soto", "bakso", "masakan", "cepat basi", "tidak tahan lama",
                "gak tahan lama", "depot", "rumah makan"));
        kinds.put("bpom", List.of("frozen", "beku", "susu", "yogurt", "yoghurt", "kulkas", "pendingin", "freezer", "kaleng",
                "pasteurisasi", "steril", "bayi", "mpasi", "klaim", "pabrik", "mesin otomatis"));
        kinds.put("non_food", List.of("kosmetik", "sabun", "skincare", "lulur", "parfum", "kerajinan", "batik", "baju",
                "pakaian", "tas", "anyaman", "souvenir", "bukan makanan", "non food"));
        kinds.put(UNSURE, List.of("belum tahu", "gak tahu", "tidak tahu", "bingung", "ndak tahu", "nggak tahu"));
        return kinds;
    }

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
        return Duration.ofDays(1);
    }

    @Override
    public Outcome start(TurnContext turn) {
        Outcome overview = catalog.entry(ENTRY)
                .map(entry -> Outcome.idle(answers.firstScreen(turn, entry)))
                .orElseGet(() -> Outcome.idle());
        return overview.followedBy(Outcome.then(ConversationState.in(ID, STEP, turn.now()), question(turn)));
    }

    @Override
    public Outcome repeat(TurnContext turn, ConversationState state) {
        return Outcome.then(state.at(STEP, turn.now()), question(turn));
    }

    @Override
    public Outcome onInput(TurnContext turn, ConversationState state, Input input) {
        if (input instanceof Input.ButtonPress press) {
            Optional<Payload> payload = Payload.parse(press.payload()).filter(p -> p.prefix().equals(ID));
            return payload.isPresent() ? onButton(turn, payload.get()) : turn.asIfIdle(input);
        }
        if (!(input instanceof Input.Text text)) {
            return miss(turn, state);
        }
        Optional<String> kind = kindOf(text.text());
        if (kind.isPresent()) {
            return checklist(turn, kind.get());
        }
        Interpretation meaning = turn.interpret(text.text());
        if (meaning.decision() == Interpretation.Decision.ANSWER && !ENTRY.equals(meaning.topIntent())) {
            return turn.asIfIdle(input);
        }
        return miss(turn, state);
    }

    @Override
    public Outcome onButton(TurnContext turn, Payload payload) {
        return payload.action().equals(STEP) && payload.arg(0).filter(PRODUCTS::containsKey).isPresent()
                ? checklist(turn, payload.arg(0).get())
                : turn.stale();
    }

    private Outcome checklist(TurnContext turn, String kind) {
        if (kind.equals(UNSURE)) {
            return Outcome.idle(turn.withMenu(turn.text("permit.unsure")));
        }
        return turn.answer(ENTRY + "." + kind);
    }

    private Outcome miss(TurnContext turn, ConversationState state) {
        int misses = Integer.parseInt(state.slot(MISSES).orElse("0")) + 1;
        if (misses >= MAX_MISSES) {
            return Outcome.idle(turn.withMenu(turn.text("permit.giveup")));
        }
        return Outcome.then(state.with(MISSES, String.valueOf(misses)), Reply.of(turn.text("permit.hint")), question(turn));
    }

    private static Map<String, Pattern> kindWords() {
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        PRODUCTS.forEach((kind, words) -> patterns.put(kind, Pattern.compile(
                " (?:" + String.join("|", words.stream().map(Pattern::quote).toList()) + ")(?:nya|ku|an)? ")));
        return patterns;
    }

    /** The kind of product a typed answer names: a number of an option, or a telling word. */
    static Optional<String> kindOf(String typed) {
        String text = " " + NOT_A_WORD_CHARACTER.matcher(typed.toLowerCase(Locale.ROOT)).replaceAll(" ").strip() + " ";
        List<String> kinds = new ArrayList<>(PRODUCTS.keySet());
        if (text.strip().matches("[1-9]") && Integer.parseInt(text.strip()) <= kinds.size()) {
            return Optional.of(kinds.get(Integer.parseInt(text.strip()) - 1));
        }
        for (String kind : List.of(UNSURE, "bpom", "non_food", "ready_to_eat", "packaged")) {
            if (KIND_WORDS.get(kind).matcher(text).find()) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private static Reply question(TurnContext turn) {
        List<Button> buttons = new ArrayList<>();
        int number = 1;
        for (String kind : PRODUCTS.keySet()) {
            buttons.add(new Button(number++ + ". " + turn.text("permit.product." + kind), Payload.of(ID, STEP, kind)));
        }
        return turn.withExits(turn.text("permit.ask"), buttons);
    }
}
