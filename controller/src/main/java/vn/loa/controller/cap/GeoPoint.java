package vn.loa.controller.cap;

/** A WGS 84 position in decimal degrees, as CAP writes it: latitude first. */
public record GeoPoint(double latitude, double longitude) {
    /** The mean radius of the Earth, for the haversine distance. */
    static final double EARTH_RADIUS_KM = 6371.0088;

    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude must be -90..90, got " + latitude);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude must be -180..180, got " + longitude);
        }
    }

    /** The great-circle distance to {@code other} in kilometres (haversine formula). */
    public double distanceKm(GeoPoint other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(latitude))
                * Math.cos(Math.toRadians(other.latitude)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** As CAP writes it: {@code 22.25,104.14}. */
    @Override
    public String toString() {
        return latitude + "," + longitude;
    }
}
