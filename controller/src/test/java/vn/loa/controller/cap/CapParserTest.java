package vn.loa.controller.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapParserTest {
    @Test
    void readsTheVietnameseFlashFloodWarning() {
        CapAlert alert = CapSamples.floodAlert();

        assertThat(alert.identifier()).isEqualTo("LCI-PCTT-2026-0912-001");
        assertThat(alert.sender()).isEqualTo(CapSamples.SENDER);
        assertThat(alert.sent()).isEqualTo(Instant.parse("2026-09-11T22:30:00Z"));
        assertThat(alert.sentText()).isEqualTo("2026-09-12T05:30:00+07:00");
        assertThat(alert.status()).isEqualTo(CapStatus.ACTUAL);
        assertThat(alert.messageType()).isEqualTo(CapMessageType.ALERT);
        assertThat(alert.scope()).isEqualTo(CapScope.PUBLIC);
        assertThat(alert.references()).isEmpty();
        assertThat(alert.infos()).extracting(CapInfo::language).containsExactly("en-US", "vi-VN");

        CapInfo info = alert.preferredInfo();
        assertThat(info.language()).isEqualTo("vi-VN");
        assertThat(info.event()).isEqualTo("Lũ quét");
        assertThat(info.headline()).isEqualTo("Cảnh báo lũ quét");
        assertThat(info.senderName()).startsWith("Ban Chỉ huy Phòng, chống thiên tai");
        assertThat(info.categories()).containsExactly(CapCategory.MET);
        assertThat(info.urgency()).isEqualTo(Urgency.IMMEDIATE);
        assertThat(info.severity()).isEqualTo(Severity.SEVERE);
        assertThat(info.certainty()).isEqualTo(Certainty.LIKELY);
        assertThat(info.expires()).isEqualTo(Instant.parse("2026-09-12T10:30:00Z"));
        assertThat(info.effective()).isNull();
        assertThat(info.parameter("vn-risk-level")).contains("2");
        assertThat(info.instruction()).contains("tránh xa khe suối");

        CapArea area = info.areas().get(0);
        assertThat(area.description()).isEqualTo("Xã Tân Lập");
        assertThat(area.geocodes("VN-ADMIN")).containsExactly(CapSamples.COMMUNE_CODE);
        assertThat(area.polygons()).hasSize(1);
        assertThat(area.polygons().get(0).points()).hasSize(6)
                .startsWith(new GeoPoint(22.2850, 104.1020)).endsWith(new GeoPoint(22.2850, 104.1020));
    }

    @Test
    void anUpdateReferencesTheAlertByItsKey() {
        CapAlert alert = CapSamples.floodAlert();
        CapAlert update = CapSamples.floodUpdate();

        assertThat(alert.reference().key()).isEqualTo(CapSamples.ALERT_KEY);
        assertThat(update.messageType()).isEqualTo(CapMessageType.UPDATE);
        assertThat(update.references()).containsExactly(alert.reference());
        assertThat(update.references().get(0).key()).isEqualTo(CapSamples.ALERT_KEY);
        CapArea village = update.preferredInfo().areas().get(1);
        assertThat(village.circles()).containsExactly(new CapCircle(new GeoPoint(22.15, 104.25), 3));
    }

    @Test
    void aCancelNeedsNoInfoAndReferencesEveryEarlierAlert() {
        CapAlert cancel = CapSamples.floodCancel();

        assertThat(cancel.messageType()).isEqualTo(CapMessageType.CANCEL);
        assertThat(cancel.infos()).isEmpty();
        assertThat(cancel.preferredInfo()).isNull();
        assertThat(cancel.note()).isEqualTo("Lũ đã rút; kết thúc cảnh báo lũ quét.");
        assertThat(cancel.references()).extracting(CapReference::key)
                .containsExactly(CapSamples.ALERT_KEY, CapSamples.UPDATE_KEY);
        assertThat(cancel.references().get(1).sent()).isEqualTo(Instant.parse("2026-09-12T02:00:00Z"));
    }

    @Test
    void aSecondCopyHasTheSameReferenceKey() {
        assertThat(CapSamples.floodAlert().reference().key()).isEqualTo(CapSamples.floodAlert().reference().key());
    }

    @Test
    void referencesToTheSameInstantWrittenDifferentlyNameTheSameAlert() {
        CapReference local = CapSamples.floodAlert().reference();
        CapReference utc = new CapReference(local.sender(), local.identifier(), "2026-09-11T22:30:00-00:00",
                Instant.parse("2026-09-11T22:30:00Z"));

        assertThat(utc.key()).isNotEqualTo(local.key());
        assertThat(utc.sameAlertAs(local)).isTrue();
    }

    @Test
    void utcIsReadWrittenAsCapDoesAndAsZ() {
        String capUtc = CapSamples.minimalAlert(CapSamples.minimalInfo(""))
                .replace("2026-09-12T05:30:00+07:00", "2026-09-11T22:30:00-00:00");
        String zulu = capUtc.replace("2026-09-11T22:30:00-00:00", "2026-09-11T22:30:00Z");

        assertThat(parse(capUtc).sent()).isEqualTo(Instant.parse("2026-09-11T22:30:00Z"));
        assertThat(parse(zulu).sent()).isEqualTo(Instant.parse("2026-09-11T22:30:00Z"));
        assertThat(parse(zulu).sentText()).isEqualTo("2026-09-11T22:30:00Z");
    }

    @Test
    void legacyVeryLikelyIsReadAsLikely() {
        CapAlert alert = parse(CapSamples.minimalAlert(CapSamples.minimalInfo(""))
                .replace("<certainty>Likely</certainty>", "<certainty>Very Likely</certainty>"));

        assertThat(alert.infos().get(0).certainty()).isEqualTo(Certainty.LIKELY);
    }

    @Test
    void absentLanguageIsEnglishAndAbsentTextsAreNull() {
        CapInfo info = parse(CapSamples.minimalAlert(CapSamples.minimalInfo(""))).infos().get(0);

        assertThat(info.language()).isEqualTo("en-US");
        assertThat(info.headline()).isNull();
        assertThat(info.title()).isEqualTo("Storm");
        assertThat(info.expires()).isNull();
        assertThat(info.areas().get(0).polygons()).isEmpty();
    }

    @Test
    void elementsOutsideCapAndUnknownOnesAreSkipped() {
        CapAlert alert = parse(CapSamples.minimalAlert(CapSamples.minimalInfo("")
                + "<x:signature xmlns:x=\"urn:example:ext\"><x:identifier>other</x:identifier></x:signature>"
                + "<code>IPAWSv1.0</code><source>Đài KTTV</source>"));

        assertThat(alert.identifier()).isEqualTo("T-1");
    }

    @Test
    void aTestAlertMayCarryNoInfo() {
        assertThat(parse(CapSamples.minimalAlert("")).infos()).isEqualTo(List.of());
    }

    private static CapAlert parse(String xml) {
        return CapParser.parse(xml.getBytes(StandardCharsets.UTF_8));
    }
}
