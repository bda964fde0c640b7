package vn.loa.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class StationIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "7", "tan-lap-01", "xa_tan_lap", "0-0", "a-", "a_",
        "abcdefghijklmnopqrstuvwxyz0123456789-_abcdefghijklmnopqrstuvwxyz"})
    void acceptsLowerCaseLettersDigitsDashAndUnderscore(String id) {
        assertThat(StationIds.isValid(id)).isTrue();
        assertThat(StationIds.require(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"-a", "_a", "Tan-Lap", "TAN", "tan lap", "tan/lap", "tan+", "tan#", "$sys", "+", "#",
        "tân-lập", "tan.lap", "tan:lap", " tan", "tan\n", "tan\u0000"})
    void rejectsIdsThatAreUnsafeInATopicLevel(String id) {
        assertThat(StationIds.isValid(id)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> StationIds.require(id))
                .withMessageContaining("station id");
    }

    @Test
    void acceptsExactlySixtyFourCharactersAndNoMore() {
        assertThat(StationIds.isValid("a".repeat(StationIds.MAX_LENGTH))).isTrue();
        assertThat(StationIds.isValid("a".repeat(StationIds.MAX_LENGTH + 1))).isFalse();
    }

    @Test
    void rejectionNamesTheOffendingIdAndTheRule() {
        assertThatIllegalArgumentException().isThrownBy(() -> StationIds.require("Tan/Lap"))
                .withMessageContaining("'Tan/Lap'")
                .withMessageContaining("1-64 characters");
    }

    @Test
    void rejectionOfAHugeIdShowsOnlyItsStart() {
        String huge = "x".repeat(10_000);

        assertThatIllegalArgumentException().isThrownBy(() -> StationIds.require(huge))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300).contains("…"));
    }

    @Test
    void rejectionOfNullSaysNothingWasGiven() {
        assertThatIllegalArgumentException().isThrownBy(() -> StationIds.require(null))
                .withMessageEndingWith("got nothing");
    }
}
