package com.labelmint.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The SSRF guard as production configures it: https only, no internal addresses. */
class AddressGuardTest {

    private final AddressGuard production = new AddressGuard(true, false);

    @Test
    void internalAddressesAreRefused() {
        for (String url : new String[] {"https://127.0.0.1/hook", "https://localhost/hook", "https://10.1.2.3/hook",
                "https://172.16.0.1/", "https://192.168.1.1/", "https://169.254.169.254/latest/meta-data/", "https://100.64.0.1/",
                "https://0.0.0.0/", "https://[::1]/", "https://[fd00::1]/", "https://[fe80::1]/", "https://[::ffff:127.0.0.1]/",
                "https://224.0.0.1/"}) {
            assertThat(production.refusal(url)).as(url).isPresent();
        }
    }

    @Test
    void onlyHttpsWithAHostAndNoCredentialsIsCalled() {
        assertThat(production.refusal("http://93.184.216.34/hook")).hasValueSatisfying(why -> assertThat(why).contains("https"));
        assertThat(production.refusal("ftp://93.184.216.34/hook")).isPresent();
        assertThat(production.refusal("https://user:secret@93.184.216.34/hook")).isPresent();
        assertThat(production.refusal("https:///hook")).isPresent();
        assertThat(production.refusal("not a url")).isPresent();
        assertThat(production.refusal("https://93.184.216.34/hook?x=1")).isEmpty();
        assertThat(production.refusal("https://[2606:2800:220:1:248:1893:25c8:1946]/hook")).isEmpty();
    }

    @Test
    void devAndTestMayCallLocalReceiversOverPlainHttp() {
        AddressGuard local = new AddressGuard(false, true);
        assertThat(local.refusal("http://127.0.0.1:8089/hook")).isEmpty();
        assertThat(local.refusal("ftp://127.0.0.1/hook")).isPresent();
    }
}
