package vn.loa.controller.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.loa.controller.api.ApiException;
import vn.loa.protocol.BulletinClass;

class BulletinMetadataTest {

    @Test
    void partsAreReadAndTrimmed() {
        BulletinMetadata metadata = BulletinMetadata.parse("  Bản tin phòng chống bão số 3 ", "emergency", "vi");
        assertThat(metadata).isEqualTo(new BulletinMetadata("Bản tin phòng chống bão số 3", BulletinClass.EMERGENCY,
                "vi"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"vi", "en", "km", "hmn", "vi-VN", "zh-Hant-TW", "cmo-VN"})
    void languageCodesAreAccepted(String code) {
        assertThat(BulletinMetadata.parse("Tin", "normal", code).language()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"VI", "vietnamese", "v", "vi_VN", "vi-", "vi-x", "1a", "vi VN"})
    void otherLanguageCodesAreRefusedNamingThePart(String code) {
        assertRefused(() -> BulletinMetadata.parse("Tin", "normal", code), "part 'language'");
    }

    @Test
    void missingOrInvalidPartsAreRefusedNamingThem() {
        assertRefused(() -> BulletinMetadata.parse(null, "normal", "vi"), "part 'title' is required");
        assertRefused(() -> BulletinMetadata.parse("  ", "normal", "vi"), "part 'title' must not be empty");
        assertRefused(() -> BulletinMetadata.parse("x".repeat(201), "normal", "vi"), "part 'title' must be at most");
        assertRefused(() -> BulletinMetadata.parse("Tin\u0007", "normal", "vi"), "control characters");
        assertRefused(() -> BulletinMetadata.parse("Tin", null, "vi"), "part 'class' is required");
        assertRefused(() -> BulletinMetadata.parse("Tin", "urgent", "vi"), "part 'class' must be normal, priority");
        assertRefused(() -> BulletinMetadata.parse("Tin", "normal", null), "part 'language' is required");
    }

    private static void assertRefused(Runnable parse, String message) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
