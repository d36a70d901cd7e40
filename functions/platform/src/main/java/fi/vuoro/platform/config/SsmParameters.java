package fi.vuoro.platform.config;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Reads SecureString parameters from SSM Parameter Store, decrypted. One client serves every read, made
 * on the first one, so a function that reads its secrets from configuration never builds it.
 */
public final class SsmParameters {

    private SsmClient client;

    public synchronized String read(String name) {
        if (client == null) {
            client = SsmClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        }
        return client.getParameter(b -> b.name(name).withDecryption(true)).parameter().value();
    }
}
