package vn.loa.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.protocol.testutil.Payloads.accepted;
import static vn.loa.protocol.testutil.Payloads.tree;
import static vn.loa.protocol.testutil.Payloads.utf8;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.protocol.testutil.SampleMessages;

/** Keeps docs/protocol.md true: its examples decode and re-encode unchanged, and it names every code. */
class ProtocolDocumentTest {
    private static final Path DOCUMENT = Path.of("..", "docs", "protocol.md");
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

    private static String document;

    private final MessageCodec codec = new MessageCodec();

    @BeforeAll
    static void readDocument() throws IOException {
        document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
    }

    private static List<String> examples() {
        List<String> examples = new ArrayList<>();
        Matcher block = JSON_BLOCK.matcher(document);
        while (block.find()) {
            examples.add(block.group(1));
        }
        return examples;
    }

    @Test
    void everyExampleIsAValidMessageThatReEncodesToTheSameJson() {
        assertThat(examples()).hasSizeGreaterThanOrEqualTo(7);
        for (String example : examples()) {
            Message message = accepted(codec.decode(utf8(example)));

            assertThat(tree(codec.encode(message))).as(example).isEqualTo(tree(utf8(example)));
        }
    }

    @Test
    void examplesAreTheSampleMessagesOfEveryType() {
        assertThat(examples().stream().map(example -> accepted(codec.decode(utf8(example)))))
                .containsExactlyElementsOf(SampleMessages.all());
    }

    @Test
    void documentNamesEveryReasonCodeAndChannel() {
        for (DecodeError.Reason reason : DecodeError.Reason.values()) {
            assertThat(document).contains("`" + reason.code() + "`");
        }
        for (Channel channel : Channel.values()) {
            assertThat(document).contains("{root}/stations/{station}/" + channel.segment() + "`");
        }
    }

    @Test
    void documentStatesTheDefaultsOfTheCode() {
        assertThat(document).contains("`" + Topics.DEFAULT_ROOT + "`")
                .contains(String.format(Locale.ROOT, "%,d bytes", MessageCodec.DEFAULT_MAX_PAYLOAD_BYTES))
                .contains("`v` | integer | protocol version, `" + MessageCodec.VERSION + "`")
                .contains("list of broadcast, ≤ " + Plan.MAX_BROADCASTS)
                .contains("list of text, ≤ " + ReceiptAck.MAX_IDS);
    }

    @Test
    void documentNamesEveryMessageTypeReceiptStateAndBulletinClass() {
        for (Message message : SampleMessages.all()) {
            assertThat(document).contains("### `" + message.type() + "`");
        }
        for (String state : List.of("started", "finished", "partly-played", "missed", "failed")) {
            assertThat(document).contains("| `" + state + "` |");
        }
        for (BulletinClass bulletinClass : BulletinClass.values()) {
            assertThat(document).contains("`" + bulletinClass.wireName() + "`");
        }
    }
}
