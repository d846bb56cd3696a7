package id.klinikumkm.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import id.klinikumkm.bot.testing.InMemoryConversationStore;
import id.klinikumkm.bot.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's way to a consultant: a handoff flow started once, cancelled with /batal, and /status in between. */
class HandoffEngineTest {
    private final InMemoryConversationStore store = new InMemoryConversationStore();
    private final BotTexts texts = BotTexts.load();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T08:00:00Z"));
    private final ChatKey chat = new ChatKey(Channel.WEB, "handoff-engine-test-0001");

    /** A two-question form that remembers the transcript mark, as the intake does. */
    private static final class Form implements Flow {
        int starts;

        @Override
        public String id() {
            return "form";
        }

        @Override
        public Duration resumeWindow() {
            return Duration.ofHours(1);
        }

        @Override
        public Outcome start(TurnContext turn) {
            starts++;
            var state = ConversationState.in(id(), "first", turn.now()).with("mark", String.valueOf(turn.transcriptMark()));
            return Outcome.then(state, Reply.of("first question"));
        }

        @Override
        public Outcome onInput(TurnContext turn, ConversationState state, Input input) {
            return Outcome.then(state.at("second", turn.now()), Reply.of("second question"));
        }

        @Override
        public Outcome repeat(TurnContext turn, ConversationState state) {
            return Outcome.then(state, Reply.of(state.step() + " question"));
        }

        @Override
        public Outcome cancel(TurnContext turn, ConversationState state) {
            return Outcome.idle(Reply.of("form cancelled"))
                    .with(new Effect.ForgetTranscriptAfter(Long.parseLong(state.slot("mark").orElseThrow())));
        }
    }

    private final Form form = new Form();
    private final ConversationEngine engine = ConversationEngine.builder(store, texts)
            .handoff(form)
            .status(turn -> Outcome.idle(Reply.of("your cases")))
            .clock(clock)
            .build();

    private String say(String text) {
        return engine.handle(InboundMessage.text(chat, text)).get(0).text();
    }

    @Test
    void the_consultant_button_and_command_start_the_handoff_flow_once_and_pick_it_up_after() {
        assertThat(engine.handle(InboundMessage.button(chat, ConversationEngine.CONSULTANT)).get(0).text()).isEqualTo("first question");
        assertThat(say("an answer")).isEqualTo("second question");
        assertThat(say("/konsultasi")).as("asking again picks up the form").isEqualTo("second question");
        assertThat(form.starts).isEqualTo(1);
        assertThat(store.state(chat).step()).isEqualTo("second");
    }

    @Test
    void status_in_the_middle_of_the_flow_leaves_the_flow_where_it_was() {
        engine.handle(InboundMessage.button(chat, ConversationEngine.CONSULTANT));
        assertThat(say("/status")).isEqualTo("your cases");
        assertThat(store.state(chat).flow()).isEqualTo("form");
    }

    @Test
    void batal_lets_the_flow_cancel_and_forgets_the_transcript_after_its_mark() {
        engine.handle(InboundMessage.button(chat, "consent:yes"));
        say("before the form");
        engine.handle(InboundMessage.button(chat, ConversationEngine.CONSULTANT));
        say("my secret answer");

        assertThat(say("/batal")).isEqualTo("form cancelled");

        assertThat(store.transcript(chat)).anySatisfy(item -> assertThat(item).isEqualTo(new Input.Text("before the form")))
                .noneSatisfy(item -> assertThat(item).isEqualTo(new Input.Text("my secret answer")))
                .anySatisfy(item -> assertThat(item).isEqualTo(new Input.Text("/batal")));
        assertThat(store.state(chat).inFlow()).isFalse();
    }

    @Test
    void a_contact_shared_outside_a_form_is_not_kept() {
        List<OutboundMessage> replies = engine.handle(new InboundMessage(chat, Sender.anonymous("1"), new Input.Contact("+6281234567890", true)));
        assertThat(replies.get(0).text()).isEqualTo(texts.get("contact.unexpected"));
        assertThat(store.transcript(chat)).doesNotContain(new Input.Contact("+6281234567890", true))
                .contains(new Input.Text(ConversationEngine.NOT_STORED));
    }
}
