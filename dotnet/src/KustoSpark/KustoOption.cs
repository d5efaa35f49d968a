using System;
using System.Collections.Generic;
using System.Linq;
using KustoSpark.Config;

namespace KustoSpark
{
    /// <summary>
    /// The registry of connector options, generated with the JVM connector's from
    /// <c>options/kusto-options.json</c>: each option's key, other names, side, default, secrecy,
    /// disposition and description, and the check of its value. The builders
    /// <see cref="KustoReadOptions"/> and <see cref="KustoWriteOptions"/> check values through it.
    /// Keys match ignoring case.
    /// </summary>
    public sealed partial class KustoOption
    {
        // Filled by Define as the generated fields initialise, whatever order the partial files take.
        private static List<KustoOption> registry;
        private static Dictionary<string, KustoOption> byName;

        private KustoOption()
        {
        }

        private static KustoOption Define(string key, OptionSide side, OptionKind kind, OptionDisposition disposition,
            string[] aliases, string defaultValue, bool secret, string[] values, string[] keywords, long minimum, long maximum,
            string note, string description, string expected)
        {
            var option = new KustoOption
            {
                Key = key, Names = new[] { key }.Concat(aliases).ToArray(), Side = side, Kind = kind, Disposition = disposition,
                DefaultValue = defaultValue, Secret = secret, Values = values, Keywords = keywords, Minimum = minimum,
                Maximum = maximum, Note = note, Description = description, Expected = expected,
            };
            (registry ?? (registry = new List<KustoOption>())).Add(option);
            return option;
        }

        /// <summary>The key in its canonical spelling.</summary>
        public string Key { get; private set; }

        /// <summary>The key and the other names that mean this option.</summary>
        public IReadOnlyList<string> Names { get; private set; }

        /// <summary>Whether the option belongs to reads, writes or both.</summary>
        public OptionSide Side { get; private set; }

        /// <summary>The default as the reference documents it, or null when the option has none.</summary>
        public string DefaultValue { get; private set; }

        /// <summary>Whether the value is a secret, never printed.</summary>
        public bool Secret { get; private set; }

        /// <summary>What the connector does with the option (the established connector's names may be ignored or unsupported).</summary>
        public OptionDisposition Disposition { get; private set; }

        /// <summary>False for the established connector's options that are recognised only to explain their absence.</summary>
        public bool Supported { get { return Disposition != OptionDisposition.Unsupported; } }

        /// <summary>The description of the option reference (<c>docs/options.md</c>).</summary>
        public string Description { get; private set; }

        internal OptionKind Kind { get; private set; }

        internal string[] Values { get; private set; }

        internal string[] Keywords { get; private set; }

        internal long Minimum { get; private set; }

        internal long Maximum { get; private set; }

        // Why an ignored option is ignored, or how to do without an unsupported one.
        internal string Note { get; private set; }

        // What the option takes, in the words of every binding's error messages.
        internal string Expected { get; private set; }

        /// <summary>The option that <paramref name="key"/> names, ignoring case, or null.</summary>
        /// <param name="key">An option name in any case.</param>
        public static KustoOption ForKey(string key)
        {
            if (byName == null)
            {
                byName = All.SelectMany(o => o.Names.Select(n => new KeyValuePair<string, KustoOption>(n, o)))
                    .ToDictionary(e => e.Key, e => e.Value, StringComparer.OrdinalIgnoreCase);
            }
            KustoOption option;
            return key != null && byName.TryGetValue(key, out option) ? option : null;
        }

        /// <summary>Whether this option belongs to configurations of <paramref name="side"/> (common options belong to both).</summary>
        /// <param name="side">Reads or writes.</param>
        public bool AppliesTo(OptionSide side)
        {
            return Side == OptionSide.Common || Side == side;
        }

        /// <summary>
        /// Checks <paramref name="value"/> and returns it in canonical form (enum names as printed,
        /// booleans in lower case, JSON written again compactly).
        /// </summary>
        /// <param name="value">The option's value as text.</param>
        /// <returns>The canonical value, as the connector reads it.</returns>
        /// <exception cref="KustoOptionException">Naming the option, the value (unless secret) and what is allowed.</exception>
        public string Validate(string value)
        {
            return OptionValues.Canonical(this, value);
        }

        // The value as error messages may show it: <hidden> for secrets.
        internal string Shown(string value)
        {
            return Secret ? "<hidden>" : "'" + value + "'";
        }

        /// <summary>The option's key.</summary>
        public override string ToString()
        {
            return Key;
        }
    }
}
