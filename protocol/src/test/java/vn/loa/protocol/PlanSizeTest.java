package vn.loa.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.protocol.testutil.Payloads.accepted;
import static vn.loa.protocol.testutil.Payloads.rejection;

import org.junit.jupiter.api.Test;
import vn.loa.protocol.DecodeError.Reason;
import vn.loa.protocol.testutil.SampleMessages;

/**
 * How many broadcasts a plan can carry within a payload limit. A realistic broadcast (controller
 * ids, a 35-character Vietnamese title, four zones, a content-addressed audio path) encodes to
 * about 430 bytes, so the default 64 KiB holds 151 of them, far fewer than
 * {@link Plan#MAX_BROADCASTS}.
 */
class PlanSizeTest {
    /** Broadcasts of {@link SampleMessages#planOf} that fit in the default limit, as measured. */
    private static final int FITTING_THE_DEFAULT_LIMIT = 151;

    private final MessageCodec codec = new MessageCodec();

    private static int encodedSize(int broadcasts) {
        return new MessageCodec().encode(SampleMessages.planOf(broadcasts)).length;
    }

    @Test
    void realisticBroadcastTakesAboutFourHundredThirtyBytes() {
        int perBroadcast = (encodedSize(101) - encodedSize(1)) / 100;

        assertThat(perBroadcast).isBetween(400, 480);
    }

    @Test
    void planOfAsManyRealisticBroadcastsAsFitTheDefaultLimitIsAccepted() {
        Plan plan = SampleMessages.planOf(FITTING_THE_DEFAULT_LIMIT);
        byte[] payload = codec.encode(plan);

        assertThat(payload.length).isLessThanOrEqualTo(MessageCodec.DEFAULT_MAX_PAYLOAD_BYTES);
        assertThat(encodedSize(FITTING_THE_DEFAULT_LIMIT + 1)).isGreaterThan(MessageCodec.DEFAULT_MAX_PAYLOAD_BYTES);
        assertThat(accepted(codec.decode(payload))).isEqualTo(plan);
    }

    @Test
    void planOfTheMaximumOfRealisticBroadcastsExceedsTheDefaultLimit() {
        byte[] payload = codec.encode(SampleMessages.planOf(Plan.MAX_BROADCASTS));

        assertThat(rejection(codec.decode(payload), Reason.OVERSIZED).detail()).contains("65536");
    }

    @Test
    void planOfTheMaximumOfRealisticBroadcastsFitsAMebibyte() {
        MessageCodec mebibyte = new MessageCodec(1024 * 1024);
        Plan plan = SampleMessages.planOf(Plan.MAX_BROADCASTS);

        assertThat(accepted(mebibyte.decode(mebibyte.encode(plan)))).isEqualTo(plan);
    }
}
