using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KustoSpark.Text;

namespace KustoSpark.Config
{
    // The checks and conversions of option values, one per OptionKind; every message names the option.
    internal static class OptionValues
    {
        private static readonly string[] TransientStorageFields = { "storageCredentials", "endpointSuffix" };
        private static readonly string[] StorageCredentialFields = { "storageAccountName", "blobContainer", "sasUrl", "sasKey", "storageAccountKey" };
        private static readonly string[] IngestionStorageFields = { "storageUrl", "containerName", "userMsi", "sas" };

        internal static string Canonical(KustoOption option, string value)
        {
            if (value == null)
            {
                throw new KustoOptionException("Option " + option.Key + " has no value; " + Expected(option));
            }
            string v = JavaText.Trim(value);
            switch (option.Kind)
            {
                case OptionKind.Text: return RequireText(option, value);
                case OptionKind.Cluster: return ClusterUrl.Normalize(RequireText(option, value));
                case OptionKind.Url: return Url(option, v);
                case OptionKind.Boolean: return Bool(option, v) ? "true" : "false";
                case OptionKind.Seconds:
                case OptionKind.Int: return InRange(option, v).ToString(CultureInfo.InvariantCulture);
                case OptionKind.ReadMode: return EnumValue<ReadMode>(option, v);
                case OptionKind.WriteMode: return EnumValue<WriteMode>(option, v);
                case OptionKind.TableCreationMode: return EnumValue<TableCreationMode>(option, v);
                case OptionKind.SchemaAdjustmentMode: return EnumValue<SchemaAdjustmentMode>(option, v);
                case OptionKind.StorageProtocol: return OneOf(option, v, KustoOption.StorageProtocols);
                case OptionKind.AuthMethod: return OneOf(option, v, KustoOption.AuthMethods);
                case OptionKind.WriteResultLimit:
                    return string.Equals(v, "none", StringComparison.OrdinalIgnoreCase)
                        ? "none" : PositiveInt(option, v).ToString(CultureInfo.InvariantCulture);
                case OptionKind.JsonObject: return JsonObject(option, v).ToString();
                case OptionKind.ClientRequestProperties: return ClientRequestPropertiesOf(option, v).ToJson();
                case OptionKind.SparkIngestionProperties: return SparkIngestionPropertiesOf(option, v).ToJson();
                case OptionKind.TransientStorage: return TransientStorage(option, v).ToString();
                case OptionKind.IngestionStorage: return IngestionStorage(option, v).ToString();
                default:
                    throw new InvalidOperationException("option " + option.Key + " has no check for kind " + option.Kind);
            }
        }

        // What the option takes, worded as in the option reference and the connector's errors.
        internal static string Expected(KustoOption option)
        {
            switch (option.Kind)
            {
                case OptionKind.Text: return "expected a non-empty string";
                case OptionKind.Cluster: return "expected a cluster URL or name";
                case OptionKind.Url: return "expected an absolute http(s) URL";
                case OptionKind.Boolean: return "allowed values: true, false";
                case OptionKind.Seconds: return "expected a whole number of seconds from " + option.Minimum + " to " + option.Maximum;
                case OptionKind.Int: return "expected a whole number from " + option.Minimum + " to " + option.Maximum;
                case OptionKind.ReadMode: return "allowed values: " + EnumNames.AllowedValues<ReadMode>();
                case OptionKind.WriteMode: return "allowed values: " + EnumNames.AllowedValues<WriteMode>();
                case OptionKind.TableCreationMode: return "allowed values: " + EnumNames.AllowedValues<TableCreationMode>();
                case OptionKind.SchemaAdjustmentMode: return "allowed values: " + EnumNames.AllowedValues<SchemaAdjustmentMode>();
                case OptionKind.StorageProtocol: return "allowed values: " + string.Join(", ", KustoOption.StorageProtocols);
                case OptionKind.AuthMethod: return "allowed values: " + string.Join(", ", KustoOption.AuthMethods);
                case OptionKind.WriteResultLimit: return "expected a whole number > 0 or none";
                case OptionKind.JsonObject: return "expected a JSON object";
                case OptionKind.ClientRequestProperties: return "expected {\"Options\":{...},\"Parameters\":{...}}";
                case OptionKind.SparkIngestionProperties:
                    return "expected a JSON object with fields " + string.Join(", ", SparkIngestionProperties.Fields);
                case OptionKind.TransientStorage: return "expected {\"storageCredentials\":[...],\"endpointSuffix\":\"core.windows.net\"}";
                case OptionKind.IngestionStorage: return "expected [{\"storageUrl\":...,\"containerName\":...,\"userMsi\"|\"sas\":...}]";
                default: throw new InvalidOperationException("option " + option.Key + " has no check for kind " + option.Kind);
            }
        }

        private static KustoOptionException Bad(KustoOption option, string value)
        {
            return new KustoOptionException("Option " + option.Key + " has value " + option.Shown(value) + ": "
                + Expected(option) + ".");
        }

        private static string RequireText(KustoOption option, string value)
        {
            if (JavaText.IsBlank(value))
            {
                throw new KustoOptionException("Option " + option.Key + " is empty; " + Expected(option) + ".");
            }
            return value;
        }

