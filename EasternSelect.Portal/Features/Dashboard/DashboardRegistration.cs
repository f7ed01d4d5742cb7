namespace EasternSelect.Portal.Features.Dashboard;

public static class DashboardRegistration
{
    /// <summary>/dashboard: the role panels.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddScoped<DashboardService>();
        return services;
    }
}
