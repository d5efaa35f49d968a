using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KustoSpark.Text;

namespace KustoSpark
{
    /// <summary>
    /// The connection options shared by <see cref="KustoReadOptions"/> and <see cref="KustoWriteOptions"/>.
    /// Immutable: each setter returns a new object. Values are checked as they are set, by the same
    /// registry (<see cref="KustoOption"/>) that checks the options of a read or write, so a value
    /// these setters accept is accepted there.
    /// </summary>
    /// <typeparam name="T">The concrete options type, returned by the setters.</typeparam>
    public abstract class KustoConnectionOptions<T> : IEquatable<T> where T : KustoConnectionOptions<T>
    {
        private readonly IReadOnlyDictionary<KustoOption, string> values;

        internal KustoConnectionOptions(IReadOnlyDictionary<KustoOption, string> values)
        {
            this.values = values;
        }

        internal abstract T Copy(IReadOnlyDictionary<KustoOption, string> newValues);

        internal T With(KustoOption option, string value)
        {
            if (value == null) throw new ArgumentNullException("value", "option " + option.Key + " must not be null");
            var next = new Dictionary<KustoOption, string>();
            foreach (var e in values) next[e.Key] = e.Value;
            next[option] = option.Validate(value);
            return Copy(next);
        }

        /// <summary>
        /// The options as Spark's <c>DataFrameReader.Options</c> / <c>DataFrameWriter.Options</c> take
        /// them, in the registry's order whatever order the setters ran in. The map is read-only.
        /// </summary>
        public IDictionary<string, string> ToOptions()
        {
            var ordered = new List<KeyValuePair<string, string>>();
            foreach (KustoOption option in KustoOption.All)
            {
                string v;
                if (values.TryGetValue(option, out v)) ordered.Add(new KeyValuePair<string, string>(option.Key, v));
            }
            return new OrderedMap<string>(ordered);
        }

        /// <summary><c>kustoCluster</c>: the cluster URL (<c>https://name.region.kusto.windows.net</c>), or a cluster name / <c>name.region</c>.</summary>
        /// <param name="cluster">The cluster.</param>
        public T KustoCluster(string cluster)
        {
            return With(KustoOption.KustoCluster, cluster);
        }

        /// <summary><c>kustoDatabase</c>: the database.</summary>
        /// <param name="database">The database.</param>
        public T KustoDatabase(string database)
        {
            return With(KustoOption.KustoDatabase, database);
        }

        /// <summary><c>kustoAadAppId</c>: Entra ID application authentication with a secret or a certificate.</summary>
        /// <param name="applicationId">The application (client) id.</param>
        public T KustoAadAppId(string applicationId)
        {
            return With(KustoOption.KustoAadAppId, applicationId);
        }

        /// <summary><c>kustoAadAppSecret</c> (secret): the application's client secret.</summary>
        /// <param name="secret">The secret.</param>
        public T KustoAadAppSecret(string secret)
        {
            return With(KustoOption.KustoAadAppSecret, secret);
        }

        /// <summary><c>kustoAadAuthorityID</c>: the application's tenant id or domain.</summary>
        /// <param name="tenant">The tenant.</param>
        public T KustoAadAuthorityID(string tenant)
        {
            return With(KustoOption.KustoAadAuthorityID, tenant);
        }

        /// <summary>Entra ID application authentication with a PKCS#12 certificate (options <c>kutoAadAppCertPath</c>, <c>kutoAadAppCertPassword</c>).</summary>
        /// <param name="pfxPath">The certificate's path.</param>
        /// <param name="password">Its password (secret), or null for none.</param>
        public T AadAppCertificate(string pfxPath, string password)
        {
            T withPath = With(KustoOption.KutoAadAppCertPath, pfxPath);
            return password == null ? withPath : withPath.With(KustoOption.KutoAadAppCertPassword, password);
        }

        /// <summary><c>accessToken</c> (secret): an Entra ID access token, used as is.</summary>
        /// <param name="token">The token.</param>
        public T AccessToken(string token)
        {
            return With(KustoOption.AccessToken, token);
        }

        /// <summary><c>managedIdentityAuth</c>: authenticate with the machine's managed identity.</summary>
        /// <param name="enabled">Whether to.</param>
        public T ManagedIdentityAuth(bool enabled)
        {
            return With(KustoOption.ManagedIdentityAuth, Bool(enabled));
        }

        /// <summary><c>managedIdentityClientId</c>: a user-assigned managed identity.</summary>
        /// <param name="clientId">Its client id.</param>
        public T ManagedIdentityClientId(string clientId)
        {
            return With(KustoOption.ManagedIdentityClientId, clientId);
        }

        /// <summary><c>tokenProviderCallbackClasspath</c>: a JVM class providing tokens, by name.</summary>
        /// <param name="className">The class's name.</param>
        public T TokenProviderCallbackClasspath(string className)
        {
            return With(KustoOption.TokenProviderCallbackClasspath, className);
        }