        private static bool Bool(KustoOption option, string value)
        {
            if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase)) return true;
            if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase)) return false;
            throw Bad(option, value);
        }

        // As Java: the value read as a long, then checked against the option's range.
        private static long InRange(KustoOption option, string value)
        {
            long n;
            if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out n)
                && n >= option.Minimum && n <= option.Maximum) return n;
            throw Bad(option, value);
        }

        private static int PositiveInt(KustoOption option, string value)
        {
            int n;
            if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out n) && n > 0) return n;
            throw Bad(option, value);
        }

        private static string Url(KustoOption option, string value)
        {
            JavaUri uri = JavaUri.ParseOrNull(value);
            if (uri != null && uri.Host != null && (string.Equals(uri.Scheme, "https", StringComparison.OrdinalIgnoreCase)
                || string.Equals(uri.Scheme, "http", StringComparison.OrdinalIgnoreCase)))
            {
                return value.TrimEnd('/');
            }
            throw Bad(option, value);
        }

        private static string EnumValue<T>(KustoOption option, string value) where T : struct
        {
            T? parsed = EnumNames.ParseOrNull<T>(value);
            if (parsed == null) throw Bad(option, value);
            return parsed.Value.ToString();
        }

        private static string OneOf(KustoOption option, string value, string[] allowed)
        {
            string match = allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
            if (match == null) throw Bad(option, value);
            return match;
        }

        private static ClientRequestProperties ClientRequestPropertiesOf(KustoOption option, string value)
        {
            try
            {
                return ClientRequestProperties.FromJson(value);
            }
            catch (ArgumentException e)
            {
                throw new KustoOptionException("Option " + option.Key + " is invalid: " + e.Message
                    + ". " + Capitalized(Expected(option)) + ".");
            }
        }

        private static SparkIngestionProperties SparkIngestionPropertiesOf(KustoOption option, string value)
        {
            try
            {
                return SparkIngestionProperties.FromJson(value);
            }
            catch (ArgumentException e)
            {
                throw new KustoOptionException("Option " + option.Key + " is invalid: " + e.Message + ".");
            }
        }

        private static JsonValue JsonObject(KustoOption option, string value)
        {
            JsonValue node = Json(option, value);
            if (!node.IsObject)
            {
                throw new KustoOptionException("Option " + option.Key + " must be a JSON object, not a " + node.TypeName + ".");
            }
            return node;
        }

        private static JsonValue Json(KustoOption option, string value)
        {
            try
            {
                return JsonReader.Parse(value, "Option " + option.Key);
            }
            catch (ArgumentException e)
            {
                // The reader never quotes the input, so a secret option's message stays clean.
                throw new KustoOptionException(e.Message + "; " + Expected(option) + ".");
            }
        }

        // The established connector's transient storage JSON, checked field by field; values never printed.
        private static JsonValue TransientStorage(KustoOption option, string value)
        {
            JsonValue root = JsonObject(option, value);
            RequireFields(option, root, TransientStorageFields, "");
            JsonValue credentials = root.Get("storageCredentials");
            if (credentials == null || !credentials.IsArray || credentials.Elements.Count == 0)
            {
                throw new KustoOptionException("Option " + option.Key + " needs a non-empty storageCredentials array; "
                    + Expected(option) + ".");
            }
            int i = 0;
            foreach (JsonValue c in credentials.Elements)
            {
                string where = "storageCredentials[" + i++ + "]";
                if (!c.IsObject)
                {
                    throw new KustoOptionException("Option " + option.Key + ": " + where + " must be a JSON object.");
                }
                RequireFields(option, c, StorageCredentialFields, where + ".");
                bool hasSasUrl = c.HasNonNull("sasUrl");
                bool hasAccount = c.HasNonNull("storageAccountName") && c.HasNonNull("blobContainer")
                    && (c.HasNonNull("sasKey") || c.HasNonNull("storageAccountKey"));
                if (!hasSasUrl && !hasAccount)
                {
                    throw new KustoOptionException("Option " + option.Key + ": " + where + " needs sasUrl, or"
                        + " storageAccountName, blobContainer and sasKey or storageAccountKey.");
                }
            }
            return root;
        }

        private static JsonValue IngestionStorage(KustoOption option, string value)
        {
            JsonValue root = Json(option, value);
            if (!root.IsArray || root.Elements.Count == 0)
            {
                throw new KustoOptionException("Option " + option.Key + " must be a non-empty JSON array; " + Expected(option) + ".");
            }
            int i = 0;
            foreach (JsonValue c in root.Elements)
            {
                string where = "[" + i++ + "]";
                if (!c.IsObject)
                {
                    throw new KustoOptionException("Option " + option.Key + ": " + where + " must be a JSON object.");
                }
                RequireFields(option, c, IngestionStorageFields, where + ".");
                if (!c.HasNonNull("storageUrl") || !c.HasNonNull("containerName"))
                {
                    throw new KustoOptionException("Option " + option.Key + ": " + where + " needs storageUrl and containerName.");
                }
            }
            return root;
        }

        private static void RequireFields(KustoOption option, JsonValue obj, string[] allowed, string prefix)
        {
            foreach (KeyValuePair<string, JsonValue> field in obj.Fields)
            {
                if (!allowed.Contains(field.Key))
                {
                    throw new KustoOptionException("Option " + option.Key + " has an unknown field '" + prefix + field.Key
                        + "'; allowed: " + string.Join(", ", allowed.OrderBy(a => a, StringComparer.Ordinal)) + ".");
                }
            }
        }

        private static string Capitalized(string s)
        {
            return s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s.Substring(1);
        }
    }
}
