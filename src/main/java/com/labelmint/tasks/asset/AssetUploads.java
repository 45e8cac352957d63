package com.labelmint.tasks.asset;

import com.labelmint.platform.error.Problem.FieldError;
import com.labelmint.platform.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Upload links for a project's files. Who may add files to a project is not decided here: the
 * projects REST API checks that the caller owns the project and then calls {@link #prepare}.
 */
@ApplicationScoped
public class AssetUploads {

    private final AssetStore store;
    private final AssetsConfig config;
    private final ContentTypePolicy contentTypes;

    AssetUploads(AssetStore store, AssetsConfig config) {
        this.store = store;
        this.config = config;
        this.contentTypes = new ContentTypePolicy(config.allowedContentTypes());
    }

    /**
     * One upload link per file, in the order asked. Every file is checked before any link is
     * made, and all the faults are reported together (400, field by field).
     */
    public List<PreparedUpload> prepare(UUID projectId, List<UploadRequest> files) {
        List<FieldError> faults = faultsOf(files);
        if (!faults.isEmpty()) {
            throw ProblemException.invalidFields(faults);
        }
        return files.stream()
                .map(file -> new PreparedUpload(file.fileName(), store.presignUpload(new AssetKey(projectId, file.fileName()),
                        file.contentType(), file.sizeBytes(), config.uploadUrlTtl())))
                .toList();
    }

    private List<FieldError> faultsOf(List<UploadRequest> files) {
        if (files == null || files.isEmpty()) {
            return List.of(new FieldError("files", "Name at least one file"));
        }
        if (files.size() > config.maxFilesPerRequest()) {
            return List.of(new FieldError("files", "At most " + config.maxFilesPerRequest() + " files per request"));
        }
        List<FieldError> faults = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            String field = "files[" + i + "].";
            UploadRequest file = files.get(i);
            if (file == null) {
                faults.add(new FieldError("files[" + i + "]", "A file is required"));
                continue;
            }
            AssetKey.violationOf(file.fileName()).ifPresent(problem -> faults.add(new FieldError(field + "fileName", problem)));
            if (file.fileName() != null && !names.add(file.fileName())) {
                faults.add(new FieldError(field + "fileName", "The same name appears twice in this request"));
            }
            contentTypes.violationOf(file.contentType()).ifPresent(problem -> faults.add(new FieldError(field + "contentType", problem)));
            sizeFault(file.sizeBytes()).ifPresent(problem -> faults.add(new FieldError(field + "sizeBytes", problem)));
        }
        return faults;
    }

    private Optional<String> sizeFault(long sizeBytes) {
        long max = config.maxFileSize().asLongValue();
        if (sizeBytes < 1 || sizeBytes > max) {
            return Optional.of("A file has between 1 and " + max + " bytes");
        }
        return Optional.empty();
    }
}
