package vn.loa.controller.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The text/event-stream format of one event. */
class SseFramingTest {

    @Test
    void eventHasItsNameIdAndData() {
        assertThat(EventFrame.of("progress", "42", "{\"done\":3}"))
                .isEqualTo("event: progress\nid: 42\ndata: {\"done\":3}\n\n");
    }

    @Test
    void multiLineDataBecomesOneDataLinePerLine() {
        assertThat(EventFrame.of("note", null, "Cảnh báo lũ\nSơ tán ngay\r\nvề nơi cao\rhết"))
                .isEqualTo("event: note\ndata: Cảnh báo lũ\ndata: Sơ tán ngay\ndata: về nơi cao\ndata: hết\n\n");
    }

    @Test
    void eventWithoutNameOrIdIsDataOnly() {
        assertThat(EventFrame.of(null, null, "Cảnh báo lũ")).isEqualTo("data: Cảnh báo lũ\n\n");
    }

    @Test
    void emptyOrMissingDataIsOneEmptyDataLine() {
        assertThat(EventFrame.of("ping", null, "")).isEqualTo("event: ping\ndata: \n\n");
        assertThat(EventFrame.of("ping", null, null)).isEqualTo("event: ping\ndata: \n\n");
    }

    @Test
    void trailingLineBreakInDataKeepsAnEmptyLastLine() {
        assertThat(EventFrame.of(null, null, "a\n")).isEqualTo("data: a\ndata: \n\n");
    }

    @Test
    void lineBreaksInNameOrIdCannotStartAnotherField() {
        assertThat(EventFrame.of("a\ndata: forged", "1\r\n2", "x"))
                .isEqualTo("event: a data: forged\nid: 1 2\ndata: x\n\n");
    }
}
