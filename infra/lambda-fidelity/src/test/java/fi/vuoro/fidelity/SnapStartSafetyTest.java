package fi.vuoro.fidelity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.testkit.CloudFormationTemplate;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * What a SnapStart snapshot would share between every restored instance must not hold randomness: a
 * {@code java.util.Random}, {@code SplittableRandom} or {@code ThreadLocalRandom} made at init draws the same
 * sequence in every restore (retry jitter in step, colliding identifiers). Lambda re-seeds {@code SecureRandom}
 * on restore; Vuoro's own classes in every deployment package use that, made per use, or nothing. Each API
 * function primes its snapshot (runs its request paths once before the checkpoint), and its priming makes nothing
 * unique or secret there.
 */
class SnapStartSafetyTest {

    private static final Set<String> SHARED_ACROSS_RESTORES = Set.of("java/util/Random", "java/util/SplittableRandom",
            "java/util/concurrent/ThreadLocalRandom");
    private static final String API_HANDLER = "io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction";
    private static final String PRIMING = "fi/vuoro/platform/snapstart/SnapshotPriming";
    /** What a priming must not make before the snapshot: identifiers, keys, tokens, random draws. */
    private static final Set<String> UNIQUE_OR_SECRET = Set.of("java/util/UUID", "java/security/SecureRandom",
            "javax/crypto/KeyGenerator", "java/security/KeyPairGenerator", "java/util/Random",
            "java/util/SplittableRandom", "java/util/concurrent/ThreadLocalRandom");

    @Test
    void noClassOfVuoroInAnyDeploymentPackage_shouldUseARandomGeneratorThatARestoreDoesNotReseed() throws IOException {
        CloudFormationTemplate template = CloudFormationTemplate.load(CloudFormationTemplate.locate());
        Set<String> jars = new HashSet<>();
        template.resourcesOfType("AWS::Serverless::Function").values()
                .forEach(function -> jars.add((String) function.properties().get("CodeUri")));
        List<String> found = new ArrayList<>();
        int classes = 0;
        for (String jar : jars) {
            Path path = CloudFormationTemplate.locate().getParent().resolve(jar);
            try (ZipFile zip = new ZipFile(path.toFile())) {
                for (ZipEntry entry : zip.stream().toList()) {
                    if (entry.getName().startsWith("fi/vuoro/") && entry.getName().endsWith(".class")) {
                        classes++;
                        try (InputStream in = zip.getInputStream(entry)) {
                            for (String used : classesReferenced(in)) {
                                if (SHARED_ACROSS_RESTORES.contains(used)) {
                                    found.add(jar + ": " + entry.getName() + " uses " + used);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertTrue(classes > 50, "only " + classes + " classes of Vuoro found in " + jars);
        assertTrue(found.isEmpty(), "randomness a SnapStart restore does not re-seed:\n  " + String.join("\n  ", found));
    }

    @Test
    void everyApiFunction_shouldPrimeItsSnapshot_withAPrimingThatMakesNothingUnique() throws IOException {
        CloudFormationTemplate template = CloudFormationTemplate.load(CloudFormationTemplate.locate());
        List<String> problems = new ArrayList<>();
        for (CloudFormationTemplate.Resource function : template.resourcesOfType("AWS::Serverless::Function").values()) {
            if (!API_HANDLER.equals(function.properties().get("Handler"))) {
                continue;
            }
            String jar = (String) function.properties().get("CodeUri");
            List<String> primings = new ArrayList<>();
            try (ZipFile zip = new ZipFile(CloudFormationTemplate.locate().getParent().resolve(jar).toFile())) {
                for (ZipEntry entry : zip.stream().toList()) {
                    if (!entry.getName().startsWith("fi/vuoro/") || !entry.getName().endsWith(".class")) {
                        continue;
                    }
                    Set<String> used;
                    try (InputStream in = zip.getInputStream(entry)) {
                        used = classesReferenced(in);
                    }
                    if (used.contains(PRIMING)) {
                        primings.add(entry.getName());
                        used.stream().filter(UNIQUE_OR_SECRET::contains)
                                .forEach(made -> problems.add(jar + ": " + entry.getName() + " uses " + made));
                    }
                }
            }
            if (primings.stream().noneMatch(name -> !name.startsWith("fi/vuoro/platform/snapstart/"))) {
                problems.add(function.logicalId() + " (" + jar + ") has no priming of its own");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n  ", problems));
    }

    /** The classes a class file names in its constant pool (every class it instantiates or calls has an entry). */
    static Set<String> classesReferenced(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> classNames = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNames.add(in.readUnsignedShort());
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> names = new HashSet<>();
        classNames.forEach(index -> names.add(utf8[index]));
        return names;
    }
}
