package vn.loa.controller.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Range headers against a 1000-byte file (RFC 9110 §14). */
class ByteRangeTest {
    private static final long SIZE = 1000;

    @Test
    void noHeaderMeansTheWholeFile() {
        assertThat(ByteRange.resolve(null, SIZE)).isEqualTo(new ByteRange.Whole());
    }

    @Test
    void closedRangeIsThatPart() {
        assertThat(ByteRange.resolve("bytes=0-99", SIZE)).isEqualTo(partial(0, 99));
        assertThat(ByteRange.resolve("bytes=500-500", SIZE)).isEqualTo(partial(500, 500));
        assertThat(ByteRange.resolve("Bytes= 10 - 19 ", SIZE)).isEqualTo(partial(10, 19));
    }

    @Test
    void rangePastTheEndIsCutAtTheEnd() {
        assertThat(ByteRange.resolve("bytes=900-5000", SIZE)).isEqualTo(partial(900, 999));
        assertThat(ByteRange.resolve("bytes=0-99999999999999999999999", SIZE)).isEqualTo(partial(0, 999));
    }

    @Test
    void openRangeRunsToTheEnd() {
        assertThat(ByteRange.resolve("bytes=400-", SIZE)).isEqualTo(partial(400, 999));
        assertThat(ByteRange.resolve("bytes=999-", SIZE)).isEqualTo(partial(999, 999));
    }

    @Test
    void suffixRangeIsTheLastBytes() {
        assertThat(ByteRange.resolve("bytes=-100", SIZE)).isEqualTo(partial(900, 999));
        assertThat(ByteRange.resolve("bytes=-5000", SIZE)).as("longer than the file").isEqualTo(partial(0, 999));
    }

    @Test
    void rangeStartingAtOrPastTheEndIsUnsatisfiable() {
        assertThat(ByteRange.resolve("bytes=1000-", SIZE)).isEqualTo(new ByteRange.Unsatisfiable());
        assertThat(ByteRange.resolve("bytes=1000-2000", SIZE)).isEqualTo(new ByteRange.Unsatisfiable());
        assertThat(ByteRange.resolve("bytes=99999999999999999999-", SIZE)).isEqualTo(new ByteRange.Unsatisfiable());
        assertThat(ByteRange.resolve("bytes=-0", SIZE)).isEqualTo(new ByteRange.Unsatisfiable());
        assertThat(ByteRange.resolve("bytes=0-", 0)).isEqualTo(new ByteRange.Unsatisfiable());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bytes", "bytes=", "bytes=-", "bytes=abc-def", "bytes=10-5", "bytes=1-2,5-6",
            "items=0-10", "bytes=0x10-20", "bytes=+5-10", "bytes=5", "0-10", "bytes=--5"})
    void malformedOrMultipleRangesAreIgnored(String header) {
        assertThat(ByteRange.resolve(header, SIZE)).isEqualTo(new ByteRange.Whole());
    }

    @Test
    void lengthCountsBothEnds() {
        assertThat(new ByteRange(10, 19).length()).isEqualTo(10);
    }

    private static ByteRange.Outcome partial(long first, long last) {
        return new ByteRange.Partial(new ByteRange(first, last));
    }
}
