package vn.loa.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static vn.loa.protocol.testutil.Payloads.accepted;
import static vn.loa.protocol.testutil.Payloads.bytes;
import static vn.loa.protocol.testutil.Payloads.rejection;
import static vn.loa.protocol.testutil.Payloads.text;
import static vn.loa.protocol.testutil.Payloads.tree;
import static vn.loa.protocol.testutil.Payloads.utf8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.loa.protocol.DecodeError.Reason;
import vn.loa.protocol.testutil.SampleMessages;

/** Hostile and broken payloads: the codec answers every one with a value and never throws. */
class MessageCodecRobustnessTest {
    private static final long SEED = 20261123L;

    private final MessageCodec codec = new MessageCodec();
    private final StationTopic heartbeatTopic = new StationTopic(SampleMessages.STATION, Channel.HEARTBEAT);

    /** A valid heartbeat padded with an unknown field to exactly {@code size} bytes. */
    private byte[] heartbeatOfSize(int size) {
        ObjectNode json = tree(SampleMessages.heartbeat());
        json.put("padding", "");
        int overhead = bytes(json).length;
        json.put("padding", "p".repeat(size - overhead));
        byte[] payload = bytes(json);
        assertThat(payload).hasSize(size);
        return payload;
    }

    @Test
    void payloadOfExactlyTheLimitIsAccepted() {
        assertThat(accepted(codec.decode(heartbeatOfSize(MessageCodec.DEFAULT_MAX_PAYLOAD_BYTES))))
                .isEqualTo(SampleMessages.heartbeat());
    }

    @Test
    void payloadOneByteOverTheLimitIsRejectedAsOversized() {
        DecodeError error = rejection(codec.decode(heartbeatOfSize(MessageCodec.DEFAULT_MAX_PAYLOAD_BYTES + 1)),
                Reason.OVERSIZED);

        assertThat(error.detail()).contains("65537").contains("65536");
    }

    @Test
    void megabytePayloadIsRejectedAsOversizedWithoutParsing() {
        byte[] megabyte = new byte[1024 * 1024];
        Arrays.fill(megabyte, (byte) '[');

        assertThat(rejection(codec.decode(megabyte), Reason.OVERSIZED).detail()).contains("1048576");
    }

    @Test
    void smallerConfiguredLimitApplies() {
        MessageCodec small = new MessageCodec(1024);

        assertThat(small.maxPayloadBytes()).isEqualTo(1024);
        rejection(small.decode(heartbeatOfSize(1025)), Reason.OVERSIZED);
        assertThat(small.decode(heartbeatOfSize(1024))).isInstanceOf(Decoded.Ok.class);
    }

    @Test
    void tenThousandNestedArraysAreRejectedWithoutStackOverflow() {
        byte[] deep = utf8("[".repeat(10_000) + "]".repeat(10_000));

        assertThat(rejection(codec.decode(deep), Reason.OVERSIZED).detail()).contains("nesting depth");
    }

    @Test
    void deepNestingInsideAnUnknownFieldIsRejectedWithoutStackOverflow() {
        String envelope = text(codec.encode(SampleMessages.heartbeat()));
        String deep = envelope.substring(0, envelope.length() - 1)
                + ",\"future\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}";

        rejection(codec.decode(utf8(deep)), Reason.OVERSIZED);
    }

    @Test
    void unclosedNestingIsRejectedWithoutStackOverflow() {
        rejection(codec.decode(utf8("{\"v\":1,\"x\":" + "[".repeat(30_000))), Reason.OVERSIZED);
    }

    @Test
    void modestNestingInsideAnUnknownFieldIsIgnored() {
        ObjectNode json = tree(SampleMessages.heartbeat());
        ObjectNode level = json.putObject("future");
        for (int depth = 0; depth < 20; depth++) {
            level = level.putObject("a");
        }

        assertThat(accepted(codec.decode(bytes(json)))).isEqualTo(SampleMessages.heartbeat());
    }

    @Test
    void numberWithMoreThanFortyDigitsIsRejectedAsOversized() {
        String payload = "{\"v\":1,\"type\":\"heartbeat\",\"agentUptimeSeconds\":" + "9".repeat(41) + "}";

        rejection(codec.decode(utf8(payload)), Reason.OVERSIZED);
    }

    @Test
    void veryLongIdIsRejectedAsInvalidValueNamingTheField() {
        ObjectNode json = tree(SampleMessages.heartbeat());
        json.put("id", "x".repeat(60_000));

        DecodeError error = rejection(codec.decode(bytes(json)), Reason.INVALID_VALUE);

        assertThat(error.detail()).contains("'id'").contains("100").hasSizeLessThan(300);
    }

    @Test
    void veryLongStationIsRejectedWithAShortDetail() {
        ObjectNode json = tree(SampleMessages.heartbeat());
        json.put("station", "x".repeat(60_000));

        assertThat(rejection(codec.decode(bytes(json)), Reason.INVALID_VALUE).detail()).hasSizeLessThan(300);
    }

