package id.klinikumkm.bot.web;

import static id.klinikumkm.bot.testing.ApiAssertions.assertIndonesian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.testing.Browser;
import id.klinikumkm.bot.testing.Sql;
import id.klinikumkm.bot.testing.TestApp;
import id.klinikumkm.bot.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web chat page in a real headless browser (412 px wide, like a cheap phone), on the whole service and a
 * real database. The bot's wording and payloads are not asserted: only the structure of the conversation
 * (a bot message arrives, it has buttons, pressing one brings a newer message).
 */
class ChatPageBrowserIT {
    /**
     * Holds every POST of the page until the test releases it ({@code __release(false)} sends it on,
     * {@code __release(true)} fails it like a dropped connection), so "while a message is sending" is a state
     * the test controls instead of a race.
     */
    private static final String HOLD_POSTS = """
            window.__held = [];
            window.__posts = 0;
            var original = window.fetch;
            window.fetch = function (url, options) {
              if (options && options.method === 'POST') {
                window.__posts++;
                return new Promise(function (resolve, reject) {
                  window.__held.push(function (fail) {
                    if (fail) { reject(new TypeError('Failed to fetch')); } else { original(url, options).then(resolve, reject); }
                  });
                });
              }
              return original.apply(window, arguments);
            };
            window.__release = function (fail) { window.__held.shift()(fail); };
            """;

