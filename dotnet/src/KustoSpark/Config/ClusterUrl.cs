using System.Text.RegularExpressions;

namespace KustoSpark.Config
{
    // Turns the option kustoCluster into the cluster's URL.
    internal static class ClusterUrl
    {
        // name or name.region: letters, digits and hyphens, as Azure names clusters.
        private static readonly Regex ShortName = new Regex(@"\A[A-Za-z0-9][A-Za-z0-9-]*(\.[A-Za-z0-9][A-Za-z0-9-]*)?\z");
        private static readonly Regex Host = new Regex(@"\A[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:[0-9]+)?\z");
        private static readonly Regex LocalHost = new Regex(@"\A(localhost|127\.0\.0\.1)(:[0-9]+)?\z");

        internal static string Normalize(string value)
        {
            string v = value.Trim();
            string url;
            if (v.Contains("://")) url = v;
            else if (LocalHost.IsMatch(v)) url = "http://" + v;
            else if (ShortName.IsMatch(v)) url = "https://" + v + ".kusto.windows.net";
            else if (Host.IsMatch(v)) url = "https://" + v;
            else throw Invalid(value);
            JavaUri uri = JavaUri.ParseOrNull(url);
            if (uri == null) throw Invalid(value);
            string scheme = uri.Scheme.ToLowerInvariant();
            if (!(scheme == "https" || scheme == "http") || uri.Host == null
                || uri.RawQuery != null || uri.RawFragment != null || uri.RawUserInfo != null)
            {
                throw Invalid(value);
            }
            string path = uri.RawPath ?? "";
            if (path.Length > 0 && path != "/")
            {
                throw new KustoOptionException("Option kustoCluster has value '" + value + "': a cluster URL has no path ('"
                    + path + "'); give the cluster as " + scheme + "://" + uri.RawAuthority
                    + " and the database with the option kustoDatabase.");
            }
            return scheme + "://" + uri.RawAuthority.ToLowerInvariant();
        }

        private static KustoOptionException Invalid(string value)
        {
            return new KustoOptionException("Option kustoCluster has value '" + value + "': expected a cluster URL such as"
                + " https://mycluster.westeurope.kusto.windows.net or http://localhost:8080, or a cluster name such as"
                + " mycluster.westeurope.");
        }
    }
}
