using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace EasternSelect.Portal.Infrastructure;

/// <summary>
/// The portal reads one appsettings.json, kept at the repository root and copied beside the
/// binaries at build; appsettings.{Environment}.json, environment variables and the command line
/// override it as usual.
/// </summary>
public static class PortalConfiguration
{
    public static void UseRootAppSettings(this WebApplicationBuilder builder)
    {
        var sources = builder.Configuration.Sources;
        var defaults = sources.OfType<JsonConfigurationSource>()
            .Where(s => s.Path is not null && s.Path.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var index = defaults.Count > 0 ? sources.IndexOf(defaults[0]) : 0;
        foreach (var source in defaults)
        {
            sources.Remove(source);
        }

        var folder = new PhysicalFileProvider(AppContext.BaseDirectory);
        sources.Insert(index, Json(folder, $"appsettings.{builder.Environment.EnvironmentName}.json", optional: true));
        sources.Insert(index, Json(folder, "appsettings.json", optional: false));
    }

    /// <summary>
    /// Demo mode: on in Development, or with Demo:Enabled=true. In Production it is refused (the portal does not
    /// start) unless Demo:AllowInProduction=true is set too.
    /// </summary>
    public static bool IsDemoMode(IConfiguration configuration, IHostEnvironment environment)
    {
        var enabled = configuration.GetValue<bool>("Demo:Enabled");
        if (enabled && environment.IsProduction() && !configuration.GetValue<bool>("Demo:AllowInProduction"))
        {
            throw new InvalidOperationException(
                "Demo:Enabled=true in the Production environment: demo accounts share one published password. Set Demo:AllowInProduction=true as well to start anyway.");
        }

        return environment.IsDevelopment() || enabled;
    }

    /// <summary>Demo conveniences (the shared password on the sign-in page, administrators without a second factor): demo mode outside Production only.</summary>
    public static bool ShowsDemoConveniences(IConfiguration configuration, IHostEnvironment environment) =>
        IsDemoMode(configuration, environment) && !environment.IsProduction();

    private static JsonConfigurationSource Json(IFileProvider folder, string path, bool optional)
    {
        var source = new JsonConfigurationSource { FileProvider = folder, Path = path, Optional = optional, ReloadOnChange = false };
        source.ResolveFileProvider();
        return source;
    }
}
