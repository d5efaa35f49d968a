package dev.kustospark.spark.config;

import com.azure.identity.DefaultAzureCredentialBuilder;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import dev.kustospark.spark.KustoOption;
import dev.kustospark.spark.KustoOptionException;
import dev.kustospark.spark.TokenProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * How the connector authenticates to the cluster. It travels to executors (their tasks query and
 * ingest), so it holds secrets; {@link #toString()} never shows them, and {@link #equals(Object)}
 * compares them so that clients cached per credentials are never shared across different secrets.
 */
public final class AuthConfig implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String HIDDEN = "<hidden>";

    /** The authentication methods. */
    public enum Method {
        /** No token (kusto-local, or a cluster behind a trusted proxy). */
        NONE,
        /** Entra ID application id and secret. */
        APPLICATION_SECRET,
        /** Entra ID application id and a PKCS#12 certificate. */
        APPLICATION_CERTIFICATE,
        /** A given access token. */
        ACCESS_TOKEN,
        /** The machine's managed identity. */
        MANAGED_IDENTITY,
        /** azure-identity's DefaultAzureCredential chain. */
        DEFAULT_CREDENTIAL,
        /** The signed-in Azure CLI. */
        AZURE_CLI,
        /** Interactive browser sign-in. */
        USER_PROMPT,
        /** A user class ({@link TokenProvider} or {@code Callable<String>}). */
        TOKEN_PROVIDER
    }

    private final Method method;
    private final String applicationId;
    private final String authority;
    private final String secret;
    private final String certificatePath;
    private final String managedIdentityClientId;
    private final String tokenProviderClass;

    private AuthConfig(Method method, String applicationId, String authority, String secret, String certificatePath,
            String managedIdentityClientId, String tokenProviderClass) {
        this.method = method;
        this.applicationId = applicationId;
        this.authority = authority;
        this.secret = secret;
        this.certificatePath = certificatePath;
        this.managedIdentityClientId = managedIdentityClientId;
        this.tokenProviderClass = tokenProviderClass;
    }

    /** No authentication. */
    public static AuthConfig none() {
        return new AuthConfig(Method.NONE, null, null, null, null, null, null);
    }

    /** Authentication with an access token used as is. */
    public static AuthConfig accessToken(String token) {
        return new AuthConfig(Method.ACCESS_TOKEN, null, null, requireNonBlank(token, KustoOption.ACCESS_TOKEN), null, null, null);
    }

    public Method method() {
        return method;
    }

    public Optional<String> applicationId() {
        return Optional.ofNullable(applicationId);
    }

    public Optional<String> authority() {
        return Optional.ofNullable(authority);
    }

    public Optional<String> managedIdentityClientId() {
        return Optional.ofNullable(managedIdentityClientId);
    }

    public Optional<String> tokenProviderClass() {
        return Optional.ofNullable(tokenProviderClass);
    }

    /**
     * The SDK's connection string builder for {@code clusterUrl} with these credentials. The secret
     * goes only into the SDK object, never into anything this connector prints.
     */
    public ConnectionStringBuilder toConnectionStringBuilder(String clusterUrl) {
        return switch (method) {
            case NONE -> new ConnectionStringBuilder(clusterUrl);
            case APPLICATION_SECRET ->
                    ConnectionStringBuilder.createWithAadApplicationCredentials(clusterUrl, applicationId, secret, authority);
            case APPLICATION_CERTIFICATE -> certificateBuilder(clusterUrl);
            case ACCESS_TOKEN -> ConnectionStringBuilder.createWithAadAccessTokenAuthentication(clusterUrl, secret);
            case MANAGED_IDENTITY -> managedIdentityClientId == null
                    ? ConnectionStringBuilder.createWithAadManagedIdentity(clusterUrl)
                    : ConnectionStringBuilder.createWithAadManagedIdentity(clusterUrl, managedIdentityClientId);
            case DEFAULT_CREDENTIAL ->
                    ConnectionStringBuilder.createWithTokenCredential(clusterUrl, new DefaultAzureCredentialBuilder().build());
            case AZURE_CLI -> ConnectionStringBuilder.createWithAzureCli(clusterUrl);
            case USER_PROMPT -> ConnectionStringBuilder.createWithUserPrompt(clusterUrl, authority, null);
            case TOKEN_PROVIDER ->
                    ConnectionStringBuilder.createWithAadTokenProviderAuthentication(clusterUrl, tokenCallable(clusterUrl));
        };
    }

    private ConnectionStringBuilder certificateBuilder(String clusterUrl) {
        try (InputStream in = Files.newInputStream(Path.of(certificatePath))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            char[] password = secret == null ? new char[0] : secret.toCharArray();
            store.load(in, password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, password);
                    X509Certificate cert = (X509Certificate) store.getCertificate(alias);
                    return ConnectionStringBuilder.createWithAadApplicationCertificate(clusterUrl, applicationId, cert, key,
                            authority);
                }
            }
            throw new KustoOptionException("Option kutoAadAppCertPath: the file '" + certificatePath
                    + "' holds no private key; expected a PKCS#12 (.pfx) file with the application's certificate and key.");
        } catch (IOException | GeneralSecurityException e) {
            // The exception type only: messages of keystore errors are not needed and could echo input.
            throw new KustoOptionException("Option kutoAadAppCertPath: cannot read the PKCS#12 certificate '"
                    + certificatePath + "' (" + e.getClass().getSimpleName()
                    + "); check the path and kutoAadAppCertPassword.");
        }
    }

    @SuppressWarnings("unchecked")
    private Callable<String> tokenCallable(String clusterUrl) {
        Object provider = instantiate(tokenProviderClass);
        if (provider instanceof TokenProvider p) {
            return () -> p.accessToken(clusterUrl);
        }
        return (Callable<String>) provider;
    }

    /** Loads and checks the token provider class (on the driver first, so a typo fails before any task runs). */
    static Object instantiate(String className) {
        Class<?> type;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            type = Class.forName(className, true, loader == null ? AuthConfig.class.getClassLoader() : loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new KustoOptionException("Option tokenProviderCallbackClasspath has value '" + className
                    + "': no such class on the classpath; add the jar holding it to the job (e.g. --jars).");
        }
        if (!TokenProvider.class.isAssignableFrom(type) && !Callable.class.isAssignableFrom(type)) {
            throw new KustoOptionException("Option tokenProviderCallbackClasspath has value '" + className
                    + "': the class implements neither dev.kustospark.spark.TokenProvider nor"
                    + " java.util.concurrent.Callable<String>.");
        }
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new KustoOptionException("Option tokenProviderCallbackClasspath has value '" + className
                    + "': cannot create an instance (" + e.getClass().getSimpleName()
                    + "); the class needs a public no-argument constructor.");
        }
    }

    /** Chooses the method from the options, refusing conflicting or incomplete credentials. */
    static AuthConfig from(ParsedOptions options, String clusterUrl) {
        List<String> given = new ArrayList<>();
        String appId = options.get(KustoOption.KUSTO_AAD_APP_ID).orElse(null);
        String appSecret = options.get(KustoOption.KUSTO_AAD_APP_SECRET).orElse(null);
        String certPath = options.get(KustoOption.KUTO_AAD_APP_CERT_PATH).orElse(null);
        String certPassword = options.get(KustoOption.KUTO_AAD_APP_CERT_PASSWORD).orElse(null);
        String authority = options.get(KustoOption.KUSTO_AAD_AUTHORITY_ID)
                .orElse(KustoOption.KUSTO_AAD_AUTHORITY_ID.defaultValue().orElseThrow());
        String token = options.get(KustoOption.ACCESS_TOKEN).orElse(null);
        String miClientId = options.get(KustoOption.MANAGED_IDENTITY_CLIENT_ID).orElse(null);
        boolean managedIdentity = options.bool(KustoOption.MANAGED_IDENTITY_AUTH) || miClientId != null;
        String providerClass = options.get(KustoOption.TOKEN_PROVIDER_CALLBACK_CLASSPATH).orElse(null);
        boolean userPrompt = options.bool(KustoOption.USER_PROMPT);
        String explicitMethod = options.get(KustoOption.KUSTO_AUTH_METHOD).orElse(null);

        if (appId != null || appSecret != null || certPath != null) {
            given.add(KustoOption.KUSTO_AAD_APP_ID.key());
        }
        if (token != null) {
            given.add(KustoOption.ACCESS_TOKEN.key());
        }
        if (managedIdentity) {
            given.add(KustoOption.MANAGED_IDENTITY_AUTH.key());
        }
        if (providerClass != null) {
            given.add(KustoOption.TOKEN_PROVIDER_CALLBACK_CLASSPATH.key());
        }
        if (userPrompt) {
            given.add(KustoOption.USER_PROMPT.key());
        }
        if (explicitMethod != null) {
            given.add(KustoOption.KUSTO_AUTH_METHOD.key());
        }
        if (given.size() > 1) {
            throw new KustoOptionException("Options " + String.join(", ", given) + " each choose an authentication"
                    + " method; keep exactly one.");
        }
        if (options.has(KustoOption.MANAGED_IDENTITY_AUTH) && !options.bool(KustoOption.MANAGED_IDENTITY_AUTH)
                && miClientId != null) {
            throw new KustoOptionException("Option managedIdentityClientId is set but managedIdentityAuth is false;"
                    + " remove one of them.");
        }
        if (given.isEmpty()) {
            // A plain-http cluster runs on this machine (kusto-local): no token is needed or sent.
            if (clusterUrl.startsWith("http://")) {
                return none();
            }
            throw new KustoOptionException("No authentication for " + clusterUrl + ": set kustoAadAppId with"
                    + " kustoAadAppSecret and kustoAadAuthorityID, or accessToken, or managedIdentityAuth=true, or"
                    + " tokenProviderCallbackClasspath, or kustoAuthMethod (" + String.join(", ", KustoOption.KUSTO_AUTH_METHOD.allowedValues())
                    + ").");
        }
        if (appId != null || appSecret != null || certPath != null) {
            if (appId == null) {
                throw new KustoOptionException("Option kustoAadAppId is required with "
                        + (appSecret != null ? "kustoAadAppSecret" : "kutoAadAppCertPath") + ".");
            }
            if ((appSecret == null) == (certPath == null)) {
                throw new KustoOptionException("Option kustoAadAppId needs exactly one of kustoAadAppSecret and"
                        + " kutoAadAppCertPath.");
            }
            if (certPath != null) {
                return new AuthConfig(Method.APPLICATION_CERTIFICATE, appId, authority, certPassword, certPath, null, null);
            }
            return new AuthConfig(Method.APPLICATION_SECRET, appId, authority, appSecret, null, null, null);
        }
        if (certPassword != null) {
            throw new KustoOptionException("Option kutoAadAppCertPassword is set without kutoAadAppCertPath.");
        }
        if (token != null) {
            return accessToken(token);
        }
        if (managedIdentity) {
            return new AuthConfig(Method.MANAGED_IDENTITY, null, null, null, null, miClientId, null);
        }
        if (providerClass != null) {
            instantiate(providerClass);
            return new AuthConfig(Method.TOKEN_PROVIDER, null, null, null, null, null, providerClass);
        }
        if (userPrompt) {
            return new AuthConfig(Method.USER_PROMPT, null, authority, null, null, null, null);
        }
        return switch (explicitMethod) {
            case "default" -> new AuthConfig(Method.DEFAULT_CREDENTIAL, null, null, null, null, null, null);
            case "azureCli" -> new AuthConfig(Method.AZURE_CLI, null, null, null, null, null, null);
            default -> none();
        };
    }

    private static String requireNonBlank(String value, KustoOption option) {
        if (value == null || value.isBlank()) {
            throw new KustoOptionException("Option " + option.key() + " is empty.");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthConfig a && method == a.method && Objects.equals(applicationId, a.applicationId)
                && Objects.equals(authority, a.authority) && Objects.equals(secret, a.secret)
                && Objects.equals(certificatePath, a.certificatePath)
                && Objects.equals(managedIdentityClientId, a.managedIdentityClientId)
                && Objects.equals(tokenProviderClass, a.tokenProviderClass);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, applicationId, authority, secret, certificatePath, managedIdentityClientId,
                tokenProviderClass);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("AuthConfig{method=").append(method);
        if (applicationId != null) {
            s.append(", applicationId=").append(applicationId);
        }
        if (authority != null) {
            s.append(", authority=").append(authority);
        }
        if (certificatePath != null) {
            s.append(", certificatePath=").append(certificatePath);
        }
        if (secret != null) {
            s.append(", secret=").append(HIDDEN);
        }
        if (managedIdentityClientId != null) {
            s.append(", managedIdentityClientId=").append(managedIdentityClientId);
        }
        if (tokenProviderClass != null) {
            s.append(", tokenProviderClass=").append(tokenProviderClass);
        }
        return s.append('}').toString();
    }
}
