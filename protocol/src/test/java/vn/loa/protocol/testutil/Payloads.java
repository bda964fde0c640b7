package vn.loa.protocol.testutil;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import vn.loa.protocol.DecodeError;
import vn.loa.protocol.Decoded;
import vn.loa.protocol.Message;
import vn.loa.protocol.MessageCodec;

/**
 * Payloads for codec tests: real encodings as editable JSON trees (read with a plain, lenient
 * mapper, not the codec's own), and assertions on decode outcomes.
 */
public final class Payloads {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final MessageCodec CODEC = new MessageCodec();

    private Payloads() {
    }

    /** The encoding of a message as an object tree that a test may change. */
    public static ObjectNode tree(Message message) {
        return (ObjectNode) tree(CODEC.encode(message));
    }

    public static JsonNode tree(byte[] json) {
        try {
            return PLAIN.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(JsonNode tree) {
        try {
            return PLAIN.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** Asserts the outcome is a failure with the given reason, and returns the error for more checks. */
    public static DecodeError rejection(Decoded<?> decoded, DecodeError.Reason reason) {
        assertThat(decoded).isInstanceOf(Decoded.Failure.class);
        DecodeError error = ((Decoded.Failure<?>) decoded).error();
        assertThat(error.reason()).as("reason of %s", error).isEqualTo(reason);
        assertThat(error.detail()).isNotBlank();
        return error;
    }

    /** Asserts the outcome is a message, and returns it. */
    public static <T extends Message> T accepted(Decoded<T> decoded) {
        assertThat(decoded).isInstanceOf(Decoded.Ok.class);
        return ((Decoded.Ok<T>) decoded).message();
    }
}
