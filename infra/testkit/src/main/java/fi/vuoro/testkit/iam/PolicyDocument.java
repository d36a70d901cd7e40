package fi.vuoro.testkit.iam;

import static fi.vuoro.testkit.iam.TemplateShapes.list;
import static fi.vuoro.testkit.iam.TemplateShapes.map;
import static fi.vuoro.testkit.iam.TemplateShapes.problem;

import fi.vuoro.testkit.CloudFormationTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an IAM policy document ({@code Version}, {@code Statement}) declared in a template into resolved
 * statements. Elements the check does not model are rejected by name rather than skipped, since skipping a
 * {@code Condition} would widen a grant and skipping a {@code NotResource} would turn it inside out.
 */
final class PolicyDocument {

    private static final Set<String> DOCUMENT_KEYS = Set.of("Version", "Id", "Statement");
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    private static final Set<String> STATEMENT_KEYS = Set.of("Sid", "Effect", "Action", "Resource");
    private static final Set<String> UNMODELLED_KEYS = Set.of("NotAction", "NotResource", "Condition",
            "Principal", "NotPrincipal");

    private PolicyDocument() {}

    static boolean looksLikeOne(Object value) {
        return value instanceof Map<?, ?> map && map.containsKey("Statement");
    }

    static List<IamStatement> statements(Object document, String where, TemplateResolver resolver) {
        CloudFormationTemplate template = resolver.template();
        Map<String, Object> policy = map(template, document, where);
        for (String key : policy.keySet()) {
            if (!DOCUMENT_KEYS.contains(key)) {
                throw problem(template, where + "." + key, "is not an element of a policy document");
            }
        }
        Object version = policy.get("Version");
        if (version != null && !VERSIONS.contains(resolver.string(version, where + ".Version"))) {
            throw problem(template, where + ".Version", "is not a policy language version: " + version);
        }
        Object declared = policy.get("Statement");
        // IAM accepts a single statement in place of a list of them.
        List<?> entries = declared instanceof Map<?, ?> ? List.of(declared)
                : list(template, declared, where + ".Statement");
        List<IamStatement> statements = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = declared instanceof Map<?, ?> ? where + ".Statement" : where + ".Statement[" + i + "]";
            statements.add(statement(entries.get(i), at, resolver));
        }
        return List.copyOf(statements);
    }

    private static IamStatement statement(Object entry, String where, TemplateResolver resolver) {
        CloudFormationTemplate template = resolver.template();
        Map<String, Object> statement = map(template, entry, where);
        for (String key : statement.keySet()) {
            if (UNMODELLED_KEYS.contains(key)) {
                throw problem(template, where + "." + key, key + " is not modelled by the test kit's IAM check;"
                        + " write the statement with Action and Resource only");
            }
            if (!STATEMENT_KEYS.contains(key)) {
                throw problem(template, where + "." + key, "is not an element of an identity policy statement");
            }
        }
        IamStatement.Effect effect = effect(statement.get("Effect"), where + ".Effect", resolver);
        List<String> actions = required(statement, "Action", where, resolver);
        List<String> resources = required(statement, "Resource", where, resolver);
        Object sid = statement.get("Sid");
        String source = (sid == null ? where : where + " (" + resolver.string(sid, where + ".Sid") + ")")
                + " in " + template.path();
        // The statement checks its actions and resources itself, naming this source when one is malformed.
        return new IamStatement(effect, actions, resources, source);
    }

    private static IamStatement.Effect effect(Object value, String where, TemplateResolver resolver) {
        if (value == null) {
            throw problem(resolver.template(), where, "is required");
        }
        String effect = resolver.string(value, where);
        switch (effect) {
            case "Allow":
                return IamStatement.Effect.ALLOW;
            case "Deny":
                return IamStatement.Effect.DENY;
            default:
                throw problem(resolver.template(), where, "must be Allow or Deny, not '" + effect + "'");
        }
    }

    private static List<String> required(Map<String, Object> statement, String key, String where,
                                         TemplateResolver resolver) {
        Object value = statement.get(key);
        if (value == null) {
            throw problem(resolver.template(), where + "." + key, "is required");
        }
        return resolver.strings(value, where + "." + key);
    }
}
