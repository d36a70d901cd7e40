package fi.vuoro.testkit;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Builds plain Java values from a CloudFormation/SAM template, turning each short-form intrinsic
 * ({@code !Ref X}, {@code !GetAtt A.Arn}, ...) into its long form ({@code {Ref=X}}, {@code {Fn::GetAtt=[A, Arn]}}),
 * so the result looks the same whichever form the template author used.
 */
final class IntrinsicFunctionConstructor extends SafeConstructor {

    private static final Map<String, String> LONG_FORM_BY_TAG = Map.ofEntries(
            Map.entry("Ref", "Ref"),
            Map.entry("Condition", "Condition"),
            Map.entry("GetAtt", "Fn::GetAtt"),
            Map.entry("Sub", "Fn::Sub"),
            Map.entry("If", "Fn::If"),
            Map.entry("Equals", "Fn::Equals"),
            Map.entry("Not", "Fn::Not"),
            Map.entry("And", "Fn::And"),
            Map.entry("Or", "Fn::Or"),
            Map.entry("Select", "Fn::Select"),
            Map.entry("Join", "Fn::Join"),
            Map.entry("Split", "Fn::Split"),
            Map.entry("FindInMap", "Fn::FindInMap"),
            Map.entry("GetAZs", "Fn::GetAZs"),
            Map.entry("ImportValue", "Fn::ImportValue"),
            Map.entry("Base64", "Fn::Base64"),
            Map.entry("Cidr", "Fn::Cidr"));

    IntrinsicFunctionConstructor(LoaderOptions options) {
        super(options);
        LONG_FORM_BY_TAG.forEach((tag, longForm) -> yamlConstructors.put(new Tag("!" + tag), new Intrinsic(longForm)));
        // Unquoted dates such as an IAM policy's "Version: 2012-10-17" are strings to CloudFormation, not timestamps.
        yamlConstructors.put(Tag.TIMESTAMP, new AbstractConstruct() {
            @Override
            public Object construct(Node node) {
                return constructScalar((ScalarNode) node);
            }
        });
    }

    private final class Intrinsic extends AbstractConstruct {
        private final String longForm;

        Intrinsic(String longForm) {
            this.longForm = longForm;
        }

        @Override
        public Object construct(Node node) {
            return Map.of(longForm, argument(node));
        }

        private Object argument(Node node) {
            if (node instanceof ScalarNode scalar) {
                String value = constructScalar(scalar);
                // "!GetAtt Resource.Attribute" is shorthand for the list form; attributes may contain dots themselves.
                return longForm.equals("Fn::GetAtt") ? splitGetAtt(value) : value;
            }
            if (node instanceof SequenceNode sequence) {
                return constructSequence(sequence);
            }
            return constructMapping((MappingNode) node);
        }

        private List<String> splitGetAtt(String value) {
            int dot = value.indexOf('.');
            if (dot <= 0 || dot == value.length() - 1) {
                throw new IllegalArgumentException("!GetAtt expects Resource.Attribute but got '" + value + "'");
            }
            return List.of(value.substring(0, dot), value.substring(dot + 1));
        }
    }
}
