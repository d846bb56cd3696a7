package id.klinikumkm.bot.admin;

import static id.klinikumkm.bot.testing.ApiAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.accounts.Role;
import id.klinikumkm.bot.testing.Browser;
import id.klinikumkm.bot.testing.HttpJson;
import id.klinikumkm.bot.testing.TestApp;
import id.klinikumkm.bot.testing.TestDatabases;
import id.klinikumkm.bot.testing.TestStaff;
import id.klinikumkm.bot.testing.WebChatUser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 12's browser check: script written into every place a user, a consultant or an admin can write (chat
 * text, the form's business name, product and description, a staff reply, an FAQ entry's title and answer,
 * a login name, addresses) is shown as text on the chat, admin and consultant pages, and none of it runs. Each
 * payload would set {@code window.__pwned} or the title if it ran, and leaves elements and
 * Content-Security-Policy violations behind if it were inserted as markup: all three are checked on every page.
 * One service and one browser for the class.
 */
class HostileBrowserIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION = "hostile-browser-user-00001";
    private static final String BUSINESS = "\"><img src=x onerror=\"window.__pwned='usaha'\">";
    private static final String PRODUCT = "sambal</td><script>window.__pwned='produk'</script>";
    private static final String DESCRIPTION = "Mau daftar halal '><svg onload=\"window.__pwned='cerita'\"> <b>tebal";
    private static final String TYPED = "<script>document.title='PWNED';window.__pwned='chat'</script><iframe src=javascript:1>";
    private static final String REPLY = "Bu, cek <img src=x onerror=\"window.__pwned='balasan'\"> javascript:alert(1)";
    private static final String TITLE = "Biaya NIB <svg onload=\"__pwned='j'\">";
    private static final String ANSWER = "NIB gratis</p><script>window.__pwned='jawaban'</script><a href=\"javascript:alert(1)\">klik</a>";
    private static final String LOGIN_NAME = "\" autofocus onfocus=\"window.__pwned='login'";
    /** Recorded before any page code runs: policy violations and a trap for anything that sets the title. */
    private static final String RECORDER = "window.__violations = [];"
            + "addEventListener('securitypolicyviolation', function (e) {"
            + " window.__violations.push(e.violatedDirective + ' @ ' + e.sourceFile + ':' + e.lineNumber); }, true);";

    private static String databaseUrl;
    private static Application app;
    private static ChromeDriver browser;
    private static String base;
    private static String number;

    @BeforeAll
    static void start() throws Exception {
        databaseUrl = TestDatabases.embedded().freshDatabaseUrl();
        app = Application.start(TestApp.config(databaseUrl, Map.of("chat.rate.per.session.per.minute", "1000")));
        base = "http://127.0.0.1:" + app.httpPort();
        HttpJson http = new HttpJson(app.httpPort());
        HttpJson admin = http.withBearer(TestStaff.token(databaseUrl, "kepala", Role.ADMIN));

        ObjectNode entry = (ObjectNode) ok(admin.get("/api/admin/faq/legal.nib.cost"));
        entry.put("title", TITLE).put("answer", ANSWER);
        ok(admin.send("PUT", "/api/admin/faq/legal.nib.cost", JSON.writeValueAsString(entry)));

        WebChatUser user = new WebChatUser(http, SESSION);
        user.say("/start");
        user.press("consent:yes");
        user.say(TYPED);
        user.press("faq:show:legal.nib.cost");
        user.press("consult:start");
        user.say("Dewi Lestari");
        user.say(BUSINESS);
        user.say(PRODUCT);
        user.say("Kraksaan");
        user.say("0812 3456 7890");
        user.say("halal");
        user.say(DESCRIPTION);
        Matcher opened = Pattern.compile("KUM-\\d{4}-\\d{5}").matcher(user.press(user.payloadStartingWith("intake:send:")));
        assertThat(opened.find()).as(user.text()).isTrue();
        number = opened.group();
        ok(admin.postJson("/api/consultant/cases/" + number + "/claim", Map.of()));
        ok(admin.postJson("/api/consultant/cases/" + number + "/reply", Map.of("text", REPLY)));

        browser = Browser.start();
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        app.close();
    }

    @Test
    void nothing_written_into_the_chat_the_form_the_answers_or_the_login_runs_on_any_page() {
        // The web chat, opened again by the same person: their text, the edited answer and the consultant's reply.
        browser.get(base + "/chat");
        browser.executeScript("localStorage.setItem('klinik.chat.session', arguments[0]);", SESSION);
        browser.navigate().refresh();
        wait(browser).until(d -> d.findElement(By.id("log")).getText().contains("javascript:alert(1)"));
        assertRanNothing("/chat", List.of(TYPED, TITLE, "NIB gratis</p><script>window.__pwned='jawaban'</script>",
                REPLY));

        // The login form shows a refused name again, in an attribute.
        browser.get(base + "/admin/login");
        browser.findElement(By.id("username")).sendKeys(LOGIN_NAME);
        browser.findElement(By.id("password")).sendKeys("salah-sekali");
        browser.findElement(By.xpath("//button[normalize-space()='Masuk']")).click();
        wait(browser).until(d -> d.getPageSource().contains("kata sandi salah"));
        assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo(LOGIN_NAME);
        assertRanNothing("/admin/login (refused)", List.of());

        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys("kepala");
        browser.findElement(By.id("password")).sendKeys(TestStaff.PASSWORD);
        browser.findElement(By.xpath("//button[normalize-space()='Masuk']")).click();
        wait(browser).until(ExpectedConditions.urlToBe(base + "/admin"));

        Map<String, List<String>> pages = new java.util.LinkedHashMap<>();
        pages.put("/admin/faq", List.of(TITLE));
        pages.put("/admin/faq/legal.nib.cost", List.of());
        pages.put("/admin/faq/legal.nib.cost/riwayat", List.of(ANSWER));
        pages.put("/admin/kotak-masuk", List.of(TYPED));
        pages.put("/consultant", List.of(PRODUCT));
        pages.put("/consultant/cases/" + number, List.of(BUSINESS, PRODUCT, DESCRIPTION, REPLY, TYPED));
        String reflected = "<img src=x onerror=\"window.__pwned='alamat'\">";
        pages.put("/consultant/cases/" + encode(reflected), List.of());
        pages.put("/admin/faq/" + encode(reflected), List.of());
        pages.put("/admin/reports?from=" + encode(reflected) + "&to=" + encode("\"><script>window.__pwned=1</script>"), List.of());
        pages.forEach((path, shown) -> {
            browser.get(base + path);
            assertRanNothing(path, shown);
        });

        // The editor's fields and live preview hold the answer as typed.
        browser.get(base + "/admin/faq/legal.nib.cost");
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo(TITLE);
        assertThat(browser.findElement(By.id("answer")).getAttribute("value")).isEqualTo(ANSWER);
        wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-first"), "<script>"));
        assertRanNothing("/admin/faq/legal.nib.cost (preview)", List.of());
    }

    /**
     * Nothing ran (no flag, no "PWNED" title, no alert), nothing was inserted as markup (no element a payload
     * brings, no inline script, no policy violation), and each text of {@code shown} is on the page as written.
     */
    private static void assertRanNothing(String page, List<String> shown) {
        assertThat(browser.executeScript("return typeof window.__pwned")).as(page + ": a payload ran").isEqualTo("undefined");
        assertThat(browser.getTitle()).as(page).doesNotContain("PWNED").contains("Klinik");
        assertThat(browser.executeScript("return window.__violations")).as(page + ": policy violations").isEqualTo(List.of());
        assertThat(browser.executeScript("return document.querySelectorAll('script:not([src]), iframe, svg [onload], svg[onload], "
                + "img[src=\"x\"], [onerror], [onload], [onfocus], a[href^=\"javascript:\"]').length"))
                .as(page + ": elements from a payload").isEqualTo(0L);
        String text = browser.findElement(By.tagName("body")).getText();
        for (String literal : shown) {
            assertThat(text).as(page).contains(literal);
        }
        assertThat(ExpectedConditions.alertIsPresent().apply(browser)).as(page + ": an alert").isNull();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static WebDriverWait wait(ChromeDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }
}
