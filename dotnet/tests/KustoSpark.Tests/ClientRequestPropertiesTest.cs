using System;
using NUnit.Framework;

namespace KustoSpark.Tests
{
    [TestFixture]
    public class ClientRequestPropertiesTest
    {
        private static ClientRequestPropertiesBuilder B()
        {
            return ClientRequestProperties.Builder();
        }

        [Test]
        public void TimeSpansPrintAsKustoTimespans()
        {
            string json = B().ServerTimeout(new TimeSpan(1, 2, 3, 4, 500)).QueryResultsCacheMaxAge(TimeSpan.FromTicks(1)).Build().ToJson();
            Assert.AreEqual("{\"Options\":{\"servertimeout\":\"1.02:03:04.5000000\",\"query_results_cache_max_age\":\"00:00:00.0000001\"},\"Parameters\":{}}", json);
        }

        [Test]
        public void TimespanTextAcceptsKqlLiterals()
        {
            Assert.AreEqual("00:10:00", B().ServerTimeout("10m").Build().Option(ClientRequestProperties.ServerTimeout));
            Assert.AreEqual("1.12:00:00", B().QueryResultsCacheMaxAge("1.5d").Build().Option(ClientRequestProperties.QueryResultsCacheMaxAge));
        }

        [Test]
        public void ServerTimeoutMustBePositive()
        {
            var e = Assert.Catch<ArgumentException>(() => B().ServerTimeout(TimeSpan.FromSeconds(-5)));
            StringAssert.Contains("servertimeout must be positive, not -00:00:05", e.Message);
            e = Assert.Catch<ArgumentException>(() => B().ServerTimeout("soon"));
            StringAssert.Contains("servertimeout has value 'soon'; expected a timespan", e.Message);
        }

        [Test]
        public void TimespanTextFinerThanATickIsRefused()
        {
            var e = Assert.Catch<ArgumentException>(() => B().ServerTimeout("1.00000001s"));
            StringAssert.Contains("finer than Kusto's 100-nanosecond precision", e.Message);
        }

        [Test]
        public void InstantsAreUtcWithSevenFractionalDigits()
        {
            var local = new DateTimeOffset(2024, 1, 2, 5, 4, 5, TimeSpan.FromHours(2)).AddTicks(1234567);
            ClientRequestProperties p = B().QueryDatetimeScopeFrom(local)
                .QueryDatetimeScopeTo(new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Unspecified)).Build();
            Assert.AreEqual("2024-01-02T03:04:05.1234567Z", p.Option(ClientRequestProperties.QueryDatetimeScopeFrom));
            Assert.AreEqual("2024-02-01T00:00:00.0000000Z", p.Option(ClientRequestProperties.QueryDatetimeScopeTo));
        }

        [Test]
        public void ScopeFromAfterToIsRefusedAtBuild()
        {
            ClientRequestPropertiesBuilder b = B().QueryDatetimeScopeFrom("2024-02-01T00:00:00Z").QueryDatetimeScopeTo("2024-01-01T00:00:00Z");
            var e = Assert.Catch<ArgumentException>(() => b.Build());
            StringAssert.Contains("query_datetimescope_from (2024-02-01T00:00:00.0000000Z) is after query_datetimescope_to", e.Message);
        }

        [Test]
        public void NumbersAreChecked()
        {
            StringAssert.Contains("truncationmaxrecords must not be negative, not -1",
                Assert.Catch<ArgumentException>(() => B().TruncationMaxRecords(-1)).Message);
            StringAssert.Contains("maxmemoryconsumptionperiterator must be positive, not 0",
                Assert.Catch<ArgumentException>(() => B().MaxMemoryConsumptionPerIterator(0)).Message);
        }

        [Test]
        public void QueryLanguageIsOneOfTheAllowedOnes()
        {
            Assert.AreEqual("kql", B().QueryLanguage("KQL").Build().Option(ClientRequestProperties.QueryLanguage));
            var e = Assert.Catch<ArgumentException>(() => B().QueryLanguage("python"));
            StringAssert.Contains("query_language has value 'python'; allowed values: csl, kql, sql", e.Message);
        }

