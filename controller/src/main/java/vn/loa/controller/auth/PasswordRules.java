package vn.loa.controller.auth;

import java.util.Locale;
import java.util.Set;
import vn.loa.controller.api.ApiException;

/**
 * What a password set through the API must be: 10 to 200 characters, not containing the
 * username (of 3 characters or more), not one character repeated, not one of the most common
 * passwords. A refusal is a {@code 400 weak_password} saying which rule failed. (The first admin
 * password, from {@code LOA_ADMIN_PASSWORD}, needs only {@link AuthService#MIN_PASSWORD_LENGTH}
 * characters.)
 */
public final class PasswordRules {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;

    /** Common passwords long enough to pass the length rule (lists of leaked passwords, Vietnamese ones too). */
    private static final Set<String> COMMON = Set.of(
            "0123456789", "1234567890", "12345678910", "123456789a", "1234567890a", "a123456789",
            "0987654321", "1234512345", "1122334455", "1q2w3e4r5t", "1qaz2wsx3edc", "zaq12wsxcde", "qwertyuiop",
            "qwertyuiop123", "qwerty1234", "qwerty12345", "asdfghjkl1", "abcdefghij", "abc1234567", "abcd123456",
            "password12", "password123", "password1234", "passw0rd123", "p@ssw0rd123", "iloveyou12", "iloveyou123",
            "administrator", "admin12345", "admin123456", "admin@12345", "welcome123", "letmein123", "changeme123",
            "matkhau123", "matkhau1234", "matkhau@123", "anhyeuem123", "emyeuanh123", "vietnam123", "vietnam1234",
            "hanoi12345", "saigon12345", "loaphuong123", "loaphat123", "loa-demo123", "football123", "sunshine123",
            "princess123", "dragon12345", "monkey12345", "superman123", "baseball123", "trustno1234");

    /** Throws a {@code 400 weak_password} naming the first rule the password breaks. */
    public void check(String username, String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw weak("the password must have at least " + MIN_LENGTH + " characters (it has " + length + ")");
        }
        if (length > MAX_LENGTH) {
            throw weak("the password must have at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw weak("the password must not contain the username");
        }
        if (password.codePoints().distinct().count() == 1) {
            throw weak("the password must not be one character repeated");
        }
        if (COMMON.contains(lower)) {
            throw weak("the password is one of the most common passwords: choose another");
        }
    }

    private static ApiException weak(String message) {
        return ApiException.badRequest("weak_password", message);
    }
}
