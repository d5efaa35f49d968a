using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace KustoSpark.Tests
{
    /// Every public method of the JVM connector's builders has its PascalCase counterpart here, and
    /// the enums have the same values in the same order, so a setter added in Java without its C#
    /// twin fails this test rather than a user.
    [TestFixture]
    public class JavaParityTest
    {
        private static readonly Regex PublicMethod = new Regex(@"^\s*public (?:static )?(?:final )?[\w<>\[\], ?.]+ (\w+)\(", RegexOptions.Multiline);
        // Java members with no C# counterpart on purpose: toSdk returns the Java SDK's own type.
        private static readonly string[] JavaOnly = { "toSdk" };

        private static string JavaSource(string type)
        {
            return ProjectFiles.Read("jvm-core", "kusto-spark-connector", "src", "main", "java", "dev", "kustospark", "spark", type + ".java");
        }

        /// The public methods of the class (before) or of its nested Builder (after "class Builder").
        private static IEnumerable<string> JavaMethods(string type, bool builder)
        {
            string source = JavaSource(type);
            int split = source.IndexOf("public static final class Builder", StringComparison.Ordinal);
            string part = split < 0 ? source : builder ? source.Substring(split) : source.Substring(0, split);
            return PublicMethod.Matches(part).Cast<Match>().Select(m => m.Groups[1].Value)
                .Where(n => !JavaOnly.Contains(n)).Distinct();
        }

        private static void AssertCounterparts(IEnumerable<string> javaMethods, Type type)
        {
            var members = new HashSet<string>(type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .Select(m => m.Name));
            List<string> missing = javaMethods.Select(j => j == "hashCode" ? "GetHashCode" : char.ToUpperInvariant(j[0]) + j.Substring(1))
                .Where(n => !members.Contains(n)).ToList();
            CollectionAssert.IsEmpty(missing, type.Name + " lacks the counterparts of Java methods");
        }

        [Test]
        public void ClientRequestPropertiesHasEveryJavaMethod()
        {
            AssertCounterparts(JavaMethods("ClientRequestProperties", false), typeof(ClientRequestProperties));
            AssertCounterparts(JavaMethods("ClientRequestProperties", true), typeof(ClientRequestPropertiesBuilder));
        }

        [Test]
        public void SparkIngestionPropertiesHasEveryJavaMethod()
        {
            AssertCounterparts(JavaMethods("SparkIngestionProperties", false), typeof(SparkIngestionProperties));
            AssertCounterparts(JavaMethods("SparkIngestionProperties", true), typeof(SparkIngestionPropertiesBuilder));
            AssertCounterparts(JavaMethods("CsvColumnMapping", false), typeof(CsvColumnMapping));
        }

        [Test]
        public void OptionsBuildersHaveEveryJavaMethod()
        {
            Assert.That(JavaMethods("KustoConnectionOptions", false).Count(), Is.GreaterThan(10));
            AssertCounterparts(JavaMethods("KustoConnectionOptions", false), typeof(KustoReadOptions));
            AssertCounterparts(JavaMethods("KustoConnectionOptions", false), typeof(KustoWriteOptions));
            AssertCounterparts(JavaMethods("KustoReadOptions", false), typeof(KustoReadOptions));
            AssertCounterparts(JavaMethods("KustoWriteOptions", false), typeof(KustoWriteOptions));
        }

        [Test]
        public void OptionRegistryHasJavasOptionsKindsAndDefaults()
        {
            var java = Regex.Matches(JavaSource("config/KustoOption"),
                    @"^    [A-Z_]+\(""([^""]+)"",\s*Side\.([A-Z]+),\s*Kind\.([A-Z_]+),\s*(null|""[^""]*""),\s*(true|false),"
                    + @"\s*Disposition\.([A-Z]+),(?:\s*(-?[\d_]+),\s*(-?[\d_]+),)?", RegexOptions.Multiline)
                .Cast<Match>()
                .Select(m => string.Join(" ", m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value.Replace("_", ""),
                    m.Groups[4].Value.Trim('"'), m.Groups[5].Value, m.Groups[6].Value,
                    m.Groups[7].Value.Replace("_", ""), m.Groups[8].Value.Replace("_", "")))
                .ToList();
            Assert.That(java.Count, Is.GreaterThan(50));
            var csharp = KustoOption.All.Select(o => string.Join(" ", o.Key, o.Side.ToString().ToUpperInvariant(),
                o.Kind.ToString().ToUpperInvariant(), o.DefaultValue ?? "null", o.Secret ? "true" : "false",
                o.Disposition.ToString().ToUpperInvariant(), o.Minimum.ToString(), o.Maximum.ToString())).ToList();
            CollectionAssert.AreEqual(java, csharp);
            AssertCounterparts(JavaMethods("config/KustoOption", false).Where(m => m != "values" && m != "main"), typeof(KustoOption));
        }

        [TestCase(typeof(ReadMode))]
        [TestCase(typeof(WriteMode))]
        [TestCase(typeof(TableCreationMode))]
        [TestCase(typeof(SchemaAdjustmentMode))]
        public void EnumsHaveJavasValuesInOrder(Type type)
        {
            Match values = Regex.Match(JavaSource(type.Name), @"public enum \w+ \{\s*([\w, ]+);");
            Assert.IsTrue(values.Success, "values of " + type.Name);
            CollectionAssert.AreEqual(values.Groups[1].Value.Split(',').Select(v => v.Trim()), Enum.GetNames(type));
        }
    }
}