    @Test
    void veryLongStringInAnUnknownFieldIsIgnored() {
        ObjectNode json = tree(SampleMessages.heartbeat());
        json.put("log", "ồ".repeat(20_000));

        assertThat(accepted(codec.decode(bytes(json)))).isEqualTo(SampleMessages.heartbeat());
    }

    @Test
    void invalidUtf8IsRejectedAsMalformed() {
        List<byte[]> invalidSequences = List.of(
                new byte[] {(byte) 0xC3, (byte) 0x28},
                new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xFE, (byte) 0xFF},
                new byte[] {(byte) 0x80},
                new byte[] {(byte) 0xE2, (byte) 0x82},
                new byte[] {(byte) 0xF0, (byte) 0x28, (byte) 0x8C, (byte) 0x28});
        for (byte[] invalid : invalidSequences) {
            byte[] payload = withInsideTheId(invalid);

            assertThat(rejection(codec.decode(payload), Reason.MALFORMED).detail())
                    .as("bytes %s", Arrays.toString(invalid)).containsIgnoringCase("UTF-8");
        }
    }

    /** A valid heartbeat whose id has the given bytes spliced into it. */
    private byte[] withInsideTheId(byte[] inserted) {
        byte[] valid = codec.encode(SampleMessages.heartbeat());
        String text = text(valid);
        int at = text.indexOf("\"id\":\"") + 6;
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.write(valid, 0, at);
        payload.write(inserted, 0, inserted.length);
        payload.write(valid, at, valid.length - at);
        return payload.toByteArray();
    }

    @Test
    void controlCharacterInsideAStringIsRejectedAsMalformed() {
        rejection(codec.decode(withInsideTheId(new byte[] {0x01})), Reason.MALFORMED);
    }

    @Test
    void randomBytesAlwaysComeBackAsADecodedValue() {
        Random random = new Random(SEED);
        for (int i = 0; i < 3_000; i++) {
            byte[] payload = new byte[random.nextInt(300)];
            random.nextBytes(payload);
            if (random.nextBoolean() && payload.length > 0) {
                payload[0] = '{';
            }

            assertDecodesWithoutThrowing(payload);
        }
    }

    @Test
    void mutatedValidPayloadsAlwaysComeBackAsADecodedValue() {
        Random random = new Random(SEED);
        List<byte[]> valid = SampleMessages.all().stream().map(codec::encode).toList();
        byte[] alphabet = utf8("{}[]\":,0123456789-.eE+ tfnulrasv\\\u00ff");
        for (int i = 0; i < 5_000; i++) {
            byte[] payload = mutate(valid.get(random.nextInt(valid.size())), random, alphabet);

            assertDecodesWithoutThrowing(payload);
        }
    }

    private void assertDecodesWithoutThrowing(byte[] payload) {
        assertThatCode(() -> {
            assertThat(codec.decode(payload)).isNotNull();
            assertThat(codec.decode(heartbeatTopic, payload)).isNotNull();
            assertThat(codec.decodeControllerStatus(payload)).isNotNull();
        }).as("payload %s", Arrays.toString(payload)).doesNotThrowAnyException();
    }

    private static byte[] mutate(byte[] original, Random random, byte[] alphabet) {
        byte[] payload = original.clone();
        int edits = 1 + random.nextInt(4);
        for (int edit = 0; edit < edits && payload.length > 1; edit++) {
            int at = random.nextInt(payload.length);
            switch (random.nextInt(5)) {
                case 0 -> payload[at] = (byte) random.nextInt(256);
                case 1 -> payload[at] = alphabet[random.nextInt(alphabet.length)];
                case 2 -> payload = Arrays.copyOf(payload, at);
                case 3 -> {
                    byte[] longer = new byte[payload.length + 1];
                    System.arraycopy(payload, 0, longer, 0, at);
                    longer[at] = alphabet[random.nextInt(alphabet.length)];
                    System.arraycopy(payload, at, longer, at + 1, payload.length - at);
                    payload = longer;
                }
                default -> {
                    byte[] shorter = new byte[payload.length - 1];
                    System.arraycopy(payload, 0, shorter, 0, at);
                    System.arraycopy(payload, at + 1, shorter, at, payload.length - at - 1);
                    payload = shorter;
                }
            }
        }
        return payload;
    }

    @Test
    void codecIsSafeToShareAcrossThreads() throws Exception {
        byte[] payload = codec.encode(SampleMessages.heartbeat());
        Callable<Long> decodeMany = () -> IntStream.range(0, 2_000)
                .mapToObj(i -> codec.decode(payload))
                .filter(decoded -> !(decoded instanceof Decoded.Ok<Message> ok)
                        || !ok.message().equals(SampleMessages.heartbeat()))
                .count();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Long> wrong : pool.invokeAll(List.of(decodeMany, decodeMany, decodeMany, decodeMany))) {
                assertThat(wrong.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
