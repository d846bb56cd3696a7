package id.klinikumkm.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FAQ answers through the real TelegramBots library and the fake Bot API: escaping, bold titles, long answers. */
class TelegramFaqIT {
    private static final Duration WAIT = TelegramHarness.WAIT;
    private final TelegramHarness harness = new TelegramHarness();
    private final FakeBotApi fake = harness.fake;

    @TempDir
    Path seed;

    @AfterEach
    void stop() {
        harness.close();
    }

    /** An entry whose answer holds markup-like text and whose details are long enough for three Telegram messages. */
    private void writeSeed() throws IOException {
        String paragraphs = IntStream.rangeClosed(1, 30)
                .mapToObj(i -> "Paragraf " + i + ": " + "isi jawaban yang panjang untuk diuji. ".repeat(8).strip())
                .collect(Collectors.joining("\n\n"));
        Files.writeString(seed.resolve("legal.nib.cost.md"), """
                key: legal.nib.cost
                topic: legal
                title: Biaya <NIB> & izin
                seed-version: 1
                reviewed: 2026-11-29
                uncertain: no
                menu-order: 10
                source: OSS | https://oss.go.id
                ---
                Tulis <b>tebal</b> & "kutip" tetap tampil apa adanya: 5 < 7 > 3.
                <!-- selengkapnya -->
                """ + paragraphs + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void an_answer_with_angle_brackets_and_ampersands_arrives_escaped_with_a_bold_title() throws IOException {
        writeSeed();
        harness.polling(Map.of("faq.seed.dir", seed.toString()));

        fake.callbackQuery(801, "faq:show:legal.nib.cost");
        FakeBotApi.Call answer = fake.awaitSentTo(801, 1, WAIT).get(0);

        assertThat(answer.text()).startsWith("<b>Biaya &lt;NIB&gt; &amp; izin</b>")
                .contains("Tulis &lt;b&gt;tebal&lt;/b&gt; &amp; \"kutip\" tetap tampil apa adanya: 5 &lt; 7 &gt; 3.")
                .contains("oss.go.id");
        assertThat(answer.text().replaceAll("</?b>", "")).doesNotContain("<", ">");
        assertThat(answer.inlineButtons()).extracting(b -> b.get("callback_data"))
                .contains("faq:more:legal.nib.cost:1", "faq:vote:legal.nib.cost:1:up", "faq:vote:legal.nib.cost:1:down");
    }

    @Test
    void a_long_answer_arrives_split_at_paragraphs_in_order() throws IOException {
        writeSeed();
        harness.polling(Map.of("faq.seed.dir", seed.toString()));

        fake.callbackQuery(802, "faq:more:legal.nib.cost:1");
        fake.awaitSentTo(802, 2, WAIT);
        TelegramHarness.settle();
        List<FakeBotApi.Call> parts = fake.sentTo(802);

        assertThat(parts).hasSizeGreaterThanOrEqualTo(2);
        assertThat(parts).allSatisfy(part -> assertThat(part.text().length()).isLessThanOrEqualTo(TelegramText.MAX_CHARS));
        String joined = parts.stream().map(FakeBotApi.Call::text).collect(Collectors.joining("\n\n"));
        List<Integer> order = IntStream.rangeClosed(1, 30).mapToObj(i -> joined.indexOf("Paragraf " + i + ":")).toList();
        assertThat(order).doesNotContain(-1).isSorted();
        // Split at paragraph breaks: no paragraph is cut between two messages.
        assertThat(parts).allSatisfy(part -> assertThat(part.text().strip()).endsWith("."));
        // Only the last part carries the buttons.
        assertThat(parts.subList(0, parts.size() - 1)).allSatisfy(part -> assertThat(part.inlineButtons()).isEmpty());
        assertThat(parts.get(parts.size() - 1).inlineButtons()).isNotEmpty();
    }
}
