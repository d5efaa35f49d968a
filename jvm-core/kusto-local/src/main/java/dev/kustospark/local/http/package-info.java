/**
 * The REST endpoints of kusto-local on the JDK's HTTP(S) server.
 *
 * <ul>
 *   <li>{@code POST /v2/rest/query}: KQL queries, answered as v2 frames streamed row by row;</li>
 *   <li>{@code POST /v1/rest/query}: the same queries in the v1 table format;</li>
 *   <li>{@code POST /v1/rest/mgmt}: management commands (a text without a leading dot runs as a v1 query);</li>
 *   <li>{@code POST /v1/rest/ingest/{db}/{table}}: streaming ingestion (gzip recognised by its magic bytes),
 *       of the body or, with {@code sourceKind=uri} and Azurite, of the blob the body names;</li>
 *   <li>{@code GET /v1/rest/auth/metadata}: the public cloud's AzureAD metadata, without authentication.</li>
 * </ul>
 *
 * <p>A request fails with an HTTP error status and the service's error body as long as nothing has
 * been sent; once the 200 status line is out (the first statement of a query has started), later
 * failures, truncation and timeouts are reported inside the response, as the service reports
 * partial query failures. Honoured request properties: {@code servertimeout},
 * {@code norequesttimeout}, {@code notruncation}, {@code truncationmaxrecords},
 * {@code truncationmaxsize} and query parameters; {@code set} statements of the query text win.
 */
package dev.kustospark.local.http;
