using EasternSelect.Portal.Features.Settings.KpiTargets;

namespace EasternSelect.Portal.Features.Settings;

public static class SettingsRegistration
{
    /// <summary>/settings/*: the yearly KPI targets.</summary>
    public static IServiceCollection AddSettings(this IServiceCollection services)
    {
        services.AddScoped<KpiTargetService>();
        return services;
    }
}
