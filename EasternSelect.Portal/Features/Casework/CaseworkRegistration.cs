using EasternSelect.Portal.Features.Casework.Complaints;
using EasternSelect.Portal.Features.Casework.Grievances;

namespace EasternSelect.Portal.Features.Casework;

public static class CaseworkRegistration
{
    /// <summary>/complaints and /grievances: casework, SLA settings, notifications and the public form's rate limits.</summary>
    public static IServiceCollection AddCasework(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(CaseworkSettings.From(configuration.GetSection("Casework").Get<CaseworkOptions>() ?? new()));
        services.AddScoped<NotificationService>();
        services.AddScoped<ComplaintService>();
        services.AddScoped<ComplaintIntake>();
        services.AddScoped<ComplaintCasework>();
        services.AddScoped<ComplaintKpiService>();
        services.AddScoped<GrievanceService>();
        services.AddScoped<GrievanceIntake>();
        services.AddScoped<GrievanceCasework>();
        services.AddPublicRateLimits(configuration);
        return services;
    }
}
