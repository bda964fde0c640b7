package vn.loa.controller.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapGeometryTest {
    /** A square 22.0-22.1 N, 104.0-104.1 E. */
    private static final CapPolygon SQUARE = polygon(22.0, 104.0, 22.0, 104.1, 22.1, 104.1, 22.1, 104.0, 22.0, 104.0);
    /**
     * A U open to the north: arms at 104.0-104.1 and 104.2-104.3 from 22.0 to 22.3, joined by a base
     * 22.0-22.1. The notch between the arms, above the base, is outside.
     */
    private static final CapPolygon U = polygon(22.0, 104.0, 22.0, 104.3, 22.3, 104.3, 22.3, 104.2, 22.1, 104.2,
            22.1, 104.1, 22.3, 104.1, 22.3, 104.0, 22.0, 104.0);

    @Test
    void aPolygonContainsPointsInsideAndNotOutside() {
        assertThat(SQUARE.contains(new GeoPoint(22.05, 104.05))).isTrue();
        assertThat(SQUARE.contains(new GeoPoint(22.15, 104.05))).isFalse();
        assertThat(SQUARE.contains(new GeoPoint(22.05, 103.99))).isFalse();
    }

    @Test
    void aConcavePolygonLeavesItsNotchOutside() {
        assertThat(U.contains(new GeoPoint(22.2, 104.15))).as("the notch").isFalse();
        assertThat(U.contains(new GeoPoint(22.2, 104.05))).as("west arm").isTrue();
        assertThat(U.contains(new GeoPoint(22.2, 104.25))).as("east arm").isTrue();
        assertThat(U.contains(new GeoPoint(22.05, 104.15))).as("the base below the notch").isTrue();
        assertThat(U.contains(new GeoPoint(22.1, 104.05))).as("west arm, level with the notch's floor").isTrue();
        assertThat(U.contains(new GeoPoint(22.1, 104.35))).as("east of it, level with the notch's floor").isFalse();
    }

    @Test
    void pointsOnEdgesAndCornersCountAsInside() {
        assertThat(SQUARE.contains(new GeoPoint(22.0, 104.05))).as("south edge").isTrue();
        assertThat(SQUARE.contains(new GeoPoint(22.1, 104.05))).as("north edge").isTrue();
        assertThat(SQUARE.contains(new GeoPoint(22.05, 104.1))).as("east edge").isTrue();
        assertThat(SQUARE.contains(new GeoPoint(22.1, 104.1))).as("corner").isTrue();
        assertThat(U.contains(new GeoPoint(22.2, 104.1))).as("inner edge of the notch").isTrue();
        assertThat(U.contains(new GeoPoint(22.1, 104.15))).as("floor of the notch").isTrue();
    }

    @Test
    void aPolygonMustBeClosed() {
        assertThatThrownBy(() -> polygon(22.0, 104.0, 22.1, 104.0, 22.1, 104.1, 22.0, 104.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the first equal to the last");
    }

    @Test
    void distanceIsAlongTheGreatCircle() {
        double meanRadiusKm = 6371.0088;

        assertThat(new GeoPoint(0, 0).distanceKm(new GeoPoint(90, 0))).as("equator to pole")
                .isCloseTo(Math.PI / 2 * meanRadiusKm, within(1e-6));
        assertThat(new GeoPoint(0, 104).distanceKm(new GeoPoint(0, 105))).as("a degree along the equator")
                .isCloseTo(Math.PI / 180 * meanRadiusKm, within(1e-6));
        assertThat(new GeoPoint(21.0285, 105.8542).distanceKm(new GeoPoint(10.7769, 106.7009)))
                .as("Hà Nội to Thành phố Hồ Chí Minh").isCloseTo(1143.5, within(0.5));
        assertThat(new GeoPoint(22.0, 104.0).distanceKm(new GeoPoint(22.0, 104.0))).isZero();
    }

    @Test
    void aCircleContainsPointsUpToItsRadiusIncluded() {
        GeoPoint centre = new GeoPoint(22.15, 104.25);
        GeoPoint north = new GeoPoint(22.17, 104.25);
        double toNorth = centre.distanceKm(north);

        assertThat(new CapCircle(centre, toNorth).contains(north)).as("on the circle").isTrue();
        assertThat(new CapCircle(centre, toNorth - 0.01).contains(north)).isFalse();
        assertThat(new CapCircle(centre, 3).contains(new GeoPoint(22.16, 104.26))).isTrue();
        assertThat(new CapCircle(centre, 0).contains(centre)).as("radius 0: the centre only").isTrue();
    }

    @Test
    void coordinatesOffTheMapAreRefused() {
        assertThatThrownBy(() -> new GeoPoint(91, 104)).hasMessage("latitude must be -90..90, got 91.0");
        assertThatThrownBy(() -> new GeoPoint(22, Double.NaN)).hasMessageStartingWith("longitude must be");
        assertThatThrownBy(() -> new CapCircle(new GeoPoint(22, 104), -1)).hasMessageContaining("radius");
    }

    private static CapPolygon polygon(double... latLon) {
        List<GeoPoint> points = new ArrayList<>();
        for (int i = 0; i < latLon.length; i += 2) {
            points.add(new GeoPoint(latLon[i], latLon[i + 1]));
        }
        return new CapPolygon(points);
    }
}
