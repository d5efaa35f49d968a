using System.Text.RegularExpressions;

namespace KustoSpark.Config
{
    // The parts of an absolute URI as java.net.URI splits them, for the checks of cluster and
    // ingestion URLs. A host is null when the authority is not a server (host[:port]) authority, as
    // Java reports it, e.g. for names with underscores.
    internal sealed class JavaUri
    {
        private static readonly Regex Absolute = new Regex(
            @"\A([A-Za-z][A-Za-z0-9+.-]*):(//([^/?#]*))?([^?#]*)(\?[^#]*)?(#.*)?\z", RegexOptions.Singleline);
        private static readonly Regex ServerAuthority = new Regex(
            @"\A(?:([^@]*)@)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::([0-9]*))?\z");
        private static readonly Regex Hostname = new Regex(
            @"\A(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.?\z");
        private static readonly Regex Ipv4 = new Regex(@"\A[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\z");
        // Characters java.net.URI refuses unquoted anywhere in a URI.
        private static readonly Regex Illegal = new Regex(@"[\s""<>\\^`{|}]|%(?![0-9A-Fa-f]{2})");

        internal string Scheme { get; private set; }

        internal string RawAuthority { get; private set; }

        internal string Host { get; private set; }

        internal string RawUserInfo { get; private set; }

        internal string RawPath { get; private set; }

        internal string RawQuery { get; private set; }

        internal string RawFragment { get; private set; }

        // The parsed URI, or null where java.net.URI throws URISyntaxException.
        internal static JavaUri ParseOrNull(string text)
        {
            if (Illegal.IsMatch(text)) return null;
            Match m = Absolute.Match(text);
            if (!m.Success) return null;
            var uri = new JavaUri
            {
                Scheme = m.Groups[1].Value,
                RawAuthority = m.Groups[2].Success ? m.Groups[3].Value : null,
                RawPath = m.Groups[4].Value,
                RawQuery = m.Groups[5].Success ? m.Groups[5].Value.Substring(1) : null,
                RawFragment = m.Groups[6].Success ? m.Groups[6].Value.Substring(1) : null,
            };
            if (uri.RawAuthority != null)
            {
                Match a = ServerAuthority.Match(uri.RawAuthority);
                if (a.Success)
                {
                    string host = a.Groups[2].Value;
                    if (host.StartsWith("[") || Ipv4.IsMatch(host) || Hostname.IsMatch(host))
                    {
                        uri.Host = host;
                        uri.RawUserInfo = a.Groups[1].Success ? a.Groups[1].Value : null;
                    }
                }
                if (uri.RawAuthority.Length == 0) uri.RawAuthority = null;
            }
            return uri;
        }
    }
}
