package vn.loa.controller.http;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A streamed multipart upload, received completely: its call, text parts and file parts by name. */
public record Upload(Call call, Map<String, String> fields, Map<String, UploadedFile> files) {
    public Upload {
        Objects.requireNonNull(call, "call");
        fields = Map.copyOf(fields);
        files = Map.copyOf(files);
    }

    public Optional<String> field(String part) {
        return Optional.ofNullable(fields.get(part));
    }

    public Optional<UploadedFile> file(String part) {
        return Optional.ofNullable(files.get(part));
    }
}
