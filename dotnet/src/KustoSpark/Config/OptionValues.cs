using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using KustoSpark.Text;

namespace KustoSpark.Config
{
    // The checks of option values, one per OptionKind, with the bounds, values and wording of the
    // generated registry; every message names the option and never shows a secret's value. The JSON
    // storage options get their shape checked; what a shape means the connector finds out.
    internal static class OptionValues
    {
        private static readonly Regex WholeNumber = new Regex(@"\A[+-]?[0-9]+\z");
        private static readonly string[] TransientStorageFields = { "endpointSuffix", "storageCredentials" };
        private static readonly string[] StorageCredentialFields = { "blobContainer", "sasKey", "sasUrl", "storageAccountKey", "storageAccountName" };
        private static readonly string[] IngestionStorageFields = { "containerName", "sas", "storageUrl", "userMsi" };

        internal static string Canonical(KustoOption option, string value)
        {
            if (value == null) throw Error(option, " has no value; " + option.Expected);
            string v = value.Trim();
            switch (option.Kind)
            {
                case OptionKind.Text:
                case OptionKind.Cluster:
                    if (v.Length == 0) throw Error(option, " is empty; " + option.Expected + ".");
                    return option.Kind == OptionKind.Cluster ? ClusterUrl.Normalize(value) : value;
                case OptionKind.Url:
                    JavaUri uri = JavaUri.ParseOrNull(v);
                    if (uri == null || uri.Host == null || !(uri.Scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
                        || uri.Scheme.Equals("http", StringComparison.OrdinalIgnoreCase)))
                    {
                        throw Bad(option, v);
                    }
                    return v.TrimEnd('/');
                case OptionKind.Boolean:
                case OptionKind.Enum:
                    string[] allowed = option.Kind == OptionKind.Boolean ? new[] { "true", "false" } : option.Values;
                    return allowed.FirstOrDefault(a => a.Equals(v, StringComparison.OrdinalIgnoreCase)) ?? throw Bad(option, v);
                case OptionKind.Integer:
                case OptionKind.Seconds:
                    string keyword = option.Keywords.FirstOrDefault(k => k.Equals(v, StringComparison.OrdinalIgnoreCase));
                    if (keyword != null) return keyword;
                    decimal n;
                    if (WholeNumber.IsMatch(v) && decimal.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out n)
                        && n >= option.Minimum && n <= option.Maximum)
                    {
                        return n.ToString(CultureInfo.InvariantCulture);
                    }
                    throw Bad(option, v);
                case OptionKind.ClientRequestProperties:
                    return Through(option, () => KustoSpark.ClientRequestProperties.FromJson(v).ToJson());
                case OptionKind.SparkIngestionProperties:
                    return Through(option, () => KustoSpark.SparkIngestionProperties.FromJson(v).ToJson());
            }
            object node = Parsed(option, v);
            if (option.Kind == OptionKind.TransientStorage) TransientStorage(option, node);
            else if (option.Kind == OptionKind.IngestionStorage) IngestionStorage(option, node);
            else if (!(node is JsonObject)) throw Error(option, " must be a JSON object, not a " + Json.TypeName(node) + ".");
            return Json.Write(node);
        }

        private static KustoOptionException Error(KustoOption option, string text)
        {
            return new KustoOptionException("Option " + option.Key + text);
        }

        private static KustoOptionException Bad(KustoOption option, string value)
        {
            return Error(option, " has value " + option.Shown(value) + ": " + option.Expected + ".");
        }

        private static string Through(KustoOption option, Func<string> toJson)
        {
            try
            {
                return toJson();
            }
            catch (ArgumentException e)
            {
                throw Error(option, " is invalid: " + e.Message + ". " + char.ToUpperInvariant(option.Expected[0]) + option.Expected.Substring(1) + ".");
            }
        }

        private static object Parsed(KustoOption option, string value)
        {
            try
            {
                return Json.Parse(value, "Option " + option.Key);
            }
            catch (KustoOptionException e)
            {
                // The parser never quotes its input, so a secret option's message stays clean.
                throw new KustoOptionException(e.Message + "; " + option.Expected + ".");
            }
        }

        private static void TransientStorage(KustoOption option, object root)
        {
            JsonObject storage = Object(option, root, TransientStorageFields, "");
            var credentials = storage["storageCredentials"] as List<object>;
            if (credentials == null || credentials.Count == 0)
            {
                throw Error(option, " needs a non-empty storageCredentials array; " + option.Expected + ".");
            }
            for (int i = 0; i < credentials.Count; i++)
            {
                string where = "storageCredentials[" + i + "]";
                JsonObject credential = Object(option, credentials[i], StorageCredentialFields, where);
                bool account = credential["storageAccountName"] != null && credential["blobContainer"] != null
                    && (credential["sasKey"] != null || credential["storageAccountKey"] != null);
                if (credential["sasUrl"] == null && !account)
                {
                    throw Error(option, ": " + where + " needs sasUrl, or storageAccountName, blobContainer and sasKey or storageAccountKey.");
                }
            }
        }

        private static void IngestionStorage(KustoOption option, object root)
        {
            var containers = root as List<object>;
            if (containers == null || containers.Count == 0)
            {
                throw Error(option, " must be a non-empty JSON array; " + option.Expected + ".");
            }
            for (int i = 0; i < containers.Count; i++)
            {
                JsonObject container = Object(option, containers[i], IngestionStorageFields, "[" + i + "]");
                if (container["storageUrl"] == null || container["containerName"] == null)
                {
                    throw Error(option, ": [" + i + "] needs storageUrl and containerName.");
                }
            }
        }

        private static JsonObject Object(KustoOption option, object node, string[] allowed, string where)
        {
            var fields = node as JsonObject;
            if (fields == null) throw Error(option, ": " + (where.Length == 0 ? "the value" : where) + " must be a JSON object.");
            foreach (var field in fields.Where(f => !allowed.Contains(f.Key)))
            {
                throw Error(option, " has an unknown field '" + (where.Length == 0 ? "" : where + ".") + field.Key
                    + "'; allowed: " + string.Join(", ", allowed) + ".");
            }
            return fields;
        }
    }
}
