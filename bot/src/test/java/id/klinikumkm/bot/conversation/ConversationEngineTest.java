package id.klinikumkm.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.klinikumkm.bot.testing.InMemoryConversationStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine with an in-memory store: no network, no database. */
class ConversationEngineTest {
    private final InMemoryConversationStore store = new InMemoryConversationStore();
    private final BotTexts texts = BotTexts.load();
    private final ConversationEngine engine = new ConversationEngine(store, texts);
    private final ChatKey chat = new ChatKey(Channel.TELEGRAM, "12345");

    @Test
    void start_greets_shows_the_four_topic_buttons_and_asks_for_consent() {
        List<OutboundMessage> replies = engine.handle(InboundMessage.text(chat, "/start"));
        assertEquals(2, replies.size());
        assertThat(replies.get(0).text()).contains("Klinik Konsultasi Usaha Mikro");
        assertThat(labels(replies.get(0))).containsExactly(
                "Legalitas", "Kemasan & Label", "Sertifikasi Halal", "Konsultasi dengan Petugas");
        assertThat(replies.get(1).text()).contains("UU No. 27 Tahun 2022");
        assertThat(payloads(replies.get(1))).containsExactly("privacy:consent:yes", "privacy:consent:no");
        assertEquals("main_menu", store.state(chat).step());
    }

