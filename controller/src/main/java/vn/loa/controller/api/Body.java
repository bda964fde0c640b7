package vn.loa.controller.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.loa.protocol.Zone;

/** Typed access to the fields of a JSON request body; a wrong or missing field is a 400 naming it. */
public final class Body {
    private final JsonNode node;

    Body(JsonNode node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    /** The raw value of a field, or null; for shapes the typed accessors do not cover. */
    public JsonNode node(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    public boolean has(String field) {
        return node.has(field);
    }

    public boolean isNull(String field) {
        return node.has(field) && node.get(field).isNull();
    }

    public String requiredText(String field, int maxLength) {
        String value = optionalText(field, maxLength);
        if (value == null) {
            throw ApiException.invalid("field '" + field + "' is required");
        }
        return value;
    }

    public String optionalText(String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.invalid("field '" + field + "' must be text");
        }
        String text = value.textValue().strip();
        if (text.isEmpty()) {
            throw ApiException.invalid("field '" + field + "' must not be empty");
        }
        if (text.length() > maxLength) {
            throw ApiException.invalid("field '" + field + "' must be at most " + maxLength + " characters");
        }
        return text;
    }

    public Long optionalLong(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw ApiException.invalid("field '" + field + "' must be an integer");
        }
        return value.longValue();
    }

    public Long requiredLong(String field) {
        Long value = optionalLong(field);
        if (value == null) {
            throw ApiException.invalid("field '" + field + "' is required");
        }
        return value;
    }

    public Double optionalDouble(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw ApiException.invalid("field '" + field + "' must be a number");
        }
        return value.doubleValue();
    }

    /** A list of zones: {@code [{"channel": 1, "name": "..."}]}; null when absent. */
    public List<Zone> optionalZones(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw ApiException.invalid("field '" + field + "' must be a list of {channel, name}");
        }
        if (value.size() > Zone.MAX_CHANNEL) {
            throw ApiException.invalid("field '" + field + "' has more than " + Zone.MAX_CHANNEL + " zones");
        }
        List<Zone> zones = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode zone = value.get(i);
            String where = field + "[" + i + "]";
            if (!zone.isObject() || !zone.path("channel").isIntegralNumber() || !zone.path("name").isTextual()) {
                throw ApiException.invalid("field '" + where + "' must be {\"channel\": 1-64, \"name\": text}");
            }
            try {
                zones.add(new Zone(zone.get("channel").intValue(), zone.get("name").textValue().strip()));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(where + ": " + e.getMessage());
            }
        }
        return zones;
    }
}
