using System;
using NUnit.Framework;

namespace KustoSpark.Tests
{
    [TestFixture]
    public class SparkIngestionPropertiesTest
    {
        [Test]
        public void EveryFieldInCanonicalOrder()
        {
            SparkIngestionProperties p = SparkIngestionProperties.Builder()
                .CsvMapping(new[] { CsvColumnMapping.OfOrdinal("A", 0).WithDataType("long"), CsvColumnMapping.OfConstant("B", "x") })
                .CreationTime(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1))
                .IngestIfNotExists(new[] { "t1" }).AdditionalTags(new string[0]).IngestByTags(new[] { "t1" })
                .DropByTags(new[] { "d" }).FlushImmediately(true).Build();
            Assert.AreEqual("{\"flushImmediately\":true,\"dropByTags\":[\"d\"],\"ingestByTags\":[\"t1\"],\"additionalTags\":[],"
                + "\"ingestIfNotExists\":[\"t1\"],\"creationTime\":\"2024-01-02T03:04:05.0000001Z\","
                + "\"csvMapping\":\"[{\\\"Name\\\":\\\"A\\\",\\\"DataType\\\":\\\"long\\\",\\\"Ordinal\\\":0},{\\\"Name\\\":\\\"B\\\",\\\"ConstValue\\\":\\\"x\\\"}]\"}",
                p.ToJson());
            CollectionAssert.AreEqual(new[] { "dropByTags", "ingestByTags", "ingestIfNotExists", "creationTime", "csvMapping" },
                p.FieldsUnsupportedByStreaming());
            Assert.AreEqual(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1), p.CreationTime);
        }

        [Test]
        public void NullClearsAFieldAndEmptyListsAreKept()
        {
            SparkIngestionProperties p = SparkIngestionProperties.Builder().DropByTags(new[] { "a" }).DropByTags(null)
                .IngestByTags(new string[0]).CreationTime("2024-01-02T03:04:05Z").CreationTime((string)null).Build();
            Assert.AreEqual("{\"ingestByTags\":[]}", p.ToJson());
            Assert.IsNull(p.DropByTags);
            Assert.AreEqual(0, p.IngestByTags.Count);
        }

        [Test]
        public void MappingAndReferenceConflict()
        {
            SparkIngestionPropertiesBuilder b = SparkIngestionProperties.Builder()
                .CsvMapping(new[] { CsvColumnMapping.OfOrdinal("A", 0) }).CsvMappingNameReference("m");
            StringAssert.Contains("set csvMapping or csvMappingNameReference, not both", Assert.Catch<ArgumentException>(() => b.Build()).Message);
            b = SparkIngestionProperties.Builder().CsvMapping(new[] { CsvColumnMapping.OfOrdinal("A", 0), CsvColumnMapping.OfConstant("A", "x") });
            StringAssert.Contains("csvMapping maps column 'A' twice", Assert.Catch<ArgumentException>(() => b.Build()).Message);
        }

        [Test]
        public void MappingValuesAreChecked()
        {
            StringAssert.Contains("csvMapping column 'A' has Ordinal -1; expected a whole number >= 0",
                Assert.Catch<ArgumentException>(() => CsvColumnMapping.OfOrdinal("A", -1)).Message);
            StringAssert.Contains("csvMapping column 'A' has DataType 'long long'",
                Assert.Catch<ArgumentException>(() => CsvColumnMapping.OfOrdinal("A", 0).WithDataType("long long")).Message);
            StringAssert.Contains("additionalTags holds a null tag",
                Assert.Catch<ArgumentException>(() => SparkIngestionProperties.Builder().AdditionalTags(new string[] { null })).Message);
            StringAssert.Contains("csvMappingNameReference must not be blank",
                Assert.Catch<ArgumentException>(() => SparkIngestionProperties.Builder().CsvMappingNameReference(" ")).Message);
        }

        [Test]
        public void CreationTimeTextIsChecked()
        {
            StringAssert.Contains("creationTime has value 'yesterday'",
                Assert.Catch<ArgumentException>(() => SparkIngestionProperties.Builder().CreationTime("yesterday")).Message);
            StringAssert.Contains("finer than Kusto's 100-nanosecond precision",
                Assert.Catch<ArgumentException>(() => SparkIngestionProperties.Builder().CreationTime("2024-01-02T03:04:05.123456789Z")).Message);
        }

        [Test]
        public void FromJsonNamesTheFieldAndTheAllowedOnes()
        {
            var e = Assert.Catch<ArgumentException>(() => SparkIngestionProperties.FromJson("{\"ingestByTag\":[\"a\"]}"));
            StringAssert.Contains("unknown field 'ingestByTag'; allowed fields: flushImmediately, dropByTags, ingestByTags", e.Message);
            e = Assert.Catch<ArgumentException>(() => SparkIngestionProperties.FromJson("{\"dropByTags\":\"a\"}"));
            StringAssert.Contains("field dropByTags must be a JSON array of strings such as [\"tag1\"], not string", e.Message);
            e = Assert.Catch<ArgumentException>(() => SparkIngestionProperties.FromJson("{\"csvMapping\":\"[{\\\"Name\\\":\\\"A\\\"}]\"}"));
            StringAssert.Contains("csvMapping entry 0 (column 'A') needs exactly one of Ordinal and ConstValue", e.Message);
        }

        [Test]
        public void ToBuilderAndEquality()
        {
            SparkIngestionProperties p = SparkIngestionProperties.Builder().IngestByTags(new[] { "x" }).Build();
            Assert.AreEqual(p, SparkIngestionProperties.FromJson(p.ToJson()));
            Assert.AreEqual("{\"flushImmediately\":true,\"ingestByTags\":[\"x\"]}", p.ToBuilder().FlushImmediately(true).Build().ToJson());
            Assert.AreEqual("{}", SparkIngestionProperties.Empty.ToJson());
        }
    }
}
