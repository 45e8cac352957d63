package com.labelmint.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's Content-Security-Policy lets images in from the configured asset origins, and from nowhere else. */
class ConsoleHeadersTest {

    @Test
    void imagesComeFromUsAloneUnlessAssetOriginsAreConfigured() {
        assertThat(ConsoleHeaders.contentSecurityPolicy(List.of())).contains("img-src 'self' data:;");
        assertThat(ConsoleHeaders.contentSecurityPolicy(List.of("https://assets.s3.eu-west-1.amazonaws.com", " https://cdn.example ")))
                .contains("img-src 'self' data: https://assets.s3.eu-west-1.amazonaws.com https://cdn.example;")
                .startsWith("default-src 'none';").endsWith("base-uri 'none'");
    }
}
