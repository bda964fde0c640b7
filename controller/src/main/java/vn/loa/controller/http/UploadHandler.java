package vn.loa.controller.http;

/** Answers a streamed upload once its body is on disk. May throw {@link vn.loa.controller.api.ApiException}. */
@FunctionalInterface
public interface UploadHandler {
    Response handle(Upload upload) throws Exception;
}
