package fi.vuoro.testkit.lambda;

import com.sun.net.httpserver.HttpExchange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who signed a request to an AWS stand-in, checked as AWS checks it: credentials issued by the
 * {@link ContainerCredentials} endpoint, their session token, and a SigV4 signature ({@link SigV4Check}) for the
 * service over the host the caller addressed (the {@link HttpsFrontDoor} passes it on as {@code X-Forwarded-Host}).
 */
final class SignedRequests {

    /** The outcome: the credentials' grant when they are known, and whether the signature is theirs. */
    record Signer(Optional<ContainerCredentials.Grant> grant, boolean signatureMatches) {
    }

    private SignedRequests() {
    }

    static Signer check(HttpExchange exchange, byte[] body, ContainerCredentials credentials, String service) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Optional<SigV4Check.Claim> claim = SigV4Check.claim(authorization);
        String token = exchange.getRequestHeaders().getFirst("X-Amz-Security-Token");
        Optional<ContainerCredentials.Grant> grant = claim
                .flatMap(c -> credentials.grantOf(c.accessKeyId()))
                .filter(g -> g.sessionToken().equals(token));
        if (grant.isEmpty()) {
            return new Signer(grant, false);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
        String forwardedHost = exchange.getRequestHeaders().getFirst("X-Forwarded-Host");
        if (forwardedHost != null) {
            headers.keySet().removeIf(name -> name.equalsIgnoreCase("Host"));
            headers.put("Host", List.of(forwardedHost));
        }
        boolean matches = claim.get().service().equals(service) && SigV4Check.verifies(claim.get(),
                grant.get().secretAccessKey(), exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                headers, body);
        return new Signer(grant, matches);
    }
}
