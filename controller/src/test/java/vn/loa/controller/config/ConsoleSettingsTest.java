package vn.loa.controller.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleSettingsTest {
    private static String origin(String tileUrl) {
        return new ConsoleSettings(tileUrl, null).tileOrigin();
    }

    @Test
    void theTileOriginIsWhatThePagesPolicyAllowsForImages() {
        assertThat(ConsoleSettings.defaults().tileOrigin()).isNull();
        assertThat(origin("https://tile.openstreetmap.org/{z}/{x}/{y}.png")).isEqualTo("https://tile.openstreetmap.org");
        assertThat(origin("http://10.0.0.5:8080/tiles/{z}/{x}/{y}.png")).isEqualTo("http://10.0.0.5:8080");
        assertThat(origin("https://{s}.tile.example.vn/{z}/{x}/{y}.png")).isEqualTo("https://*.tile.example.vn");
        assertThat(origin("https://t{z}.example.vn/{x}/{y}.png")).isEqualTo("https:");
        assertThat(origin("https://example.vn{z}{x}{y}")).isEqualTo("https:");
    }
}
