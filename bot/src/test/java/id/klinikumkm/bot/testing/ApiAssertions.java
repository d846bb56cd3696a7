package id.klinikumkm.bot.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks shared by the JSON API tests. */
public final class ApiAssertions {
    /**
     * Common English words that must not appear in anything a user can read. Field names in double quotes
     * ({@code "session"}) are part of the API and are left out of the check.
     */
    private static final Pattern ENGLISH = Pattern.compile(
            "\\b(the|is|are|must|should|not|found|request|body|invalid|missing|empty|please|error|allowed"
                    + "|unauthorized|longer|characters|bytes|exactly|only|send|method|endpoint|bad|unavailable"
                    + "|retry|too|large|you|your)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELD_NAME = Pattern.compile("\"[A-Za-z_]+\"");

    private ApiAssertions() {}

    /** Asserts a 200 and returns the body as JSON. */
    public static JsonNode ok(HttpJson.Response response) {
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    /** Asserts a 400 whose JSON error mentions {@code expected} and is Indonesian. */
    public static void assertError(HttpJson.Response response, String expected) {
        assertThat(assertError(response, 400)).contains(expected);
    }

    /** Asserts {@code status} with a JSON body {@code {"error": "..."}} in Indonesian; returns the message. */
    public static String assertError(HttpJson.Response response, int status) {
        assertEquals(status, response.status(), response.body());
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode error = response.json().get("error");
        assertThat(error).as("the body %s has an \"error\" string", response.body()).isNotNull();
        assertThat(error.isTextual()).isTrue();
        assertIndonesian(error.asText());
        return error.asText();
    }

    /** Fails when a text a user can read contains common English words (such as "must", "not found", "request"). */
    public static void assertIndonesian(String text) {
        assertThat(text).isNotBlank();
        Matcher english = ENGLISH.matcher(FIELD_NAME.matcher(text).replaceAll(" "));
        if (english.find()) {
            throw new AssertionError("English word \"" + english.group() + "\" in a user-visible text: " + text);
        }
    }
}
