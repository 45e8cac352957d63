package com.labelmint.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The driver's rule for sending a request to the next instance: never one that may have done its work, unless a repeat is harmless. */
class ApiFailoverTest {

    @Test
    void aRequestThatNeverConnectedGoesToTheNextInstanceWhateverItIs() {
        assertThat(Api.mayTryTheNextInstance(new ConnectException("Connection refused"), false)).isTrue();
        assertThat(Api.mayTryTheNextInstance(new HttpConnectTimeoutException("connect timed out"), false)).isTrue();
    }

    @Test
    void aRequestWhoseConnectionBrokeGoesAgainOnlyWhenARepeatIsHarmless() {
        IOException reset = new SocketException("Connection reset");
        assertThat(Api.mayTryTheNextInstance(reset, false)).isFalse();
        assertThat(Api.mayTryTheNextInstance(reset, true)).isTrue();
        assertThat(Api.mayTryTheNextInstance(new IOException("HTTP/1.1 header parser received no bytes"), true)).isTrue();
    }

    @Test
    void aRequestThatTimedOutOnALiveInstanceIsAFailureNotAConnectionFailure() {
        assertThat(Api.mayTryTheNextInstance(new HttpTimeoutException("request timed out"), true)).isFalse();
    }

    @Test
    void idempotentMethodsKeyedRequestsAndRepeatableCallersAreRepeatablePlainPostsAreNot() {
        assertThat(Api.isRepeatable("GET", Map.of(), false)).isTrue();
        assertThat(Api.isRepeatable("PUT", Map.of(), false)).isTrue();
        assertThat(Api.isRepeatable("POST", Map.of("idempotency-key", "funding-1"), false)).isTrue();
        assertThat(Api.isRepeatable("POST", Map.of(), true)).isTrue();
        assertThat(Api.isRepeatable("POST", Map.of("Content-Type", "application/json"), false)).isFalse();
    }
}
