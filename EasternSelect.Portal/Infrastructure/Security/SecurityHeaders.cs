using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace EasternSelect.Portal.Infrastructure.Security;

/// <summary>Response headers of every answer (docs/decisions/0008).</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts only from the portal itself (blazor.web.js, MudBlazor.min.js, app.js; no inline script, so no
    /// import map). Styles allow 'unsafe-inline' because MudBlazor writes style attributes. 'self' in
    /// connect-src covers the same-origin SignalR WebSocket. Images and frames from the portal (file previews).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>Inspectors take photos with the camera; nothing else is needed.</summary>
    public const string PermissionsPolicy =
        "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=()";

    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        // Pages are never framed; files (image/PDF previews) may be framed by the portal's own pages.
        var page = response.ContentType is null || response.ContentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);
        // A file response keeps the stricter policy its endpoint chose (a sandbox: uploaded content never runs as the portal).
        if (page || headers.ContentSecurityPolicy.Count == 0)
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy + (page ? "; frame-ancestors 'none'" : "; frame-ancestors 'self'");
        }

        headers.XFrameOptions = page ? "DENY" : "SAMEORIGIN";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
    }
}

/// <summary>
/// X-Forwarded-For / -Proto are trusted only from the proxies in ForwardedHeaders:KnownProxies (addresses) and
/// ForwardedHeaders:KnownNetworks (CIDR, e.g. 10.0.0.0/8); with neither configured the headers are ignored.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static ForwardedHeadersOptions? Options(IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length == 0 && networks.Length == 0)
        {
            return null;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
        }

        return options;
    }
}
