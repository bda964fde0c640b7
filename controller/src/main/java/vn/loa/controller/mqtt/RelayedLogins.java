package vn.loa.controller.mqtt;

import io.moquette.broker.security.IAuthenticator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Moquette's authenticator behind the front end. Moquette listens on loopback, where only the
 * controller may log in directly: every other login must have come through the front end (which
 * checked its last will), and the front end marks it by putting a secret of this process before
 * the password. The rest of the password goes to {@link BrokerAccess} as usual.
 */
final class RelayedLogins implements IAuthenticator {
    private static final int MARK_BYTES = 32;

    private final BrokerAccess access;
    private final byte[] mark = new byte[MARK_BYTES];

    RelayedLogins(BrokerAccess access) {
        this.access = access;
        new SecureRandom().nextBytes(mark);
    }

    /** The password as the front end hands it on: the mark, then the client's password. */
    byte[] marked(byte[] password) {
        byte[] marked = Arrays.copyOf(mark, MARK_BYTES + password.length);
        System.arraycopy(password, 0, marked, MARK_BYTES, password.length);
        return marked;
    }

    @Override
    public boolean checkValid(String clientId, String username, byte[] password) {
        if (password != null && password.length >= MARK_BYTES
                && MessageDigest.isEqual(mark, Arrays.copyOf(password, MARK_BYTES))) {
            return access.checkValid(clientId, username, Arrays.copyOfRange(password, MARK_BYTES, password.length));
        }
        if (access.isController(username)) {
            return access.checkValid(clientId, username, password);
        }
        access.refuseDirectLogin(username);
        return false;
    }
}
