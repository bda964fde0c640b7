package vn.loa.controller.http;

/** Answers one route. May throw {@link vn.loa.controller.api.ApiException} for the caller's mistakes. */
@FunctionalInterface
public interface Handler {
    Response handle(Call call) throws Exception;
}
