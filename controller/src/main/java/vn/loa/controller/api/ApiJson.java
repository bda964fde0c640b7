package vn.loa.controller.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import vn.loa.controller.http.Request;
import vn.loa.controller.http.Response;
import vn.loa.protocol.Json;

/** Reading request bodies and writing responses in JSON, with errors that name the problem. */
public final class ApiJson {
    private final JsonMapper mapper;

    public ApiJson(int maxBodyBytes) {
        this.mapper = Json.strictMapper(Math.max(maxBodyBytes, 1024));
    }

    public JsonMapper mapper() {
        return mapper;
    }

    public Response ok(Object body) {
        return respond(200, body);
    }

    public Response created(Object body, String location) {
        return respond(201, body).withHeader("Location", location);
    }

    public Response respond(int status, Object body) {
        try {
            return Response.json(status, mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response error(int status, String code, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return respond(status, body);
    }

    /** The request's JSON object; 415 for another content type, 400 for an empty or unparsable body. */
    public Body body(Request request) {
        String contentType = request.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/json")) {
            throw new ApiException(415, "unsupported_media_type",
                    "send the body as JSON with 'Content-Type: application/json'");
        }
        if (request.body().length == 0) {
            throw ApiException.badRequest("malformed_json", "the request body is empty; a JSON object is expected");
        }
        JsonNode node;
        try {
            node = mapper.readTree(request.body());
        } catch (JacksonException e) {
            throw ApiException.badRequest("malformed_json", "the body is not valid JSON" + where(e) + ": "
                    + firstLine(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("malformed_json", "the body cannot be read as JSON");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("malformed_json", "the body must be a JSON object");
        }
        return new Body(node);
    }

    private static String where(JacksonException e) {
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int cut = message.indexOf('\n');
        String line = cut > 0 ? message.substring(0, cut) : message;
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