        [Test]
        public void OptionByNameKeepsTheValuesJsonTypeAndChecksKnownNames()
        {
            ClientRequestProperties p = B().Option("a", 1).Option("b", 2.5).Option("c", 1.50m).Option("d", "x").Option("e", false)
                .Option("NoTruncation", "TRUE").Option("servertimeout", 1500).Build();
            Assert.AreEqual("{\"Options\":{\"servertimeout\":\"00:00:01.5000000\",\"notruncation\":true,\"a\":1,\"b\":2.5,\"c\":1.50,\"d\":\"x\",\"e\":false},\"Parameters\":{}}", p.ToJson());
            Assert.AreEqual(1.50m, p.Options["c"]);
            StringAssert.Contains("must be a string, boolean or finite number, not System.Object",
                Assert.Catch<ArgumentException>(() => B().Option("z", new object())).Message);
            StringAssert.Contains("notruncation has value 'maybe'; allowed values: true, false",
                Assert.Catch<ArgumentException>(() => B().Option("notruncation", "maybe")).Message);
        }

        [Test]
        public void ParametersAreCslLiteralsSortedByName()
        {
            ClientRequestProperties p = B().StringParameter("s", "text").LongParameter("l", -5).RealParameter("r", 0.1 + 0.2)
                .BoolParameter("b", true).DatetimeParameter("d", new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc))
                .TimespanParameter("t", TimeSpan.FromHours(-26)).GuidParameter("g", new Guid("123E4567-E89B-12D3-A456-426614174000"))
                .DynamicParameter("y", "{ \"a\" : [1, 2.50, \"x\"] }").Build();
            Assert.AreEqual("{\"Options\":{},\"Parameters\":{\"b\":\"bool(true)\",\"d\":\"datetime(2024-01-02T03:04:05.0000000Z)\","
                + "\"g\":\"guid(123e4567-e89b-12d3-a456-426614174000)\",\"l\":\"long(-5)\",\"r\":\"real(0.30000000000000004)\","
                + "\"s\":\"text\",\"t\":\"time(-1.02:00:00)\",\"y\":\"dynamic({\\\"a\\\":[1,2.50,\\\"x\\\"]})\"}}", p.ToJson());
        }

        [Test]
        public void ParameterNamesAreIdentifiers()
        {
            StringAssert.Contains("query parameter name '1x' is not a valid identifier",
                Assert.Catch<ArgumentException>(() => B().LongParameter("1x", 1)).Message);
            StringAssert.Contains("a client request parameter name must not be blank",
                Assert.Catch<ArgumentException>(() => B().LongParameter(" ", 1)).Message);
            StringAssert.Contains("guid parameter 'g' has value 'nope'; expected a GUID",
                Assert.Catch<ArgumentException>(() => B().GuidParameter("g", "nope")).Message);
        }

        [Test]
        public void MalformedDynamicJsonIsReportedWithoutQuotingIt()
        {
            var e = Assert.Catch<ArgumentException>(() => B().DynamicParameter("p", "{\"secret\": sv=abc}"));
            StringAssert.Contains("dynamic parameter 'p' is not valid JSON at line 1, column 12", e.Message);
            StringAssert.DoesNotContain("sv=abc", e.Message);
        }

        [Test]
        public void FromJsonNamesUnknownFieldsAndBadSections()
        {
            StringAssert.Contains("unknown field 'Opts'; allowed fields: Options, Parameters",
                Assert.Catch<ArgumentException>(() => ClientRequestProperties.FromJson("{\"Opts\":{}}")).Message);
            StringAssert.Contains("field 'Options' must be a JSON object",
                Assert.Catch<ArgumentException>(() => ClientRequestProperties.FromJson("{\"Options\":[]}")).Message);
            StringAssert.Contains("must be a JSON object {\"Options\":{...},\"Parameters\":{...}}, not a array",
                Assert.Catch<ArgumentException>(() => ClientRequestProperties.FromJson("[]")).Message);
            StringAssert.Contains("clientRequestPropertiesJson is empty",
                Assert.Catch<ArgumentException>(() => ClientRequestProperties.FromJson("  ")).Message);
        }

        [Test]
        public void ToBuilderDerivesAChangedCopyAndLeavesTheOriginal()
        {
            ClientRequestProperties original = B().NoTruncation(true).LongParameter("n", 1).Build();
            ClientRequestProperties changed = original.ToBuilder().LongParameter("n", 2).Build();
            Assert.AreEqual("long(1)", original.Parameters["n"]);
            Assert.AreEqual("long(2)", changed.Parameters["n"]);
            Assert.AreEqual(original, ClientRequestProperties.FromJson(original.ToJson()));
            Assert.AreNotEqual(original, changed);
            Assert.IsTrue(ClientRequestProperties.Empty.IsEmpty);
        }
    }
}