        /// <summary><c>userPrompt</c>: interactive browser sign-in on the driver's machine (local use only).</summary>
        /// <param name="enabled">Whether to.</param>
        public T UserPrompt(bool enabled)
        {
            return With(KustoOption.UserPrompt, Bool(enabled));
        }

        /// <summary><c>kustoAuthMethod</c>: <c>default</c> (DefaultAzureCredential), <c>azureCli</c> or <c>none</c>.</summary>
        /// <param name="method">The method.</param>
        public T KustoAuthMethod(string method)
        {
            return With(KustoOption.KustoAuthMethod, method);
        }

        /// <summary><c>kustoIngestionUri</c>: the cluster's ingestion endpoint.</summary>
        /// <param name="url">An absolute http(s) URL.</param>
        public T KustoIngestionUri(string url)
        {
            return With(KustoOption.KustoIngestionUri, url);
        }

        /// <summary><c>timeoutLimit</c>: how long a whole operation may take; whole seconds.</summary>
        /// <param name="timeout">A positive whole number of seconds.</param>
        public T TimeoutLimit(TimeSpan timeout)
        {
            return With(KustoOption.TimeoutLimit, WholeSeconds(JavaDuration.FromTimeSpan(timeout), KustoOption.TimeoutLimit));
        }

        /// <summary><c>timeoutLimit</c> from a Kusto timespan (<c>01:00:00</c>, <c>2d</c>); whole seconds.</summary>
        /// <param name="timeout">A positive Kusto timespan of whole seconds.</param>
        public T TimeoutLimit(string timeout)
        {
            return With(KustoOption.TimeoutLimit, WholeSeconds(Timespan(timeout, KustoOption.TimeoutLimit), KustoOption.TimeoutLimit));
        }

        /// <summary>Client request properties for every request (option <c>clientRequestPropertiesJson</c>).</summary>
        /// <param name="properties">The properties.</param>
        public T ClientRequestProperties(ClientRequestProperties properties)
        {
            if (properties == null) throw new ArgumentNullException("properties", "properties must not be null");
            return With(KustoOption.ClientRequestPropertiesJson, properties.ToJson());
        }

        /// <summary><c>requestId</c>: the correlation id of the operation.</summary>
        /// <param name="requestId">The id.</param>
        public T RequestId(string requestId)
        {
            return With(KustoOption.RequestId, requestId);
        }

        /// <summary>A connection profile of the Spark conf (option <c>spark.synapse.linkedService</c>).</summary>
        /// <param name="profile">The profile's name.</param>
        public T LinkedService(string profile)
        {
            return With(KustoOption.LinkedService, profile);
        }

        internal static string Bool(bool value)
        {
            return value ? "true" : "false";
        }

        internal static JavaDuration Timespan(string text, KustoOption option)
        {
            if (text == null) throw new ArgumentNullException("timeout", option.Key + " must not be null");
            JavaDuration? d = KustoTimes.ParseTimespanOrNull(text);
            if (d == null)
            {
                throw new KustoOptionException("Option " + option.Key + " has value '" + text
                    + "': expected a timespan such as 00:10:00, 1.02:03:04.5 or 10m.");
            }
            return d.Value;
        }

        // The option's value in seconds; messages show the timespan in Kusto's form, as every binding takes it.
        internal static string WholeSeconds(JavaDuration d, KustoOption option)
        {
            string text = KustoTimes.Timespan(d, option.Key);
            if (d.IsNegative || d.IsZero)
            {
                throw new KustoOptionException("Option " + option.Key + " has value " + text
                    + ": expected a positive timespan of whole seconds.");
            }
            long seconds;
            int nanos;
            d.Split(out seconds, out nanos);
            if (nanos != 0)
            {
                throw new KustoOptionException("Option " + option.Key + " is in whole seconds; " + text + " has a fraction of a second.");
            }
            return seconds.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>The options with secrets shown as <c>&lt;hidden&gt;</c>, e.g. <c>KustoReadOptions{kustoCluster=..., accessToken=&lt;hidden&gt;}</c>.</summary>
        public override string ToString()
        {
            return GetType().Name + "{" + string.Join(", ", ToOptions().Select(e =>
                e.Key + "=" + (KustoOption.ForKey(e.Key).Secret ? "<hidden>" : e.Value))) + "}";
        }

        /// <summary>Whether <paramref name="other"/> holds the same options.</summary>
        /// <param name="other">Other options of the same type.</param>
        public bool Equals(T other)
        {
            return other != null && other.GetType() == GetType() && ToOptions().SequenceEqual(other.ToOptions());
        }

        /// <summary>Whether <paramref name="obj"/> is of the same type and holds the same options.</summary>
        /// <param name="obj">Another object.</param>
        public override bool Equals(object obj)
        {
            return Equals(obj as T);
        }

        /// <summary>A hash of the options.</summary>
        public override int GetHashCode()
        {
            int hash = GetType().GetHashCode();
            foreach (var e in ToOptions()) hash = hash * 31 + StringComparer.Ordinal.GetHashCode(e.Key + "=" + e.Value);
            return hash;
        }
    }
}
