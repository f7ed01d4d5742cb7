using EasternSelect.Portal.Features.Admin.Audit;
using EasternSelect.Portal.Features.Admin.Users;

namespace EasternSelect.Portal.Features.Admin;

public static class AdminRegistration
{
    /// <summary>/admin/*: users and roles, the audit log.</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddScoped<UserAdminService>();
        services.AddScoped<AuditSearchService>();
        return services;
    }
}
