package vn.loa.controller.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.controller.Controller;
import vn.loa.controller.testutil.ApiClient;
import vn.loa.controller.testutil.DemoRegistry;
import vn.loa.controller.testutil.TestControllers;

/** The area tree and the station registry through the API, with a restart in the middle. */
class RegistryIT {
    @TempDir
    Path dir;

    private Controller controller;
    private ApiClient api;

    @BeforeEach
    void start() {
        controller = TestControllers.embedded(dir);
        api = TestControllers.admin(controller);
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    void communeMovedToAnotherParentKeepsItsStations() {
        long province = DemoRegistry.create(api, "{\"name\":\"Tỉnh A\",\"code\":\"A\",\"level\":\"province\"}");
        long oldDistrict = DemoRegistry.create(api, "{\"name\":\"Huyện 1\",\"code\":\"A-1\",\"level\":\"district\","
                + "\"parentId\":" + province + "}");
        long commune = DemoRegistry.create(api, "{\"name\":\"Xã Một\",\"code\":\"A-1-1\",\"level\":\"commune\","
                + "\"parentId\":" + oldDistrict + "}");
        assertThat(api.post("/api/v1/stations", "{\"id\":\"mot-01\",\"areaId\":" + commune + ",\"name\":\"Cụm 1\","
                + "\"latitude\":10.5,\"longitude\":105.6}").status()).isEqualTo(201);

        ApiClient.Answer moved = api.patch("/api/v1/areas/" + commune, "{\"parentId\":" + province + "}");
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.json().path("parentId").asLong()).isEqualTo(province);
        JsonNode inProvince = api.get("/api/v1/stations?area=" + province).json().path("stations");
        assertThat(inProvince).extracting(node -> node.path("id").asText()).containsExactly("mot-01");
        assertThat(api.get("/api/v1/stations?area=" + oldDistrict).json().path("stations")).isEmpty();
        assertThat(api.get("/api/v1/stations/mot-01").json().path("areaId").asLong()).isEqualTo(commune);

        controller.close();
        controller = TestControllers.embedded(dir);
        api = TestControllers.admin(controller);
        assertThat(api.get("/api/v1/areas/" + commune).json().path("parentId").asLong()).isEqualTo(province);
        assertThat(api.get("/api/v1/stations/mot-01").json().path("latitude").asDouble()).isEqualTo(10.5);
    }

    @Test
    void treeRulesAreEnforcedWithClearErrors() {
        long province = DemoRegistry.create(api, "{\"name\":\"Tỉnh B\",\"code\":\"B\",\"level\":\"province\"}");
        long commune = DemoRegistry.create(api, "{\"name\":\"Xã B\",\"code\":\"B-1\",\"level\":\"commune\","
                + "\"parentId\":" + province + "}");

        ApiClient.Answer duplicate = api.post("/api/v1/areas", "{\"name\":\"X\",\"code\":\"B\",\"level\":\"province\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.message()).contains("'B'");

        ApiClient.Answer underCommune = api.post("/api/v1/areas", "{\"name\":\"X\",\"code\":\"B-1-1\","
                + "\"level\":\"commune\",\"parentId\":" + commune + "}");
        assertThat(underCommune.status()).isEqualTo(400);
        assertThat(underCommune.message()).contains("cannot contain");

        ApiClient.Answer cycle = api.patch("/api/v1/areas/" + province, "{\"parentId\":" + province + "}");
        assertThat(cycle.status()).isEqualTo(400);

        ApiClient.Answer badLevel = api.post("/api/v1/areas", "{\"name\":\"X\",\"code\":\"Z\",\"level\":\"village\"}");
        assertThat(badLevel.status()).isEqualTo(400);
        assertThat(badLevel.message()).contains("level");

        ApiClient.Answer unknownParent = api.post("/api/v1/areas", "{\"name\":\"X\",\"code\":\"Q\","
                + "\"level\":\"district\",\"parentId\":99999}");
        assertThat(unknownParent.status()).isEqualTo(404);

        ApiClient.Answer nonEmpty = api.delete("/api/v1/areas/" + province);
        assertThat(nonEmpty.status()).isEqualTo(409);
        assertThat(nonEmpty.message()).contains("contains 1 area");
        assertThat(api.delete("/api/v1/areas/" + commune).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/areas/" + commune).status()).isEqualTo(404);
    }

    @Test
    void stationsAreValidatedUpdatedAndRetired() {
        long commune = DemoRegistry.communeWithStations(api, "st-1");
        long province = api.get("/api/v1/areas").json().path("areas").get(0).path("id").asLong();

        assertThat(api.post("/api/v1/stations", "{\"id\":\"Bad/Id\",\"areaId\":" + commune + ",\"name\":\"X\"}")
                .status()).isEqualTo(400);
        assertThat(api.post("/api/v1/stations", "{\"id\":\"st-2\",\"areaId\":" + province + ",\"name\":\"X\"}")
                .message()).contains("belongs to a commune");
        assertThat(api.post("/api/v1/stations", "{\"id\":\"st-1\",\"areaId\":" + commune + ",\"name\":\"X\"}")
                .status()).isEqualTo(409);
        assertThat(api.post("/api/v1/stations", "{\"id\":\"st-3\",\"areaId\":" + commune + ",\"name\":\"X\","
                + "\"latitude\":95,\"longitude\":1}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/stations", "{\"id\":\"st-4\",\"areaId\":" + commune + ",\"name\":\"X\","
                + "\"zones\":[{\"channel\":1,\"name\":\"A\"},{\"channel\":1,\"name\":\"B\"}]}").message())
                .contains("listed twice");
        ApiClient.Answer generated = api.post("/api/v1/stations", "{\"areaId\":" + commune + ",\"name\":\"Tự đặt mã\"}");
        assertThat(generated.status()).isEqualTo(201);
        assertThat(generated.json().path("id").asText()).matches("st-[a-z0-9]{8}");
        assertThat(generated.json().path("credentials").path("username").asText())
                .isEqualTo(generated.json().path("id").asText());
        assertThat(generated.json().path("credentials").path("password").asText()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(generated.raw().headers().firstValue("location")).contains("/api/v1/stations/"
                + generated.json().path("id").asText());

        ApiClient.Answer renamed = api.patch("/api/v1/stations/st-1", "{\"name\":\"Cụm loa chợ\",\"zones\":["
                + "{\"channel\":1,\"name\":\"Loa chợ\"},{\"channel\":2,\"name\":\"Loa trường\"}]}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().path("zones").size()).isEqualTo(2);
        assertThat(renamed.json().path("status").asText()).isEqualTo("offline");

        assertThat(api.delete("/api/v1/stations/st-1").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/stations/st-1").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/stations/st-1/credentials", "").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/stations", "{\"id\":\"st-1\",\"areaId\":" + commune + ",\"name\":\"X\"}")
                .message()).contains("not reused");
        assertThat(api.get("/api/v1/stations?status=sleeping").status()).isEqualTo(400);
    }
}
