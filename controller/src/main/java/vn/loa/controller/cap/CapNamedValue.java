package vn.loa.controller.cap;

import java.util.Objects;

/** A CAP {@code valueName}/{@code value} pair: a {@code parameter} of an info or a {@code geocode} of an area. */
public record CapNamedValue(String valueName, String value) {
    public CapNamedValue {
        Objects.requireNonNull(valueName, "valueName");
        Objects.requireNonNull(value, "value");
    }
}
