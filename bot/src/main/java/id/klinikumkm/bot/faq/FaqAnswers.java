package id.klinikumkm.bot.faq;

import id.klinikumkm.bot.conversation.Button;
import id.klinikumkm.bot.conversation.ButtonHandler;
import id.klinikumkm.bot.conversation.Effect;
import id.klinikumkm.bot.conversation.Interpretation;
import id.klinikumkm.bot.conversation.Outcome;
import id.klinikumkm.bot.conversation.Payload;
import id.klinikumkm.bot.conversation.Reply;
import id.klinikumkm.bot.conversation.TopicAnswers;
import id.klinikumkm.bot.conversation.TurnContext;
import id.klinikumkm.bot.conversation.UnansweredQuestion;
import id.klinikumkm.bot.logging.Failures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers topics from the FAQ and handles its buttons ({@code faq:...}): topic menus, an entry's first
 * screen and its "Selengkapnya", and the "Membantu? 👍 / 👎" votes. Entries with a guided helper (such as
 * {@code legal.start}) start that flow instead of a plain answer.
 */
public final class FaqAnswers implements TopicAnswers, ButtonHandler {
    static final String PREFIX = "faq";
    /** The main menu's topic groups: a button each, listing the entries of these topics. */
    static final Map<String, List<String>> MENU_GROUPS = Map.of(
            "legal", List.of("legal"),
            "packaging", List.of("packaging"),
            "halal", List.of("halal"),
            "other", List.of("clinic", "other"));
    private static final Logger LOG = LoggerFactory.getLogger(FaqAnswers.class);

    private final FaqCatalog catalog;
    private final FaqRepository repository;
    private final MeterRegistry meters;
    private final Map<String, String> helperFlows;

    /** @param helperFlows flow ids by entry key, for entries answered by a guided helper */
    public FaqAnswers(FaqCatalog catalog, FaqRepository repository, MeterRegistry meters, Map<String, String> helperFlows) {
        this.catalog = catalog;
        this.repository = repository;
        this.meters = meters;
        this.helperFlows = Map.copyOf(helperFlows);
    }

    /** The payload of the main-menu button for a topic group ({@link #MENU_GROUPS}). */
    public static String topicPayload(String group) {
        if (!MENU_GROUPS.containsKey(group)) {
            throw new IllegalArgumentException("no topic group " + group);
        }
        return Payload.of(PREFIX, "topic", group);
    }

    @Override
    public Optional<Outcome> answer(TurnContext turn, String key) {
        Optional<FaqEntry> entry = catalog.entry(key);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        String helper = helperFlows.get(key);
        return Optional.of(helper != null ? turn.startFlow(helper) : Outcome.idle(firstScreen(turn, entry.get())).with(served(entry.get())));
    }

    @Override
    public Optional<String> title(String key) {
        return catalog.entry(key).map(FaqEntry::title);
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public Outcome onButton(TurnContext turn, Payload payload) {
        return switch (payload.action()) {
            case "topic" -> payload.arg(0).map(MENU_GROUPS::get).map(topics -> topicMenu(turn, payload.arg(0).get(), topics))
                    .orElseGet(turn::stale);
            case "show" -> payload.arg(0).filter(key -> catalog.entry(key).isPresent()).map(turn::answer).orElseGet(turn::stale);
            case "more" -> payload.arg(0).flatMap(catalog::entry).filter(entry -> !entry.details().isEmpty())
                    .map(entry -> Outcome.idle(details(turn, entry))).orElseGet(turn::stale);
            case "vote" -> vote(turn, payload);
            default -> turn.stale();
        };
    }

    /** The first screen of an entry: title, answer, uncertainty note, where to check, and its buttons. */
    Reply firstScreen(TurnContext turn, FaqEntry entry) {
        String text = FaqText.firstScreen(entry, turn::text);
        List<Button> buttons = new ArrayList<>();
        if (!entry.details().isEmpty()) {
            buttons.add(new Button(turn.text("faq.more"), Payload.of(PREFIX, "more", entry.key(), String.valueOf(entry.version()))));
        }
        buttons.addAll(votesAndRelated(turn, entry));
        return turn.withExits(text, buttons);
    }

    /** The rest of an entry, ending with its official sources in full. */
    private Reply details(TurnContext turn, FaqEntry entry) {
        return turn.withExits(FaqText.details(entry, turn::text), votesAndRelated(turn, entry));
    }

    private List<Button> votesAndRelated(TurnContext turn, FaqEntry entry) {
        List<Button> buttons = new ArrayList<>();
        String version = String.valueOf(entry.version());
        buttons.add(new Button(turn.text("faq.vote.up"), Payload.of(PREFIX, "vote", entry.key(), version, "up")));
        buttons.add(new Button(turn.text("faq.vote.down"), Payload.of(PREFIX, "vote", entry.key(), version, "down")));
        for (String key : entry.related()) {
            catalog.entry(key).ifPresent(related -> buttons.add(new Button(related.title(), Payload.of(PREFIX, "show", key))));
        }
        return buttons;
    }

    private Outcome topicMenu(TurnContext turn, String group, List<String> topics) {
        List<Button> buttons = new ArrayList<>();
        for (FaqEntry entry : catalog.menu(topics)) {
            buttons.add(new Button(entry.title(), Payload.of(PREFIX, "show", entry.key())));
        }
        return Outcome.idle(turn.withExits(turn.text("faq.topic." + group), buttons));
    }

    private Outcome vote(TurnContext turn, Payload payload) {
        Optional<FaqEntry> entry = payload.arg(0).flatMap(catalog::entry);
        Optional<Integer> version = payload.arg(1).filter(v -> v.matches("[0-9]{1,6}")).map(Integer::valueOf);
        String direction = payload.arg(2).orElse("");
        if (entry.isEmpty() || version.isEmpty() || version.get() < 1 || version.get() > entry.get().version()
                || !(direction.equals("up") || direction.equals("down"))) {
            return turn.stale();
        }
        boolean helpful = direction.equals("up");
        String key = entry.get().key();
        Effect record = new Effect.AfterCommit(() -> {
            try {
                repository.vote(turn.chat(), key, version.get(), helpful);
                Counter.builder("klinik.faq.votes").description("Membantu? votes on FAQ answers")
                        .tag("key", key).tag("vote", helpful ? "helpful" : "unhelpful").register(meters).increment();
            } catch (RuntimeException e) {
                LOG.warn("A vote on {} was not stored: {}", key, Failures.describe(e));
            }
        });
        if (helpful) {
            return Outcome.idle(Reply.of(turn.text("faq.vote.thanks"), turn.menuButton())).with(record);
        }
        var question = new UnansweredQuestion(turn.lastTypedText().orElse(""), UnansweredQuestion.UNHELPFUL,
                List.of(new Interpretation.IntentScore(key, 1)));
        return Outcome.idle(Reply.of(turn.text("faq.vote.sorry"), turn.consultantButton(), turn.menuButton()))
                .with(record).with(new Effect.KeepUnanswered(question));
    }

    private Effect served(FaqEntry entry) {
        return new Effect.AfterCommit(() -> Counter.builder("klinik.faq.answers").description("FAQ answers served")
                .tag("key", entry.key()).register(meters).increment());
    }
}
