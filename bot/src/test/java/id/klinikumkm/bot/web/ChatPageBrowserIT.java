package id.klinikumkm.bot.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.testing.Browser;
import id.klinikumkm.bot.testing.TestApp;
import id.klinikumkm.bot.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web chat page in a real headless browser, as an entrepreneur would use it on a phone. */
class ChatPageBrowserIT {
    private Application app;
    private ChromeDriver browser;

    @BeforeEach
    void start() {
        app = TestApp.start(TestDatabases.embedded().freshDatabaseUrl());
        browser = Browser.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(Path.of("target", "screenshots", "chat.png"), browser.getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
        app.close();
    }

    @Test
    void first_visit_shows_the_menu_and_a_topic_button_answers() {
        browser.get("http://127.0.0.1:" + app.httpPort() + "/chat");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        wait.until(d -> botMessages().size() == 2);
        assertThat(botMessages().get(0).getText()).contains("Klinik Konsultasi Usaha Mikro");
        assertThat(botMessages().get(0).findElements(By.cssSelector(".buttons button")).stream().map(WebElement::getText))
                .containsExactly("Legalitas", "Kemasan & Label", "Sertifikasi Halal", "Konsultasi dengan Petugas");
        assertThat(botMessages().get(1).findElements(By.cssSelector(".buttons button")).stream().map(WebElement::getText))
                .containsExactly("Setuju", "Tidak setuju");

        button("Setuju").click();
        wait.until(d -> botMessages().size() == 3);
        button("Sertifikasi Halal").click();

        wait.until(d -> botMessages().size() == 4);
        assertThat(botMessages().get(3).getText()).contains("self declare");
        assertThat(browser.findElements(By.cssSelector(".msg.user"))).extracting(WebElement::getText)
                .containsExactly("Setuju", "Sertifikasi Halal");
    }

    @Test
    void typed_html_is_shown_as_text_and_never_rendered() {
        browser.get("http://127.0.0.1:" + app.httpPort() + "/chat");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(d -> botMessages().size() == 2);

        WebElement input = browser.findElement(By.id("text"));
        input.sendKeys("<img src=x onerror=alert(1)><b>Bu Siti</b>");
        input.sendKeys(Keys.ENTER);

        wait.until(d -> botMessages().size() == 3);
        WebElement mine = browser.findElements(By.cssSelector(".msg.user")).get(0);
        assertThat(mine.getText()).isEqualTo("<img src=x onerror=alert(1)><b>Bu Siti</b>");
        assertThat(browser.findElements(By.cssSelector(".log img, .log b"))).isEmpty();
    }

    @Test
    void reloading_keeps_the_session_and_does_not_repeat_the_greeting() {
        browser.get("http://127.0.0.1:" + app.httpPort() + "/chat");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(d -> botMessages().size() == 2);
        Object session = browser.executeScript("return localStorage.getItem('klinik.chat.session')");
        assertThat(String.valueOf(session)).matches("[A-Za-z0-9_-]{16,64}");

        browser.navigate().refresh();

        wait.until(d -> botMessages().size() == 1);
        assertThat(botMessages().get(0).getText()).doesNotContain("selamat datang").contains("pilih topik");
        assertThat(browser.executeScript("return localStorage.getItem('klinik.chat.session')")).isEqualTo(session);
    }

    private List<WebElement> botMessages() {
        return browser.findElements(By.cssSelector(".msg.bot"));
    }

    private WebElement button(String label) {
        return browser.findElements(By.cssSelector(".msg.bot .buttons button")).stream()
                .filter(b -> b.getText().equals(label)).findFirst().orElseThrow();
    }
}
