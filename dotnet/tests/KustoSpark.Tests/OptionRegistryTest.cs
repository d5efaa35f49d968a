using System;
using System.Linq;
using System.Text;
using NUnit.Framework;

namespace KustoSpark.Tests
{
    /// The C# option registry against docs/options.md, which the JVM connector's registry generates:
    /// the reference printed from the C# registry must equal it byte for byte, so a key, default,
    /// secrecy, disposition, range or description changed on one side only fails here; and against
    /// the established connector's option names (testdata/established-connector-options.txt).
    [TestFixture]
    public class OptionRegistryTest
    {
        [Test]
        public void ReferencePrintedFromTheRegistryEqualsDocsOptions()
        {
            string documented = ProjectFiles.Read("docs", "options.md").Replace("\r\n", "\n");
            Assert.AreEqual(documented, Markdown());
        }

        [Test]
        public void EveryOptionNameOfTheEstablishedConnectorIsInTheRegistry()
        {
            var names = ProjectFiles.Read("testdata", "established-connector-options.txt").Replace("\r\n", "\n").Split('\n')
                .Where(l => l.Trim().Length > 0 && !l.StartsWith("#")).Select(l => l.Trim()).ToList();
            Assert.AreEqual(52, names.Count);
            foreach (string name in names)
            {
                KustoOption option = KustoOption.ForKey(name.ToUpperInvariant());
                Assert.IsNotNull(option, name);
                Assert.AreEqual(name, option.Key);
            }
            var own = KustoOption.All.Select(o => o.Key).Where(k => !names.Contains(k)).ToList();
            CollectionAssert.AreEqual(new[] { "kustoAuthMethod", "spark.synapse.linkedService" }, own);
        }

        [Test]
        public void KeysAreUniqueIgnoringCase()
        {
            var keys = KustoOption.All.Select(o => o.Key.ToLowerInvariant()).ToList();
            CollectionAssert.AllItemsAreUnique(keys);
        }

        [Test]
        public void ForKeyIgnoresCase()
        {
            Assert.AreSame(KustoOption.ReadMode, KustoOption.ForKey("READMODE"));
            Assert.AreSame(KustoOption.LinkedService, KustoOption.ForKey("spark.synapse.linkedservice"));
            Assert.IsNull(KustoOption.ForKey("readModes"));
        }

        [Test]
        public void SecretsAreTheCredentialOptions()
        {
            CollectionAssert.AreEquivalent(
                new[] { "kustoAadAppSecret", "kutoAadAppCertPassword", "accessToken", "keyVaultAppKey", "keyVaultPemFileKey",
                    "transientStorage", "kustoIngestionStorageContainer" },
                KustoOption.All.Where(o => o.Secret).Select(o => o.Key));
        }

        /// The reference as the JVM connector's OptionReference prints it.
        private static string Markdown()
        {
            var md = new StringBuilder();
            md.Append("# Options of the kusto data source\n\n")
                .Append("Option names ignore case. Generated from `dev.kustospark.spark.config.KustoOption`")
                .Append(" by `dev.kustospark.spark.config.OptionReference`; do not edit by hand.\n")
                .Append("Secret options never appear in logs, errors or plans. Every option name of the established")
                .Append(" connector is accepted: supported, mapped onto a setting of this connector, ignored with a")
                .Append(" warning that says why, or unavailable (a read or write that sets it fails, saying what to do).\n");
            Section(md, OptionSide.Common, "Connection and authentication (reads and writes)");
            Section(md, OptionSide.Read, "Reads");
            Section(md, OptionSide.Write, "Writes");
            return md.ToString();
        }

        private static void Section(StringBuilder md, OptionSide side, string title)
        {
            md.Append("\n## ").Append(title).Append("\n\n| option | default | description |\n|---|---|---|\n");
            foreach (KustoOption option in KustoOption.All.Where(o => o.Side == side))
            {
                string d = option.DefaultValue;
                md.Append("| `").Append(option.Key).Append("` | ")
                    .Append(d == null ? "" : d.Contains(" ") ? d : "`" + d + "`")
                    .Append(" | ").Append(Described(option).Replace("|", "\\|")).Append(" |\n");
            }
        }

        /// OptionReference.described: secrecy, disposition, the description, the range.
        private static string Described(KustoOption option)
        {
            string disposition = option.Disposition == OptionDisposition.Mapped ? "Mapped. "
                : option.Disposition == OptionDisposition.Ignored ? "Ignored, with a warning. "
                : option.Disposition == OptionDisposition.Unavailable ? "Unavailable: setting it fails. " : "";
            return (option.Secret ? "Secret. " : "") + disposition + option.Description
                + (option.Minimum.HasValue ? " Range: " + option.Minimum + " to " + option.Maximum + "." : "");
        }
    }
}
