package vn.loa.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The versioned JSON codec of every {@link Message}. Encoding adds {@code "v": }{@value #VERSION}.
 * Decoding never throws: malformed, wrongly typed, oversized, unknown or mismatched payloads come
 * back as a {@link Decoded.Failure} naming the problem. Thread-safe.
 */
public final class MessageCodec {
    public static final int VERSION = 1;
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024;
    private static final byte[] ENVELOPE_START = ("{\"v\":" + VERSION + ",\"type\":\"").getBytes(
            java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] VERSION_PREFIX = ("{\"v\":" + VERSION + ",").getBytes(
            java.nio.charset.StandardCharsets.US_ASCII);

    private final JsonMapper mapper;
    /** Reads the payload's tree; trailing content is checked by hand to report it as malformed. */
    private final ObjectReader treeReader;
    private final int maxPayloadBytes;

    public MessageCodec() {
        this(DEFAULT_MAX_PAYLOAD_BYTES);
    }

    public MessageCodec(int maxPayloadBytes) {
        if (maxPayloadBytes < 1024) {
            throw new IllegalArgumentException("maxPayloadBytes must be at least 1024, got " + maxPayloadBytes);
        }
        this.maxPayloadBytes = maxPayloadBytes;
        this.mapper = Json.strictMapper(maxPayloadBytes);
        this.treeReader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    /**
     * One pass: the message is written as {@code {"type": …, …}} (the type id comes first), and
     * the version is spliced in front of it, so every payload starts {@code {"v":1,"type":…}}.
     */
    public byte[] encode(Message message) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode " + message.type(), e);
        }
        if (body.length < 2 || body[0] != '{' || body[1] != '"') {
            throw new IllegalStateException("a message encodes as a JSON object with fields, got "
                    + new String(body, 0, Math.min(body.length, 20), java.nio.charset.StandardCharsets.UTF_8));
        }
        byte[] payload = new byte[VERSION_PREFIX.length + body.length - 1];
        System.arraycopy(VERSION_PREFIX, 0, payload, 0, VERSION_PREFIX.length);
        System.arraycopy(body, 1, payload, VERSION_PREFIX.length, body.length - 1);
        return payload;
    }

    /** Decodes any message, whatever its type. */
    public Decoded<Message> decode(byte[] payload) {
        return decodeAs(payload, Message.class);
    }

    /** Decodes the controller's presence, published on {@link Topics#controllerStatus()}. */
    public Decoded<ControllerStatus> decodeControllerStatus(byte[] payload) {
        Decoded<Message> decoded = decode(payload);
        if (decoded instanceof Decoded.Failure<Message> failure) {
            return new Decoded.Failure<>(failure.error());
        }
        Message message = ((Decoded.Ok<Message>) decoded).message();
        if (!(message instanceof ControllerStatus status)) {
            return Decoded.failure(DecodeError.Reason.TOPIC_MISMATCH,
                    "a '" + message.type() + "' message does not belong on the controller status topic");
        }
        return new Decoded.Ok<>(status);
    }

    /**
     * Decodes a message that arrived on a station topic, and checks that its type belongs on that
     * channel and that it names the topic's station.
     */
    public Decoded<StationMessage> decode(StationTopic topic, byte[] payload) {
        Decoded<Message> decoded = decode(payload);
        if (decoded instanceof Decoded.Failure<Message> failure) {
            return new Decoded.Failure<>(failure.error());
        }
        Message message = ((Decoded.Ok<Message>) decoded).message();
        if (!(message instanceof StationMessage stationMessage) || stationMessage.channel() != topic.channel()) {
            return Decoded.failure(DecodeError.Reason.TOPIC_MISMATCH,
                    "a '" + message.type() + "' message does not belong on the " + topic.channel().segment() + " channel");
        }
        if (!stationMessage.station().equals(topic.stationId())) {
            return Decoded.failure(DecodeError.Reason.TOPIC_MISMATCH, "message claims station '"
                    + stationMessage.station() + "' on the topic of station '" + topic.stationId() + "'");
        }
        return new Decoded.Ok<>(stationMessage);
    }

    private <T extends Message> Decoded<T> decodeAs(byte[] payload, Class<T> type) {
        if (payload == null || payload.length == 0) {
            return Decoded.failure(DecodeError.Reason.EMPTY, "empty payload");
        }
        if (payload.length > maxPayloadBytes) {
            return Decoded.failure(DecodeError.Reason.OVERSIZED,
                    "payload of " + payload.length + " bytes exceeds the limit of " + maxPayloadBytes);
        }
        if (startsWithEnvelope(payload)) {
            try {
                return new Decoded.Ok<>(mapper.readValue(payload, type));
            } catch (IOException | RuntimeException e) {
                // fall through: the checked path below names the problem
            }
        }
        try (JsonParser parser = treeReader.createParser(payload)) {
            JsonNode tree = treeReader.readTree(parser);
            if (tree == null || !tree.isObject()) {
                return Decoded.failure(DecodeError.Reason.MALFORMED, "payload is not a JSON object");
            }
            if (parser.nextToken() != null) {
                return Decoded.failure(DecodeError.Reason.MALFORMED, "content after the end of the JSON object");
            }
            Decoded<T> badEnvelope = checkEnvelope(tree);
            if (badEnvelope != null) {
                return badEnvelope;
            }
            try {
                return new Decoded.Ok<>(mapper.treeToValue(tree, type));
            } catch (MismatchedInputException e) {
                if (!(e instanceof InvalidTypeIdException) && isAbsent(tree, e)) {
                    return Decoded.failure(DecodeError.Reason.MISSING_FIELD, "missing field '" + path(e) + "'");
                }
                throw e;
            }
        } catch (JacksonException e) {
            return Decoded.failure(reasonOf(e), describe(e));
        } catch (IOException | RuntimeException e) {
            return Decoded.failure(DecodeError.Reason.MALFORMED, "cannot read payload: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Whether the payload begins as this codec writes one, {@code {"v":1,"type":"}: its envelope is
     * then known good and it is read in one pass. Anything else (another field order, spaces, an
     * error) goes through the tree, which checks each rule and names the one broken.
     */
    private static boolean startsWithEnvelope(byte[] payload) {
        if (payload.length <= ENVELOPE_START.length) {
            return false;
        }
        for (int i = 0; i < ENVELOPE_START.length; i++) {
            if (payload[i] != ENVELOPE_START[i]) {
                return false;
            }
        }
        return true;
    }

    /** Checks {@code v} and {@code type}; null when both are fine. */
    private static <T extends Message> Decoded<T> checkEnvelope(JsonNode tree) {
        JsonNode version = tree.get("v");
        if (version == null || version.isNull()) {
            return Decoded.failure(DecodeError.Reason.MISSING_FIELD, "missing field 'v' (protocol version)");
        }
        if (!version.isIntegralNumber()) {
            return Decoded.failure(DecodeError.Reason.WRONG_TYPE,
                    "field 'v' has the wrong type, expected an integer (protocol version)");
        }
        if (!version.canConvertToInt() || version.intValue() != VERSION) {
            return Decoded.failure(DecodeError.Reason.UNSUPPORTED_VERSION,
                    "protocol version " + version.asText() + " is not supported, expected " + VERSION);
        }
        JsonNode typeName = tree.get("type");
        if (typeName == null || typeName.isNull()) {
            return Decoded.failure(DecodeError.Reason.MISSING_FIELD, "missing field 'type'");
        }
        if (!typeName.isTextual()) {
            return Decoded.failure(DecodeError.Reason.WRONG_TYPE, "field 'type' has the wrong type, expected text");
        }
        return null;
    }

    /**
     * Whether the value a mapping failure points at is absent or null: Jackson reports a missing
     * primitive ({@code long}, {@code int}, {@code boolean}) as a type mismatch, but on the wire it
     * is a missing field.
     */
    private static boolean isAbsent(JsonNode tree, JsonMappingException e) {
        if (e.getPath().isEmpty()) {
            return false;
        }
        JsonNode node = tree;
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (node == null) {
                return true;
            }
            node = reference.getFieldName() != null ? node.get(reference.getFieldName()) : node.get(reference.getIndex());
        }
        return node == null || node.isNull();
    }

    private static DecodeError.Reason reasonOf(JacksonException e) {
        if (e instanceof InvalidTypeIdException) {
            return DecodeError.Reason.UNKNOWN_TYPE;
        }
        if (e instanceof ValueInstantiationException) {
            return e.getCause() instanceof Require.MissingFieldException
                    ? DecodeError.Reason.MISSING_FIELD : DecodeError.Reason.INVALID_VALUE;
        }
        if (e instanceof MismatchedInputException) {
            return DecodeError.Reason.WRONG_TYPE;
        }
        if (e instanceof StreamConstraintsException) {
            return DecodeError.Reason.OVERSIZED;
        }
        if (e instanceof InputCoercionException || e.getCause() instanceof InputCoercionException) {
            return DecodeError.Reason.INVALID_VALUE;
        }
        return DecodeError.Reason.MALFORMED;
    }

    private static String describe(JacksonException e) {
        if (e instanceof InvalidTypeIdException typeId) {
            return "unknown message type '" + typeId.getTypeId() + "'";
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return e.getCause().getMessage();
        }
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return (field.isEmpty() ? "a value" : "field '" + field + "'") + " has the wrong type, expected "
                    + expected(mismatch.getTargetType());
        }
        String message = e.getOriginalMessage();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        int cut = message.indexOf('\n');
        if (cut > 0) {
            message = message.substring(0, cut);
        }
        if (message.length() > 200) {
            message = message.substring(0, 200) + "…";
        }
        if (e instanceof StreamConstraintsException) {
            return "limit exceeded: " + message;
        }
        return field.isEmpty() ? "malformed JSON: " + message : "field '" + field + "': " + message;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** An enum constant as it appears on the wire: its {@code @JsonProperty} name, else its name in lower case. */
    private static String wireName(Class<?> type, Enum<?> constant) {
        try {
            JsonProperty property = type.getField(constant.name()).getAnnotation(JsonProperty.class);
            if (property != null && !property.value().isEmpty()) {
                return property.value();
            }
        } catch (NoSuchFieldException e) {
            // an enum constant is always a public field; fall through
        }
        return constant.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (type == java.time.Instant.class) {
            return "an ISO-8601 instant";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(constant -> wireName(type, (Enum<?>) constant)).toList();
        }
        return "an object";
    }
}
