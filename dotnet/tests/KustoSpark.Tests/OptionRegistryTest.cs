using System;
using System.Linq;
using NUnit.Framework;

namespace KustoSpark.Tests
{
    /// The C# option registry, generated from options/kusto-options.json with the JVM connector's
    /// (scripts/generate-options.py --check, run by the Python suite, fails when it is stale).
    [TestFixture]
    public class OptionRegistryTest
    {
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
    }
}
