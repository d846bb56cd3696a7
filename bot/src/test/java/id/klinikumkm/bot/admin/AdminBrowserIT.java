package id.klinikumkm.bot.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.testing.Browser;
import id.klinikumkm.bot.testing.HttpJson;
import id.klinikumkm.bot.testing.TestApp;
import id.klinikumkm.bot.testing.TestDatabases;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An admin edits an answer in a real browser; the web chat answers with it at once, a second instance on the
 * same database within seconds, and markup in it is shown as text everywhere (no script runs).
 */
class AdminBrowserIT {
    private static final String PASSWORD = "rahasia-admin-123";
    private static final String HOSTILE = "NIB gratis <script>alert(1)</script> dan <b>tag terbuka";
    private static final String HOSTILE_QUESTION = "<script>alert(1)</script> <img src=x onerror=alert(2)> <i>miring";
    private String databaseUrl;
    private Application first;
    private Application second;
    private ChromeDriver browser;

    @BeforeEach
    void start() {
        databaseUrl = TestDatabases.embedded().freshDatabaseUrl();
        first = Application.start(TestApp.config(databaseUrl, Map.of("admin.password", PASSWORD)));
        second = Application.start(TestApp.config(databaseUrl, Map.of("admin.password", PASSWORD)));
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        second.close();
        first.close();
    }

    @Test
    void an_edited_answer_is_served_at_once_on_every_instance_and_shown_as_text_everywhere() throws InterruptedException {
        String base = "http://127.0.0.1:" + first.httpPort();
        browser.get(base + "/admin/faq/legal.nib.cost");
        assertThat(browser.getCurrentUrl()).endsWith("/admin/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait(browser).until(ExpectedConditions.urlContains("/admin"));

        browser.get(base + "/admin/faq/legal.nib.cost");
        WebElement answer = browser.findElement(By.id("answer"));
        answer.clear();
        answer.sendKeys(HOSTILE);
        // The live preview follows the typing, as text.
        wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-first"), "<script>alert(1)</script>"));
        browser.findElement(By.cssSelector("#faq-form button[type=submit]")).click();
        wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "tersimpan"));
        assertThat(browser.findElement(By.id("answer")).getAttribute("value")).isEqualTo(HOSTILE);
        assertNoAlert();

        // The web chat answers with the new text without a restart, on this instance and on the other one.
        assertThat(chatAnswer(first, "bikin nib bayar berapa")).contains(HOSTILE);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String other = chatAnswer(second, "bikin nib bayar berapa ya");
        while (!other.contains(HOSTILE) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            other = chatAnswer(second, "bikin nib bayar berapa ya");
        }
        assertThat(other).contains(HOSTILE);

        // A user's question with markup reaches the inbox (the user agreed to storage), shown there as text.
        HttpJson chat = new HttpJson(first.httpPort());
        chat.postJson("/api/chat/messages", Map.of("session", "hostile-user-aaaaaaaa", "button", "consent:yes"));
        chat.postJson("/api/chat/messages", Map.of("session", "hostile-user-aaaaaaaa", "text", "qwerty " + HOSTILE_QUESTION));

        // Every admin page that shows them shows them as text.
        for (String page : new String[] {"/admin/faq", "/admin/faq/legal.nib.cost", "/admin/kotak-masuk", "/admin/faq/legal.nib.cost/riwayat"}) {
            browser.get(base + page);
            assertNoAlert();
            assertThat(browser.findElements(By.tagName("script"))).allSatisfy(script ->
                    assertThat(script.getAttribute("src")).endsWith("/assets/admin.js"));
        }
        browser.get(base + "/admin/kotak-masuk");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(HOSTILE_QUESTION);
        assertNoAlert();
        browser.get(base + "/admin/faq/legal.nib.cost/riwayat");
        assertThat(browser.findElement(By.cssSelector("pre.diff")).getText()).contains("+ " + HOSTILE).contains("- **NIB gratis.**");

        // And the web chat page shows it as text too.
        browser.get(base + "/chat");
        // A new chat is first asked for consent; the question comes after the answer.
        wait(browser).until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Tidak setuju']"))).click();
        wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), "tidak akan kami simpan"));
        WebElement input = wait(browser).until(ExpectedConditions.elementToBeClickable(By.id("text")));
        input.sendKeys("bikin nib bayar berapa\n");
        wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), "<script>alert(1)</script>"));
        assertNoAlert();
    }

    private static String chatAnswer(Application app, String question) {
        String session = "admin-edit-" + System.nanoTime();
        JsonNode reply = new HttpJson(app.httpPort()).postJson("/api/chat/messages", Map.of("session", session, "text", question))
                .json().get("messages").get(0);
        return reply.get("text").asText();
    }

    private void assertNoAlert() {
        assertThatThrownBy(() -> new WebDriverWait(browser, Duration.ofMillis(500)).until(ExpectedConditions.alertIsPresent()))
                .isInstanceOf(TimeoutException.class);
    }

    private static WebDriverWait wait(ChromeDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }
}
