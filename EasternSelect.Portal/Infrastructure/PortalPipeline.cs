using System.Text.Encodings.Web;
using System.Text.Unicode;
using EasternSelect.Data;
using EasternSelect.Portal.Components;
using EasternSelect.Portal.Components.Shared;
using EasternSelect.Portal.Features.Account;
using EasternSelect.Portal.Features.Casework.Grievances;
using EasternSelect.Portal.Features.Files;
using EasternSelect.Portal.Features.Imports;
using EasternSelect.Portal.Features.Inspections;
using EasternSelect.Portal.Features.Reports;
using EasternSelect.Portal.Features.Suppliers.Registry;
using EasternSelect.Portal.Infrastructure.Localization;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Localization;
using MudBlazor;
using MudBlazor.Services;

namespace EasternSelect.Portal.Infrastructure;

/// <summary>The shell every feature runs in: clock, database, Blazor, MudBlazor, localization; the request pipeline and endpoints.</summary>
public static class PortalPipeline
{
    public static IServiceCollection AddPortalShell(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        // Render Chinese as UTF-8 text rather than &#x…; escapes: smaller pages, readable source.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddPortalData(configuration, environment.ContentRootPath);
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(c => c.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight);
        services.AddTransient<MudLocalizer, PortalMudLocalizer>();
        services.AddScoped<PickerService>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    public static void UsePortalPipeline(this WebApplication app)
    {
        KeyProtection.EnsureConfigured(app);

        // First: scheme and client address as the load balancer saw them, for HSTS, cookies, throttling and audit.
        if (ForwardedHeadersSetup.Options(app.Configuration) is { } forwarded)
        {
            app.UseForwardedHeaders(forwarded);
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                SecurityHeaders.Apply(context.Response);
                return Task.CompletedTask;
            });
            await next();
        });
        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture(Cultures.Default).AddSupportedCultures(Cultures.Supported).AddSupportedUICultures(Cultures.Supported);
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        app.UseAuthentication();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseAuthorization();
        app.UsePublicRateLimits();
        app.UseAntiforgery();
    }

    public static void MapPortalEndpoints(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapSupplierEndpoints();
        app.MapImportEndpoints();
        app.MapInspectionEndpoints();
        app.MapFileEndpoints();
        app.MapReportEndpoints();
        app.MapCultureEndpoint();
        app.MapHealthChecks("/healthz").AllowAnonymous();
    }
}
