package id.klinikumkm.bot.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks shared by the JSON API tests. */
public final class ApiAssertions {
    private ApiAssertions() {}

    /** Asserts a 200 and returns the body as JSON. */
    public static JsonNode ok(HttpJson.Response response) {
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    /** Asserts a 400 whose JSON error mentions {@code expected}. */
    public static void assertError(HttpJson.Response response, String expected) {
        assertEquals(400, response.status(), response.body());
        assertThat(response.json().get("error").asText()).contains(expected);
    }
}
