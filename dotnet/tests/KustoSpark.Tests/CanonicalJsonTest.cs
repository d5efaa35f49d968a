using System;
using System.Collections.Generic;
using System.Linq;
using KustoSpark.Text;
using NUnit.Framework;

namespace KustoSpark.Tests
{
    /// The shared cases of testdata/canonical-json: fromJson(input).toJson() and
    /// fromJson(canonical).toJson() both equal canonical, byte for byte, as in every language.
    [TestFixture]
    public class CanonicalJsonTest
    {
        private static IEnumerable<TestCaseData> Cases(string file, Func<string, string> roundTrip)
        {
            JsonValue cases = JsonReader.Parse(ProjectFiles.Read("testdata", "canonical-json", file), file);
            foreach (JsonValue c in cases.Elements)
            {
                yield return new TestCaseData(c.Get("input").TextValue, c.Get("canonical").TextValue)
                    .SetName(file + ": " + c.Get("name").TextValue);
            }
        }

        public static IEnumerable<TestCaseData> ClientRequestPropertiesCases()
        {
            return Cases("client-request-properties.json", null);
        }

        public static IEnumerable<TestCaseData> SparkIngestionPropertiesCases()
        {
            return Cases("spark-ingestion-properties.json", null);
        }

        [TestCaseSource("ClientRequestPropertiesCases")]
        public void ClientRequestPropertiesRoundTrip(string input, string canonical)
        {
            Assert.AreEqual(canonical, ClientRequestProperties.FromJson(input).ToJson());
            Assert.AreEqual(canonical, ClientRequestProperties.FromJson(canonical).ToJson());
        }

        [TestCaseSource("SparkIngestionPropertiesCases")]
        public void SparkIngestionPropertiesRoundTrip(string input, string canonical)
        {
            Assert.AreEqual(canonical, SparkIngestionProperties.FromJson(input).ToJson());
            Assert.AreEqual(canonical, SparkIngestionProperties.FromJson(canonical).ToJson());
        }

        [Test]
        public void EveryCaseFileIsRun()
        {
            Assert.That(ClientRequestPropertiesCases().Count(), Is.GreaterThan(0));
            Assert.That(SparkIngestionPropertiesCases().Count(), Is.GreaterThan(0));
        }
    }
}
