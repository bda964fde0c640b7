package vn.loa.controller.store;

/** A database failure that no caller can fix: logged, answered as a 500 by the API. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
