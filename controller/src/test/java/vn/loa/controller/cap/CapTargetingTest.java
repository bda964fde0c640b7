package vn.loa.controller.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.controller.registry.Area;
import vn.loa.controller.registry.Station;

class CapTargetingTest {
    private static final Area PROVINCE = CapSamples.area(1, null, "10");
    private static final Area COMMUNE = CapSamples.area(2, 1L, CapSamples.COMMUNE_CODE);
    private static final Area NEIGHBOUR = CapSamples.area(3, 1L, "25253");
    private static final List<Area> AREAS = List.of(PROVINCE, COMMUNE, NEIGHBOUR);

    @Test
    void anAreaCodeReachesTheAreaAndAPolygonTheStationsInIt() {
        List<Station> stations = List.of(CapSamples.station("tan-lap-01", 3, CapSamples.INSIDE),
                CapSamples.station("tan-lap-02", 3, CapSamples.OUTSIDE));

        CapReach reach = targeting(stations).reach(CapSamples.floodAlert().preferredInfo());

        assertThat(reach.areaIds()).containsExactly(2L);
        assertThat(reach.stationIds()).as("inside the polygon, whatever its area").containsExactly("tan-lap-01");
        assertThat(reach.unmatchedDescriptions()).isEmpty();
    }

    @Test
    void aStationWithoutCoordinatesIsReachedOnlyThroughItsAreaCode() {
        List<Station> stations = List.of(CapSamples.station("no-gps", 3, null));

        CapReach byPolygon = targeting(stations).reach(List.of(block("Polygon only", null)));

        assertThat(byPolygon.isEmpty()).isTrue();
        assertThat(byPolygon.unmatchedDescriptions()).containsExactly("Polygon only");
        assertThat(targeting(stations).reach(List.of(block("Code", "25253"))).areaIds()).containsExactly(3L);
    }

    @Test
    void areaCodesAreMatchedExactlyAndOnlyUnderTheConfiguredName() {
        CapArea otherName = new CapArea("FIPS", List.of(), List.of(),
                List.of(new CapNamedValue("FIPS6", CapSamples.COMMUNE_CODE)));
        CapArea lowerCaseName = new CapArea("lower", List.of(), List.of(),
                List.of(new CapNamedValue("vn-admin", CapSamples.COMMUNE_CODE)));
        CapArea paddedCode = new CapArea("padded", List.of(), List.of(),
                List.of(new CapNamedValue("VN-ADMIN", "025252")));

        CapReach reach = targeting(List.of()).reach(List.of(otherName, lowerCaseName, paddedCode));

        assertThat(reach.areaIds()).containsExactly(2L);
        assertThat(reach.unmatchedDescriptions()).containsExactly("FIPS", "padded");
    }

    @Test
    void theUpdatesCircleReachesTheVillageByTheStream() {
        List<Station> stations = List.of(CapSamples.station("khe-ban", 3, CapSamples.BY_THE_STREAM),
                CapSamples.station("tan-lap-01", 2, CapSamples.INSIDE));

        CapReach reach = targeting(stations).reach(CapSamples.floodUpdate().preferredInfo());

        assertThat(reach.stationIds()).containsExactly("khe-ban", "tan-lap-01");
        assertThat(reach.areaIds()).containsExactly(2L);
    }

    @Test
    void anAlertForSomewhereElseReachesNothing() {
        CapReach reach = new CapTargeting(List.of(PROVINCE, NEIGHBOUR),
                List.of(CapSamples.station("far", 3, CapSamples.OUTSIDE)), "VN-ADMIN")
                .reach(CapSamples.floodAlert().preferredInfo());

        assertThat(reach.isEmpty()).isTrue();
        assertThat(reach.unmatchedDescriptions()).containsExactly("Xã Tân Lập");
    }

    private static CapTargeting targeting(List<Station> stations) {
        return new CapTargeting(AREAS, stations, CapSettings.DEFAULT_AREA_CODE_NAME);
    }

    /** The samples' commune polygon, with a VN-ADMIN code when {@code code} is not null. */
    private static CapArea block(String description, String code) {
        CapArea commune = CapSamples.floodAlert().preferredInfo().areas().get(0);
        return new CapArea(description, code == null ? commune.polygons() : List.of(), List.of(),
                code == null ? List.of() : List.of(new CapNamedValue("VN-ADMIN", code)));
    }
}
