package id.klinikumkm.bot.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.testing.Browser;
import id.klinikumkm.bot.testing.HttpJson;
import id.klinikumkm.bot.testing.TestApp;
import id.klinikumkm.bot.testing.TestDatabases;
import id.klinikumkm.bot.testing.TestStaff;
import id.klinikumkm.bot.testing.WebChatUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A consultant works a case in a real browser: sees it under "Kasus saya", claims it, replies (the user gets the
 * reply in the web chat), sees the user's answer appear without a reload, and resolves it (the user is asked for
 * a rating). What the user typed, markup included, is shown as text and runs nothing; another consultant is
 * refused the case; the pages break none of the Content-Security-Policy.
 */
class WorkspaceBrowserIT {
    private static final String SESSION = "workspace-browser-user-0001";
    private static final String NAME = "Lestari Wulandari";
    private static final String PRODUCT = "sambal <img src=x onerror=\"window.__xss='produk'\"> <b>pedas";
    private static final String DESCRIPTION = "Mau daftar halal untuk sambal. <script>window.__xss='keterangan';"
            + "document.title='XSS'</script> <i>Mulai dari mana?";
    private static final String REPLY = "Selamat siang Bu Lestari, sudah punya NIB? <b>Mohon</b> dicek dulu.";
    private static final String ANSWER = "Sudah punya NIB, Bu. <img src=x onerror=\"document.title='XSS'\"> <u>1234567890123";
    /** Records every Content-Security-Policy violation of every page, before the page's own code runs. */
    private static final String CSP_RECORDER = "window.__csp = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + "  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber); });";

    private String databaseUrl;
    private Application app;
    private HttpJson web;
    private ChromeDriver browser;
    private String base;

    @BeforeEach
    void start() {
        databaseUrl = TestDatabases.embedded().freshDatabaseUrl();
        app = Application.start(TestApp.config(databaseUrl, Map.of("chat.rate.per.session.per.minute", "1000")));
        base = "http://127.0.0.1:" + app.httpPort();
        web = new HttpJson(app.httpPort());
        TestStaff.consultant(databaseUrl, "siti", "Siti Aminah", "halal");
        TestStaff.consultant(databaseUrl, "budi", "Budi Santoso", "legal");
        browser = Browser.start();
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_RECORDER));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        app.close();
    }

    @Test
    void a_consultant_claims_replies_sees_the_answer_live_and_resolves_the_case_with_the_users_text_shown_as_text() {
        WebChatUser user = new WebChatUser(web, SESSION);
        String number = openCase(user);
        String expectedTitle = "Kasus " + number + " – Admin Klinik Konsultasi Usaha Mikro";

        // 1. Log in as siti.
        logIn("siti");

        // 2. The case waits under "Kasus saya", the user's text shown as text.
        browser.get(base + "/consultant");
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("Kasus konsultasi");
        WebElement mine = browser.findElement(By.xpath("//h3[normalize-space()='Kasus saya (1)']/following-sibling::table[1]"));
        WebElement row = mine.findElement(By.xpath(".//tr[td/a[normalize-space()='" + number + "']]"));
        List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertThat(cells.get(1)).isEqualTo("Diteruskan ke petugas");
        assertThat(cells.get(2)).isEqualTo("Halal");
        assertThat(cells.get(4)).isEqualTo(NAME + " · " + PRODUCT);
        assertThat(cells.get(5)).isEqualTo("Siti Aminah");
        assertThat(browser.findElement(By.xpath("//h3[normalize-space()='Antrean bersama (0)']")).isDisplayed()).isTrue();
        assertShownAsText(List.of());
        row.findElement(By.linkText(number)).click();
        wait(browser).until(ExpectedConditions.urlToBe(base + "/consultant/cases/" + number));
        assertThat(browser.getTitle()).isEqualTo(expectedTitle);
        assertShownAsText(List.of("/assets/workspace.js"));
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("Diteruskan ke petugas");
        assertThat(intake("Nama")).isEqualTo(NAME);
        assertThat(intake("Produk/usaha")).isEqualTo(PRODUCT);
        assertThat(intake("Keterangan")).isEqualTo(DESCRIPTION);
        assertThat(browser.findElement(By.id("transcript")).getText()).contains(DESCRIPTION);

        // 3. Claim it.
        submit("Ambil kasus ini");
        assertThat(browser.findElement(By.cssSelector("main p.ok[role=status]")).getText()).isEqualTo("Kasus berhasil diambil.");
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("Sedang ditangani");
        assertThat(browser.findElements(By.xpath("//button[normalize-space()='Ambil kasus ini']"))).as("claimed once").isEmpty();

        // 4. Reply; the user gets it in the web chat as the consultant's message.
        browser.findElement(By.id("reply-text")).sendKeys(REPLY);
        submit("Kirim balasan");
        assertThat(browser.findElement(By.cssSelector("main p.ok[role=status]")).getText()).isEqualTo("Balasan terkirim.");
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("Menunggu balasan pengguna");
        // The transcript shows the reply as the user got it: under the consultant's name and the case number.
        WebElement replied = lastTranscriptLine();
        assertThat(replied.getAttribute("class")).isEqualTo("from-consultant");
        assertThat(replied.findElement(By.tagName("small")).getText()).startsWith("Petugas · ");
        assertThat(replied.findElement(By.cssSelector(".pre")).getText()).contains("Siti", number).endsWith("\n\n" + REPLY);
        assertShownAsText(List.of("/assets/workspace.js"));
        List<JsonNode> fromConsultant = chatMessages().stream().filter(m -> m.get("from").asText().equals("consultant")).toList();
        assertThat(fromConsultant).hasSize(1);
        assertThat(fromConsultant.get(0).get("text").asText()).contains("Siti", REPLY);

        // 5. The user answers; the open page shows it within the polling interval, without a reload.
        browser.executeScript("window.__samePage = 'not reloaded';");
        int linesBefore = browser.findElements(By.cssSelector("#transcript > li")).size();
        assertThat(user.say(ANSWER)).contains("diteruskan ke petugas");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
                driver.findElements(By.cssSelector("#transcript > li.from-user .pre")).stream()
                        .anyMatch(line -> line.getText().equals(ANSWER)));
        assertThat(browser.executeScript("return window.__samePage;")).isEqualTo("not reloaded");
        assertThat(browser.findElements(By.cssSelector("#transcript > li")).size()).isGreaterThan(linesBefore);
        WebElement answered = browser.findElements(By.cssSelector("#transcript > li.from-user")).stream()
                .filter(line -> line.findElement(By.cssSelector(".pre")).getText().equals(ANSWER)).findFirst().orElseThrow();
        assertThat(answered.findElement(By.tagName("small")).getText()).startsWith("Pengguna · ");
        List<String> ids = browser.findElements(By.cssSelector("#transcript > li")).stream()
                .map(line -> line.getAttribute("data-id")).toList();
        assertThat(ids).as("each message once").doesNotHaveDuplicates();
        assertShownAsText(List.of("/assets/workspace.js"));

        // 6. Resolve; the user is asked for a rating with five stars.
        new Select(browser.findElement(By.id("case-status-select"))).selectByVisibleText("Selesai (minta penilaian)");
        submit("Simpan status");
        assertThat(browser.findElement(By.cssSelector("main p.ok[role=status]")).getText())
                .isEqualTo("Kasus diselesaikan; pengguna diminta memberi nilai.");
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("Selesai");
        List<JsonNode> messages = chatMessages();
        JsonNode asked = messages.get(messages.size() - 1);
        assertThat(asked.get("text").asText()).contains(number, "diselesaikan");
        List<String> stars = new ArrayList<>();
        asked.get("buttons").forEach(button -> stars.add(button.get("payload").asText()));
        assertThat(stars).containsExactly("rating:star:" + number + ":1", "rating:star:" + number + ":2",
                "rating:star:" + number + ":3", "rating:star:" + number + ":4", "rating:star:" + number + ":5");
        assertShownAsText(List.of("/assets/workspace.js"));

        // Another consultant is refused siti's case, by name.
        browser.manage().deleteAllCookies();
        logIn("budi");
        browser.get(base + "/consultant");
        assertThat(browser.findElement(By.xpath("//h3[normalize-space()='Kasus saya (0)']")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(number);
        browser.get(base + "/consultant/cases/" + number);
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("Akses ditolak");
        assertThat(browser.findElement(By.cssSelector("main p.error[role=alert]")).getText()).isEqualTo("Kasus ini ditangani oleh Siti Aminah.");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(DESCRIPTION, ANSWER, REPLY);
        Cookie session = browser.manage().getCookieNamed(StaffGuard.COOKIE);
        HttpJson.Response refused = web.getWithCookie("/consultant/cases/" + number, StaffGuard.COOKIE + "=" + session.getValue());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Kasus ini ditangani oleh Siti Aminah.").doesNotContain("Lestari");
        assertShownAsText(List.of());
    }

    /** Presses a form's button and waits for the page the form answers with. */
    private void submit(String label) {
        WebElement button = browser.findElement(By.xpath("//button[normalize-space()='" + label + "']"));
        button.click();
        wait(browser).until(driver -> isGone(button));
    }

    /**
     * Whether the element's page has been replaced: the element is stale, or Chrome answers "Node with given id
     * does not belong to the document", as it sometimes does while the new page loads (and which
     * {@code ExpectedConditions.stalenessOf} reports as an error).
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Walks the web chat's intake with markup in the product and the description; returns the case number. */
    private static String openCase(WebChatUser user) {
        user.say("/start");
        user.press("consent:yes");
        user.press("consult:start");
        user.say(NAME);
        user.press("intake:skip");
        user.say(PRODUCT);
        user.say("Kraksaan");
        user.say("0812 3456 7890");
        user.say("halal");
        user.say(DESCRIPTION);
        Matcher number = Pattern.compile("KUM-\\d{4}-\\d{5}").matcher(user.press(user.payloadStartingWith("intake:send:")));
        assertThat(number.find()).as("the case number in the confirmation").isTrue();
        return number.group();
    }

    private void logIn(String username) {
        browser.get(base + "/admin/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(TestStaff.PASSWORD);
        browser.findElement(By.xpath("//button[normalize-space()='Masuk']")).click();
        wait(browser).until(ExpectedConditions.urlToBe(base + "/admin"));
        assertThat(browser.findElement(By.cssSelector("nav .who")).getText()).isEqualTo(username.equals("siti") ? "Siti Aminah" : "Budi Santoso");
    }

    /** The web chat's messages as its page polls them. */
    private List<JsonNode> chatMessages() {
        HttpJson.Response response = web.get("/api/chat/messages?session=" + SESSION + "&after=0");
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> messages = new ArrayList<>();
        response.json().get("messages").forEach(messages::add);
        return messages;
    }

    private String intake(String label) {
        return browser.findElement(By.xpath("//dl[@class='intake']/dt[normalize-space()='" + label + "']/following-sibling::dd[1]")).getText();
    }

    private WebElement lastTranscriptLine() {
        List<WebElement> lines = browser.findElements(By.cssSelector("#transcript > li"));
        return lines.get(lines.size() - 1);
    }

    /**
     * Markup from users and consultants became no element and ran nothing: the page's only scripts are its own
     * files, no payload element exists, the payload's globals and title are untouched, no alert is open, and the
     * page broke no rule of its Content-Security-Policy (an unescaped inline script or handler would).
     */
    private void assertShownAsText(List<String> scripts) {
        assertThat(browser.executeScript("return window.__csp;")).as("CSP violations").isEqualTo(List.of());
        assertThat(browser.findElements(By.tagName("script")).stream().map(script -> script.getAttribute("src"))
                .map(src -> src == null || src.isEmpty() ? "(inline)" : src.replace(base, "")).toList()).isEqualTo(scripts);
        assertThat(browser.findElements(By.cssSelector("main img, main b, main i, main u"))).isEmpty();
        assertThat(browser.executeScript("return typeof window.__xss;")).isEqualTo("undefined");
        assertThat(browser.getTitle()).doesNotContain("XSS").endsWith(" – Admin Klinik Konsultasi Usaha Mikro");
        assertThatThrownBy(() -> new WebDriverWait(browser, Duration.ofMillis(300)).until(ExpectedConditions.alertIsPresent()))
                .isInstanceOf(TimeoutException.class);
    }

    private static WebDriverWait wait(ChromeDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }
}
