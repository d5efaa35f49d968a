package dev.kustospark.local.http;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Python SDK's view of the protocol paths that need no stored tables. */
class PythonSdkErrorsTest {
    private static final String SCRIPT = """
            import sys
            from azure.kusto.data import KustoClient, KustoConnectionStringBuilder
            from azure.kusto.data.exceptions import KustoApiError
            url = sys.argv[1]
            client = KustoClient(KustoConnectionStringBuilder.with_no_authentication(url))
            for name, call in [("query", lambda: client.execute_query("db1", "print 1 | where")),
                               ("mgmt", lambda: client.execute_mgmt("db1", ".frobnicate everything"))]:
                try:
                    call()
                    print(name, "NO ERROR")
                except KustoApiError as e:
                    print(name, "KustoApiError", e.get_api_error().code, "|", e.get_api_error().description)
                except Exception as e:
                    print(name, type(e).__name__, e)
            # auth metadata as the SDK reads it when AAD is configured: every field must be there
            import requests
            meta = requests.get(url + "/v1/rest/auth/metadata").json()["AzureAD"]
            for key in ["LoginEndpoint", "LoginMfaRequired", "KustoClientAppId", "KustoClientRedirectUri",
                        "KustoServiceResourceId", "FirstPartyAuthorityUrl"]:
                meta[key]
            from azure.kusto.data._cloud_settings import CloudSettings
            info = CloudSettings.get_cloud_info_for_cluster(url)
            print("cloud", info.login_endpoint, info.kusto_service_resource_id)
            print("public cloud", info == CloudSettings.DEFAULT_CLOUD)
            """;

    @Test
    void errorsAndAuthMetadataAsThePythonSdkSeesThem() throws Exception {
        Path python = PythonSdk.interpreter();
        assumeTrue(python != null, "no Python with azure-kusto-data (scripts/python-env.sh creates one)");
        try (ServerFixture server = ServerFixture.start()) {
            String out = PythonSdk.run(python, SCRIPT, server.url());
            assertTrue(out.contains("query KustoApiError BadRequest_SyntaxError | Syntax error: SYN0002: "), out);
            assertTrue(out.contains("mgmt KustoApiError General_BadRequest |"), out);
            assertTrue(out.contains("cloud https://login.microsoftonline.com https://kusto.kusto.windows.net"), out);
            // Every field, the redirect URI included, is the public cloud's: what the SDK assumes by default.
            assertTrue(out.contains("public cloud True"), out);
        }
    }
}
