using EasternSelect.Portal.Features.Admin.Audit;
using EasternSelect.Portal.Features.Admin.Calendar;
using EasternSelect.Portal.Features.Admin.ComplaintTopics;
using EasternSelect.Portal.Features.Admin.Users;

namespace EasternSelect.Portal.Features.Admin;

public static class AdminRegistration
{
    /// <summary>/admin/*: users and roles, the audit log, the business calendar and the complaint topics.</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddScoped<UserAdminService>();
        services.AddScoped<AuditSearchService>();
        services.AddScoped<BusinessCalendarService>();
        services.AddScoped<ComplaintTopicService>();
        services.AddSingleton<BusinessCalendarCache>();
        services.AddHostedService(provider => provider.GetRequiredService<BusinessCalendarCache>());
        return services;
    }
}
