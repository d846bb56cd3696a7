package id.klinikumkm.bot.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches Javalin (a malformed address, headers that are too large):
 * the same Indonesian {@code {"error": "..."}} as the API instead of Jetty's English HTML page.
 */
final class JettyErrorHandler extends ErrorHandler {
    private static final String JSON_TYPE = "application/json;charset=utf-8";
    private final ObjectMapper json;
    private final long maxRequestBytes;

    JettyErrorHandler(ObjectMapper json, long maxRequestBytes) {
        this.json = json;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON_TYPE);
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, JSON_TYPE);
        return ByteBuffer.wrap(body(status));
    }

    private byte[] body(int status) {
        try {
            return json.writeValueAsBytes(Map.of("error", ErrorResponses.forStatus(status, maxRequestBytes)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
