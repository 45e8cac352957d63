package com.labelmint.tasks.asset;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The S3 client's credentials: the key pair in {@code labelmint.assets.s3.access-key-id} and
 * {@code .secret-access-key} when both are set, else the AWS default chain (environment, profile,
 * web identity, instance role). Quarkus's own static provider would refuse to start without keys,
 * even when the local store is in use and no S3 client is ever built.
 */
@ApplicationScoped
class S3Credentials {

    static final String NAME = "labelmint-s3-credentials";

    @Produces
    @Singleton
    @Named(NAME)
    @Unremovable // looked up by name by the S3 extension, never injected
    AwsCredentialsProvider credentials(AssetsConfig config) {
        Optional<String> accessKeyId = config.s3().accessKeyId();
        Optional<String> secretAccessKey = config.s3().secretAccessKey();
        if (accessKeyId.isPresent() != secretAccessKey.isPresent()) {
            throw new IllegalStateException("Set both labelmint.assets.s3.access-key-id and labelmint.assets.s3.secret-access-key, or neither");
        }
        if (accessKeyId.isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId.get(), secretAccessKey.get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
