package dev.kustospark.spark.config;

import dev.kustospark.spark.config.KustoOption.Side;

/**
 * Prints the option reference ({@code docs/options.md}) from the registry, so the documentation
 * cannot drift from the code: {@code java dev.kustospark.spark.config.OptionReference > docs/options.md}.
 */
public final class OptionReference {
    private OptionReference() {}

    public static void main(String[] args) {
        System.out.print(markdown());
    }

    /** The whole reference as Markdown. */
    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Options of the kusto data source\n\n")
                .append("Option names ignore case. Generated from `dev.kustospark.spark.config.KustoOption`")
                .append(" by `dev.kustospark.spark.config.OptionReference`; do not edit by hand.\n")
                .append("Secret options never appear in logs, errors or plans. Every option name of the established")
                .append(" connector is accepted: supported, mapped onto a setting of this connector, ignored with a")
                .append(" warning that says why, or unavailable (a read or write that sets it fails, saying what to do).\n");
        section(md, Side.COMMON, "Connection and authentication (reads and writes)");
        section(md, Side.READ, "Reads");
        section(md, Side.WRITE, "Writes");
        return md.toString();
    }

    private static void section(StringBuilder md, Side side, String title) {
        md.append("\n## ").append(title).append("\n\n| option | default | description |\n|---|---|---|\n");
        for (KustoOption option : KustoOption.values()) {
            if (option.side() == side) {
                md.append("| `").append(option.key()).append("` | ")
                        .append(option.defaultValue().map(d -> d.contains(" ") ? d : "`" + d + "`").orElse(""))
                        .append(" | ").append(described(option).replace("|", "\\|")).append(" |\n");
            }
        }
    }

    /** The description column: secrecy, disposition, the description, the range. */
    static String described(KustoOption option) {
        String disposition = switch (option.disposition()) {
            case SUPPORTED -> "";
            case MAPPED -> "Mapped. ";
            case IGNORED -> "Ignored, with a warning. ";
            case UNAVAILABLE -> "Unavailable: setting it fails. ";
        };
        return (option.secret() ? "Secret. " : "") + disposition + option.description()
                + (option.ranged() ? " Range: " + option.minimum() + " to " + option.maximum() + "." : "");
    }
}
