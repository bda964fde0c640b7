package vn.loa.controller.testutil;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** Builds an area tree and stations through the API, as staff would. */
public final class DemoRegistry {
    private DemoRegistry() {
    }

    /** A province, a district, a commune, and the given stations in that commune; returns the commune's id. */
    public static long communeWithStations(ApiClient api, String... stationIds) {
        long province = create(api, "{\"name\":\"Tỉnh Thử\",\"code\":\"T-01\",\"level\":\"province\"}");
        long district = create(api, "{\"name\":\"Huyện Thử\",\"code\":\"T-01-01\",\"level\":\"district\",\"parentId\":"
                + province + "}");
        long commune = create(api, "{\"name\":\"Xã Thử\",\"code\":\"T-01-01-01\",\"level\":\"commune\",\"parentId\":"
                + district + "}");
        for (String id : stationIds) {
            ApiClient.Answer answer = api.post("/api/v1/stations", "{\"id\":\"" + id + "\",\"areaId\":" + commune
                    + ",\"name\":\"Cụm loa " + id + "\",\"zones\":[{\"channel\":1,\"name\":\"Loa 1\"}]}");
            assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        }
        return commune;
    }

    /** A station with coordinates and one zone in the commune. */
    public static void placedStation(ApiClient api, String id, String name, long commune, double latitude,
                                     double longitude) {
        ApiClient.Answer answer = api.post("/api/v1/stations", "{\"id\":\"" + id + "\",\"areaId\":" + commune
                + ",\"name\":\"" + name + "\",\"latitude\":" + latitude + ",\"longitude\":" + longitude
                + ",\"zones\":[{\"channel\":1,\"name\":\"Loa 1\"}]}");
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    }

    public static long create(ApiClient api, String areaJson) {
        ApiClient.Answer answer = api.post("/api/v1/areas", areaJson);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    public static List<String> stationIds(int count, String prefix) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(prefix + "-" + i);
        }
        return ids;
    }
}
