package vn.loa.controller.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.loa.controller.api.ApiException;

class PasswordRulesTest {
    private final PasswordRules rules = new PasswordRules();

    @Test
    void aLongUncommonPasswordPasses() {
        assertThatCode(() -> rules.check("nguyen.an", "Loa phường 7 sáng")).doesNotThrowAnyException();
        assertThatCode(() -> rules.check("an", "test-admin-password")).doesNotThrowAnyException();
    }

    @Test
    void eachRuleSaysWhatFailed() {
        assertWeak("nguyen.an", "short1234", "at least 10 characters (it has 9)");
        assertWeak("nguyen.an", "x".repeat(10) + "y".repeat(191), "at most 200 characters");
        assertWeak("nguyen.an", "Nguyen.An-2026", "must not contain the username");
        assertWeak("nguyen.an", "zzzzzzzzzzzz", "one character repeated");
        assertWeak("nguyen.an", "MatKhau123", "most common passwords");
        assertWeak("nguyen.an", "1234567890", "most common passwords");
    }

    @Test
    void lengthCountsCharactersNotBytes() {
        assertThatCode(() -> rules.check("an", "mật khẩu đủ")).doesNotThrowAnyException();
    }

    private void assertWeak(String username, String password, String message) {
        assertThatThrownBy(() -> rules.check(username, password)).isInstanceOf(ApiException.class)
                .hasMessageContaining(message)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((ApiException) e).code())
                        .isEqualTo("weak_password"));
    }
}
