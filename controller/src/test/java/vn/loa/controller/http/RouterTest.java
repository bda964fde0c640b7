package vn.loa.controller.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouterTest {
    private final Router router = new Router()
            .get("/api/v1/stations", call -> Response.noContent())
            .get("/api/v1/stations/{id}", call -> Response.noContent())
            .patch("/api/v1/stations/{id}", call -> Response.noContent());

    @Test
    void pathParametersAreExtracted() {
        Router.Match match = router.find("GET", "/api/v1/stations/st-1").orElseThrow();
        assertThat(match.route().pattern()).isEqualTo("/api/v1/stations/{id}");
        assertThat(match.params()).containsEntry("id", "st-1");
    }

    @Test
    void trailingSlashIsTolerated() {
        assertThat(router.find("GET", "/api/v1/stations/")).isPresent();
    }

    @Test
    void emptySegmentDoesNotMatchAParameter() {
        assertThat(router.find("GET", "/api/v1/stations//x")).isEmpty();
    }

    @Test
    void allowedMethodsListWhatAPathAccepts() {
        assertThat(router.find("DELETE", "/api/v1/stations/st-1")).isEmpty();
        assertThat(router.allowedMethods("/api/v1/stations/st-1")).containsExactly("GET", "PATCH");
        assertThat(router.allowedMethods("/api/v1/nothing")).isEmpty();
    }
}