    private static String databaseUrl;
    private static Application app;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void startApp() {
        databaseUrl = TestDatabases.embedded().freshDatabaseUrl();
        app = TestApp.start(databaseUrl);
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    @BeforeEach
    void startBrowser() {
        browser = Browser.start();
        // Headless Chromium keeps windows at least 500 px wide; emulate the phone's viewport instead.
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 412, "height", 915, "deviceScaleFactor", 1, "mobile", true));
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void stopBrowser(TestInfo test) throws Exception {
        if (browser != null) {
            Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(Path.of("target", "screenshots", test.getTestMethod().orElseThrow().getName() + ".png"),
                    browser.getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    @Test
    void first_visit_greets_and_a_button_brings_a_newer_bot_message() {
        openChat();
        int greeting = botMessages().size();
        assertThat(greeting).isPositive();
        assertThat(userMessages()).as("the page's own /start is not shown as the user's message").isEmpty();
        assertThat(botTexts()).allSatisfy(text -> assertThat(text).isNotBlank());

        String label = pressFirstButtonOfNewestMessage();

        wait.until(d -> botMessages().size() > greeting && ready());
        assertThat(userTexts()).containsExactly(label);
        assertOnlyNewestButtonsEnabled();
    }

    @Test
    void reload_shows_the_conversation_so_far_and_does_not_greet_again() {
        openChat();
        int greeting = botMessages().size();
        String label = pressFirstButtonOfNewestMessage();
        wait.until(d -> botMessages().size() > greeting && ready());
        List<String> botsBefore = botTexts();
        List<String> usersBefore = userTexts();
        String session = session();
        long storedBefore = storedMessages(session);

        browser.navigate().refresh();

        wait.until(d -> ready() && botMessages().size() == botsBefore.size());
        assertThat(botTexts()).containsExactlyElementsOf(botsBefore);
        assertThat(userTexts()).containsExactlyElementsOf(usersBefore).containsExactly(label);
        assertThat(session()).isEqualTo(session);
        assertThat(browser.executeScript("return Number(localStorage.getItem('klinik.chat.lastId'))"))
                .isEqualTo(maxStoredId(session));
        // Nothing was sent: no second greeting, no menu. Checked again a moment later, after any late request.
        assertEquals(storedBefore, storedMessages(session));
        pause(Duration.ofMillis(1500));
        assertEquals(storedBefore, storedMessages(session));
        assertEquals(botsBefore.size(), botMessages().size());
        assertOnlyNewestButtonsEnabled();
    }

    @Test
    void enter_while_a_message_is_sending_keeps_the_typed_text() {
        openChat();
        int greeting = botMessages().size();
        browser.executeScript(HOLD_POSTS);
        WebElement input = browser.findElement(By.id("text"));

        input.sendKeys("pertanyaan pertama", Keys.ENTER);
        wait.until(d -> heldPosts() == 1);
        assertEquals("", input.getAttribute("value"));
        assertThat(userTexts()).containsExactly("pertanyaan pertama");

        input.sendKeys("pertanyaan kedua", Keys.ENTER);
        browser.findElement(By.id("send")).click();
        assertEquals("pertanyaan kedua", input.getAttribute("value"));
        assertEquals(1L, posts());
        String notice = browser.findElement(By.id("status")).getText();
        assertThat(notice).contains("Mohon tunggu");
        assertIndonesian(notice);

        browser.executeScript("window.__release(false)");
        wait.until(d -> botMessages().size() > greeting && ready());
        assertEquals("pertanyaan kedua", input.getAttribute("value"));

        int afterFirst = botMessages().size();
        input.sendKeys(Keys.ENTER);
        wait.until(d -> heldPosts() == 1);
        assertEquals("", input.getAttribute("value"));
        browser.executeScript("window.__release(false)");
        wait.until(d -> botMessages().size() > afterFirst && ready());
        assertThat(userTexts()).containsExactly("pertanyaan pertama", "pertanyaan kedua");
        assertEquals(2L, posts());
    }

    @Test
    void a_failed_send_gives_the_text_back_and_says_why_in_indonesian() {
        openChat();
        browser.executeScript(HOLD_POSTS);
        WebElement input = browser.findElement(By.id("text"));

        // The connection drops: the text returns to the input, the bubble goes, an Indonesian error shows.
        input.sendKeys("tolong dibantu", Keys.ENTER);
        wait.until(d -> heldPosts() == 1);
        browser.executeScript("window.__release(true)");
        wait.until(d -> errors().size() == 1 && ready());
        assertEquals("tolong dibantu", input.getAttribute("value"));
        assertThat(userTexts()).isEmpty();
        assertIndonesian(errors().get(0).getText());

        // Something new was typed meanwhile: that stays, and the unsent text stays visible, marked.
        input.sendKeys(Keys.ENTER);
        wait.until(d -> heldPosts() == 1);
        input.sendKeys("pesan baru");
        browser.executeScript("window.__release(true)");
        wait.until(d -> errors().size() == 2 && ready());
        assertEquals("pesan baru", input.getAttribute("value"));
        WebElement unsent = browser.findElement(By.cssSelector(".msg.user.unsent"));
        assertThat(unsent.getText()).startsWith("tolong dibantu");

        // The server refuses (400): its Indonesian message is shown and the text is given back.
        browser.executeScript("arguments[0].value = 'x'.repeat(4001);", input);
        input.sendKeys(Keys.ENTER);
        wait.until(d -> heldPosts() == 1);
        browser.executeScript("window.__release(false)");
        wait.until(d -> errors().size() == 3 && ready());
        assertEquals(4001, input.getAttribute("value").length());
        assertThat(errors().get(2).getText()).contains("4000");
        assertIndonesian(errors().get(2).getText());
    }

    @Test
    void only_the_newest_bot_message_has_buttons_that_can_be_pressed() {
        openChat();
        browser.navigate().refresh();
        wait.until(d -> ready() && !botMessages().isEmpty());
        assertOnlyNewestButtonsEnabled();
        assertThat(buttonsOf(newestBotMessage())).as("restored from history, the newest offer can be pressed")
                .isNotEmpty().allMatch(WebElement::isEnabled);
        int before = botMessages().size();
        browser.executeScript(HOLD_POSTS);

        // While the press is sending, that message's buttons are off; when it fails they are back.
        WebElement offer = newestBotMessage();
        buttonsOf(offer).get(0).click();
        wait.until(d -> heldPosts() == 1);
        assertThat(buttonsOf(offer)).noneMatch(WebElement::isEnabled);
        browser.executeScript("window.__release(true)");
        wait.until(d -> errors().size() == 1 && ready());
        assertThat(buttonsOf(offer)).allMatch(WebElement::isEnabled);
        assertThat(userTexts()).isEmpty();

        buttonsOf(offer).get(0).click();
        wait.until(d -> heldPosts() == 1);
        browser.executeScript("window.__release(false)");
        wait.until(d -> botMessages().size() > before && ready());

        assertOnlyNewestButtonsEnabled();
        List<WebElement> old = buttonsOf(offer);
        assertThat(old).isNotEmpty().noneMatch(WebElement::isEnabled);
        assertThat(Double.parseDouble(old.get(0).getCssValue("opacity"))).as("looks disabled").isLessThan(1.0);
        long posts = posts();
        browser.executeScript("arguments[0].click();", old.get(0));
        old.get(0).click();
        pause(Duration.ofMillis(300));
        assertEquals(posts, posts(), "a disabled old button sends nothing");
        assertEquals(1, userTexts().size());
    }

    @Test
    void addresses_in_bot_messages_become_safe_links_and_nothing_else_does() {
        openChat();
        String session = session();
        insertBotMessage(session, "consultant", "Silakan daftar di https://oss.go.id/informasi?a=1&b=2. "
                + "Info halal (lihat https://halal.go.id/)! Bukan tautan: javascript:alert(document.domain) "
                + "data:text/html,<b>x</b> ftp://files.example.org/a <img src=x onerror=window.__xss=1> **Penting**");

        browser.navigate().refresh();
        wait.until(d -> ready() && botTexts().stream().anyMatch(t -> t.startsWith("Silakan daftar")));

        WebElement message = newestBotMessage();
        assertThat(message.getAttribute("class")).contains("consultant");
        List<WebElement> links = message.findElements(By.tagName("a"));
        assertThat(links).extracting(a -> a.getAttribute("href"))
                .containsExactly("https://oss.go.id/informasi?a=1&b=2", "https://halal.go.id/");
        assertThat(links).extracting(WebElement::getText)
                .containsExactly("https://oss.go.id/informasi?a=1&b=2", "https://halal.go.id/");
        assertThat(links).allSatisfy(a -> {
            assertEquals("noopener noreferrer", a.getAttribute("rel"));
            assertEquals("_blank", a.getAttribute("target"));
        });
        assertThat(message.getText()).contains("javascript:alert(document.domain)", "<img src=x onerror=window.__xss=1>",
                "Penting").doesNotContain("**");
        assertThat(browser.findElements(By.cssSelector(".log img, .log b, .log script"))).isEmpty();
        assertThat(browser.executeScript("return window.__xss === undefined")).isEqualTo(true);

        // A message that arrives later, by the page's polling, gets the same treatment.
        insertBotMessage(session, "bot", "Alamat resmi: https://oss.go.id/" + "panjang-sekali/".repeat(12) + " ya");
        wait.withTimeout(Duration.ofSeconds(20)).until(d -> botTexts().stream().anyMatch(t -> t.startsWith("Alamat resmi")));
        assertThat(newestBotMessage().findElements(By.tagName("a"))).singleElement()
                .satisfies(a -> assertThat(a.getAttribute("href")).startsWith("https://oss.go.id/panjang-sekali/"));
        assertFitsThePhone();
    }

    @Test
    void typed_html_is_shown_as_text_and_never_runs() {
        openChat();
        int greeting = botMessages().size();
        String typed = "<img src=x onerror=\"window.__xss=1\"><b>Bu Siti</b><script>window.__xss=2</script>";
        WebElement input = browser.findElement(By.id("text"));
        input.sendKeys(typed, Keys.ENTER);

        wait.until(d -> botMessages().size() > greeting && ready());
        assertThat(userTexts()).containsExactly(typed);
        assertThat(browser.findElements(By.cssSelector(".log img, .log b, .log script"))).isEmpty();
        assertThat(browser.executeScript("return window.__xss === undefined")).isEqualTo(true);
    }

    @Test
    void the_page_fits_a_phone_and_an_unknown_page_leads_back_to_the_chat() {
        openChat();
        assertFitsThePhone();

        browser.get(base() + "/halaman-yang-tidak-ada");
        WebElement heading = browser.findElement(By.tagName("h2"));
        assertThat(heading.getText()).isEqualTo("Halaman tidak ditemukan");
        assertIndonesian(browser.findElement(By.tagName("body")).getText());
        assertThat(browser.findElement(By.className("top")).getCssValue("background-color"))
                .as("the chat's stylesheet applies").isEqualTo("rgba(11, 110, 79, 1)");
        assertFitsThePhone();

        browser.findElement(By.linkText("Kembali ke chat")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/chat") && ready() && !botMessages().isEmpty());
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private void openChat() {
        browser.get(base() + "/chat");
        wait.until(d -> ready() && !botMessages().isEmpty());
    }

    private static String base() {
        return "http://127.0.0.1:" + app.httpPort();
    }

    /** The page has loaded the conversation and is not sending anything. */
    private boolean ready() {
        return "false".equals(browser.findElement(By.id("log")).getAttribute("aria-busy"));
    }

    private String pressFirstButtonOfNewestMessage() {
        List<WebElement> buttons = buttonsOf(newestBotMessage());
        assertThat(buttons).as("the newest bot message offers buttons").isNotEmpty();
        String label = buttons.get(0).getText();
        buttons.get(0).click();
        return label;
    }

    private void assertOnlyNewestButtonsEnabled() {
        List<WebElement> bots = botMessages();
        for (int i = 0; i < bots.size() - 1; i++) {
            assertThat(buttonsOf(bots.get(i))).as("buttons of bot message %d of %d", i + 1, bots.size())
                    .noneMatch(WebElement::isEnabled);
        }
        assertThat(buttonsOf(bots.get(bots.size() - 1))).allMatch(WebElement::isEnabled);
    }

    private void assertFitsThePhone() {
        assertThat(browser.executeScript("return window.innerWidth")).isEqualTo(412L);
        assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
                .as("no sideways scrolling").isLessThanOrEqualTo(412L);
        List<WebElement> composer = browser.findElements(By.id("composer"));
        if (!composer.isEmpty()) {
            assertThat((Boolean) browser.executeScript(
                    "var r = arguments[0].getBoundingClientRect(); return r.bottom <= window.innerHeight && r.right <= window.innerWidth;",
                    composer.get(0))).as("the message box is on screen").isTrue();
        }
    }

    private List<WebElement> botMessages() {
        return browser.findElements(By.cssSelector(".msg.bot"));
    }

    private WebElement newestBotMessage() {
        List<WebElement> bots = botMessages();
        return bots.get(bots.size() - 1);
    }

    private List<String> botTexts() {
        return botMessages().stream().map(m -> m.findElement(By.className("text")).getText()).toList();
    }

    private List<WebElement> userMessages() {
        return browser.findElements(By.cssSelector(".msg.user"));
    }

    private List<String> userTexts() {
        return userMessages().stream().map(WebElement::getText).toList();
    }

    private List<WebElement> errors() {
        return browser.findElements(By.cssSelector(".msg.error"));
    }

    private static List<WebElement> buttonsOf(WebElement message) {
        return message.findElements(By.cssSelector(".buttons button"));
    }

    private long heldPosts() {
        return (Long) browser.executeScript("return window.__held.length");
    }

    private long posts() {
        return (Long) browser.executeScript("return window.__posts");
    }

    private String session() {
        return String.valueOf(browser.executeScript("return localStorage.getItem('klinik.chat.session')"));
    }

    private static long storedMessages(String session) {
        return Sql.count(databaseUrl, "SELECT count(*) FROM messages m JOIN chats c ON c.id = m.chat_id "
                + "WHERE c.channel = 'web' AND c.external_id = '" + session + "'");
    }

    private static long maxStoredId(String session) {
        return Sql.count(databaseUrl, "SELECT max(m.seq) FROM messages m JOIN chats c ON c.id = m.chat_id "
                + "WHERE c.channel = 'web' AND c.external_id = '" + session + "'");
    }

    /** A message written straight into the transcript, as a consultant's or an edited answer would be. */
    private static void insertBotMessage(String session, String author, String text) {
        assertThat(session).matches("[A-Za-z0-9_-]{16,64}");
        Sql.execute(databaseUrl, "INSERT INTO messages (chat_id, direction, author, kind, body) "
                + "SELECT id, 'out', '" + author + "', 'text', '" + text.replace("'", "''") + "' FROM chats "
                + "WHERE channel = 'web' AND external_id = '" + session + "'");
        assertThat(storedMessages(session)).isPositive();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