    @Test
    void start_does_not_ask_again_once_consent_was_given() {
        engine.handle(InboundMessage.button(chat, "privacy:consent:yes"));
        List<OutboundMessage> replies = engine.handle(InboundMessage.text(chat, "/start"));
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).text()).isEqualTo(texts.get("welcome"));
    }

    @Test
    void without_consent_typed_text_and_names_are_not_stored_but_still_answered() {
        var withName = new InboundMessage(chat, new Sender("12345", "Siti Aminah"),
                new Input.Text("nama saya Siti, hp 081234567890"));
        List<OutboundMessage> replies = engine.handle(withName);

        assertThat(replies).isNotEmpty();
        assertThat(store.transcript(chat)).contains(new Input.Text(ConversationEngine.NOT_STORED));
        assertThat(store.transcript(chat).toString()).doesNotContain("Siti").doesNotContain("0812");
        assertThat(store.unanswered(chat)).extracting(UnansweredQuestion::text).containsExactly("");
    }

    @Test
    void refusing_consent_after_giving_it_stops_storing_text() {
        engine.handle(InboundMessage.button(chat, "privacy:consent:yes"));
        engine.handle(InboundMessage.text(chat, "boleh disimpan"));
        engine.handle(InboundMessage.button(chat, "privacy:consent:no"));
        engine.handle(InboundMessage.text(chat, "jangan disimpan"));

        assertThat(store.transcript(chat)).contains(new Input.Text("boleh disimpan"))
                .doesNotContain(new Input.Text("jangan disimpan"));
    }

    @Test
    void start_with_bot_name_and_deep_link_is_still_start() {
        List<OutboundMessage> replies = engine.handle(InboundMessage.text(chat, "/Start@KlinikUmkmBot promo"));
        assertThat(replies.get(0).text()).isEqualTo(texts.get("welcome"));
    }

    @Test
    void each_topic_button_answers_with_its_topic_and_a_way_back() {
        assertThat(onlyText(engine.handle(InboundMessage.button(chat, "topic:legal")))).contains("Legalitas Usaha");
        assertThat(onlyText(engine.handle(InboundMessage.button(chat, "topic:packaging")))).contains("Kemasan & Label");
        List<OutboundMessage> halal = engine.handle(InboundMessage.button(chat, "topic:halal"));
        assertThat(onlyText(halal)).contains("Sertifikasi Halal");
        assertThat(payloads(halal.get(0))).containsExactly("topic:consultant", "menu");
        assertThat(onlyText(engine.handle(InboundMessage.button(chat, "topic:consultant")))).contains("petugas");
    }

    @Test
    void menu_button_shows_the_menu_again() {
        engine.handle(InboundMessage.button(chat, "topic:halal"));
        List<OutboundMessage> replies = engine.handle(InboundMessage.button(chat, "menu"));
        assertThat(payloads(replies.get(0))).contains("topic:legal", "topic:halal");
        assertEquals("main_menu", store.state(chat).step());
    }

    @Test
    void unknown_or_forged_button_gets_a_polite_answer_and_the_menu() {
        List<OutboundMessage> replies = engine.handle(InboundMessage.button(chat, "drop table chats; --"));
        assertThat(onlyText(replies)).isEqualTo(texts.get("stale.button"));
        assertThat(payloads(replies.get(0))).contains("topic:legal");
    }

    @Test
    void delete_confirmation_button_is_stale_outside_the_confirmation_step() {
        engine.handle(InboundMessage.text(chat, "/start"));
        List<OutboundMessage> replies = engine.handle(InboundMessage.button(chat, "privacy:delete:yes"));
        assertThat(onlyText(replies)).isEqualTo(texts.get("stale.button"));
        assertThat(store.transcript(chat)).isNotEmpty();
    }

    @Test
    void hapus_then_confirm_erases_the_transcript() {
        engine.handle(InboundMessage.text(chat, "/start"));
        engine.handle(InboundMessage.button(chat, "privacy:consent:yes"));
        engine.handle(InboundMessage.text(chat, "nama saya Bu Siti, 0812-3456-7890"));
        assertThat(store.transcript(chat).toString()).contains("Siti");
        List<OutboundMessage> confirm = engine.handle(InboundMessage.text(chat, "/hapus"));
        assertThat(payloads(confirm.get(0))).containsExactly("privacy:delete:yes", "privacy:delete:no");

        List<OutboundMessage> done = engine.handle(InboundMessage.button(chat, "privacy:delete:yes"));

        assertThat(onlyText(done)).isEqualTo(texts.get("delete.done"));
        assertThat(store.transcript(chat)).hasSize(1).allMatch(OutboundMessage.class::isInstance);
        assertThat(store.transcript(chat).toString()).doesNotContain("Siti").doesNotContain("0812");
        assertEquals("new", store.state(chat).step());
    }

    @Test
    void hapus_then_decline_keeps_everything() {
        engine.handle(InboundMessage.button(chat, "privacy:consent:yes"));
        engine.handle(InboundMessage.text(chat, "halo"));
        engine.handle(InboundMessage.text(chat, "/hapus"));
        engine.handle(InboundMessage.button(chat, "privacy:delete:no"));
        assertThat(store.transcript(chat)).contains(new Input.Text("halo"));
    }

    @Test
    void free_text_is_recorded_cleaned_and_without_a_classifier_falls_back_to_the_menu() {
        engine.handle(InboundMessage.button(chat, "privacy:consent:yes"));
        List<OutboundMessage> replies = engine.handle(InboundMessage.text(chat, "gmn cara bikin nib\u0000 kak"));
        assertThat(onlyText(replies)).isEqualTo(texts.get("fallback"));
        assertThat(payloads(replies.get(0))).contains("topic:legal", "topic:consultant");
        assertThat(store.transcript(chat)).contains(new Input.Text("gmn cara bikin nib kak"));
        assertThat(store.unanswered(chat)).extracting(UnansweredQuestion::text).containsExactly("gmn cara bikin nib kak");
    }

    @Test
    void chats_do_not_share_state() {
        ChatKey other = new ChatKey(Channel.WEB, "session-aaaaaaaaaaaa");
        engine.handle(InboundMessage.text(chat, "/hapus"));
        engine.handle(InboundMessage.text(other, "/start"));
        assertEquals("confirm_delete", store.state(chat).step());
        assertEquals("main_menu", store.state(other).step());
    }

    private static String onlyText(List<OutboundMessage> replies) {
        assertEquals(1, replies.size());
        return replies.get(0).text();
    }

    private static List<String> labels(OutboundMessage message) {
        return message.buttons().stream().map(Button::label).toList();
    }

    private static List<String> payloads(OutboundMessage message) {
        return message.buttons().stream().map(Button::payload).toList();
    }
}
