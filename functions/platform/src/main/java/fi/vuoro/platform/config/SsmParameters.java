package fi.vuoro.platform.config;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Reads SecureString parameters from SSM Parameter Store, decrypted. */
public final class SsmParameters {

    private SsmParameters() {
    }

    public static String read(String name) {
        try (SsmClient ssm = SsmClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            return ssm.getParameter(b -> b.name(name).withDecryption(true)).parameter().value();
        }
    }
}
